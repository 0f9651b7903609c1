#include "http/static_files.hpp"

#include <array>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <utility>

#include "http/compression.hpp"
#include "http/etag.hpp"
#include "http/json_response.hpp"

namespace xj::http {

std::string ContentTypeFor(const std::string& name) {
  static const std::array<std::pair<std::string_view, std::string_view>, 12> kTypes = {{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".ttf", "font/ttf"},
      {".txt", "text/plain; charset=utf-8"},
  }};
  for (const auto& [ext, type] : kTypes) {
    if (name.size() >= ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0) {
      return std::string(type);
    }
  }
  return "application/octet-stream";
}

std::optional<std::string> StaticFiles::Read(const std::string& relative) const {
  std::ifstream in(root_ + "/" + relative, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Response StaticFiles::Serve(const Request& request) const {
  std::string rel = request.path.substr(1);
  // Refuse anything that could leave the root.
  if (rel.find("..") != std::string::npos || rel.find('\\') != std::string::npos ||
      rel.find('\0') != std::string::npos) {
    return ErrorResponse(404, "not_found", "文件不存在");
  }
  if (rel.empty()) rel = "index.html";
  const std::size_t slash = rel.rfind('/');
  const bool has_ext = rel.find('.', slash == std::string::npos ? 0 : slash) != std::string::npos;
  std::optional<std::string> body = Read(rel);
  if (!body && !has_ext) {
    rel = "index.html";
    body = Read(rel);
  }
  if (!body) {
    return rel == "index.html" ? ErrorResponse(404, "not_found", "前端尚未构建：请运行 ./run.sh")
                               : ErrorResponse(404, "not_found", "文件不存在");
  }
  Response r;
  r.content_type = ContentTypeFor(rel);
  // The web build writes NAME.br and NAME.gz beside each compressible file (web/scripts/compress.mjs):
  // sent to a client that accepts them, brotli first.
  bool compressed_copies = false;
  const std::string_view accept = request.Header("accept-encoding");
  for (const auto& [coding, suffix] : {std::pair{"br", ".br"}, std::pair{"gzip", ".gz"}}) {
    std::optional<std::string> copy = Read(rel + suffix);
    if (!copy) continue;
    compressed_copies = true;
    if (!AcceptsEncoding(accept, coding)) continue;
    body = std::move(copy);
    r.headers.emplace_back("Content-Encoding", coding);
    break;
  }
  if (compressed_copies) r.headers.emplace_back("Vary", "Accept-Encoding");
  // Vite names assets by content hash: cache them for good, revalidate the entry page (a 304 when
  // it did not change).
  if (rel.starts_with("assets/")) {
    r.headers.emplace_back("Cache-Control", "public, max-age=31536000, immutable");
  } else {
    r.headers.emplace_back("Cache-Control", "no-cache");
  }
  // A strong validator of the bytes sent (a compressed copy has its own).
  const std::string etag = BodyETag(*body, false);
  r.headers.emplace_back("ETag", etag);
  if (ETagMatches(request.Header("if-none-match"), etag)) {
    r.status = 304;
    return r;
  }
  r.body = std::move(*body);
  return r;
}

}  // namespace xj::http
