// Project library use cases beyond list/detail/transition: the library sheet, compliance review,
// joint review, batch steps, public postings, village plans, backward scheduling, reference data.
#include <algorithm>
#include <map>

#include "app/app.hpp"
#include "app/project_links.hpp"
#include "core/timestamp.hpp"
#include "domain/transition_gate.hpp"

namespace xj {
namespace {

constexpr std::size_t kMaxBatch = 200;
constexpr std::size_t kMaxPublicPostings = 500;
/// Inserts of a generated code refused because the code was entered by hand meanwhile, before the create
/// gives up (docs/definitions.md §19).
constexpr int kCodeGenerationAttempts = 8;
/// The store-wide lock under which generated project codes are looked up and inserted.
constexpr std::string_view kProjectCodeLock = "xianjie.project_codes";

bool Closed(ProjectState s) {
  return s == ProjectState::kRejected || s == ProjectState::kRolledOver || s == ProjectState::kCancelled;
}

std::string SheetSnapshot(const Project& p, const ProjectDetails& d) {
  nlohmann::json j = {{"name", p.name},
                      {"year", p.year},
                      {"category", p.category},
                      {"subcategory", p.subcategory},
                      {"total_investment_fen", p.total_investment.value()},
                      {"central_fund_fen", p.central_fund.value()},
                      {"other_fund_fen", p.other_fund.value()},
                      {"responsible_person", p.responsible_person},
                      {"sheet", ToJson(d)}};
  return j.dump();
}

Status CheckInput(const Project& p, const InputLimits& limits) {
  if (p.name.empty()) return Status::InvalidArgument("项目名称必填");
  if (std::vector<FieldError> bounds = ProjectBoundProblems(p, limits); !bounds.empty()) {
    return BoundRefusal("项目超出输入限制", std::move(bounds));
  }
  if (p.year < 2000 || p.year > 2100) return Status::InvalidArgument("年度应为 2000–2100 之间的整数");
  if (p.total_investment.value() < 0 || p.central_fund.value() < 0 || p.other_fund.value() < 0) {
    return Status::InvalidArgument("金额不得为负");
  }
  XJ_RETURN_IF_ERROR(CheckCentralWithinTotal(p));
  if (p.planned_start && p.planned_finish && *p.planned_finish < *p.planned_start) {
    return Status::InvalidArgument("计划完工日期早于计划开工日期");
  }
  return Status::Ok();
}

Status CheckDetails(const Project& p, const ProjectDetails& d, const InputLimits& limits) {
  std::vector<FieldError> bounds;
  for (const FundShare& f : d.funds) CheckAmountBound(f.amount, limits, 0, "funds.amount_fen", &bounds);
  CheckTextBound(d.implementing_unit, limits.max_name_chars, 0, "implementing_unit", &bounds);
  for (const auto& [text, column] : {std::pair{&d.construction_content, "construction_content"},
                                     {&d.fund_uses, "fund_uses"},
                                     {&d.benefit_mechanism, "benefit_mechanism"},
                                     {&d.task_book, "task_book"},
                                     {&d.roadmap, "roadmap"},
                                     {&d.work_relief_note, "work_relief_note"}}) {
    CheckTextBound(*text, limits.max_note_chars, 0, column, &bounds);
  }
  CheckTextBound(d.responsible_contact, limits.max_name_chars, 0, "responsible_contact", &bounds);
  for (const PerformanceTarget& t : d.targets) {
    CheckTextBound(t.name, limits.max_name_chars, 0, "targets.name", &bounds);
    CheckTextBound(t.target, limits.max_note_chars, 0, "targets.target", &bounds);
  }
  for (const Milestone& m : d.milestones) CheckTextBound(m.name, limits.max_name_chars, 0, "milestones.name", &bounds);
  if (!bounds.empty()) return BoundRefusal("项目库填报超出输入限制", std::move(bounds));
  // Each share is bounded, so the sum cannot wrap.
  Fen sum;
  for (const FundShare& f : d.funds) {
    if (f.amount.value() < 0) return Status::InvalidArgument("资金来源金额不得为负");
    sum += f.amount;
  }
  if (!d.funds.empty() && sum != p.total_investment) {
    return Status::InvalidArgument("各资金来源合计 " + FormatYuan(sum) + " 元与总投资 " +
                                   FormatYuan(p.total_investment) + " 元不一致");
  }
  for (const Milestone& m : d.milestones) {
    if (m.name.empty()) return Status::InvalidArgument("时间表节点名称必填");
  }
  return Status::Ok();
}

}  // namespace

Date App::Today() const {
  return BeijingDate(options_.clock());
}

Result<std::vector<LibraryRecord>> App::Records(const char* kind, const std::string& project_code) const {
  LibraryRecordQuery q;
  q.kind = kind;
  q.project_code = project_code;
  return store_->FindLibraryRecords(q);
}

Result<ProjectDetails> App::LoadDetails(const std::string& code, std::int64_t* record_id) const {
  XJ_ASSIGN_OR_RETURN(std::vector<LibraryRecord> recs, Records(LibraryKind::kProjectSheet, code));
  if (record_id) *record_id = recs.empty() ? 0 : recs.back().id;
  if (recs.empty()) return ProjectDetails{};
  return DecodeStored(recs.back(), ProjectDetailsFromJson);
}

Result<JointReviewStatus> App::JointReviewOf(const Project& project, std::vector<Signoff>* signoffs) const {
  auto tree = regions();
  // The county whose configuration applies: the project's region or its nearest county ancestor.
  std::string county;
  for (RegionIndex i = tree->Find(project.region_code); i != kNoRegion;) {
    const Region& r = tree->node(i).region;
    if (r.level == RegionLevel::kCounty) {
      county = r.code;
      break;
    }
    i = r.parent_code.empty() ? kNoRegion : tree->Find(r.parent_code);
  }
  std::vector<ReviewDepartments> config;
  if (!county.empty()) {
    LibraryRecordQuery q;
    q.kind = LibraryKind::kReviewDepartments;
    q.region_code = county;
    XJ_ASSIGN_OR_RETURN(std::vector<LibraryRecord> recs, store_->FindLibraryRecords(q));
    for (const LibraryRecord& r : recs) {
      XJ_ASSIGN_OR_RETURN(ReviewDepartments c, DecodeStored(r, ReviewDepartmentsFromJson));
      config.push_back(std::move(c));
    }
  }
  std::shared_lock lock(state_mu_);
  const std::string category =
      engine_->catalogue().CodeOf(project.category, project.subcategory).value_or(project.category);
  lock.unlock();
  std::vector<Signoff> list;
  XJ_ASSIGN_OR_RETURN(std::vector<LibraryRecord> recs, Records(LibraryKind::kSignoff, project.project_code));
  for (const LibraryRecord& r : recs) {
    XJ_ASSIGN_OR_RETURN(Signoff s, DecodeStored(r, SignoffFromJson));
    list.push_back(std::move(s));
  }
  JointReviewStatus status = SummarizeJointReview(RequiredDepartments(config, category), list);
  if (signoffs) *signoffs = std::move(list);
  return status;
}

ComplianceCheck App::RunCompliance(const Project& project, const ProjectDetails& details, Date on,
                                   const ReferenceCatalog& references) const {
  std::shared_lock lock(state_mu_);
  const CategoryCatalogue& categories = engine_->catalogue();
  ComplianceCheck check;
  check.on = on;
  // The county's plan as the engine counts it (the projects in the year's plan, InYearPlan),
  // with this project added when it is not in the plan yet: the share it would make.
  const RegionTree& tree = engine_->tree();
  RegionIndex county = kNoRegion;
  for (RegionIndex i = tree.Find(project.region_code); i != kNoRegion; i = tree.node(i).parent) {
    if (tree.node(i).region.level == RegionLevel::kCounty) {
      county = i;
      break;
    }
  }
  if (county != kNoRegion) {
    const IndicatorEngine::PlanFunds plan = engine_->PlanFundsOf(county, project.year);
    check.county_plan = {plan.industry, plan.total};
  }
  if (!InYearPlan(project.status) || county == kNoRegion) {
    check.county_plan.total += project.central_fund;
    if (categories.IsIndustry(project.category, project.subcategory))
      check.county_plan.industry += project.central_fund;
  }
  const PolicySet& policies = engine_->policy();
  ComplianceInput in{&project, &details, &categories, &references, &policies, on, check.county_plan};
  check.findings = ReviewCompliance(in);
  check.passed = !HasBlockingFinding(check.findings);
  return check;
}

Status App::CheckLibraryGuards(const Actor& actor, const Project& project, const Transition& t) {
  const std::string state_text = "「" + std::string(ProjectStateLabel(project.status)) + "」";
  if (t.action == "county_review") {
    XJ_ASSIGN_OR_RETURN(ProjectDetails details, LoadDetails(project.project_code, nullptr));
    XJ_ASSIGN_OR_RETURN(std::vector<ReferenceItem> refs, ReferenceData(Actor::System(), ""));
    const Date today = Today();
    ComplianceCheck check = RunCompliance(project, details, today, ReferenceCatalog(std::move(refs)));
    ComplianceReview review{today.ToString(), actor.username, Now(), check.passed, check.findings};
    XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
      XJ_RETURN_IF_ERROR(store_
                             ->InsertLibraryRecord({0, LibraryKind::kComplianceReview, project.region_code,
                                                    project.project_code, 0, ToJson(review).dump(), Now(), Now()})
                             .status());
      return AppendAudit(actor, "project.compliance_review", "project", project.project_code, project.region_code, "",
                         ToJson(review).dump());
    }));
    if (!check.passed) {
      std::vector<FieldError> details_out;
      int n = 0;
      for (const ComplianceFinding& f : check.findings) {
        details_out.push_back({"", ++n, f.rule, 0, f.ref_code, f.blocking ? "blocking" : "warning", f.message});
      }
      std::string message =
          "项目当前状态为" + state_text + "，合规性审核未通过：共 " + std::to_string(check.findings.size()) + " 项问题";
      return Status::Conflict(std::move(message), std::move(details_out));
    }
  }
  // The library's guards, evaluated by the same domain code the project page shows next to each
  // button (domain/transition_gate.hpp); every blocker named at once.
  std::vector<ProcedureStatus> procedures;
  std::optional<JointReviewStatus> jr;
  std::vector<Posting> postings;
  std::vector<Objection> objections;
  std::size_t ledger_entries = 0;
  if (t.needs_procedures) {
    XJ_ASSIGN_OR_RETURN(procedures, store_->ProjectProcedures(project.project_code));
  }
  if (t.action == "roll_over") {
    XJ_ASSIGN_OR_RETURN(std::vector<StoredEntry> entries, store_->ProjectEntries(project.project_code));
    ledger_entries = entries.size();
  }
  if (t.action == "admit") {
    XJ_ASSIGN_OR_RETURN(jr, JointReviewOf(project, nullptr));
  }
  if (PostingRequiredFor(t.action)) {
    PostingQuery pq;
    pq.project_code = project.project_code;
    XJ_ASSIGN_OR_RETURN(postings, store_->FindPostings(pq));
    XJ_ASSIGN_OR_RETURN(std::vector<LibraryRecord> ors, Records(LibraryKind::kObjection, project.project_code));
    for (const LibraryRecord& r : ors) {
      XJ_ASSIGN_OR_RETURN(Objection o, DecodeStored(r, ObjectionFromJson));
      o.id = r.id;
      objections.push_back(std::move(o));
    }
  }
  GateFacts facts{&procedures, jr ? &*jr : nullptr, &postings, &objections, ledger_entries, Today()};
  const std::vector<TransitionBlocker> blockers = TransitionBlockers(t, facts);
  if (!blockers.empty()) {
    std::string message = "项目当前状态为" + state_text + "，不能办理「" + std::string(t.label) + "」：";
    for (std::size_t i = 0; i < blockers.size(); ++i) message += (i ? "；" : "") + blockers[i].message;
    return Status::Conflict(std::move(message));
  }
  return Status::Ok();
}

