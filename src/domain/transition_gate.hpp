#pragma once
/// What still blocks each workflow step of a project (issue #21 point 4): the guards of the
/// lifecycle (pre-procedures, project_lifecycle) and of the library (joint-review sign-offs,
/// postings and objections, money booked on a project to roll over), evaluated from facts the
/// caller has loaded. The transition refuses with these messages and the project page shows them
/// next to the button: one copy of the rules. Messages are Chinese, without internal codes.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "domain/joint_review.hpp"
#include "domain/posting.hpp"
#include "domain/project_lifecycle.hpp"

namespace xj {

/// The kinds of blocker, stable for clients (docs/openapi.yaml TransitionBlocker).
inline constexpr std::string_view kBlockProcedures = "procedures";  ///< 前置手续未完备
inline constexpr std::string_view kBlockSignoffs = "signoffs";      ///< 联审联批未完成
inline constexpr std::string_view kBlockPosting = "posting";        ///< 未公示或公示期未满
inline constexpr std::string_view kBlockObjections = "objections";  ///< 公示期间有未处理的异议
inline constexpr std::string_view kBlockLedger = "ledger";          ///< 已安排资金，不能结转

/// Whether `action` is one of the county's own steps (县级论证, 审定入库): only a role that may
/// review projects (Action::kReviewProjects) takes it, and only such a caller is offered it.
bool CountyStep(std::string_view action);

/// One thing that blocks a step, in Chinese.
struct TransitionBlocker {
  std::string_view kind;
  std::string message;
  bool operator==(const TransitionBlocker&) const = default;
};

/// What the guards read. Each pointer may be null when the caller knows the guard does not
/// apply (a null list counts as empty).
struct GateFacts {
  const std::vector<ProcedureStatus>* procedures = nullptr;
  const JointReviewStatus* joint_review = nullptr;  ///< null = no joint review configured
  const std::vector<Posting>* postings = nullptr;
  const std::vector<Objection>* objections = nullptr;
  std::size_t ledger_entries = 0;  ///< entries naming the project
  Date today;
};

/// Empty when every pre-procedure is complete with a document reference, else the missing ones'
/// labels joined by 、.
std::string MissingProcedures(const std::vector<ProcedureStatus>& procedures);

/// The posting blocker of `action` on `today` (kind posting or objections), or an empty message.
TransitionBlocker PostingGate(std::string_view action, const std::vector<Posting>& postings,
                              const std::vector<Objection>& objections, Date today);

/// Everything that blocks `t` given `facts`, in a fixed order (procedures, signoffs, posting,
/// objections, ledger); empty = the step may be taken. Does not check the state (the caller asks
/// only for steps allowed from it), the reason, the dates, the roles, nor the compliance review
/// that 县级论证 itself runs.
std::vector<TransitionBlocker> TransitionBlockers(const Transition& t, const GateFacts& facts);

}  // namespace xj
