#pragma once
/// Method + path-pattern routing. Every route carries its access rule, as data next to the
/// route, and the route list is public so the authorization matrix test can enumerate it.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/role.hpp"
#include "http/http_types.hpp"

namespace xj::http {

/// Who may call a route. Checked by the gate (auth_gate.hpp) before the handler runs; the
/// region scope of the data is then checked by the `App` use case the handler calls.
struct AccessRule {
  enum class Kind {
    kPublic,            ///< anyone, no session (health check, login, static files)
    kSession,           ///< any signed-in user (their own session)
    kAction,            ///< a signed-in user whose role is granted `action`
    kLoopbackOrAction,  ///< anyone from a loopback address; elsewhere as kAction
  };
  Kind kind = Kind::kSession;
  Action action = Action::kRead;

  static AccessRule Public() { return {Kind::kPublic, Action::kRead}; }
  static AccessRule Session() { return {Kind::kSession, Action::kRead}; }
  static AccessRule Require(Action a) { return {Kind::kAction, a}; }
  static AccessRule LoopbackOr(Action a) { return {Kind::kLoopbackOrAction, a}; }
};

struct Route {
  std::string method;   ///< "GET", "POST", …
  std::string pattern;  ///< "/api/v1/projects/{code}"
  AccessRule access;
  std::function<Response(Request&)> handler;
};

class Router {
 public:
  void Add(std::string method, std::string pattern, AccessRule access, std::function<Response(Request&)> handler);

  struct Match {
    const Route* route = nullptr;     ///< the matching route, or null
    bool method_not_allowed = false;  ///< a pattern matched but with another method
  };
  /// The route for `request` (filling request.path_params when found). HEAD matches GET.
  Match Find(Request& request) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace xj::http
