#include "domain/factor_allocation.hpp"

#include <gtest/gtest.h>

#include <numeric>

#include "domain/domain_test_support.hpp"

namespace xj {
namespace domain_factor_allocation_test {

using testing::kWan;

AllocationInput County(std::string code, std::int64_t rural, std::int64_t lifted, bool key = false) {
  AllocationInput in;
  in.factors.region_code = std::move(code);
  in.factors.rural_population = rural;
  in.factors.lifted_population = lifted;
  in.factors.key_county = key;
  return in;
}

/// Rural population and 脱贫人口 weighted 50% each, a 10% tilt, deductions at 100%.
AllocationPolicy HalfAndHalf() {
  AllocationPolicy p;
  p.weights_bp = {5000, 5000, 0, 0, 0};
  p.key_county_tilt_bp = 1000;
  p.deduction_rate_bp = 10'000;
  return p;
}

std::int64_t Sum(const std::vector<FactorAllocation>& rows) {
  std::int64_t s = 0;
  for (const FactorAllocation& r : rows) s += r.amount.value();
  return s;
}

// Pool 1000 万元 among A (key county), B (+20 万元 settled), C (10 万元 以拨代支 settled):
//   rural 100/300/600 → shares 0.1/0.3/0.6; 脱贫 50/50/0 → 0.5/0.5/0
//   base (× 10¹² ppt): A 5000×0.6 = 3000, B 5000×0.8 = 4000, C 5000×0.6 = 3000; A tilted ×1.1 = 3300
//   need portion = 1000 万 − 20 万 + 10 万 = 990 万 = 990,000,000 fen; Σ index = 10300
//   need: A 990e6×3300/10300 = 317,184,466; B ×4000/10300 = 384,466,019; C ×3000/10300 = 288,349,514
//   provisional: A 317,184,466; B 404,466,019; C 278,349,514 (Σ 999,999,999)
//   rescaled to the pool (truncated): A 317,184,466; B 404,466,019; C 278,349,514
//   万元: 317.18 / 404.47 / 278.35 → whole 317 + 404 + 278 = 999, the one left to B (.47 largest)
TEST(FactorAllocationTest, HandComputedThreeCounties) {
  std::vector<AllocationInput> in = {County("A", 100, 50, true), County("B", 300, 50), County("C", 600, 0)};
  in[1].incentive = Fen(20 * kWan);
  in[2].deducted = Fen(10 * kWan);
  auto r = AllocateByFactors(Fen(1000 * kWan), HalfAndHalf(), in);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[0].need.value(), 317'184'466);
  EXPECT_EQ((*r)[1].need.value(), 384'466'019);
  EXPECT_EQ((*r)[2].need.value(), 288'349'514);
  EXPECT_EQ((*r)[1].provisional.value(), 404'466'019);
  EXPECT_EQ((*r)[2].deduction.value(), 10 * kWan);
  EXPECT_EQ((*r)[2].provisional.value(), 278'349'514);
  EXPECT_EQ((*r)[0].amount.value(), 317 * kWan);
  EXPECT_EQ((*r)[1].amount.value(), 405 * kWan);
  EXPECT_EQ((*r)[2].amount.value(), 278 * kWan);
  // A's need: rural 5000×0.1×1.1/3300 = 1/6, 脱贫 5/6 of the untilted 3000/3300, tilt 300/3300.
  EXPECT_EQ((*r)[0].contributions[0].value(), 317'184'466LL * 500 / 3300);
  EXPECT_EQ((*r)[0].contributions[1].value(), 317'184'466LL * 2500 / 3300);
  EXPECT_EQ((*r)[0].tilt.value(), 317'184'466LL * 300 / 3300);
}

TEST(FactorAllocationTest, TiesGoToTheFirstCounty) {
  // Three equal counties, 100 万元: 33 each and the one left over to the first.
  std::vector<AllocationInput> in = {County("A", 1, 1), County("B", 1, 1), County("C", 1, 1)};
  auto r = AllocateByFactors(Fen(100 * kWan), HalfAndHalf(), in);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)[0].amount.value(), 34 * kWan);
  EXPECT_EQ((*r)[1].amount.value(), 33 * kWan);
  EXPECT_EQ((*r)[2].amount.value(), 33 * kWan);
}

TEST(FactorAllocationTest, ZeroFactorsGetNothingAndTheSumHolds) {
  std::vector<AllocationInput> in = {County("A", 0, 0), County("B", 7, 3), County("C", 11, 0), County("D", 0, 0)};
  auto r = AllocateByFactors(Fen(997 * kWan), HalfAndHalf(), in);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)[0].amount.value(), 0);
  EXPECT_EQ((*r)[3].amount.value(), 0);
  EXPECT_EQ(Sum(*r), 997 * kWan);
  for (const FactorAllocation& a : *r) EXPECT_EQ(a.amount.value() % kWan, 0);
}

