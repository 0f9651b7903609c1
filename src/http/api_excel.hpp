#pragma once
/// Routes of issue #7 (Excel in and out): import jobs and XLSX exports (api_excel.cpp).

#include <functional>
#include <string>

#include "app/app.hpp"
#include "http/router.hpp"

namespace xj::http {

/// Runs `write` into a temporary file and answers with it as an XLSX attachment named `file_name`
/// (the error of `write` as JSON when it fails). Shared by every route file's exports.
Response ExportXlsx(const std::function<Status(const std::string&)>& write, const std::string& file_name);

/// Registers the import-job and export routes on `router`. `app` must outlive it.
void RegisterExcelRoutes(Router& router, App& app);

}  // namespace xj::http
