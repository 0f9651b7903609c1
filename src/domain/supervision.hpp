#pragma once
/// Supervision in the field (督导, issue #18): visits, their findings, and how a period's visits
/// cover a region (docs/definitions.md §9). No I/O.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "domain/region_tree.hpp"

namespace xj {

/// What a finding (督导发现的问题) is about. Values are persisted: never renumber.
enum class FindingCategory : int {
  kFundUse = 1,           ///< 资金使用
  kDisburseAsExpend = 2,  ///< 以拨代支
  kProgress = 3,          ///< 项目进度
  kQuality = 4,           ///< 工程质量
  kAssetManagement = 5,   ///< 资产管理
  kOther = 6,             ///< 其他
};

/// "fund_use", "disburse_as_expend", "progress", "quality", "asset_management", "other".
std::string_view FindingCategoryName(FindingCategory c);
/// 资金使用, 以拨代支, 项目进度, 工程质量, 资产管理, 其他.
std::string_view FindingCategoryLabel(FindingCategory c);
/// The category named `name` (FindingCategoryName spelling); nullopt otherwise.
std::optional<FindingCategory> ParseFindingCategory(std::string_view name);

/// A problem a visit found, in one unit (region) and, when it concerns one, a project.
struct SupervisionFinding {
  std::int64_t id = 0;  ///< assigned by the store
  std::int64_t visit_id = 0;
  FindingCategory category = FindingCategory::kOther;
  std::string region_code;   ///< the unit concerned (责任单位所在区划)
  std::string project_code;  ///< empty when it concerns no single project
  std::string description;
};

/// A supervision visit (督导): a team sent by one level (`region_code`, the sending region) for
/// a span of days, the regions and projects it covered, and what it found.
struct SupervisionVisit {
  std::int64_t id = 0;  ///< assigned by the store
  std::string region_code;
  std::string title;
  std::vector<std::string> team;  ///< members' names, leader first
  Date start_date;
  Date end_date;                           ///< ≥ start_date
  std::vector<std::string> region_codes;   ///< regions covered, each in the sending region's subtree
  std::vector<std::string> project_codes;  ///< projects checked, each in the sending region's subtree
  std::vector<SupervisionFinding> findings;
  std::string created_by;
  std::string created_at;
};

/// The places one visit covered, resolved in a region tree: its listed regions and the regions
/// of the projects it checked (`projects` = code and region).
struct CoveredPlaces {
  std::vector<RegionIndex> regions;
  std::vector<std::pair<std::string, RegionIndex>> projects;
};

/// Coverage of a region by a period's visits (docs/definitions.md §9).
struct SupervisionCoverage {
  std::int64_t visits = 0;               ///< visits that covered a place in the region's subtree
  std::int64_t prefectures_covered = 0;  ///< distinct prefectures holding such a place
  std::int64_t counties_covered = 0;     ///< distinct counties holding such a place
  std::int64_t projects_checked = 0;     ///< distinct projects of the subtree checked
};

/// Counts how the visits (already limited to the period) cover the subtree of `root`: only
/// places inside it count; a covered place counts the prefecture and the county it lies in (or
/// is), each once however many visits or places reach it; a place above county level counts no
/// county, one above prefecture level no prefecture. `root` kNoRegion = the whole tree.
SupervisionCoverage CountCoverage(const RegionTree& tree, RegionIndex root, const std::vector<CoveredPlaces>& visits);

}  // namespace xj
