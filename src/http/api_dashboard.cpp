// The route of 挂图作战 in one read (issue #22 point 1, docs/definitions.md §22). Thin: parse, one App
// call, encode with the single endpoints' codecs, and answer 304 when the client's copy still holds.
#include "http/api_dashboard.hpp"

#include "app/dashboard.hpp"
#include "http/api_assets.hpp"
#include "http/codecs.hpp"
#include "http/etag.hpp"
#include "http/handler_support.hpp"
#include "http/json_response.hpp"
#include "http/params.hpp"

namespace xj::http {
namespace {

OrderedJson DashboardTrendJson(const DashboardTrend& t) {
  OrderedJson dates = OrderedJson::array();
  OrderedJson points = OrderedJson::array();
  for (const Date& d : t.dates) dates.push_back(d.ToString());
  for (const RegionIndicators& p : t.points) points.push_back(ToJson(p)["expend_progress"]);
  return {{"year", t.year}, {"dates", std::move(dates)}, {"points", std::move(points)}};
}

/// A treemap node as the web's chart takes it: code, name, allocated_fen, progress.
OrderedJson DashboardTreeJson(const RegionIndicators& r) {
  const OrderedJson figures = ToJson(r);
  OrderedJson j;
  j["code"] = r.region.code;
  j["name"] = r.region.name;
  j["allocated_fen"] = figures["allocated_fen"];
  j["progress"] = figures["expend_progress"];
  return j;
}

OrderedJson DashboardJson(const DashboardReport& d) {
  OrderedJson j;
  j["region_code"] = d.query.region_code;
  j["year"] = d.query.year;
  j["as_of"] = d.query.as_of.ToString();
  OrderedJson path = OrderedJson::array();
  // ToJson(RegionSummary) is the unordered json of GET /regions/{code}: carried over as its text.
  for (const RegionSummary& r : d.path) path.push_back(OrderedJson::parse(ToJson(r).dump()));
  j["path"] = std::move(path);
  j["indicators"] = ToJson(d.indicators);
  j["parent"] = d.parent ? ToJson(*d.parent) : OrderedJson(nullptr);
  OrderedJson children = OrderedJson::array();
  for (const RegionIndicators& c : d.children) children.push_back(ToJson(c));
  j["children"] = std::move(children);
  j["ranking"] = ToJson(d.ranking);
  j["trend"] = {{"current", DashboardTrendJson(d.current)}, {"previous", DashboardTrendJson(d.previous)}};
  OrderedJson tree = OrderedJson::array();
  for (const DashboardTreeNode& n : d.treemap) {
    OrderedJson node = DashboardTreeJson(n.figures);
    if (!n.children.empty() || d.indicators.region.level == RegionLevel::kProvince) {
      OrderedJson kids = OrderedJson::array();
      for (const RegionIndicators& k : n.children) kids.push_back(DashboardTreeJson(k));
      node["children"] = std::move(kids);
    }
    tree.push_back(std::move(node));
  }
  j["treemap"] = std::move(tree);
  j["forecast"] = ToJson(d.forecast);
  j["behind_pts"] = static_cast<double>(d.behind_bp) / 100.0;
  j["settled"] = d.settled ? OrderedJson(SettlementJson(*d.settled)) : OrderedJson(nullptr);
  OrderedJson assets = AssetRegistrationJson(d.assets);
  OrderedJson asset_children = OrderedJson::array();
  for (const AssetRegistration& c : d.assets.children) asset_children.push_back(AssetRegistrationJson(c));
  assets["children"] = std::move(asset_children);
  j["assets"] = std::move(assets);
  return j;
}

}  // namespace

void RegisterDashboardRoutes(Router& router, App& app) {
  // region (required), year (default: the as-of date's), as_of (default: today).
  router.Add("GET", "/api/v1/dashboard", AccessRule::Require(Action::kRead), [&app](Request& req) {
    DashboardQuery q;
    q.region_code = req.Query("region");
    auto as_of = OptionalDate(req, "as_of");
    if (!as_of.ok()) return ErrorResponse(as_of.status());
    q.as_of = as_of->value_or(Today());
    auto year = OptionalInt(req, "year", 2000, 2100);
    if (!year.ok()) return ErrorResponse(year.status());
    q.year = year->has_value() ? static_cast<int>(**year) : q.as_of.year();
    auto report = app.Dashboard(Caller(req), q);
    if (!report.ok()) return ErrorResponse(report.status());
    Response r = OrderedJsonResponse(DashboardJson(*report));
    // Kept by the browser but asked again each time: a 304 when nothing in it changed.
    for (auto& [name, value] : r.headers) {
      if (name == "Cache-Control") value = "private, no-cache";
    }
    // A weak validator of the JSON (before any content coding): it changes whenever any figure,
    // threshold or run in the answer does, after any write.
    const std::string etag = BodyETag(r.body, true);
    r.headers.emplace_back("ETag", etag);
    if (ETagMatches(req.Header("if-none-match"), etag)) {
      r.status = 304;
      r.body.clear();
    }
    return r;
  });
}

}  // namespace xj::http
