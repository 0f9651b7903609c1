// Relocation support through the App (issue #20 point 5): the subsidy before, on and after the +50%
// date from the policy in force, the ID number only encrypted in the store, payment and scope, by hand.
#include <gtest/gtest.h>

#include "app/app_test_support.hpp"

namespace xj {
namespace app_relocation_test {

using testing::TestApp;

constexpr const char* kZhaxi = "540102199001011234";

class RelocationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // The travel subsidy (500 元/人 by default) raised +50% from 2023-07-01.
    ASSERT_TRUE(t_.app
                    ->AddPolicy(Actor::System(), {std::string(PolicyKey::kRelocationTravelRaiseBp), 5000,
                                                  Date::FromYmd(2023, 7, 1), "提高50%"})
                    .ok());
    county_.username = "county";
    county_.role = Role::kCountyOfficer;
    county_.region_code = "540102";
    county2_ = county_;
    county2_.username = "county2";
    county2_.region_code = "540202";
    finance_.username = "finance";
    finance_.role = Role::kFinanceOfficer;
    finance_.region_code = "540000";
    ASSERT_TRUE(
        t_.app->SaveRelocationSite(county_, {"AZD-1", "幸福家园", "540102", SiteKind::kConcentrated, 100, 400}).ok());
    auto h = t_.app->AddRelocationHousehold(
        county_, {"AZD-1", "尼木县某村", "扎西", kZhaxi, 4, HouseholdStatus::kLifted, Date::FromYmd(2023, 3, 1)});
    ASSERT_TRUE(h.ok()) << h.status().ToString();
    household_ = h->id;
  }

  Result<RelocationSubsidy> Travel(const Actor& by, Date basis, std::optional<std::int64_t> persons) {
    return t_.app->ComputeRelocationSubsidy(by, {household_, SubsidyKind::kCrossRegionTravel, basis, persons});
  }

  TestApp t_;
  Actor county_, county2_, finance_;
  std::int64_t household_ = 0;
};

TEST_F(RelocationTest, TheTravelSubsidyBeforeOnAndAfterTheRaiseDate) {
  auto before = Travel(county_, Date::FromYmd(2023, 6, 30), 2);
  ASSERT_TRUE(before.ok()) << before.status().ToString();
  EXPECT_EQ(before->amount_fen, 100000);  // 2 × 500 元
  EXPECT_EQ(before->raise_bp, 0);
  auto on = Travel(county_, Date::FromYmd(2023, 7, 1), 2);
  ASSERT_TRUE(on.ok());
  EXPECT_EQ(on->unit_fen, 75000);
  EXPECT_EQ(on->amount_fen, 150000);  // 2 × 750 元
  auto after = Travel(county_, Date::FromYmd(2024, 3, 1), std::nullopt);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->persons, 4);
  EXPECT_EQ(after->amount_fen, 300000);  // 4 × 750 元
  // A later policy change leaves a computed claim as it was.
  ASSERT_TRUE(t_.app
                  ->AddPolicy(Actor::System(),
                              {std::string(PolicyKey::kRelocationTravelFen), 40000, Date::FromYmd(2023, 1, 1), ""})
                  .ok());
  auto claims = t_.app->RelocationSubsidies(county_, "", household_);
  ASSERT_TRUE(claims.ok());
  ASSERT_EQ(claims->size(), 3u);
  EXPECT_EQ((*claims)[0].amount_fen, 100000);
  auto lower = Travel(county_, Date::FromYmd(2023, 7, 2), 2);
  ASSERT_TRUE(lower.ok());
  EXPECT_EQ(lower->amount_fen, 120000);  // 2 × 400 元 × 1.5
}

TEST_F(RelocationTest, TheIdNumberIsStoredOnlyEncryptedAndAnsweredMasked) {
  auto rows = t_.app->store().ListRelocationHouseholds();
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].id_cipher.find(kZhaxi), std::string::npos);
  EXPECT_EQ((*rows)[0].person_index.find(kZhaxi), std::string::npos);
  auto masked = t_.app->RelocationHouseholds(county_, {}, false);
  ASSERT_TRUE(masked.ok());
  EXPECT_EQ((*masked)[0].id_number, "5401**********1234");
  auto clear = t_.app->RelocationHouseholds(county_, {}, true);
  ASSERT_TRUE(clear.ok());
  EXPECT_EQ((*clear)[0].id_number, kZhaxi);
  Actor leader;
  leader.username = "leader";
  leader.role = Role::kLeader;
  leader.region_code = "540000";
  EXPECT_EQ(t_.app->RelocationHouseholds(leader, {}, true).status().code(), ErrorCode::kPermissionDenied);
  // The same head again: refused whoever asks.
  auto again = t_.app->AddRelocationHousehold(
      county_, {"AZD-1", "", "扎西", "540102199001011234", 2, HouseholdStatus::kLifted, Date::FromYmd(2023, 4, 1)});
  EXPECT_EQ(again.status().code_name(), "duplicate_household");
}

TEST_F(RelocationTest, PaymentIsFinancesAndOnceAndScopeHolds) {
  auto claim = Travel(county_, Date::FromYmd(2023, 7, 1), 1);
  ASSERT_TRUE(claim.ok());
  EXPECT_EQ(Travel(county2_, Date::FromYmd(2023, 7, 5), 1).status().code(), ErrorCode::kPermissionDenied);
  const SubsidyPayment pay{Date::FromYmd(2023, 7, 20), 75000, "bank"};
  EXPECT_EQ(t_.app->PayRelocationSubsidy(county_, claim->id, pay).status().code(), ErrorCode::kPermissionDenied);
  EXPECT_EQ(t_.app->PayRelocationSubsidy(finance_, claim->id, {Date::FromYmd(2023, 7, 20), 70000, "bank"})
                .status()
                .code_name(),
            "amount_mismatch");
  auto paid = t_.app->PayRelocationSubsidy(finance_, claim->id, pay);
  ASSERT_TRUE(paid.ok()) << paid.status().ToString();
  EXPECT_EQ(paid->state, SubsidyState::kPaid);
  EXPECT_EQ(t_.app->PayRelocationSubsidy(finance_, claim->id, pay).status().code_name(), "already_paid");
  auto summary =
      t_.app->RelocationSummaryOf(finance_, "540000", Date::FromYmd(2023, 1, 1), Date::FromYmd(2023, 12, 31));
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->figures.households, 1);
  EXPECT_EQ(summary->figures.persons, 4);
  EXPECT_EQ(summary->figures.computed_fen, 75000);
  EXPECT_EQ(summary->figures.paid_fen, 75000);
}

}  // namespace app_relocation_test
}  // namespace xj
