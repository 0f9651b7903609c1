// Allocation by factors (因素法分配, issue #19 point 4): the `factors` import and App::Allocate,
// which gathers each county's factors of year − 1, the latest approved settlement of that year
// and the allocation policy in force on 1 January, and divides the pool (docs/definitions.md §10).
#include "app/allocations.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "app/app.hpp"
#include "app/import_support.hpp"
#include "domain/policy.hpp"
#include "io/factor_import.hpp"

namespace xj {
namespace {

constexpr int kMinAllocationYear = 2001;
constexpr int kMaxAllocationYear = 2100;

const std::vector<std::string_view> kAllocationKeys = {
    PolicyKey::kAllocationWeightRuralPopulationBp,
    PolicyKey::kAllocationWeightLiftedPopulationBp,
    PolicyKey::kAllocationWeightMonitoredPopulationBp,
    PolicyKey::kAllocationWeightAreaBp,
    PolicyKey::kAllocationWeightPerformanceBp,
    PolicyKey::kAllocationKeyCountyTiltBp,
    PolicyKey::kAllocationDeductionRateBp,
    PolicyKey::kAllocationFloorBp,
    PolicyKey::kAllocationCapBp,
};

/// The policy's parameter `key` (one of kAllocationKeys).
std::int64_t& Parameter(AllocationPolicy& p, std::string_view key) {
  for (std::size_t f = 0; f < kAllocationFactorCount; ++f) {
    if (key == kAllocationKeys[f]) return p.weights_bp[f];
  }
  if (key == PolicyKey::kAllocationKeyCountyTiltBp) return p.key_county_tilt_bp;
  if (key == PolicyKey::kAllocationDeductionRateBp) return p.deduction_rate_bp;
  if (key == PolicyKey::kAllocationFloorBp) return p.floor_bp;
  return p.cap_bp;
}

nlohmann::ordered_json Hundredths(std::int64_t v) {
  return static_cast<double>(v) / 100.0;
}

nlohmann::ordered_json FactorsJson(const AllocationCounty& c) {
  const CountyFactors& f = c.factors;
  nlohmann::ordered_json j;
  j["rural_population"] = f.rural_population;
  j["lifted_population"] = f.lifted_population;
  j["monitored_population"] = f.monitored_population;
  j["area_km2"] = Hundredths(f.area_hundredths_km2);
  j["key_county"] = f.key_county;
  j["performance_score"] = f.performance_score_bp ? Hundredths(*f.performance_score_bp) : nullptr;
  j["incentive_fen"] = c.result.incentive.value();
  j["deducted_fen"] = c.deducted.value();
  return j;
}

}  // namespace

const std::vector<std::string_view>& AllocationPolicyKeys() {
  return kAllocationKeys;
}

nlohmann::ordered_json AllocationCliJson(const AllocationResult& r) {
  nlohmann::ordered_json counties = nlohmann::ordered_json::array();
  for (const AllocationCounty& c : r.counties) {
    counties.push_back(
        {{"region_code", c.factors.region_code}, {"amount_fen", c.result.amount.value()}, {"factors", FactorsJson(c)}});
  }
  return {{"year", r.year}, {"pool_fen", r.pool.value()}, {"total_fen", r.total.value()}, {"counties", counties}};
}

nlohmann::ordered_json AllocationJson(const AllocationResult& r) {
  nlohmann::ordered_json policy;
  AllocationPolicy p = r.policy;
  for (std::string_view key : kAllocationKeys) policy[std::string(key)] = Parameter(p, key);
  nlohmann::ordered_json counties = nlohmann::ordered_json::array();
  for (const AllocationCounty& c : r.counties) {
    const FactorAllocation& a = c.result;
    nlohmann::ordered_json contributions;
    for (std::size_t f = 0; f < kAllocationFactorCount; ++f) {
      contributions[std::string(AllocationFactorName(static_cast<AllocationFactor>(f))) + "_fen"] =
          a.contributions[f].value();
    }
    contributions["key_county_tilt_fen"] = a.tilt.value();
    contributions["incentive_fen"] = a.incentive.value();
    contributions["deduction_fen"] = -a.deduction.value();
    counties.push_back({{"region_code", c.factors.region_code},
                        {"region_name", c.region_name},
                        {"amount_fen", a.amount.value()},
                        {"factors", FactorsJson(c)},
                        {"settlement_run_id", c.settlement_run_id ? nlohmann::ordered_json(*c.settlement_run_id)
                                                                  : nlohmann::ordered_json(nullptr)},
                        {"need_fen", a.need.value()},
                        {"provisional_fen", a.provisional.value()},
                        {"adjusted_fen", a.adjusted.value()},
                        {"contributions", contributions}});
  }
  return {{"year", r.year},
          {"region_code", r.region_code},
          {"region_name", r.region_name},
          {"pool_fen", r.pool.value()},
          {"total_fen", r.total.value()},
          {"policy_date", r.policy_date.ToString()},
          {"what_if", r.what_if},
          {"policy", policy},
          {"counties", counties}};
}

Result<ImportReport> App::ImportFactors(const Actor& actor, TableSource& source) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kSettleIncentives));
  TableHeader header;
  XJ_ASSIGN_OR_RETURN(std::vector<FactorRow> rows, ReadFactorRows(source, &header));
  auto tree = regions();
  std::vector<FieldError> errors, outside;
  for (const FactorRow& r : rows) {
    const std::string& code = r.factors.region_code;
    FieldError at{source.sheet(), r.row, "region_code", header.index("region_code") + 1, code, "", ""};
    const RegionIndex i = tree->Find(code);
    if (i == kNoRegion) {
      at.code = "unknown_region";
      at.message = "区划不存在：" + code;
      errors.push_back(at);
    } else if (!Authorize(actor, Action::kSettleIncentives, code).ok()) {
      outside.push_back(at);
    } else if (tree->node(i).region.level != RegionLevel::kCounty) {
      at.code = "not_county";
      at.message = "分配因素只能填写县级区划：" + code;
      errors.push_back(at);
    }
  }
  if (!outside.empty()) return OutOfScope(outside);
  if (!errors.empty()) return ImportRejected("分配因素", std::move(errors));

  std::lock_guard write(write_mu_);
  XJ_ASSIGN_OR_RETURN(std::vector<CountyFactors> stored, store_->LoadCountyFactors(0));
  std::map<std::pair<std::string, int>, const CountyFactors*> by_key;
  for (const CountyFactors& s : stored) by_key.emplace(std::make_pair(s.region_code, s.year), &s);
  ImportReport report;
  report.kind = "factors";
  report.rows = static_cast<int>(rows.size());
  std::vector<CountyFactors> changed;
  std::vector<std::string> keys;
  for (const FactorRow& r : rows) {
    auto it = by_key.find({r.factors.region_code, r.factors.year});
    if (it != by_key.end() && *it->second == r.factors) {
      ++report.unchanged;
      continue;
    }
    ++(it != by_key.end() ? report.updated : report.inserted);
    changed.push_back(r.factors);
    keys.push_back(r.factors.region_code + "@" + std::to_string(r.factors.year));
  }
  if (changed.empty()) return report;
  XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
    XJ_RETURN_IF_ERROR(store_->UpsertCountyFactors(changed));
    return AppendAudit(actor, "factors.import", "allocation_factors", keys.front(), "", "", BatchSummary(keys));
  }));
  return report;
}

