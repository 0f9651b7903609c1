#pragma once
/// Rules for the names of accounts — users and service accounts share one namespace, since
/// both appear as the actor of the audit trail.

#include <cstddef>
#include <optional>
#include <string_view>

#include "core/status.hpp"

namespace xj {

/// Longest account name, in bytes.
inline constexpr std::size_t kMaxAccountNameBytes = 64;

/// Number of code points, or nullopt when `s` is not valid UTF-8.
std::optional<std::size_t> Utf8Length(std::string_view s);

/// Ok for 1–64 bytes of UTF-8 without control characters or surrounding spaces;
/// InvalidArgument saying what is wrong otherwise.
Status ValidateAccountName(std::string_view name);

}  // namespace xj
