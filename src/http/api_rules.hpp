#pragma once
/// Routes of issue #14 (the rules that decide money): national benchmarks, contracts and
/// progress of a project, flags as work items (api_rules.cpp).

#include "app/app.hpp"
#include "http/router.hpp"

namespace xj::http {

/// Registers the routes on `router`. `app` must outlive it.
void RegisterRulesRoutes(Router& router, App& app);

}  // namespace xj::http
