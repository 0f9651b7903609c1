#pragma once
/// Routes of the village supervisors' registry (村级监督员) and the monthly phone spot checks
/// (电话抽查, issue #18 points 4 and 5). Registered by RegisterRoutes (api.cpp).

#include "app/app.hpp"
#include "http/router.hpp"

namespace xj::http {

/// Registers the village-supervisor and spot-check routes on `router`. `app` must outlive it.
void RegisterSpotCheckRoutes(Router& router, App& app);

}  // namespace xj::http
