#include "analytics/cumulative_series.hpp"

#include <algorithm>

namespace xj {

CumulativeSeries CumulativeSeries::FromDeltas(std::vector<SeriesDelta> deltas) {
  std::sort(deltas.begin(), deltas.end(), [](const SeriesDelta& a, const SeriesDelta& b) { return a.day < b.day; });
  CumulativeSeries s;
  MetricValues running{};
  for (const SeriesDelta& d : deltas) {
    for (int m = 0; m < kMetricCount; ++m) running[m] += d.values[m];
    if (!s.days_.empty() && s.days_.back() == d.day) {
      s.totals_.back() = running;
    } else {
      s.days_.push_back(d.day);
      s.totals_.push_back(running);
    }
  }
  return s;
}

MetricValues CumulativeSeries::AsOf(Date as_of) const {
  auto it = std::upper_bound(days_.begin(), days_.end(), as_of.days());
  if (it == days_.begin()) return MetricValues{};
  return totals_[static_cast<std::size_t>(it - days_.begin() - 1)];
}

void CumulativeSeries::Add(Date date, Metric metric, Int128 amount) {
  const int m = static_cast<int>(metric);
  auto it = std::lower_bound(days_.begin(), days_.end(), date.days());
  auto i = static_cast<std::size_t>(it - days_.begin());
  if (it == days_.end() || *it != date.days()) {
    MetricValues before = i == 0 ? MetricValues{} : totals_[i - 1];
    days_.insert(it, date.days());
    totals_.insert(totals_.begin() + static_cast<std::ptrdiff_t>(i), before);
  }
  for (std::size_t k = i; k < totals_.size(); ++k) totals_[k][m] += amount;
}

void CumulativeSeries::AppendDeltas(std::vector<SeriesDelta>& out) const {
  MetricValues prev{};
  for (std::size_t i = 0; i < days_.size(); ++i) {
    SeriesDelta d;
    d.day = days_[i];
    for (int m = 0; m < kMetricCount; ++m) d.values[m] = totals_[i][m] - prev[m];
    prev = totals_[i];
    out.push_back(d);
  }
}

}  // namespace xj
