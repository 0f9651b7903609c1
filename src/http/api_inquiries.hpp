#pragma once
/// Routes of inquiries and determinations on flags (问询 → 认定, issue #18 point 6).
/// Registered by RegisterRoutes (api.cpp).

#include "app/app.hpp"
#include "http/router.hpp"

namespace xj::http {

/// Registers the inquiry routes on `router`. `app` must outlive it.
void RegisterInquiryRoutes(Router& router, App& app);

}  // namespace xj::http
