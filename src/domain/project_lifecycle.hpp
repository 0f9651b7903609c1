#pragma once
/// The project lifecycle of docs/definitions.md as an explicit state machine (项目全流程):
/// 村申报 → 乡审核 → 县审定入库 → 纳入年度计划 → 资金安排 → 开工 → 完工 → 验收 → 资产移交,
/// with rejection, roll-over and cancellation where a real process allows them.
/// Transitions are data; every one has a guard that names what is missing.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/status.hpp"
#include "domain/asset.hpp"
#include "domain/project.hpp"

namespace xj {

/// A pre-procedure (前置手续) that must be complete, with a document reference, before
/// funds can be arranged (`approved`). Values are persisted: never renumber.
enum class ProcedureKind : int {
  kLand = 1,            ///< 用地手续
  kEnvironment = 2,     ///< 环评
  kFeasibility = 3,     ///< 可研/初设批复
  kTenderOrRelief = 4,  ///< 招标，或以工代赈实施方式确定
};
std::string_view ProcedureKindName(ProcedureKind k);
std::string_view ProcedureKindLabel(ProcedureKind k);
std::optional<ProcedureKind> ParseProcedureKind(std::string_view text);
/// Every procedure kind, in display order.
std::span<const ProcedureKind> AllProcedureKinds();

/// The state of one pre-procedure of a project.
struct ProcedureStatus {
  ProcedureKind kind = ProcedureKind::kLand;
  bool complete = false;
  std::string document_ref;  ///< 批复文号, required when complete
};

/// One allowed step.
struct Transition {
  std::string_view action;  ///< "submit", "township_approve", …
  std::string_view label;   ///< 中文动作名
  std::vector<ProjectState> from;
  ProjectState to;
  bool reason_required = false;
  bool needs_procedures = false;  ///< all pre-procedures complete with a document reference
  bool sets_actual_start = false;
  bool sets_actual_finish = false;
};

/// The transition table, in lifecycle order.
const std::vector<Transition>& ProjectTransitions();
/// The transition named `action`, or nullptr.
const Transition* FindTransition(std::string_view action);
/// Actions allowed from `state` (for the UI's buttons).
std::vector<const Transition*> TransitionsFrom(ProjectState state);

/// What a transition request carries.
struct TransitionRequest {
  std::string action;
  std::string reason;
  Date on;  ///< the date of the step (actual start / finish for those steps)
  /// For the hand-over (资产移交): the assets it creates; empty = one asset from the project.
  std::vector<Asset> assets = {};
};

/// Checks `request` against the project's current state and pre-procedures. Returns
/// the transition to apply, or FailedPrecondition-like errors (InvalidArgument for an
/// unknown action; Conflict naming the current state and what is missing).
Result<const Transition*> CheckTransition(const Project& project, const std::vector<ProcedureStatus>& procedures,
                                          const TransitionRequest& request);

/// The project after applying `t` on `on`.
Project ApplyTransition(Project project, const Transition& t, Date on);

/// One recorded step of a project, as the payment check reads it.
struct ProjectStep {
  ProjectState from = ProjectState::kDraft;
  ProjectState to = ProjectState::kDraft;
  Date on;
};

/// Whether a payment (拨付/支出) dated `date` on a project now in `current`, with `steps` in
/// the order taken, has a basis in the plan (issue #14): the project reached `approved`
/// (资金已安排) at some time — its current state or any step into or out of a funded state —
/// and its state before `date` (after the steps dated earlier) is neither `cancelled` nor
/// `rejected`. A project without history counts in its current state from the start.
bool PaymentHasBasis(ProjectState current, const std::vector<ProjectStep>& steps, Date date);

}  // namespace xj
