#pragma once
/// Dividing next year's pool among counties by factor weights (因素法分配, issue #19 point 4):
/// whole 万元 per county, adding up to the pool exactly by the largest remainder
/// (docs/definitions.md §6). Pure: no I/O.

#include <cstdint>
#include <vector>

#include "core/money.hpp"
#include "core/status.hpp"

namespace xj {

/// One 万元 in fen: the unit amounts are rounded to.
inline constexpr std::int64_t kFenPerWan = 1'000'000;

/// Splits `pool` in proportion to `weights` (one per county, in the caller's order, each ≥ 0):
/// each county first gets the whole 万元 of its exact share, then the 万元 left over go one
/// each to the largest remainders (a tie to the larger weight, then to the earlier county).
/// The amounts add up to the pool exactly; a zero weight gets nothing.
/// InvalidArgument ("pool_not_whole_wan") for a pool that is negative or not a whole number of
/// 万元; InvalidArgument for no county, a negative weight, or weights that are all zero.
Result<std::vector<Fen>> SplitByLargestRemainder(Fen pool, const std::vector<std::int64_t>& weights);

}  // namespace xj
