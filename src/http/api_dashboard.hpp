#pragma once
/// The route of 挂图作战 in one read (issue #22 point 1, docs/definitions.md §22):
/// GET /api/v1/dashboard. Registered by RegisterRoutes (api.cpp).

#include "app/app.hpp"
#include "http/router.hpp"

namespace xj::http {

/// Registers the dashboard route on `router`. `app` must outlive it.
void RegisterDashboardRoutes(Router& router, App& app);

}  // namespace xj::http
