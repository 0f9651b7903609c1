#pragma once
/// The HTTP API of docs/definitions.md §5: routes, thin handlers, and the top-level handler that
/// adds security headers and serves the web app.

#include <string>

#include "app/app.hpp"
#include "http/router.hpp"
#include "http/server.hpp"

namespace xj::http {

/// Registers every /api/v1 route, /healthz and /metrics on `router`. `app` must outlive it.
void RegisterRoutes(Router& router, App& app);

/// The handler the server runs: API routes, then the static web app from `static_dir`.
Handler MakeHandler(App& app, std::string static_dir);

}  // namespace xj::http
