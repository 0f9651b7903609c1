#pragma once
/// Routes of issue #20 point 3: classification labels, plans, income and yield of operating assets,
/// api_asset_plans.cpp.

#include "app/app.hpp"
#include "http/router.hpp"

namespace xj::http {

/// Registers the routes on `router`. `app` must outlive it.
void RegisterAssetPlanRoutes(Router& router, App& app);

}  // namespace xj::http
