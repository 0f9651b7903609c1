// Region use cases: import and tree browsing.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "app/app.hpp"
#include "io/region_import.hpp"

namespace xj {
namespace {

RegionSummary Summarize(const RegionTree& tree, RegionIndex i) {
  const auto& n = tree.node(i);
  return {n.region, static_cast<int>(n.children.size()), tree.DescendantCount(i)};
}

std::string RegionSnapshot(const Region& r) {
  return nlohmann::json{{"code", r.code},
                        {"name", r.name},
                        {"level", RegionLevelName(r.level)},
                        {"parent_code", r.parent_code},
                        {"key_township", r.key_township},
                        {"former_name", r.former_name}}
      .dump();
}

}  // namespace

Result<ImportReport> App::ImportRegions(const Actor& actor, TableSource& source) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kImportRegions));
  XJ_ASSIGN_OR_RETURN(std::vector<RegionRow> rows, ReadRegionRows(source));
  XJ_RETURN_IF_ERROR(AuthorizeRegionRows(actor, rows));
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
    XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
      XJ_RETURN_IF_ERROR(store_->UpsertRegions(changed));
      for (const Region& r : changed) {
        auto it = before.find(r.code);
        const bool created = it == before.end();
        XJ_RETURN_IF_ERROR(AppendAudit(actor, created ? "region.create" : "region.update", "region", r.code, r.code,
                                       created ? "" : RegionSnapshot(*it->second), RegionSnapshot(r)));
      }
      return Status::Ok();
    }));
    XJ_RETURN_IF_ERROR(ReloadRegions());
    // Region indices changed: the engine is rebuilt on the new tree.
    XJ_RETURN_IF_ERROR(RebuildEngine());
  }
  return report;
}

Status App::AuthorizeRegionRows(const Actor& actor, const std::vector<RegionRow>& rows) const {
  if (actor.role == Role::kSystem) return Status::Ok();
  auto tree = regions();
  std::unordered_map<std::string, const Region*> in_file;
  for (const RegionRow& r : rows) in_file.emplace(r.region.code, &r.region);
  for (const RegionRow& row : rows) {
    // A stored region must lie in scope; a new one is placed under the nearest stored
    // ancestor (through parents new in the same file), which must lie in scope.
    std::string anchor = row.region.code;
    for (int hops = 0; tree->Find(anchor) == kNoRegion && hops <= static_cast<int>(rows.size()); ++hops) {
      auto it = in_file.find(anchor);
      anchor = it == in_file.end() ? std::string() : it->second->parent_code;
      if (anchor.empty()) break;
    }
    if (!InScope(actor, anchor)) {
      return Status::PermissionDenied("第" + std::to_string(row.row) + "行 区划 " + row.region.code + " 超出数据范围");
    }
  }
  return Status::Ok();
}

Result<std::vector<RegionSummary>> App::RegionChildren(const Actor& actor, std::string_view parent_code) const {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kRead));
  auto tree = regions();
  std::vector<RegionSummary> out;
  if (parent_code.empty()) {
    // The top of the actor's visible scope: its home region (every root for the system).
    if (actor.region_code.empty()) {
      for (RegionIndex r : tree->roots()) out.push_back(Summarize(*tree, r));
    } else if (const RegionIndex home = tree->Find(actor.region_code); home != kNoRegion) {
      out.push_back(Summarize(*tree, home));
    }
    return out;
  }
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kRead, parent_code));
  const RegionIndex p = tree->Find(parent_code);
  if (p == kNoRegion) return Status::NotFound("区划不存在：" + std::string(parent_code));
  for (RegionIndex c : tree->node(p).children) out.push_back(Summarize(*tree, c));
  return out;
}

Result<RegionSummary> App::RegionDetail(const Actor& actor, std::string_view code) const {
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kRead, code));
  auto tree = regions();
  const RegionIndex i = tree->Find(code);
  if (i == kNoRegion) return Status::NotFound("区划不存在：" + std::string(code));
  return Summarize(*tree, i);
}

}  // namespace xj
