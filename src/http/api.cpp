#include "http/api.hpp"

#include <memory>

#include <sstream>

#include "http/codecs.hpp"
#include "http/json_response.hpp"
#include "http/params.hpp"
#include "http/static_files.hpp"
#include "io/csv_reader.hpp"

namespace xj::http {
namespace {

void AddSecurityHeaders(Response& r) {
  r.headers.emplace_back("X-Content-Type-Options", "nosniff");
  r.headers.emplace_back("Referrer-Policy", "same-origin");
  r.headers.emplace_back("X-Frame-Options", "DENY");
  r.headers.emplace_back("Content-Security-Policy",
                         "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                         "frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
}

Actor ActorOf(const Request& req) {
  Actor a = Actor::System();
  a.address = req.remote_address;
  return a;
}

}  // namespace

void RegisterRoutes(Router& router, App& app) {
  router.Add("GET", "/healthz", [&app](Request&) {
    auto v = app.store().SchemaVersion();
    if (!v.ok()) return ErrorResponse(v.status());
    return JsonResponse({{"status", "ok"}, {"backend", app.store().backend()}, {"schema_version", *v}});
  });

  router.Add("GET", "/api/v1/regions", [&app](Request& req) {
    auto children = app.RegionChildren(ActorOf(req), req.Query("parent"));
    if (!children.ok()) return ErrorResponse(children.status());
    nlohmann::json items = nlohmann::json::array();
    for (const RegionSummary& r : *children) items.push_back(ToJson(r));
    return JsonResponse({{"items", std::move(items)}});
  });

  router.Add("GET", "/api/v1/regions/{code}", [&app](Request& req) {
    auto r = app.RegionDetail(ActorOf(req), req.path_params["code"]);
    if (!r.ok()) return ErrorResponse(r.status());
    return JsonResponse(ToJson(*r));
  });

  // --- figures ---
  router.Add("GET", "/api/v1/indicators", [&app](Request& req) {
    auto q = ParseIndicatorQuery(req);
    if (!q.ok()) return ErrorResponse(q.status());
    if (req.Query("by") == "children") {
      auto rows = app.ChildIndicators(ActorOf(req), *q);
      if (!rows.ok()) return ErrorResponse(rows.status());
      OrderedJson items = OrderedJson::array();
      for (const auto& r : *rows) items.push_back(ToJson(r));
      return OrderedJsonResponse(OrderedJson{{"items", std::move(items)}});
    }
    if (!req.Query("by").empty()) return ErrorResponse(Status::InvalidArgument("参数 by 只能为 children"));
    if (q->region_code.empty()) return ErrorResponse(Status::InvalidArgument("缺少参数 region"));
    auto r = app.ComputeIndicators(ActorOf(req), *q);
    if (!r.ok()) return ErrorResponse(r.status());
    return OrderedJsonResponse(ToJson(*r));
  });

  router.Add("GET", "/api/v1/rankings", [&app](Request& req) {
    auto q = ParseIndicatorQuery(req);
    if (!q.ok()) return ErrorResponse(q.status());
    RankOptions o = app.DefaultRankOptions(q->as_of);
    if (auto level = req.Query("level", "county"); ParseRegionLevel(level)) {
      o.level = *ParseRegionLevel(level);
    } else {
      return ErrorResponse(Status::InvalidArgument("未知的级别：" + level));
    }
    const std::string metric = req.Query("metric", "expend_progress");
    if (metric != "expend_progress" && metric != "assessed_progress") {
      return ErrorResponse(Status::InvalidArgument("metric 应为 expend_progress|assessed_progress"));
    }
    o.metric = metric == "assessed_progress" ? RankMetric::kAssessedProgress : RankMetric::kExpendProgress;
    auto top = OptionalInt(req, "top", 0, 100000);
    auto bottom = OptionalInt(req, "bottom", 0, 100000);
    if (!top.ok()) return ErrorResponse(top.status());
    if (!bottom.ok()) return ErrorResponse(bottom.status());
    if (*top) o.top = static_cast<int>(**top);
    if (*bottom) o.bottom = static_cast<int>(**bottom);
    if (auto amount = req.Query("amount"); !amount.empty()) {
      auto fen = ParseYuan(amount);
      if (!fen.ok()) return ErrorResponse(fen.status());
      o.amount = *fen;
    }
    auto rows = app.Rank(ActorOf(req), *q, o);
    if (!rows.ok()) return ErrorResponse(rows.status());
    OrderedJson items = OrderedJson::array();
    for (const auto& r : *rows) items.push_back(ToJson(r));
    return OrderedJsonResponse(OrderedJson{{"items", std::move(items)}});
  });

  router.Add("GET", "/api/v1/flags", [&app](Request& req) {
    auto q = ParseIndicatorQuery(req);
    if (!q.ok()) return ErrorResponse(q.status());
    std::optional<int> year;
    if (!req.Query("year").empty()) year = q->year;
    std::optional<FundSource> source;
    if (!req.Query("fund_source").empty()) source = q->fund_source;
    auto report = app.Flags(ActorOf(req), q->region_code, year, q->as_of, source);
    if (!report.ok()) return ErrorResponse(report.status());
    return OrderedJsonResponse(ToJson(*report));
  });

  // --- ledger, contracts, progress ---
  router.Add("POST", "/api/v1/ledger", [&app](Request& req) {
    auto body = ParseJsonBody(req);
    if (!body.ok()) return ErrorResponse(body.status());
    auto entries = LedgerEntriesFromJson(*body);
    if (!entries.ok()) return ErrorResponse(entries.status());
    auto report = app.PostLedger(ActorOf(req), std::move(*entries));
    if (!report.ok()) return ErrorResponse(report.status());
    return JsonResponse(ToJson(*report), report->inserted > 0 ? 201 : 200);
  });

  router.Add("POST", "/api/v1/projects/{code}/contracts", [&app](Request& req) {
    auto body = ParseJsonBody(req);
    if (!body.ok()) return ErrorResponse(body.status());
    auto contract = ContractFromJson(req.path_params["code"], *body);
    if (!contract.ok()) return ErrorResponse(contract.status());
    if (Status s = app.RecordContract(ActorOf(req), *contract); !s.ok()) return ErrorResponse(s);
    return JsonResponse({{"project_code", contract->project_code}, {"contract_no", contract->contract_no}}, 201);
  });

  router.Add("POST", "/api/v1/projects/{code}/progress", [&app](Request& req) {
    auto body = ParseJsonBody(req);
    if (!body.ok()) return ErrorResponse(body.status());
    auto report = ProgressFromJson(req.path_params["code"], *body);
    if (!report.ok()) return ErrorResponse(report.status());
    if (Status s = app.RecordProgress(ActorOf(req), *report); !s.ok()) return ErrorResponse(s);
    return JsonResponse({{"project_code", report->project_code}, {"date", report->date.ToString()}}, 201);
  });

  // --- imports (CSV body; all-or-nothing) ---
  router.Add("POST", "/api/v1/imports/{kind}", [&app](Request& req) {
    const std::string& kind = req.path_params["kind"];
    std::istringstream in(req.body);
    CsvReader reader(in);
    Result<ImportReport> report = Status::NotFound("未知的导入类型：" + kind);
    if (kind == "regions") report = app.ImportRegions(ActorOf(req), reader);
    if (kind == "projects") report = app.ImportProjects(ActorOf(req), reader);
    if (kind == "ledger") report = app.ImportLedger(ActorOf(req), reader);
    if (!report.ok()) return ErrorResponse(report.status());
    return JsonResponse(ToJson(*report));
  });
}

Handler MakeHandler(App& app, std::string static_dir) {
  auto router = std::make_shared<Router>();
  RegisterRoutes(*router, app);
  auto files = std::make_shared<StaticFiles>(std::move(static_dir));
  return [router, files](Request& req) {
    Response res;
    if (auto routed = router->Dispatch(req)) {
      res = std::move(*routed);
    } else if (req.path.starts_with("/api/")) {
      res = ErrorResponse(404, "not_found", "接口不存在");
    } else if (req.method == "GET" || req.method == "HEAD") {
      res = files->Serve(req);
    } else {
      res = ErrorResponse(405, "method_not_allowed", "不支持该请求方法");
    }
    AddSecurityHeaders(res);
    return res;
  };
}

}  // namespace xj::http
