#pragma once
/// Routes of supervision in the field (督导, issue #18): visits, their findings and coverage, and
/// the coverage export. Registered by RegisterRoutes (api.cpp).

#include "app/app.hpp"
#include "http/router.hpp"

namespace xj::http {

/// Registers the supervision routes on `router`. `app` must outlive it.
void RegisterSupervisionRoutes(Router& router, App& app);

}  // namespace xj::http