Status App::CarryOver(const Actor& actor, const Project& rolled) {
  Project next = rolled;
  next.project_code = rolled.project_code + "-" + std::to_string(rolled.year + 1);
  next.year = rolled.year + 1;
  next.status = ProjectState::kInLibrary;
  next.actual_start.reset();
  next.actual_finish.reset();
  if (next.planned_start) next.planned_start = next.planned_start->SameDayInYear(next.year);
  if (next.planned_finish) next.planned_finish = next.planned_finish->SameDayInYear(next.year);
  XJ_ASSIGN_OR_RETURN(std::optional<StoredProject> taken, store_->GetProject(next.project_code));
  if (taken) return Status::AlreadyExists("下年项目库中已有结转项目：" + next.project_code);
  XJ_ASSIGN_OR_RETURN(ProjectDetails details, LoadDetails(rolled.project_code, nullptr));
  XJ_RETURN_IF_ERROR(store_->InsertProjects({next}));
  XJ_RETURN_IF_ERROR(store_
                         ->InsertLibraryRecord({0, LibraryKind::kProjectSheet, next.region_code, next.project_code, 0,
                                                ToJson(details).dump(), Now(), Now()})
                         .status());
  XJ_RETURN_IF_ERROR(
      store_->AppendTransition({next.project_code, "carry_over", ProjectState::kRolledOver, ProjectState::kInLibrary,
                                actor.username, Now(), Today(), "由 " + rolled.project_code + " 结转入库"}));
  return AppendAudit(actor, "project.carry_over", "project", next.project_code, next.region_code, "",
                     SheetSnapshot(next, details));
}

