#pragma once
/// Routes of issue #7 (Excel in and out): import jobs and XLSX exports (api_excel.cpp).

#include "app/app.hpp"
#include "http/router.hpp"

namespace xj::http {

/// Registers the import-job and export routes on `router`. `app` must outlive it.
void RegisterExcelRoutes(Router& router, App& app);

}  // namespace xj::http
