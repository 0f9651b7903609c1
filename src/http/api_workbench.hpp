#pragma once
/// The route of the 工作台 (issue #21 point 3, docs/definitions.md §14): what waits for the caller.
/// Registered by RegisterRoutes (api.cpp).

#include "app/app.hpp"
#include "http/router.hpp"

namespace xj::http {

/// Registers GET /api/v1/workbench on `router`. `app` must outlive it.
void RegisterWorkbenchRoutes(Router& router, App& app);

}  // namespace xj::http