Status App::FillLibrary(ProjectDetail& d) const {
  const std::string& code = d.stored.project.project_code;
  XJ_ASSIGN_OR_RETURN(d.details, LoadDetails(code, nullptr));
  XJ_ASSIGN_OR_RETURN(std::vector<LibraryRecord> reviews, Records(LibraryKind::kComplianceReview, code));
  if (!reviews.empty()) {
    XJ_ASSIGN_OR_RETURN(d.compliance, DecodeStored(reviews.back(), ComplianceReviewFromJson));
  }
  XJ_ASSIGN_OR_RETURN(d.joint_review, JointReviewOf(d.stored.project, &d.signoffs));
  PostingQuery pq;
  pq.project_code = code;
  XJ_ASSIGN_OR_RETURN(d.postings, store_->FindPostings(pq));
  XJ_ASSIGN_OR_RETURN(std::vector<LibraryRecord> ors, Records(LibraryKind::kObjection, code));
  for (const LibraryRecord& r : ors) {
    XJ_ASSIGN_OR_RETURN(Objection o, DecodeStored(r, ObjectionFromJson));
    o.id = r.id;
    d.objections.push_back(std::move(o));
  }
  if (d.details.village_plan_id > 0) {
    LibraryRecordQuery q;
    q.kind = LibraryKind::kVillagePlan;
    q.id = d.details.village_plan_id;
    XJ_ASSIGN_OR_RETURN(std::vector<LibraryRecord> plans, store_->FindLibraryRecords(q));
    if (!plans.empty()) {
      XJ_ASSIGN_OR_RETURN(VillagePlan v, DecodeStored(plans[0], VillagePlanFromJson));
      v.id = plans[0].id;
      d.village_plan = std::move(v);
    }
  }
  return Status::Ok();
}

Result<ProjectDetail> App::CreateProject(const Actor& actor, ProjectInput input) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kWriteProjects));
  Project& p = input.project;
  if (p.region_code.empty()) return Status::MissingField("项目所属区划必填");
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kWriteProjects, p.region_code));
  XJ_RETURN_IF_ERROR(CheckInput(p, options_.limits));
  XJ_RETURN_IF_ERROR(CheckDetails(p, input.details, options_.limits));
  p.status = ProjectState::kDraft;
  p.actual_start.reset();
  p.actual_finish.reset();
  // An empty code is numbered by the rule in force (docs/definitions.md §19).
  const bool generated = p.project_code.empty();
  {
    std::lock_guard write(write_mu_);
    XJ_RETURN_IF_ERROR(CheckVillagePlanLink(*store_, *regions(), p.region_code, input.details.village_plan_id));
    std::optional<ProjectCodeRuleInForce> rule;
    ProjectCodeParts parts;
    std::int64_t seq = 0;
    if (generated) {
      XJ_ASSIGN_OR_RETURN(rule, CodeRuleInForce(*this, Today()));
      parts = {p.year, CountyCodeFor(*regions(), p.region_code)};
      std::shared_lock lock(state_mu_);
      catalog_->ForEachIn(kNoRegion, [&](const ProjectRowView& r) {
        if (std::optional<std::int64_t> s = rule->rule.SequenceOf(r.project_code, parts)) seq = std::max(seq, *s);
      });
    }
    if (!generated) {
      XJ_ASSIGN_OR_RETURN(std::optional<StoredProject> existing, store_->GetProject(p.project_code));
      if (existing) return Status::AlreadyExists("项目编码已存在：" + p.project_code);
    }
    // Under a lock every server on the store takes for generated codes, so the look-up inside the
    // transaction sees the numbers other servers took (and this one has not loaded yet) and skips them.
    auto insert = [&]() -> Status {
      for (int conflicts = 0;;) {
        Status inserted = store_->Transact([&]() -> Status {
          for (std::int64_t next = seq; generated;) {
            p.project_code = rule->rule.Format(parts, ++next);
            XJ_ASSIGN_OR_RETURN(std::optional<StoredProject> taken, store_->GetProject(p.project_code));
            if (!taken) break;
          }
          XJ_RETURN_IF_ERROR(store_->InsertProjects({p}));
          XJ_RETURN_IF_ERROR(store_
                                 ->InsertLibraryRecord({0, LibraryKind::kProjectSheet, p.region_code, p.project_code, 0,
                                                        ToJson(input.details).dump(), Now(), Now()})
                                 .status());
          return AppendAudit(actor, "project.create", "project", p.project_code, p.region_code, "",
                             SheetSnapshot(p, input.details));
        });
        // A code entered by hand elsewhere after the look-up is refused by the primary key: again.
        const bool again =
            generated && inserted.code() == ErrorCode::kAlreadyExists && ++conflicts < kCodeGenerationAttempts;
        if (!again) return inserted;
      }
    };
    XJ_RETURN_IF_ERROR(generated ? store_->Exclusive(kProjectCodeLock, insert) : insert());
    std::unique_lock lock(state_mu_);
    engine_->AddProject(p);
    catalog_->Upsert(p);
  }
  return GetProject(actor, p.project_code);
}

