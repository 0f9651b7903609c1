#include "domain/policy.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <utility>

namespace xj {
namespace {

constexpr std::array<std::pair<std::string_view, std::int64_t>, 54> kDefaults = {{
    {PolicyKey::kAdvanceCapBp, 3000},
    {PolicyKey::kRetentionBp, 300},
    {PolicyKey::kDefectsLiabilityMonths, 24},
    {PolicyKey::kIndustryShareMinBp, 6000},
    {PolicyKey::kWorkReliefThresholdFen, 400'000'000},
    {PolicyKey::kIncentiveTopN, 10},
    {PolicyKey::kIncentiveBottomN, 10},
    {PolicyKey::kIncentiveAmountFen, 2'000'000'000},
    {PolicyKey::kPostingDays, 10},
    {PolicyKey::kWorkReliefLabourShareMinBp, 3000},
    {PolicyKey::kDispatchCutoffDay, 0},
    {PolicyKey::kDispatchFilingDays, 10},
    {PolicyKey::kReminderBehindTimeBp, 1000},
    {PolicyKey::kReminderNotStartedDays, 30},
    {PolicyKey::kInterviewBottomN, 3},
    {PolicyKey::kInterviewBehindTimeBp, 2000},
    {PolicyKey::kConstructionSeasonStartMonth, 1},
    {PolicyKey::kConstructionSeasonEndMonth, 12},
    {PolicyKey::kSeasonEarlyDays, 21},
    {PolicyKey::kReminderSeasonEarlyNotStartedDays, 7},
    {PolicyKey::kAllocationWeightRuralPopulationBp, 2000},
    {PolicyKey::kAllocationWeightLiftedPopulationBp, 3000},
    {PolicyKey::kAllocationWeightMonitoredPopulationBp, 2000},
    {PolicyKey::kAllocationWeightAreaBp, 1000},
    {PolicyKey::kAllocationWeightPerformanceBp, 2000},
    {PolicyKey::kAllocationKeyCountyTiltBp, 1000},
    {PolicyKey::kAllocationDeductionRateBp, 10000},
    {PolicyKey::kAllocationFloorBp, 0},
    {PolicyKey::kAllocationCapBp, 10000},
    {PolicyKey::kAllocationTimelinessLimitDays, 30},
    {PolicyKey::kDistributionTimelinessLimitDays, 30},
    // Relocation support standards (docs/definitions.md §13): 跨区域就业交通补贴 500 元/人, 创业补贴
    // 5,000 元/户, 技能培训补贴 1,000 元/人, no raise; regions set their own as dated policy.
    {PolicyKey::kRelocationTravelFen, 50000},
    {PolicyKey::kRelocationTravelRaiseBp, 0},
    {PolicyKey::kRelocationStartupFen, 500000},
    {PolicyKey::kRelocationStartupRaiseBp, 0},
    {PolicyKey::kRelocationTrainingFen, 100000},
    {PolicyKey::kRelocationTrainingRaiseBp, 0},
    {PolicyKey::kSpotCheckSampleRateBp, 1000},
    {PolicyKey::kSpotCheckMinCalls, 5},
    {PolicyKey::kEvaluationGradeExcellentPoints, 9000},
    {PolicyKey::kEvaluationGradeGoodPoints, 8000},
    {PolicyKey::kEvaluationGradePassPoints, 6000},
    // Gaming detectors (docs/definitions.md §20).
    {PolicyKey::kGamingCutoffRushDays, 5},
    {PolicyKey::kGamingCutoffReversalDays, 30},
    {PolicyKey::kGamingSplitWindowDays, 90},
    {PolicyKey::kGamingSplitMarginBp, 2000},
    {PolicyKey::kGamingPayeeMaxCounties, 3},
    {PolicyKey::kGamingPayeeMaxProjects, 10},
    {PolicyKey::kGamingPayeeWindowDays, 365},
    {PolicyKey::kGamingRoundUnitFen, 1'000'000},
    {PolicyKey::kGamingMonthEndDays, 3},
    {PolicyKey::kGamingRoundMinCount, 3},
    {PolicyKey::kGamingRoundShareBp, 5000},
    {PolicyKey::kGamingReturnWindowDays, 90},
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
    if (!IsKnownKey(c.key)) continue;
    if (c.region_code.empty()) {
      p.values_[c.key][c.effective_from] = c.value;
    } else if (IsRegionalKey(c.key)) {
      p.regional_[c.region_code][c.key][c.effective_from] = c.value;
    }
  }
  return p;
}

namespace {
bool IsIncentiveKey(std::string_view key) {
  return key == PolicyKey::kIncentiveTopN || key == PolicyKey::kIncentiveBottomN ||
         key == PolicyKey::kIncentiveAmountFen;
}
/// The gaming detectors' bounds (docs/definitions.md §20): windows of days at least 1 (a month-end
/// window at most 28, a rush window at most 31), counts at least 1, shares at most 10000 bp, a round
/// unit at least 100 fen (1 元).
std::string CheckGamingValue(std::string_view key, std::int64_t value) {
  const std::string k(key);
  if (key == PolicyKey::kGamingSplitMarginBp || key == PolicyKey::kGamingRoundShareBp) {
    return value > 10000 ? k + " 不得超过 10000 bp（100%）" : "";
  }
  if (key == PolicyKey::kGamingRoundUnitFen) return value < 100 ? k + " 应至少为 100 分（1 元）" : "";
  if (value < 1) return k + " 应为正整数";
  if (key == PolicyKey::kGamingMonthEndDays && value > 28) return k + " 应在 1 到 28 之间";
  if (key == PolicyKey::kGamingCutoffRushDays && value > 31) return k + " 应在 1 到 31 之间";
  if (value > 3660) return k + " 不得超过 3660";
  return "";
}
bool IsMonthKey(std::string_view key) {
  return key == PolicyKey::kConstructionSeasonStartMonth || key == PolicyKey::kConstructionSeasonEndMonth;
}
}  // namespace

bool PolicySet::IsRegionalKey(std::string_view key) {
  return IsIncentiveKey(key) || IsMonthKey(key) || key == PolicyKey::kAllocationTimelinessLimitDays ||
         key == PolicyKey::kDistributionTimelinessLimitDays || key.starts_with("relocation_subsidy_") ||
         key == PolicyKey::kSpotCheckSampleRateBp || key == PolicyKey::kSpotCheckMinCalls ||
         key.starts_with("evaluation_grade_");
}

std::string PolicySet::CheckValue(std::string_view key, std::int64_t value) {
  if (value < 0) return "政策参数不得为负";
  if (IsMonthKey(key) && (value < 1 || value > 12)) return "施工季的起止月份应在 1 到 12 之间";
  if (key == PolicyKey::kSpotCheckSampleRateBp && value > 10000) return "电话抽查比例不得超过 10000 bp（100%）";
  if (key.starts_with("gaming_")) return CheckGamingValue(key, value);
  return "";
}

std::int64_t PolicySet::ValueIn(std::string_view key, const std::vector<std::string>& chain, Date date) const {
  for (const std::string& code : chain) {
    auto r = regional_.find(code);
    if (r == regional_.end()) continue;
    auto k = r->second.find(key);
    if (k == r->second.end()) continue;
    auto v = k->second.upper_bound(date);
    if (v != k->second.begin()) return std::prev(v)->second;
  }
  return ValueAt(key, date);
}

bool PolicySet::OwnsIncentiveScheme(std::string_view region_code, Date date) const {
  auto r = regional_.find(region_code);
  if (r == regional_.end()) return false;
  // Only the incentive keys make a scheme: a region owning its construction season ranks nowhere.
  for (const auto& [key, timeline] : r->second) {
    if (IsIncentiveKey(key) && !timeline.empty() && timeline.begin()->first <= date) return true;
  }
  return false;
}

IncentiveScheme PolicySet::IncentiveSchemeOf(std::string_view region_code, Date date) const {
  auto value = [&](std::string_view key) {
    if (auto r = regional_.find(region_code); r != regional_.end()) {
      if (auto k = r->second.find(key); k != r->second.end()) {
        auto v = k->second.upper_bound(date);
        if (v != k->second.begin()) return std::prev(v)->second;
      }
    }
    return ValueAt(key, date);
  };
  return {std::string(region_code), static_cast<int>(value(PolicyKey::kIncentiveTopN)),
          static_cast<int>(value(PolicyKey::kIncentiveBottomN)), value(PolicyKey::kIncentiveAmountFen)};
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

std::vector<std::int64_t> PolicySet::Values(std::string_view key) const {
  std::vector<std::int64_t> out;
  auto it = values_.find(key);
  if (it == values_.end()) return out;
  for (const auto& [d, v] : it->second) out.push_back(v);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace xj
