// The largest-remainder split of a pool in whole 万元 (issue #19 point 4), worked out by hand.
#include "domain/allocation.hpp"

#include <gtest/gtest.h>

namespace xj {
namespace domain_allocation_test {

std::vector<std::int64_t> Wan(const std::vector<Fen>& amounts) {
  std::vector<std::int64_t> out;
  for (Fen f : amounts) out.push_back(f.value() / kFenPerWan);
  return out;
}

TEST(Allocation, WholeWanAddingUpToThePoolByTheLargestRemainder) {
  // 10 万元 by 1 : 1 : 1 → 3.33 each; 1 万元 left goes to the first of the tie (same remainder, same weight).
  auto even = SplitByLargestRemainder(Fen(10 * kFenPerWan), {1, 1, 1});
  ASSERT_TRUE(even.ok()) << even.status().ToString();
  EXPECT_EQ(Wan(*even), (std::vector<std::int64_t>{4, 3, 3}));
  // 100 万元 by 5 : 3 : 2 : 0 → 50, 30, 20, 0 exactly; a zero factor gets nothing.
  auto exact = SplitByLargestRemainder(Fen(100 * kFenPerWan), {5, 3, 2, 0});
  ASSERT_TRUE(exact.ok());
  EXPECT_EQ(Wan(*exact), (std::vector<std::int64_t>{50, 30, 20, 0}));
  // 7 万元 by 1 : 2 : 4 → 1.000, 2.000, 4.000. 8 万元 → 1.143, 2.286, 4.571: wholes 1, 2, 4 (7), the
  // one left to the largest remainder 0.571 (the third).
  auto awkward = SplitByLargestRemainder(Fen(8 * kFenPerWan), {1, 2, 4});
  ASSERT_TRUE(awkward.ok());
  EXPECT_EQ(Wan(*awkward), (std::vector<std::int64_t>{1, 2, 5}));
  // Equal remainders: 5 万元 by 2 : 1 : 1 → 2.5, 1.25, 1.25 → wholes 2, 1, 1; remainders 2/4, 1/4,
  // 1/4 (in quarters): the first gets the one left.
  auto tie = SplitByLargestRemainder(Fen(5 * kFenPerWan), {2, 1, 1});
  ASSERT_TRUE(tie.ok());
  EXPECT_EQ(Wan(*tie), (std::vector<std::int64_t>{3, 1, 1}));
  // One county takes the whole pool.
  auto one = SplitByLargestRemainder(Fen(123 * kFenPerWan), {7});
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(Wan(*one), (std::vector<std::int64_t>{123}));
  // A zero pool is split into zeros.
  auto none = SplitByLargestRemainder(Fen(0), {1, 2});
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(Wan(*none), (std::vector<std::int64_t>{0, 0}));
  // Large weights and pool (74 counties' populations, 20 亿元) still add up exactly.
  std::vector<std::int64_t> people;
  for (int i = 0; i < 74; ++i) people.push_back(10'007 + 9'973 * i);
  auto big = SplitByLargestRemainder(Fen(200'000 * kFenPerWan), people);
  ASSERT_TRUE(big.ok());
  std::int64_t sum = 0;
  for (Fen f : *big) sum += f.value();
  EXPECT_EQ(sum, 200'000 * kFenPerWan);
}

TEST(Allocation, RefusesAPoolNotInWholeWanAndWeightsThatCannotDivide) {
  auto odd = SplitByLargestRemainder(Fen(10 * kFenPerWan + 1), {1, 1});
  EXPECT_EQ(odd.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(odd.status().code_name(), "pool_not_whole_wan");
  EXPECT_EQ(SplitByLargestRemainder(Fen(-kFenPerWan), {1}).status().code_name(), "pool_not_whole_wan");
  EXPECT_EQ(SplitByLargestRemainder(Fen(kFenPerWan), {}).status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(SplitByLargestRemainder(Fen(kFenPerWan), {0, 0}).status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(SplitByLargestRemainder(Fen(kFenPerWan), {1, -1}).status().code(), ErrorCode::kInvalidArgument);
}

}  // namespace domain_allocation_test
}  // namespace xj