Result<ProjectDetail> App::EditProject(const Actor& actor, const std::string& code, ProjectInput input,
                                       std::int64_t expected_version) {
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
    Project after = input.project;
    if (!after.region_code.empty() && after.region_code != before.region_code) {
      return Status::InvalidArgument("不能修改项目所属区划（" + before.region_code + "）");
    }
    after.project_code = before.project_code;
    after.region_code = before.region_code;
    after.status = before.status;
    after.actual_start = before.actual_start;
    after.actual_finish = before.actual_finish;
    XJ_RETURN_IF_ERROR(CheckInput(after, options_.limits));
    XJ_RETURN_IF_ERROR(CheckDetails(after, input.details, options_.limits));
    XJ_RETURN_IF_ERROR(CheckVillagePlanLink(*store_, *regions(), after.region_code, input.details.village_plan_id));
    std::int64_t sheet_id = 0;
    XJ_ASSIGN_OR_RETURN(ProjectDetails old_details, LoadDetails(code, &sheet_id));
    XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
      XJ_RETURN_IF_ERROR(store_->UpdateProject(after, expected_version));
      const std::string doc = ToJson(input.details).dump();
      if (sheet_id > 0) {
        XJ_RETURN_IF_ERROR(store_->UpdateLibraryRecord(sheet_id, doc, Now()));
      } else {
        XJ_RETURN_IF_ERROR(
            store_->InsertLibraryRecord({0, LibraryKind::kProjectSheet, after.region_code, code, 0, doc, Now(), Now()})
                .status());
      }
      return AppendAudit(actor, "project.update", "project", code, before.region_code,
                         SheetSnapshot(before, old_details), SheetSnapshot(after, input.details));
    }));
    std::unique_lock lock(state_mu_);
    engine_->RemoveProject(before);
    engine_->AddProject(after);
    catalog_->Upsert(after);
  }
  return GetProject(actor, code);
}

Result<ComplianceCheck> App::CheckCompliance(const Actor& actor, const std::string& code) const {
  XJ_ASSIGN_OR_RETURN(std::optional<StoredProject> stored, store_->GetProject(code));
  if (!stored) return Status::NotFound("项目不存在：" + code);
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kRead, stored->project.region_code));
  XJ_ASSIGN_OR_RETURN(ProjectDetails details, LoadDetails(code, nullptr));
  XJ_ASSIGN_OR_RETURN(std::vector<ReferenceItem> refs, ReferenceData(Actor::System(), ""));
  return RunCompliance(stored->project, details, Today(), ReferenceCatalog(std::move(refs)));
}

Result<std::vector<BatchOutcome>> App::BatchTransition(const Actor& actor, const std::vector<std::string>& codes,
                                                       const std::string& action, const std::string& reason) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kWriteProjects));
  if (codes.empty()) return Status::InvalidArgument("请至少选择一个项目");
  if (codes.size() > kMaxBatch) return Status::InvalidArgument("一次至多处理 " + std::to_string(kMaxBatch) + " 个项目");
  if (!FindTransition(action)) return Status::InvalidArgument("未知的操作：" + action);
  if (CountyStep(action)) XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kReviewProjects));
  XJ_ASSIGN_OR_RETURN(std::vector<Project> known, store_->FindProjects(codes));
  for (const Project& p : known) XJ_RETURN_IF_ERROR(Authorize(actor, Action::kWriteProjects, p.region_code));
  std::vector<BatchOutcome> out;
  for (const std::string& code : codes) {
    BatchOutcome o;
    o.project_code = code;
    auto fail = [&](const Status& s) {
      o.ok = false;
      o.error_code = s.code_name();
      o.message = s.message();
      o.details = s.details();
    };
    XJ_ASSIGN_OR_RETURN(std::optional<StoredProject> stored, store_->GetProject(code));
    if (!stored) {
      fail(Status::NotFound("项目不存在：" + code));
    } else {
      o.state = stored->project.status;
      auto r = TransitionProject(actor, code, {action, reason, Today()}, stored->version);
      if (r.ok()) {
        o.ok = true;
        o.state = r->stored.project.status;
      } else {
        fail(r.status());
      }
    }
    out.push_back(std::move(o));
  }
  return out;
}

