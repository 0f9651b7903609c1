// Region use cases: import and tree browsing.
#include <algorithm>
#include <unordered_map>

#include "app/app.hpp"
#include "io/region_import.hpp"

namespace xj {
namespace {

RegionSummary Summarize(const RegionTree& tree, RegionIndex i) {
  const auto& n = tree.node(i);
  return {n.region, static_cast<int>(n.children.size()), tree.DescendantCount(i)};
}

}  // namespace

Result<ImportReport> App::ImportRegions(const Actor& actor, TableSource& source) {
  (void)actor;
  XJ_ASSIGN_OR_RETURN(std::vector<RegionRow> rows, ReadRegionRows(source));
  std::lock_guard write(write_mu_);
  XJ_ASSIGN_OR_RETURN(std::vector<Region> existing, store_->LoadRegions());
  XJ_ASSIGN_OR_RETURN(std::vector<Region> merged, MergeRegionRows(existing, rows));

  std::unordered_map<std::string, const Region*> before;
  for (const Region& r : existing) before.emplace(r.code, &r);
  ImportReport report;
  report.kind = "regions";
  report.rows = static_cast<int>(rows.size());
  std::vector<Region> changed;
  for (const Region& r : merged) {
    auto it = before.find(r.code);
    if (it == before.end()) {
      ++report.inserted;
      changed.push_back(r);
    } else if (!(*it->second == r)) {
      ++report.updated;
      changed.push_back(r);
    }
  }
  report.unchanged = report.rows - report.inserted - report.updated;
  // Parents before children keeps the deferred foreign keys trivially satisfied.
  std::sort(changed.begin(), changed.end(),
            [](const Region& a, const Region& b) { return a.level != b.level ? a.level < b.level : a.code < b.code; });
  if (!changed.empty()) {
    XJ_RETURN_IF_ERROR(store_->UpsertRegions(changed));
    XJ_RETURN_IF_ERROR(ReloadRegions());
    // Region indices changed: the engine is rebuilt on the new tree.
    XJ_RETURN_IF_ERROR(RebuildEngine());
  }
  return report;
}

Result<std::vector<RegionSummary>> App::RegionChildren(const Actor& actor, std::string_view parent_code) const {
  (void)actor;
  auto tree = regions();
  std::vector<RegionSummary> out;
  if (parent_code.empty()) {
    for (RegionIndex r : tree->roots()) out.push_back(Summarize(*tree, r));
    return out;
  }
  const RegionIndex p = tree->Find(parent_code);
  if (p == kNoRegion) return Status::NotFound("区划不存在：" + std::string(parent_code));
  for (RegionIndex c : tree->node(p).children) out.push_back(Summarize(*tree, c));
  return out;
}

Result<RegionSummary> App::RegionDetail(const Actor& actor, std::string_view code) const {
  (void)actor;
  auto tree = regions();
  const RegionIndex i = tree->Find(code);
  if (i == kNoRegion) return Status::NotFound("区划不存在：" + std::string(code));
  return Summarize(*tree, i);
}

}  // namespace xj
