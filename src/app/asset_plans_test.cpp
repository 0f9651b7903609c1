// Classification, plans, income with its distribution, yield and the idle/loss list through the App
// (issue #20 point 3), figures by hand.
#include <gtest/gtest.h>

#include "app/app_test_support.hpp"

namespace xj {
namespace app_asset_plans_test {

using testing::TestApp;

AssetPlan PlanOf(AssetClass c, const std::string& text, std::optional<Date> follow_up_on) {
  AssetPlan p;
  p.asset_class = c;
  p.plan = text;
  p.follow_up_on = follow_up_on;
  return p;
}

class AssetPlansTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Operating: P1 城关区 200,000 元; P2 城关区 50,000 元 idle; P3 桑珠孜区 100,000 元. Public welfare: G1 城关区.
    auto make = [](const std::string& code, const std::string& region, std::int64_t fen, AssetType type,
                   const std::string& status) {
      Asset a;
      a.asset_code = code;
      a.name = "资产" + code;
      a.region_code = region;
      a.type = type;
      a.original_value = Fen(fen);
      a.current_value = Fen(fen);
      a.status = status;
      return a;
    };
    ASSERT_TRUE(
        t_.app
            ->SaveAssets(Actor::System(), {make("P1", "540102", 20'000'000, AssetType::kOperating, "in_use"),
                                           make("P2", "540102", 5'000'000, AssetType::kOperating, "idle"),
                                           make("P3", "540202", 10'000'000, AssetType::kOperating, "in_use"),
                                           make("G1", "540102", 1'000'000, AssetType::kPublicWelfare, "in_use")})
            .ok());
    county_.username = "county";
    county_.role = Role::kCountyOfficer;
    county_.region_code = "540102";
    county2_ = county_;
    county2_.username = "county2";
    county2_.region_code = "540202";
    admin_.username = "admin";
    admin_.role = Role::kAdmin;
  }

  Status Income(const Actor& by, const std::string& code, Date on, std::int64_t fen,
                const std::string& distribution = "", std::optional<Date> decided = std::nullopt,
                const std::string& decision = "") {
    AssetIncome i;
    i.received_on = on;
    i.amount_fen = fen;
    i.distribution = distribution;
    i.decided_on = decided;
    i.decision = decision;
    return t_.app->RecordAssetIncome(by, code, i).status();
  }

  TestApp t_;
  Actor county_, county2_, admin_;
};

TEST_F(AssetPlansTest, LabelsArePolicyData) {
  auto labels = t_.app->AssetClassLabels(county_);
  ASSERT_TRUE(labels.ok());
  ASSERT_EQ(labels->size(), 4u);
  std::map<AssetClass, std::string> by;
  for (const AssetClassLabel& l : *labels) by[l.asset_class] = l.label;
  EXPECT_EQ(by[AssetClass::kConsolidate], "巩固");
  EXPECT_EQ(by[AssetClass::kRestart], "另起炉灶");
  // The national wording.
  EXPECT_EQ(t_.app->SetAssetClassLabels(county_, {{AssetClass::kUpgrade, "升级"}}).status().code(),
            ErrorCode::kPermissionDenied);
  auto changed = t_.app->SetAssetClassLabels(admin_, {{AssetClass::kUpgrade, "升级"}, {AssetClass::kRestart, "调整"}});
  ASSERT_TRUE(changed.ok()) << changed.status().ToString();
  for (const AssetClassLabel& l : *changed) by[l.asset_class] = l.label;
  EXPECT_EQ(by[AssetClass::kUpgrade], "升级");
  EXPECT_EQ(by[AssetClass::kRestart], "调整");
  EXPECT_EQ(t_.app->SetAssetClassLabels(admin_, {{AssetClass::kUpgrade, ""}}).status().code_name(), "bad_label");
}

