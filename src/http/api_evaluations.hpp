#pragma once
/// Routes of 绩效评价 (performance evaluation, issue #19 point 3): the template, evaluations, their
/// scores and steps, and the score sheet. Registered by RegisterRoutes (api.cpp).

#include "app/app.hpp"
#include "http/router.hpp"

namespace xj::http {

/// Registers the evaluation routes on `router`. `app` must outlive it.
void RegisterEvaluationRoutes(Router& router, App& app);

}  // namespace xj::http
