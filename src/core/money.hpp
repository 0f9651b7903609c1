#pragma once
/// Money as an exact integer count of fen (分). Never a floating type.

#include <compare>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>

#include "core/int128.hpp"
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

/// A total of many amounts in fen (Σ of Fen), held in 128 bits: a sum of up to 2⁶³ stored
/// amounts of up to 2⁶³ fen each cannot wrap, so no figure summed over a region subtree, a
/// project or the whole ledger can (docs/definitions.md, 金额合计). One amount is a Fen; a
/// figure that adds amounts is a FenTotal.
class FenTotal {
 public:
  constexpr FenTotal() = default;
  constexpr FenTotal(Fen f) : v_(f.value()) {}  // NOLINT: widening is always exact
  constexpr explicit FenTotal(Int128 v) : v_(v) {}
  constexpr Int128 value() const { return v_; }
  /// Whether the total fits one Fen (|v| < 2⁶³).
  constexpr bool fits_fen() const { return v_ >= kMin && v_ <= kMax; }
  friend constexpr FenTotal operator+(FenTotal a, FenTotal b) { return FenTotal(a.v_ + b.v_); }
  friend constexpr FenTotal operator-(FenTotal a, FenTotal b) { return FenTotal(a.v_ - b.v_); }
  constexpr FenTotal operator-() const { return FenTotal(-v_); }
  constexpr FenTotal& operator+=(FenTotal o) {
    v_ += o.v_;
    return *this;
  }
  constexpr FenTotal& operator-=(FenTotal o) {
    v_ -= o.v_;
    return *this;
  }
  friend constexpr bool operator==(FenTotal a, FenTotal b) { return a.v_ == b.v_; }
  /// The digits in fen (what tests print).
  friend std::ostream& operator<<(std::ostream& os, FenTotal t);
  friend constexpr auto operator<=>(FenTotal a, FenTotal b) {
    return a.v_ < b.v_ ? std::strong_ordering::less
                       : (a.v_ > b.v_ ? std::strong_ordering::greater : std::strong_ordering::equal);
  }

 private:
  static constexpr Int128 kMin = static_cast<Int128>(INT64_MIN);
  static constexpr Int128 kMax = static_cast<Int128>(INT64_MAX);
  Int128 v_ = 0;
};

/// One figure of one project stored where a single amount goes (a flag's amount): the total
/// itself, held at ±(2⁶³ − 1) fen beyond that — only reachable with millions of maximal
/// amounts on one project, and never wrapped to a plausible figure.
constexpr Fen ClampToFen(FenTotal t) {
  if (t.fits_fen()) return Fen(static_cast<std::int64_t>(t.value()));
  return Fen(t.value() > 0 ? INT64_MAX : -INT64_MAX);
}

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
/// The same for totals (exact at any size).
std::string FormatYuan(FenTotal amount);
std::string FormatYuanPlain(FenTotal amount);
std::string FormatWanYuan(FenTotal amount);
/// Decimal digits of a 128-bit integer ("-170141183460469231731687303715884105728" … ).
std::string Int128ToString(Int128 v);

}  // namespace xj
