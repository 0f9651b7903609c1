#pragma once
/// CLI subcommands, one function each; main() only parses flags and dispatches.

#include <memory>
#include <string>

#include "app/app.hpp"

namespace xj::cli {

/// Opens the store named by `db_url`, migrates it and loads the app state.
Result<std::unique_ptr<App>> OpenApp(const std::string& db_url, AppOptions options);

}  // namespace xj::cli
