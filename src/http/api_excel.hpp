#pragma once
/// Routes of issue #7 (Excel in and out): import jobs and XLSX exports (api_excel.cpp).

#include <functional>
#include <string>

#include "app/app.hpp"
#include "app/export_table.hpp"
#include "http/router.hpp"

namespace xj::http {

/// Runs `write` into a temporary file in the format of the request's `format` parameter (xlsx by
/// default, or csv; anything else is 400 invalid_format and nothing is written) and answers with
/// it as an attachment named `file_name` with that format's extension (the error of `write` as
/// JSON when it fails). Shared by every route file's exports (docs/definitions.md §18).
Response ExportFile(const Request& req, const std::function<Status(const ExportTarget&)>& write,
                    const std::string& file_name);

/// Registers the import-job and export routes on `router`. `app` must outlive it.
void RegisterExcelRoutes(Router& router, App& app);

}  // namespace xj::http
