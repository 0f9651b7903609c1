#pragma once
/// Phone spot checks of village supervisors (电话抽查, issue #18 point 5): the reproducible draw
/// of a month's sample, its size from policy data, and the coverage of a level
/// (docs/definitions.md §9 "Phone spot checks"). No I/O.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ratio.hpp"
#include "domain/region.hpp"

namespace xj {

/// splitmix64 (Steele, Lea and Flood 2014; Vigna's reference splitmix64.c): a fully specified
/// 64-bit generator, so one seed gives one sequence on every compiler, library and machine.
class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
  /// The next output: state += 0x9e3779b97f4a7c15, then the mix of the state.
  std::uint64_t Next();
  /// Uniform in [0, bound) without modulo bias: outputs below 2⁶⁴ mod bound are rejected and the
  /// next one taken, the accepted output taken mod bound (OpenBSD's arc4random_uniform).
  /// REQUIRES: bound > 0.
  std::uint64_t Below(std::uint64_t bound);

 private:
  std::uint64_t state_;
};

/// The sample of a draw: `n` members of `pool` in draw order, by a partial Fisher–Yates shuffle
/// driven by SplitMix64(seed): for i = 0 … n−1, j = i + Below(size − i), swap pool[i] and pool[j];
/// the sample is pool[0 … n−1]. The caller passes the pool sorted by a stable key (supervisor id,
/// ascending). n larger than the pool takes the whole pool.
std::vector<std::int64_t> DrawSample(std::uint64_t seed, std::vector<std::int64_t> pool, std::size_t n);

/// The sample size a level owes for a pool: max(min_calls, ⌈pool × rate_bp ÷ 10000⌉), never more
/// than the pool. Negative inputs count as 0.
std::int64_t SpotCheckSampleSize(std::int64_t pool, std::int64_t rate_bp, std::int64_t min_calls);

/// A seed as written in the API and the store: 16 lower-case hex digits.
std::string FormatSeed(std::uint64_t seed);
/// A seed of 1–16 hex digits (either case); nullopt otherwise.
std::optional<std::uint64_t> ParseSeed(std::string_view text);

/// One recorded phone call (抽查电话) to a sampled supervisor and its outcome.
struct SpotCheckCall {
  std::int64_t id = 0;  ///< assigned by the store
  std::int64_t spot_check_id = 0;
  std::int64_t supervisor_id = 0;
  std::string called_at;          ///< UTC timestamp (FormatTimestamp form)
  bool reached = false;           ///< 接通
  bool knows_duties = false;      ///< 熟悉职责 (only when reached)
  bool log_matches = false;       ///< 日志与实际相符 (only when reached)
  bool problem_reported = false;  ///< 反映问题 (only when reached)
  std::string note;
  std::string created_by;
  std::string created_at;
};

/// One unit's month for the coverage count: whether it drew, what it owes (the recorded sample size
/// of its draw, else the size its current pool would require), its sample and the calls made on it.
struct UnitSpotCheck {
  RegionLevel level = RegionLevel::kCounty;
  bool drawn = false;
  std::int64_t target = 0;
  std::vector<std::int64_t> sample;  ///< supervisor ids
  std::vector<SpotCheckCall> calls;
};

/// The coverage of one level (docs/definitions.md §9): each count is of distinct sampled
/// supervisors; `coverage` = called ÷ target (undefined when the target is 0).
struct SpotCheckLevelCoverage {
  RegionLevel level = RegionLevel::kCounty;
  std::int64_t units = 0;        ///< regions of the level
  std::int64_t units_drawn = 0;  ///< of which drew this month
  std::int64_t sampled = 0;
  std::int64_t called = 0;             ///< with at least one call
  std::int64_t reached = 0;            ///< with at least one reached call
  std::int64_t knows_duties = 0;       ///< with a reached call that found them knowing their duties
  std::int64_t log_matches = 0;        ///< with a reached call that found the log matching reality
  std::int64_t problems_reported = 0;  ///< with a reached call on which a problem was reported
  std::int64_t target = 0;
  Ratio coverage;
};

/// The coverage of each level of `levels` (in that order) over `units` (a unit counts at its own
/// level only; calls on a supervisor outside the unit's sample are ignored).
std::vector<SpotCheckLevelCoverage> CountSpotCheckCoverage(const std::vector<RegionLevel>& levels,
                                                           const std::vector<UnitSpotCheck>& units);

}  // namespace xj
