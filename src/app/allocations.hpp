#pragma once
/// Allocation by factors (因素法分配, issue #19 point 4): the views of App::Allocate and their
/// JSON forms. The method is domain/factor_allocation (docs/definitions.md §10); the use cases
/// are App methods (allocations.cpp).

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.hpp"
#include "core/money.hpp"
#include "domain/factor_allocation.hpp"

namespace xj {

/// What an allocation asks for.
struct AllocationRequest {
  std::string region_code;  ///< its counties share the pool
  int year = 0;             ///< the year being allocated; factors and settlement of year − 1
  Fen pool;                 ///< whole 万元
  /// What-if: allocation policy keys (allocation_*) with the values to use instead of those in
  /// force; nothing is saved. Each key at most once.
  std::vector<std::pair<std::string, std::int64_t>> what_if;
};

/// One county of an allocation.
struct AllocationCounty {
  std::string region_name;
  CountyFactors factors;
  std::optional<std::int64_t> settlement_run_id;  ///< the approved run the incentive and deductions come from
  Fen deducted;                                   ///< 以拨代支 + 超进度拨款 of that run
  FactorAllocation result;
};

/// An allocation: the pool split among the region's counties.
struct AllocationResult {
  std::string region_code;
  std::string region_name;
  int year = 0;
  Fen pool;
  Fen total;         ///< Σ amounts (= pool)
  Date policy_date;  ///< the policy in force on 1 January of `year`
  AllocationPolicy policy;
  bool what_if = false;                    ///< some policy values were replaced for this answer
  std::vector<AllocationCounty> counties;  ///< by region code
};

/// The allocation policy keys (allocation_*), in AllocationFactor order then tilt, deduction rate, floor, cap.
const std::vector<std::string_view>& AllocationPolicyKeys();

/// What `xianjie allocate --format json` prints: {year, pool_fen, total_fen, counties:
/// [{region_code, amount_fen, factors: {…}}]}.
nlohmann::ordered_json AllocationCliJson(const AllocationResult& r);
/// The API's form (docs/openapi.yaml, Allocation): the CLI's plus names, the policy used and
/// each factor's contribution.
nlohmann::ordered_json AllocationJson(const AllocationResult& r);

}  // namespace xj
