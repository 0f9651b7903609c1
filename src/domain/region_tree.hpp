#pragma once
/// The region tree in depth-first order: every subtree is a contiguous index range.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.hpp"
#include "core/string_hash.hpp"
#include "domain/region.hpp"

namespace xj {

/// Index of a region in depth-first order. Valid only for the tree that produced it.
using RegionIndex = std::int32_t;
constexpr RegionIndex kNoRegion = -1;

/// Immutable tree of regions. Thread-safe for concurrent reads.
class RegionTree {
 public:
  struct Node {
    Region region;
    RegionIndex parent = kNoRegion;
    RegionIndex subtree_end = 0;        ///< one past the last descendant: subtree = [index, subtree_end)
    int depth = 0;                      ///< 0 for top-level regions
    std::int32_t code_order = 0;        ///< position of the code among all codes (compare ints, not strings)
    std::vector<RegionIndex> children;  ///< ordered by code
  };

  RegionTree() = default;
  /// Builds the tree. Fails with InvalidArgument on a duplicate code, an unknown
  /// parent or a cycle (use ValidateRegionRows for row-level reports).
  static Result<RegionTree> Build(std::vector<Region> regions);

  std::size_t size() const { return nodes_.size(); }
  bool empty() const { return nodes_.empty(); }
  const Node& node(RegionIndex i) const { return nodes_[static_cast<std::size_t>(i)]; }
  const std::vector<RegionIndex>& roots() const { return roots_; }
  /// kNoRegion when the code is unknown.
  RegionIndex Find(std::string_view code) const;
  /// Number of regions strictly below `i`.
  std::int32_t DescendantCount(RegionIndex i) const { return node(i).subtree_end - i - 1; }
  bool Contains(RegionIndex ancestor, RegionIndex i) const { return i >= ancestor && i < node(ancestor).subtree_end; }
  /// The nearest ancestor-or-self at `level`, or kNoRegion.
  RegionIndex AncestorAtLevel(RegionIndex i, RegionLevel level) const;
  /// The codes of `i` and its ancestors, `i` first (empty for kNoRegion): the chain in which a
  /// regional policy value is looked up (PolicySet::ValueIn).
  std::vector<std::string> CodesToRoot(RegionIndex i) const;
  /// All regions of `level` inside the subtree of `root`, in depth-first order. O(log n + k).
  std::vector<RegionIndex> DescendantsAtLevel(RegionIndex root, RegionLevel level) const;
  /// Every region, depth-first.
  std::vector<Region> Regions() const;

 private:
  std::vector<Node> nodes_;
  std::vector<RegionIndex> roots_;
  std::vector<std::vector<RegionIndex>> by_level_;  // [level] → indices, ascending
  StringMap<RegionIndex> by_code_;
};

/// A region as read from row `row` of an import file.
struct RegionRow {
  int row = 0;
  Region region;
};

/// Checks incoming rows against the regions already stored, reporting every
/// problem with its row and column: empty name, malformed code, duplicate code in
/// the file, a code stored with another level or parent, unknown parent, a level
/// not below its parent's, a cycle. Returns the merged list (renames keep the old
/// name as `former_name`) when there is no problem.
Result<std::vector<Region>> MergeRegionRows(const std::vector<Region>& existing, const std::vector<RegionRow>& rows);

}  // namespace xj
