#include "domain/factor_allocation.hpp"

#include <algorithm>

#include "core/int128.hpp"
#include "domain/allocation.hpp"

namespace xj {
namespace {

constexpr std::int64_t kFullBp = 10'000;
/// A factor share is a county's value ÷ the counties' total in parts per 10¹², truncated.
constexpr Int128 kShareScale = 1'000'000'000'000;

Status Refuse(std::string message, std::string reason) {
  return Status::InvalidArgument(std::move(message)).WithReason(std::move(reason));
}

std::int64_t FactorValue(const CountyFactors& c, std::size_t f) {
  switch (static_cast<AllocationFactor>(f)) {
    case AllocationFactor::kRuralPopulation: return c.rural_population;
    case AllocationFactor::kLiftedPopulation: return c.lifted_population;
    case AllocationFactor::kMonitoredPopulation: return c.monitored_population;
    case AllocationFactor::kArea: return c.area_hundredths_km2;
    case AllocationFactor::kPerformance: return c.performance_score_bp.value_or(0);
  }
  return 0;
}

Status CheckPolicy(const AllocationPolicy& p) {
  auto in_range = [](std::int64_t v) { return v >= 0 && v <= kFullBp; };
  bool any_weight = false;
  for (std::int64_t w : p.weights_bp) {
    if (!in_range(w)) return Refuse("因素权重应在 0 到 10000（基点）之间", "invalid_weight");
    any_weight = any_weight || w > 0;
  }
  if (!any_weight) return Refuse("因素权重不能全部为 0", "invalid_weight");
  for (std::int64_t v : {p.key_county_tilt_bp, p.deduction_rate_bp, p.floor_bp, p.cap_bp}) {
    if (!in_range(v)) return Refuse("倾斜系数、扣减比例、保底和封顶比例应在 0 到 10000（基点）之间", "invalid_weight");
  }
  return Status::Ok();
}

/// ⌊a × b ÷ c⌋ for a, b, c ≥ 0, c > 0.
Int128 MulDiv(Int128 a, Int128 b, Int128 c) {
  return a * b / c;
}

/// Floors and caps (docs/definitions.md §10 step 6): a_i = clamp(λ × p_i, floor, cap) with the one
/// λ for which Σ a_i = pool. Sorted by p, the counties held at the floor are a prefix and those
/// held at the cap a suffix; each (prefix, suffix) pair fixes λ = rest ÷ Σ p of the middle, and the
/// first pair consistent at its boundaries is the answer. Without one (every p 0) `p` is returned.
std::vector<std::int64_t> ApplyFloorsAndCaps(std::int64_t pool, std::int64_t floor, std::int64_t cap,
                                             const std::vector<std::int64_t>& p) {
  const std::size_t n = p.size();
  std::vector<std::size_t> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return p[a] < p[b]; });
  std::vector<Int128> prefix(n + 1, 0);  // Σ p of the first k in `order`
  for (std::size_t k = 0; k < n; ++k) prefix[k + 1] = prefix[k] + p[order[k]];
  for (std::size_t k = 0; k <= n; ++k) {        // held at the floor: order[0, k)
    for (std::size_t m = 0; k + m <= n; ++m) {  // held at the cap: order[n − m, n)
      const Int128 rest = Int128{pool} - Int128{floor} * k - Int128{cap} * m;
      const Int128 middle = prefix[n - m] - prefix[k];
      if (k + m == n || middle == 0) {
        if (rest != 0 || (k + m != n && middle == 0)) continue;
      } else {
        if (rest < 0) continue;
        // λ = rest ÷ middle; the floored stay ≤ floor, the middle within [floor, cap], the capped ≥ cap.
        auto scaled = [&](std::size_t at) { return rest * p[order[at]]; };
        if (k > 0 && scaled(k - 1) > Int128{floor} * middle) continue;
        if (scaled(k) < Int128{floor} * middle || scaled(n - m - 1) > Int128{cap} * middle) continue;
        if (m > 0 && scaled(n - m) < Int128{cap} * middle) continue;
      }
      std::vector<std::int64_t> out(n);
      for (std::size_t j = 0; j < n; ++j) {
        const std::size_t i = order[j];
        if (j < k) {
          out[i] = floor;
        } else if (j >= n - m) {
          out[i] = cap;
        } else {
          out[i] = static_cast<std::int64_t>(MulDiv(rest, p[i], middle));
        }
      }
      return out;
    }
  }
  return p;
}

}  // namespace

std::string_view AllocationFactorName(AllocationFactor f) {
  switch (f) {
    case AllocationFactor::kRuralPopulation: return "rural_population";
    case AllocationFactor::kLiftedPopulation: return "lifted_population";
    case AllocationFactor::kMonitoredPopulation: return "monitored_population";
    case AllocationFactor::kArea: return "area";
    case AllocationFactor::kPerformance: return "performance";
  }
  return "";
}

