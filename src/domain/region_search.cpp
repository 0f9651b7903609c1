#include "domain/region_search.hpp"

#include <algorithm>
#include <optional>

#include "domain/pinyin_initials_data.hpp"

namespace xj {
namespace {

/// Decodes UTF-8 into code points; nullopt when malformed.
std::optional<std::u32string> Decode(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    int extra = 0;
    char32_t c = 0;
    if (b < 0x80) {
      c = b;
    } else if ((b & 0xE0) == 0xC0) {
      c = b & 0x1F, extra = 1;
    } else if ((b & 0xF0) == 0xE0) {
      c = b & 0x0F, extra = 2;
    } else if ((b & 0xF8) == 0xF0) {
      c = b & 0x07, extra = 3;
    } else {
      return std::nullopt;
    }
    if (i + static_cast<std::size_t>(extra) >= s.size()) return std::nullopt;
    for (int k = 1; k <= extra; ++k) {
      const auto t = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
      if ((t & 0xC0) != 0x80) return std::nullopt;
      c = (c << 6) | (t & 0x3F);
    }
    out.push_back(c);
    i += static_cast<std::size_t>(extra) + 1;
  }
  return out;
}

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool InitialsMatch(std::string_view name, std::string_view q) {
  const auto chars = Decode(name);
  if (!chars || chars->size() < q.size()) return false;
  for (std::size_t start = 0; start + q.size() <= chars->size(); ++start) {
    bool all = true;
    for (std::size_t k = 0; k < q.size() && all; ++k) {
      all = PinyinInitials((*chars)[start + k]).find(q[k]) != std::string_view::npos;
    }
    if (all) return true;
  }
  return false;
}

}  // namespace

std::string_view PinyinInitials(char32_t c) {
  if (c < pinyin_data::kBase || c >= pinyin_data::kEnd) return {};
  const char* first = &pinyin_data::kFirst[c - pinyin_data::kBase];
  if (*first == '-') return {};
  const pinyin_data::Extra* end = pinyin_data::kExtra + pinyin_data::kExtraCount;
  const pinyin_data::Extra* e = std::lower_bound(
      pinyin_data::kExtra, end, c, [](const pinyin_data::Extra& x, char32_t v) { return x.code_point < v; });
  if (e != end && e->code_point == c) return e->letters;
  return {first, 1};
}

Result<RegionQuery> ParseRegionQuery(std::string_view raw) {
  while (!raw.empty() && IsSpace(raw.front())) raw.remove_prefix(1);
  while (!raw.empty() && IsSpace(raw.back())) raw.remove_suffix(1);
  if (raw.empty()) return Status::InvalidArgument("搜索词不能为空");
  const auto chars = Decode(raw);
  if (!chars) return Status::InvalidArgument("搜索词不是有效的 UTF-8 文本");
  if (chars->size() > kMaxRegionQueryChars) {
    return Status::InvalidArgument("搜索词过长（最多 " + std::to_string(kMaxRegionQueryChars) + " 个字）");
  }
  RegionQuery q;
  q.text = std::string(raw);
  const bool letters = std::all_of(q.text.begin(), q.text.end(),
                                   [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
  const bool digits = std::all_of(q.text.begin(), q.text.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (letters) {
    q.kind = RegionQuery::Kind::kInitials;
    for (char& c : q.text) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  } else if (digits) {
    q.kind = RegionQuery::Kind::kCode;
  }
  return q;
}

bool RegionNameMatches(std::string_view name, const RegionQuery& q) {
  switch (q.kind) {
    case RegionQuery::Kind::kInitials: return InitialsMatch(name, q.text);
    case RegionQuery::Kind::kName: return name.find(q.text) != std::string_view::npos;
    case RegionQuery::Kind::kCode: return false;
  }
  return false;
}

RegionHits SearchRegions(const RegionTree& tree, std::span<const RegionIndex> roots, const RegionQuery& q,
                         std::size_t limit) {
  std::vector<RegionIndex> all;
  for (RegionIndex root : roots) {
    for (RegionIndex i = root; i < tree.node(root).subtree_end; ++i) {
      const Region& r = tree.node(i).region;
      const bool hit =
          q.kind == RegionQuery::Kind::kCode
              ? r.code.starts_with(q.text)
              : RegionNameMatches(r.name, q) || (!r.former_name.empty() && RegionNameMatches(r.former_name, q));
      if (hit) all.push_back(i);
    }
  }
  std::sort(all.begin(), all.end(), [&tree](RegionIndex a, RegionIndex b) {
    const auto& x = tree.node(a);
    const auto& y = tree.node(b);
    if (x.region.level != y.region.level) return x.region.level < y.region.level;
    return x.code_order < y.code_order;
  });
  all.erase(std::unique(all.begin(), all.end()), all.end());
  RegionHits out;
  out.truncated = all.size() > limit;
  if (out.truncated) all.resize(limit);
  out.regions = std::move(all);
  return out;
}

}  // namespace xj
