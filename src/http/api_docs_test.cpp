// The contract embedded in the binary names exactly the routes the binary has: a route without
// its operation in docs/openapi.yaml (or an operation without its route) fails here, before any
// API test runs.
#include "http/api_docs.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "app/app_test_support.hpp"
#include "http/api.hpp"

namespace xj::http {
namespace http_api_docs_test {

/// "GET /api/v1/regions" for every operation of the document: paths are the two-space keys of
/// `paths:`, their methods the four-space keys below them.
std::set<std::string> DocumentedOperations(std::string_view yaml) {
  std::set<std::string> out;
  std::istringstream in{std::string(yaml)};
  const std::regex path_line(R"(^  (/[^\s:]*):\s*$)");
  const std::regex method_line(R"(^    (get|put|post|delete|patch):\s*$)");
  bool in_paths = false;
  std::string path;
  std::smatch m;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != ' ') in_paths = line.starts_with("paths:");
    if (!in_paths) continue;
    if (std::regex_match(line, m, path_line)) {
      path = m[1];
    } else if (!path.empty() && std::regex_match(line, m, method_line)) {
      std::string method = m[1];
      for (char& c : method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      out.insert(method + " " + path);
    }
  }
  return out;
}

TEST(ApiDocs, TheEmbeddedContractIsDocsOpenapiYaml) {
  std::ifstream file(std::string(XJ_SOURCE_DIR) + "/docs/openapi.yaml", std::ios::binary);
  ASSERT_TRUE(file) << "docs/openapi.yaml";
  std::ostringstream text;
  text << file.rdbuf();
  EXPECT_EQ(EmbeddedOpenApiYaml(), text.str()) << "rebuild: the binary embeds an older docs/openapi.yaml";
}

TEST(ApiDocs, EveryRouteIsDocumentedAndEveryOperationIsARoute) {
  testing::TestApp t;
  Router router;
  RegisterRoutes(router, *t.app);
  std::set<std::string> routes;
  for (const Route& r : router.routes()) routes.insert(r.method + " " + r.pattern);
  const std::set<std::string> documented = DocumentedOperations(EmbeddedOpenApiYaml());
  ASSERT_GT(documented.size(), 50u);
  for (const std::string& r : routes) EXPECT_TRUE(documented.contains(r)) << r << " is not in docs/openapi.yaml";
  for (const std::string& d : documented) EXPECT_TRUE(routes.contains(d)) << d << " is documented but not routed";
}

TEST(ApiDocs, ThePageAndTheContractAreServed) {
  Router router;
  RegisterDocsRoutes(router);
  Request page;
  page.method = "GET";
  page.path = "/api/docs";
  const Router::Match m = router.Find(page);
  ASSERT_NE(m.route, nullptr);
  const Response html = m.route->handler(page);
  EXPECT_EQ(html.status, 200);
  EXPECT_TRUE(html.content_type.starts_with("text/html"));
  // Served from this server only: no CDN.
  EXPECT_NE(html.body.find("/api-docs/swagger-ui-bundle.js"), std::string::npos);
  EXPECT_EQ(html.body.find("http"), std::string::npos) << "the page loads nothing from elsewhere";
  Request yaml = page;
  yaml.path = "/api/docs/openapi.yaml";
  const Response spec = router.Find(yaml).route->handler(yaml);
  EXPECT_TRUE(spec.body.starts_with("openapi: 3.1"));
}

}  // namespace http_api_docs_test
}  // namespace xj::http
