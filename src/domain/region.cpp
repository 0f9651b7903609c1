#include "domain/region.hpp"

#include <array>
#include <utility>

namespace xj {

std::string_view RegionLevelName(RegionLevel level) {
  switch (level) {
    case RegionLevel::kProvince: return "province";
    case RegionLevel::kPrefecture: return "prefecture";
    case RegionLevel::kCounty: return "county";
    case RegionLevel::kTownship: return "township";
    case RegionLevel::kVillage: return "village";
  }
  return "province";
}

std::string_view RegionLevelLabel(RegionLevel level) {
  switch (level) {
    case RegionLevel::kProvince: return "省级";
    case RegionLevel::kPrefecture: return "地市级";
    case RegionLevel::kCounty: return "县级";
    case RegionLevel::kTownship: return "乡镇";
    case RegionLevel::kVillage: return "村";
  }
  return "省级";
}

std::optional<RegionLevel> ParseRegionLevel(std::string_view text) {
  static const std::array<std::pair<std::string_view, RegionLevel>, 24> kNames = {{
      {"province", RegionLevel::kProvince}, {"省", RegionLevel::kProvince},
      {"省级", RegionLevel::kProvince},     {"自治区", RegionLevel::kProvince},
      {"直辖市", RegionLevel::kProvince},   {"prefecture", RegionLevel::kPrefecture},
      {"地市", RegionLevel::kPrefecture},   {"地市级", RegionLevel::kPrefecture},
      {"市", RegionLevel::kPrefecture},     {"地区", RegionLevel::kPrefecture},
      {"州", RegionLevel::kPrefecture},     {"county", RegionLevel::kCounty},
      {"县", RegionLevel::kCounty},         {"县级", RegionLevel::kCounty},
      {"县区", RegionLevel::kCounty},       {"区县", RegionLevel::kCounty},
      {"township", RegionLevel::kTownship}, {"乡镇", RegionLevel::kTownship},
      {"乡", RegionLevel::kTownship},       {"镇", RegionLevel::kTownship},
      {"街道", RegionLevel::kTownship},     {"village", RegionLevel::kVillage},
      {"村", RegionLevel::kVillage},        {"社区", RegionLevel::kVillage},
  }};
  for (const auto& [name, level] : kNames) {
    if (name == text) return level;
  }
  return std::nullopt;
}

bool IsValidRegionCode(std::string_view code) {
  if (code.size() != 6 && code.size() != 9 && code.size() != 12) return false;
  for (char c : code) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace xj
