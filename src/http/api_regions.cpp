// Routes of the region tree. Thin: parse, one App-level call, encode.
#include "http/api_regions.hpp"

#include "app/region_search.hpp"
#include "http/codecs.hpp"
#include "http/handler_support.hpp"
#include "http/json_response.hpp"

namespace xj::http {
namespace {

/// Cap of GET /api/v1/regions?level=: enough for every township of a province.
constexpr std::size_t kMaxRegionsAtLevel = 2000;

bool Has(const Request& req, const char* name) {
  return req.query.contains(name);
}

Result<RegionLevel> ParseLevelParam(const std::string& text) {
  for (RegionLevel l : {RegionLevel::kProvince, RegionLevel::kPrefecture, RegionLevel::kCounty, RegionLevel::kTownship,
                        RegionLevel::kVillage}) {
    if (text == RegionLevelName(l)) return l;
  }
  return Status::InvalidArgument("参数 level 只能为 province、prefecture、county、township 或 village");
}

nlohmann::json ToJson(const RegionWithPath& r) {
  nlohmann::json j = xj::http::ToJson(r.summary);
  nlohmann::json path = nlohmann::json::array();
  for (const Region& p : r.path) {
    path.push_back({{"code", p.code}, {"name", p.name}, {"level", RegionLevelName(p.level)}});
  }
  j["path"] = std::move(path);
  return j;
}

nlohmann::json ToJson(const RegionSearchResult& r) {
  nlohmann::json items = nlohmann::json::array();
  for (const RegionWithPath& x : r.items) items.push_back(ToJson(x));
  return {{"items", std::move(items)}, {"truncated", r.truncated}};
}

}  // namespace

void RegisterRegionRoutes(Router& router, App& app) {
  // Without q or level: the children of `parent` (or the caller's home region). With q: the regions of the
  // scope (or of parent's subtree) found by name, pinyin initials or code; with level: every region of that
  // level there. Both give each region's path, top first, for the pickers.
  router.Add("GET", "/api/v1/regions", AccessRule::Require(Action::kRead), [&app](Request& req) {
    const std::string parent = req.Query("parent");
    if (Has(req, "q") && Has(req, "level")) {
      return ErrorResponse(Status::InvalidArgument("参数 q 与 level 不能同时使用"));
    }
    if (Has(req, "q")) {
      auto found = SearchVisibleRegions(app, Caller(req), req.Query("q"), parent);
      if (!found.ok()) return ErrorResponse(found.status());
      return JsonResponse(ToJson(*found));
    }
    if (Has(req, "level")) {
      auto level = ParseLevelParam(req.Query("level"));
      if (!level.ok()) return ErrorResponse(level.status());
      auto found = VisibleRegionsAtLevel(app, Caller(req), *level, parent, kMaxRegionsAtLevel);
      if (!found.ok()) return ErrorResponse(found.status());
      return JsonResponse(ToJson(*found));
    }
    auto children = app.RegionChildren(Caller(req), parent);
    if (!children.ok()) return ErrorResponse(children.status());
    nlohmann::json items = nlohmann::json::array();
    for (const RegionSummary& r : *children) items.push_back(xj::http::ToJson(r));
    return JsonResponse({{"items", std::move(items)}});
  });

  router.Add("GET", "/api/v1/regions/{code}", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto r = VisibleRegionWithPath(app, Caller(req), req.path_params["code"]);
    if (!r.ok()) return ErrorResponse(r.status());
    return JsonResponse(ToJson(*r));
  });

  // Public: the name picker of the public postings page. Region names are public; nothing else is read.
  router.Add("GET", "/api/v1/public/regions", AccessRule::Public(), [&app](Request& req) {
    auto found = SearchPublicRegions(app, req.Query("q"));
    if (!found.ok()) return ErrorResponse(found.status());
    return JsonResponse(ToJson(*found));
  });
}

}  // namespace xj::http
