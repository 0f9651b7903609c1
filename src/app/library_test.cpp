// The project library's use cases on a real store: compliance at county review, joint review
// with a returned department, batch approval with a blocked project, posting periods and
// objections, concurrent edits, village plans, overdue milestones, reference data.
#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "app/app_test_support.hpp"
#include "domain/domain_test_support.hpp"

namespace xj {
namespace app_library_test {

using testing::TestApp;

using testing::D;

class LibraryTest : public ::testing::Test {
 protected:
  LibraryTest() {
    std::istringstream in("code,name,level,parent_code\n540102001001,冲赛康社区,village,540102001\n");
    CsvReader reader(in);
    EXPECT_TRUE(t_.app->ImportRegions(Actor::System(), reader).ok());
    county_ = Actor{"county", Role::kCountyOfficer, "540102", "", 0, "", 0, ""};
    township_ = Actor{"township", Role::kTownshipOfficer, "540102001", "", 0, "", 0, ""};
  }

  /// A compliant industry project (category 0101) of 2024 in 城关区.
  ProjectInput Input(const std::string& code) {
    ProjectInput in;
    in.project.project_code = code;
    in.project.name = "青稞种植基地 " + code;
    in.project.year = 2024;
    in.project.region_code = "540102";
    in.project.category = "0101";
    in.project.total_investment = Fen::FromYuan(1'000'000);
    in.project.central_fund = Fen::FromYuan(800'000);
    in.project.other_fund = Fen::FromYuan(200'000);
    in.project.responsible_person = "扎西";
    in.details.implementing_unit = "城关区农业农村局";
    in.details.benefit_mechanism = "务工带动、入股分红";
    in.details.households_exited = 30;
    in.details.funds = {{FundSource::kCentral, Fen::FromYuan(800'000)}, {FundSource::kCounty, Fen::FromYuan(200'000)}};
    return in;
  }

  void Create(const ProjectInput& in) {
    auto d = t_.app->CreateProject(county_, in);
    ASSERT_TRUE(d.ok()) << d.status().ToString();
  }

  Result<ProjectDetail> Step(const std::string& code, const std::string& action, const std::string& reason = "") {
    auto d = t_.app->GetProject(county_, code);
    if (!d.ok()) return d.status();
    return t_.app->TransitionProject(county_, code, {action, reason, D(2024, 3, 1)}, d->stored.version);
  }

  void StepOk(const std::string& code, const std::string& action) {
    auto d = Step(code, action);
    ASSERT_TRUE(d.ok()) << action << ": " << d.status().ToString();
  }

  void ToCountyReviewed(const std::string& code) {
    for (const char* a : {"submit", "township_approve", "county_review"}) StepOk(code, a);
  }

  /// An admission posting that ended before the test clock's today (2024-03-01).
  Posting EndedPosting(const std::string& code) {
    auto p = t_.app->CreatePosting(county_, code, {"admit", "城关区政务公开栏", D(2024, 2, 1), 10});
    EXPECT_TRUE(p.ok()) << p.status().ToString();
    return p.ok() ? *p : Posting{};
  }

  TestApp t_;
  /// A county user of `department` (who may sign off for it in the joint review).
  Actor Dept(const std::string& department) const {
    Actor a = county_;
    a.department = department;
    return a;
  }

  Actor county_;
  Actor township_;
};

TEST_F(LibraryTest, CreatedProjectCarriesItsLibrarySheet) {
  ProjectInput in = Input("LIB-A");
  in.details.targets = {{IndicatorKind::kOutput, "新建温室", "20 座"},
                        {IndicatorKind::kSatisfaction, "受益群众满意度", "≥95%"}};
  in.details.milestones = {{"前期手续", 20, D(2024, 4, 1), std::nullopt}};
  in.details.task_book = "任务书";
  in.details.roadmap = "路线图";
  in.details.responsible_contact = "0891-1234567";
  Create(in);
  auto d = t_.app->GetProject(county_, "LIB-A");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->details, in.details);
  EXPECT_EQ(d->stored.project.status, ProjectState::kDraft);
  // Fund shares must add up to the total investment.
  ProjectInput bad = Input("LIB-B");
  bad.details.funds[0].amount = Fen::FromYuan(1);
  EXPECT_EQ(t_.app->CreateProject(county_, bad).status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(t_.app->CreateProject(county_, in).status().code(), ErrorCode::kAlreadyExists);
  // Outside the county officer's subtree.
  ProjectInput other = Input("LIB-C");
  other.project.region_code = "540202";
  EXPECT_EQ(t_.app->CreateProject(county_, other).status().code(), ErrorCode::kPermissionDenied);
}

TEST_F(LibraryTest, CountyReviewRunsTheComplianceReviewAndReportsEveryFinding) {
  ProjectInput in = Input("LIB-1");
  in.project.category = "0301";
  in.project.gov_infrastructure = true;
  in.project.total_investment = Fen::FromYuan(5'000'000);
  in.project.central_fund = Fen::FromYuan(5'000'000);
  in.project.other_fund = Fen();
  in.details.funds.clear();
  in.details.fund_uses = "购置工程车辆";
  Create(in);
  StepOk("LIB-1", "submit");
  StepOk("LIB-1", "township_approve");
  auto refused = Step("LIB-1", "county_review");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), ErrorCode::kConflict);
  EXPECT_NE(refused.status().message().find("乡镇审核」"), std::string::npos);
  // Negative list, tendering, and the county's industry share (0% of 60%), all at once.
  ASSERT_EQ(refused.status().details().size(), 3u) << refused.status().ToString();
  EXPECT_EQ(refused.status().details()[0].column, "negative_list");
  EXPECT_EQ(refused.status().details()[0].value, "N02");
  EXPECT_EQ(refused.status().details()[1].column, "tender_required");
  EXPECT_EQ(refused.status().details()[2].column, "industry_share_below_minimum");
  EXPECT_EQ(refused.status().details()[2].code, "warning");
  auto d = t_.app->GetProject(county_, "LIB-1");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->stored.project.status, ProjectState::kTownshipReviewed);
  ASSERT_TRUE(d->compliance.has_value());
  EXPECT_FALSE(d->compliance->passed);
  EXPECT_EQ(d->compliance->findings.size(), 3u);

