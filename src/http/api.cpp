#include "http/api.hpp"

#include <memory>

#include "http/codecs.hpp"
#include "http/json_response.hpp"
#include "http/static_files.hpp"

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
