#include "domain/region_tree.hpp"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace xj {

Result<RegionTree> RegionTree::Build(std::vector<Region> regions) {
  // Sort by code through small keys, then permute once (moving whole regions around and
  // comparing strings cost more); already sorted input skips both.
  const auto by_code = [](const Region& a, const Region& b) { return a.code < b.code; };
  if (!std::is_sorted(regions.begin(), regions.end(), by_code)) {
    struct Key {
      std::uint64_t hi = 0, lo = 0;  // the first 16 bytes, big-endian, zero-padded
      std::uint32_t index = 0;
    };
    std::vector<Key> keys(regions.size());
    for (std::size_t i = 0; i < regions.size(); ++i) {
      const std::string& c = regions[i].code;
      Key& k = keys[i];
      for (std::size_t b = 0; b < 16; ++b) {
        const std::uint64_t byte = b < c.size() ? static_cast<unsigned char>(c[b]) : 0;
        (b < 8 ? k.hi : k.lo) |= byte << (8 * (7 - b % 8));
      }
      k.index = static_cast<std::uint32_t>(i);
    }
    // Equal 16-byte prefixes (codes that long, or a code with a NUL) fall back to the strings.
    std::sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
      if (a.hi != b.hi) return a.hi < b.hi;
      if (a.lo != b.lo) return a.lo < b.lo;
      return by_code(regions[a.index], regions[b.index]);
    });
    std::vector<Region> sorted;
    sorted.reserve(regions.size());
    for (const Key& k : keys) sorted.push_back(std::move(regions[k.index]));
    regions = std::move(sorted);
  }
  // Views into `regions`: valid until the depth-first walk below moves the regions out.
  std::unordered_map<std::string_view, std::size_t> pos;
  pos.reserve(regions.size());
  for (std::size_t i = 0; i < regions.size(); ++i) {
    if (!pos.emplace(regions[i].code, i).second) return Status::InvalidArgument("区划代码重复：" + regions[i].code);
  }
  std::vector<std::vector<std::size_t>> kids(regions.size());
  std::vector<std::size_t> top;
  for (std::size_t i = 0; i < regions.size(); ++i) {
    const std::string& p = regions[i].parent_code;
    if (p.empty()) {
      top.push_back(i);
      continue;
    }
    auto it = pos.find(p);
    if (it == pos.end()) return Status::InvalidArgument("上级区划不存在：" + p);
    kids[it->second].push_back(i);
  }

  RegionTree tree;
  tree.nodes_.reserve(regions.size());
  tree.by_code_.reserve(regions.size());
  // Iterative DFS (village trees are deep enough and large enough to avoid recursion).
  struct Frame {
    std::size_t src;
    RegionIndex self;
    std::size_t next_child;
  };
  std::vector<Frame> stack;
  for (std::size_t r : top) {
    auto push = [&](std::size_t src, RegionIndex parent, int depth) {
      const auto self = static_cast<RegionIndex>(tree.nodes_.size());
      Node n;
      n.region = std::move(regions[src]);
      n.parent = parent;
      n.depth = depth;
      n.code_order = static_cast<std::int32_t>(src);  // `regions` is sorted by code
      tree.by_code_.emplace(n.region.code, self);
      tree.nodes_.push_back(std::move(n));
      if (parent != kNoRegion) tree.nodes_[static_cast<std::size_t>(parent)].children.push_back(self);
      stack.push_back({src, self, 0});
    };
    tree.roots_.push_back(static_cast<RegionIndex>(tree.nodes_.size()));
    push(r, kNoRegion, 0);
    while (!stack.empty()) {
      Frame& f = stack.back();
      if (f.next_child < kids[f.src].size()) {
        const std::size_t child = kids[f.src][f.next_child++];
        const RegionIndex parent = f.self;
        push(child, parent, tree.nodes_[static_cast<std::size_t>(parent)].depth + 1);
      } else {
        tree.nodes_[static_cast<std::size_t>(f.self)].subtree_end = static_cast<RegionIndex>(tree.nodes_.size());
        stack.pop_back();
      }
    }
  }
  if (tree.nodes_.size() != regions.size()) return Status::InvalidArgument("区划存在循环上下级关系");
  constexpr int kLevels = static_cast<int>(RegionLevel::kVillage) + 1;
  tree.by_level_.assign(kLevels, {});
  for (RegionIndex i = 0; i < static_cast<RegionIndex>(tree.nodes_.size()); ++i) {
    tree.by_level_[static_cast<std::size_t>(tree.nodes_[static_cast<std::size_t>(i)].region.level)].push_back(i);
  }
  return tree;
}

RegionIndex RegionTree::Find(std::string_view code) const {
  auto it = by_code_.find(code);
  return it == by_code_.end() ? kNoRegion : it->second;
}

RegionIndex RegionTree::AncestorAtLevel(RegionIndex i, RegionLevel level) const {
  while (i != kNoRegion) {
    if (node(i).region.level == level) return i;
    i = node(i).parent;
  }
  return kNoRegion;
}

std::vector<std::string> RegionTree::CodesToRoot(RegionIndex i) const {
  std::vector<std::string> chain;
  for (; i != kNoRegion; i = node(i).parent) chain.push_back(node(i).region.code);
  return chain;
}

std::vector<RegionIndex> RegionTree::DescendantsAtLevel(RegionIndex root, RegionLevel level) const {
  const auto l = static_cast<std::size_t>(level);
  if (l >= by_level_.size()) return {};
  const std::vector<RegionIndex>& all = by_level_[l];
  // A subtree is the index range [root, subtree_end): its members of a level are a slice.
  auto first = std::lower_bound(all.begin(), all.end(), root);
  auto last = std::lower_bound(first, all.end(), node(root).subtree_end);
  return {first, last};
}