TEST_F(AssetPlansTest, PlansIncomeYieldAndTheAttentionList) {
  auto plan =
      t_.app->SetAssetPlan(county_, "P1", PlanOf(AssetClass::kUpgrade, "扩大养殖规模", Date::FromYmd(2027, 3, 1)));
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  EXPECT_EQ(plan->updated_by, "county");
  ASSERT_TRUE(t_.app->SetAssetPlan(county_, "P2", PlanOf(AssetClass::kRevitalize, "招商出租", std::nullopt)).ok());
  EXPECT_EQ(
      t_.app->SetAssetPlan(county_, "G1", PlanOf(AssetClass::kConsolidate, "x", std::nullopt)).status().code_name(),
      "not_operating");
  EXPECT_EQ(t_.app->SetAssetPlan(county2_, "P1", PlanOf(AssetClass::kConsolidate, "x", std::nullopt)).status().code(),
            ErrorCode::kPermissionDenied);
  EXPECT_EQ(t_.app->SetAssetPlan(county_, "NOPE", PlanOf(AssetClass::kConsolidate, "x", std::nullopt)).status().code(),
            ErrorCode::kNotFound);

  // P1: 12,000 元 on 2026-06-30 distributed by the meeting of 07-05, 3,000 元 on 2026-12-31, 5,000 元 in 2025.
  ASSERT_TRUE(Income(county_, "P1", Date::FromYmd(2026, 6, 30), 1'200'000, "60%分红给脱贫户", Date::FromYmd(2026, 7, 5),
                     "村民代表会议决议〔2026〕3号")
                  .ok());
  ASSERT_TRUE(Income(county_, "P1", Date::FromYmd(2026, 12, 31), 300'000).ok());
  ASSERT_TRUE(Income(county_, "P1", Date::FromYmd(2025, 12, 31), 500'000).ok());
  EXPECT_EQ(Income(county_, "P1", Date::FromYmd(2026, 8, 1), 100, "分红").code_name(), "decision_required");
  EXPECT_EQ(Income(county_, "G1", Date::FromYmd(2026, 8, 1), 100).code_name(), "not_operating");
  EXPECT_EQ(Income(county2_, "P1", Date::FromYmd(2026, 8, 1), 100).code(), ErrorCode::kPermissionDenied);
  // P3: a loss of 2,000 元 in 2026.
  ASSERT_TRUE(Income(county2_, "P3", Date::FromYmd(2026, 5, 1), -200'000).ok());

  auto incomes = t_.app->AssetIncomes(county_, "P1");
  ASSERT_TRUE(incomes.ok());
  ASSERT_EQ(incomes->size(), 3u);
  EXPECT_EQ((*incomes)[1].decision, "村民代表会议决议〔2026〕3号");

  // 2026: P1 15,000 ÷ 200,000 = 7.50%; P2 no income (and idle); P3 −2,000 ÷ 100,000 = −2.00%.
  AssetYieldQuery q{"540000", Date::FromYmd(2026, 1, 1), Date::FromYmd(2026, 12, 31), false};
  Actor region;
  region.username = "region";
  region.role = Role::kRegionOfficer;
  region.region_code = "540000";
  auto yields = t_.app->AssetYields(region, q);
  ASSERT_TRUE(yields.ok()) << yields.status().ToString();
  ASSERT_EQ(yields->size(), 3u);  // G1 is not operating
  EXPECT_EQ((*yields)[0].asset.asset_code, "P1");
  EXPECT_EQ((*yields)[0].income_fen, 1'500'000);
  EXPECT_EQ(PercentHundredths((*yields)[0].yield), 750);
  EXPECT_EQ((*yields)[0].plan->asset_class, AssetClass::kUpgrade);
  EXPECT_FALSE((*yields)[0].attention());
  EXPECT_TRUE((*yields)[1].idle);
  EXPECT_TRUE((*yields)[1].no_income);
  EXPECT_EQ(PercentHundredths((*yields)[2].yield), -200);
  EXPECT_TRUE((*yields)[2].loss);
  q.attention_only = true;
  auto attention = t_.app->AssetYields(region, q);
  ASSERT_TRUE(attention.ok());
  ASSERT_EQ(attention->size(), 2u);
  EXPECT_EQ((*attention)[0].asset.asset_code, "P2");
  EXPECT_EQ((*attention)[1].asset.asset_code, "P3");
  // Whole time: P1 20,000 ÷ 200,000 = 10.00%. A county sees its own only.
  auto all = t_.app->AssetYields(county_, {"", std::nullopt, std::nullopt, false});
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ(PercentHundredths((*all)[0].yield), 1000);
  EXPECT_EQ(t_.app->AssetYields(county_, {"540202", std::nullopt, std::nullopt, false}).status().code(),
            ErrorCode::kPermissionDenied);
  AssetYieldQuery backwards{"", Date::FromYmd(2026, 2, 1), Date::FromYmd(2026, 1, 1), false};
  EXPECT_EQ(t_.app->AssetYields(county_, backwards).status().code_name(), "bad_period");

  // Every write is audited: two plans and four incomes on entity "asset".
  AuditQuery aq;
  aq.entity_type = "asset";
  auto audit = t_.app->store().QueryAudit(aq);
  ASSERT_TRUE(audit.ok());
  EXPECT_EQ(audit->total, 6);
}

}  // namespace app_asset_plans_test
}  // namespace xj
