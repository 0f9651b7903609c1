#include "domain/spot_check.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace xj {
namespace domain_spot_check_test {

// The published test vector of Vigna's splitmix64.c: seed 0 gives e220a8397b1dcdaf,
// 6e789e6aa1b965f4, 06c45d188009454f.
TEST(SplitMix64Test, MatchesTheReferenceSequence) {
  SplitMix64 rng(0);
  EXPECT_EQ(rng.Next(), 0xe220a8397b1dcdafULL);
  EXPECT_EQ(rng.Next(), 0x6e789e6aa1b965f4ULL);
  EXPECT_EQ(rng.Next(), 0x06c45d188009454fULL);
}

// The pinned sample, worked by hand from the generator's first outputs for seed 0x2023 (checked
// against an independent Python transcription of splitmix64.c):
//   r0 = 0x82ad0fcf5742f0f1 = 9416199779098226929; 2⁶⁴ mod 10 = 6 ≤ r0, r0 mod 10 = 9 → j = 9
//   r1 = 0xfa6da714dc889b6a = 18045262989984570218; r1 mod 9 = 8 → j = 1 + 8 = 9
//   r2 = 0x81d31ed80e4e9012 = 9354854764280451090; r2 mod 8 = 2 → j = 2 + 2 = 4
//   r3 = 0x2bb89f1a0b082de6 = 3150442873548713446; r3 mod 7 = 4 → j = 3 + 4 = 7
// Pool 3 5 8 13 21 34 55 89 144 233: swap 0↔9 → 233 5 8 13 21 34 55 89 144 3; swap 1↔9 → 233 3 …
// 144 5; swap 2↔4 → 233 3 21 13 8 …; swap 3↔7 → 233 3 21 89 …; the sample is 233 3 21 89.
TEST(DrawSampleTest, PinnedSampleForAFixedSeedAndPool) {
  const std::vector<std::int64_t> pool = {3, 5, 8, 13, 21, 34, 55, 89, 144, 233};
  EXPECT_EQ(DrawSample(0x2023, pool, 4), (std::vector<std::int64_t>{233, 3, 21, 89}));
  // Same seed and pool: the same sample, every time.
  EXPECT_EQ(DrawSample(0x2023, pool, 4), DrawSample(0x2023, pool, 4));
  // Another seed, another sample (Python: 34 233 13 144); a grown pool changes it too (5 233 34 3).
  EXPECT_EQ(DrawSample(0x2024, pool, 4), (std::vector<std::int64_t>{34, 233, 13, 144}));
  std::vector<std::int64_t> grown = pool;
  grown.push_back(377);
  EXPECT_EQ(DrawSample(0x2023, grown, 4), (std::vector<std::int64_t>{5, 233, 34, 3}));
}

TEST(DrawSampleTest, SampleIsDistinctMembersAndCapsAtThePool) {
  std::vector<std::int64_t> pool;
  for (std::int64_t i = 1; i <= 50; ++i) pool.push_back(i * 7);
  for (std::uint64_t seed : {0ULL, 1ULL, 0xffffffffffffffffULL}) {
    std::vector<std::int64_t> s = DrawSample(seed, pool, 12);
    ASSERT_EQ(s.size(), 12u);
    std::vector<std::int64_t> sorted = s;
    std::sort(sorted.begin(), sorted.end());
    EXPECT_EQ(std::adjacent_find(sorted.begin(), sorted.end()), sorted.end());
    for (std::int64_t id : s) EXPECT_NE(std::find(pool.begin(), pool.end(), id), pool.end());
    // A longer draw starts with the shorter one: the shuffle is partial and prefix-stable.
    std::vector<std::int64_t> longer = DrawSample(seed, pool, 20);
    EXPECT_TRUE(std::equal(s.begin(), s.end(), longer.begin()));
  }
  std::vector<std::int64_t> all = DrawSample(9, {1, 2, 3}, 10);
  std::sort(all.begin(), all.end());
  EXPECT_EQ(all, (std::vector<std::int64_t>{1, 2, 3}));
  EXPECT_TRUE(DrawSample(9, {}, 3).empty());
  EXPECT_TRUE(DrawSample(9, {1, 2}, 0).empty());
}

TEST(SpotCheckSampleSizeTest, RateRoundsUpWithAFloorAndNeverExceedsThePool) {
  EXPECT_EQ(SpotCheckSampleSize(100, 1000, 5), 10);  // 10% of 100
  EXPECT_EQ(SpotCheckSampleSize(101, 1000, 5), 11);  // ⌈10.1⌉
  EXPECT_EQ(SpotCheckSampleSize(30, 1000, 5), 5);    // ⌈3⌉ = 3 < the floor 5
  EXPECT_EQ(SpotCheckSampleSize(3, 1000, 5), 3);     // the whole pool
  EXPECT_EQ(SpotCheckSampleSize(0, 1000, 5), 0);
  EXPECT_EQ(SpotCheckSampleSize(7, 10000, 0), 7);
  EXPECT_EQ(SpotCheckSampleSize(7, 0, 0), 0);
  EXPECT_EQ(SpotCheckSampleSize(7, 1, 0), 1);  // ⌈0.0007⌉
}

TEST(SeedTest, FormatsAndParsesSixteenHexDigits) {
  EXPECT_EQ(FormatSeed(0x2023), "0000000000002023");
  EXPECT_EQ(FormatSeed(0xffffffffffffffffULL), "ffffffffffffffff");
  EXPECT_EQ(ParseSeed("2023"), 0x2023u);
  EXPECT_EQ(ParseSeed("ABCdef0123456789"), 0xabcdef0123456789ULL);
  EXPECT_FALSE(ParseSeed(""));
  EXPECT_FALSE(ParseSeed("12345678901234567"));
  EXPECT_FALSE(ParseSeed("12g4"));
  EXPECT_FALSE(ParseSeed("-1"));
}

SpotCheckCall Call(std::int64_t who, bool reached, bool knows = false, bool matches = false, bool problem = false) {
  SpotCheckCall c;
  c.supervisor_id = who;
  c.reached = reached;
  c.knows_duties = knows;
  c.log_matches = matches;
  c.problem_reported = problem;
  return c;
}

// Hand-computed: the prefecture drew 4 (target 4) and called 1 twice (unreached, then reached,
// knowing duties, log matching), 2 once unreached, 3 reached with a problem: called 3, reached 2,
// knows 1, matches 1, problems 1; coverage 3 ÷ 4 = 75%. Counties: A drew 2 of target 2, called
// both, reached 7 only; B drew 3, called none, and a call on 99 (not sampled) is ignored; C did not
// draw and owes 2: units 3, drawn 2, sampled 5, called 2, reached 1, target 2 + 3 + 2 = 7,
// coverage 2 ÷ 7 = 28.57% (2857.14… hundredths of a point, rounded half away from zero).
TEST(SpotCheckCoverageTest, HandComputedLevels) {
  std::vector<UnitSpotCheck> units;
  units.push_back({RegionLevel::kPrefecture,
                   true,
                   4,
                   {1, 2, 3, 4},
                   {Call(1, false), Call(1, true, true, true), Call(2, false), Call(3, true, false, false, true)}});
  units.push_back({RegionLevel::kCounty, true, 2, {7, 8}, {Call(7, true), Call(8, false)}});
  units.push_back({RegionLevel::kCounty, true, 3, {9, 10, 11}, {Call(99, true, true, true, true)}});
  units.push_back({RegionLevel::kCounty, false, 2, {}, {}});
  auto c = CountSpotCheckCoverage({RegionLevel::kProvince, RegionLevel::kPrefecture, RegionLevel::kCounty}, units);
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0].level, RegionLevel::kProvince);
  EXPECT_EQ(c[0].units, 0);
  EXPECT_FALSE(c[0].coverage.defined());
  EXPECT_EQ(PercentHundredths(c[0].coverage), std::nullopt);

  const SpotCheckLevelCoverage& p = c[1];
  EXPECT_EQ(p.units, 1);
  EXPECT_EQ(p.units_drawn, 1);
  EXPECT_EQ(p.sampled, 4);
  EXPECT_EQ(p.called, 3);
  EXPECT_EQ(p.reached, 2);
  EXPECT_EQ(p.knows_duties, 1);
  EXPECT_EQ(p.log_matches, 1);
  EXPECT_EQ(p.problems_reported, 1);
  EXPECT_EQ(p.target, 4);
  EXPECT_EQ(PercentHundredths(p.coverage), 7500);

  const SpotCheckLevelCoverage& k = c[2];
  EXPECT_EQ(k.units, 3);
  EXPECT_EQ(k.units_drawn, 2);
  EXPECT_EQ(k.sampled, 5);
  EXPECT_EQ(k.called, 2);
  EXPECT_EQ(k.reached, 1);
  EXPECT_EQ(k.knows_duties, 0);
  EXPECT_EQ(k.problems_reported, 0);
  EXPECT_EQ(k.target, 7);
  EXPECT_EQ(PercentHundredths(k.coverage), 2857);
}

}  // namespace domain_spot_check_test
}  // namespace xj
