#pragma once
/// UTC timestamps as fixed-width ISO 8601 text ("2024-03-01T08:00:00.000Z"), which sorts as it reads.

#include <chrono>
#include <string>
#include <string_view>

#include "core/status.hpp"

namespace xj {

/// `t` as "YYYY-MM-DDTHH:MM:SS.mmmZ" (UTC, milliseconds truncated).
std::string FormatTimestamp(std::chrono::system_clock::time_point t);

/// Which end of a range a bound is for: a bare date means its first instant as a lower
/// bound and the first instant of the next day as an (exclusive) upper bound.
enum class BoundKind { kFrom, kTo };

/// Normalises a query bound to the FormatTimestamp form. Accepts "YYYY-MM-DD",
/// "YYYY-MM-DDTHH:MM:SSZ" and "YYYY-MM-DDTHH:MM:SS.mmmZ". InvalidArgument otherwise.
Result<std::string> ParseTimestampBound(std::string_view text, BoundKind kind);

}  // namespace xj
