#include "http/etag.hpp"

#include <cstdint>
#include <cstdio>

namespace xj::http {

std::string BodyETag(std::string_view body, bool weak) {
  std::uint64_t h = 14695981039346656037ULL;
  for (const char c : body) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  // One snprintf: GCC 12 warns falsely (-Wrestrict) on a chain of string additions here.
  char text[56];
  std::snprintf(text, sizeof text, "%s\"%016llx-%zu\"", weak ? "W/" : "", static_cast<unsigned long long>(h),
                body.size());
  return text;
}

bool ETagMatches(std::string_view if_none_match, std::string_view etag) {
  if (etag.starts_with("W/")) etag.remove_prefix(2);
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

}  // namespace xj::http
