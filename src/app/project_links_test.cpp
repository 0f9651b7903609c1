// Links between records (docs/definitions.md §19) on a real store: the 一村一策 plan a project names,
// 中央资金 ≤ 总投资, and the numbering of empty codes by the rule in force — under concurrent creates
// and with codes another server inserted that this one has not loaded.
#include "app/project_links.hpp"

#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "app/app_test_support.hpp"
#include "domain/domain_test_support.hpp"

namespace xj {
namespace app_project_links_test {

using testing::D;
using testing::TestApp;

class ProjectLinksTest : public ::testing::Test {
 protected:
  ProjectLinksTest() {
    std::istringstream in(
        "code,name,level,parent_code\n"
        "540102001001,冲赛康社区,village,540102001\n"
        "540102001002,八廓社区,village,540102001\n"
        "540202001001,城南村,village,540202001\n");
    CsvReader reader(in);
    EXPECT_TRUE(t_.app->ImportRegions(Actor::System(), reader).ok());
    county_ = Actor{"county", Role::kCountyOfficer, "540102", "", 0, "", 0, ""};
    admin_ = Actor{"admin", Role::kAdmin, "540000", "", 0, "", 0, ""};
  }

  ProjectInput Input(const std::string& code, const std::string& region = "540102001001") {
    ProjectInput in;
    in.project.project_code = code;
    in.project.name = "村集体经济项目";
    in.project.year = 2024;
    in.project.region_code = region;
    in.project.category = "0101";
    in.project.total_investment = Fen::FromYuan(500'000);
    in.project.central_fund = Fen::FromYuan(500'000);
    return in;
  }

  std::int64_t Plan(const std::string& village, const std::string& title) {
    auto p = t_.app->SaveVillagePlan(Actor::System(), {0, village, 2024, title, "", ""});
    EXPECT_TRUE(p.ok()) << p.status().ToString();
    return p.ok() ? p->id : 0;
  }

  TestApp t_;
  Actor county_;
  Actor admin_;
};

TEST_F(ProjectLinksTest, AProjectNamesOnlyAPlanOfItsVillage) {
  const std::int64_t own = Plan("540102001001", "发展牦牛养殖");
  const std::int64_t neighbour = Plan("540102001002", "建设蔬菜温室");
  const std::int64_t far = Plan("540202001001", "改善人居环境");

  ProjectInput in = Input("L-1");
  in.details.village_plan_id = own;
  auto created = t_.app->CreateProject(county_, in);
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_EQ(created->village_plan->title, "发展牦牛养殖");

  for (std::int64_t wrong : {neighbour, far}) {
    ProjectInput bad = Input("L-2");
    bad.details.village_plan_id = wrong;
    EXPECT_EQ(t_.app->CreateProject(county_, bad).status().code_name(), "village_plan_elsewhere");
  }
  // An id of another kind of record (the sheet L-1 saved) and an id of nothing are no plan.
  LibraryRecordQuery q;
  q.kind = LibraryKind::kProjectSheet;
  auto sheets = t_.app->store().FindLibraryRecords(q);
  ASSERT_TRUE(sheets.ok() && sheets->size() == 1u);
  for (std::int64_t wrong : {(*sheets)[0].id, far + 1000, std::int64_t{-3}}) {
    ProjectInput bad = Input("L-2");
    bad.details.village_plan_id = wrong;
    EXPECT_EQ(t_.app->CreateProject(county_, bad).status().code_name(), "unknown_village_plan") << wrong;
  }
  EXPECT_EQ(t_.app->GetProject(county_, "L-2").status().code(), ErrorCode::kNotFound);

  // The county itself may implement any plan of its villages, not another county's.
  ProjectInput county_level = Input("L-3", "540102");
  county_level.details.village_plan_id = neighbour;
  EXPECT_TRUE(t_.app->CreateProject(county_, county_level).ok());
  county_level.project.project_code = "L-4";
  county_level.details.village_plan_id = far;
  EXPECT_EQ(t_.app->CreateProject(county_, county_level).status().code_name(), "village_plan_elsewhere");

  // An edit to another village's plan changes nothing.
  ProjectInput edit = Input("L-1");
  edit.project.name = "改名";
  edit.details.village_plan_id = neighbour;
  EXPECT_EQ(t_.app->EditProject(county_, "L-1", edit, created->stored.version).status().code_name(),
            "village_plan_elsewhere");
  auto after = t_.app->GetProject(county_, "L-1");
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->stored.version, created->stored.version);
  EXPECT_EQ(after->stored.project.name, "村集体经济项目");
  EXPECT_EQ(after->details.village_plan_id, own);
}

TEST_F(ProjectLinksTest, CentralFundsCannotExceedTheTotalOnCreateOrEdit) {
  ProjectInput in = Input("F-1");
  in.project.central_fund = in.project.total_investment + Fen(1);  // one fen over the stated total
  EXPECT_EQ(t_.app->CreateProject(county_, in).status().code_name(), "central_exceeds_total");
  EXPECT_EQ(t_.app->GetProject(county_, "F-1").status().code(), ErrorCode::kNotFound);
  in.project.central_fund = in.project.total_investment;
  auto created = t_.app->CreateProject(county_, in);
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  in.project.total_investment = Fen::FromYuan(400'000);
  EXPECT_EQ(t_.app->EditProject(county_, "F-1", in, created->stored.version).status().code_name(),
            "central_exceeds_total");
  EXPECT_EQ(t_.app->GetProject(county_, "F-1")->stored.project.total_investment, Fen::FromYuan(500'000));
}

TEST_F(ProjectLinksTest, EmptyCodesAreNumberedByTheRuleWithoutDuplicatesUnderConcurrentCreates) {
  auto first = t_.app->CreateProject(county_, Input(""));
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->stored.project.project_code, "XZ20245401020001");
  // A code another server inserted, not yet in this server's catalogue, is skipped.
  Project elsewhere = Input("XZ20245401020002").project;
  ASSERT_TRUE(t_.app->store().InsertProjects({elsewhere}).ok());
  auto second = t_.app->CreateProject(county_, Input(""));
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(second->stored.project.project_code, "XZ20245401020003");

  constexpr int kThreads = 8;
  std::vector<std::string> codes(kThreads);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      auto d = t_.app->CreateProject(county_, Input(""));
      codes[static_cast<std::size_t>(i)] = d.ok() ? d->stored.project.project_code : d.status().ToString();
    });
  }
  for (std::thread& th : threads) th.join();
  std::set<std::string> distinct(codes.begin(), codes.end());
  EXPECT_EQ(distinct.size(), static_cast<std::size_t>(kThreads));
  for (int seq = 4; seq < 4 + kThreads; ++seq) {
    EXPECT_TRUE(distinct.count("XZ2024540102" + std::string(seq < 10 ? "000" : "00") + std::to_string(seq))) << seq;
  }
  // Another year and another county have their own sequences.
  ProjectInput next_year = Input("");
  next_year.project.year = 2025;
  EXPECT_EQ(t_.app->CreateProject(county_, next_year)->stored.project.project_code, "XZ20255401020001");
  EXPECT_EQ(t_.app->CreateProject(Actor::System(), Input("", "540202001001"))->stored.project.project_code,
            "XZ20245402020001");
}

TEST_F(ProjectLinksTest, TheAdminReplacesTheRuleFromADateAndAMalformedOneChangesNothing) {
  ReferenceItem rule{std::string(kProjectCodeRuleKind),
                     std::string(kProjectCodeRuleCode),
                     D(2024, 3, 1),
                     false,
                     "",
                     "",
                     "CG-{year}-{seq:3}",
                     {},
                     ""};
  EXPECT_EQ(t_.app->AddReferenceItem(county_, rule).code(), ErrorCode::kPermissionDenied);
  ReferenceItem bad = rule;
  bad.text = "CG-{year}";
  EXPECT_EQ(t_.app->AddReferenceItem(admin_, bad).code_name(), "bad_code_rule");
  bad.text = "CG {seq:3}";
  EXPECT_EQ(t_.app->AddReferenceItem(admin_, bad).code_name(), "bad_code_rule");
  EXPECT_TRUE(t_.app->ReferenceData(admin_, std::string(kProjectCodeRuleKind))->empty());
  auto format = ProjectCodeFormatFor(*t_.app, county_, "540102001001", 2024, D(2024, 3, 1));
  ASSERT_TRUE(format.ok()) << format.status().ToString();
  EXPECT_EQ(format->pattern, "XZ2024540102####");
  EXPECT_FALSE(format->effective_from.has_value());

  ASSERT_TRUE(t_.app->AddReferenceItem(admin_, rule).ok());
  ReferenceItem later = rule;
  later.effective_from = D(2024, 6, 1);
  later.text = "CG{county}{seq:5}";
  ASSERT_TRUE(t_.app->AddReferenceItem(admin_, later).ok());
  format = ProjectCodeFormatFor(*t_.app, county_, "540102001001", 2024, D(2024, 3, 1));
  ASSERT_TRUE(format.ok());
  EXPECT_EQ(format->rule, "CG-{year}-{seq:3}");
  EXPECT_EQ(format->pattern, "CG-2024-###");
  EXPECT_EQ(format->effective_from, D(2024, 3, 1));
  EXPECT_EQ(t_.app->CreateProject(county_, Input(""))->stored.project.project_code, "CG-2024-001");
  EXPECT_EQ(ProjectCodeFormatFor(*t_.app, county_, "540102001001", 2024, D(2024, 6, 1))->pattern, "CG540102#####");
  EXPECT_EQ(ProjectCodeFormatFor(*t_.app, county_, "540202", 2024, D(2024, 3, 1)).status().code(),
            ErrorCode::kPermissionDenied);
}

}  // namespace app_project_links_test
}  // namespace xj
