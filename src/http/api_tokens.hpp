#pragma once
/// Routes of API tokens for service accounts (API 令牌, issue #24): create (the secret shown
/// once), list, revoke. Registered by RegisterRoutes (api.cpp); the bearer admission itself is
/// in auth_gate.

#include "app/app.hpp"
#include "http/router.hpp"

namespace xj::http {

/// Registers the token routes on `router`. `app` must outlive it.
void RegisterTokenRoutes(Router& router, App& app);

}  // namespace xj::http
