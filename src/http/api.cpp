#include "http/api.hpp"

#include <charconv>
#include <memory>
#include <sstream>
#include <stdexcept>

#include "app/audit_export.hpp"
#include "http/api_allocation.hpp"
#include "http/api_asset_inventories.hpp"
#include "http/api_asset_plans.hpp"
#include "http/api_assets.hpp"
#include "http/api_dashboard.hpp"
#include "http/api_dispatch.hpp"
#include "http/api_docs.hpp"
#include "http/api_evaluations.hpp"
#include "http/api_excel.hpp"
#include "http/api_forecast.hpp"
#include "http/api_inquiries.hpp"
#include "http/api_library.hpp"
#include "http/api_regions.hpp"
#include "http/api_relocation.hpp"
#include "http/api_rules.hpp"
#include "http/api_settlements.hpp"
#include "http/api_spot_checks.hpp"
#include "http/api_supervision.hpp"
#include "http/api_timeliness.hpp"
#include "http/api_tokens.hpp"
#include "http/api_workbench.hpp"
#include "http/auth_gate.hpp"
#include "http/codecs.hpp"
#include "http/compression.hpp"
#include "http/handler_support.hpp"
#include "http/json_response.hpp"
#include "http/params.hpp"
#include "http/static_files.hpp"
#include "io/table_file.hpp"

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

/// A required string field of a JSON object.
Result<std::string> StringField(const nlohmann::json& body, const char* name) {
  auto it = body.find(name);
  if (it == body.end() || !it->is_string()) return Status::InvalidArgument(std::string("缺少字符串字段 ") + name);
  return it->get<std::string>();
}

nlohmann::json SessionJson(const UserView& user, const std::string& csrf_token) {
  return {{"user", ToJson(user)},
          {"username", user.username},
          {"role", RoleName(user.role)},
          {"region_code", user.region_code},
          {"csrf_token", csrf_token}};
}

std::string Metrics(App& app) {
  std::ostringstream out;
  out << "# HELP xianjie_up 1 while the server answers.\n# TYPE xianjie_up gauge\nxianjie_up 1\n";
  out << "# HELP xianjie_regions Regions in the loaded tree.\n# TYPE xianjie_regions gauge\n";
  out << "xianjie_regions " << app.regions()->size() << "\n";
  out << "# HELP xianjie_login_failures_total Failed or throttled logins since start.\n";
  out << "# TYPE xianjie_login_failures_total counter\n";
  out << "xianjie_login_failures_total " << app.login_failures() << "\n";
  return out.str();
}

}  // namespace

