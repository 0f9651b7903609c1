#pragma once
/// Routes of the project library (项目库): library sheet, compliance review, joint review,
/// batch steps, postings (and the public posting list), village plans, backward scheduling,
/// reference data. Registered by RegisterRoutes (api.cpp).

#include "app/app.hpp"
#include "http/router.hpp"

namespace xj::http {

/// Registers the library routes on `router`. `app` must outlive it.
void RegisterLibraryRoutes(Router& router, App& app);

}  // namespace xj::http
