#pragma once
/// Plain request/response types: handlers never see Boost.Beast.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/actor.hpp"

namespace xj::http {

struct Request {
  std::string method;                                        ///< "GET", "POST", …
  std::string target;                                        ///< raw target, e.g. "/api/v1/regions?parent=540000"
  std::string path;                                          ///< percent-decoded path without the query
  std::map<std::string, std::string> query;                  ///< decoded query parameters (last wins)
  std::map<std::string, std::string> path_params;            ///< filled by the router: {code} → value
  std::vector<std::pair<std::string, std::string>> headers;  ///< names lower-cased
  std::string body;
  std::string remote_address;
  /// Set by the gate (auth_gate.hpp) for routes that need a session; never from client fields.
  std::optional<Actor> actor;
  std::string csrf_token;  ///< the session's CSRF token, with `actor`
  /// Set by the header-time gate (HeadHandler) once it admitted the caller, before the body
  /// was read; the handler then does not admit again.
  bool admitted = false;
  /// A body limit below the transport's, chosen at header time (the login body).
  std::optional<std::size_t> body_limit;
  /// Set at header time for heavy work (a synchronous import): the handler then runs on the
  /// transport's worker pool, not on an I/O thread, so light requests (/healthz) keep flowing.
  bool offload = false;

  /// The first header with this lower-case name, or empty.
  std::string_view Header(std::string_view lower_name) const;
  /// The query parameter or `fallback`.
  std::string Query(const std::string& name, std::string fallback = {}) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  ///< extra headers
};

/// Decodes %XX and '+' (in queries). Returns false on a malformed escape.
bool PercentDecode(std::string_view in, std::string& out, bool plus_is_space);
/// Splits a target into decoded path and query map. Returns false when malformed.
bool ParseTarget(std::string_view target, std::string& path, std::map<std::string, std::string>& query);

}  // namespace xj::http
