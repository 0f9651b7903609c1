#pragma once
/// 绩效评价 (performance evaluation of a county's linkage funds, issue #19 point 3;
/// docs/definitions.md §15): an evaluation per county and fund year on the template version in
/// force when it was created (domain/evaluation), its engine items computed from the figures the
/// system holds, its manual items scored by the county with evidence, then county self-evaluation
/// → prefecture review → region final, each step audited; final is immutable. The use cases are
/// App methods (evaluations.cpp).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.hpp"
#include "domain/evaluation.hpp"
#include "store/evaluation_records.hpp"

namespace xj {

/// The statuses, in order: the county scores (self_evaluation), the prefecture reviews
/// (submitted), the region decides (reviewed), done (final).
inline constexpr std::string_view kEvaluationSelf = "self_evaluation";
inline constexpr std::string_view kEvaluationSubmitted = "submitted";
inline constexpr std::string_view kEvaluationReviewed = "reviewed";
inline constexpr std::string_view kEvaluationFinal = "final";

/// What a new evaluation asks for: a county, a fund year and, optionally, the date the engine's
/// figures are read on (default: 31 December of the year, or today while the year runs).
struct NewEvaluation {
  std::string region_code;
  int year = 0;
  std::optional<Date> as_of;
};

/// One item of an evaluation: the template's item and how it was scored.
struct EvaluationItemView {
  EvaluationItem item;
  EvaluationItemRecord score;
};

/// An evaluation as the API shows it.
struct EvaluationView {
  EvaluationRecord record;
  std::string region_name;
  std::string template_title;
  std::int64_t max_total = 0;
  EvaluationTotals totals;
  GradeBands bands;
  std::vector<EvaluationItemView> items;  ///< in the template's order
  std::vector<EvaluationStepRecord> steps;
};

/// An evaluator's score of one manual item; `reason` is required when a prefecture adjusts the
/// county's score in review.
struct EvaluationScore {
  std::string item_id;
  std::int64_t points = 0;  ///< hundredths
  std::string evidence;
  std::string reason;
};

/// A step: "submit", "review", "return" or "finalize", with a note (required to return) and the
/// version the caller saw (0 = not checked).
struct EvaluationStep {
  std::string step;
  std::string note;
  std::int64_t version = 0;
};

/// The API's JSON of an evaluation (points as numbers with two decimals).
nlohmann::ordered_json EvaluationJson(const EvaluationView& view);
/// The API's JSON of an evaluation without its items and steps (the list).
nlohmann::ordered_json EvaluationSummaryJson(const EvaluationView& view);
/// The API's JSON of a template version.
nlohmann::ordered_json EvaluationTemplateJson(const EvaluationTemplate& tmpl);

}  // namespace xj