Result<AllocationResult> App::Allocate(const Actor& actor, const AllocationRequest& request) const {
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kRead, request.region_code));
  auto tree = regions();
  const RegionIndex root = tree->Find(request.region_code);
  if (root == kNoRegion) return Status::NotFound("区划不存在：" + request.region_code);
  if (request.year < kMinAllocationYear || request.year > kMaxAllocationYear) {
    return Status::InvalidArgument("分配年度应在 " + std::to_string(kMinAllocationYear) + " 至 " +
                                   std::to_string(kMaxAllocationYear) + " 之间");
  }
  const Date policy_date = Date::FromYmd(request.year, 1, 1);

  AllocationResult out;
  out.region_code = request.region_code;
  out.region_name = tree->node(root).region.name;
  out.year = request.year;
  out.pool = request.pool;
  out.policy_date = policy_date;

  // The policy in force on 1 January, then the what-if values.
  XJ_ASSIGN_OR_RETURN(std::vector<PolicyValue> stored_policies, store_->LoadPolicies());
  std::vector<PolicyChange> changes;
  for (const PolicyValue& v : stored_policies) changes.push_back({v.key, v.effective_from, v.value, v.region_code});
  const PolicySet policies = PolicySet::WithChanges(changes);
  for (std::string_view key : kAllocationKeys) Parameter(out.policy, key) = policies.ValueAt(key, policy_date);
  std::set<std::string, std::less<>> seen;
  for (const auto& [key, value] : request.what_if) {
    if (std::find(kAllocationKeys.begin(), kAllocationKeys.end(), key) == kAllocationKeys.end()) {
      return Status::InvalidArgument("未知的分配参数：" + key + "（应为 allocation_* 政策参数之一）");
    }
    if (!seen.insert(key).second) return Status::InvalidArgument("分配参数重复：" + key);
    Parameter(out.policy, key) = value;
    out.what_if = true;
  }

  // The counties, their factors of year − 1 and the latest approved settlement of that year.
  std::vector<RegionIndex> counties = tree->DescendantsAtLevel(root, RegionLevel::kCounty);
  std::sort(counties.begin(), counties.end(),
            [&](RegionIndex a, RegionIndex b) { return tree->node(a).region.code < tree->node(b).region.code; });
  XJ_ASSIGN_OR_RETURN(std::vector<CountyFactors> factors, store_->LoadCountyFactors(request.year - 1));
  std::map<std::string, const CountyFactors*, std::less<>> factors_of;
  for (const CountyFactors& f : factors) factors_of.emplace(f.region_code, &f);
  XJ_ASSIGN_OR_RETURN(std::vector<SettlementRunRecord> records, store_->ListSettlementRuns("", request.year - 1));
  std::vector<SettlementRun> approved;
  for (const SettlementRunRecord& rec : records) {
    if (rec.status != "approved" || rec.fund_source != static_cast<int>(FundSource::kCentral)) continue;
    XJ_ASSIGN_OR_RETURN(SettlementRun run, DecodeSettlementRun(rec, *tree));
    approved.push_back(std::move(run));
  }
  // Latest as-of date first, then the newer run.
  std::stable_sort(approved.begin(), approved.end(), [](const SettlementRun& a, const SettlementRun& b) {
    return a.as_of != b.as_of ? a.as_of > b.as_of : a.id > b.id;
  });

  std::vector<std::string> missing;
  std::vector<AllocationInput> inputs;
  for (RegionIndex i : counties) {
    const Region& region = tree->node(i).region;
    auto f = factors_of.find(region.code);
    if (f == factors_of.end()) {
      missing.push_back(region.code);
      continue;
    }
    AllocationCounty county;
    county.region_name = region.name;
    county.factors = *f->second;
    AllocationInput input{*f->second, Fen(), Fen()};
    for (const SettlementRun& run : approved) {
      auto row = std::find_if(run.rows.begin(), run.rows.end(),
                              [&](const SettlementRow& r) { return r.region_code == region.code; });
      if (row == run.rows.end()) continue;
      county.settlement_run_id = run.id;
      input.incentive = Fen(row->incentive_fen);
      input.deducted = Fen(row->deducted_fen);
      break;
    }
    county.deducted = input.deducted;
    out.counties.push_back(std::move(county));
    inputs.push_back(std::move(input));
  }
  if (!missing.empty()) {
    std::string list;
    for (std::size_t k = 0; k < missing.size() && k < 10; ++k) list += (k ? "、" : "") + missing[k];
    if (missing.size() > 10) list += " 等 " + std::to_string(missing.size()) + " 个县";
    return Status::InvalidArgument(std::to_string(request.year - 1) + " 年分配因素缺少以下县：" + list)
        .WithReason("factors_missing");
  }
  XJ_ASSIGN_OR_RETURN(std::vector<FactorAllocation> split, AllocateByFactors(request.pool, out.policy, inputs));
  for (std::size_t k = 0; k < split.size(); ++k) {
    out.counties[k].result = std::move(split[k]);
    out.total += out.counties[k].result.amount;
  }
  return out;
}

}  // namespace xj
