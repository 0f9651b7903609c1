#pragma once
/// UTC timestamps as fixed-width ISO 8601 text ("2024-03-01T08:00:00.000Z"), which sorts as it reads.

#include <chrono>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/status.hpp"

namespace xj {

/// `t` as "YYYY-MM-DDTHH:MM:SS.mmmZ" (UTC, milliseconds truncated).
std::string FormatTimestamp(std::chrono::system_clock::time_point t);

/// `t` in Beijing time (UTC+8, no daylight saving) as "YYYY-MM-DD HH:MM:SS": how times are
/// written into generated files (exports, error workbooks).
std::string FormatBeijingTime(std::chrono::system_clock::time_point t);
/// The calendar date in Beijing (UTC+8) at `t`: "today" for every rule of the server
/// (docs/definitions.md §5) — from 16:00 UTC on it is the next day.
Date BeijingDate(std::chrono::system_clock::time_point t);
/// "2026-11-28 16:30（北京时间）": the generation time in a generated file's footer.
std::string GeneratedAtText(std::chrono::system_clock::time_point t);
/// A FormatTimestamp text (UTC, as stored) in Beijing time, "YYYY-MM-DD HH:MM:SS"; an empty text
/// stays empty, and a text that is not a timestamp is returned unchanged.
std::string BeijingTimeOf(std::string_view utc_timestamp);

/// Which end of a range a bound is for: a bare date means its first instant as a lower
/// bound and the first instant of the next day as an (exclusive) upper bound.
enum class BoundKind { kFrom, kTo };

/// Normalises a query bound to the FormatTimestamp form. Accepts "YYYY-MM-DD",
/// "YYYY-MM-DDTHH:MM:SSZ" and "YYYY-MM-DDTHH:MM:SS.mmmZ". InvalidArgument otherwise.
Result<std::string> ParseTimestampBound(std::string_view text, BoundKind kind);

}  // namespace xj
