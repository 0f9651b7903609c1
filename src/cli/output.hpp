#pragma once
/// Renders JSON rows as json, csv or an aligned text table for the CLI.

#include <ostream>
#include <string_view>

#include <nlohmann/json.hpp>

namespace xj::cli {

/// True for "json", "csv", "table".
bool IsKnownFormat(std::string_view format);
/// `value` is an object or an array of flat objects. JSON is printed as is; CSV and
/// table take columns from the first object's keys (null → empty cell).
void PrintFormatted(const nlohmann::ordered_json& value, std::string_view format, std::ostream& out);

}  // namespace xj::cli
