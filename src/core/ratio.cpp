#include "core/ratio.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "core/int128.hpp"

namespace xj {
namespace {

constexpr std::int64_t kHundredthsPerUnit = 10'000;  // 1.0 = 100.00% = 10,000 hundredths

bool FitsInt64(Int128 v) {
  return v >= static_cast<Int128>(INT64_MIN) && v <= static_cast<Int128>(INT64_MAX);
}

/// round(n / d) half away from zero, d > 0.
std::int64_t DivRound(Int128 n, Int128 d) {
  if (d < 0) {
    n = -n;
    d = -d;
  }
  const Int128 q = (n >= 0 ? (2 * n + d) : (2 * n - d)) / (2 * d);
  return static_cast<std::int64_t>(q);
}

}  // namespace

std::optional<std::int64_t> PercentHundredths(Ratio r) {
  if (!r.defined()) return std::nullopt;
  return DivRound(static_cast<Int128>(r.num) * kHundredthsPerUnit, r.den);
}

std::optional<std::int64_t> PointsDifferenceHundredths(Ratio a, Ratio b) {
  if (!a.defined() || !b.defined()) return std::nullopt;
  const Int128 num = static_cast<Int128>(a.num) * b.den - static_cast<Int128>(b.num) * a.den;
  const Int128 den = static_cast<Int128>(a.den) * b.den;
  return DivRound(num * kHundredthsPerUnit, den);
}

int CompareRatios(Ratio a, Ratio b) {
  Int128 l = static_cast<Int128>(a.num) * b.den;
  Int128 r = static_cast<Int128>(b.num) * a.den;
  if ((a.den < 0) != (b.den < 0)) {
    l = -l;
    r = -r;
  }
  return l < r ? -1 : (l > r ? 1 : 0);
}

std::string FormatHundredths(std::int64_t h) {
  char buf[32];
  const std::int64_t a = h < 0 ? -h : h;
  std::snprintf(buf, sizeof buf, "%s%lld.%02lld", h < 0 ? "-" : "", static_cast<long long>(a / 100),
                static_cast<long long>(a % 100));
  return buf;
}

double HundredthsToDouble(std::int64_t h) {
  return std::strtod(FormatHundredths(h).c_str(), nullptr);
}

Ratio RatioOf(Int128 num, Int128 den) {
  const bool den_zero = den == 0;
  while (!FitsInt64(num) || !FitsInt64(den)) {
    num >>= 1;  // arithmetic: both move toward −∞ alike
    den >>= 1;
  }
  if (den == 0 && !den_zero) den = 1;
  return {static_cast<std::int64_t>(num), static_cast<std::int64_t>(den)};
}

}  // namespace xj
