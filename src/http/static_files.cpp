#include "http/static_files.hpp"

#include <array>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <utility>

#include "http/compression.hpp"
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

namespace {

/// A strong validator of the bytes sent: FNV-1a over them (a compressed copy has its own).
std::string ETagOf(std::string_view body) {
  std::uint64_t h = 14695981039346656037ULL;
  for (const char c : body) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  // One snprintf: GCC 12 warns falsely (-Wrestrict) on a chain of string additions here.
  char text[48];
  std::snprintf(text, sizeof text, "\"%016llx-%zu\"", static_cast<unsigned long long>(h), body.size());
  return text;
}

/// Whether an If-None-Match value names `etag` (weak comparison, as RFC 9110 asks for GET).
bool Matches(std::string_view if_none_match, const std::string& etag) {
  while (!if_none_match.empty()) {
    const std::size_t comma = if_none_match.find(',');
    std::string_view tag = if_none_match.substr(0, comma);
    if_none_match.remove_prefix(comma == std::string_view::npos ? if_none_match.size() : comma + 1);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    if (tag == "*" || tag == etag) return true;
  }
  return false;
}

}  // namespace

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
  const std::string etag = ETagOf(*body);
  r.headers.emplace_back("ETag", etag);
  if (Matches(request.Header("if-none-match"), etag)) {
    r.status = 304;
    return r;
  }
  r.body = std::move(*body);
  return r;
}

}  // namespace xj::http
