// Routes of API tokens (issue #24). Thin: parse, one App call, encode.
#include "http/api_tokens.hpp"

#include <charconv>

#include "http/handler_support.hpp"
#include "http/json_response.hpp"

namespace xj::http {
namespace {

Result<NewApiToken> NewTokenFromJson(const nlohmann::json& body) {
  NewApiToken t;
  for (auto [field, target] : {std::pair{"name", &t.name}, std::pair{"region_code", &t.region_code}}) {
    auto it = body.find(field);
    if (it == body.end() || !it->is_string()) return Status::InvalidArgument(std::string("缺少字符串字段 ") + field);
    *target = it->get<std::string>();
  }
  auto role = body.find("role");
  if (role == body.end() || !role->is_string()) return Status::InvalidArgument("缺少字符串字段 role");
  const auto parsed = ParseRole(role->get<std::string>());
  if (!parsed) return Status::InvalidArgument("未知角色：" + role->get<std::string>());
  t.role = *parsed;
  if (auto it = body.find("expires_at"); it != body.end() && !it->is_null()) {
    if (!it->is_string()) return Status::InvalidArgument("字段 expires_at 应为日期字符串");
    t.expires_at = it->get<std::string>();
  }
  if (auto it = body.find("allowed_ips"); it != body.end() && !it->is_null()) {
    if (!it->is_array()) return Status::InvalidArgument("字段 allowed_ips 应为字符串数组");
    for (const auto& ip : *it) {
      if (!ip.is_string()) return Status::InvalidArgument("字段 allowed_ips 应为字符串数组");
      t.allowed_ips.push_back(ip.get<std::string>());
    }
  }
  return t;
}

nlohmann::json ToJson(const ApiTokenView& t) {
  auto text_or_null = [](const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); };
  return {{"id", t.id},
          {"name", t.name},
          {"role", RoleName(t.role)},
          {"role_label", RoleLabel(t.role)},
          {"region_code", t.region_code},
          {"region_name", t.region_name},
          {"allowed_ips", t.allowed_ips},
          {"prefix", t.prefix},
          {"created_by", t.created_by},
          {"created_at", t.created_at},
          {"expires_at", t.expires_at},
          {"revoked_at", text_or_null(t.revoked_at)},
          {"last_used_at", text_or_null(t.last_used_at)},
          {"state", t.state}};
}

}  // namespace

void RegisterTokenRoutes(Router& router, App& app) {
  router.Add("POST", "/api/v1/tokens", AccessRule::Require(Action::kManageUsers), [&app](Request& req) {
    if (!IsJsonBody(req)) return ErrorResponse(415, "unsupported_media_type", "请求体应为 application/json");
    auto body = JsonObjectBody(req);
    if (!body.ok()) return ErrorResponse(body.status());
    auto request = NewTokenFromJson(*body);
    if (!request.ok()) return ErrorResponse(request.status());
    auto grant = app.CreateApiToken(Caller(req), *request);
    if (!grant.ok()) return ErrorResponse(grant.status());
    return JsonResponse({{"id", grant->id}, {"token", grant->token}, {"expires_at", grant->expires_at}}, 201);
  });

  router.Add("GET", "/api/v1/tokens", AccessRule::Require(Action::kManageUsers), [&app](Request& req) {
    auto tokens = app.ListApiTokens(Caller(req));
    if (!tokens.ok()) return ErrorResponse(tokens.status());
    nlohmann::json items = nlohmann::json::array();
    for (const ApiTokenView& t : *tokens) items.push_back(ToJson(t));
    return JsonResponse({{"items", std::move(items)}});
  });

  router.Add("DELETE", "/api/v1/tokens/{id}", AccessRule::Require(Action::kManageUsers), [&app](Request& req) {
    const auto id = PositiveIdParam(req, "API 令牌");
    if (!id.ok()) return ErrorResponse(id.status());
    auto revoked = app.RevokeApiToken(Caller(req), *id);
    if (!revoked.ok()) return ErrorResponse(revoked.status());
    return JsonResponse(ToJson(*revoked));
  });
}

}  // namespace xj::http
