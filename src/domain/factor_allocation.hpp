#pragma once
/// Allocation by factors (因素法分配, issue #19 point 4): next year's pool divided among
/// counties by need factors, the performance score, the tilt for 国家乡村振兴重点帮扶县, the
/// settled ±incentive and the deductions for confirmed 以拨代支 and 超进度拨款, with floors and
/// caps, in whole 万元 adding up to the pool (docs/definitions.md §10). Pure: no I/O.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.hpp"
#include "core/status.hpp"

namespace xj {

/// A county's allocation factors (分配因素) of one year, as imported (kind `factors`).
struct CountyFactors {
  std::string region_code;
  int year = 0;
  std::int64_t rural_population = 0;                 ///< 农村人口 (persons)
  std::int64_t lifted_population = 0;                ///< 脱贫人口 (persons)
  std::int64_t monitored_population = 0;             ///< 监测对象 (persons)
  std::int64_t area_hundredths_km2 = 0;              ///< 面积, hundredths of a km²
  bool key_county = false;                           ///< 国家乡村振兴重点帮扶县
  std::optional<std::int32_t> performance_score_bp;  ///< 绩效评价得分 (0–100) in hundredths; none = 0
  bool operator==(const CountyFactors&) const = default;
};

/// The weighted factors, in the order of `FactorAllocation::contributions`.
enum class AllocationFactor : int {
  kRuralPopulation = 0,
  kLiftedPopulation = 1,
  kMonitoredPopulation = 2,
  kArea = 3,
  kPerformance = 4,
};
inline constexpr std::size_t kAllocationFactorCount = 5;
/// rural_population|lifted_population|monitored_population|area|performance.
std::string_view AllocationFactorName(AllocationFactor f);

/// The method's parameters (policy data, docs/definitions.md §10). Basis points (bp): 10000 = 100%.
struct AllocationPolicy {
  std::array<std::int64_t, kAllocationFactorCount> weights_bp = {};  ///< per AllocationFactor, each 0–10000
  std::int64_t key_county_tilt_bp = 0;  ///< 重点帮扶县倾斜: a key county's index × (1 + tilt), 0–10000
  std::int64_t deduction_rate_bp = 0;   ///< deduction = rate × (以拨代支 + 超进度拨款) settled, 0–10000
  std::int64_t floor_bp = 0;            ///< no county below this share of the pool, 0–10000
  std::int64_t cap_bp = 10'000;         ///< no county above this share of the pool, 0–10000
};

/// One county's inputs: its factors and what the latest approved settlement of the factors'
/// year settled for it.
struct AllocationInput {
  CountyFactors factors;
  Fen incentive;  ///< 奖惩: settled ±incentive
  Fen deducted;   ///< 以拨代支 + 超进度拨款 of the settlement
};

/// One county's result, in the inputs' order.
struct FactorAllocation {
  std::string region_code;
  Fen amount;              ///< whole 万元
  std::int64_t index = 0;  ///< weighted factor index after the tilt (bp × parts per 10¹²)
  Fen need;                ///< its share of the need portion (fen, truncated)
  Fen tilt;                ///< the part of `need` the key-county tilt adds
  std::array<Fen, kAllocationFactorCount> contributions = {};  ///< the part of `need` each factor gives (untilted)
  Fen incentive;
  Fen deduction;    ///< rate × deducted
  Fen provisional;  ///< max(0, need + incentive − deduction), before floors, caps and rounding
  Fen adjusted;     ///< after floors and caps, before rounding to 万元
};

/// Divides `pool` among `inputs` by docs/definitions.md §10. InvalidArgument, each with a stable
/// reason: "pool_not_whole_wan" (negative or not whole 万元), "no_counties", "invalid_weight" (a
/// parameter out of 0–10000, or every weight 0), "adjustments_exceed_pool" (incentives net of
/// deductions above the pool), "no_factors" (every index 0 while a need portion is left),
/// "floor_cap_infeasible" (n × floor above the pool or n × cap below it), and the split's own
/// refusal when every county ends with nothing.
Result<std::vector<FactorAllocation>> AllocateByFactors(Fen pool, const AllocationPolicy& policy,
                                                        const std::vector<AllocationInput>& inputs);

}  // namespace xj
