#pragma once
/// Routes of 资金分配时效 (issue #19 point 5, docs/definitions.md §12): recording allocations
/// received from the superior and the per-unit timeliness report. Registered by RegisterRoutes
/// (api.cpp).

#include "app/app.hpp"
#include "http/router.hpp"

namespace xj::http {

/// Registers the timeliness routes on `router`. `app` must outlive it.
void RegisterTimelinessRoutes(Router& router, App& app);

}  // namespace xj::http
