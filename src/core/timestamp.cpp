#include "core/timestamp.hpp"

#include <cstdio>

#include "core/date.hpp"

namespace xj {
namespace {

bool Digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

int Number(std::string_view s) {
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

}  // namespace

std::string FormatTimestamp(std::chrono::system_clock::time_point t) {
  using namespace std::chrono;
  const auto ms = duration_cast<milliseconds>(t.time_since_epoch()).count();
  const std::int64_t kMsPerDay = 86'400'000;
  std::int64_t days = ms / kMsPerDay;
  std::int64_t rest = ms % kMsPerDay;
  if (rest < 0) {
    rest += kMsPerDay;
    --days;
  }
  const Date d = Date::FromDays(static_cast<std::int32_t>(days));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d.%03dZ", d.ToString().c_str(), static_cast<int>(rest / 3'600'000),
                static_cast<int>(rest / 60'000 % 60), static_cast<int>(rest / 1000 % 60),
                static_cast<int>(rest % 1000));
  return buf;
}

std::string FormatBeijingTime(std::chrono::system_clock::time_point t) {
  const std::string utc8 = FormatTimestamp(t + std::chrono::hours(8));
  return utc8.substr(0, 10) + " " + utc8.substr(11, 8);
}

Date BeijingDate(std::chrono::system_clock::time_point t) {
  using namespace std::chrono;
  const auto days = floor<std::chrono::days>(t + hours(8)).time_since_epoch().count();
  return Date::FromDays(static_cast<std::int32_t>(days));
}

std::string GeneratedAtText(std::chrono::system_clock::time_point t) {
  return FormatBeijingTime(t).substr(0, 16) + "（北京时间）";
}

std::string BeijingTimeOf(std::string_view utc_timestamp) {
  const auto digits = [&](std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
      if (i >= utc_timestamp.size() || utc_timestamp[i] < '0' || utc_timestamp[i] > '9') return -1;
      v = v * 10 + (utc_timestamp[i] - '0');
    }
    return v;
  };
  if (utc_timestamp.size() < 19 || utc_timestamp[10] != 'T' || utc_timestamp.back() != 'Z') {
    return std::string(utc_timestamp);
  }
  auto date = Date::Parse(utc_timestamp.substr(0, 10));
  const int h = digits(11, 2), m = digits(14, 2), s = digits(17, 2);
  if (!date.ok() || h < 0 || m < 0 || s < 0) return std::string(utc_timestamp);
  using namespace std::chrono;
  const sys_seconds t{seconds{std::int64_t{date->days()} * 86'400 + h * 3600 + m * 60 + s}};
  return FormatBeijingTime(t);
}

Result<std::string> ParseTimestampBound(std::string_view text, BoundKind kind) {
  const Status bad = Status::InvalidArgument("时间格式应为 YYYY-MM-DD 或 YYYY-MM-DDTHH:MM:SSZ：" + std::string(text));
  auto date = Date::Parse(text.substr(0, 10));
  if (!date.ok()) return bad;
  if (text.size() == 10) {
    const Date d = kind == BoundKind::kFrom ? *date : date->AddDays(1);
    return d.ToString() + "T00:00:00.000Z";
  }
  // "YYYY-MM-DDTHH:MM:SS" then "Z" or ".mmmZ"
  if (text.size() != 20 && text.size() != 24) return bad;
  if (text[10] != 'T' || text[13] != ':' || text[16] != ':' || text.back() != 'Z') return bad;
  const std::string_view hh = text.substr(11, 2), mm = text.substr(14, 2), ss = text.substr(17, 2);
  if (!Digits(hh) || !Digits(mm) || !Digits(ss)) return bad;
  if (Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59) return bad;
  std::string millis = "000";
  if (text.size() == 24) {
    if (text[19] != '.' || !Digits(text.substr(20, 3))) return bad;
    millis = std::string(text.substr(20, 3));
  }
  return std::string(text.substr(0, 19)) + "." + millis + "Z";
}

}  // namespace xj
