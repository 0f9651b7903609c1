#pragma once
/// The stored form of a performance evaluation (绩效评价, migrations 0031, 0032): the evaluation,
/// one row per item of its template version and its steps. The app (app/evaluations.cpp) fills
/// and reads them; the store only keeps them.

#include <cstdint>
#include <optional>
#include <string>

namespace xj {

struct EvaluationRecord {
  std::int64_t id = 0;  ///< assigned by the store
  std::string region_code;
  int year = 0;
  std::string as_of;  ///< YYYY-MM-DD: the date the engine's figures are read on
  std::string template_version;
  std::string status;                 ///< self_evaluation|submitted|reviewed|final
  std::optional<std::int64_t> total;  ///< hundredths of a point; set once every item is scored
  std::string grade;                  ///< excellent|good|pass|fail, '' while unscored
  std::string created_by, created_at, updated_at;
  std::string finalized_by, finalized_at;  ///< empty until final
  std::int64_t version = 1;                ///< raised by every change
};

struct EvaluationItemRecord {
  std::int64_t evaluation_id = 0;
  std::string item_id;
  std::string source;                       ///< engine|manual (an engine item without data is scored as manual)
  std::string figure;                       ///< the engine's figure as shown ("92.34%", "1 笔"), '' for manual
  std::optional<std::int64_t> points;       ///< hundredths; nullopt while unscored
  std::string evidence;                     ///< the evaluator's evidence note
  std::optional<std::int64_t> self_points;  ///< the county's points before a prefecture adjusted them
  std::string adjust_reason;                ///< the prefecture's reason for the adjustment
  std::string scored_by, scored_at;
};

struct EvaluationStepRecord {
  std::int64_t id = 0;
  std::int64_t evaluation_id = 0;
  std::string step;  ///< create|score|submit|review|return|finalize
  std::string from_status, to_status;
  std::string actor, at;
  std::string note;
};

}  // namespace xj