  // Fixed: tendered, no vehicle. The warning stays but does not block.
  in.details.procurement = Procurement::kTender;
  in.details.fund_uses = "道路硬化";
  ASSERT_TRUE(t_.app->EditProject(county_, "LIB-1", in, d->stored.version).ok());
  auto ok = Step("LIB-1", "county_review");
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->stored.project.status, ProjectState::kCountyReviewed);
  ASSERT_TRUE(ok->compliance.has_value());
  EXPECT_TRUE(ok->compliance->passed);
  EXPECT_EQ(ok->compliance->findings.size(), 1u);
}

TEST_F(LibraryTest, JointReviewWithAReturnedDepartment) {
  ASSERT_TRUE(t_.app->SetReviewConfig(county_, {"540102", "*", {"发展改革委", "财政局"}}).ok());
  ASSERT_TRUE(t_.app->SetReviewConfig(county_, {"540102", "0101", {"农业农村局"}}).ok());
  EXPECT_EQ(t_.app->SetReviewConfig(county_, {"540102001", "*", {"财政局"}}).code(), ErrorCode::kInvalidArgument);
  Create(Input("LIB-2"));
  // Sign-offs belong to the county review stage.
  EXPECT_EQ(
      t_.app->RecordSignoff(Dept("财政局"), "LIB-2", {"财政局", SignoffDecision::kApprove, "", "", ""}).status().code(),
      ErrorCode::kConflict);
  ToCountyReviewed("LIB-2");
  EndedPosting("LIB-2");
  // Separation of duties: only a user of the department records its sign-off.
  EXPECT_EQ(t_.app->RecordSignoff(county_, "LIB-2", {"财政局", SignoffDecision::kApprove, "", "", ""}).status().code(),
            ErrorCode::kPermissionDenied);
  EXPECT_EQ(t_.app->RecordSignoff(Dept("发展改革委"), "LIB-2", {"财政局", SignoffDecision::kApprove, "", "", ""})
                .status()
                .code(),
            ErrorCode::kPermissionDenied);
  EXPECT_EQ(
      t_.app->RecordSignoff(Dept("公安局"), "LIB-2", {"公安局", SignoffDecision::kApprove, "", "", ""}).status().code(),
      ErrorCode::kInvalidArgument);
  EXPECT_EQ(
      t_.app->RecordSignoff(Dept("财政局"), "LIB-2", {"财政局", SignoffDecision::kReturn, "", "", ""}).status().code(),
      ErrorCode::kInvalidArgument);  // a return needs a comment
  ASSERT_TRUE(
      t_.app->RecordSignoff(Dept("发展改革委"), "LIB-2", {"发展改革委", SignoffDecision::kApprove, "同意", "", ""})
          .ok());
  ASSERT_TRUE(
      t_.app->RecordSignoff(Dept("财政局"), "LIB-2", {"财政局", SignoffDecision::kReturn, "资金来源不清", "", ""})
          .ok());
  auto refused = Step("LIB-2", "admit");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), ErrorCode::kConflict);
  EXPECT_NE(refused.status().message().find("被退回：财政局"), std::string::npos) << refused.status().message();
  EXPECT_NE(refused.status().message().find("尚未会签：农业农村局"), std::string::npos);

  ASSERT_TRUE(
      t_.app->RecordSignoff(Dept("财政局"), "LIB-2", {"财政局", SignoffDecision::kApprove, "已补充", "", ""}).ok());
  auto d = t_.app->RecordSignoff(Dept("农业农村局"), "LIB-2", {"农业农村局", SignoffDecision::kApprove, "", "", ""});
  ASSERT_TRUE(d.ok());
  EXPECT_TRUE(d->joint_review.complete());
  EXPECT_EQ(d->signoffs.size(), 4u);
  EXPECT_EQ(d->signoffs[1].actor, "county");
  auto admitted = Step("LIB-2", "admit");
  ASSERT_TRUE(admitted.ok()) << admitted.status().ToString();
  EXPECT_EQ(admitted->stored.project.status, ProjectState::kInLibrary);
}

