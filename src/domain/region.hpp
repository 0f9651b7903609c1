#pragma once
/// Administrative regions (行政区划) and their levels.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace xj {

/// Administrative level. Values are persisted: never renumber.
enum class RegionLevel : int {
  kProvince = 1,    ///< 省级（自治区）
  kPrefecture = 2,  ///< 地市级
  kCounty = 3,      ///< 县级
  kTownship = 4,    ///< 乡镇
  kVillage = 5,     ///< 村（社区）
};

/// "province", "prefecture", … as the interchange format writes them.
std::string_view RegionLevelName(RegionLevel level);
/// Chinese label: 省级, 地市级, 县级, 乡镇, 村.
std::string_view RegionLevelLabel(RegionLevel level);
/// Accepts the English names and the usual Chinese ones (省/自治区/地市/市/州/县/区/乡/镇/村 …).
std::optional<RegionLevel> ParseRegionLevel(std::string_view text);

/// One region as stored. `code` is the GB/T 2260 code (6 digits) or a longer
/// statistical code for townships (9) and villages (12).
struct Region {
  std::string code;
  std::string name;
  RegionLevel level = RegionLevel::kProvince;
  std::string parent_code;    ///< empty for a top-level region
  bool key_township = false;  ///< 重点乡镇
  std::string former_name;    ///< earlier name still accepted (米林县 → 米林市), empty if none
  bool operator==(const Region&) const = default;
};

/// A region code: 6, 9 or 12 ASCII digits.
bool IsValidRegionCode(std::string_view code);

}  // namespace xj
