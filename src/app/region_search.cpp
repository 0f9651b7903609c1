// Region search for pickers: scope first (RegionChildren / RegionDetail decide what the caller may see),
// then the pure search of domain/region_search over those subtrees.
#include "app/region_search.hpp"

#include <algorithm>

namespace xj {
namespace {

RegionWithPath WithPath(const RegionTree& tree, RegionIndex i) {
  const auto& n = tree.node(i);
  return {{n.region, static_cast<int>(n.children.size()), tree.DescendantCount(i)}, RegionPath(tree, i)};
}

/// The roots the caller may search under: `parent` (checked by RegionDetail) or the caller's scope.
Result<std::vector<RegionIndex>> SearchRoots(const App& app, const Actor& actor, const RegionTree& tree,
                                             std::string_view parent) {
  std::vector<RegionIndex> roots;
  if (!parent.empty()) {
    XJ_ASSIGN_OR_RETURN(RegionSummary p, app.RegionDetail(actor, parent));
    roots.push_back(tree.Find(p.region.code));
  } else {
    XJ_ASSIGN_OR_RETURN(std::vector<RegionSummary> top, app.RegionChildren(actor, ""));
    for (const RegionSummary& s : top) roots.push_back(tree.Find(s.region.code));
  }
  std::erase(roots, kNoRegion);
  return roots;
}

RegionSearchResult Collect(const RegionTree& tree, const RegionHits& hits) {
  RegionSearchResult out;
  out.truncated = hits.truncated;
  for (RegionIndex i : hits.regions) out.items.push_back(WithPath(tree, i));
  return out;
}

}  // namespace

std::vector<Region> RegionPath(const RegionTree& tree, RegionIndex i) {
  std::vector<Region> path;
  for (RegionIndex r = i; r != kNoRegion; r = tree.node(r).parent) path.push_back(tree.node(r).region);
  std::reverse(path.begin(), path.end());
  return path;
}

Result<RegionSearchResult> SearchVisibleRegions(const App& app, const Actor& actor, std::string_view query,
                                                std::string_view parent) {
  XJ_ASSIGN_OR_RETURN(RegionQuery q, ParseRegionQuery(query));
  auto tree = app.regions();
  XJ_ASSIGN_OR_RETURN(std::vector<RegionIndex> roots, SearchRoots(app, actor, *tree, parent));
  return Collect(*tree, SearchRegions(*tree, roots, q));
}

Result<RegionSearchResult> VisibleRegionsAtLevel(const App& app, const Actor& actor, RegionLevel level,
                                                 std::string_view parent, std::size_t limit) {
  auto tree = app.regions();
  XJ_ASSIGN_OR_RETURN(std::vector<RegionIndex> roots, SearchRoots(app, actor, *tree, parent));
  RegionHits hits;
  for (RegionIndex root : roots) {
    // The root itself when it is of the level (a county user's own county), else its descendants.
    if (tree->node(root).region.level == level) {
      hits.regions.push_back(root);
      continue;
    }
    for (RegionIndex i : tree->DescendantsAtLevel(root, level)) hits.regions.push_back(i);
  }
  if (hits.regions.size() > limit) {
    hits.regions.resize(limit);
    hits.truncated = true;
  }
  return Collect(*tree, hits);
}

Result<RegionWithPath> VisibleRegionWithPath(const App& app, const Actor& actor, std::string_view code) {
  XJ_ASSIGN_OR_RETURN(RegionSummary s, app.RegionDetail(actor, code));
  auto tree = app.regions();
  const RegionIndex i = tree->Find(s.region.code);
  if (i == kNoRegion) return Status::NotFound("区划不存在：" + std::string(code));
  return WithPath(*tree, i);
}

Result<RegionSearchResult> SearchPublicRegions(const App& app, std::string_view query) {
  XJ_ASSIGN_OR_RETURN(RegionQuery q, ParseRegionQuery(query));
  auto tree = app.regions();
  return Collect(*tree, SearchRegions(*tree, tree->roots(), q));
}

}  // namespace xj