Result<std::vector<ReviewDepartments>> App::ReviewConfig(const Actor& actor, const std::string& county_code) const {
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kRead, county_code));
  LibraryRecordQuery q;
  q.kind = LibraryKind::kReviewDepartments;
  q.region_code = county_code;
  XJ_ASSIGN_OR_RETURN(std::vector<LibraryRecord> recs, store_->FindLibraryRecords(q));
  std::vector<ReviewDepartments> out;
  for (const LibraryRecord& r : recs) {
    XJ_ASSIGN_OR_RETURN(ReviewDepartments c, DecodeStored(r, ReviewDepartmentsFromJson));
    out.push_back(std::move(c));
  }
  return out;
}

Status App::SetReviewConfig(const Actor& actor, const ReviewDepartments& config) {
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kWriteProjects, config.county_code));
  {
    auto tree = regions();
    const RegionIndex i = tree->Find(config.county_code);
    if (i == kNoRegion) return Status::InvalidArgument("县级区划编码必填且须存在：" + config.county_code);
    if (tree->node(i).region.level != RegionLevel::kCounty) {
      return Status::InvalidArgument("联审联批部门按县配置：" + config.county_code + " 不是县级区划");
    }
  }
  if (config.category_code.empty()) return Status::InvalidArgument("项目类别编码必填（* 表示全部类别）");
  std::lock_guard write(write_mu_);
  LibraryRecordQuery q;
  q.kind = LibraryKind::kReviewDepartments;
  q.region_code = config.county_code;
  XJ_ASSIGN_OR_RETURN(std::vector<LibraryRecord> recs, store_->FindLibraryRecords(q));
  std::int64_t id = 0;
  std::string before;
  for (const LibraryRecord& r : recs) {
    XJ_ASSIGN_OR_RETURN(ReviewDepartments stored, DecodeStored(r, ReviewDepartmentsFromJson));
    if (stored.category_code == config.category_code) {
      id = r.id;
      before = r.doc;
    }
  }
  const std::string doc = ToJson(config).dump();
  return store_->Transact([&]() -> Status {
    if (id > 0) {
      XJ_RETURN_IF_ERROR(store_->UpdateLibraryRecord(id, doc, Now()));
    } else {
      XJ_RETURN_IF_ERROR(
          store_
              ->InsertLibraryRecord({0, LibraryKind::kReviewDepartments, config.county_code, "", 0, doc, Now(), Now()})
              .status());
    }
    return AppendAudit(actor, "library.review_departments", "region", config.county_code, config.county_code, before,
                       doc);
  });
}

Result<ProjectDetail> App::RecordSignoff(const Actor& actor, const std::string& code, Signoff signoff) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kWriteProjects));
  if (signoff.decision == SignoffDecision::kReturn && signoff.comment.empty()) {
    return Status::InvalidArgument("退回必须填写意见");
  }
  // Separation of duties: a department's sign-off is recorded by a user of that department.
  if (actor.role != Role::kSystem && actor.department != signoff.department) {
    return Status::PermissionDenied("只有「" + signoff.department + "」的用户可以签署该部门意见" +
                                    (actor.department.empty() ? std::string("（本账户未设所属部门）")
                                                              : "（本账户属于「" + actor.department + "」）"));
  }
  {
    std::lock_guard write(write_mu_);
    XJ_ASSIGN_OR_RETURN(std::optional<StoredProject> stored, store_->GetProject(code));
    if (!stored) return Status::NotFound("项目不存在：" + code);
    const Project& p = stored->project;
    XJ_RETURN_IF_ERROR(Authorize(actor, Action::kWriteProjects, p.region_code));
    if (p.status != ProjectState::kCountyReviewed) {
      return Status::Conflict("项目当前状态为「" + std::string(ProjectStateLabel(p.status)) +
                              "」，联审联批在「县级论证」阶段进行");
    }
    XJ_ASSIGN_OR_RETURN(JointReviewStatus jr, JointReviewOf(p, nullptr));
    if (std::find(jr.required.begin(), jr.required.end(), signoff.department) == jr.required.end()) {
      return Status::InvalidArgument("本县未要求「" + signoff.department + "」会签该类项目");
    }
    signoff.actor = actor.username;
    signoff.at = Now();
    const std::string doc = ToJson(signoff).dump();
    XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
      XJ_RETURN_IF_ERROR(
          store_->InsertLibraryRecord({0, LibraryKind::kSignoff, p.region_code, code, 0, doc, Now(), Now()}).status());
      return AppendAudit(actor, "project.signoff", "project", code, p.region_code, "", doc);
    }));
  }
  return GetProject(actor, code);
}

Result<Posting> App::CreatePosting(const Actor& actor, const std::string& code, const PostingRequest& request) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kWriteProjects));
  if (!PostingRequiredFor(request.stage)) return Status::InvalidArgument("该环节无需公示：" + request.stage);
  if (request.place.empty()) return Status::InvalidArgument("公示地点必填");
  std::int64_t min_days = 0;
  {
    std::shared_lock lock(state_mu_);
    min_days = engine_->policy().ValueAt(PolicyKey::kPostingDays, request.start);
  }
  if (std::string why = CheckPostingPeriod(request.days, static_cast<int>(min_days)); !why.empty()) {
    return Status::InvalidArgument(why);
  }
  if (request.days > 366) return Status::InvalidArgument("公示期不得超过 366 天");
  std::lock_guard write(write_mu_);
  XJ_ASSIGN_OR_RETURN(std::optional<StoredProject> stored, store_->GetProject(code));
  if (!stored) return Status::NotFound("项目不存在：" + code);
  const Project& p = stored->project;
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kWriteProjects, p.region_code));
  const Transition* t = FindTransition(request.stage);
  if (!t || std::find(t->from.begin(), t->from.end(), p.status) == t->from.end()) {
    return Status::Conflict("项目当前状态为「" + std::string(ProjectStateLabel(p.status)) + "」，不能公示「" +
                            std::string(t ? t->label : request.stage) + "」");
  }
  XJ_ASSIGN_OR_RETURN(ProjectDetails details, LoadDetails(code, nullptr));
  Posting posting;
  posting.project_code = code;
  posting.region_code = p.region_code;
  posting.stage = request.stage;
  posting.place = request.place;
  posting.start = request.start;
  posting.end = PostingEnd(request.start, request.days);
  posting.project_name = p.name;
  {
    auto tree = regions();
    const RegionIndex i = tree->Find(p.region_code);
    if (i != kNoRegion) posting.region_name = tree->node(i).region.name;
  }
  posting.construction_content = details.construction_content.empty() ? p.subcategory : details.construction_content;
  posting.total_investment = p.total_investment;
  posting.central_fund = p.central_fund;
  posting.implementing_unit = details.implementing_unit;
  posting.benefit_mechanism = details.benefit_mechanism;
  posting.households_linked = details.households_exited + details.households_monitored;
  posting.responsible_person = p.responsible_person;
  posting.created_by = actor.username;
  posting.created_at = Now();
  XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(posting.id, store_->InsertPosting(posting));
    return AppendAudit(actor, "project.posting", "project", code, p.region_code, "", ToJson(posting).dump());
  }));
  return posting;
}

