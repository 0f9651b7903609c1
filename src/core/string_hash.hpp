#pragma once
/// Transparent string hashing: look up std::string keys by std::string_view without a copy.

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace xj {

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

/// An unordered_map from std::string that accepts std::string_view in find/count.
template <typename V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

}  // namespace xj
