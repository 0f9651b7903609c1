// Every compliance rule with a passing and a failing case; all findings reported at once.
#include "domain/compliance.hpp"

#include <gtest/gtest.h>

namespace xj {
namespace domain_compliance_test {

class ComplianceTest : public ::testing::Test {
 protected:
  ComplianceTest()
      : categories_({{"0101", "产业发展", "生产项目", true}, {"0301", "乡村建设行动", "农村基础设施", false}}),
        references_({
            {"guideline", "G-NY-01", Date::FromYmd(2023, 1, 1), false, "农业农村部门", "0101", "种养殖基地", {}, ""},
            {"guideline", "G-JT-01", Date::FromYmd(2023, 1, 1), false, "交通运输部门", "0301", "通村道路", {}, ""},
            {"negative", "N02", Date::FromYmd(2023, 1, 1), false, "", "", "交通工具及通讯设备", {"车辆", "手机"}, ""},
            {"negative", "N03", Date::FromYmd(2023, 1, 1), false, "", "", "楼堂馆所及办公用房", {"办公楼"}, ""},
        }),
        policies_(PolicySet::Defaults()) {
    project_.project_code = "P1";
    project_.name = "青稞种植基地";
    project_.year = 2023;
    project_.category = "0101";
    project_.total_investment = Fen::FromYuan(1'000'000);
    project_.central_fund = Fen::FromYuan(800'000);
  }

  std::vector<ComplianceFinding> Review(Date on = Date::FromYmd(2023, 3, 1)) {
    ComplianceInput in{&project_, &details_, &categories_, &references_, &policies_, on, plan_};
    return ReviewCompliance(in);
  }
  static bool Has(const std::vector<ComplianceFinding>& f, std::string_view rule) {
    for (const auto& x : f) {
      if (x.rule == rule) return true;
    }
    return false;
  }

  Project project_;
  ProjectDetails details_;
  CategoryCatalogue categories_;
  ReferenceCatalog references_;
  PolicySet policies_;
  CountyPlanShare plan_{Fen::FromYuan(700), Fen::FromYuan(1000)};  // 70% industry
};

TEST_F(ComplianceTest, CompliantProjectHasNoFinding) {
  EXPECT_TRUE(Review().empty());
}

TEST_F(ComplianceTest, NegativeListUseIsFoundByKeyword) {
  details_.fund_uses = "购置工作车辆一台";
  auto f = Review();
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, ComplianceRule::kNegativeList);
  EXPECT_EQ(f[0].ref_code, "N02");
  EXPECT_TRUE(f[0].blocking);
  EXPECT_NE(f[0].message.find("交通工具及通讯设备"), std::string::npos);
}

TEST_F(ComplianceTest, NegativeListItemNotYetInForceOrRetiredDoesNotApply) {
  details_.construction_content = "村委会办公楼维修";
  EXPECT_TRUE(Has(Review(), ComplianceRule::kNegativeList));
  // Retired from 2023-06-01: a review on 2023-07-01 no longer finds it; one before still does.
  auto versions = references_.versions();
  versions.push_back({"negative", "N03", Date::FromYmd(2023, 6, 1), true, "", "", "", {}, ""});
  references_ = ReferenceCatalog(versions);
  EXPECT_TRUE(Has(Review(Date::FromYmd(2023, 5, 31)), ComplianceRule::kNegativeList));
  EXPECT_FALSE(Has(Review(Date::FromYmd(2023, 7, 1)), ComplianceRule::kNegativeList));
  // Before the list took effect at all.
  EXPECT_FALSE(Has(Review(Date::FromYmd(2022, 12, 31)), ComplianceRule::kNegativeList));
}

TEST_F(ComplianceTest, CategoryOutsideTheCatalogueIsFound) {
  project_.category = "9999";
  auto f = Review();
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, ComplianceRule::kCategoryNotInCatalogue);
  // A catalogue type no department's guideline covers.
  categories_ =
      CategoryCatalogue({{"0101", "产业发展", "生产项目", true}, {"0701", "项目管理费", "项目管理费", false}});
  project_.category = "0701";
  f = Review();
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].ref_code, "0701");
  // Named by its level-2 name, the category resolves to its code.
  project_.category = "生产项目";
  EXPECT_TRUE(Review().empty());
}