Result<Objection> App::RecordObjection(const Actor& actor, const std::string& code, std::int64_t posting_id,
                                       Objection objection) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kWriteProjects));
  std::lock_guard write(write_mu_);
  XJ_ASSIGN_OR_RETURN(std::optional<StoredProject> stored, store_->GetProject(code));
  if (!stored) return Status::NotFound("项目不存在：" + code);
  const std::string& region = stored->project.region_code;
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kWriteProjects, region));
  PostingQuery pq;
  pq.id = posting_id;
  XJ_ASSIGN_OR_RETURN(std::vector<Posting> found, store_->FindPostings(pq));
  if (found.empty() || found[0].project_code != code) {
    return Status::NotFound("项目 " + code + " 没有编号为 " + std::to_string(posting_id) + " 的公示");
  }
  if (objection.text.empty()) return Status::InvalidArgument("异议内容必填");
  const Posting& posting = found[0];
  if (objection.received_on < posting.start) {
    return Status::InvalidArgument("异议收到日期早于公示开始日期 " + posting.start.ToString());
  }
  objection.id = 0;
  objection.posting_id = posting_id;
  objection.project_code = code;
  objection.resolved = false;
  objection.resolution.clear();
  objection.resolved_on.reset();
  XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(objection.id, store_->InsertLibraryRecord({0, LibraryKind::kObjection, region, code, posting_id,
                                                                   ToJson(objection).dump(), Now(), Now()}));
    return AppendAudit(actor, "project.objection", "project", code, region, "", ToJson(objection).dump());
  }));
  return objection;
}

Result<Objection> App::ResolveObjection(const Actor& actor, const std::string& code, std::int64_t objection_id,
                                        const std::string& resolution) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kWriteProjects));
  std::lock_guard write(write_mu_);
  XJ_ASSIGN_OR_RETURN(std::optional<StoredProject> stored, store_->GetProject(code));
  if (!stored) return Status::NotFound("项目不存在：" + code);
  const std::string& region = stored->project.region_code;
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kWriteProjects, region));
  LibraryRecordQuery q;
  q.kind = LibraryKind::kObjection;
  q.id = objection_id;
  XJ_ASSIGN_OR_RETURN(std::vector<LibraryRecord> recs, store_->FindLibraryRecords(q));
  if (recs.empty() || recs[0].project_code != code) {
    return Status::NotFound("项目 " + code + " 没有编号为 " + std::to_string(objection_id) + " 的异议");
  }
  if (resolution.empty()) return Status::InvalidArgument("处理结果必填");
  XJ_ASSIGN_OR_RETURN(Objection o, DecodeStored(recs[0], ObjectionFromJson));
  if (o.resolved) return Status::Conflict("该异议已于 " + (o.resolved_on ? o.resolved_on->ToString() : "") + " 处理");
  o.id = objection_id;
  o.resolved = true;
  o.resolution = resolution;
  o.resolved_on = Today();
  XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
    XJ_RETURN_IF_ERROR(store_->UpdateLibraryRecord(objection_id, ToJson(o).dump(), Now()));
    return AppendAudit(actor, "project.objection_resolved", "project", code, region, recs[0].doc, ToJson(o).dump());
  }));
  return o;
}

Result<std::vector<Posting>> App::PublicPostings(const std::string& region_code) const {
  auto tree = regions();
  const RegionIndex root = tree->Find(region_code);
  if (root == kNoRegion) return Status::NotFound("区划不存在：" + region_code);
  // The subtree's codes go to the store, which reads only their postings through the region index.
  PostingQuery q;
  q.region_codes.emplace();
  for (RegionIndex i = root; i < tree->node(root).subtree_end; ++i)
    q.region_codes->push_back(tree->node(i).region.code);
  q.newest_first = true;
  q.limit = static_cast<std::int64_t>(kMaxPublicPostings);
  XJ_ASSIGN_OR_RETURN(std::vector<Posting> out, store_->FindPostings(q));
  for (Posting& p : out) p.created_by.clear();  // the public sees the announcement, not who typed it in
  return out;
}

