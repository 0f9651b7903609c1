#include "http/handler_support.hpp"

#include <charconv>
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

Result<bool> BoolField(const nlohmann::json& j, const char* name) {
  auto it = j.find(name);
  if (it == j.end() || it->is_null()) return false;
  if (!it->is_boolean()) return Status::InvalidArgument(std::string("字段 ") + name + " 应为 true 或 false");
  return it->get<bool>();
}

Result<std::string> TextField(const nlohmann::json& j, const char* name, bool required) {
  auto it = j.find(name);
  if (it == j.end() || it->is_null()) {
    if (required) return Status::InvalidArgument(std::string("缺少字符串字段 ") + name);
    return std::string();
  }
  if (!it->is_string()) return Status::InvalidArgument(std::string("字段 ") + name + " 应为字符串");
  return it->get<std::string>();
}

Result<std::int64_t> PositiveIdParam(Request& req, std::string_view what) {
  const std::string& text = req.path_params["id"];
  std::int64_t id = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || ptr != text.data() + text.size() || id <= 0) {
    return Status::NotFound(std::string(what) + "不存在：" + text);
  }
  return id;
}

}  // namespace xj::http