void RegisterRoutes(Router& router, App& app) {
  // Every route names its access rule here, next to it; tests/authz (api_authz_test.cpp)
  // enumerates router.routes() and fails for a route it does not know.
  // Answered from memory: a running import holds the SQLite connection, and a health check
  // must not wait for it. The schema version is read once (the server migrated at start).
  const auto schema = app.store().SchemaVersion();
  router.Add("GET", "/healthz", AccessRule::Public(), [&app, schema](Request&) {
    if (!schema.ok()) return ErrorResponse(schema.status());
    return JsonResponse({{"status", "ok"}, {"backend", app.store().backend()}, {"schema_version", *schema}});
  });

  RegisterDocsRoutes(router);  // the API reference: GET /api/docs and /api/docs/openapi.yaml (api_docs.cpp)

  // Prometheus scrapes from the same host without a session; elsewhere only an admin may read.
  router.Add("GET", "/metrics", AccessRule::LoopbackOr(Action::kReadMetrics), [&app](Request&) {
    Response r;
    r.content_type = "text/plain; version=0.0.4; charset=utf-8";
    r.body = Metrics(app);
    r.headers.emplace_back("Cache-Control", "no-store");
    return r;
  });

  // --- session (登录会话) ---
  router.Add("POST", "/api/v1/session", AccessRule::Public(), [&app](Request& req) {
    if (!IsJsonBody(req)) return ErrorResponse(415, "unsupported_media_type", "请求体应为 application/json");
    auto body = JsonObjectBody(req);
    if (!body.ok()) return ErrorResponse(body.status());
    auto username = StringField(*body, "username");
    if (!username.ok()) return ErrorResponse(username.status());
    auto password = StringField(*body, "password");
    if (!password.ok()) return ErrorResponse(password.status());
    auto grant = app.Login(*username, *password, req.remote_address);
    if (!grant.ok()) return ErrorResponse(grant.status());
    Response r = JsonResponse(SessionJson(grant->user, grant->csrf_token));
    r.headers.emplace_back("Set-Cookie", SessionCookie(grant->token, grant->max_age, IsSecureRequest(req)));
    return r;
  });

  router.Add("GET", "/api/v1/session", AccessRule::Session(), [&app](Request& req) {
    auto user = app.CurrentUser(Caller(req));
    if (!user.ok()) return ErrorResponse(user.status());
    return JsonResponse(SessionJson(*user, req.csrf_token));
  });

  router.Add("DELETE", "/api/v1/session", AccessRule::Session(), [&app](Request& req) {
    if (Status s = app.Logout(Caller(req)); !s.ok()) return ErrorResponse(s);
    Response r = JsonResponse({{"status", "signed_out"}});
    r.headers.emplace_back("Set-Cookie", ClearedSessionCookie(IsSecureRequest(req)));
    return r;
  });

  router.Add("POST", "/api/v1/session/password", AccessRule::Session(), [&app](Request& req) {
    if (!IsJsonBody(req)) return ErrorResponse(415, "unsupported_media_type", "请求体应为 application/json");
    auto body = JsonObjectBody(req);
    if (!body.ok()) return ErrorResponse(body.status());
    auto old_password = StringField(*body, "old_password");
    if (!old_password.ok()) return ErrorResponse(old_password.status());
    auto new_password = StringField(*body, "new_password");
    if (!new_password.ok()) return ErrorResponse(new_password.status());
    if (Status s = app.ChangeOwnPassword(Caller(req), *old_password, *new_password); !s.ok()) return ErrorResponse(s);
    return JsonResponse({{"status", "password_changed"}});
  });

  // --- regions (区划) ---
  RegisterRegionRoutes(router, app);  // tree, search, paths, public search (api_regions.cpp)

  // --- figures ---
  router.Add("GET", "/api/v1/indicators", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto q = ParseIndicatorQuery(req);
    if (!q.ok()) return ErrorResponse(q.status());
    if (req.Query("by") == "children") {
      auto rows = app.ChildIndicators(Caller(req), *q);
      if (!rows.ok()) return ErrorResponse(rows.status());
      OrderedJson items = OrderedJson::array();
      for (const auto& r : *rows) items.push_back(ToJson(r));
      return OrderedJsonResponse(OrderedJson{{"items", std::move(items)}});
    }
    if (!req.Query("by").empty()) return ErrorResponse(Status::InvalidArgument("参数 by 只能为 children"));
    if (q->region_code.empty()) return ErrorResponse(Status::InvalidArgument("缺少参数 region"));
    auto r = app.ComputeIndicators(Caller(req), *q);
    if (!r.ok()) return ErrorResponse(r.status());
    return OrderedJsonResponse(ToJson(*r));
  });

  router.Add("GET", "/api/v1/rankings", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto q = ParseIndicatorQuery(req);
    if (!q.ok()) return ErrorResponse(q.status());
    auto request = ParseRankRequest(req);
    if (!request.ok()) return ErrorResponse(request.status());
    auto ranking = app.Rank(Caller(req), *q, *request);
    if (!ranking.ok()) return ErrorResponse(ranking.status());
    return OrderedJsonResponse(ToJson(*ranking));
  });

  router.Add("GET", "/api/v1/flags", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto q = ParseFlagQuery(req);
    if (!q.ok()) return ErrorResponse(q.status());
    auto report = app.Flags(Caller(req), *q);
    if (!report.ok()) return ErrorResponse(report.status());
    return OrderedJsonResponse(ToJson(*report));
  });

  // --- project library (项目库) ---
  router.Add("GET", "/api/v1/projects", AccessRule::Require(Action::kRead), [&app](Request& req) {
    ProjectListQuery q;
    q.region_code = req.Query("region");
    if (Status s = ReadListParams(req, q); !s.ok()) return ErrorResponse(s);
    q.state = req.Query("state");
    q.category = req.Query("category");
    q.text = req.Query("q");
    auto list = app.ListProjects(Caller(req), q);
    if (!list.ok()) return ErrorResponse(list.status());
    return OrderedJsonResponse(ToJson(*list));
  });

  router.Add("GET", "/api/v1/projects/{code}", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto d = app.GetProject(Caller(req), req.path_params["code"]);
    if (!d.ok()) return ErrorResponse(d.status());
    return OrderedJsonResponse(ToJson(*d));
  });

  router.Add("POST", "/api/v1/projects/{code}/transition", AccessRule::Require(Action::kWriteProjects),
             [&app](Request& req) {
               auto body = JsonObjectBody(req);
               if (!body.ok()) return ErrorResponse(body.status());
               TransitionRequest t;
               auto action = StringField(*body, "action");
               if (!action.ok()) return ErrorResponse(action.status());
               t.action = *action;
               if (auto it = body->find("reason"); it != body->end() && it->is_string()) t.reason = *it;
               t.on = Today();
               if (auto it = body->find("date"); it != body->end() && it->is_string()) {
                 auto d = Date::Parse(it->get<std::string>());
                 if (!d.ok()) return ErrorResponse(d.status());
                 t.on = *d;
               }
               if (auto it = body->find("assets"); it != body->end() && !it->is_null()) {
                 auto assets = AssetListFromJson(*it);
                 if (!assets.ok()) return ErrorResponse(assets.status());
                 t.assets = std::move(*assets);
               }
               auto version = body->find("version");
               if (version == body->end() || !version->is_number_integer()) {
                 return ErrorResponse(Status::InvalidArgument("缺少整数字段 version（乐观并发控制）"));
               }
               auto d = app.TransitionProject(Caller(req), req.path_params["code"], t, version->get<std::int64_t>());
               if (!d.ok()) return ErrorResponse(d.status());
               return OrderedJsonResponse(ToJson(*d));
             });

  router.Add("PUT", "/api/v1/projects/{code}/procedures/{kind}", AccessRule::Require(Action::kWriteProjects),
             [&app](Request& req) {
               auto body = JsonObjectBody(req);
               if (!body.ok()) return ErrorResponse(body.status());
               auto kind = ParseProcedureKind(req.path_params["kind"]);
               if (!kind) return ErrorResponse(Status::InvalidArgument("未知的前置手续：" + req.path_params["kind"]));
               // Typed reads: a "complete" that is not a boolean is a 400, never an exception.
               auto complete = BoolField(*body, "complete");
               if (!complete.ok()) return ErrorResponse(complete.status());
               auto document_ref = TextField(*body, "document_ref");
               if (!document_ref.ok()) return ErrorResponse(document_ref.status());
               ProcedureStatus p{*kind, *complete, std::move(*document_ref)};
               if (Status s = app.SetProcedure(Caller(req), req.path_params["code"], p); !s.ok())
                 return ErrorResponse(s);
               return JsonResponse({{"kind", ProcedureKindName(*kind)}, {"complete", p.complete}});
             });

  RegisterLibraryRoutes(router, app);

  // --- ledger, contracts, progress ---
  router.Add("POST", "/api/v1/ledger", AccessRule::Require(Action::kWriteLedger), [&app](Request& req) {
    auto body = ParseJsonBody(req);
    if (!body.ok()) return ErrorResponse(body.status());
    auto entries = LedgerEntriesFromJson(*body);
    if (!entries.ok()) return ErrorResponse(entries.status());
    auto report = app.PostLedger(Caller(req), std::move(*entries));
    if (!report.ok()) return ErrorResponse(report.status());
    return JsonResponse(ToJson(*report), report->inserted > 0 ? 201 : 200);
  });

  router.Add("GET", "/api/v1/ledger", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto q = ParseLedgerListQuery(req);
    if (!q.ok()) return ErrorResponse(q.status());
    auto list = app.ListLedger(Caller(req), *q);
    if (!list.ok()) return ErrorResponse(list.status());
    return OrderedJsonResponse(ToJson(*list));
  });

  router.Add(
      "POST", "/api/v1/projects/{code}/contracts", AccessRule::Require(Action::kWriteProjects), [&app](Request& req) {
        auto body = ParseJsonBody(req);
        if (!body.ok()) return ErrorResponse(body.status());
        auto contract = ContractFromJson(req.path_params["code"], *body);
        if (!contract.ok()) return ErrorResponse(contract.status());
        if (Status s = app.RecordContract(Caller(req), *contract); !s.ok()) return ErrorResponse(s);
        return JsonResponse({{"project_code", contract->project_code}, {"contract_no", contract->contract_no}}, 201);
      });

  router.Add("POST", "/api/v1/projects/{code}/progress", AccessRule::Require(Action::kWriteProjects),
             [&app](Request& req) {
               auto body = ParseJsonBody(req);
               if (!body.ok()) return ErrorResponse(body.status());
               auto report = ProgressFromJson(req.path_params["code"], *body);
               if (!report.ok()) return ErrorResponse(report.status());
               if (Status s = app.RecordProgress(Caller(req), *report); !s.ok()) return ErrorResponse(s);
               return JsonResponse({{"project_code", report->project_code}, {"date", report->date.ToString()}}, 201);
             });

  RegisterExcelRoutes(router, app);     // imports (at once and as jobs) and XLSX exports (api_excel.cpp)
  RegisterRulesRoutes(router, app);     // contracts, progress, benchmarks, flag work items (api_rules.cpp)
  RegisterDispatchRoutes(router, app);  // 领导包保, 月调度 (api_dispatch.cpp)
  RegisterAssetRoutes(router, app);     // asset register, work relief (api_assets.cpp)

  // --- users (账户) ---
  router.Add("GET", "/api/v1/users", AccessRule::Require(Action::kManageUsers), [&app](Request& req) {
    auto users = app.ListUsers(Caller(req), req.Query("region"));
    if (!users.ok()) return ErrorResponse(users.status());
    nlohmann::json items = nlohmann::json::array();
    for (const UserView& u : *users) items.push_back(ToJson(u));
    return JsonResponse({{"items", std::move(items)}});
  });

  router.Add("POST", "/api/v1/users", AccessRule::Require(Action::kManageUsers), [&app](Request& req) {
    if (!IsJsonBody(req)) return ErrorResponse(415, "unsupported_media_type", "请求体应为 application/json");
    auto body = JsonObjectBody(req);
    if (!body.ok()) return ErrorResponse(body.status());
    NewUser nu;
    for (auto [field, target] : {std::pair{"username", &nu.username}, std::pair{"region_code", &nu.region_code},
                                 std::pair{"password", &nu.password}}) {
      auto v = StringField(*body, field);
      if (!v.ok()) return ErrorResponse(v.status());
      *target = std::move(*v);
    }
    auto role_name = StringField(*body, "role");
    if (!role_name.ok()) return ErrorResponse(role_name.status());
    const auto role = ParseRole(*role_name);
    if (!role) return ErrorResponse(Status::InvalidArgument("未知角色：" + *role_name));
    nu.role = *role;
    if (auto d = body->find("department"); d != body->end() && !d->is_null()) {
      if (!d->is_string()) return ErrorResponse(Status::InvalidArgument("字段 department 应为字符串"));
      nu.department = d->get<std::string>();
    }
    auto user = app.CreateUser(Caller(req), nu);
    if (!user.ok()) return ErrorResponse(user.status());
    return JsonResponse(ToJson(*user), 201);
  });

  router.Add("PATCH", "/api/v1/users/{id}", AccessRule::Require(Action::kManageUsers), [&app](Request& req) {
    const auto id = PositiveIdParam(req, "账户");
    if (!id.ok()) return ErrorResponse(id.status());
    if (!IsJsonBody(req)) return ErrorResponse(415, "unsupported_media_type", "请求体应为 application/json");
    auto body = JsonObjectBody(req);
    if (!body.ok()) return ErrorResponse(body.status());
    UserChange change;
    for (auto [field, target] :
         {std::pair{"region_code", &change.region_code}, std::pair{"department", &change.department}}) {
      if (auto v = body->find(field); v != body->end()) {
        if (!v->is_string())
          return ErrorResponse(Status::InvalidArgument(std::string("字段 ") + field + " 应为字符串"));
        *target = v->get<std::string>();
      }
    }
    if (auto v = body->find("role"); v != body->end()) {
      if (!v->is_string()) return ErrorResponse(Status::InvalidArgument("字段 role 应为字符串"));
      const auto role = ParseRole(v->get<std::string>());
      if (!role) return ErrorResponse(Status::InvalidArgument("未知角色：" + v->get<std::string>()));
      change.role = *role;
    }
    if (auto v = body->find("disabled"); v != body->end()) {
      if (!v->is_boolean()) return ErrorResponse(Status::InvalidArgument("字段 disabled 应为 true 或 false"));
      change.disabled = v->get<bool>();
    }
    auto user = app.UpdateUser(Caller(req), *id, change);
    if (!user.ok()) return ErrorResponse(user.status());
    return JsonResponse(ToJson(*user));
  });

  router.Add("POST", "/api/v1/users/{id}/password", AccessRule::Require(Action::kManageUsers), [&app](Request& req) {
    const auto id = PositiveIdParam(req, "账户");
    if (!id.ok()) return ErrorResponse(id.status());
    if (!IsJsonBody(req)) return ErrorResponse(415, "unsupported_media_type", "请求体应为 application/json");
    auto body = JsonObjectBody(req);
    if (!body.ok()) return ErrorResponse(body.status());
    auto password = StringField(*body, "password");
    if (!password.ok()) return ErrorResponse(password.status());
    auto user = app.ResetPassword(Caller(req), *id, *password);
    if (!user.ok()) return ErrorResponse(user.status());
    return JsonResponse(ToJson(*user));
  });

  RegisterTokenRoutes(router, app);           // API tokens of service accounts (api_tokens.cpp)
  RegisterEvaluationRoutes(router, app);      // 绩效评价 (api_evaluations.cpp)
  RegisterSettlementRoutes(router, app);      // incentive settlements (api_settlements.cpp)
  RegisterSupervisionRoutes(router, app);     // supervision visits and coverage (api_supervision.cpp)
  RegisterSpotCheckRoutes(router, app);       // village supervisors and phone spot checks (api_spot_checks.cpp)
  RegisterInquiryRoutes(router, app);         // 问询 → 认定 on flags (api_inquiries.cpp)
  RegisterAssetInventoryRoutes(router, app);  // 清产核资 (api_asset_inventories.cpp)
  RegisterAssetPlanRoutes(router, app);       // classes, plans, income, yield (api_asset_plans.cpp)
  RegisterAllocationRoutes(router, app);      // allocation by factors (api_allocation.cpp)
  RegisterTimelinessRoutes(router, app);      // 资金分配时效 (api_timeliness.cpp)
  RegisterForecastRoutes(router, app);        // 年末支出进度预测 (api_forecast.cpp)
  RegisterDashboardRoutes(router, app);       // 挂图作战 in one read (api_dashboard.cpp)
  RegisterWorkbenchRoutes(router, app);       // 工作台 (api_workbench.cpp)
  RegisterRelocationRoutes(router, app);      // relocation sites, households, subsidies (api_relocation.cpp)

  // --- audit trail (审计日志) ---
  router.Add("GET", "/api/v1/audit", AccessRule::Require(Action::kReadAudit), [&app](Request& req) {
    AuditFilter f{req.Query("entity"), req.Query("actor"), req.Query("region"),   req.Query("from"),
                  req.Query("to"),     req.Query("page"),  req.Query("page_size")};
    auto listing = app.ReadAudit(Caller(req), f);
    if (!listing.ok()) return ErrorResponse(listing.status());
    nlohmann::json items = nlohmann::json::array();
    for (const AuditRecord& r : listing->items) items.push_back(ToJson(r));
    return JsonResponse({{"items", std::move(items)},
                         {"total", listing->total},
                         {"page", listing->page},
                         {"page_size", listing->page_size}});
  });
  // Every row of the same filters and scope, as XLSX or (format=csv) CSV: the screen's columns and
  // 变更内容 text in Chinese, times in Beijing time (docs/definitions.md §18).
  router.Add("GET", "/api/v1/exports/audit.xlsx", AccessRule::Require(Action::kReadAudit), [&app](Request& req) {
    const AuditFilter f{
        req.Query("entity"), req.Query("actor"), req.Query("region"), req.Query("from"), req.Query("to"), "", ""};
    return ExportFile(
        req, [&](const ExportTarget& target) { return ExportAudit(app, Caller(req), f, target); }, "审计日志.xlsx");
  });
}