Result<VillagePlan> App::SaveVillagePlan(const Actor& actor, VillagePlan plan) {
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kWriteProjects, plan.village_code));
  {
    auto tree = regions();
    const RegionIndex i = tree->Find(plan.village_code);
    if (i == kNoRegion) return Status::InvalidArgument("村级区划编码必填且须存在：" + plan.village_code);
    if (tree->node(i).region.level != RegionLevel::kVillage) {
      return Status::InvalidArgument("一村一策须对应村级区划：" + plan.village_code);
    }
  }
  if (plan.title.empty()) return Status::InvalidArgument("规划名称必填");
  {
    std::vector<FieldError> bounds;
    CheckTextBound(plan.title, options_.limits.max_name_chars, 0, "title", &bounds);
    CheckTextBound(plan.goals, options_.limits.max_note_chars, 0, "goals", &bounds);
    if (!bounds.empty()) return BoundRefusal("一村一策超出输入限制", std::move(bounds));
  }
  if (plan.year < 2000 || plan.year > 2100) return Status::InvalidArgument("年度应为 2000–2100 之间的整数");
  std::lock_guard write(write_mu_);
  plan.updated_at = Now();
  std::string before;
  if (plan.id > 0) {
    LibraryRecordQuery q;
    q.kind = LibraryKind::kVillagePlan;
    q.id = plan.id;
    XJ_ASSIGN_OR_RETURN(std::vector<LibraryRecord> recs, store_->FindLibraryRecords(q));
    if (recs.empty()) return Status::NotFound("一村一策不存在：" + std::to_string(plan.id));
    if (recs[0].region_code != plan.village_code) return Status::InvalidArgument("不能修改规划所属的村");
    before = recs[0].doc;
  }
  XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
    if (plan.id > 0) {
      XJ_RETURN_IF_ERROR(store_->UpdateLibraryRecord(plan.id, ToJson(plan).dump(), Now()));
    } else {
      XJ_ASSIGN_OR_RETURN(plan.id, store_->InsertLibraryRecord({0, LibraryKind::kVillagePlan, plan.village_code, "", 0,
                                                                ToJson(plan).dump(), Now(), Now()}));
    }
    return AppendAudit(actor, "library.village_plan", "village_plan", std::to_string(plan.id), plan.village_code,
                       before, ToJson(plan).dump());
  }));
  return plan;
}

Result<std::vector<VillagePlanView>> App::VillagePlans(const Actor& actor, const std::string& region_code) const {
  const std::string region = region_code.empty() ? actor.region_code : region_code;
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kRead, region));
  auto tree = regions();
  const RegionIndex root = region.empty() ? kNoRegion : tree->Find(region);
  auto in_subtree = [&](const std::string& code) {
    const RegionIndex i = tree->Find(code);
    return i != kNoRegion && (root == kNoRegion || tree->Contains(root, i));
  };
  LibraryRecordQuery q;
  q.kind = LibraryKind::kVillagePlan;
  XJ_ASSIGN_OR_RETURN(std::vector<LibraryRecord> recs, store_->FindLibraryRecords(q));
  std::vector<VillagePlanView> out;
  std::map<std::int64_t, std::size_t> by_id;
  for (const LibraryRecord& r : recs) {
    if (!in_subtree(r.region_code)) continue;
    XJ_ASSIGN_OR_RETURN(VillagePlan v, DecodeStored(r, VillagePlanFromJson));
    v.id = r.id;
    by_id[r.id] = out.size();
    out.push_back({std::move(v), tree->node(tree->Find(r.region_code)).region.name, {}});  // in_subtree found it
  }
  if (!out.empty()) {
    q.kind = LibraryKind::kProjectSheet;
    XJ_ASSIGN_OR_RETURN(std::vector<LibraryRecord> sheets, store_->FindLibraryRecords(q));
    for (const LibraryRecord& s : sheets) {
      XJ_ASSIGN_OR_RETURN(ProjectDetails sheet, DecodeStored(s, ProjectDetailsFromJson));
      const std::int64_t plan = sheet.village_plan_id;
      if (auto it = by_id.find(plan); plan > 0 && it != by_id.end())
        out[it->second].project_codes.push_back(s.project_code);
    }
  }
  // Plans without projects first: they are what the library view must show.
  std::stable_sort(out.begin(), out.end(), [](const VillagePlanView& a, const VillagePlanView& b) {
    return a.project_codes.empty() && !b.project_codes.empty();
  });
  return out;
}

SeasonOn App::SeasonsOf(const std::string& region_code) const {
  auto tree = regions();
  const std::vector<std::string> chain = tree->CodesToRoot(tree->Find(region_code));
  std::shared_ptr<const PolicySet> policy;
  {
    std::shared_lock lock(state_mu_);
    policy = std::make_shared<const PolicySet>(engine_->policy());
  }
  return [policy, chain = std::move(chain)](Date d) {
    return ConstructionSeason{static_cast<int>(policy->ValueIn(PolicyKey::kConstructionSeasonStartMonth, chain, d)),
                              static_cast<int>(policy->ValueIn(PolicyKey::kConstructionSeasonEndMonth, chain, d))};
  };
}

ConstructionSeason App::SeasonOf(const std::string& region_code, Date date) const {
  return SeasonsOf(region_code)(date);
}

Result<ScheduleProposal> App::ProposeSchedule(const Actor& actor, std::vector<Milestone> milestones, Date deadline,
                                              const std::string& region_code) const {
  if (region_code.empty()) {
    XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kRead));
    return BackwardSchedule(std::move(milestones), deadline);
  }
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kRead, region_code));
  if (regions()->Find(region_code) == kNoRegion) return Status::NotFound("区划不存在：" + region_code);
  return BackwardSchedule(std::move(milestones), deadline, SeasonsOf(region_code));
}

