#include "core/ratio.hpp"

#include <gtest/gtest.h>

namespace xj {
namespace {

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

}  // namespace
}  // namespace xj
