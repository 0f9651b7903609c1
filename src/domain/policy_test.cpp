#include "domain/policy.hpp"

#include <gtest/gtest.h>

#include "domain/domain_test_support.hpp"

namespace xj {
namespace domain_policy_test {

using testing::D;

TEST(PolicySetTest, DefaultsAndDatedChanges) {
  const PolicySet p = PolicySet::WithChanges({{std::string(PolicyKey::kRetentionBp), D(2024, 1, 1), 500, ""}});
  EXPECT_EQ(p.ValueAt(PolicyKey::kRetentionBp, D(2023, 12, 31)), 300);
  EXPECT_EQ(p.ValueAt(PolicyKey::kRetentionBp, D(2024, 1, 1)), 500);
  EXPECT_EQ(p.ValueAt(PolicyKey::kDefectsLiabilityMonths, D(2024, 1, 1)), 24);
  EXPECT_EQ(p.Values(PolicyKey::kRetentionBp), (std::vector<std::int64_t>{300, 500}));
  EXPECT_EQ(p.ChangeDates(PolicyKey::kRetentionBp), std::vector<Date>{D(2024, 1, 1)});
}

TEST(PolicySetTest, IncentiveSchemesBelongToTheirOwnerRegion) {
  // 540000 owns a scheme from 2023-01-01: top 5, amount 10,000,000 yuan; its bottom N is the general 10.
  const PolicySet p = PolicySet::WithChanges({
      {std::string(PolicyKey::kIncentiveTopN), D(2023, 1, 1), 5, "540000"},
      {std::string(PolicyKey::kIncentiveAmountFen), D(2023, 1, 1), 1'000'000'000, "540000"},
      {std::string(PolicyKey::kRetentionBp), D(2023, 1, 1), 700, "540000"},  // not a regional key: ignored
  });
  EXPECT_FALSE(p.OwnsIncentiveScheme("540000", D(2022, 12, 31)));
  EXPECT_TRUE(p.OwnsIncentiveScheme("540000", D(2023, 1, 1)));
  EXPECT_FALSE(p.OwnsIncentiveScheme("540100", D(2023, 1, 1)));
  const IncentiveScheme s = p.IncentiveSchemeOf("540000", D(2023, 7, 5));
  EXPECT_EQ(s.owner_code, "540000");
  EXPECT_EQ(s.top_n, 5);
  EXPECT_EQ(s.bottom_n, 10);
  EXPECT_EQ(s.amount_fen, 1'000'000'000);
  const IncentiveScheme before = p.IncentiveSchemeOf("540000", D(2022, 7, 5));
  EXPECT_EQ(before.top_n, 10);
  EXPECT_EQ(before.amount_fen, 2'000'000'000);
  EXPECT_EQ(p.ValueAt(PolicyKey::kRetentionBp, D(2023, 7, 5)), 300);
  EXPECT_TRUE(PolicySet::IsRegionalKey(PolicyKey::kIncentiveBottomN));
  EXPECT_FALSE(PolicySet::IsRegionalKey(PolicyKey::kAdvanceCapBp));
}

TEST(PolicySetTest, ConstructionSeasonsAreOwnedBelowAndMakeNoIncentiveScheme) {
  // 540200 sets June from 2023; its county 540202 sets May from 2024; the rest keep January.
  const PolicySet p = PolicySet::WithChanges({
      {std::string(PolicyKey::kConstructionSeasonStartMonth), D(2023, 1, 1), 6, "540200"},
      {std::string(PolicyKey::kConstructionSeasonStartMonth), D(2024, 1, 1), 5, "540202"},
  });
  const std::vector<std::string> county = {"540202", "540200", "540000"};
  EXPECT_EQ(p.ValueIn(PolicyKey::kConstructionSeasonStartMonth, county, D(2022, 12, 31)), 1);
  EXPECT_EQ(p.ValueIn(PolicyKey::kConstructionSeasonStartMonth, county, D(2023, 1, 1)), 6);
  EXPECT_EQ(p.ValueIn(PolicyKey::kConstructionSeasonStartMonth, county, D(2024, 1, 1)), 5);
  EXPECT_EQ(p.ValueIn(PolicyKey::kConstructionSeasonStartMonth, {"540102", "540100", "540000"}, D(2024, 1, 1)), 1);
  EXPECT_EQ(p.ValueIn(PolicyKey::kConstructionSeasonEndMonth, county, D(2024, 1, 1)), 12);
  // Owning a season is not owning an incentive scheme: 540200's counties still rank in the province's.
  EXPECT_FALSE(p.OwnsIncentiveScheme("540200", D(2023, 7, 5)));
  EXPECT_TRUE(PolicySet::IsRegionalKey(PolicyKey::kConstructionSeasonEndMonth));
  EXPECT_FALSE(PolicySet::IsRegionalKey(PolicyKey::kSeasonEarlyDays));
  EXPECT_EQ(PolicySet::CheckValue(PolicyKey::kConstructionSeasonStartMonth, 12), "");
  EXPECT_NE(PolicySet::CheckValue(PolicyKey::kConstructionSeasonStartMonth, 13), "");
  EXPECT_NE(PolicySet::CheckValue(PolicyKey::kConstructionSeasonEndMonth, 0), "");
  EXPECT_NE(PolicySet::CheckValue(PolicyKey::kRetentionBp, -1), "");
  EXPECT_EQ(PolicySet::CheckValue(PolicyKey::kRetentionBp, 0), "");
}

TEST(PolicySetTest, SpotCheckKeysAreRegionalWithDefaults) {
  const Date d = D(2023, 6, 1);
  EXPECT_EQ(PolicySet::Defaults().ValueAt(PolicyKey::kSpotCheckSampleRateBp, d), 1000);
  EXPECT_EQ(PolicySet::Defaults().ValueAt(PolicyKey::kSpotCheckMinCalls, d), 5);
  EXPECT_TRUE(PolicySet::IsRegionalKey(PolicyKey::kSpotCheckSampleRateBp));
  EXPECT_TRUE(PolicySet::IsRegionalKey(PolicyKey::kSpotCheckMinCalls));
  EXPECT_EQ(PolicySet::CheckValue(PolicyKey::kSpotCheckSampleRateBp, 10000), "");
  EXPECT_NE(PolicySet::CheckValue(PolicyKey::kSpotCheckSampleRateBp, 10001), "");
  PolicySet p = PolicySet::WithChanges({{"spot_check_min_calls", D(2023, 1, 1), 8, "540100"}});
  EXPECT_EQ(p.ValueIn(PolicyKey::kSpotCheckMinCalls, {"540102", "540100", "540000"}, d), 8);
  EXPECT_EQ(p.ValueIn(PolicyKey::kSpotCheckMinCalls, {"540202", "540200", "540000"}, d), 5);
  EXPECT_FALSE(p.OwnsIncentiveScheme("540100", d));
}

}  // namespace domain_policy_test
}  // namespace xj
