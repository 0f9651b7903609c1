#include "http/router.hpp"

namespace xj::http {
namespace {

std::vector<std::string_view> Split(std::string_view path) {
  std::vector<std::string_view> parts;
  while (!path.empty()) {
    if (path.front() == '/') {
      path.remove_prefix(1);
      continue;
    }
    const std::size_t slash = path.find('/');
    parts.push_back(path.substr(0, slash));
    path = slash == std::string_view::npos ? std::string_view{} : path.substr(slash);
  }
  return parts;
}

bool MatchPattern(std::string_view pattern, std::string_view path, std::map<std::string, std::string>& params) {
  const auto pp = Split(pattern);
  const auto sp = Split(path);
  if (pp.size() != sp.size()) return false;
  std::map<std::string, std::string> found;
  for (std::size_t i = 0; i < pp.size(); ++i) {
    if (pp[i].size() > 2 && pp[i].front() == '{' && pp[i].back() == '}') {
      found.emplace(std::string(pp[i].substr(1, pp[i].size() - 2)), std::string(sp[i]));
    } else if (pp[i] != sp[i]) {
      return false;
    }
  }
  params = std::move(found);
  return true;
}

}  // namespace

void Router::Add(std::string method, std::string pattern, AccessRule access,
                 std::function<Response(Request&)> handler) {
  routes_.push_back({std::move(method), std::move(pattern), access, std::move(handler)});
}

Router::Match Router::Find(Request& request) const {
  Router::Match found;
  const std::string method = request.method == "HEAD" ? "GET" : request.method;
  for (const Route& r : routes_) {
    std::map<std::string, std::string> params;
    if (!MatchPattern(r.pattern, request.path, params)) continue;
    if (r.method != method) {
      found.method_not_allowed = true;
      continue;
    }
    request.path_params = std::move(params);
    found.route = &r;
    found.method_not_allowed = false;
    return found;
  }
  return found;
}

}  // namespace xj::http
