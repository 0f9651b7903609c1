#pragma once
/// Routes of the region tree (区划): children, search by name / pinyin initials / code, regions of a level,
/// one region with its path, and the public search of the postings page (docs/definitions.md §17).
/// Registered by RegisterRoutes (api.cpp).

#include "app/app.hpp"
#include "http/router.hpp"

namespace xj::http {

/// Registers the region routes on `router`. `app` must outlive it.
void RegisterRegionRoutes(Router& router, App& app);

}  // namespace xj::http
