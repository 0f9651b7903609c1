#pragma once
/// National benchmarks (全国平均): the dated national average of a headline figure that the
/// wall chart compares a region's figure with (reference data entered by an administrator).

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/date.hpp"

namespace xj {

/// The figures a benchmark exists for. Persisted by name: never rename.
enum class BenchmarkIndicator : int {
  kStartRate = 1,       ///< 开工率
  kExpendProgress = 2,  ///< 支出进度
};
std::string_view BenchmarkIndicatorName(BenchmarkIndicator i);
std::string_view BenchmarkIndicatorLabel(BenchmarkIndicator i);
/// start_rate|expend_progress or 开工率|支出进度.
std::optional<BenchmarkIndicator> ParseBenchmarkIndicator(std::string_view text);

/// The national average of `indicator` on `date`, in bp (54.41% = 5441).
struct Benchmark {
  BenchmarkIndicator indicator = BenchmarkIndicator::kStartRate;
  Date date;
  std::int32_t value_bp = 0;
  bool operator==(const Benchmark&) const = default;
};

}  // namespace xj
