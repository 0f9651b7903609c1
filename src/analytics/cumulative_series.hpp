#pragma once
/// Cumulative sums by date: any "as of date" total is one binary search.

#include <array>
#include <cstdint>
#include <vector>

#include "core/date.hpp"
#include "core/int128.hpp"

namespace xj {

/// The money metrics the engine keeps per region, fund source and fund year (fen).
enum class Metric : int {
  kAllocate = 0,           ///< 下达
  kAllocateToProject = 1,  ///< 下达 with a project: funds arranged to projects (分配)
  kDisburse = 2,           ///< 拨付
  kExpend = 3,             ///< 支出
  kExpendGovAccount = 4,   ///< 支出 to a government account: 以拨代支
  kPayAhead = 5,           ///< 超进度拨款 attributed here
};
constexpr int kMetricCount = 6;
/// Running totals in 128 bits: a region's total over any number of stored amounts cannot wrap.
using MetricValues = std::array<Int128, kMetricCount>;

/// One change of one or more metrics on a date.
struct SeriesDelta {
  std::int32_t day = 0;  ///< Date::days()
  MetricValues values{};
};

/// Sorted dates with the running totals up to and including each. Not thread-safe
/// for writes; concurrent reads are fine.
class CumulativeSeries {
 public:
  /// Builds from unsorted deltas (consumed).
  static CumulativeSeries FromDeltas(std::vector<SeriesDelta> deltas);
  /// Totals of everything dated on or before `as_of` (zeros before the first date).
  MetricValues AsOf(Date as_of) const;
  /// Adds `amount` to `metric` on `date` and every later total. O(points).
  void Add(Date date, Metric metric, Int128 amount);
  /// The per-date deltas (the inverse of FromDeltas), for rolling series up.
  void AppendDeltas(std::vector<SeriesDelta>& out) const;
  std::size_t points() const { return days_.size(); }

 private:
  std::vector<std::int32_t> days_;
  std::vector<MetricValues> totals_;
};

}  // namespace xj
