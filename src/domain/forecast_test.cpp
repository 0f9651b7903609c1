// The year-end forecast (docs/definitions.md §21) on hand-made curves; every figure computed by hand.
#include "domain/forecast.hpp"

#include <gtest/gtest.h>

namespace xj {
namespace domain_forecast_test {

/// num / den as a Ratio (progress = expended ÷ allocated).
Ratio P(std::int64_t num, std::int64_t den) {
  return {num, den};
}
ForecastYear Y(int year, Ratio then, Ratio end) {
  return {year, then, end};
}
constexpr std::int64_t kTarget = 9000;  // 100% − the 10-point 落后 threshold

// Ratios: 2022 80/50 = 1.6, 2021 90/40 = 2.25, 2020 60/30 = 2.0 → sorted 1.6, 2.0, 2.25.
// Now 40%: forecast 40 × 2.0 = 80.00, low 40 × 1.6 = 64.00, high 40 × 2.25 = 90.00; 80 < 90 → miss.
TEST(YearEndForecast, MedianRatioAndItsSpread) {
  const auto f = ForecastYearEnd(
      {P(40, 100),
       std::nullopt,
       {Y(2022, P(50, 100), P(80, 100)), Y(2021, P(40, 100), P(90, 100)), Y(2020, P(30, 100), P(60, 100))},
       kTarget});
  EXPECT_EQ(f.status, ForecastStatus::kForecast);
  EXPECT_EQ(f.progress_now, 4000);
  EXPECT_EQ(f.forecast, 8000);
  EXPECT_EQ(f.low, 6400);
  EXPECT_EQ(f.high, 9000);
  EXPECT_EQ(f.will_miss, true);
}

// Two years: the median is the mean of 1.6 and 2.25 = 1.925 → 40 × 1.925 = 77.00.
TEST(YearEndForecast, EvenCountTakesTheMeanOfTheMiddleTwo) {
  const auto f = ForecastYearEnd(
      {P(40, 100), std::nullopt, {Y(2022, P(50, 100), P(80, 100)), Y(2021, P(40, 100), P(90, 100))}, kTarget});
  EXPECT_EQ(f.forecast, 7700);
  EXPECT_EQ(f.low, 6400);
  EXPECT_EQ(f.high, 9000);
}

// Now 1/3, one year 3/7 → 5/7: ratio 5/3, forecast 5/9 = 55.555…% → 55.56; the interval is a point.
TEST(YearEndForecast, ExactFractionsRoundedOnce) {
  const auto f = ForecastYearEnd({P(1, 3), std::nullopt, {Y(2022, P(3, 7), P(5, 7))}, kTarget});
  EXPECT_EQ(f.progress_now, 3333);
  EXPECT_EQ(f.forecast, 5556);
  EXPECT_EQ(f.low, 5556);
  EXPECT_EQ(f.high, 5556);
}

// 89.995% with a ratio of 1 shows as 90.00 (half away from zero) yet misses the 90% target:
// the comparison is made on the exact value, before rounding.
TEST(YearEndForecast, MissDecidedBeforeRounding) {
  const auto f = ForecastYearEnd({P(89995, 100000), std::nullopt, {Y(2022, P(1, 2), P(1, 2))}, kTarget});
  EXPECT_EQ(f.forecast, 9000);
  EXPECT_EQ(f.will_miss, true);
  const auto at = ForecastYearEnd({P(9, 10), std::nullopt, {Y(2022, P(1, 2), P(1, 2))}, kTarget});
  EXPECT_EQ(at.forecast, 9000);
  EXPECT_EQ(at.will_miss, false);  // exactly the target is no miss
}

// Now 60%, ratios 100/50 = 2 and 75/50 = 1.5: median 1.75 → 105% held to 100; low 90; high 120 → 100.
TEST(YearEndForecast, IntervalHeldAtOneHundredPercent) {
  const auto f = ForecastYearEnd(
      {P(60, 100), std::nullopt, {Y(2022, P(50, 100), P(100, 100)), Y(2021, P(50, 100), P(75, 100))}, kTarget});
  EXPECT_EQ(f.forecast, 10000);
  EXPECT_EQ(f.low, 9000);
  EXPECT_EQ(f.high, 10000);
  EXPECT_EQ(f.will_miss, false);
}

// Progress already 100%: ratios 76/80 = 0.95 (a later allocation diluted it) and 55/50 = 1.1;
// median 1.025 → 102.5% held to 100; low 95.00 (the method lets progress fall); high 100.
TEST(YearEndForecast, AlreadyComplete) {
  const auto f = ForecastYearEnd(
      {P(100, 100), std::nullopt, {Y(2022, P(80, 100), P(76, 100)), Y(2021, P(50, 100), P(55, 100))}, kTarget});
  EXPECT_EQ(f.progress_now, 10000);
  EXPECT_EQ(f.forecast, 10000);
  EXPECT_EQ(f.low, 9500);
  EXPECT_EQ(f.high, 10000);
  EXPECT_EQ(f.will_miss, false);
}

// Nothing spent yet: every ratio scales 0 to 0, and the unit is flagged.
TEST(YearEndForecast, NothingSpentYetIsForecastZeroAndFlagged) {
  const auto f = ForecastYearEnd({P(0, 100), std::nullopt, {Y(2022, P(50, 100), P(100, 100))}, kTarget});
  EXPECT_EQ(f.status, ForecastStatus::kForecast);
  EXPECT_EQ(f.progress_now, 0);
  EXPECT_EQ(f.forecast, 0);
  EXPECT_EQ(f.low, 0);
  EXPECT_EQ(f.high, 0);
  EXPECT_EQ(f.will_miss, true);
}

// No earlier year (or only years without progress then: a ratio to 0 does not exist): no forecast.
TEST(YearEndForecast, NoEarlierYearGivesNoForecast) {
  for (const std::vector<ForecastYear>& basis :
       {std::vector<ForecastYear>{}, std::vector<ForecastYear>{Y(2022, P(0, 100), P(80, 100))},
        std::vector<ForecastYear>{Y(2022, P(0, 0), P(80, 100))}}) {
    const auto f = ForecastYearEnd({P(40, 100), std::nullopt, basis, kTarget});
    EXPECT_EQ(f.status, ForecastStatus::kNoHistory);
    EXPECT_EQ(f.progress_now, 4000);
    EXPECT_FALSE(f.forecast.has_value());
    EXPECT_FALSE(f.will_miss.has_value());
  }
  EXPECT_FALSE(IsForecastBasis(Y(2022, P(0, 100), P(80, 100))));
  EXPECT_FALSE(IsForecastBasis(Y(2022, P(10, 100), P(0, 0))));
  EXPECT_TRUE(IsForecastBasis(Y(2022, P(10, 100), P(0, 100))));
}

TEST(YearEndForecast, NothingAllocatedGivesNoForecast) {
  const auto f = ForecastYearEnd({P(0, 0), std::nullopt, {Y(2022, P(50, 100), P(100, 100))}, kTarget});
  EXPECT_EQ(f.status, ForecastStatus::kNoAllocation);
  EXPECT_FALSE(f.progress_now.has_value());
  EXPECT_FALSE(f.forecast.has_value());
  EXPECT_FALSE(f.will_miss.has_value());
}

// On or after 31 December the year-end figure is known: 88% misses 90%.
TEST(YearEndForecast, AfterTheYearTheActualFigure) {
  const auto f = ForecastYearEnd({P(89, 100), P(88, 100), {}, kTarget});
  EXPECT_EQ(f.status, ForecastStatus::kActual);
  EXPECT_EQ(f.progress_now, 8900);
  EXPECT_EQ(f.forecast, 8800);
  EXPECT_EQ(f.low, 8800);
  EXPECT_EQ(f.high, 8800);
  EXPECT_EQ(f.will_miss, true);
  EXPECT_STREQ(ForecastStatusName(f.status), "actual");
}

// The target is 31 December's time progress less the 落后 threshold: 10 points → 90%, never below 0.
TEST(YearEndForecast, TargetFromTheBehindThreshold) {
  EXPECT_EQ(YearEndTargetBp(1000), 9000);
  EXPECT_EQ(YearEndTargetBp(0), 10000);
  EXPECT_EQ(YearEndTargetBp(12000), 0);
}

}  // namespace domain_forecast_test
}  // namespace xj