TEST_F(LibraryTest, ATownshipOfficerCannotRunTheCountyReviewOrAdmit) {
  // A project of 八廓街道, proposed and reviewed by the township itself.
  ProjectInput in = Input("LIB-T");
  in.project.region_code = "540102001";
  auto created = t_.app->CreateProject(township_, in);
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  std::int64_t version = created->stored.version;
  for (const char* action : {"submit", "township_approve"}) {
    auto d = t_.app->TransitionProject(township_, "LIB-T", {action, "", D(2024, 3, 1)}, version);
    ASSERT_TRUE(d.ok()) << action << ": " << d.status().ToString();
    version = d->stored.version;
  }
  auto review = t_.app->TransitionProject(township_, "LIB-T", {"county_review", "", D(2024, 3, 1)}, version);
  EXPECT_EQ(review.status().code(), ErrorCode::kPermissionDenied);
  EXPECT_EQ(t_.app->BatchTransition(township_, {"LIB-T"}, "admit", "").status().code(), ErrorCode::kPermissionDenied);
  EXPECT_EQ(t_.app->BatchTransition(township_, {"LIB-T"}, "county_review", "").status().code(),
            ErrorCode::kPermissionDenied);
  // The county officer may: the review itself then runs.
  auto by_county = t_.app->TransitionProject(county_, "LIB-T", {"county_review", "", D(2024, 3, 1)}, version);
  EXPECT_NE(by_county.status().code(), ErrorCode::kPermissionDenied);
}

TEST_F(LibraryTest, BatchApprovalReportsWhatBlockedEachProject) {
  for (const char* code : {"B-1", "B-2", "B-3"}) {
    Create(Input(code));
    ToCountyReviewed(code);
  }
  EndedPosting("B-1");
  const Posting p2 = EndedPosting("B-2");
  ASSERT_TRUE(
      t_.app->RecordObjection(county_, "B-2", p2.id, {0, 0, "", D(2024, 2, 5), "受益户名单有误", false, "", {}}).ok());
  // B-3 has no posting at all; B-4 does not exist.
  auto r = t_.app->BatchTransition(county_, {"B-1", "B-2", "B-3", "B-4"}, "admit", "");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 4u);
  EXPECT_TRUE((*r)[0].ok);
  EXPECT_EQ((*r)[0].state, ProjectState::kInLibrary);
  EXPECT_FALSE((*r)[1].ok);
  EXPECT_EQ((*r)[1].error_code, "conflict");
  EXPECT_NE((*r)[1].message.find("受益户名单有误"), std::string::npos) << (*r)[1].message;
  EXPECT_EQ((*r)[1].state, ProjectState::kCountyReviewed);
  EXPECT_NE((*r)[2].message.find("尚未公示"), std::string::npos);
  EXPECT_EQ((*r)[3].error_code, "not_found");
  // A project outside the caller's scope refuses the whole batch.
  ProjectInput other = Input("B-X");
  other.project.region_code = "540202";
  ASSERT_TRUE(t_.app->CreateProject(Actor::System(), other).ok());
  EXPECT_EQ(t_.app->BatchTransition(county_, {"B-3", "B-X"}, "admit", "").status().code(),
            ErrorCode::kPermissionDenied);
}

