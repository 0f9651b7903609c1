#include "core/money.hpp"

#include <limits>
#include <ostream>

#include "core/text.hpp"

namespace xj {
namespace {

constexpr std::int64_t kFenPerYuan = 100;
constexpr std::int64_t kFenPerWan = 1'000'000;
constexpr int kYuanDecimals = 2;
constexpr int kWanDecimals = 6;

bool ConsumeSuffix(std::string_view& s, std::string_view suffix) {
  if (s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix) {
    s.remove_suffix(suffix.size());
    return true;
  }
  return false;
}

bool ConsumePrefix(std::string_view& s, std::string_view prefix) {
  if (s.substr(0, prefix.size()) == prefix) {
    s.remove_prefix(prefix.size());
    return true;
  }
  return false;
}

Status Bad(std::string_view text, std::string_view why) {
  return Status::InvalidArgument("金额「" + std::string(text) + "」无效：" + std::string(why));
}

/// Beyond 64 bits of fen: named so readers report `value_out_of_range`, not a format error.
Status TooBig(std::string_view text) {
  return Bad(text, "数值过大").WithReason("value_out_of_range");
}

}  // namespace

Result<Fen> ParseYuan(std::string_view text, MoneyUnit unit) {
  std::string_view s = TrimSpaceTab(text);
  if (ConsumeSuffix(s, "万元")) {
    unit = MoneyUnit::kWanYuan;
  } else if (ConsumeSuffix(s, "元")) {
    unit = MoneyUnit::kYuan;
  }
  s = TrimSpaceTab(s);
  bool negative = false;
  if (ConsumePrefix(s, "-"))
    negative = true;
  else
    ConsumePrefix(s, "+");
  if (!ConsumePrefix(s, "¥")) ConsumePrefix(s, "￥");
  if (s.empty()) return Bad(text, "为空");

  const std::size_t dot = s.find('.');
  std::string_view int_part = s.substr(0, dot);
  std::string_view frac_part = dot == std::string_view::npos ? std::string_view{} : s.substr(dot + 1);
  if (int_part.empty()) return Bad(text, "缺少整数部分");
  if (dot != std::string_view::npos && frac_part.empty()) return Bad(text, "小数点后无数字");

  // Integer digits, with optional thousands separators in groups of three.
  std::string digits;
  const bool grouped = int_part.find(',') != std::string_view::npos;
  int since_sep = 0;
  bool seen_sep = false;
  for (std::size_t i = 0; i < int_part.size(); ++i) {
    const char c = int_part[i];
    if (c == ',') {
      if (i == 0 || (seen_sep && since_sep != 3) || (!seen_sep && since_sep > 3))
        return Bad(text, "千分位分隔符位置错误");
      seen_sep = true;
      since_sep = 0;
      continue;
    }
    if (c < '0' || c > '9') return Bad(text, "含有非数字字符");
    digits.push_back(c);
    ++since_sep;
  }
  if (grouped && since_sep != 3) return Bad(text, "千分位分隔符位置错误");

  const int max_decimals = unit == MoneyUnit::kWanYuan ? kWanDecimals : kYuanDecimals;
  if (static_cast<int>(frac_part.size()) > max_decimals) {
    // Trailing zeros beyond the precision are harmless ("1.500").
    std::string_view extra = frac_part.substr(max_decimals);
    if (extra.find_first_not_of('0') != std::string_view::npos) return Bad(text, "小数位数超过精度（分）");
    frac_part = frac_part.substr(0, max_decimals);
  }
  for (char c : frac_part) {
    if (c < '0' || c > '9') return Bad(text, "含有非数字字符");
  }

  const std::int64_t scale = unit == MoneyUnit::kWanYuan ? kFenPerWan : kFenPerYuan;
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  std::int64_t whole = 0;
  for (char c : digits) {
    if (whole > (kMax - (c - '0')) / 10) return TooBig(text);
    whole = whole * 10 + (c - '0');
  }
  if (whole > kMax / scale) return TooBig(text);
  std::int64_t fen = whole * scale;
  std::int64_t frac_scale = scale;
  for (char c : frac_part) {
    frac_scale /= 10;
    const std::int64_t add = (c - '0') * frac_scale;
    if (fen > kMax - add) return TooBig(text);  // checked before adding: overflow is UB
    fen += add;
  }
  return Fen(negative ? -fen : fen);
}

std::string Int128ToString(Int128 v) {
  // Work in unsigned to format the most negative value safely.
  __extension__ typedef unsigned __int128 Uint128;
  Uint128 abs = v < 0 ? Uint128(0) - static_cast<Uint128>(v) : static_cast<Uint128>(v);
  std::string digits;
  do {
    digits.push_back(static_cast<char>('0' + static_cast<int>(abs % 10)));
    abs /= 10;
  } while (abs != 0);
  if (v < 0) digits.push_back('-');
  return {digits.rbegin(), digits.rend()};
}

std::ostream& operator<<(std::ostream& os, FenTotal t) {
  return os << Int128ToString(t.value());
}

namespace {
std::string Format(Int128 v, bool grouped) {
  const Int128 abs_yuan = (v < 0 ? -(v / kFenPerYuan) : v / kFenPerYuan);
  const std::string digits = Int128ToString(abs_yuan);
  std::string whole;
  whole.reserve(digits.size() + digits.size() / 3);
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (grouped && i > 0 && (digits.size() - i) % 3 == 0) whole.push_back(',');
    whole.push_back(digits[i]);
  }
  const auto frac = static_cast<int>(v < 0 ? -(v % kFenPerYuan) : v % kFenPerYuan);
  std::string out = v < 0 ? "-" : "";
  out += whole;
  out += '.';
  out += static_cast<char>('0' + frac / 10);
  out += static_cast<char>('0' + frac % 10);
  return out;
}

Int128 RoundToWanHundredths(Int128 v) {
  // 1 万元 = 1,000,000 fen; two decimals = units of 10,000 fen, half away from zero.
  constexpr std::int64_t kUnit = kFenPerWan / 100;
  return v >= 0 ? (v + kUnit / 2) / kUnit : -((-v + kUnit / 2) / kUnit);
}
}  // namespace

std::string FormatYuan(Fen amount) {
  return Format(amount.value(), true);
}
std::string FormatYuanPlain(Fen amount) {
  return Format(amount.value(), false);
}
std::string FormatWanYuan(Fen amount) {
  return Format(RoundToWanHundredths(amount.value()), false);
}
std::string FormatYuan(FenTotal amount) {
  return Format(amount.value(), true);
}
std::string FormatYuanPlain(FenTotal amount) {
  return Format(amount.value(), false);
}
std::string FormatWanYuan(FenTotal amount) {
  return Format(RoundToWanHundredths(amount.value()), false);
}

}  // namespace xj
