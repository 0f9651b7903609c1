#pragma once
/// JSON responses and the one mapping from ErrorCode to HTTP status.

#include <nlohmann/json.hpp>

#include "core/status.hpp"
#include "http/http_types.hpp"

namespace xj::http {

/// The HTTP status for an error code — the only place this mapping exists.
int HttpStatusFor(ErrorCode code);
/// `{"error":{"code":…,"message":…,"details":[…]}}` with the mapped status.
Response ErrorResponse(const Status& status);
Response ErrorResponse(int http_status, std::string_view code, std::string_view message);
Response JsonResponse(const nlohmann::json& body, int http_status = 200);
/// The same, keeping the documented key order.
Response OrderedJsonResponse(const nlohmann::ordered_json& body, int http_status = 200);
/// Parses a JSON request body (bounded depth); InvalidArgument on malformed JSON.
Result<nlohmann::json> ParseJsonBody(const Request& request);
nlohmann::json ToJson(const FieldError& e);

}  // namespace xj::http
