#pragma once
/// Money as an exact integer count of fen (分). Never a floating type.

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.hpp"

namespace xj {

/// An amount of money in fen (1 yuan = 100 fen). Signed: reversals are negative deltas.
class Fen {
 public:
  constexpr Fen() = default;
  constexpr explicit Fen(std::int64_t fen) : fen_(fen) {}
  static constexpr Fen FromYuan(std::int64_t yuan) { return Fen(yuan * 100); }
  constexpr std::int64_t value() const { return fen_; }
  constexpr Fen operator+(Fen o) const { return Fen(fen_ + o.fen_); }
  constexpr Fen operator-(Fen o) const { return Fen(fen_ - o.fen_); }
  constexpr Fen operator-() const { return Fen(-fen_); }
  constexpr Fen& operator+=(Fen o) {
    fen_ += o.fen_;
    return *this;
  }
  constexpr Fen& operator-=(Fen o) {
    fen_ -= o.fen_;
    return *this;
  }
  constexpr auto operator<=>(const Fen&) const = default;

 private:
  std::int64_t fen_ = 0;
};

/// The unit a money column is written in.
enum class MoneyUnit : int { kYuan = 0, kWanYuan = 1 };

/// Parses a yuan amount exactly: optional sign, optional ¥/￥, thousands separators
/// in groups of three, up to 2 decimals (up to 6 when the unit is 万元), an optional
/// trailing "元" or "万元" that overrides `unit`. Fails with InvalidArgument on
/// anything else, on more decimals than a fen can hold, and on overflow.
Result<Fen> ParseYuan(std::string_view text, MoneyUnit unit = MoneyUnit::kYuan);

/// "1,234.56" (always two decimals, minus sign in front).
std::string FormatYuan(Fen amount);
/// "1234.56" — plain, for CSV and JSON-adjacent output.
std::string FormatYuanPlain(Fen amount);
/// 万元 with two decimals, rounded half away from zero: 1,234,567.89 yuan → "123.46".
std::string FormatWanYuan(Fen amount);

}  // namespace xj
