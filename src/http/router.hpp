#pragma once
/// Method + path-pattern routing. The route list is public so the authorization
/// matrix test can enumerate every route.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "http/http_types.hpp"

namespace xj::http {

struct Route {
  std::string method;   ///< "GET", "POST", …
  std::string pattern;  ///< "/api/v1/projects/{code}"
  std::function<Response(Request&)> handler;
};

class Router {
 public:
  void Add(std::string method, std::string pattern, std::function<Response(Request&)> handler);
  /// The response of the matching route (filling request.path_params); a 405 when
  /// only the method differs; nullopt when no pattern matches.
  std::optional<Response> Dispatch(Request& request) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace xj::http
