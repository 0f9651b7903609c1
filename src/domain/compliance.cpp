#include "domain/compliance.hpp"

#include <algorithm>
#include <cstdio>

#include "core/int128.hpp"

namespace xj {
namespace {

std::string Yuan(FenTotal f) {
  return FormatYuan(f) + " 元";
}

/// Basis points as a percentage: 6000 → "60%", 5990 → "59.90%".
std::string Percent(std::int64_t bp) {
  char buf[32];
  if (bp % 100 == 0) {
    std::snprintf(buf, sizeof buf, "%lld%%", static_cast<long long>(bp / 100));
  } else {
    std::snprintf(buf, sizeof buf, "%lld.%02lld%%", static_cast<long long>(bp / 100), static_cast<long long>(bp % 100));
  }
  return buf;
}

/// Negative list: a keyword of an item in force appears in what the project builds or pays for.
void CheckNegativeList(const ComplianceInput& in, std::vector<ComplianceFinding>& out) {
  const std::string haystack = in.project->name + "\n" + in.project->subcategory + "\n" +
                               in.details->construction_content + "\n" + in.details->fund_uses;
  for (const NegativeListHit& hit : FindNegativeListHits(haystack, *in.references, in.on)) {
    out.push_back(
        {std::string(ComplianceRule::kNegativeList), hit.item.code, true,
         "资金用途涉及负面清单「" + hit.item.text + "」（" + hit.item.code + "，识别词「" + hit.keyword + "」）"});
  }
}

/// Category: known to the project-type catalogue and covered by a department's guideline in force.
void CheckCatalogue(const ComplianceInput& in, std::vector<ComplianceFinding>& out) {
  const std::optional<std::string> code = in.categories->CodeOf(in.project->category, in.project->subcategory);
  if (!code) {
    out.push_back({std::string(ComplianceRule::kCategoryNotInCatalogue), in.project->category, true,
                   "项目类别「" + in.project->category + "」不在项目类型目录中"});
    return;
  }
  const auto guidelines = in.references->InForce(ReferenceKind::kGuideline, in.on);
  const bool covered = std::any_of(guidelines.begin(), guidelines.end(),
                                   [&](const ReferenceItem& g) { return g.category_code == *code; });
  if (!covered) {
    out.push_back({std::string(ComplianceRule::kCategoryNotInCatalogue), *code, true,
                   "项目类别 " + *code + " 不在 " + in.on.ToString() + " 有效的各部门建设内容指引目录中"});
  }
}

/// Tendering and work relief: both hinge on the same policy threshold (4,000,000 yuan by default).
void CheckProcurement(const ComplianceInput& in, std::vector<ComplianceFinding>& out) {
  const Project& p = *in.project;
  if (!p.gov_infrastructure) return;
  const Fen threshold(in.policies->ValueAt(PolicyKey::kWorkReliefThresholdFen, in.on));
  if (p.total_investment >= threshold) {
    if (in.details->procurement != Procurement::kTender) {
      out.push_back({std::string(ComplianceRule::kTenderRequired), "", true,
                     "工程建设投资 " + Yuan(p.total_investment) + " 达到 " + Yuan(threshold) + "，须公开招标"});
    }
    return;
  }
  const bool relief = p.work_relief || in.details->procurement == Procurement::kWorkRelief;
  if (p.low_skill && !relief && !in.details->work_relief_considered) {
    out.push_back({std::string(ComplianceRule::kWorkReliefNotConsidered), "", true,
                   "政府投资基建项目投资 " + Yuan(p.total_investment) + " 低于 " + Yuan(threshold) +
                       " 且技术要求低，应优先采取以工代赈方式（或说明不适用的理由）"});
  }
}

void CheckIndustryShare(const ComplianceInput& in, std::vector<ComplianceFinding>& out) {
  const CountyPlanShare& s = in.county_plan;
  if (s.total.value() <= 0) return;
  const std::int64_t min_bp = in.policies->ValueAt(PolicyKey::kIndustryShareMinBp, in.on);
  // industry / total < min_bp / 10000, in integers.
  if (static_cast<Int128>(s.industry.value()) * 10000 >= static_cast<Int128>(min_bp) * s.total.value()) return;
  const std::int64_t share_bp =
      static_cast<std::int64_t>(static_cast<Int128>(s.industry.value()) * 10000 / s.total.value());
  out.push_back({std::string(ComplianceRule::kIndustryShareBelowMinimum), "", false,
                 "本县 " + std::to_string(in.project->year) + " 年度计划产业发展项目资金占比 " + Percent(share_bp) +
                     "（" + Yuan(s.industry) + " / " + Yuan(s.total) + "），低于政策下限 " + Percent(min_bp)});
}

}  // namespace

std::vector<ComplianceFinding> ReviewCompliance(const ComplianceInput& input) {
  std::vector<ComplianceFinding> out;
  CheckNegativeList(input, out);
  CheckCatalogue(input, out);
  CheckProcurement(input, out);
  CheckIndustryShare(input, out);
  return out;
}

bool HasBlockingFinding(const std::vector<ComplianceFinding>& findings) {
  return std::any_of(findings.begin(), findings.end(), [](const ComplianceFinding& f) { return f.blocking; });
}

}  // namespace xj
