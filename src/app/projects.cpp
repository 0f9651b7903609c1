// Project library use cases: list, detail, lifecycle steps, pre-procedures.
#include <nlohmann/json.hpp>

#include "app/app.hpp"
#include "domain/transition_gate.hpp"

namespace xj {
namespace {

constexpr int kMaxPageSize = 200;

std::string ProjectSnapshot(const Project& p) {
  nlohmann::json j = {{"status", ProjectStateName(p.status)},
                      {"actual_start", p.actual_start ? p.actual_start->ToString() : ""},
                      {"actual_finish", p.actual_finish ? p.actual_finish->ToString() : ""}};
  return j.dump();
}

}  // namespace

Result<ProjectList> App::ListProjects(const Actor& actor, const ProjectListQuery& q) const {
  const std::string region = q.region_code.empty() ? actor.region_code : q.region_code;
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kRead, region));
  if (q.page < 1) return Status::InvalidArgument("page 应为正整数");
  if (q.page_size < 1 || q.page_size > kMaxPageSize) {
    return Status::InvalidArgument("page_size 应在 1 到 " + std::to_string(kMaxPageSize) + " 之间");
  }
  ProjectFilter f;
  f.year = q.year;
  if (!q.state.empty()) {
    auto state = ParseProjectState(q.state);
    if (!state) return Status::InvalidArgument("未知的项目状态：" + q.state);
    f.state = *state;
  }
  f.category = q.category;
  f.text = q.text;
  f.page = q.page;
  f.page_size = q.page_size;
  std::shared_lock lock(state_mu_);
  const RegionTree& tree = engine_->tree();
  if (!region.empty()) {
    XJ_ASSIGN_OR_RETURN(f.region, ResolveRegion(tree, region));
  }
  ProjectPageView page = catalog_->Query(f);
  ProjectList out;
  out.total = page.total;
  out.page = q.page;
  out.page_size = q.page_size;
  for (ProjectRowView& r : page.items) {
    Region reg = r.region == kNoRegion ? Region{} : tree.node(r.region).region;
    out.items.push_back({std::move(r), std::move(reg)});
  }
  return out;
}

Result<ProjectDetail> App::GetProject(const Actor& actor, const std::string& code) const {
  XJ_ASSIGN_OR_RETURN(std::optional<StoredProject> stored, store_->GetProject(code));
  if (!stored) return Status::NotFound("项目不存在：" + code);
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kRead, stored->project.region_code));
  ProjectDetail d;
  d.stored = std::move(*stored);
  XJ_ASSIGN_OR_RETURN(d.transitions, store_->ProjectTransitions(code));
  XJ_ASSIGN_OR_RETURN(d.procedures, store_->ProjectProcedures(code));
  XJ_ASSIGN_OR_RETURN(d.ledger, store_->ProjectEntries(code));
  // Only roles that may move projects are offered the next steps, and the county's own steps
  // only to those who may take them (TransitionProject refuses the others with 403).
  if (actor.role == Role::kSystem || RoleMay(actor.role, Action::kWriteProjects)) {
    const bool reviewer = Authorize(actor, Action::kReviewProjects, d.stored.project.region_code).ok();
    for (const Transition* t : TransitionsFrom(d.stored.project.status)) {
      if (reviewer || !CountyStep(t->action)) d.allowed.push_back(AllowedAction{t, {}});
    }
  }
  auto tree = regions();
  const RegionIndex i = tree->Find(d.stored.project.region_code);
  if (i != kNoRegion) d.region = tree->node(i).region;
  XJ_RETURN_IF_ERROR(FillLibrary(d));
  // What still blocks each step (issue #21 point 4), by the guards the step itself runs.
  const GateFacts facts{&d.procedures, &d.joint_review, &d.postings, &d.objections, d.ledger.size(), Today()};
  for (AllowedAction& a : d.allowed) a.blockers = TransitionBlockers(*a.transition, facts);
  XJ_ASSIGN_OR_RETURN(d.contracts, store_->ProjectContracts(code));
  XJ_ASSIGN_OR_RETURN(d.progress, store_->ProjectProgress(code));
  {
    std::shared_lock lock(state_mu_);
    d.pay_ahead = engine_->PayAheadOf(code, Today());
  }
  return d;
}

