#pragma once
/// 年末支出进度预测 (docs/definitions.md §21): where a unit's central expenditure progress will
/// stand on 31 December, from its progress now and the shape of its earlier years. Pure: the app
/// gathers the figures from the engine; this decides the forecast, its interval and the flag.

#include <cstdint>
#include <optional>
#include <vector>

#include "core/ratio.hpp"

namespace xj {

/// One earlier fund year of a unit's history: its expenditure progress on the same day of that
/// year as the as-of date, and on that year's 31 December.
struct ForecastYear {
  int year = 0;
  Ratio progress_then;  ///< on the same day of year (undefined: nothing allocated then)
  Ratio year_end;       ///< on 31 December of `year`
};

/// Whether an earlier year can be a basis: both figures defined and the progress then above 0
/// (a ratio to 0 does not exist).
bool IsForecastBasis(const ForecastYear& y);

/// The year-end target in basis points: 31 December's time progress (100%) less the 落后 threshold
/// `behind_bp` of docs/definitions.md §16 (a unit below it is red on that day); never below 0.
std::int64_t YearEndTargetBp(std::int64_t behind_bp);

/// What the forecast is.
enum class ForecastStatus : int {
  kForecast = 0,      ///< progress now × the median ratio of the basis years
  kActual = 1,        ///< the as-of date is on or after 31 December: the year-end figure itself
  kNoAllocation = 2,  ///< nothing allocated on the as-of date: no progress to scale
  kNoHistory = 3,     ///< no earlier year is a basis (for the unit nor any ancestor)
};

/// "forecast" | "actual" | "no_allocation" | "no_history".
const char* ForecastStatusName(ForecastStatus s);

struct ForecastInput {
  Ratio progress_now;               ///< expenditure progress on the as-of date
  std::optional<Ratio> actual_end;  ///< set when the as-of date is on or after 31 December
  std::vector<ForecastYear> basis;  ///< the years used (each IsForecastBasis), newest first
  std::int64_t target_bp = 0;       ///< the year-end target in basis points (9000 = 90%)
};

/// The forecast, all percentages in hundredths of a point rounded half away from zero once, from
/// the exact rational value (PercentHundredths' rule).
struct YearEndForecast {
  ForecastStatus status = ForecastStatus::kNoHistory;
  std::optional<std::int64_t> progress_now;  ///< nullopt: nothing allocated
  std::optional<std::int64_t> forecast, low, high;
  /// forecast < target, compared exactly before rounding; nullopt without a forecast.
  std::optional<bool> will_miss;
};

/// The forecast of docs/definitions.md §21: with ratios rᵧ = year_end ÷ progress_then of the basis
/// years, forecast = progress now × median(rᵧ) (the mean of the middle two for an even count), the
/// interval progress now × [min rᵧ, max rᵧ]; each held to [0, 100%]. Exact rational arithmetic.
/// kNoAllocation when progress now is undefined, kNoHistory when the basis is empty, kActual when
/// `actual_end` is set (forecast = low = high = that figure).
YearEndForecast ForecastYearEnd(const ForecastInput& in);

}  // namespace xj
