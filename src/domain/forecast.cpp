// 年末支出进度预测 (docs/definitions.md §21): exact rational arithmetic, rounded once at the edge.
#include "domain/forecast.hpp"

#include <algorithm>

#include <boost/multiprecision/cpp_int.hpp>

namespace xj {
namespace {

using Rational = boost::multiprecision::cpp_rational;
using BigInt = boost::multiprecision::cpp_int;

/// REQUIRES: r.defined().
Rational ForecastRational(Ratio r) {
  return Rational(BigInt(r.num), BigInt(r.den));
}

/// Held to [0, 1] (0% to 100%).
Rational ForecastClamp(const Rational& x) {
  if (x < 0) return Rational(0);
  if (x > 1) return Rational(1);
  return x;
}

/// x (in [0, 1]) in hundredths of a percentage point, rounded half away from zero.
std::int64_t ForecastHundredths(const Rational& x) {
  const BigInt num = boost::multiprecision::numerator(x) * 20000 + boost::multiprecision::denominator(x);
  const BigInt den = boost::multiprecision::denominator(x) * 2;
  return static_cast<std::int64_t>(num / den);  // x ≥ 0: floor(x × 10000 + ½)
}

}  // namespace

std::int64_t YearEndTargetBp(std::int64_t behind_bp) {
  constexpr std::int64_t kWholeBp = 10000;  // 100% in basis points
  return std::max<std::int64_t>(0, kWholeBp - behind_bp);
}

bool IsForecastBasis(const ForecastYear& y) {
  return y.progress_then.defined() && y.year_end.defined() && ForecastRational(y.progress_then) > 0;
}

const char* ForecastStatusName(ForecastStatus s) {
  switch (s) {
    case ForecastStatus::kForecast: return "forecast";
    case ForecastStatus::kActual: return "actual";
    case ForecastStatus::kNoAllocation: return "no_allocation";
    case ForecastStatus::kNoHistory: return "no_history";
  }
  return "no_history";
}

YearEndForecast ForecastYearEnd(const ForecastInput& in) {
  YearEndForecast out;
  out.progress_now = PercentHundredths(in.progress_now);
  const Rational target(BigInt(in.target_bp), BigInt(10000));
  auto finish = [&](const Rational& forecast, const Rational& low, const Rational& high) {
    out.forecast = ForecastHundredths(forecast);
    out.low = ForecastHundredths(low);
    out.high = ForecastHundredths(high);
    out.will_miss = forecast < target;
  };
  if (in.actual_end) {
    out.status = ForecastStatus::kActual;
    if (!in.actual_end->defined()) {
      out.status = ForecastStatus::kNoAllocation;
      return out;
    }
    const Rational end = ForecastClamp(ForecastRational(*in.actual_end));
    finish(end, end, end);
    return out;
  }
  if (!in.progress_now.defined()) {
    out.status = ForecastStatus::kNoAllocation;
    return out;
  }
  std::vector<Rational> ratios;
  for (const ForecastYear& y : in.basis) {
    if (IsForecastBasis(y)) ratios.push_back(ForecastRational(y.year_end) / ForecastRational(y.progress_then));
  }
  if (ratios.empty()) {
    out.status = ForecastStatus::kNoHistory;
    return out;
  }
  std::sort(ratios.begin(), ratios.end());
  const std::size_t n = ratios.size();
  const Rational median = n % 2 == 1 ? ratios[n / 2] : (ratios[n / 2 - 1] + ratios[n / 2]) / 2;
  const Rational now = ForecastRational(in.progress_now);
  out.status = ForecastStatus::kForecast;
  finish(ForecastClamp(now * median), ForecastClamp(now * ratios.front()), ForecastClamp(now * ratios.back()));
  return out;
}

}  // namespace xj
