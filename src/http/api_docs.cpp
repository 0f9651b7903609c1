#include "http/api_docs.hpp"

namespace xj::http {
namespace {

// The page only loads the bundled Swagger UI and its start-up script (web/public/api-docs/init.js):
// the Content-Security-Policy allows no inline script.
constexpr std::string_view kDocsPage = R"(<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>衔接 xianjie API 文档</title>
<link rel="stylesheet" href="/api-docs/swagger-ui.css">
<link rel="stylesheet" href="/api-docs/docs.css">
</head>
<body>
<div id="swagger-ui"><p class="xj-docs-loading">正在加载 API 文档……（如长时间无内容，请先运行 ./run.sh 构建前端）</p></div>
<script src="/api-docs/swagger-ui-bundle.js"></script>
<script src="/api-docs/init.js"></script>
</body>
</html>
)";

}  // namespace

void RegisterDocsRoutes(Router& router) {
  router.Add("GET", "/api/docs", AccessRule::Public(), [](Request&) {
    Response r;
    r.content_type = "text/html; charset=utf-8";
    r.body = std::string(kDocsPage);
    r.headers.emplace_back("Cache-Control", "no-cache");
    return r;
  });
  router.Add("GET", "/api/docs/openapi.yaml", AccessRule::Public(), [](Request&) {
    Response r;
    r.content_type = "application/yaml; charset=utf-8";
    r.body = std::string(EmbeddedOpenApiYaml());
    r.headers.emplace_back("Cache-Control", "no-cache");
    return r;
  });
}

}  // namespace xj::http
