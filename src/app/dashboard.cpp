// 挂图作战 in one read (issue #22 point 1, docs/definitions.md §22). Each part is the answer of the
// App function behind the matching single endpoint, called with the same arguments the wall chart
// used to send, so the aggregate and the single endpoints cannot disagree.
#include "app/dashboard.hpp"

#include <algorithm>
#include <mutex>
#include <shared_mutex>

namespace xj {

std::vector<Date> DashboardMonthEnds(int year, std::optional<Date> limit) {
  std::vector<Date> out;
  for (int m = 1; m <= 12; ++m) {
    const Date d = Date::FromYmd(year, m, Date::DaysInMonth(year, m));
    if (limit && d > *limit) {
      if (limit->year() == year && (out.empty() || out.back() != *limit)) out.push_back(*limit);
      break;
    }
    out.push_back(d);
  }
  return out;
}

Result<DashboardReport> App::Dashboard(const Actor& actor, const DashboardQuery& q) {
  if (q.region_code.empty()) return Status::MissingField("缺少参数 region");
  DashboardReport out;
  out.query = q;
  const IndicatorQuery iq{q.region_code, q.year, q.as_of, FundSource::kCentral};
  XJ_ASSIGN_OR_RETURN(out.indicators, ComputeIndicators(actor, iq));

  // The drill path: up from the region to the actor's home region, or as far as the actor may read.
  XJ_ASSIGN_OR_RETURN(RegionSummary here, RegionDetail(actor, q.region_code));
  out.path.push_back(here);
  while (out.path.front().region.code != actor.region_code && !out.path.front().region.parent_code.empty() &&
         out.path.size() < 6) {
    auto up = RegionDetail(actor, out.path.front().region.parent_code);
    if (!up.ok()) break;
    out.path.insert(out.path.begin(), *up);
  }
  if (q.region_code != actor.region_code && !here.region.parent_code.empty()) {
    auto parent = ComputeIndicators(actor, IndicatorQuery{here.region.parent_code, q.year, q.as_of, iq.fund_source});
    if (parent.ok()) out.parent = std::move(*parent);
  }

  XJ_ASSIGN_OR_RETURN(out.children, ChildIndicators(actor, iq));
  XJ_ASSIGN_OR_RETURN(out.ranking, Rank(actor, iq, RankRequest{}));

  // The trend: the viewed year up to the as-of date (when it lies in that year), the year before whole.
  auto series = [&](int year, std::optional<Date> limit) -> Result<DashboardTrend> {
    DashboardTrend t;
    t.year = year;
    t.dates = DashboardMonthEnds(year, limit);
    for (const Date& d : t.dates) {
      XJ_ASSIGN_OR_RETURN(RegionIndicators point,
                          ComputeIndicators(actor, IndicatorQuery{q.region_code, year, d, iq.fund_source}));
      t.points.push_back(std::move(point));
    }
    return t;
  };
  XJ_ASSIGN_OR_RETURN(out.current,
                      series(q.year, q.as_of.year() == q.year ? std::optional<Date>(q.as_of) : std::nullopt));
  XJ_ASSIGN_OR_RETURN(out.previous, series(q.year - 1, std::nullopt));

  // The treemap: the children; at province level each with its own children.
  const bool province = out.indicators.region.level == RegionLevel::kProvince;
  for (const RegionIndicators& child : out.children) {
    DashboardTreeNode node{child, {}};
    if (province) {
      XJ_ASSIGN_OR_RETURN(node.children,
                          ChildIndicators(actor, IndicatorQuery{child.region.code, q.year, q.as_of, iq.fund_source}));
    }
    out.treemap.push_back(std::move(node));
  }

  XJ_ASSIGN_OR_RETURN(out.forecast, Forecast(actor, ForecastQuery{q.region_code, q.year, q.as_of}));
  {
    std::shared_lock lock(state_mu_);
    out.behind_bp = engine_->policy().ValueAt(PolicyKey::kReminderBehindTimeBp, q.as_of);
  }

  // The newest approved settlement run of the year (in the actor's scope) ranking a county shown.
  XJ_ASSIGN_OR_RETURN(std::vector<SettlementRun> runs, ListSettlements(actor, "", q.year));
  for (SettlementRun& run : runs) {
    if (run.status != "approved") continue;
    const bool shown = std::any_of(run.rows.begin(), run.rows.end(), [&](const auto& row) {
      return std::any_of(out.ranking.rows.begin(), out.ranking.rows.end(),
                         [&](const RankedRegion& r) { return r.region && r.region->code == row.region_code; });
    });
    if (shown) {
      out.settled = std::move(run);
      break;
    }
  }

  XJ_ASSIGN_OR_RETURN(out.assets, AssetRegistrationOf(actor, q.region_code));
  return out;
}

}  // namespace xj
