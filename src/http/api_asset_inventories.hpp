#pragma once
/// Routes of 清产核资 (issue #20 point 2): inventory campaigns over the asset register and the
/// register's history, api_asset_inventories.cpp.

#include "app/app.hpp"
#include "http/router.hpp"

namespace xj::http {

/// Registers the routes on `router`. `app` must outlive it.
void RegisterAssetInventoryRoutes(Router& router, App& app);

}  // namespace xj::http
