#include "domain/project_lifecycle.hpp"

#include <array>

#include "domain/transition_gate.hpp"

namespace xj {
namespace {

using S = ProjectState;

constexpr std::array<ProcedureKind, 4> kProcedureKinds = {ProcedureKind::kLand, ProcedureKind::kEnvironment,
                                                          ProcedureKind::kFeasibility, ProcedureKind::kTenderOrRelief};

// The state as users read it: the label, never the internal code (issue #21 point 4).
std::string StateText(ProjectState s) {
  return "「" + std::string(ProjectStateLabel(s)) + "」";
}

}  // namespace

std::string_view ProcedureKindName(ProcedureKind k) {
  switch (k) {
    case ProcedureKind::kLand: return "land";
    case ProcedureKind::kEnvironment: return "environment";
    case ProcedureKind::kFeasibility: return "feasibility";
    case ProcedureKind::kTenderOrRelief: return "tender_or_work_relief";
  }
  return "land";
}

std::string_view ProcedureKindLabel(ProcedureKind k) {
  switch (k) {
    case ProcedureKind::kLand: return "用地手续";
    case ProcedureKind::kEnvironment: return "环评";
    case ProcedureKind::kFeasibility: return "可研/初设批复";
    case ProcedureKind::kTenderOrRelief: return "招标或以工代赈决定";
  }
  return "用地手续";
}

std::optional<ProcedureKind> ParseProcedureKind(std::string_view text) {
  for (ProcedureKind k : kProcedureKinds) {
    if (text == ProcedureKindName(k) || text == ProcedureKindLabel(k)) return k;
  }
  return std::nullopt;
}

std::span<const ProcedureKind> AllProcedureKinds() {
  return kProcedureKinds;
}

const std::vector<Transition>& ProjectTransitions() {
  static const std::vector<Transition> kTable = {
      {"submit", "村级申报", {S::kDraft}, S::kSubmitted},
      {"township_approve", "乡镇审核通过", {S::kSubmitted}, S::kTownshipReviewed},
      {"county_review", "县级论证（合规性审核、联审联批）", {S::kTownshipReviewed}, S::kCountyReviewed},
      {"admit", "审定入库", {S::kCountyReviewed}, S::kInLibrary},
      {"plan", "纳入年度计划", {S::kInLibrary}, S::kPlanned},
      {"arrange_funds", "资金安排（前置手续完备）", {S::kPlanned}, S::kApproved, false, true},
      {"start", "开工", {S::kApproved}, S::kStarted, false, false, true},
      {"finish", "完工", {S::kStarted}, S::kFinished, false, false, false, true},
      {"accept", "竣工验收", {S::kFinished}, S::kAccepted},
      {"hand_over", "资产移交", {S::kAccepted}, S::kHandedOver},
      {"reject", "退回", {S::kSubmitted, S::kTownshipReviewed, S::kCountyReviewed}, S::kRejected, true},
      {"revise", "修改后重新储备", {S::kRejected}, S::kDraft, true},
      {"roll_over", "结转下年项目库", {S::kInLibrary, S::kPlanned}, S::kRolledOver, true},
      {"cancel", "撤项", {S::kDraft, S::kInLibrary, S::kPlanned, S::kApproved}, S::kCancelled, true},
  };
  return kTable;
}

const Transition* FindTransition(std::string_view action) {
  for (const Transition& t : ProjectTransitions()) {
    if (t.action == action) return &t;
  }
  return nullptr;
}

std::vector<const Transition*> TransitionsFrom(ProjectState state) {
  std::vector<const Transition*> out;
  for (const Transition& t : ProjectTransitions()) {
    for (ProjectState f : t.from) {
      if (f == state) out.push_back(&t);
    }
  }
  return out;
}

Result<const Transition*> CheckTransition(const Project& project, const std::vector<ProcedureStatus>& procedures,
                                          const TransitionRequest& request) {
  const Transition* t = FindTransition(request.action);
  if (!t) return Status::InvalidArgument("未知的操作：" + request.action);
  bool allowed = false;
  for (ProjectState f : t->from) allowed = allowed || f == project.status;
  if (!allowed) {
    std::string expected;
    for (ProjectState f : t->from) expected += (expected.empty() ? "" : "、") + StateText(f);
    std::string possible;
    for (const Transition* n : TransitionsFrom(project.status)) {
      possible += (possible.empty() ? "" : "、") + ("「" + std::string(n->label) + "」");
    }
    return Status::Conflict("项目当前状态为" + StateText(project.status) + "，不能执行「" + std::string(t->label) +
                            "」（需处于" + expected + "）；当前可执行：" + (possible.empty() ? "无" : possible));
  }
  if (t->reason_required && request.reason.empty()) {
    return Status::InvalidArgument("「" + std::string(t->label) + "」必须填写原因");
  }
  // The pre-procedures are the lifecycle's own guard; the library's (sign-offs, postings) need
  // records the app loads (App::CheckLibraryGuards). Same messages as the project page's blockers.
  GateFacts facts;
  facts.procedures = &procedures;
  for (const TransitionBlocker& b : TransitionBlockers(*t, facts)) {
    if (b.kind == kBlockProcedures) {
      return Status::Conflict("项目当前状态为" + StateText(project.status) + "，" + b.message);
    }
  }
  if (t->sets_actual_finish && project.actual_start && request.on < *project.actual_start) {
    return Status::InvalidArgument("完工日期早于开工日期（" + project.actual_start->ToString() + "）");
  }
  return t;
}

Project ApplyTransition(Project project, const Transition& t, Date on) {
  project.status = t.to;
  if (t.sets_actual_start) project.actual_start = on;
  if (t.sets_actual_finish) project.actual_finish = on;
  return project;
}

bool PaymentHasBasis(ProjectState current, const std::vector<ProjectStep>& steps, Date date) {
  auto funded = [](ProjectState s) { return s >= ProjectState::kApproved && s <= ProjectState::kHandedOver; };
  bool reached = funded(current);
  for (const ProjectStep& step : steps) reached = reached || funded(step.from) || funded(step.to);
  if (!reached) return false;
  ProjectState before = steps.empty() ? current : steps.front().from;
  for (const ProjectStep& step : steps) {
    if (step.on < date) before = step.to;
  }
  return before != ProjectState::kCancelled && before != ProjectState::kRejected;
}

}  // namespace xj
