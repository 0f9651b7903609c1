#include "core/date.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

namespace xj {
namespace {

struct Ymd {
  int y, m, d;
};

// Days from civil and back: H. Hinnant's public-domain algorithms.
std::int32_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Ymd CivilFromDays(std::int32_t z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = yoe + era * 400;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp + (mp < 10 ? 3 : -9);
  return {y + (m <= 2 ? 1 : 0), m, d};
}

}  // namespace

bool Date::IsLeapYear(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int Date::DaysInMonth(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && IsLeapYear(year)) return 29;
  return kDays[static_cast<std::size_t>(month - 1)];
}

bool Date::IsValidYmd(int year, int month, int day) {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= DaysInMonth(year, month);
}

Date Date::FromYmd(int year, int month, int day) {
  return FromDays(DaysFromCivil(year, month, day));
}

Result<Date> Date::Parse(std::string_view text) {
  auto bad = [&] { return Status::InvalidArgument("日期「" + std::string(text) + "」无效，应为 YYYY-MM-DD"); };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return bad();
  int parts[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8};
  const std::size_t lens[3] = {4, 2, 2};
  for (int i = 0; i < 3; ++i) {
    for (std::size_t k = 0; k < lens[i]; ++k) {
      const char c = text[starts[i] + k];
      if (c < '0' || c > '9') return bad();
      parts[i] = parts[i] * 10 + (c - '0');
    }
  }
  if (!IsValidYmd(parts[0], parts[1], parts[2])) return bad();
  return FromYmd(parts[0], parts[1], parts[2]);
}

int Date::year() const {
  return CivilFromDays(days_).y;
}
int Date::month() const {
  return CivilFromDays(days_).m;
}
int Date::day() const {
  return CivilFromDays(days_).d;
}

int Date::day_of_year() const {
  return days_ - DaysFromCivil(year(), 1, 1) + 1;
}

Date Date::SameDayInYear(int target_year) const {
  const Ymd c = CivilFromDays(days_);
  const int day = (c.m == 2 && c.d == 29 && !IsLeapYear(target_year)) ? 28 : c.d;
  return FromYmd(target_year, c.m, day);
}

Date Date::AddMonths(int n) const {
  const Ymd c = CivilFromDays(days_);
  const int months = c.y * 12 + (c.m - 1) + n;
  const int y = months / 12, m = months % 12 + 1;
  return FromYmd(y, m, std::min(c.d, DaysInMonth(y, m)));
}

std::string Date::ToString() const {
  const Ymd c = CivilFromDays(days_);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.y, c.m, c.d);
  return buf;
}

}  // namespace xj
