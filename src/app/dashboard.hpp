#pragma once
/// 挂图作战 in one read (issue #22 point 1, docs/definitions.md §22): everything the wall chart shows
/// for a region, fund year and as-of date, gathered from the same App functions as the single
/// endpoints (ComputeIndicators, ChildIndicators, Rank, Forecast, ListSettlements,
/// AssetRegistrationOf, RegionDetail), so it gives the same figures. 以工代赈 is not in it: its summary
/// reads every wage of the subtree (hundreds of milliseconds on the demo) and would hold up the headline.

#include <optional>
#include <string>
#include <vector>

#include "app/app.hpp"

namespace xj {

struct DashboardQuery {
  std::string region_code;
  int year = 0;
  Date as_of;
};

/// One series of the trend: the region's figures at each month end of `year` (up to the as-of
/// date in the viewed year, where the last point is the as-of date itself).
struct DashboardTrend {
  int year = 0;
  std::vector<Date> dates;
  std::vector<RegionIndicators> points;
};

/// A child of the viewed region in the treemap, with its own children when the region is a province.
struct DashboardTreeNode {
  RegionIndicators figures;
  std::vector<RegionIndicators> children;
};

struct DashboardReport {
  DashboardQuery query;
  /// From the top of the actor's scope (or the highest ancestor it may read) down to the region.
  std::vector<RegionSummary> path;
  RegionIndicators indicators;
  /// The parent's figures when the region is not the actor's home region and the actor may read them.
  std::optional<RegionIndicators> parent;
  std::vector<RegionIndicators> children;  ///< ChildIndicators
  Ranking ranking;                         ///< Rank at county level by expenditure progress
  DashboardTrend current, previous;        ///< the viewed fund year and the one before
  std::vector<DashboardTreeNode> treemap;  ///< the children; a province's with their children
  ForecastReport forecast;
  /// reminder_behind_time_bp in force on the as-of date (the colour thresholds of the charts).
  std::int64_t behind_bp = 0;
  /// The newest approved settlement run of the fund year with a row for a ranked county.
  std::optional<SettlementRun> settled;
  AssetRegistration assets;
};

/// The month ends of `year` from January; when `limit` lies in `year`, up to it with `limit`
/// itself as the last date (the web's monthEnds).
std::vector<Date> DashboardMonthEnds(int year, std::optional<Date> limit);

}  // namespace xj
