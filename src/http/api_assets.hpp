#pragma once
/// Routes of issue #20 (lasting benefit): the asset register (确权资产) and work relief (以工代赈),
/// api_assets.cpp.

#include <nlohmann/json.hpp>

#include "app/app.hpp"
#include "http/router.hpp"

namespace xj::http {

/// Registers the routes on `router`. `app` must outlive it.
void RegisterAssetRoutes(Router& router, App& app);

/// The assets of a hand-over request (`assets` of POST /api/v1/projects/{code}/transition): an
/// array of asset objects; `region_code` may be left out (the project's region).
Result<std::vector<Asset>> AssetListFromJson(const nlohmann::json& j);

/// The body of GET /api/v1/assets/registration without `children` (the wall chart's aggregate too).
nlohmann::ordered_json AssetRegistrationJson(const AssetRegistration& r);
/// The body of GET /api/v1/work-relief/summary without `children` (the wall chart's aggregate too).
nlohmann::ordered_json WorkReliefSummaryJson(const WorkReliefSummary& s);

}  // namespace xj::http