TEST(FactorAllocationTest, OneCountyTakesThePool) {
  auto r = AllocateByFactors(Fen(12'345 * kWan), HalfAndHalf(), {County("A", 0, 9)});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)[0].amount.value(), 12'345 * kWan);
}

TEST(FactorAllocationTest, AwkwardInputsAlwaysSumToThePool) {
  // Primes, a large spread, a key county, an incentive and a deduction: the sum is exact.
  std::vector<AllocationInput> in = {County("A", 1, 999'983, true), County("B", 7919, 1), County("C", 104'729, 3),
                                     County("D", 2, 2)};
  in[0].incentive = Fen(-7 * kWan);
  in[2].deducted = Fen(123'456'789);
  for (std::int64_t pool : {1, 2, 3, 7, 101, 9999}) {
    auto r = AllocateByFactors(Fen(pool * kWan), HalfAndHalf(), in);
    ASSERT_TRUE(r.ok()) << pool << ": " << r.status().ToString();
    EXPECT_EQ(Sum(*r), pool * kWan) << pool;
  }
}

TEST(FactorAllocationTest, ADeductionLowersTheCountysShare) {
  std::vector<AllocationInput> in = {County("A", 5, 5), County("B", 5, 5), County("C", 5, 5)};
  auto before = AllocateByFactors(Fen(300 * kWan), HalfAndHalf(), in);
  in[1].deducted = Fen(30 * kWan);
  auto after = AllocateByFactors(Fen(300 * kWan), HalfAndHalf(), in);
  ASSERT_TRUE(before.ok() && after.ok());
  EXPECT_EQ((*before)[1].amount.value(), 100 * kWan);
  // Need portion 330 万 → 110 each; B 110 − 30 = 80, A and C 110.
  EXPECT_EQ((*after)[1].amount.value(), 80 * kWan);
  EXPECT_EQ((*after)[0].amount.value(), 110 * kWan);
  EXPECT_EQ(Sum(*after), 300 * kWan);
}

TEST(FactorAllocationTest, FloorsAndCapsHold) {
  // Shares 1 : 1 : 8 of 100 万元 with a 20% floor and a 50% cap: C is held at 50 and the other 50
  // go to A and B in proportion (25 each, above the floor); without the cap A and B would be held
  // at 20 and C get 60.
  AllocationPolicy p = HalfAndHalf();
  p.floor_bp = 2000;
  p.cap_bp = 5000;
  std::vector<AllocationInput> in = {County("A", 1, 1), County("B", 1, 1), County("C", 8, 8)};
  auto r = AllocateByFactors(Fen(100 * kWan), p, in);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)[0].amount.value(), 25 * kWan);
  EXPECT_EQ((*r)[1].amount.value(), 25 * kWan);
  EXPECT_EQ((*r)[2].amount.value(), 50 * kWan);
  p.cap_bp = 10'000;
  auto floors_only = AllocateByFactors(Fen(100 * kWan), p, in);
  ASSERT_TRUE(floors_only.ok());
  EXPECT_EQ((*floors_only)[0].amount.value(), 20 * kWan);
  EXPECT_EQ((*floors_only)[1].amount.value(), 20 * kWan);
  EXPECT_EQ((*floors_only)[2].amount.value(), 60 * kWan);
}

TEST(FactorAllocationTest, RefusesBadInput) {
  std::vector<AllocationInput> in = {County("A", 1, 1)};
  auto not_wan = AllocateByFactors(Fen(100 * kWan + 1), HalfAndHalf(), in);
  EXPECT_EQ(not_wan.status().code_name(), "pool_not_whole_wan");
  EXPECT_EQ(AllocateByFactors(Fen(-kWan), HalfAndHalf(), in).status().code_name(), "pool_not_whole_wan");
  EXPECT_EQ(AllocateByFactors(Fen(kWan), HalfAndHalf(), {}).status().code_name(), "no_counties");
  AllocationPolicy zero;
  EXPECT_EQ(AllocateByFactors(Fen(kWan), zero, in).status().code_name(), "invalid_weight");
  AllocationPolicy too_big = HalfAndHalf();
  too_big.weights_bp[0] = 10'001;
  EXPECT_EQ(AllocateByFactors(Fen(kWan), too_big, in).status().code_name(), "invalid_weight");
  EXPECT_EQ(AllocateByFactors(Fen(kWan), HalfAndHalf(), {County("A", 0, 0)}).status().code_name(), "no_factors");
  in[0].incentive = Fen(2 * kWan);
  EXPECT_EQ(AllocateByFactors(Fen(kWan), HalfAndHalf(), in).status().code_name(), "adjustments_exceed_pool");
  AllocationPolicy floors = HalfAndHalf();
  floors.floor_bp = 6000;
  EXPECT_EQ(AllocateByFactors(Fen(kWan), floors, {County("A", 1, 1), County("B", 1, 1)}).status().code_name(),
            "floor_cap_infeasible");
}

}  // namespace domain_factor_allocation_test
}  // namespace xj
