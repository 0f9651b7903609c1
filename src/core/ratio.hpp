#pragma once
/// Exact fractions for percentages: computed as integers, rounded only at the edge.

#include <cstdint>
#include <optional>
#include <string>

#include "core/int128.hpp"

namespace xj {

/// num ÷ den held exactly. A zero denominator means "undefined" (shown as null).
struct Ratio {
  std::int64_t num = 0;
  std::int64_t den = 0;
  bool defined() const { return den != 0; }
};

/// The ratio of two 128-bit totals. Exact whenever both fit 64 bits (every total below
/// 2⁶³ fen ≈ 9.2 × 10¹⁶ 元); beyond that both are shifted right by the same number of bits
/// until they fit, a relative error below 2⁻⁶¹ — never a wrapped figure. A non-zero
/// denominator stays non-zero.
Ratio RatioOf(Int128 num, Int128 den);

/// The ratio as a percentage in hundredths of a point, rounded half away from zero:
/// 3890/3900 → 9974 (99.74%). nullopt when the ratio is undefined.
std::optional<std::int64_t> PercentHundredths(Ratio r);

/// (a − b) in percentage points, hundredths, computed exactly then rounded half away
/// from zero. nullopt when either side is undefined.
std::optional<std::int64_t> PointsDifferenceHundredths(Ratio a, Ratio b);

/// Three-way exact comparison of two defined ratios with positive denominators.
int CompareRatios(Ratio a, Ratio b);

/// 9974 → "99.74", -5 → "-0.05".
std::string FormatHundredths(std::int64_t hundredths);

/// 9974 → 99.74 for JSON numbers (the shortest decimal that round-trips is printed).
double HundredthsToDouble(std::int64_t hundredths);

}  // namespace xj
