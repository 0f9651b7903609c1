#pragma once
/// 绩效评价 (performance evaluation of a county's linkage funds, issue #19 point 3; docs/definitions.md
/// §15): the scoring template in the national four parts as versioned data, the rule of each item
/// (an engine figure against thresholds, or an evaluator's score with evidence), the sum and the
/// grade bands (优/良/中/差). Pure: the app feeds the figures and the evaluators' scores.
///
/// Points are held in hundredths of a point (a score of 12.5 is 1250), as every figure of the
/// template: an item's points are rounded half away from zero to the hundredth once, and the
/// total is the exact sum of the items' points.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/ratio.hpp"
#include "core/status.hpp"

namespace xj {

/// The four parts of the national template. Values are persisted: never renumber.
enum class EvaluationPart : int {
  kFundAllocation = 1,     ///< 资金分解下达
  kProjectManagement = 2,  ///< 项目管理
  kEffect = 3,             ///< 使用成效
  kAdjustment = 4,         ///< 加减分
};

/// "fund_allocation", "project_management", "effect", "adjustment".
std::string_view EvaluationPartName(EvaluationPart part);
/// 资金分解下达, 项目管理, 使用成效, 加减分.
std::string_view EvaluationPartLabel(EvaluationPart part);

/// The figure an engine item reads (docs/definitions.md §15 says how the app computes each).
enum class EvaluationMetric : int {
  kNone = 0,                   ///< a manual item
  kTimelinessBreaches = 1,     ///< 资金分配时效: receipts passed on late (count)
  kRectificationRate = 2,      ///< 问题整改率: verified ÷ findings of the year
  kExpendProgress = 3,         ///< 预算执行率: the engine's expend_progress on 31 December (or the as-of date)
  kIndustryShare = 4,          ///< 产业占比: the engine's industry_share
  kDisburseAsExpendShare = 5,  ///< 以拨代支 ÷ allocated
  kPayAheadShare = 6,          ///< 超进度拨款 ÷ allocated
};

/// "timeliness_breaches", "rectification_rate", "expend_progress", "industry_share",
/// "disburse_as_expend_share", "pay_ahead_share"; "" for kNone.
std::string_view EvaluationMetricName(EvaluationMetric metric);

/// How an item is scored.
enum class EvaluationRule : int {
  kManual = 0,    ///< an evaluator's score in [min, max] with an evidence note
  kLinear = 1,    ///< a ratio: 0 points at or below zero_at_bp, the full points at or beyond full_at_bp, linear between
  kPerCount = 2,  ///< a count: max − per_count × count, never below min
};

/// "manual", "linear", "per_count".
std::string_view EvaluationRuleName(EvaluationRule rule);

/// One item of a template. For a deduction item (加减分) max_points is 0 and min_points negative;
/// its "full points" are min_points (the largest deduction).
struct EvaluationItem {
  std::string id;  ///< stable within a version: "A1", "B4", …
  EvaluationPart part = EvaluationPart::kFundAllocation;
  std::string name;             ///< 资金分配及时性, …
  std::string criteria;         ///< what the evaluator looks at / how the figure is scored, in Chinese
  std::int64_t max_points = 0;  ///< hundredths
  std::int64_t min_points = 0;  ///< hundredths; 0, or negative for a deduction
  EvaluationRule rule = EvaluationRule::kManual;
  EvaluationMetric metric = EvaluationMetric::kNone;
  std::int64_t zero_at_bp = 0;  ///< kLinear: the figure (bp, 10000 = 100%) scoring 0
  std::int64_t full_at_bp = 0;  ///< kLinear: the figure scoring the full points (≠ zero_at_bp)
  std::int64_t per_count = 0;   ///< kPerCount: hundredths of a point per counted event

  /// The points at the end the rule moves towards: max_points, or min_points for a deduction.
  std::int64_t full_points() const { return max_points != 0 ? max_points : min_points; }
};

/// A version of the template (评分模板). Versions are never changed once published; a new
/// version takes effect on its date and an evaluation keeps the version it was created with.
struct EvaluationTemplate {
  std::string version;  ///< "2021.1", "2025.1"
  Date effective_from;
  std::string title;
  std::vector<EvaluationItem> items;  ///< in sheet order, parts 1–4

  const EvaluationItem* Find(std::string_view item_id) const;
  /// Σ max_points of the items (the template's full score, 100 points = 10000).
  std::int64_t MaxTotal() const;
};

/// The published versions, oldest first.
std::span<const EvaluationTemplate> EvaluationTemplates();
/// The version in force on `date` (the latest with effective_from ≤ date); nullptr before the first.
const EvaluationTemplate* CurrentEvaluationTemplate(std::span<const EvaluationTemplate> versions, Date date);
/// The version named `version`; nullptr when there is none.
const EvaluationTemplate* FindEvaluationTemplate(std::span<const EvaluationTemplate> versions,
                                                 std::string_view version);

/// The figure an engine item reads: a ratio (kLinear) or a count (kPerCount); neither when the
/// data does not exist (nothing allocated, no findings, no receipts) — the item is then scored by
/// the evaluator with evidence, as a manual one.
struct EvaluationFigure {
  std::optional<Ratio> ratio;
  std::optional<std::int64_t> count;
  bool defined() const { return (ratio && ratio->defined()) || count.has_value(); }
};

/// The points an engine item gives for `figure`, rounded half away from zero to the hundredth;
/// nullopt when the figure is undefined or of the wrong kind for the rule (or the item is manual).
std::optional<std::int64_t> EngineItemPoints(const EvaluationItem& item, const EvaluationFigure& figure);

/// Checks an evaluator's score of `item`: within [min_points, max_points] (InvalidArgument
/// "score_out_of_range") and with a non-blank evidence note (InvalidArgument "missing_evidence").
Status CheckManualScore(const EvaluationItem& item, std::int64_t points, std::string_view evidence);

/// 优/良/中/差 by the total: ≥ excellent 优, ≥ good 良, ≥ pass 中, else 差 (policy keys
/// evaluation_grade_*_points, hundredths).
struct GradeBands {
  std::int64_t excellent = 9000;
  std::int64_t good = 8000;
  std::int64_t pass = 6000;
};

/// "excellent", "good", "pass", "fail".
std::string_view GradeOf(std::int64_t total, const GradeBands& bands);
/// 优, 良, 中, 差 for the names of GradeOf.
std::string_view GradeLabel(std::string_view grade);

/// One item's points in an evaluation (nullopt while unscored).
struct ItemPoints {
  std::string item_id;
  std::optional<std::int64_t> points;
};

/// The sum of an evaluation: per part and in total, and whether every item is scored.
struct EvaluationTotals {
  std::int64_t parts[4] = {0, 0, 0, 0};  ///< indexed by part − 1
  std::int64_t total = 0;
  int unscored = 0;
};

/// Sums the points of `scores` over the template's items (an id the template lacks is ignored;
/// an item missing from `scores` counts as unscored).
EvaluationTotals SumEvaluation(const EvaluationTemplate& tmpl, std::span<const ItemPoints> scores);

}  // namespace xj