TEST_F(LibraryTest, PostingPeriodAndObjectionsGateTheAdmission) {
  Create(Input("P-1"));
  // Not yet county-reviewed: nothing to announce.
  EXPECT_EQ(t_.app->CreatePosting(county_, "P-1", {"admit", "公开栏", D(2024, 2, 25), 10}).status().code(),
            ErrorCode::kConflict);
  ToCountyReviewed("P-1");
  EXPECT_EQ(t_.app->CreatePosting(county_, "P-1", {"admit", "公开栏", D(2024, 2, 25), 9}).status().code(),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(t_.app->CreatePosting(county_, "P-1", {"plan", "公开栏", D(2024, 2, 25), 10}).status().code(),
            ErrorCode::kInvalidArgument);
  // 2024-02-25 + 10 days, across the leap day: the last day is 2024-03-05.
  auto p = t_.app->CreatePosting(county_, "P-1", {"admit", "冲赛康社区公开栏", D(2024, 2, 25), 10});
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->end, D(2024, 3, 5));
  EXPECT_EQ(p->hotline, "12317");
  EXPECT_EQ(p->region_name, "城关区");
  auto early = Step("P-1", "admit");
  ASSERT_FALSE(early.ok());
  EXPECT_NE(early.status().message().find("公示至 2024-03-05"), std::string::npos) << early.status().message();
  auto o = t_.app->RecordObjection(county_, "P-1", p->id, {0, 0, "", D(2024, 3, 2), "占用耕地", false, "", {}});
  ASSERT_TRUE(o.ok());
  t_.clock.Advance(std::chrono::hours(24 * 5));  // 2024-03-06
  auto blocked = Step("P-1", "admit");
  ASSERT_FALSE(blocked.ok());
  EXPECT_NE(blocked.status().message().find("占用耕地"), std::string::npos);
  ASSERT_TRUE(t_.app->ResolveObjection(county_, "P-1", o->id, "经核实未占用耕地").ok());
  EXPECT_EQ(t_.app->ResolveObjection(county_, "P-1", o->id, "再次").status().code(), ErrorCode::kConflict);
  auto admitted = Step("P-1", "admit");
  ASSERT_TRUE(admitted.ok()) << admitted.status().ToString();
  // The public list of the region and of its ancestors shows it; another region's does not.
  auto pub = t_.app->PublicPostings("540000");
  ASSERT_TRUE(pub.ok());
  ASSERT_EQ(pub->size(), 1u);
  EXPECT_EQ((*pub)[0].project_code, "P-1");
  EXPECT_EQ((*pub)[0].created_by, "");
  EXPECT_TRUE(t_.app->PublicPostings("540200")->empty());
  EXPECT_EQ(t_.app->PublicPostings("999999").status().code(), ErrorCode::kNotFound);
}

