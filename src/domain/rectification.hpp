#pragma once
/// Rectification of supervision findings (问题整改, issue #18 point 2) as a state machine:
/// open 待整改 → rectifying 整改中 → submitted 已提交 → verified 已销号, or returned 已退回 and back
/// to rectifying or submitted. Transitions are data; each names who acts (the unit concerned or the
/// supervisor) and what it must carry (docs/definitions.md §9).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/status.hpp"

namespace xj {

/// The state of a rectification item. Stored by name.
enum class RectificationStatus : int {
  kOpen = 1,        ///< 待整改
  kRectifying = 2,  ///< 整改中
  kSubmitted = 3,   ///< 已提交（待验收）
  kVerified = 4,    ///< 已销号
  kReturned = 5,    ///< 已退回
};
std::string_view RectificationStatusName(RectificationStatus s);
std::string_view RectificationStatusLabel(RectificationStatus s);
std::optional<RectificationStatus> ParseRectificationStatus(std::string_view name);

/// Who takes a step: the unit concerned (整改责任单位) or the supervisor (督导).
enum class RectificationActor : int { kUnit = 1, kSupervisor = 2 };

/// One allowed step.
struct RectificationStep {
  std::string_view action;  ///< "assign", "start", "submit", "verify", "return"
  std::string_view label;   ///< 中文动作名
  std::vector<RectificationStatus> from;
  std::optional<RectificationStatus> to;  ///< nullopt: the state stays (assign)
  RectificationActor by = RectificationActor::kUnit;
};

/// The table of steps, in lifecycle order.
const std::vector<RectificationStep>& RectificationSteps();
/// The step named `action`, or nullptr.
const RectificationStep* FindRectificationStep(std::string_view action);

/// A rectification item: one per finding.
struct Rectification {
  std::int64_t finding_id = 0;
  std::string region_code;  ///< the finding's unit
  RectificationStatus status = RectificationStatus::kOpen;
  std::string owner;             ///< 整改责任人
  std::optional<Date> deadline;  ///< 整改时限
  std::string measures;          ///< 整改措施
  std::string evidence;          ///< 整改佐证（说明；附件见 point 3）
  std::string verification;      ///< 验收意见（销号或退回理由）
  std::string verified_by, verified_at;
  std::int64_t version = 1;  ///< raised by every step (optimistic concurrency)
  std::string updated_at;
};

/// One step taken on an item (整改记录).
struct RectificationEvent {
  std::int64_t id = 0;  ///< assigned by the store
  std::int64_t finding_id = 0;
  std::string action;
  RectificationStatus from_status = RectificationStatus::kOpen;
  RectificationStatus to_status = RectificationStatus::kOpen;
  std::string actor, at, note;
};

/// What a step request carries.
struct RectificationRequest {
  std::string action;
  std::int64_t version = 0;
  std::optional<std::string> owner;
  std::optional<Date> deadline;
  std::optional<std::string> measures;
  std::optional<std::string> evidence;
  std::string note;  ///< verification note (verify), reason (return)
};

/// Checks `request` against the item: InvalidArgument ("unknown_action") for an unknown action,
/// Conflict ("stale_version") for another version, Conflict ("bad_transition") naming the state
/// when the step is not allowed from it, InvalidArgument ("missing_field") when the step lacks
/// what it needs — an owner and a deadline to start, measures to start, evidence to submit, a
/// reason to return. Returns the step.
Result<const RectificationStep*> CheckRectificationStep(const Rectification& item, const RectificationRequest& request);

/// The item after the step (fields the request carries replace the item's; status moved; version raised).
Rectification ApplyRectificationStep(Rectification item, const RectificationStep& step,
                                     const RectificationRequest& request);

/// Whether the item is overdue on `today`: a deadline before today and not verified.
bool IsOverdue(const Rectification& item, Date today);

}  // namespace xj
