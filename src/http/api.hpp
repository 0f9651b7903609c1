#pragma once
/// The HTTP API of docs/definitions.md §5: routes, thin handlers, and the top-level handler that
/// adds security headers and serves the web app.

#include <cstddef>
#include <string>

#include "app/app.hpp"
#include "http/router.hpp"
#include "http/server.hpp"

namespace xj::http {

/// Registers every /api/v1 route, /healthz and /metrics on `router`. `app` must outlive it.
void RegisterRoutes(Router& router, App& app);

/// The handlers the server runs. `head` sees each request before its body: it answers 401/403
/// (and CSRF refusals) for routes that need a session without reading the body, and caps the
/// login body at kLoginBodyLimit. `handler` runs API routes, then the static web app.
struct Handlers {
  Handler handler;
  HeadHandler head;
};
Handlers MakeHandlers(App& app, std::string static_dir);

/// The login body's limit: a user name and a password need far less.
inline constexpr std::size_t kLoginBodyLimit = 4 * 1024;

/// The handler alone (tests that call it directly; every request is admitted in it).
Handler MakeHandler(App& app, std::string static_dir);

}  // namespace xj::http
