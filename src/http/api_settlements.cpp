// Routes of incentive settlements (issue #19). Thin: parse, one App call, encode.
#include "http/api_settlements.hpp"

#include "app/what_if.hpp"

#include "http/handler_support.hpp"
#include "http/json_response.hpp"
#include "http/params.hpp"

namespace xj::http {
namespace {

Result<SettlementRequest> RequestFromJson(const nlohmann::json& body) {
  SettlementRequest r;
  auto region = body.find("region_code");
  if (region == body.end() || !region->is_string()) return Status::InvalidArgument("缺少字符串字段 region_code");
  r.region_code = region->get<std::string>();
  auto year = body.find("year");
  if (year == body.end() || !year->is_number_integer()) return Status::InvalidArgument("缺少整数字段 year");
  const std::int64_t y = year->get<std::int64_t>();
  if (y < 2000 || y > 2100) return Status::InvalidArgument("year 应在 2000–2100 之间");
  r.year = static_cast<int>(y);
  auto as_of = body.find("as_of");
  if (as_of == body.end() || !as_of->is_string()) return Status::InvalidArgument("缺少日期字段 as_of");
  XJ_ASSIGN_OR_RETURN(r.as_of, Date::Parse(as_of->get<std::string>()));
  if (auto it = body.find("fund_source"); it != body.end() && !it->is_null()) {
    const auto source = it->is_string() ? ParseFundSource(it->get<std::string>()) : std::nullopt;
    if (!source) return Status::InvalidArgument("未知的资金来源：" + it->dump());
    r.fund_source = *source;
  }
  if (auto it = body.find("metric"); it != body.end() && !it->is_null()) {
    const auto metric = it->is_string() ? ParseRankMetric(it->get<std::string>()) : std::nullopt;
    if (!metric) return Status::InvalidArgument("metric 应为 expend_progress|assessed_progress");
    r.metric = *metric;
  }
  return r;
}

/// The body of POST /api/v1/rankings/what-if: the ranking asked for and the changed parameters.
struct WhatIfBody {
  IndicatorQuery query;
  RankRequest request;
  RankWhatIf what_if;
};

Result<WhatIfBody> WhatIfFromJson(const nlohmann::json& body) {
  WhatIfBody b;
  auto text = [&](const char* key, const char* fallback) -> Result<std::string> {
    auto it = body.find(key);
    if (it == body.end() || it->is_null()) return std::string(fallback);
    if (!it->is_string()) return Status::InvalidArgument(std::string("字段 ") + key + " 应为字符串");
    return it->get<std::string>();
  };
  XJ_ASSIGN_OR_RETURN(b.query.region_code, text("region_code", ""));
  auto year = body.find("year");
  if (year == body.end() || !year->is_number_integer()) return Status::InvalidArgument("缺少整数字段 year");
  const std::int64_t y = year->get<std::int64_t>();
  if (y < 2000 || y > 2100) return Status::InvalidArgument("year 应在 2000–2100 之间");
  b.query.year = static_cast<int>(y);
  XJ_ASSIGN_OR_RETURN(std::string as_of, text("as_of", ""));
  if (as_of.empty()) return Status::InvalidArgument("缺少日期字段 as_of");
  XJ_ASSIGN_OR_RETURN(b.query.as_of, Date::Parse(as_of));
  XJ_ASSIGN_OR_RETURN(std::string source, text("fund_source", "central"));
  const auto parsed = ParseFundSource(source);
  if (!parsed) return Status::InvalidArgument("未知的资金来源：" + source);
  b.query.fund_source = *parsed;
  XJ_ASSIGN_OR_RETURN(std::string level, text("level", "county"));
  XJ_ASSIGN_OR_RETURN(std::string metric, text("metric", "expend_progress"));
  XJ_ASSIGN_OR_RETURN(b.request, MakeRankRequest(level, metric));
  auto changes = body.find("what_if");
  if (changes == body.end() || !changes->is_object()) {
    return Status::InvalidArgument("缺少对象字段 what_if（以政策参数名为键）");
  }
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const auto& [key, value] : changes->items()) {
    if (value.is_string()) {
      pairs.emplace_back(key, value.get<std::string>());
    } else if (value.is_number_integer()) {
      pairs.emplace_back(key, std::to_string(value.get<std::int64_t>()));
    } else {
      return Status::InvalidArgument("模拟参数 " + key + " 应为整数或字符串");
    }
  }
  XJ_ASSIGN_OR_RETURN(b.what_if, ParseRankWhatIf(pairs));
  return b;
}

}  // namespace

void RegisterSettlementRoutes(Router& router, App& app) {
  // What-if (奖惩模拟, issue #19 point 2): reads only, so any role in its scope.
  router.Add("POST", "/api/v1/rankings/what-if", AccessRule::Require(Action::kRead), [&app](Request& req) {
    if (!IsJsonBody(req)) return ErrorResponse(415, "unsupported_media_type", "请求体应为 application/json");
    auto body = JsonObjectBody(req);
    if (!body.ok()) return ErrorResponse(body.status());
    auto parsed = WhatIfFromJson(*body);
    if (!parsed.ok()) return ErrorResponse(parsed.status());
    auto compared = CompareWhatIf(app, Caller(req), parsed->query, parsed->request, parsed->what_if);
    if (!compared.ok()) return ErrorResponse(compared.status());
    return OrderedJsonResponse(WhatIfJson(*compared));
  });

  router.Add("POST", "/api/v1/settlements", AccessRule::Require(Action::kSettleIncentives), [&app](Request& req) {
    if (!IsJsonBody(req)) return ErrorResponse(415, "unsupported_media_type", "请求体应为 application/json");
    auto body = JsonObjectBody(req);
    if (!body.ok()) return ErrorResponse(body.status());
    auto request = RequestFromJson(*body);
    if (!request.ok()) return ErrorResponse(request.status());
    auto run = app.Settle(Caller(req), *request);
    if (!run.ok()) return ErrorResponse(run.status());
    return OrderedJsonResponse(SettlementJson(*run), 201);
  });

  router.Add("GET", "/api/v1/settlements", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto year = OptionalInt(req, "year", 2000, 2100);
    if (!year.ok()) return ErrorResponse(year.status());
    auto runs = app.ListSettlements(Caller(req), req.Query("region"), static_cast<int>(year->value_or(0)));
    if (!runs.ok()) return ErrorResponse(runs.status());
    nlohmann::ordered_json items = nlohmann::ordered_json::array();
    for (const SettlementRun& r : *runs) items.push_back(SettlementJson(r));
    nlohmann::ordered_json out;
    out["total"] = runs->size();
    out["items"] = std::move(items);
    return OrderedJsonResponse(out);
  });

  router.Add("GET", "/api/v1/settlements/{id}", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto id = PositiveIdParam(req, "结算批次");
    if (!id.ok()) return ErrorResponse(id.status());
    auto run = app.GetSettlement(Caller(req), *id);
    if (!run.ok()) return ErrorResponse(run.status());
    return OrderedJsonResponse(SettlementJson(*run));
  });

  router.Add("POST", "/api/v1/settlements/{id}/approve", AccessRule::Require(Action::kSettleIncentives),
             [&app](Request& req) {
               auto id = PositiveIdParam(req, "结算批次");
               if (!id.ok()) return ErrorResponse(id.status());
               auto run = app.ApproveSettlement(Caller(req), *id);
               if (!run.ok()) return ErrorResponse(run.status());
               return OrderedJsonResponse(SettlementJson(*run));
             });
}

}  // namespace xj::http
