// GET /api/v1/workbench: the caller's 工作台 — counts and the first items of what waits for them
// (app/workbench.hpp, docs/definitions.md §14). A thin handler: parse, one call, encode.
#include "http/api_workbench.hpp"

#include "app/workbench.hpp"
#include "http/handler_support.hpp"
#include "http/json_response.hpp"
#include "http/params.hpp"

namespace xj::http {

void RegisterWorkbenchRoutes(Router& router, App& app) {
  router.Add("GET", "/api/v1/workbench", AccessRule::Session(), [&app](Request& req) {
    // The day is Beijing's (the screens' day); `as_of` names another for a look back or a test.
    auto as_of = OptionalDate(req, "as_of");
    if (!as_of.ok()) return ErrorResponse(as_of.status());
    Date today;
    if (*as_of) {
      today = **as_of;
    } else {
      today = Today();
    }
    auto wb = BuildWorkbench(app, Caller(req), today);
    if (!wb.ok()) return ErrorResponse(wb.status());
    nlohmann::ordered_json sections = nlohmann::ordered_json::array();
    for (const WorkbenchSection& s : wb->sections) {
      nlohmann::ordered_json items = nlohmann::ordered_json::array();
      for (const WorkbenchItem& i : s.items) {
        items.push_back({{"key", i.key},
                         {"title", i.title},
                         {"detail", i.detail},
                         {"region_code", i.region_code},
                         {"date", i.date.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(i.date)},
                         {"link", i.link.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(i.link)}});
      }
      sections.push_back({{"kind", s.kind},
                          {"label", s.label},
                          {"count", s.count},
                          {"link", s.link.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s.link)},
                          {"items", std::move(items)}});
    }
    return OrderedJsonResponse({{"as_of", wb->as_of.ToString()},
                                {"landing", wb->landing},
                                {"total", wb->total},
                                {"sections", std::move(sections)}});
  });
}

}  // namespace xj::http
