// Routes of the allocation by factors (issue #19 point 4). Thin: parse, one App call, encode.
#include "http/api_allocation.hpp"

#include <limits>

#include "app/excel_exports.hpp"
#include "http/api_excel.hpp"
#include "http/handler_support.hpp"
#include "http/json_response.hpp"
#include "http/params.hpp"

namespace xj::http {
namespace {

Result<int> Year(std::int64_t y) {
  if (y < 2001 || y > 2100) return Status::InvalidArgument("year 应在 2001–2100 之间");
  return static_cast<int>(y);
}

/// The body of POST /api/v1/allocations/preview: {region_code, year, pool_fen, what_if?: {key: int}}.
Result<AllocationRequest> PreviewFromJson(const nlohmann::json& body) {
  AllocationRequest r;
  auto region = body.find("region_code");
  if (region == body.end() || !region->is_string()) return Status::InvalidArgument("缺少字符串字段 region_code");
  r.region_code = region->get<std::string>();
  auto year = body.find("year");
  if (year == body.end() || !year->is_number_integer()) return Status::InvalidArgument("缺少整数字段 year");
  XJ_ASSIGN_OR_RETURN(r.year, Year(year->get<std::int64_t>()));
  auto pool = body.find("pool_fen");
  if (pool == body.end() || !pool->is_number_integer()) return Status::InvalidArgument("缺少整数字段 pool_fen");
  r.pool = Fen(pool->get<std::int64_t>());
  if (auto w = body.find("what_if"); w != body.end() && !w->is_null()) {
    if (!w->is_object()) return Status::InvalidArgument("what_if 应为以政策参数名为键的对象");
    for (const auto& [key, value] : w->items()) {
      if (!value.is_number_integer()) return Status::InvalidArgument("模拟参数 " + key + " 应为整数（基点）");
      r.what_if.emplace_back(key, value.get<std::int64_t>());
    }
  }
  return r;
}

/// The same from the export's query: region, year, pool_fen and any allocation_* key.
Result<AllocationRequest> RequestFromQuery(const Request& req) {
  AllocationRequest r;
  r.region_code = req.Query("region");
  if (r.region_code.empty()) return Status::InvalidArgument("缺少参数 region");
  XJ_ASSIGN_OR_RETURN(auto year, OptionalInt(req, "year", 2001, 2100));
  if (!year) return Status::InvalidArgument("缺少参数 year");
  r.year = static_cast<int>(*year);
  XJ_ASSIGN_OR_RETURN(auto pool, OptionalInt(req, "pool_fen", 0, std::numeric_limits<std::int64_t>::max()));
  if (!pool) return Status::InvalidArgument("缺少参数 pool_fen");
  r.pool = Fen(*pool);
  // Any integer: the range is the allocation's own check (invalid_weight), as for the preview.
  for (std::string_view key : AllocationPolicyKeys()) {
    XJ_ASSIGN_OR_RETURN(auto v, OptionalInt(req, std::string(key), std::numeric_limits<std::int64_t>::min(),
                                            std::numeric_limits<std::int64_t>::max()));
    if (v) r.what_if.emplace_back(std::string(key), *v);
  }
  return r;
}

}  // namespace

void RegisterAllocationRoutes(Router& router, App& app) {
  // A preview writes nothing: any role in its scope.
  router.Add("POST", "/api/v1/allocations/preview", AccessRule::Require(Action::kRead), [&app](Request& req) {
    if (!IsJsonBody(req)) return ErrorResponse(415, "unsupported_media_type", "请求体应为 application/json");
    auto body = JsonObjectBody(req);
    if (!body.ok()) return ErrorResponse(body.status());
    auto request = PreviewFromJson(*body);
    if (!request.ok()) return ErrorResponse(request.status());
    auto result = app.Allocate(Caller(req), *request);
    if (!result.ok()) return ErrorResponse(result.status());
    return OrderedJsonResponse(AllocationJson(*result));
  });

  router.Add("GET", "/api/v1/exports/allocation.xlsx", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto request = RequestFromQuery(req);
    if (!request.ok()) return ErrorResponse(request.status());
    return ExportFile(
        req, [&](const ExportTarget& target) { return ExportAllocation(app, Caller(req), *request, target); },
        "因素法分配-" + request->region_code + "-" + std::to_string(request->year) + ".xlsx");
  });
}

}  // namespace xj::http