TEST_F(LibraryTest, AnUnfundedLibraryProjectRollsOverToNextYearsLibrary) {
  ProjectInput in = Input("RO-1");
  in.project.planned_start = D(2024, 4, 1);
  in.details.task_book = "结转后继续实施";
  Create(in);
  ToCountyReviewed("RO-1");
  EndedPosting("RO-1");
  StepOk("RO-1", "admit");
  EXPECT_EQ(Step("RO-1", "roll_over").status().code(), ErrorCode::kInvalidArgument);  // a reason is required
  auto rolled = Step("RO-1", "roll_over", "年度资金未安排");
  ASSERT_TRUE(rolled.ok()) << rolled.status().ToString();
  EXPECT_EQ(rolled->stored.project.status, ProjectState::kRolledOver);
  auto next = t_.app->GetProject(county_, "RO-1-2025");
  ASSERT_TRUE(next.ok()) << next.status().ToString();
  EXPECT_EQ(next->stored.project.year, 2025);
  EXPECT_EQ(next->stored.project.status, ProjectState::kInLibrary);
  EXPECT_EQ(next->stored.project.planned_start, D(2025, 4, 1));
  EXPECT_EQ(next->details.task_book, "结转后继续实施");
  ASSERT_EQ(next->transitions.size(), 1u);
  EXPECT_EQ(next->transitions[0].action, "carry_over");
  // The next year's copy is a library project like any other: it can be planned.
  auto planned = t_.app->TransitionProject(county_, "RO-1-2025", {"plan", "", D(2024, 3, 1)}, next->stored.version);
  ASSERT_TRUE(planned.ok()) << planned.status().ToString();

  // A project with money booked on it stays in its year.
  Create(Input("RO-2"));
  ToCountyReviewed("RO-2");
  EndedPosting("RO-2");
  StepOk("RO-2", "admit");
  std::istringstream ledger(
      "entry_id,date,kind,fund_source,fund_year,region_code,project_code,amount\n"
      "A-RO-2,2024-02-01,allocate,central,2024,540102,RO-2,100000\n");
  CsvReader reader(ledger);
  ASSERT_TRUE(t_.app->ImportLedger(Actor::System(), reader).ok());
  auto funded = Step("RO-2", "roll_over", "测试");
  ASSERT_FALSE(funded.ok());
  EXPECT_EQ(funded.status().code(), ErrorCode::kConflict);
  EXPECT_NE(funded.status().message().find("不能结转"), std::string::npos);
}

TEST_F(LibraryTest, ARolledOverProjectCountsInOneYearsPlanOnly) {
  // projects_total of 城关区 for a plan year (as of its 31 December).
  const auto in_plan = [&](int year) -> std::int64_t {
    auto r =
        t_.app->ComputeIndicators(Actor::System(), {"540102", year, Date::FromYmd(year, 12, 31), FundSource::kCentral});
    return r.ok() ? r->figures.projects_total : -1;
  };
  Create(Input("RO-3"));
  ToCountyReviewed("RO-3");
  EndedPosting("RO-3");
  StepOk("RO-3", "admit");
  EXPECT_EQ(in_plan(2024), 0);  // in the library: not in the plan
  StepOk("RO-3", "plan");
  EXPECT_EQ(in_plan(2024), 1);
  ASSERT_TRUE(Step("RO-3", "roll_over", "年度资金未安排").ok());
  // Rolled over: out of 2024's plan; next year's copy is in the library until it is planned.
  EXPECT_EQ(in_plan(2024), 0);
  EXPECT_EQ(in_plan(2025), 0);
  auto next = t_.app->GetProject(county_, "RO-3-2025");
  ASSERT_TRUE(next.ok()) << next.status().ToString();
  ASSERT_TRUE(t_.app->TransitionProject(county_, "RO-3-2025", {"plan", "", D(2024, 3, 1)}, next->stored.version).ok());
  EXPECT_EQ(in_plan(2024), 0);
  EXPECT_EQ(in_plan(2025), 1);
}

TEST_F(LibraryTest, TwoEditsWithTheSameVersionOneConflictsAndChangesNothing) {
  Create(Input("C-1"));
  const std::int64_t v = t_.app->GetProject(county_, "C-1")->stored.version;
  ProjectInput a = Input("C-1");
  a.project.name = "甲的修改";
  a.details.task_book = "甲";
  ProjectInput b = Input("C-1");
  b.project.name = "乙的修改";
  b.details.task_book = "乙";
  Status sa, sb;
  std::thread ta([&] { sa = t_.app->EditProject(county_, "C-1", a, v).status(); });
  std::thread tb([&] { sb = t_.app->EditProject(county_, "C-1", b, v).status(); });
  ta.join();
  tb.join();
  ASSERT_NE(sa.ok(), sb.ok()) << sa.ToString() << " / " << sb.ToString();
  const Status& lost = sa.ok() ? sb : sa;
  EXPECT_EQ(lost.code(), ErrorCode::kConflict);
  auto d = t_.app->GetProject(county_, "C-1");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->stored.version, v + 1);
  const ProjectInput& won = sa.ok() ? a : b;
  EXPECT_EQ(d->stored.project.name, won.project.name);
  EXPECT_EQ(d->details.task_book, won.details.task_book);  // the loser's sheet was not written either
  // A transition with the stale version is refused the same way.
  EXPECT_EQ(t_.app->TransitionProject(county_, "C-1", {"submit", "", D(2024, 3, 1)}, v).status().code(),
            ErrorCode::kConflict);
}

