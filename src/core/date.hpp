#pragma once
/// Calendar dates (proleptic Gregorian), no time zone: the ledger's "as-of" unit.

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.hpp"

namespace xj {

/// A civil date stored as days since 1970-01-01.
class Date {
 public:
  constexpr Date() = default;
  static constexpr Date FromDays(std::int32_t days) {
    Date d;
    d.days_ = days;
    return d;
  }
  /// REQUIRES: a valid calendar date (use IsValidYmd to check).
  static Date FromYmd(int year, int month, int day);
  /// Strict `YYYY-MM-DD`; rejects 2023-02-29, 2023-2-1, trailing text.
  static Result<Date> Parse(std::string_view text);
  static bool IsValidYmd(int year, int month, int day);
  static bool IsLeapYear(int year);
  static int DaysInYear(int year) { return IsLeapYear(year) ? 366 : 365; }
  static int DaysInMonth(int year, int month);

  constexpr std::int32_t days() const { return days_; }
  int year() const;
  int month() const;
  int day() const;
  /// 1 for January 1st.
  int day_of_year() const;
  /// The same month-day in `year`; 29 February maps to 28 February in a common year.
  Date SameDayInYear(int year) const;
  Date AddDays(int n) const { return FromDays(days_ + n); }
  /// The same day `n` months later (n ≥ 0); a day the target month lacks becomes its last
  /// day (2024-02-29 + 24 months = 2026-02-28, 2023-01-31 + 1 month = 2023-02-28).
  Date AddMonths(int n) const;
  std::string ToString() const;
  constexpr auto operator<=>(const Date&) const = default;

 private:
  std::int32_t days_ = 0;
};

}  // namespace xj