Result<std::vector<FactorAllocation>> AllocateByFactors(Fen pool, const AllocationPolicy& policy,
                                                        const std::vector<AllocationInput>& inputs) {
  if (pool.value() < 0 || pool.value() % kFenPerWan != 0) {
    return Refuse("分配资金总额须为整万元：" + FormatYuan(pool) + " 元", "pool_not_whole_wan");
  }
  if (pool.value() == 0) return Status::InvalidArgument("分配资金总额须大于零");
  if (inputs.empty()) return Refuse("没有参与分配的县", "no_counties");
  XJ_RETURN_IF_ERROR(CheckPolicy(policy));
  const std::size_t n = inputs.size();
  std::vector<FactorAllocation> out(n);

  // Steps 1–2: each factor's shares, the weighted index, the tilt.
  std::array<Int128, kAllocationFactorCount> totals = {};
  for (const AllocationInput& in : inputs) {
    for (std::size_t f = 0; f < kAllocationFactorCount; ++f) {
      const std::int64_t v = FactorValue(in.factors, f);
      if (v < 0) return Refuse("县 " + in.factors.region_code + " 的分配因素不能为负数", "invalid_factor");
      totals[f] += v;
    }
  }
  std::vector<std::array<Int128, kAllocationFactorCount>> weighted(n);
  std::vector<Int128> base(n, 0);
  Int128 index_total = 0;
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t f = 0; f < kAllocationFactorCount; ++f) {
      const Int128 share = totals[f] == 0 ? 0 : MulDiv(FactorValue(inputs[i].factors, f), kShareScale, totals[f]);
      weighted[i][f] = policy.weights_bp[f] * share;
      base[i] += weighted[i][f];
    }
    const Int128 index =
        inputs[i].factors.key_county ? MulDiv(base[i], kFullBp + policy.key_county_tilt_bp, kFullBp) : base[i];
    out[i].region_code = inputs[i].factors.region_code;
    out[i].index = static_cast<std::int64_t>(index);
    index_total += index;
  }

  // Steps 3–5: the need portion, the money adjustments, the provisional amounts.
  Int128 need_pool = pool.value();
  for (std::size_t i = 0; i < n; ++i) {
    out[i].incentive = inputs[i].incentive;
    out[i].deduction = Fen(static_cast<std::int64_t>(
        MulDiv(std::max<std::int64_t>(inputs[i].deducted.value(), 0), policy.deduction_rate_bp, kFullBp)));
    need_pool += out[i].deduction.value() - Int128{out[i].incentive.value()};
  }
  if (need_pool < 0) {
    return Refuse("结算奖惩净额超过分配资金总额，无法分配", "adjustments_exceed_pool");
  }
  if (index_total == 0 && need_pool > 0) {
    return Refuse("全部县的分配因素都是 0，无法按因素分配", "no_factors");
  }
  std::vector<std::int64_t> provisional(n);
  for (std::size_t i = 0; i < n; ++i) {
    const Int128 need = index_total == 0 ? 0 : MulDiv(need_pool, out[i].index, index_total);
    out[i].need = Fen(static_cast<std::int64_t>(need));
    if (out[i].index > 0) {
      for (std::size_t f = 0; f < kAllocationFactorCount; ++f) {
        out[i].contributions[f] = Fen(static_cast<std::int64_t>(MulDiv(need, weighted[i][f], out[i].index)));
      }
      out[i].tilt = Fen(static_cast<std::int64_t>(MulDiv(need, out[i].index - base[i], out[i].index)));
    }
    provisional[i] = std::max<std::int64_t>(0, need + out[i].incentive.value() - out[i].deduction.value());
    out[i].provisional = Fen(provisional[i]);
  }

  // Step 6: floors and caps.
  const std::int64_t floor = static_cast<std::int64_t>(MulDiv(pool.value(), policy.floor_bp, kFullBp));
  const std::int64_t cap = static_cast<std::int64_t>(MulDiv(pool.value(), policy.cap_bp, kFullBp));
  if (Int128{floor} * static_cast<Int128>(n) > pool.value() || Int128{cap} * static_cast<Int128>(n) < pool.value()) {
    return Refuse("保底或封顶比例与参与分配的县数不相容（县数 × 保底 > 总额，或县数 × 封顶 < 总额）",
                  "floor_cap_infeasible");
  }
  const std::vector<std::int64_t> adjusted = ApplyFloorsAndCaps(pool.value(), floor, cap, provisional);
  for (std::size_t i = 0; i < n; ++i) out[i].adjusted = Fen(adjusted[i]);

  // Step 7: whole 万元 by the largest remainder.
  XJ_ASSIGN_OR_RETURN(std::vector<Fen> amounts, SplitByLargestRemainder(pool, adjusted));
  for (std::size_t i = 0; i < n; ++i) out[i].amount = amounts[i];
  return out;
}

}  // namespace xj
