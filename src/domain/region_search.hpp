#pragma once
/// Finding regions by name, former name, pinyin initials or code (区划搜索, docs/definitions.md §17).

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.hpp"
#include "domain/region_tree.hpp"

namespace xj {

/// The lowercase pinyin initials a character may have ("zc" for 藏: zàng, cáng); empty for a character
/// that is not a CJK unified ideograph of U+4E00..U+9FFF.
std::string_view PinyinInitials(char32_t c);

/// A search query as typed, normalized: trimmed, ASCII letters lowered, and what it is matched against.
struct RegionQuery {
  enum class Kind { kName, kInitials, kCode };
  Kind kind = Kind::kName;
  std::string text;
};

inline constexpr std::size_t kMaxRegionQueryChars = 20;
inline constexpr std::size_t kMaxRegionHits = 50;

/// InvalidArgument for an empty query, one longer than kMaxRegionQueryChars characters or one that is not
/// UTF-8. Only ASCII letters → initials; only digits → code prefix; anything else → a part of the name.
Result<RegionQuery> ParseRegionQuery(std::string_view raw);

/// Whether `name` matches: for initials, `q` is a run of consecutive characters' initials
/// (each character may give any of its initials); for a name, `q` is a part of it.
bool RegionNameMatches(std::string_view name, const RegionQuery& q);

/// Matches of `q` in the subtrees of `roots`, higher levels first then by code, at most `limit`;
/// `truncated` when more matched.
struct RegionHits {
  std::vector<RegionIndex> regions;
  bool truncated = false;
};
RegionHits SearchRegions(const RegionTree& tree, std::span<const RegionIndex> roots, const RegionQuery& q,
                         std::size_t limit = kMaxRegionHits);

}  // namespace xj
