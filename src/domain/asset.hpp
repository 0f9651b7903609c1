#pragma once
/// Assets formed by linkage projects (扶贫项目资产 / 衔接资金项目资产) and their register (资产登记,
/// 确权): issue #20, docs/definitions.md §8.

#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/money.hpp"

namespace xj {

/// 资产类型. Values are persisted: never renumber.
enum class AssetType : int {
  kOperating = 1,      ///< 经营性资产
  kPublicWelfare = 2,  ///< 公益性资产
  kHousehold = 3,      ///< 到户类资产
};
/// "operating" | "public_welfare" | "household".
std::string_view AssetTypeName(AssetType t);
/// 经营性 | 公益性 | 到户类.
std::string_view AssetTypeLabel(AssetType t);
/// The English name, the label, or the label with 资产 (经营性资产).
std::optional<AssetType> ParseAssetType(std::string_view text);

/// The level of the owner (权属层级). Values are persisted: never renumber.
enum class OwnerLevel : int {
  kRegion = 1,     ///< 区（自治区、省）
  kCounty = 2,     ///< 县
  kTownship = 3,   ///< 乡
  kVillage = 4,    ///< 村（村集体）
  kHousehold = 5,  ///< 户
};
/// "region" | "county" | "township" | "village" | "household".
std::string_view OwnerLevelName(OwnerLevel l);
/// 区 | 县 | 乡 | 村 | 户.
std::string_view OwnerLevelLabel(OwnerLevel l);
/// The English name, the one-character label, or a longer label (自治区, 县级, 乡镇, 村集体, 农户).
std::optional<OwnerLevel> ParseOwnerLevel(std::string_view text);

/// 资产状态: "in_use" 在用, "idle" 闲置, "damaged" 损毁, "disposed" 已处置.
std::optional<std::string> ParseAssetStatus(std::string_view text);
std::string_view AssetStatusLabel(std::string_view status);

/// One asset of the register.
struct Asset {
  std::string asset_code;   ///< 资产编码, the idempotency key of the import
  std::string name;         ///< 资产名称
  std::string region_code;  ///< the region the asset lies in (scope and roll-up)
  AssetType type = AssetType::kPublicWelfare;
  OwnerLevel owner_level = OwnerLevel::kVillage;
  std::string owner;          ///< 所有权人
  Fen original_value;         ///< 原值
  Fen current_value;          ///< 现值
  std::string location;       ///< 坐落位置
  std::string operator_name;  ///< 经营主体 (JSON `operator`)
  std::string custodian;      ///< 管护责任人
  std::string project_code;   ///< the project it came from ('' for none)
  std::string fund_sources;   ///< 资金来源, as text (中央衔接资金、地方衔接资金)
  std::string status = "in_use";
  bool registered = false;  ///< ownership confirmed (确权)
  std::optional<Date> registered_on;
  bool operator==(const Asset&) const = default;
};

}  // namespace xj