Handlers MakeHandlers(App& app, std::string static_dir) {
  auto router = std::make_shared<Router>();
  RegisterRoutes(*router, app);
  auto files = std::make_shared<StaticFiles>(std::move(static_dir));
  Handlers out;
  out.head = [router, &app](Request& req) -> std::optional<Response> {
    if (req.method == "POST" && req.path == "/api/v1/session") req.body_limit = kLoginBodyLimit;
    // A synchronous import (not a job) parses and writes the whole file: off the I/O threads.
    if (req.method == "POST" && req.path.starts_with("/api/v1/imports/") && !req.path.ends_with("/jobs")) {
      req.offload = true;
    }
    const Router::Match match = router->Find(req);
    if (!match.route || match.route->access.kind == AccessRule::Kind::kPublic) return std::nullopt;
    if (auto refused = Admit(app, match.route->access, req)) {
      AddSecurityHeaders(*refused);
      return refused;
    }
    req.admitted = true;
    return std::nullopt;
  };
  out.handler = [router, files, &app](Request& req) {
    Response res;
    const Router::Match match = router->Find(req);
    if (match.route) {
      if (auto refused = req.admitted ? std::nullopt : Admit(app, match.route->access, req)) {
        res = std::move(*refused);
      } else {
        res = match.route->handler(req);
      }
    } else if (match.method_not_allowed) {
      res = ErrorResponse(405, "method_not_allowed", "不支持该请求方法");
    } else if (req.path.starts_with("/api/")) {
      res = ErrorResponse(404, "not_found", "接口不存在");
    } else if (req.method == "GET" || req.method == "HEAD") {
      res = files->Serve(req);  // static files are public: the web app itself holds no data
    } else {
      res = ErrorResponse(405, "method_not_allowed", "不支持该请求方法");
    }
    // Dynamic answers are gzipped for clients that accept it (static files come compressed).
    if (req.path.starts_with("/api/")) CompressResponse(req, res);
    AddSecurityHeaders(res);
    return res;
  };
  return out;
}

Handler MakeHandler(App& app, std::string static_dir) {
  return MakeHandlers(app, std::move(static_dir)).handler;
}

}  // namespace xj::http
