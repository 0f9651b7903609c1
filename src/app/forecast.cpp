// 年末支出进度预测 (issue #22 point 4, docs/definitions.md §21): the engine's figures for the
// region, its children and its counties, this year and each earlier one, into the pure method.
#include <algorithm>
#include <mutex>
#include <shared_mutex>

#include "app/app.hpp"

namespace xj {
namespace {

/// The earlier fund years of `unit` that can be a basis, newest first: for fund year y the progress
/// on the as-of date moved back (year − y) years, and on y's 31 December.
std::vector<ForecastYear> ForecastHistory(const IndicatorEngine& engine, RegionIndex unit, int year, Date as_of) {
  std::vector<ForecastYear> out;
  for (int y = year - 1; y >= year - kForecastEarlierYears; --y) {
    const Date then = as_of.SameDayInYear(as_of.year() - (year - y));
    ForecastYear h{y, engine.ComputeMoney(unit, y, then, FundSource::kCentral).expend_progress,
                   engine.ComputeMoney(unit, y, Date::FromYmd(y, 12, 31), FundSource::kCentral).expend_progress};
    if (IsForecastBasis(h)) out.push_back(h);
  }
  return out;
}

ForecastRow ForecastOf(const IndicatorEngine& engine, RegionIndex unit, const ForecastReport& report) {
  const RegionTree& tree = engine.tree();
  const RegionTree::Node& node = tree.node(unit);
  ForecastRow row;
  row.region = node.region;
  if (node.parent != kNoRegion) row.parent_name = tree.node(node.parent).region.name;
  ForecastInput in;
  in.progress_now = engine.ComputeMoney(unit, report.year, report.as_of, FundSource::kCentral).expend_progress;
  in.target_bp = report.target_bp;
  if (report.as_of >= report.year_end) {
    in.actual_end = engine.ComputeMoney(unit, report.year, report.year_end, FundSource::kCentral).expend_progress;
  } else if (in.progress_now.defined()) {
    // The unit's own earlier years; without any, its nearest ancestor's.
    for (RegionIndex r = unit; r != kNoRegion; r = tree.node(r).parent) {
      in.basis = ForecastHistory(engine, r, report.year, report.as_of);
      if (in.basis.empty()) continue;
      row.basis_region_code = tree.node(r).region.code;
      row.basis_region_name = tree.node(r).region.name;
      break;
    }
  }
  row.forecast = ForecastYearEnd(in);
  row.basis = std::move(in.basis);
  return row;
}

}  // namespace

Result<ForecastReport> App::Forecast(const Actor& actor, const ForecastQuery& q) const {
  if (q.region_code.empty()) {
    return Status::MissingField("缺少参数 region");
  }
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kRead, q.region_code));
  ForecastReport out;
  {  // the figures, under the engine's lock
    std::shared_lock lock(state_mu_);
    const RegionTree& tree = engine_->tree();
    XJ_ASSIGN_OR_RETURN(RegionIndex region, ResolveRegion(tree, q.region_code));
    out.region_code = q.region_code;
    out.year = q.year;
    out.as_of = q.as_of;
    out.year_end = Date::FromYmd(q.year, 12, 31);
    // The year-end target: 31 December's time progress (100%) less the 落后 threshold N of §16.
    out.behind_bp = engine_->policy().ValueAt(PolicyKey::kReminderBehindTimeBp, out.year_end);
    out.target_bp = YearEndTargetBp(out.behind_bp);
    out.items.push_back(ForecastOf(*engine_, region, out));
    for (RegionIndex c : tree.node(region).children) out.items.push_back(ForecastOf(*engine_, c, out));
    std::vector<RegionIndex> counties = tree.DescendantsAtLevel(region, RegionLevel::kCounty);
    for (RegionIndex c : counties) {
      ForecastRow row = ForecastOf(*engine_, c, out);
      if (row.forecast.will_miss.value_or(false)) out.at_risk.push_back(std::move(row));
    }
  }
  // InScope takes state_mu_ itself: after the figures' lock is released.
  for (auto* rows : {&out.items, &out.at_risk}) {
    for (ForecastRow& row : *rows) {
      row.basis_figures_shown = row.basis_region_code.empty() || InScope(actor, row.basis_region_code);
    }
  }
  std::stable_sort(out.at_risk.begin(), out.at_risk.end(), [](const ForecastRow& a, const ForecastRow& b) {
    return *a.forecast.forecast < *b.forecast.forecast;
  });
  return out;
}

}  // namespace xj
