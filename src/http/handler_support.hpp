#pragma once
/// What every route file's handlers need from a request: the admitted caller and a JSON object body.

#include <nlohmann/json.hpp>

#include "app/actor.hpp"
#include "core/status.hpp"
#include "http/http_types.hpp"

namespace xj::http {

/// The caller the gate admitted. Only for routes whose rule is not public: a handler of a
/// public route asking for it is a bug (a 500, never a silently privileged actor).
const Actor& Caller(const Request& req);

/// Whether the request says its body is JSON.
bool IsJsonBody(const Request& req);

/// The JSON object body of a request, or InvalidArgument (wrong type, bad JSON, not an object).
Result<nlohmann::json> JsonObjectBody(const Request& req);

/// A string field of a JSON object: absent or null is "" (InvalidArgument when `required`),
/// any other type InvalidArgument.
Result<std::string> TextField(const nlohmann::json& j, const char* name, bool required = false);

/// A boolean field of a JSON object: absent or null is false, any other non-boolean InvalidArgument.
Result<bool> BoolField(const nlohmann::json& j, const char* name);

/// The positive integer {id} of a route's path; NotFound ("<what>不存在：<text>") for anything else.
Result<std::int64_t> PositiveIdParam(Request& req, std::string_view what);

}  // namespace xj::http
