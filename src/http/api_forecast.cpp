// The route of 年末支出进度预测 (issue #22 point 4). Thin: parse, one App call, encode.
#include "http/api_forecast.hpp"

#include "http/codecs.hpp"
#include "http/handler_support.hpp"
#include "http/json_response.hpp"
#include "http/params.hpp"

namespace xj::http {

void RegisterForecastRoutes(Router& router, App& app) {
  // region (required), year (default: the as-of date's), as_of (default: today).
  router.Add("GET", "/api/v1/forecast", AccessRule::Require(Action::kRead), [&app](Request& req) {
    ForecastQuery q;
    q.region_code = req.Query("region");
    auto as_of = OptionalDate(req, "as_of");
    if (!as_of.ok()) return ErrorResponse(as_of.status());
    q.as_of = as_of->value_or(Today());
    auto year = OptionalInt(req, "year", 2000, 2100);
    if (!year.ok()) return ErrorResponse(year.status());
    q.year = year->has_value() ? static_cast<int>(**year) : q.as_of.year();
    auto report = app.Forecast(Caller(req), q);
    if (!report.ok()) return ErrorResponse(report.status());
    return OrderedJsonResponse(ToJson(*report));
  });
}

}  // namespace xj::http
