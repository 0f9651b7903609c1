#pragma once
/// Region search and region paths for pickers (区划树、级联选择): what a caller may see, found by name,
/// pinyin initials or code (docs/definitions.md §17). Free functions over App so that app.hpp stays as it is.

#include <string>
#include <string_view>
#include <vector>

#include "app/app.hpp"
#include "domain/region_search.hpp"

namespace xj {

/// A region with the regions above it, top first and itself last (the path a picker shows).
struct RegionWithPath {
  RegionSummary summary;
  std::vector<Region> path;
};

struct RegionSearchResult {
  std::vector<RegionWithPath> items;
  bool truncated = false;
};

/// The path of region `i`, top first and `i` last.
std::vector<Region> RegionPath(const RegionTree& tree, RegionIndex i);

/// Regions matching `query` in the caller's scope, or in the subtree of `parent` when given (which must be in
/// scope: PermissionDenied otherwise, NotFound when unknown). InvalidArgument for a bad query.
Result<RegionSearchResult> SearchVisibleRegions(const App& app, const Actor& actor, std::string_view query,
                                                std::string_view parent);

/// Every region of `level` in the caller's scope, or in the subtree of `parent`, by code (at most `limit`).
Result<RegionSearchResult> VisibleRegionsAtLevel(const App& app, const Actor& actor, RegionLevel level,
                                                 std::string_view parent, std::size_t limit);

/// A region in the caller's scope with its path (RegionDetail plus the path).
Result<RegionWithPath> VisibleRegionWithPath(const App& app, const Actor& actor, std::string_view code);

/// The public search of the postings page (no login): every region's name is public, nothing else is read.
Result<RegionSearchResult> SearchPublicRegions(const App& app, std::string_view query);

}  // namespace xj
