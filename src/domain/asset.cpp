#include "domain/asset.hpp"

#include <array>

namespace xj {
namespace {

struct TypeInfo {
  AssetType type;
  std::string_view name, label, long_label;
};
constexpr std::array<TypeInfo, 3> kTypes = {{
    {AssetType::kOperating, "operating", "经营性", "经营性资产"},
    {AssetType::kPublicWelfare, "public_welfare", "公益性", "公益性资产"},
    {AssetType::kHousehold, "household", "到户类", "到户类资产"},
}};

struct LevelInfo {
  OwnerLevel level;
  std::string_view name, label, long_label, other_label;
};
constexpr std::array<LevelInfo, 5> kLevels = {{
    {OwnerLevel::kRegion, "region", "区", "自治区", "省"},
    {OwnerLevel::kCounty, "county", "县", "县级", "县区"},
    {OwnerLevel::kTownship, "township", "乡", "乡镇", "乡级"},
    {OwnerLevel::kVillage, "village", "村", "村集体", "村级"},
    {OwnerLevel::kHousehold, "household", "户", "农户", "户级"},
}};

struct AssetStatusInfo {
  std::string_view name, label;
};
constexpr std::array<AssetStatusInfo, 4> kAssetStatuses = {{
    {"in_use", "在用"},
    {"idle", "闲置"},
    {"damaged", "损毁"},
    {"disposed", "已处置"},
}};

}  // namespace

std::string_view AssetTypeName(AssetType t) {
  for (const TypeInfo& i : kTypes) {
    if (i.type == t) return i.name;
  }
  return "unknown";
}

std::string_view AssetTypeLabel(AssetType t) {
  for (const TypeInfo& i : kTypes) {
    if (i.type == t) return i.label;
  }
  return "未知";
}

std::optional<AssetType> ParseAssetType(std::string_view text) {
  for (const TypeInfo& i : kTypes) {
    if (text == i.name || text == i.label || text == i.long_label) return i.type;
  }
  return std::nullopt;
}

std::string_view OwnerLevelName(OwnerLevel l) {
  for (const LevelInfo& i : kLevels) {
    if (i.level == l) return i.name;
  }
  return "unknown";
}

std::string_view OwnerLevelLabel(OwnerLevel l) {
  for (const LevelInfo& i : kLevels) {
    if (i.level == l) return i.label;
  }
  return "未知";
}

std::optional<OwnerLevel> ParseOwnerLevel(std::string_view text) {
  for (const LevelInfo& i : kLevels) {
    if (text == i.name || text == i.label || text == i.long_label || text == i.other_label) return i.level;
  }
  return std::nullopt;
}

std::optional<std::string> ParseAssetStatus(std::string_view text) {
  for (const AssetStatusInfo& i : kAssetStatuses) {
    if (text == i.name || text == i.label) return std::string(i.name);
  }
  return std::nullopt;
}

std::string_view AssetStatusLabel(std::string_view status) {
  for (const AssetStatusInfo& i : kAssetStatuses) {
    if (status == i.name) return i.label;
  }
  return "未知";
}

}  // namespace xj
