// Entity tags for conditional GETs (RFC 9110 §8.8.3, §13.1.2): one validator of a body and one
// If-None-Match test, shared by the static files and the API reads that answer 304.
#pragma once

#include <string>
#include <string_view>

namespace xj::http {

/// "<FNV-1a of body, 16 hex>-<size>" in quotes; `weak` prefixes W/ (a validator of the JSON before
/// any content coding, where the bytes sent may differ by coding).
std::string BodyETag(std::string_view body, bool weak);

/// Whether an If-None-Match value names `etag` or is "*" (weak comparison, as RFC 9110 asks for GET:
/// W/ is ignored on both sides).
bool ETagMatches(std::string_view if_none_match, std::string_view etag);

}  // namespace xj::http
