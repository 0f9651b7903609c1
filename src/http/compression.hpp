#pragma once
/// Content coding of responses: which codings a client accepts, and gzip of dynamic responses
/// (JSON lists, CSV exports) for a county office on a slow link. Static files have their
/// compressed copies made at build time (static_files.hpp).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "http/http_types.hpp"

namespace xj::http {

/// Responses shorter than this are sent as they are: the gzip frame would eat the saving.
inline constexpr std::size_t kMinCompressBytes = 1024;

/// Whether an Accept-Encoding value admits `coding` by name (or `*`), without a q of 0; a named
/// coding decides over `*`.
bool AcceptsEncoding(std::string_view accept_encoding, std::string_view coding);

/// `data` as a gzip stream (RFC 1952) at zlib `level` (1–9); nullopt if zlib fails.
std::optional<std::string> Gzip(std::string_view data, int level = 6);

/// Gzips `res` in place when it is a 200 of a textual type (JSON, YAML, CSV, HTML, SVG) of at
/// least kMinCompressBytes, not already encoded, and the request accepts gzip; any such response
/// gets `Vary: Accept-Encoding`, compressed or not.
void CompressResponse(const Request& req, Response& res);

}  // namespace xj::http