TEST_F(LibraryTest, VillagePlansListThoseWithoutProjects) {
  auto with = t_.app->SaveVillagePlan(county_, {0, "540102001001", 2024, "发展牦牛养殖", "户均增收 3000 元", ""});
  ASSERT_TRUE(with.ok()) << with.status().ToString();
  auto without = t_.app->SaveVillagePlan(county_, {0, "540102001001", 2024, "改善人居环境", "", ""});
  ASSERT_TRUE(without.ok());
  EXPECT_EQ(t_.app->SaveVillagePlan(county_, {0, "540102001", 2024, "乡镇", "", ""}).status().code(),
            ErrorCode::kInvalidArgument);
  ProjectInput in = Input("V-1");
  in.details.village_plan_id = with->id;
  Create(in);
  auto plans = t_.app->VillagePlans(county_, "540102");
  ASSERT_TRUE(plans.ok());
  ASSERT_EQ(plans->size(), 2u);
  EXPECT_EQ((*plans)[0].plan.title, "改善人居环境");  // plans without projects come first
  EXPECT_TRUE((*plans)[0].project_codes.empty());
  EXPECT_EQ((*plans)[1].project_codes, std::vector<std::string>{"V-1"});
  EXPECT_EQ((*plans)[1].village_name, "冲赛康社区");
  EXPECT_EQ(t_.app->GetProject(county_, "V-1")->village_plan->title, "发展牦牛养殖");
}

TEST_F(LibraryTest, OverdueMilestonesAndLateStartsPerRegion) {
  ProjectInput in = Input("O-1");
  in.project.planned_start = D(2024, 2, 1);
  auto proposal =
      t_.app->ProposeSchedule(county_, {{"前期手续", 20, {}, {}}, {"主体施工", 60, {}, {}}}, D(2024, 4, 30));
  ASSERT_TRUE(proposal.ok());
  EXPECT_EQ(proposal->milestones[0].planned, D(2024, 3, 1));
  EXPECT_EQ(proposal->start, D(2024, 2, 10));
  in.details.milestones = proposal->milestones;
  in.details.milestones[0].planned = D(2024, 2, 20);
  Create(in);
  auto r = t_.app->Overdue(county_, "540102", D(2024, 3, 1));
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->milestones.size(), 1u);
  EXPECT_EQ(r->milestones[0].milestone.name, "前期手续");
  EXPECT_EQ(r->milestones[0].days_overdue, 10);
  ASSERT_EQ(r->late_starts.size(), 1u);
  EXPECT_EQ(r->late_starts[0].days_late, 29);
  EXPECT_TRUE(t_.app->Overdue(Actor::System(), "540200", D(2024, 3, 1))->milestones.empty());
  EXPECT_EQ(t_.app->Overdue(county_, "540202", D(2024, 3, 1)).status().code(), ErrorCode::kPermissionDenied);
}

