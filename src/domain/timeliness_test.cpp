#include "domain/timeliness.hpp"

#include <gtest/gtest.h>

#include "domain/domain_test_support.hpp"

namespace xj {
namespace domain_timeliness_test {

using testing::D;
Fen Y(std::int64_t yuan) {
  return Fen(yuan * 100);
}
OnwardMovement M(Date d, std::int64_t yuan) {
  return {d, FenTotal(static_cast<Int128>(yuan) * 100)};
}

// Day 30 is within a 30-day limit, day 31 is a breach (docs/definitions.md §12).
TEST(Timeliness, AtTheLimitAndOneDayOver) {
  const std::vector<TimelinessReceipt> receipts = {{"R1", D(2023, 3, 1), Y(100)}};
  auto at = MeasureTimeliness(receipts, {M(D(2023, 3, 31), 100)}, D(2023, 6, 30), 30);
  ASSERT_EQ(at.size(), 1u);
  EXPECT_EQ(at[0].done_on, D(2023, 3, 31));
  EXPECT_EQ(at[0].days, 30);
  EXPECT_EQ(at[0].limit_days, 30);
  EXPECT_FALSE(at[0].breach);
  auto over = MeasureTimeliness(receipts, {M(D(2023, 4, 1), 100)}, D(2023, 6, 30), 30);
  EXPECT_EQ(over[0].days, 31);
  EXPECT_TRUE(over[0].breach);
}

// Not yet passed on: the days run up to as_of; 30 running days are within the limit, 31 are not.
TEST(Timeliness, AsOfBeforeTheOnwardAllocation) {
  const std::vector<TimelinessReceipt> receipts = {{"R1", D(2023, 3, 1), Y(100)}};
  const std::vector<OnwardMovement> onward = {M(D(2023, 4, 10), 100)};
  auto at = MeasureTimeliness(receipts, onward, D(2023, 3, 31), 30);
  EXPECT_FALSE(at[0].done_on.has_value());
  EXPECT_EQ(at[0].days, 30);
  EXPECT_FALSE(at[0].breach);
  auto over = MeasureTimeliness(receipts, onward, D(2023, 4, 1), 30);
  EXPECT_FALSE(over[0].done_on.has_value());
  EXPECT_EQ(over[0].days, 31);
  EXPECT_TRUE(over[0].breach);
  auto later = MeasureTimeliness(receipts, onward, D(2023, 4, 10), 30);
  EXPECT_EQ(later[0].done_on, D(2023, 4, 10));
  EXPECT_EQ(later[0].days, 40);
  EXPECT_TRUE(later[0].breach);
  // A receipt dated after as_of is not measured yet.
  EXPECT_TRUE(MeasureTimeliness(receipts, onward, D(2023, 2, 28), 30).empty());
}

// Partial onward allocation: receipts cover cumulative amounts in date order.
// A 03-01 100 → R=100; B 03-10 50 → R=150. Onward 60 (03-05), 40 (03-20), 50 (04-25): cumulative
// 60, 100, 150. A is covered on 03-20 (19 days); B on 04-25 (46 days: 21 in March + 25).
TEST(Timeliness, PartialOnwardAllocationCoversCumulativeAmounts) {
  auto m = MeasureTimeliness({{"B", D(2023, 3, 10), Y(50)}, {"A", D(2023, 3, 1), Y(100)}},
                             {M(D(2023, 4, 25), 50), M(D(2023, 3, 5), 60), M(D(2023, 3, 20), 40)}, D(2023, 6, 30), 30);
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].receipt_id, "A");
  EXPECT_EQ(m[0].cumulative, FenTotal(Y(100)));
  EXPECT_EQ(m[0].done_on, D(2023, 3, 20));
  EXPECT_EQ(m[0].days, 19);
  EXPECT_FALSE(m[0].breach);
  EXPECT_EQ(m[1].receipt_id, "B");
  EXPECT_EQ(m[1].cumulative, FenTotal(Y(150)));
  EXPECT_EQ(m[1].done_on, D(2023, 4, 25));
  EXPECT_EQ(m[1].days, 46);
  EXPECT_TRUE(m[1].breach);
  // As of 04-24 B is not done: 45 days running.
  auto before =
      MeasureTimeliness({{"A", D(2023, 3, 1), Y(100)}, {"B", D(2023, 3, 10), Y(50)}},
                        {M(D(2023, 3, 5), 60), M(D(2023, 3, 20), 40), M(D(2023, 4, 25), 50)}, D(2023, 4, 24), 30);
  EXPECT_EQ(before[0].days, 19);
  EXPECT_FALSE(before[1].done_on.has_value());
  EXPECT_EQ(before[1].days, 45);
}

// A reversal takes the money back: the receipt counts as passed on only from the day the
// cumulative covers it again. Onward 100 (03-05), reversed (03-15), 100 again (04-10).
TEST(Timeliness, ReversalMovesTheDayLater) {
  const std::vector<TimelinessReceipt> receipts = {{"R1", D(2023, 3, 1), Y(100)}};
  const std::vector<OnwardMovement> onward = {M(D(2023, 3, 5), 100), M(D(2023, 3, 15), -100), M(D(2023, 4, 10), 100)};
  auto early = MeasureTimeliness(receipts, onward, D(2023, 3, 10), 30);
  EXPECT_EQ(early[0].done_on, D(2023, 3, 5));  // as then known
  EXPECT_EQ(early[0].days, 4);
  auto between = MeasureTimeliness(receipts, onward, D(2023, 3, 20), 30);
  EXPECT_FALSE(between[0].done_on.has_value());
  EXPECT_EQ(between[0].days, 19);
  auto after = MeasureTimeliness(receipts, onward, D(2023, 6, 30), 30);
  EXPECT_EQ(after[0].done_on, D(2023, 4, 10));
  EXPECT_EQ(after[0].days, 40);
  EXPECT_TRUE(after[0].breach);
}

// Money passed on before it arrived (a unit advancing its own funds) counts from the receipt: 0 days.
TEST(Timeliness, OnwardBeforeTheReceiptIsZeroDays) {
  auto m = MeasureTimeliness({{"R1", D(2023, 3, 1), Y(100)}}, {M(D(2023, 2, 20), 100)}, D(2023, 3, 1), 0);
  EXPECT_EQ(m[0].done_on, D(2023, 3, 1));
  EXPECT_EQ(m[0].days, 0);
  EXPECT_FALSE(m[0].breach);
}

// The limit may differ per receipt (the one in force on its date).
TEST(Timeliness, LimitPerReceipt) {
  auto m = MeasureTimeliness({{"R1", D(2023, 3, 1), Y(10)}, {"R2", D(2023, 7, 1), Y(10)}}, {}, D(2023, 7, 21),
                             [](const ReceiptMeasure& r) { return r.date < D(2023, 7, 1) ? 30 : 15; });
  EXPECT_EQ(m[0].days, 142);
  EXPECT_EQ(m[0].limit_days, 30);
  EXPECT_TRUE(m[0].breach);
  EXPECT_EQ(m[1].days, 20);
  EXPECT_EQ(m[1].limit_days, 15);
  EXPECT_TRUE(m[1].breach);
}

}  // namespace domain_timeliness_test
}  // namespace xj