TEST_F(ComplianceTest, LargeConstructionWithoutTenderIsFound) {
  project_.category = "0301";
  project_.gov_infrastructure = true;
  project_.total_investment = Fen::FromYuan(4'000'000);  // exactly the threshold: tendering required
  auto f = Review();
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, ComplianceRule::kTenderRequired);
  details_.procurement = Procurement::kTender;
  EXPECT_TRUE(Review().empty());
}

TEST_F(ComplianceTest, SmallLowSkillInfrastructureMustConsiderWorkRelief) {
  project_.category = "0301";
  project_.gov_infrastructure = true;
  project_.low_skill = true;
  project_.total_investment = Fen(400'000'000 - 1);  // one fen under 4,000,000 yuan
  auto f = Review();
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, ComplianceRule::kWorkReliefNotConsidered);
  project_.work_relief = true;
  EXPECT_TRUE(Review().empty());
  project_.work_relief = false;
  details_.work_relief_considered = true;
  details_.work_relief_note = "需专业施工队伍";
  EXPECT_TRUE(Review().empty());
  // Skilled work needs no work-relief consideration.
  details_.work_relief_considered = false;
  project_.low_skill = false;
  EXPECT_TRUE(Review().empty());
}

TEST_F(ComplianceTest, ThresholdIsPolicyDataWithAnEffectiveDate) {
  project_.category = "0301";
  project_.gov_infrastructure = true;
  project_.total_investment = Fen::FromYuan(3'000'000);
  policies_ = PolicySet::WithChanges(
      {{std::string(PolicyKey::kWorkReliefThresholdFen), Date::FromYmd(2023, 6, 1), Fen::FromYuan(2'000'000).value()}});
  EXPECT_FALSE(Has(Review(Date::FromYmd(2023, 5, 1)), ComplianceRule::kTenderRequired));
  EXPECT_TRUE(Has(Review(Date::FromYmd(2023, 6, 1)), ComplianceRule::kTenderRequired));
}

TEST_F(ComplianceTest, IndustryShareUnderTheMinimumIsReportedWithoutBlocking) {
  plan_ = {Fen::FromYuan(600), Fen::FromYuan(1000)};  // exactly 60%: passes
  EXPECT_TRUE(Review().empty());
  plan_ = {Fen::FromYuan(599), Fen::FromYuan(1000)};  // 59.90%
  auto f = Review();
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, ComplianceRule::kIndustryShareBelowMinimum);
  EXPECT_FALSE(f[0].blocking);
  EXPECT_FALSE(HasBlockingFinding(f));
  EXPECT_NE(f[0].message.find("59.90%"), std::string::npos) << f[0].message;
  EXPECT_NE(f[0].message.find("60%"), std::string::npos);
}

TEST_F(ComplianceTest, EveryFindingIsReportedAtOnce) {
  project_.category = "0301";
  project_.gov_infrastructure = true;
  project_.total_investment = Fen::FromYuan(5'000'000);
  details_.fund_uses = "配备手机；新建办公楼";
  plan_ = {Fen::FromYuan(100), Fen::FromYuan(1000)};
  auto f = Review();
  ASSERT_EQ(f.size(), 4u);
  EXPECT_EQ(f[0].ref_code, "N02");
  EXPECT_EQ(f[1].ref_code, "N03");
  EXPECT_EQ(f[2].rule, ComplianceRule::kTenderRequired);
  EXPECT_EQ(f[3].rule, ComplianceRule::kIndustryShareBelowMinimum);
  EXPECT_TRUE(HasBlockingFinding(f));
}

}  // namespace domain_compliance_test
}  // namespace xj
