#include "http/static_files.hpp"

#include <array>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <utility>

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

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

/// Calls `each` with every comma-separated element of a header value, trimmed.
template <typename F>
void ForEachElement(std::string_view value, F each) {
  while (!value.empty()) {
    const std::size_t comma = value.find(',');
    each(Trim(value.substr(0, comma)));
    if (comma == std::string_view::npos) break;
    value.remove_prefix(comma + 1);
  }
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

/// Whether an Accept-Encoding value admits `coding` by name (or `*`), without a q of 0.
bool Accepts(std::string_view accept_encoding, std::string_view coding) {
  bool accepted = false;
  ForEachElement(accept_encoding, [&](std::string_view element) {
    const std::size_t semi = element.find(';');
    const std::string_view name = Trim(element.substr(0, semi));
    if (!EqualsIgnoreCase(name, coding) && name != "*") return;
    bool zero = false;
    if (semi != std::string_view::npos) {
      std::string_view params = Trim(element.substr(semi + 1));
      if (params.starts_with("q=") || params.starts_with("Q=")) {
        const std::string_view q = Trim(params.substr(2));
        zero = !q.empty() && q.find_first_not_of("0.") == std::string_view::npos;
      }
    }
    // A named coding decides over `*`.
    if (EqualsIgnoreCase(name, coding)) {
      accepted = !zero;
    } else if (!zero) {
      accepted = true;
    }
  });
  return accepted;
}

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
  bool match = false;
  ForEachElement(if_none_match, [&](std::string_view tag) {
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    if (tag == "*" || tag == etag) match = true;
  });
  return match;
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
    if (!Accepts(accept, coding)) continue;
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
