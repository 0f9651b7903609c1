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
/// An optional boolean parameter: true|1, false|0, or absent (nullopt); InvalidArgument naming it otherwise.
Result<std::optional<bool>> OptionalBool(const Request& req, const std::string& name);
/// `unmasked` (default false): whether the caller asks to see personal data in clear.
Result<bool> UnmaskedParam(const Request& req);
/// An optional date parameter (YYYY-MM-DD); InvalidArgument naming it otherwise.
Result<std::optional<Date>> OptionalDate(const Request& req, const std::string& name);
/// The year, page and page_size of a list query into `q` (each optional); InvalidArgument
/// naming the first bad one.
template <typename ListQuery>
Status ReadListParams(const Request& req, ListQuery& q) {
  auto year = OptionalInt(req, "year", 2000, 2100);
  auto page = OptionalInt(req, "page", 1, 1'000'000);
  auto page_size = OptionalInt(req, "page_size", 1, 200);
  for (const auto* r : {&year, &page, &page_size}) {
    if (!r->ok()) return r->status();
  }
  if (*year) q.year = static_cast<int>(**year);
  if (*page) q.page = static_cast<int>(**page);
  if (*page_size) q.page_size = static_cast<int>(**page_size);
  return Status::Ok();
}

/// The filters of GET /api/v1/ledger and of its XLSX export: region, year, fund_source (or
/// source), kind, project, from, to, q, page, page_size.
Result<LedgerListQuery> ParseLedgerListQuery(const Request& req);

/// The ranking parameters of GET /api/v1/rankings and its XLSX export: level (default county),
/// metric (expend_progress|assessed_progress), and the what-if overrides top, bottom, amount (yuan).
Result<RankRequest> ParseRankRequest(const Request& req);

/// The filters of GET /api/v1/flags and of its XLSX export: region, year and fund_source (only
/// when given: they narrow the entries' flags), as_of (default today), kind, status, page,
/// page_size (default: every flag on one page).
Result<FlagQuery> ParseFlagQuery(const Request& req);

/// Today in Beijing (docs/definitions.md §5), by the wall clock.
Date Today();

}  // namespace xj::http