std::vector<Region> RegionTree::Regions() const {
  std::vector<Region> out;
  out.reserve(nodes_.size());
  for (const Node& n : nodes_) out.push_back(n.region);
  return out;
}

namespace {

FieldError RowError(const RegionRow& r, std::string column, int column_index, std::string value, std::string code,
                    std::string message) {
  FieldError e;
  e.row = r.row;
  e.column = std::move(column);
  e.column_index = column_index;
  e.value = std::move(value);
  e.code = std::move(code);
  e.message = std::move(message);
  return e;
}

// Column positions of the regions interchange format (docs/definitions.md §4), for reports
// built from already-parsed rows.
constexpr int kColCode = 1;
constexpr int kColName = 2;
constexpr int kColLevel = 3;
constexpr int kColParent = 4;

}  // namespace

Result<std::vector<Region>> MergeRegionRows(const std::vector<Region>& existing, const std::vector<RegionRow>& rows) {
  std::vector<FieldError> errors;
  std::unordered_map<std::string, Region> merged;
  merged.reserve(existing.size() + rows.size());
  for (const Region& r : existing) merged.emplace(r.code, r);

  std::unordered_map<std::string, int> seen_in_file;  // code → row
  std::unordered_map<std::string, const RegionRow*> incoming;
  for (const RegionRow& rr : rows) {
    const Region& r = rr.region;
    bool row_ok = true;
    if (!IsValidRegionCode(r.code)) {
      errors.push_back(RowError(rr, "code", kColCode, r.code, "invalid_code", "区划代码应为6、9或12位数字"));
      row_ok = false;
    }
    if (r.name.empty()) {
      errors.push_back(RowError(rr, "name", kColName, "", "empty_name", "名称不能为空"));
      row_ok = false;
    }
    if (!r.parent_code.empty() && r.parent_code == r.code) {
      errors.push_back(RowError(rr, "parent_code", kColParent, r.parent_code, "cycle", "上级代码不能是自身"));
      row_ok = false;
    }
    if (auto [it, fresh] = seen_in_file.emplace(r.code, rr.row); !fresh) {
      errors.push_back(RowError(rr, "code", kColCode, r.code, "duplicate_code",
                                "区划代码与第" + std::to_string(it->second) + "行重复"));
      continue;
    }
    if (!row_ok) continue;
    if (auto it = merged.find(r.code); it != merged.end()) {
      const Region& old = it->second;
      if (old.level != r.level) {
        errors.push_back(RowError(rr, "level", kColLevel, std::string(RegionLevelName(r.level)), "conflicts_existing",
                                  "与已有区划的级别（" + std::string(RegionLevelName(old.level)) + "）不一致"));
        continue;
      }
      if (old.parent_code != r.parent_code) {
        errors.push_back(RowError(rr, "parent_code", kColParent, r.parent_code, "conflicts_existing",
                                  "与已有区划的上级代码（" + old.parent_code + "）不一致"));
        continue;
      }
      Region updated = old;
      // A rename (县 → 市) keeps the earlier name so that both are accepted;
      // re-importing a list that still has the earlier name changes nothing.
      if (r.name != old.name && r.name != old.former_name) {
        updated.former_name = old.name;
        updated.name = r.name;
      }
      updated.key_township = r.key_township;
      it->second = std::move(updated);
    } else {
      merged.emplace(r.code, r);
    }
    incoming.emplace(r.code, &rr);
  }

  // Parents and level order, for the rows that survived the checks above.
  for (const auto& [code, rr] : incoming) {
    const Region& r = rr->region;
    if (r.parent_code.empty()) continue;
    auto p = merged.find(r.parent_code);
    if (p == merged.end()) {
      errors.push_back(RowError(*rr, "parent_code", kColParent, r.parent_code, "unknown_parent", "上级区划代码不存在"));
      continue;
    }
    if (static_cast<int>(p->second.level) >= static_cast<int>(r.level)) {
      errors.push_back(RowError(*rr, "level", kColLevel, std::string(RegionLevelName(r.level)), "level_order",
                                "级别应低于上级区划（" + std::string(RegionLevelName(p->second.level)) + "）"));
    }
  }
  // Cycles: walk up from every incoming row; a walk longer than the set has looped.
  for (const auto& [code, rr] : incoming) {
    std::unordered_set<std::string> path;
    std::string cur = code;
    bool cycle = false;
    while (!cur.empty()) {
      if (!path.insert(cur).second) {
        cycle = true;
        break;
      }
      auto it = merged.find(cur);
      if (it == merged.end()) break;
      cur = it->second.parent_code;
    }
    if (cycle && path.count(code) && cur == code) {
      errors.push_back(RowError(*rr, "parent_code", kColParent, rr->region.parent_code, "cycle", "上下级关系形成循环"));
    }
  }
  if (!errors.empty()) {
    std::sort(errors.begin(), errors.end(), [](const FieldError& a, const FieldError& b) {
      return a.row != b.row ? a.row < b.row : a.column_index < b.column_index;
    });
    // The message first: argument evaluation order would let the move empty `errors`.
    std::string message = "区划导入被拒绝：共" + std::to_string(errors.size()) + "处错误";
    return Status::Rejected(std::move(message), std::move(errors));
  }
  std::vector<Region> out;
  out.reserve(merged.size());
  for (auto& [code, r] : merged) out.push_back(std::move(r));
  return out;
}

}  // namespace xj
