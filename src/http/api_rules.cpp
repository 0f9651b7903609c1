// Routes of issue #14: national benchmarks (全国平均), a project's contracts and progress, flags
// as work items (问题预警). Registered from api.cpp by RegisterRulesRoutes. Thin handlers: parse
// → one App call → encode.
#include "http/api_rules.hpp"

#include <algorithm>

#include "http/codecs.hpp"
#include "http/handler_support.hpp"
#include "http/json_response.hpp"
#include "http/params.hpp"
#include "io/report_import.hpp"

namespace xj::http {
namespace {

nlohmann::ordered_json BenchmarkJson(const Benchmark& b) {
  nlohmann::ordered_json j;
  j["indicator"] = BenchmarkIndicatorName(b.indicator);
  j["date"] = b.date.ToString();
  j["value"] = static_cast<double>(b.value_bp) / 100.0;
  j["value_bp"] = b.value_bp;
  return j;
}

/// One benchmark of a request body: {indicator, date, value (%) or value_bp}.
Result<Benchmark> BenchmarkFromJson(const nlohmann::json& j) {
  if (!j.is_object()) return Status::InvalidArgument("每一项应为 JSON 对象");
  Benchmark b;
  auto indicator = j.find("indicator");
  if (indicator == j.end() || !indicator->is_string()) return Status::InvalidArgument("缺少字符串字段 indicator");
  auto parsed = ParseBenchmarkIndicator(indicator->get<std::string>());
  if (!parsed) return Status::InvalidArgument("indicator 应为 start_rate|expend_progress");
  b.indicator = *parsed;
  auto date = j.find("date");
  if (date == j.end() || !date->is_string()) return Status::InvalidArgument("缺少字符串字段 date");
  XJ_ASSIGN_OR_RETURN(b.date, Date::Parse(date->get<std::string>()));
  if (auto bp = j.find("value_bp"); bp != j.end() && bp->is_number_integer()) {
    b.value_bp = static_cast<std::int32_t>(std::clamp<std::int64_t>(bp->get<std::int64_t>(), -1, 10'001));
  } else if (auto v = j.find("value"); v != j.end() && (v->is_number() || v->is_string())) {
    auto pct = ParsePercentBp(v->is_string() ? v->get<std::string>() : v->dump());
    if (!pct) return Status::InvalidArgument("value 应为 0 到 100 之间的百分数，最多两位小数");
    b.value_bp = *pct;
  } else {
    return Status::InvalidArgument("缺少数值字段 value（百分数）");
  }
  return b;
}

/// The body of a flag work step: {action, assignee, reason, version}.
Result<FlagActionRequest> FlagActionFromJson(const nlohmann::json& body) {
  FlagActionRequest r;
  auto action = body.find("action");
  if (action == body.end() || !action->is_string()) return Status::InvalidArgument("缺少字符串字段 action");
  auto parsed = ParseFlagAction(action->get<std::string>());
  if (!parsed) return Status::InvalidArgument("action 应为 assign|explain|close|reopen");
  r.action = *parsed;
  for (auto [name, target] : {std::pair{"assignee", &r.assignee}, std::pair{"reason", &r.reason}}) {
    auto it = body.find(name);
    if (it == body.end() || it->is_null()) continue;
    if (!it->is_string()) return Status::InvalidArgument(std::string("字段 ") + name + " 应为字符串");
    *target = it->get<std::string>();
  }
  if (auto v = body.find("version"); v != body.end() && !v->is_null()) {
    if (!v->is_number_integer()) return Status::InvalidArgument("字段 version 应为整数");
    r.expected_version = v->get<std::int64_t>();
  }
  return r;
}

}  // namespace

void RegisterRulesRoutes(Router& router, App& app) {
  // --- national benchmarks (全国平均) ---
  router.Add("GET", "/api/v1/benchmarks", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto rows = app.Benchmarks(Caller(req));
    if (!rows.ok()) return ErrorResponse(rows.status());
    nlohmann::ordered_json items = nlohmann::ordered_json::array();
    for (const Benchmark& b : *rows) items.push_back(BenchmarkJson(b));
    return OrderedJsonResponse(nlohmann::ordered_json{{"items", std::move(items)}});
  });

  router.Add("POST", "/api/v1/benchmarks", AccessRule::Require(Action::kManageReferenceData), [&app](Request& req) {
    auto body = ParseJsonBody(req);
    if (!body.ok()) return ErrorResponse(body.status());
    std::vector<Benchmark> values;
    for (const nlohmann::json& item : body->is_array() ? *body : nlohmann::json::array({*body})) {
      auto b = BenchmarkFromJson(item);
      if (!b.ok()) return ErrorResponse(b.status());
      values.push_back(*b);
    }
    if (values.empty()) return ErrorResponse(Status::InvalidArgument("没有要保存的基准值"));
    auto report = app.SaveBenchmarks(Caller(req), values);
    if (!report.ok()) return ErrorResponse(report.status());
    return JsonResponse(ToJson(*report), report->inserted + report->updated > 0 ? 201 : 200);
  });

  // --- flags as work items (问题预警); the list is GET /api/v1/flags (api.cpp) ---
  router.Add("GET", "/api/v1/flags/{kind}/{subject}", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto as_of = OptionalDate(req, "as_of");
    if (!as_of.ok()) return ErrorResponse(as_of.status());
    auto d = app.GetFlag(Caller(req), req.path_params["kind"], req.path_params["subject"], *as_of);
    if (!d.ok()) return ErrorResponse(d.status());
    return OrderedJsonResponse(ToJson(*d));
  });

  router.Add("POST", "/api/v1/flags/{kind}/{subject}/actions", AccessRule::Require(Action::kHandleFlags),
             [&app](Request& req) {
               auto body = JsonObjectBody(req);
               if (!body.ok()) return ErrorResponse(body.status());
               auto request = FlagActionFromJson(*body);
               if (!request.ok()) return ErrorResponse(request.status());
               auto as_of = OptionalDate(req, "as_of");
               if (!as_of.ok()) return ErrorResponse(as_of.status());
               auto d =
                   app.ActOnFlag(Caller(req), req.path_params["kind"], req.path_params["subject"], *request, *as_of);
               if (!d.ok()) return ErrorResponse(d.status());
               return OrderedJsonResponse(ToJson(*d));
             });

  // --- the entry form's check before saving: refusals and the flags saving would raise ---
  router.Add("POST", "/api/v1/ledger/check", AccessRule::Require(Action::kWriteLedger), [&app](Request& req) {
    auto body = ParseJsonBody(req);
    if (!body.ok()) return ErrorResponse(body.status());
    auto entries = LedgerEntriesFromJson(*body);
    if (!entries.ok()) return ErrorResponse(entries.status());
    auto check = app.CheckLedgerEntries(Caller(req), std::move(*entries));
    if (!check.ok()) return ErrorResponse(check.status());
    return OrderedJsonResponse(ToJson(*check));
  });
}

}  // namespace xj::http
