#pragma once
/// Authentication at the HTTP edge: the session cookie, the CSRF header, and building the
/// `Actor` of a request from its session. Sessions and roles themselves live in `App`.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "app/app.hpp"
#include "http/http_types.hpp"
#include "http/router.hpp"

namespace xj::http {

/// Name of the session cookie.
inline constexpr std::string_view kSessionCookie = "xj_session";
/// Header that must repeat the session's CSRF token on every state-changing request.
inline constexpr std::string_view kCsrfHeader = "x-csrf-token";

/// The value of cookie `name` across the request's Cookie headers, or empty.
std::string CookieValue(const Request& request, std::string_view name);
/// Whether the client reached us over TLS (a TLS-terminating proxy says X-Forwarded-Proto: https).
bool IsSecureRequest(const Request& request);
/// Set-Cookie value for a new session: HttpOnly, SameSite=Strict, Path=/, Max-Age; Secure over TLS.
std::string SessionCookie(std::string_view token, std::chrono::seconds max_age, bool secure);
/// Set-Cookie value that deletes the session cookie.
std::string ClearedSessionCookie(bool secure);
/// POST, PUT, PATCH and DELETE (anything but GET, HEAD, OPTIONS).
bool IsStateChanging(std::string_view method);
/// 127.0.0.0/8, ::1 and their IPv4-mapped forms.
bool IsLoopback(std::string_view address);

/// The token of an `Authorization: Bearer <token>` header; nullopt without an Authorization
/// header, "" for another scheme (refused as unauthenticated).
std::optional<std::string> BearerToken(const Request& request);
/// Applies `rule` to `request`. Returns nullopt when the request may go on (with
/// request.actor set for non-public routes, and request.csrf_token for a cookie session),
/// otherwise the response: 401 without a valid session or API token, 403 for a cookie
/// session's missing or wrong CSRF token, a role without the route's action or a token used
/// from outside its allow-list, 429 (with Retry-After) for a token over its rate limit. An
/// `Authorization: Bearer` token is a service account's: it needs no CSRF token, since a
/// browser never sends one on its own.
std::optional<Response> Admit(App& app, const AccessRule& rule, Request& request);

}  // namespace xj::http
