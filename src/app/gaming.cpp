// Gaming detectors (数据造假/突击支出识别, docs/definitions.md §20): reads the ledger's expenditures and
// their reversals and the projects, runs the pure rules of domain/gaming and turns each finding into a
// flag of the list (问题预警) with its evidence.
#include <unordered_map>

#include "app/app.hpp"

namespace xj {
namespace {

/// How many as-of dates the findings are kept for (the wall chart's date, the flags screen's, today).
constexpr std::size_t kGamingCacheDates = 4;

/// The lowest region holding every one of `counties` (indices of `tree`); with counties under two
/// top-level regions, the top-level region of the first.
RegionIndex LowestCommonRegion(const RegionTree& tree, const std::vector<RegionIndex>& counties) {
  if (counties.empty()) return kNoRegion;
  RegionIndex at = counties.front();
  for (RegionIndex c : counties) {
    RegionIndex up = at;
    while (up != kNoRegion && !tree.Contains(up, c)) up = tree.node(up).parent;
    if (up == kNoRegion) {
      while (tree.node(at).parent != kNoRegion) at = tree.node(at).parent;
      return at;
    }
    at = up;
  }
  return at;
}

/// Every finding of the five detectors on `as_of` over the whole store, with the policy in force then.
Result<std::vector<GamingFinding>> DetectGamingIn(Store& store, const RegionTree& tree, Date as_of) {
  XJ_ASSIGN_OR_RETURN(std::vector<PolicyValue> stored_policies, store.LoadPolicies());
  std::vector<PolicyChange> changes;
  for (const PolicyValue& v : stored_policies) changes.push_back({v.key, v.effective_from, v.value, v.region_code});
  const GamingPolicy policy = GamingPolicy::At(PolicySet::WithChanges(changes), as_of);

  GamingInput in;
  in.as_of = as_of;
  std::unordered_map<std::string, std::string> county_of;  // region code → its county's code
  XJ_RETURN_IF_ERROR(store.ScanLedger([&](const StoredEntry& se) {
    const LedgerEntry& e = se.entry;
    // Expenditures and the reversals cancelling them (a reversal's effective kind is the kind it cancels).
    if (se.effective.kind != EntryKind::kExpend || e.date > as_of) return;
    auto county = county_of.find(e.region_code);
    if (county == county_of.end()) {
      const RegionIndex at = tree.Find(e.region_code);
      const RegionIndex c = at == kNoRegion ? kNoRegion : tree.AncestorAtLevel(at, RegionLevel::kCounty);
      county = county_of.emplace(e.region_code, c == kNoRegion ? e.region_code : tree.node(c).region.code).first;
    }
    in.entries.push_back({e.entry_id, e.date, e.kind, e.fund_source, e.fund_year, e.region_code, county->second,
                          e.project_code, e.amount, e.payee, e.payee_type, e.reverses});
  }));
  std::unordered_map<std::string, std::string> project_names;
  XJ_RETURN_IF_ERROR(store.ScanProjects([&](const Project& p) {
    in.projects.push_back({p.project_code, p.name, p.region_code, p.category, p.total_investment});
    project_names.emplace(p.project_code, p.name);
  }));
  std::vector<GamingFinding> found = DetectGaming(in, policy);
  for (GamingFinding& f : found) {
    if (auto name = project_names.find(f.project_code); name != project_names.end()) f.project_name = name->second;
    if (f.kind == FlagKind::kPayeeSpread) {
      std::vector<RegionIndex> counties;
      for (const std::string& code : f.counties) {
        if (RegionIndex c = tree.Find(code); c != kNoRegion) counties.push_back(c);
      }
      const RegionIndex at = LowestCommonRegion(tree, counties);
      if (at != kNoRegion) f.region_code = tree.node(at).region.code;
    }
  }
  return found;
}

}  // namespace

Result<std::vector<FlagItem>> App::GamingFlags(const RegionTree& tree, RegionIndex root, std::optional<int> fund_year,
                                               std::optional<FundSource> fund_source, Date as_of) const {
  XJ_ASSIGN_OR_RETURN(Store::ChangeMark mark, store_->ReadChangeMark());
  std::shared_ptr<const std::vector<GamingFinding>> findings;
  {
    std::lock_guard lock(gaming_mu_);
    for (const GamingCacheEntry& c : gaming_cache_) {
      if (c.changes == mark.changes && c.max_seq == mark.max_seq && c.as_of == as_of) findings = c.findings;
    }
  }
  if (!findings) {
    XJ_ASSIGN_OR_RETURN(std::vector<GamingFinding> found, DetectGamingIn(*store_, tree, as_of));
    findings = std::make_shared<const std::vector<GamingFinding>>(std::move(found));
    std::lock_guard lock(gaming_mu_);
    std::erase_if(gaming_cache_, [&](const GamingCacheEntry& c) {
      return c.changes != mark.changes || c.max_seq != mark.max_seq || c.as_of == as_of;
    });
    if (gaming_cache_.size() >= kGamingCacheDates) gaming_cache_.erase(gaming_cache_.begin());
    gaming_cache_.push_back({mark.changes, mark.max_seq, as_of, findings});
  }

  std::vector<FlagItem> out;
  for (const GamingFinding& f : *findings) {
    // A fund year or source narrows the kinds about one entry, as for 以拨代支; the others read every entry.
    if (f.fund_year && fund_year && *f.fund_year != *fund_year) continue;
    if (f.fund_source && fund_source && *f.fund_source != *fund_source) continue;
    const RegionIndex at = tree.Find(f.region_code);
    if (at == kNoRegion || (root != kNoRegion && !tree.Contains(root, at))) continue;
    FlagItem item;
    item.region = tree.node(at).region;
    item.flag = {0,
                 f.kind,
                 f.subject,
                 f.region_code,
                 f.project_code,
                 f.fund_year,
                 f.fund_source,
                 f.raised_on,
                 std::nullopt,
                 f.amount,
                 f.detail,
                 FlagStatus::kOpen,
                 "",
                 "",
                 "",
                 0};
    item.project_name = f.project_name;
    if (f.kind == FlagKind::kPayeeSpread || f.kind == FlagKind::kTenderSplit) item.payee = f.ledger.text;
    if (f.kind == FlagKind::kCutoffRush || f.kind == FlagKind::kGovAccountReturn) item.payee = f.entries.front().payee;
    item.gaming = f;
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace xj