TEST_F(LibraryTest, ADamagedRecordIsAnErrorNamingItNeverSkipped) {
  auto plan = t_.app->SaveVillagePlan(county_, {0, "540102001001", 2024, "发展牦牛养殖", "", ""});
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  ProjectInput in = Input("DMG-1");
  in.details.village_plan_id = plan->id;
  in.details.milestones = {{"前期手续", 20, D(2024, 2, 20), std::nullopt}};
  Create(in);
  ASSERT_TRUE(t_.app->SetReviewConfig(county_, {"540102", "*", {"财政局"}}).ok());
  Store& store = t_.app->store();
  auto only = [&](const char* kind) {
    LibraryRecordQuery q;
    q.kind = kind;
    auto recs = store.FindLibraryRecords(q);
    EXPECT_TRUE(recs.ok() && recs->size() == 1u);
    return recs.ok() && !recs->empty() ? (*recs)[0] : LibraryRecord{};
  };
  const LibraryRecord plan_rec = only(LibraryKind::kVillagePlan);
  const LibraryRecord config_rec = only(LibraryKind::kReviewDepartments);
  const LibraryRecord sheet_rec = only(LibraryKind::kProjectSheet);
  auto expect_named = [](const Status& s, const LibraryRecord& r) {
    EXPECT_EQ(s.code(), ErrorCode::kInternal) << s.ToString();
    EXPECT_NE(s.message().find(r.kind + " #" + std::to_string(r.id)), std::string::npos) << s.message();
  };

  // A village plan whose title is a number: the plan list and the project page fail, naming it.
  ASSERT_TRUE(
      store.UpdateLibraryRecord(plan_rec.id, R"({"village_code":"540102001001","year":2024,"title":5})", "t").ok());
  expect_named(t_.app->VillagePlans(county_, "540102").status(), plan_rec);
  expect_named(t_.app->GetProject(county_, "DMG-1").status(), plan_rec);
  ASSERT_TRUE(store.UpdateLibraryRecord(plan_rec.id, plan_rec.doc, "t").ok());
  ASSERT_TRUE(t_.app->GetProject(county_, "DMG-1").ok());

  // A review configuration with a numeric category: reading and replacing it are errors, never a throw
  // and never a configuration silently left out of the joint review.
  ASSERT_TRUE(
      store.UpdateLibraryRecord(config_rec.id, R"({"county_code":"540102","category_code":7,"departments":[]})", "t")
          .ok());
  expect_named(t_.app->ReviewConfig(county_, "540102").status(), config_rec);
  expect_named(t_.app->SetReviewConfig(county_, {"540102", "*", {"财政局"}}), config_rec);
  expect_named(t_.app->GetProject(county_, "DMG-1").status(), config_rec);
  ASSERT_TRUE(store.UpdateLibraryRecord(config_rec.id, config_rec.doc, "t").ok());

  // A project sheet that is not JSON: the overdue report fails instead of dropping the project's milestones.
  ASSERT_TRUE(t_.app->Overdue(county_, "540102", D(2024, 3, 1)).ok());
  ASSERT_TRUE(store.UpdateLibraryRecord(sheet_rec.id, "{\"milestones\":", "t").ok());
  expect_named(t_.app->Overdue(county_, "540102", D(2024, 3, 1)).status(), sheet_rec);
  expect_named(t_.app->VillagePlans(county_, "540102").status(), sheet_rec);
}

TEST_F(LibraryTest, ReferenceDataIsVersionedAndOnlyAnAdministratorEditsIt) {
  auto all = t_.app->ReferenceData(county_, "");
  ASSERT_TRUE(all.ok());
  std::set<std::string> departments;
  for (const ReferenceItem& r : *all) {
    if (r.kind == "guideline") departments.insert(r.department);
  }
  EXPECT_EQ(departments.size(), 13u);
  const ReferenceItem item{"negative", "N08", D(2024, 1, 1), false, "", "", "购买理财产品", {"理财"}, "测试"};
  EXPECT_EQ(t_.app->AddReferenceItem(county_, item).code(), ErrorCode::kPermissionDenied);
  Actor admin{"admin", Role::kAdmin, "540000", "", 0, "", 0, ""};
  ASSERT_TRUE(t_.app->AddReferenceItem(admin, item).ok());
  ProjectInput in = Input("R-1");
  in.details.fund_uses = "购买理财产品";
  Create(in);
  auto check = t_.app->CheckCompliance(county_, "R-1");
  ASSERT_TRUE(check.ok());
  ASSERT_EQ(check->findings.size(), 1u);
  EXPECT_EQ(check->findings[0].ref_code, "N08");
  // A policy change takes effect on its date.
  EXPECT_EQ(t_.app->AddPolicy(county_, {"posting_days", 15, D(2024, 1, 1), "", ""}).code(),
            ErrorCode::kPermissionDenied);
  ASSERT_TRUE(t_.app->AddPolicy(admin, {"posting_days", 15, D(2024, 1, 1), "延长公示期", ""}).ok());
  Create(Input("R-2"));
  ToCountyReviewed("R-2");
  EXPECT_EQ(t_.app->CreatePosting(county_, "R-2", {"admit", "公开栏", D(2024, 2, 1), 10}).status().code(),
            ErrorCode::kInvalidArgument);
  EXPECT_TRUE(t_.app->CreatePosting(county_, "R-2", {"admit", "公开栏", D(2024, 2, 1), 15}).ok());
}

}  // namespace app_library_test
}  // namespace xj
