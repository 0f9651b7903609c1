#pragma once
/// Routes of incentive settlements (奖惩结算, issue #19): run, list, read, approve.
/// Registered by RegisterRoutes (api.cpp).

#include "app/app.hpp"
#include "http/router.hpp"

namespace xj::http {

/// Registers the settlement routes on `router`. `app` must outlive it.
void RegisterSettlementRoutes(Router& router, App& app);

}  // namespace xj::http
