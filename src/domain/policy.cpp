#include "domain/policy.hpp"

#include <array>
#include <cassert>
#include <utility>

namespace xj {
namespace {

constexpr std::array<std::pair<std::string_view, std::int64_t>, 8> kDefaults = {{
    {PolicyKey::kAdvanceCapBp, 3000},
    {PolicyKey::kRetentionBp, 300},
    {PolicyKey::kIndustryShareMinBp, 6000},
    {PolicyKey::kWorkReliefThresholdFen, 400'000'000},
    {PolicyKey::kIncentiveTopN, 10},
    {PolicyKey::kIncentiveBottomN, 10},
    {PolicyKey::kIncentiveAmountFen, 2'000'000'000},
    {PolicyKey::kPostingDays, 10},
}};

const Date kBeginning = Date::FromDays(-1'000'000);

}  // namespace

PolicySet PolicySet::Defaults() {
  PolicySet p;
  for (const auto& [k, v] : kDefaults) p.values_[std::string(k)][kBeginning] = v;
  return p;
}

PolicySet PolicySet::WithChanges(const std::vector<PolicyChange>& changes) {
  PolicySet p = Defaults();
  for (const PolicyChange& c : changes) {
    if (IsKnownKey(c.key)) p.values_[c.key][c.effective_from] = c.value;
  }
  return p;
}

bool PolicySet::IsKnownKey(std::string_view key) {
  for (const auto& [k, v] : kDefaults) {
    if (k == key) return true;
  }
  return false;
}

std::int64_t PolicySet::ValueAt(std::string_view key, Date date) const {
  auto it = values_.find(key);
  assert(it != values_.end());
  auto v = it->second.upper_bound(date);
  assert(v != it->second.begin());
  return std::prev(v)->second;
}

std::vector<Date> PolicySet::ChangeDates(std::string_view key) const {
  std::vector<Date> out;
  auto it = values_.find(key);
  if (it == values_.end()) return out;
  for (const auto& [d, v] : it->second) {
    if (d != kBeginning) out.push_back(d);
  }
  return out;
}

}  // namespace xj
