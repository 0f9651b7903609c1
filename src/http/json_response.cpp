#include "http/json_response.hpp"

namespace xj::http {
namespace {
constexpr int kMaxJsonDepth = 32;
}

int HttpStatusFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk: return 200;
    case ErrorCode::kInvalidArgument: return 400;
    case ErrorCode::kUnauthenticated: return 401;
    case ErrorCode::kPermissionDenied: return 403;
    case ErrorCode::kNotFound: return 404;
    case ErrorCode::kAlreadyExists: return 409;
    case ErrorCode::kConflict: return 409;
    case ErrorCode::kTooLarge: return 413;
    case ErrorCode::kTooManyRequests: return 429;
    case ErrorCode::kStorageFull: return 507;
    case ErrorCode::kUnavailable: return 503;
    case ErrorCode::kInternal: return 500;
  }
  return 500;
}

nlohmann::json ToJson(const FieldError& e) {
  nlohmann::json j = {{"row", e.row},     {"column", e.column}, {"column_index", e.column_index},
                      {"value", e.value}, {"code", e.code},     {"message", e.message}};
  if (!e.sheet.empty()) j["sheet"] = e.sheet;
  return j;
}

Response ErrorResponse(const Status& status) {
  // Internal failures never leak driver text (SQL, paths) to the client.
  const bool internal = status.code() == ErrorCode::kInternal;
  nlohmann::json err = {{"code", status.code_name()},
                        {"message", internal ? std::string("服务器内部错误") : status.message()}};
  if (!status.details().empty()) {
    nlohmann::json details = nlohmann::json::array();
    for (const FieldError& e : status.details()) details.push_back(ToJson(e));
    err["details"] = std::move(details);
  }
  return JsonResponse({{"error", std::move(err)}}, HttpStatusFor(status.code()));
}

Response ErrorResponse(int http_status, std::string_view code, std::string_view message) {
  return JsonResponse({{"error", {{"code", code}, {"message", message}}}}, http_status);
}

Response JsonResponse(const nlohmann::json& body, int http_status) {
  Response r;
  r.status = http_status;
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

Response OrderedJsonResponse(const nlohmann::ordered_json& body, int http_status) {
  Response r;
  r.status = http_status;
  r.body = body.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

Result<nlohmann::json> ParseJsonBody(const Request& request) {
  int depth = 0;
  bool too_deep = false;
  auto cb = [&](int d, nlohmann::json::parse_event_t event, nlohmann::json&) {
    if (event == nlohmann::json::parse_event_t::object_start || event == nlohmann::json::parse_event_t::array_start) {
      depth = d + 1;
      if (depth > kMaxJsonDepth) too_deep = true;
    }
    return !too_deep;
  };
  nlohmann::json j = nlohmann::json::parse(request.body, cb, false);
  if (too_deep) return Status::InvalidArgument("JSON 嵌套层数超过 " + std::to_string(kMaxJsonDepth));
  if (j.is_discarded()) return Status::InvalidArgument("请求体不是合法的 JSON");
  return j;
}

}  // namespace xj::http