Result<ProjectDetail> App::TransitionProject(const Actor& actor, const std::string& code,
                                             const TransitionRequest& request, std::int64_t expected_version) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kWriteProjects));
  {
    std::lock_guard write(write_mu_);
    XJ_ASSIGN_OR_RETURN(std::optional<StoredProject> stored, store_->GetProject(code));
    if (!stored) return Status::NotFound("项目不存在：" + code);
    const Project before = stored->project;
    XJ_RETURN_IF_ERROR(Authorize(actor, Action::kWriteProjects, before.region_code));
    if (stored->version != expected_version) {
      return Status::Conflict("项目已被他人修改（当前版本 " + std::to_string(stored->version) + "，请求版本 " +
                              std::to_string(expected_version) + "），请刷新后重试")
          .WithReason("stale_version");
    }
    // The county's own steps (县级论证, 审定入库) are not a township's to take, whatever state the project is in.
    if (CountyStep(request.action)) {
      XJ_RETURN_IF_ERROR(Authorize(actor, Action::kReviewProjects, before.region_code));
    }
    XJ_ASSIGN_OR_RETURN(std::vector<ProcedureStatus> procedures, store_->ProjectProcedures(code));
    XJ_ASSIGN_OR_RETURN(const Transition* t, CheckTransition(before, procedures, request));
    XJ_RETURN_IF_ERROR(CheckLibraryGuards(actor, before, *t));
    const Project after = ApplyTransition(before, *t, request.on);
    XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
      XJ_RETURN_IF_ERROR(store_->UpdateProjectState(after, expected_version));
      XJ_RETURN_IF_ERROR(store_->AppendTransition({code, std::string(t->action), before.status, after.status,
                                                   actor.username, Now(), request.on, request.reason}));
      XJ_RETURN_IF_ERROR(AppendAudit(actor, "project." + std::string(t->action), "project", code, before.region_code,
                                     ProjectSnapshot(before), ProjectSnapshot(after)));
      if (t->to == ProjectState::kHandedOver) XJ_RETURN_IF_ERROR(CreateHandOverAssets(actor, after, request.assets));
      return t->to == ProjectState::kRolledOver ? CarryOver(actor, after) : Status::Ok();
    }));
    std::optional<StoredProject> carried;
    if (t->to == ProjectState::kRolledOver) {
      XJ_ASSIGN_OR_RETURN(carried, store_->GetProject(code + "-" + std::to_string(before.year + 1)));
    }
    std::unique_lock lock(state_mu_);
    engine_->RemoveProject(before);
    engine_->AddProject(after);
    catalog_->Upsert(after);
    if (carried) {
      engine_->AddProject(carried->project);
      catalog_->Upsert(carried->project);
    }
    if (t->to == ProjectState::kAccepted) engine_->AddAcceptance(code, request.on);
  }
  return GetProject(actor, code);
}

Status App::SetProcedure(const Actor& actor, const std::string& code, const ProcedureStatus& procedure) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kWriteProjects));
  if (procedure.complete && procedure.document_ref.empty()) {
    return Status::InvalidArgument("标记完成的前置手续必须填写批复文号");
  }
  std::lock_guard write(write_mu_);
  XJ_ASSIGN_OR_RETURN(std::optional<StoredProject> stored, store_->GetProject(code));
  if (!stored) return Status::NotFound("项目不存在：" + code);
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kWriteProjects, stored->project.region_code));
  return store_->Transact([&]() -> Status {
    XJ_RETURN_IF_ERROR(store_->UpsertProcedure(code, procedure, Now()));
    const nlohmann::json after = {{"kind", ProcedureKindName(procedure.kind)},
                                  {"complete", procedure.complete},
                                  {"document_ref", procedure.document_ref}};
    return AppendAudit(actor, "project.procedure", "project", code, stored->project.region_code, "", after.dump());
  });
}

}  // namespace xj
