#pragma once
/// Routes of the allocation by factors (因素法分配, issue #19 point 4): the preview with what-if
/// weights and its XLSX export. The `factors` import is one of api_excel's import kinds.
/// Registered by RegisterRoutes (api.cpp).

#include "app/app.hpp"
#include "http/router.hpp"

namespace xj::http {

/// Registers the allocation routes on `router`. `app` must outlive it.
void RegisterAllocationRoutes(Router& router, App& app);

}  // namespace xj::http
