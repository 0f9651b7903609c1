#include "core/ratio.hpp"

#include <gtest/gtest.h>

namespace xj {
namespace core_ratio_test {

TEST(RatioTest, RoundsHalfUpToHundredths) {
  EXPECT_EQ(PercentHundredths({3890, 3900}), 9974);  // 99.7435…
  EXPECT_EQ(PercentHundredths({1, 8}), 1250);        // 12.5 exactly
  EXPECT_EQ(PercentHundredths({1, 20000}), 1);       // 0.005% exactly half a hundredth: up
  EXPECT_EQ(PercentHundredths({1, 20001}), 0);       // just under half: down
  EXPECT_EQ(PercentHundredths({1, 3}), 3333);
  EXPECT_EQ(PercentHundredths({2, 3}), 6667);
  EXPECT_EQ(PercentHundredths({0, 5}), 0);
  EXPECT_EQ(PercentHundredths({7, 5}), 14000);
  EXPECT_FALSE(PercentHundredths({5, 0}).has_value());  // division by zero is undefined, not 0
}

TEST(RatioTest, PointsDifferenceIsExactThenRounded) {
  // 99.74358…% − 82.74…: computed exactly, then rounded once.
  EXPECT_EQ(PointsDifferenceHundredths({3890, 3900}, {2000, 2500}), 1974);  // 99.7436 − 80 = 19.7436
  EXPECT_EQ(PointsDifferenceHundredths({1, 2}, {3, 4}), -2500);
  EXPECT_EQ(PointsDifferenceHundredths({1, 20000}, {0, 1}), 1);   // +0.005 points → 0.01, half away from zero
  EXPECT_EQ(PointsDifferenceHundredths({0, 1}, {1, 20000}), -1);  // −0.005 → −0.01
  EXPECT_FALSE(PointsDifferenceHundredths({1, 2}, {1, 0}).has_value());
}

TEST(RatioTest, ComparesAndFormats) {
  EXPECT_EQ(CompareRatios({1, 3}, {2, 6}), 0);
  EXPECT_LT(CompareRatios({1, 3}, {1, 2}), 0);
  EXPECT_GT(CompareRatios({5441, 10000}, {186, 365}), 0);
  EXPECT_EQ(FormatHundredths(9974), "99.74");
  EXPECT_EQ(FormatHundredths(-5), "-0.05");
  EXPECT_EQ(FormatHundredths(1700), "17.00");
  EXPECT_DOUBLE_EQ(HundredthsToDouble(5441), 54.41);
}

TEST(RatioTest, RatioOfTotalsIsExactInSixtyFourBitsAndScaledBeyond) {
  EXPECT_EQ(RatioOf(3890, 3900).num, 3890);  // within 64 bits: unchanged
  EXPECT_EQ(RatioOf(3890, 3900).den, 3900);
  EXPECT_FALSE(RatioOf(5, 0).defined());
  // 2⁶⁴ ÷ 2⁶⁶ and 3 × 2⁶³ ÷ 2⁶⁵: totals past 64 bits keep their ratio (not a wrapped one).
  const Int128 two64 = static_cast<Int128>(1) << 64;
  EXPECT_EQ(PercentHundredths(RatioOf(two64, two64 * 4)), 2500);
  EXPECT_EQ(PercentHundredths(RatioOf(two64 * 3 / 2, two64 * 2)), 7500);
  EXPECT_EQ(PercentHundredths(RatioOf(-two64, two64 * 2)), -5000);
  // A tiny denominator beside a huge numerator stays defined (a very large percentage).
  EXPECT_TRUE(RatioOf(two64 * (two64 / 4), 1).defined());
  EXPECT_GT(CompareRatios(RatioOf(two64 * 3, two64 * 4), RatioOf(two64, two64 * 2)), 0);
}

}  // namespace core_ratio_test
}  // namespace xj
