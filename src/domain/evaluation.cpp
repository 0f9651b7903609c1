#include "domain/evaluation.hpp"

#include <algorithm>
#include <array>

#include "core/int128.hpp"

namespace xj {
namespace {

EvaluationItem Manual(std::string id, EvaluationPart part, std::string name, std::string criteria,
                      std::int64_t max_points, std::int64_t min_points = 0) {
  EvaluationItem i;
  i.id = std::move(id);
  i.part = part;
  i.name = std::move(name);
  i.criteria = std::move(criteria);
  i.max_points = max_points;
  i.min_points = min_points;
  return i;
}

EvaluationItem Linear(std::string id, EvaluationPart part, std::string name, std::string criteria,
                      std::int64_t max_points, std::int64_t min_points, EvaluationMetric metric,
                      std::int64_t zero_at_bp, std::int64_t full_at_bp) {
  EvaluationItem i = Manual(std::move(id), part, std::move(name), std::move(criteria), max_points, min_points);
  i.rule = EvaluationRule::kLinear;
  i.metric = metric;
  i.zero_at_bp = zero_at_bp;
  i.full_at_bp = full_at_bp;
  return i;
}

EvaluationItem PerCount(std::string id, EvaluationPart part, std::string name, std::string criteria,
                        std::int64_t max_points, EvaluationMetric metric, std::int64_t per_count) {
  EvaluationItem i = Manual(std::move(id), part, std::move(name), std::move(criteria), max_points);
  i.rule = EvaluationRule::kPerCount;
  i.metric = metric;
  i.per_count = per_count;
  return i;
}

using P = EvaluationPart;
using M = EvaluationMetric;

/// The items both versions share; `timeliness_per`, `execution` and `industry` are what changed.
std::vector<EvaluationItem> Items(std::int64_t timeliness_per, std::int64_t execution, std::int64_t industry) {
  return {
      PerCount("A1", P::kFundAllocation, "资金分配及时性",
               "收到上级下达资金后按时限分解下达、分配到项目；每超期一笔（下达或分配）扣减，扣完为止", 1000,
               M::kTimelinessBreaches, timeliness_per),
      Manual("A2", P::kFundAllocation, "资金分配合理性", "资金按因素法分配、投向符合支持重点，分配结果按规定公开", 500),
      Manual("B1", P::kProjectManagement, "项目库建设", "项目库规范建立、动态调整，入库项目履行论证和审定程序", 500),
      Manual("B2", P::kProjectManagement, "公告公示", "项目安排和资金使用情况按规定在县乡村三级公告公示", 500),
      Manual("B3", P::kProjectManagement, "前期程序", "项目按规定完成可研、审批、招投标、合同等前期程序", 500),
      Linear("B4", P::kProjectManagement, "问题整改", "评价年度督导发现问题的整改销号率：100% 得满分，按比例得分", 1000,
             0, M::kRectificationRate, 0, 10000),
      Linear("C1", P::kEffect, "预算执行率", "年度中央衔接资金支出进度：100% 得满分，按比例得分", execution, 0,
             M::kExpendProgress, 0, 10000),
      Linear("C2", P::kEffect, "产业占比", "用于产业发展的中央衔接资金占比：达到 60% 得满分，低于的按比例得分",
             industry, 0, M::kIndustryShare, 0, 6000),
      Manual("C3", P::kEffect, "联农带农", "产业项目建立联农带农机制，带动脱贫人口和监测对象增收", 1000),
      Manual("C4", P::kEffect, "资产管理", "项目资产及时确权登记、纳入管理，经营性资产收益分配规范", 1000),
      Manual("D1", P::kAdjustment, "审计发现问题", "审计、财政监督等发现问题，视情节扣分", 0, -500),
      Linear("D2", P::kAdjustment, "以拨代支", "以拨代支金额占下达资金比例：每 1% 扣 1 分，最多扣 5 分", 0, -500,
             M::kDisburseAsExpendShare, 0, 500),
      Linear("D3", P::kAdjustment, "超进度拨款", "超进度拨款金额占下达资金比例：每 1% 扣 1 分，最多扣 5 分", 0, -500,
             M::kPayAheadShare, 0, 500),
  };
}

const std::array<EvaluationTemplate, 2>& Versions() {
  static const std::array<EvaluationTemplate, 2> versions = {{
      {"2021.1", Date::FromYmd(2021, 1, 1), "衔接资金绩效评价评分表（2021 版）", Items(250, 3000, 1000)},
      {"2025.1", Date::FromYmd(2025, 1, 1), "衔接资金绩效评价评分表（2025 版）", Items(200, 2500, 1500)},
  }};
  return versions;
}

/// n ÷ d rounded half away from zero; d > 0.
std::int64_t DivRound(Int128 n, Int128 d) {
  const Int128 a = n < 0 ? -n : n;
  const Int128 q = (2 * a + d) / (2 * d);
  return static_cast<std::int64_t>(n < 0 ? -q : q);
}

}  // namespace

std::string_view EvaluationPartName(EvaluationPart part) {
  switch (part) {
    case EvaluationPart::kFundAllocation: return "fund_allocation";
    case EvaluationPart::kProjectManagement: return "project_management";
    case EvaluationPart::kEffect: return "effect";
    case EvaluationPart::kAdjustment: return "adjustment";
  }
  return "unknown";
}

std::string_view EvaluationPartLabel(EvaluationPart part) {
  switch (part) {
    case EvaluationPart::kFundAllocation: return "资金分解下达";
    case EvaluationPart::kProjectManagement: return "项目管理";
    case EvaluationPart::kEffect: return "使用成效";
    case EvaluationPart::kAdjustment: return "加减分";
  }
  return "未知";
}

std::string_view EvaluationMetricName(EvaluationMetric metric) {
  switch (metric) {
    case EvaluationMetric::kNone: return "";
    case EvaluationMetric::kTimelinessBreaches: return "timeliness_breaches";
    case EvaluationMetric::kRectificationRate: return "rectification_rate";
    case EvaluationMetric::kExpendProgress: return "expend_progress";
    case EvaluationMetric::kIndustryShare: return "industry_share";
    case EvaluationMetric::kDisburseAsExpendShare: return "disburse_as_expend_share";
    case EvaluationMetric::kPayAheadShare: return "pay_ahead_share";
  }
  return "";
}

std::string_view EvaluationRuleName(EvaluationRule rule) {
  switch (rule) {
    case EvaluationRule::kManual: return "manual";
    case EvaluationRule::kLinear: return "linear";
    case EvaluationRule::kPerCount: return "per_count";
  }
  return "manual";
}

const EvaluationItem* EvaluationTemplate::Find(std::string_view item_id) const {
  for (const EvaluationItem& i : items) {
    if (i.id == item_id) return &i;
  }
  return nullptr;
}

std::int64_t EvaluationTemplate::MaxTotal() const {
  std::int64_t total = 0;
  for (const EvaluationItem& i : items) total += i.max_points;
  return total;
}

std::span<const EvaluationTemplate> EvaluationTemplates() {
  return Versions();
}

const EvaluationTemplate* CurrentEvaluationTemplate(std::span<const EvaluationTemplate> versions, Date date) {
  const EvaluationTemplate* current = nullptr;
  for (const EvaluationTemplate& t : versions) {
    if (t.effective_from <= date && (!current || current->effective_from <= t.effective_from)) current = &t;
  }
  return current;
}

const EvaluationTemplate* FindEvaluationTemplate(std::span<const EvaluationTemplate> versions,
                                                 std::string_view version) {
  for (const EvaluationTemplate& t : versions) {
    if (t.version == version) return &t;
  }
  return nullptr;
}

std::optional<std::int64_t> EngineItemPoints(const EvaluationItem& item, const EvaluationFigure& figure) {
  const std::int64_t full = item.full_points();
  switch (item.rule) {
    case EvaluationRule::kManual: return std::nullopt;
    case EvaluationRule::kLinear: {
      if (!figure.ratio || !figure.ratio->defined() || item.full_at_bp == item.zero_at_bp) return std::nullopt;
      // points = full × (x − zero_at) ÷ (full_at − zero_at) with x = 10000 × num ÷ den in bp, exactly.
      Int128 n = Int128{full} * (Int128{10000} * figure.ratio->num - Int128{item.zero_at_bp} * figure.ratio->den);
      Int128 d = Int128{item.full_at_bp - item.zero_at_bp} * figure.ratio->den;
      if (d < 0) {
        n = -n;
        d = -d;
      }
      const std::int64_t points = DivRound(n, d);
      return std::clamp(points, std::min<std::int64_t>(0, full), std::max<std::int64_t>(0, full));
    }
    case EvaluationRule::kPerCount: {
      if (!figure.count) return std::nullopt;
      const Int128 points = Int128{item.max_points} - Int128{item.per_count} * std::max<std::int64_t>(0, *figure.count);
      return points < item.min_points ? item.min_points : static_cast<std::int64_t>(points);
    }
  }
  return std::nullopt;
}

Status CheckManualScore(const EvaluationItem& item, std::int64_t points, std::string_view evidence) {
  if (points < item.min_points || points > item.max_points) {
    return Status::InvalidArgument("评分项 " + item.id + "（" + item.name + "）的得分应在 " +
                                   FormatHundredths(item.min_points) + " 至 " + FormatHundredths(item.max_points) +
                                   " 之间")
        .WithReason("score_out_of_range");
  }
  if (evidence.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return Status::InvalidArgument("评分项 " + item.id + "（" + item.name + "）须填写佐证材料说明")
        .WithReason("missing_evidence");
  }
  return Status::Ok();
}

std::string_view GradeOf(std::int64_t total, const GradeBands& bands) {
  if (total >= bands.excellent) return "excellent";
  if (total >= bands.good) return "good";
  if (total >= bands.pass) return "pass";
  return "fail";
}

std::string_view GradeLabel(std::string_view grade) {
  if (grade == "excellent") return "优";
  if (grade == "good") return "良";
  if (grade == "pass") return "中";
  if (grade == "fail") return "差";
  return "";
}

EvaluationTotals SumEvaluation(const EvaluationTemplate& tmpl, std::span<const ItemPoints> scores) {
  EvaluationTotals t;
  for (const EvaluationItem& item : tmpl.items) {
    auto it = std::find_if(scores.begin(), scores.end(), [&](const ItemPoints& s) { return s.item_id == item.id; });
    if (it == scores.end() || !it->points) {
      ++t.unscored;
      continue;
    }
    t.parts[static_cast<int>(item.part) - 1] += *it->points;
    t.total += *it->points;
  }
  return t;
}

}  // namespace xj
