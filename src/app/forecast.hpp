#pragma once
/// 年末支出进度预测 (issue #22 point 4, docs/definitions.md §21): the year-end forecast of central
/// expenditure progress for a region and its children, and the counties of its subtree predicted
/// to miss the year-end target. The method is domain/forecast.hpp; App::Forecast gathers the figures.

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "domain/forecast.hpp"
#include "domain/region.hpp"

namespace xj {

/// How many earlier fund years a forecast looks back for its basis (the method's reach, not policy).
inline constexpr int kForecastEarlierYears = 10;

struct ForecastQuery {
  std::string region_code;
  int year = 0;
  Date as_of;
};

/// One unit's forecast with the history it rests on.
struct ForecastRow {
  Region region;
  std::string parent_name;  ///< the parent's name (for the bulletin's county list); '' at a root
  YearEndForecast forecast;
  /// The unit whose earlier years are the basis: the unit itself, or its nearest ancestor with
  /// one when it has none ('' without a basis).
  std::string basis_region_code;
  std::string basis_region_name;
  std::vector<ForecastYear> basis;  ///< the years used, newest first
  /// Whether the caller may see the basis unit's figures (it lies in the caller's scope); when
  /// not, only the years are shown.
  bool basis_figures_shown = true;
};

struct ForecastReport {
  std::string region_code;
  int year = 0;
  Date as_of;
  Date year_end;                     ///< 31 December of the fund year
  std::int64_t target_bp = 0;        ///< 10000 − behind_bp
  std::int64_t behind_bp = 0;        ///< reminder_behind_time_bp in force on year_end (§16's N)
  std::vector<ForecastRow> items;    ///< the region first, then its children by code
  std::vector<ForecastRow> at_risk;  ///< counties of the subtree predicted to miss, lowest forecast first
};

}  // namespace xj
