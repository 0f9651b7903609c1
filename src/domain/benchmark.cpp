#include "domain/benchmark.hpp"

namespace xj {

std::string_view BenchmarkIndicatorName(BenchmarkIndicator i) {
  return i == BenchmarkIndicator::kStartRate ? "start_rate" : "expend_progress";
}

std::string_view BenchmarkIndicatorLabel(BenchmarkIndicator i) {
  return i == BenchmarkIndicator::kStartRate ? "开工率" : "支出进度";
}

std::optional<BenchmarkIndicator> ParseBenchmarkIndicator(std::string_view text) {
  for (BenchmarkIndicator i : {BenchmarkIndicator::kStartRate, BenchmarkIndicator::kExpendProgress}) {
    if (text == BenchmarkIndicatorName(i) || text == BenchmarkIndicatorLabel(i)) return i;
  }
  return std::nullopt;
}

}  // namespace xj