Result<OverdueReport> App::Overdue(const Actor& actor, const std::string& region_code, Date as_of) const {
  const std::string region = region_code.empty() ? actor.region_code : region_code;
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kRead, region));
  OverdueReport report;
  report.as_of = as_of;
  auto tree = regions();
  const RegionIndex root = region.empty() ? kNoRegion : tree->Find(region);
  std::map<std::string, ProjectRowView> rows;  // projects of the subtree with a sheet, by code
  {
    std::shared_lock lock(state_mu_);
    const RegionTree& t = engine_->tree();
    const RegionIndex r = region.empty() ? kNoRegion : t.Find(region);
    catalog_->ForEachIn(r, [&](const ProjectRowView& row) {
      if (row.region == kNoRegion || Closed(row.status) || row.started || !row.planned_start ||
          *row.planned_start >= as_of)
        return;
      const Region& reg = t.node(row.region).region;
      report.late_starts.push_back({row.project_code, row.name, reg.code, reg.name, row.responsible_person, row.status,
                                    *row.planned_start, as_of.days() - row.planned_start->days()});
    });
  }
  LibraryRecordQuery q;
  q.kind = LibraryKind::kProjectSheet;
  XJ_ASSIGN_OR_RETURN(std::vector<LibraryRecord> sheets, store_->FindLibraryRecords(q));
  for (const LibraryRecord& s : sheets) {
    const RegionIndex i = tree->Find(s.region_code);
    if (i == kNoRegion || (root != kNoRegion && !tree->Contains(root, i))) continue;
    XJ_ASSIGN_OR_RETURN(ProjectDetails d, DecodeStored(s, ProjectDetailsFromJson));
    bool any = false;
    for (const Milestone& m : d.milestones) any = any || IsOverdue(m, as_of);
    if (!any) continue;
    XJ_ASSIGN_OR_RETURN(std::optional<StoredProject> p, store_->GetProject(s.project_code));
    if (!p || Closed(p->project.status)) continue;
    for (const Milestone& m : d.milestones) {
      if (!IsOverdue(m, as_of)) continue;
      report.milestones.push_back({p->project.project_code, p->project.name, s.region_code, tree->node(i).region.name,
                                   p->project.responsible_person, m, DaysOverdue(m, as_of)});
    }
  }
  std::stable_sort(
      report.milestones.begin(), report.milestones.end(),
      [](const OverdueMilestone& a, const OverdueMilestone& b) { return a.days_overdue > b.days_overdue; });
  std::stable_sort(report.late_starts.begin(), report.late_starts.end(),
                   [](const LateStart& a, const LateStart& b) { return a.days_late > b.days_late; });
  return report;
}

Result<std::vector<ReferenceItem>> App::ReferenceData(const Actor& actor, const std::string& kind) const {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kRead));
  std::vector<ReferenceItem> out;
  for (std::string_view k : {ReferenceKind::kGuideline, ReferenceKind::kNegative, kProjectCodeRuleKind}) {
    if (!kind.empty() && kind != k) continue;
    LibraryRecordQuery q;
    q.kind = std::string(k);
    XJ_ASSIGN_OR_RETURN(std::vector<LibraryRecord> recs, store_->FindLibraryRecords(q));
    for (const LibraryRecord& r : recs) {
      XJ_ASSIGN_OR_RETURN(ReferenceItem item, DecodeStored(r, ReferenceItemFromJson));
      item.kind = std::string(k);
      out.push_back(std::move(item));
    }
  }
  if (!kind.empty() && out.empty() && kind != ReferenceKind::kGuideline && kind != ReferenceKind::kNegative &&
      kind != kProjectCodeRuleKind) {
    return Status::InvalidArgument("参考数据类型应为 guideline、negative 或 project_code_rule：" + kind);
  }
  return out;
}

Status App::AddReferenceItem(const Actor& actor, const ReferenceItem& item) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kManageReferenceData));
  if (item.kind == kProjectCodeRuleKind && !item.retired) {
    XJ_RETURN_IF_ERROR(ProjectCodeRule::Parse(item.text, options_.limits.max_code_chars).status());
  }
  if (std::string why = CheckReferenceItem(item); !why.empty()) return Status::InvalidArgument(why);
  std::lock_guard write(write_mu_);
  const std::string doc = ToJson(item).dump();
  return store_->Transact([&]() -> Status {
    XJ_RETURN_IF_ERROR(store_->InsertLibraryRecord({0, item.kind, "", "", 0, doc, Now(), Now()}).status());
    return AppendAudit(actor, "reference." + item.kind, "reference", item.code, "", "", doc);
  });
}

Result<std::vector<PolicyValue>> App::Policies(const Actor& actor) const {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kRead));
  return store_->LoadPolicies();
}

Status App::AddPolicy(const Actor& actor, const PolicyValue& value) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kManageReferenceData));
  if (!PolicySet::IsKnownKey(value.key)) return Status::InvalidArgument("未知的政策参数：" + value.key);
  if (std::string why = PolicySet::CheckValue(value.key, value.value); !why.empty()) {
    return Status::InvalidArgument(why);
  }
  if (!value.region_code.empty()) {
    if (!PolicySet::IsRegionalKey(value.key)) {
      return Status::InvalidArgument(
          "只有奖惩参数（incentive_top_n、incentive_bottom_n、incentive_amount_fen）、施工季月份"
          "（construction_season_start_month、construction_season_end_month）、分配时效上限"
          "（allocation_timeliness_limit_days、distribution_timeliness_limit_days）、搬迁后续扶持标准"
          "（relocation_subsidy_*）和电话抽查参数（spot_check_sample_rate_bp、spot_check_min_calls）可以属于某一区划");
    }
    if (regions()->Find(value.region_code) == kNoRegion) return Status::NotFound("区划不存在：" + value.region_code);
  }
  {
    std::lock_guard write(write_mu_);
    XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
      XJ_RETURN_IF_ERROR(store_->InsertPolicy(value));
      const nlohmann::json after = {{"key", value.key},
                                    {"value", value.value},
                                    {"effective_from", value.effective_from.ToString()},
                                    {"note", value.note},
                                    {"region_code", value.region_code}};
      return AppendAudit(actor, "reference.policy", "policy", value.key, value.region_code, "", after.dump());
    }));
    // Policy values feed the figures (超进度拨款, incentives): rebuild the engine with them,
    // still holding the write lock so no entry lands in the old engine meanwhile and is lost.
    return RebuildEngine();
  }
}

}  // namespace xj
