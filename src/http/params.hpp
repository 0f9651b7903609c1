#pragma once
/// Query-parameter parsing shared by the figure endpoints.

#include <optional>
#include <string>

#include "app/app.hpp"
#include "http/http_types.hpp"

namespace xj::http {

/// region, year (default: the as-of year), as_of (default: today), fund_source (default central).
Result<IndicatorQuery> ParseIndicatorQuery(const Request& req);
/// An optional integer parameter within [lo, hi]; InvalidArgument naming it otherwise.
Result<std::optional<std::int64_t>> OptionalInt(const Request& req, const std::string& name, std::int64_t lo,
                                                std::int64_t hi);
/// Today's date on the server (local time).
Date Today();

}  // namespace xj::http
