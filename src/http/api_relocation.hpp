#pragma once
/// Routes of issue #20 point 5: relocation sites, households, standards, subsidies and the summary,
/// api_relocation.cpp.

#include "app/app.hpp"
#include "http/router.hpp"

namespace xj::http {

/// Registers the routes on `router`. `app` must outlive it.
void RegisterRelocationRoutes(Router& router, App& app);

}  // namespace xj::http
