#include "domain/supervision.hpp"

#include <array>
#include <set>

namespace xj {
namespace {

struct CategoryInfo {
  FindingCategory category;
  std::string_view name;
  std::string_view label;
};

constexpr std::array<CategoryInfo, 6> kCategories = {{
    {FindingCategory::kFundUse, "fund_use", "资金使用"},
    {FindingCategory::kDisburseAsExpend, "disburse_as_expend", "以拨代支"},
    {FindingCategory::kProgress, "progress", "项目进度"},
    {FindingCategory::kQuality, "quality", "工程质量"},
    {FindingCategory::kAssetManagement, "asset_management", "资产管理"},
    {FindingCategory::kOther, "other", "其他"},
}};

}  // namespace

std::string_view FindingCategoryName(FindingCategory c) {
  for (const CategoryInfo& i : kCategories) {
    if (i.category == c) return i.name;
  }
  return "other";
}

std::string_view FindingCategoryLabel(FindingCategory c) {
  for (const CategoryInfo& i : kCategories) {
    if (i.category == c) return i.label;
  }
  return "其他";
}

std::optional<FindingCategory> ParseFindingCategory(std::string_view name) {
  for (const CategoryInfo& i : kCategories) {
    if (i.name == name) return i.category;
  }
  return std::nullopt;
}

SupervisionCoverage CountCoverage(const RegionTree& tree, RegionIndex root, const std::vector<CoveredPlaces>& visits) {
  SupervisionCoverage out;
  std::set<RegionIndex> prefectures, counties;
  std::set<std::string> projects;
  auto inside = [&](RegionIndex i) { return i != kNoRegion && (root == kNoRegion || tree.Contains(root, i)); };
  auto count_place = [&](RegionIndex i) {
    if (RegionIndex p = tree.AncestorAtLevel(i, RegionLevel::kPrefecture); p != kNoRegion) prefectures.insert(p);
    if (RegionIndex c = tree.AncestorAtLevel(i, RegionLevel::kCounty); c != kNoRegion) counties.insert(c);
  };
  for (const CoveredPlaces& v : visits) {
    bool covered = false;
    for (RegionIndex r : v.regions) {
      if (!inside(r)) continue;
      covered = true;
      count_place(r);
    }
    for (const auto& [code, r] : v.projects) {
      if (!inside(r)) continue;
      covered = true;
      count_place(r);
      projects.insert(code);
    }
    if (covered) ++out.visits;
  }
  out.prefectures_covered = static_cast<std::int64_t>(prefectures.size());
  out.counties_covered = static_cast<std::int64_t>(counties.size());
  out.projects_checked = static_cast<std::int64_t>(projects.size());
  return out;
}

}  // namespace xj
