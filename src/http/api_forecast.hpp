#pragma once
/// The route of 年末支出进度预测 (issue #22 point 4, docs/definitions.md §21): GET /api/v1/forecast.
/// Registered by RegisterRoutes (api.cpp).

#include "app/app.hpp"
#include "http/router.hpp"

namespace xj::http {

/// Registers the forecast route on `router`. `app` must outlive it.
void RegisterForecastRoutes(Router& router, App& app);

}  // namespace xj::http
