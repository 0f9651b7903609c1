#include "http/handler_support.hpp"

#include <stdexcept>

#include "http/json_response.hpp"

namespace xj::http {

const Actor& Caller(const Request& req) {
  if (!req.actor) throw std::logic_error("handler of a public route asked for the caller");
  return *req.actor;
}

bool IsJsonBody(const Request& req) {
  return req.Header("content-type").starts_with("application/json");
}

Result<nlohmann::json> JsonObjectBody(const Request& req) {
  if (!IsJsonBody(req)) return Status::InvalidArgument("请求体应为 application/json");
  XJ_ASSIGN_OR_RETURN(nlohmann::json body, ParseJsonBody(req));
  if (!body.is_object()) return Status::InvalidArgument("请求体应为 JSON 对象");
  return body;
}

}  // namespace xj::http
