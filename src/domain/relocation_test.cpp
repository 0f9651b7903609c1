// Relocation support standards, the +50% raise and the roll-up (issue #20 point 5), by hand.
#include "domain/relocation.hpp"

#include <gtest/gtest.h>

namespace xj {
namespace domain_relocation_test {

const std::vector<std::string> kChain = {"540102", "540100", "540000"};  // 城关区, 拉萨市, 西藏

/// The general travel standard 500 元/人 (the default) raised by 50% from 2023-07-01.
PolicySet WithRaise() {
  return PolicySet::WithChanges({{std::string(PolicyKey::kRelocationTravelRaiseBp), Date::FromYmd(2023, 7, 1), 5000}});
}

TEST(Relocation, KindsHaveStableNamesBasesAndKeys) {
  for (SubsidyKind k : kAllSubsidyKinds) {
    EXPECT_EQ(ParseSubsidyKind(SubsidyKindName(k)), k);
    EXPECT_TRUE(PolicySet::IsKnownKey(StandardKeyOf(k)));
    EXPECT_TRUE(PolicySet::IsKnownKey(RaiseKeyOf(k)));
    EXPECT_TRUE(PolicySet::IsRegionalKey(StandardKeyOf(k)));
    EXPECT_TRUE(PolicySet::IsRegionalKey(RaiseKeyOf(k)));
  }
  EXPECT_EQ(BasisOf(SubsidyKind::kCrossRegionTravel), SubsidyBasis::kPerPerson);
  EXPECT_EQ(BasisOf(SubsidyKind::kStartup), SubsidyBasis::kPerHousehold);
  EXPECT_FALSE(ParseSubsidyKind("跨区域就业交通补贴"));
  EXPECT_EQ(ParseSiteKind("集中"), SiteKind::kConcentrated);
  EXPECT_EQ(ParseSiteKind("dispersed"), SiteKind::kDispersed);
  EXPECT_FALSE(ParseSiteKind("other"));
}

TEST(Relocation, TravelSubsidyBeforeAtAndAfterTheRaiseDate) {
  const PolicySet p = WithRaise();
  // 2 persons working across regions: 2 × 500 元 = 1,000 元 the day before the raise…
  const SubsidyStandard before = StandardOn(p, SubsidyKind::kCrossRegionTravel, kChain, Date::FromYmd(2023, 6, 30));
  EXPECT_EQ(before.standard_fen, 50000);
  EXPECT_EQ(before.raise_bp, 0);
  EXPECT_EQ(SubsidyAmountFen(before, 2), 100000);
  // …and 2 × 750 元 = 1,500 元 on the date itself and after it.
  for (Date d : {Date::FromYmd(2023, 7, 1), Date::FromYmd(2024, 1, 1)}) {
    const SubsidyStandard after = StandardOn(p, SubsidyKind::kCrossRegionTravel, kChain, d);
    EXPECT_EQ(after.standard_fen, 50000);
    EXPECT_EQ(after.raise_bp, 5000);
    EXPECT_EQ(after.unit_fen, 75000);
    EXPECT_EQ(SubsidyAmountFen(after, 2), 150000);
  }
  // The raise is of the travel subsidy only: 创业补贴 stays 5,000 元 per household, whatever the members.
  const SubsidyStandard startup = StandardOn(p, SubsidyKind::kStartup, kChain, Date::FromYmd(2024, 1, 1));
  EXPECT_EQ(startup.unit_fen, 500000);
  EXPECT_EQ(SubsidyAmountFen(startup, 5), 500000);
}

TEST(Relocation, ARaiseRoundsHalfUpToWholeFen) {
  EXPECT_EQ(RaisedStandardFen(33333, 5000), 50000);  // 49,999.5 → 50,000
  EXPECT_EQ(RaisedStandardFen(33331, 5000), 49997);  // 49,996.5 → 49,997
  EXPECT_EQ(RaisedStandardFen(33332, 5000), 49998);  // exact
  EXPECT_EQ(RaisedStandardFen(1, 4999), 1);          // 1.4999 → 1
  EXPECT_EQ(RaisedStandardFen(50000, 0), 50000);
}

TEST(Relocation, TheNearestRegionOwningAStandardSetsIt) {
  // 拉萨市 pays 600 元/人 from 2023-01-01; the general raise of 2023-07-01 applies to it too; 城关区
  // below it uses Lhasa's; 日喀则 (another chain) keeps the general 500 元.
  PolicySet p = PolicySet::WithChanges(
      {{std::string(PolicyKey::kRelocationTravelRaiseBp), Date::FromYmd(2023, 7, 1), 5000},
       {std::string(PolicyKey::kRelocationTravelFen), Date::FromYmd(2023, 1, 1), 60000, "540100"}});
  EXPECT_EQ(StandardOn(p, SubsidyKind::kCrossRegionTravel, kChain, Date::FromYmd(2022, 12, 31)).unit_fen, 50000);
  EXPECT_EQ(StandardOn(p, SubsidyKind::kCrossRegionTravel, kChain, Date::FromYmd(2023, 1, 1)).unit_fen, 60000);
  EXPECT_EQ(StandardOn(p, SubsidyKind::kCrossRegionTravel, kChain, Date::FromYmd(2023, 7, 1)).unit_fen, 90000);
  const std::vector<std::string> shigatse = {"540202", "540200", "540000"};
  EXPECT_EQ(StandardOn(p, SubsidyKind::kCrossRegionTravel, shigatse, Date::FromYmd(2023, 7, 1)).unit_fen, 75000);
}

TEST(Relocation, SitesNeedACodeANameAndASensiblePlan) {
  RelocationSite s{"AZD-1", "幸福家园", "540102", SiteKind::kConcentrated, 120, 480};
  EXPECT_EQ(CheckRelocationSite(s), "");
  s.planned_persons = 100;
  EXPECT_EQ(CheckRelocationSite(s), "bad_plan");
  s.planned_persons = 480;
  s.name.clear();
  EXPECT_EQ(CheckRelocationSite(s), "empty_name");
  s.site_code.clear();
  EXPECT_EQ(CheckRelocationSite(s), "empty_code");
}

TEST(Relocation, FiguresCountHouseholdsMovedInAndClaimsByTheirDates) {
  const std::vector<RelocatedHouseholdFact> households = {{"540102", Date::FromYmd(2023, 3, 1), 4},
                                                          {"540102", Date::FromYmd(2023, 9, 1), 3},
                                                          {"540102", Date::FromYmd(2022, 5, 1), 6}};
  const std::vector<SubsidyFact> subsidies = {
      {"540102", Date::FromYmd(2023, 6, 30), 100000, Date::FromYmd(2023, 7, 10), 100000},
      {"540102", Date::FromYmd(2023, 7, 1), 150000, std::nullopt, 0},
      {"540102", Date::FromYmd(2022, 12, 1), 500000, Date::FromYmd(2023, 1, 5), 500000}};
  const RelocationFigures y2023 =
      SummarizeRelocation(households, subsidies, Date::FromYmd(2023, 1, 1), Date::FromYmd(2023, 12, 31));
  EXPECT_EQ(y2023.households, 2);
  EXPECT_EQ(y2023.persons, 7);
  EXPECT_EQ(y2023.claims, 2);
  EXPECT_EQ(y2023.computed_fen, 250000);
  EXPECT_EQ(y2023.paid_claims, 2);  // the 2022 claim was paid in 2023
  EXPECT_EQ(y2023.paid_fen, 600000);
  const RelocationFigures all = SummarizeRelocation(households, subsidies, std::nullopt, std::nullopt);
  EXPECT_EQ(all.households, 3);
  EXPECT_EQ(all.persons, 13);
  EXPECT_EQ(all.computed_fen, 750000);
}

}  // namespace domain_relocation_test
}  // namespace xj
