#pragma once
/// Serves the built web app (web/dist) with content types and caching headers, the build's brotli
/// or gzip copy to a client that accepts it, and an ETag (304 on If-None-Match); unknown paths
/// without an extension fall back to index.html (history-mode routes).

#include <optional>
#include <string>

#include "http/http_types.hpp"

namespace xj::http {

class StaticFiles {
 public:
  /// `root` may not exist yet; requests then get 404 with a hint to build the web app.
  explicit StaticFiles(std::string root) : root_(std::move(root)) {}
  /// A response for GET/HEAD of `request.path`; never escapes the root.
  Response Serve(const Request& request) const;

 private:
  std::optional<std::string> Read(const std::string& relative) const;
  std::string root_;
};

/// Content type for a file name by extension.
std::string ContentTypeFor(const std::string& name);

}  // namespace xj::http
