// Classification, income and yield rules of operating assets (issue #20 point 3).
#include "domain/asset_plan.hpp"

#include <gtest/gtest.h>

namespace xj {
namespace domain_asset_plan_test {

Asset Operating(std::int64_t value_fen) {
  Asset a;
  a.asset_code = "ZC-1";
  a.type = AssetType::kOperating;
  a.current_value = Fen(value_fen);
  return a;
}

TEST(AssetPlan, ClassesHaveStableNamesAndDefaultLabels) {
  const char* labels[] = {"巩固", "提升", "盘活", "另起炉灶"};
  int i = 0;
  for (AssetClass c : kAllAssetClasses) {
    EXPECT_EQ(ParseAssetClass(AssetClassName(c)), c);
    EXPECT_EQ(DefaultAssetClassLabel(c), labels[i++]);
  }
  EXPECT_FALSE(ParseAssetClass("巩固"));
}

TEST(AssetPlan, OnlyOperatingAssetsAreClassedAndEarn) {
  Asset a = Operating(100000);
  const AssetPlan plan{"ZC-1", AssetClass::kRevitalize, "引入合作社经营", Date::FromYmd(2027, 3, 1), "", ""};
  EXPECT_TRUE(CheckAssetPlan(a, plan).ok());
  const AssetPlan empty{"ZC-1", AssetClass::kRevitalize, "", std::nullopt, "", ""};
  EXPECT_EQ(CheckAssetPlan(a, empty).code_name(), "bad_plan");
  a.type = AssetType::kPublicWelfare;
  EXPECT_EQ(CheckAssetPlan(a, plan).code_name(), "not_operating");
  AssetIncome income;
  income.amount_fen = 500;
  EXPECT_EQ(CheckAssetIncome(a, income).code_name(), "not_operating");
}

TEST(AssetPlan, ADistributionIsRecordedWithTheMeetingsDecision) {
  const Asset a = Operating(100000);
  AssetIncome i;
  i.received_on = Date::FromYmd(2026, 6, 30);
  i.amount_fen = 1200000;
  EXPECT_TRUE(CheckAssetIncome(a, i).ok());  // not distributed yet
  i.distribution = "60%分红给脱贫户，40%村集体";
  EXPECT_EQ(CheckAssetIncome(a, i).code_name(), "decision_required");
  i.decided_on = Date::FromYmd(2026, 7, 5);
  EXPECT_EQ(CheckAssetIncome(a, i).code_name(), "decision_required");
  i.decision = "村民代表会议决议〔2026〕3号";
  EXPECT_TRUE(CheckAssetIncome(a, i).ok());
  i.amount_fen = 0;
  EXPECT_EQ(CheckAssetIncome(a, i).code_name(), "zero_income");
  i.amount_fen = -30000;  // a loss
  EXPECT_TRUE(CheckAssetIncome(a, i).ok());
}

TEST(AssetPlan, YieldIsIncomeOverCurrentValue) {
  // 12,000 + 3,000 − 1,000 = 14,000 元 over a current value of 200,000 元 = 7.00%.
  Asset a = Operating(20'000'000);
  std::vector<AssetIncome> incomes(3);
  incomes[0].amount_fen = 1'200'000;
  incomes[1].amount_fen = 300'000;
  incomes[2].amount_fen = -100'000;
  AssetYield y = YieldOf(a, incomes);
  EXPECT_EQ(y.income_fen, 1'400'000);
  EXPECT_EQ(y.incomes, 3);
  EXPECT_EQ(PercentHundredths(y.yield), 700);
  EXPECT_FALSE(y.attention());
  // No income: listed; a loss: listed; idle: listed; a zero value: yield undefined.
  EXPECT_TRUE(YieldOf(a, {}).no_income);
  EXPECT_TRUE(YieldOf(a, {incomes[2]}).loss);
  a.status = "idle";
  EXPECT_TRUE(YieldOf(a, incomes).idle);
  a.current_value = Fen(0);
  EXPECT_FALSE(YieldOf(a, incomes).yield.defined());
  // 1 元 over 3 元 = 33.333…% → 33.33%; 2 over 3 → 66.67% (half away from zero at the hundredth).
  AssetIncome one;
  one.amount_fen = 100;
  EXPECT_EQ(PercentHundredths(YieldOf(Operating(300), {one}).yield), 3333);
  one.amount_fen = 200;
  EXPECT_EQ(PercentHundredths(YieldOf(Operating(300), {one}).yield), 6667);
}

}  // namespace domain_asset_plan_test
}  // namespace xj
