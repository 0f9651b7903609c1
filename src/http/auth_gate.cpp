#include "http/auth_gate.hpp"

#include <cctype>

#include "app/crypto.hpp"
#include "core/text.hpp"
#include "http/json_response.hpp"

namespace xj::http {
namespace {}  // namespace

std::string CookieValue(const Request& request, std::string_view name) {
  for (const auto& [key, value] : request.headers) {
    if (key != "cookie") continue;
    std::string_view rest = value;
    while (!rest.empty()) {
      const std::size_t semi = rest.find(';');
      const std::string_view pair = TrimSpaceTab(rest.substr(0, semi));
      rest = semi == std::string_view::npos ? std::string_view{} : rest.substr(semi + 1);
      const std::size_t eq = pair.find('=');
      if (eq != std::string_view::npos && TrimSpaceTab(pair.substr(0, eq)) == name) {
        return std::string(TrimSpaceTab(pair.substr(eq + 1)));
      }
    }
  }
  return {};
}

bool IsSecureRequest(const Request& request) {
  return AsciiEqualsIgnoreCase(TrimSpaceTab(request.Header("x-forwarded-proto")), "https");
}

std::string SessionCookie(std::string_view token, std::chrono::seconds max_age, bool secure) {
  return std::string(kSessionCookie) + "=" + std::string(token) +
         "; Path=/; Max-Age=" + std::to_string(max_age.count()) + "; HttpOnly; SameSite=Strict" +
         (secure ? "; Secure" : "");
}

std::string ClearedSessionCookie(bool secure) {
  return std::string(kSessionCookie) + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
}

bool IsStateChanging(std::string_view method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

bool IsLoopback(std::string_view address) {
  return address.starts_with("127.") || address == "::1" || address.starts_with("::ffff:127.");
}

std::optional<std::string> BearerToken(const Request& request) {
  const std::string_view value = TrimSpaceTab(request.Header("authorization"));
  if (value.empty()) return std::nullopt;
  constexpr std::string_view kScheme = "bearer ";
  if (value.size() <= kScheme.size() || !AsciiEqualsIgnoreCase(value.substr(0, kScheme.size()), kScheme)) return "";
  return std::string(TrimSpaceTab(value.substr(kScheme.size())));
}

namespace {

/// Admission with an API token: no CSRF (not a browser credential); the role check as for people.
std::optional<Response> AdmitToken(App& app, const AccessRule& rule, Request& request, const std::string& token) {
  if (token.empty()) return ErrorResponse(Status::Unauthenticated("只支持 Authorization: Bearer <API 令牌>"));
  auto admitted = app.AuthenticateToken(token, request.remote_address, request.method + " " + request.path);
  if (!admitted.ok()) return ErrorResponse(admitted.status());
  if (admitted->retry_after_seconds > 0) {
    const std::string wait = std::to_string(admitted->retry_after_seconds);
    Response r = ErrorResponse(Status::TooManyRequests("API 令牌请求过于频繁，请 " + wait + " 秒后再试"));
    r.headers.emplace_back("Retry-After", wait);
    return r;
  }
  if (rule.kind == AccessRule::Kind::kAction || rule.kind == AccessRule::Kind::kLoopbackOrAction) {
    if (Status s = app.AuthorizeRole(admitted->actor, rule.action); !s.ok()) return ErrorResponse(s);
  }
  request.actor = std::move(admitted->actor);
  return std::nullopt;
}

}  // namespace

std::optional<Response> Admit(App& app, const AccessRule& rule, Request& request) {
  using Kind = AccessRule::Kind;
  if (rule.kind == Kind::kPublic) return std::nullopt;
  if (rule.kind == Kind::kLoopbackOrAction && IsLoopback(request.remote_address)) return std::nullopt;
  if (auto bearer = BearerToken(request)) return AdmitToken(app, rule, request, *bearer);

  const std::string token = CookieValue(request, kSessionCookie);
  if (token.empty()) return ErrorResponse(Status::Unauthenticated("请先登录"));
  auto session = app.Authenticate(token, request.remote_address);
  if (!session.ok()) {
    Response r = ErrorResponse(session.status());
    if (session.status().code() == ErrorCode::kUnauthenticated) {
      r.headers.emplace_back("Set-Cookie", ClearedSessionCookie(IsSecureRequest(request)));
    }
    return r;
  }
  if (IsStateChanging(request.method)) {
    const std::string_view sent = request.Header(kCsrfHeader);
    if (sent.empty() || !crypto::ConstantTimeEqual(sent, session->csrf_token)) {
      return ErrorResponse(403, "csrf_failed", "缺少或错误的 X-CSRF-Token 请求头");
    }
  }
  if (rule.kind == Kind::kAction || rule.kind == Kind::kLoopbackOrAction) {
    if (Status s = app.AuthorizeRole(session->actor, rule.action); !s.ok()) return ErrorResponse(s);
  }
  request.actor = std::move(session->actor);
  request.csrf_token = std::move(session->csrf_token);
  return std::nullopt;
}

}  // namespace xj::http
