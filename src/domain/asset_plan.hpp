#pragma once
/// Classification and plans of operating assets (巩固/提升/盘活/另起炉灶), their income and its
/// distribution (收益分配), per-asset yield and the idle or loss-making list (issue #20 point 3,
/// docs/definitions.md §8). Pure rules only.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/ratio.hpp"
#include "core/status.hpp"
#include "domain/asset.hpp"

namespace xj {

/// The four classes of an operating asset. The codes are fixed; their labels are policy data
/// (asset_class_labels, defaults 巩固/提升/盘活/另起炉灶; the national wording 巩固/升级/盘活/调整 fits).
enum class AssetClass : int {
  kConsolidate = 1,  ///< 巩固: runs well, keep it so
  kUpgrade = 2,      ///< 提升（升级）: runs, to be improved
  kRevitalize = 3,   ///< 盘活: idle or inefficient, to be put back to use
  kRestart = 4,      ///< 另起炉灶（调整）: to be turned to another use
};
/// "consolidate" | "upgrade" | "revitalize" | "restart".
std::string_view AssetClassName(AssetClass c);
std::optional<AssetClass> ParseAssetClass(std::string_view name);
/// The default label of each class (巩固, 提升, 盘活, 另起炉灶).
std::string_view DefaultAssetClassLabel(AssetClass c);
inline constexpr AssetClass kAllAssetClasses[] = {AssetClass::kConsolidate, AssetClass::kUpgrade,
                                                  AssetClass::kRevitalize, AssetClass::kRestart};

/// The label of a class as policy data.
struct AssetClassLabel {
  AssetClass asset_class = AssetClass::kConsolidate;
  std::string label;
};

/// An operating asset's class, plan and follow-up date (分类处置计划).
struct AssetPlan {
  std::string asset_code;
  AssetClass asset_class = AssetClass::kConsolidate;
  std::string plan;                  ///< 处置计划 / 措施
  std::optional<Date> follow_up_on;  ///< 跟进日期
  std::string updated_by, updated_at;
};

/// Income of an asset (资产收益) received on a date, and its distribution (收益分配) as decided by the
/// village meeting (村民会议/村民代表会议): the decision's date and text are recorded with it.
struct AssetIncome {
  std::int64_t id = 0;  ///< assigned on insert
  std::string asset_code;
  Date received_on;
  std::int64_t amount_fen = 0;  ///< net income; negative for a loss (亏损)
  std::string distribution;     ///< 收益分配方案 ('' = not distributed yet)
  std::optional<Date> decided_on;
  std::string decision;  ///< the meeting's decision (决议), e.g. its text or number
  std::string created_by, created_at;
};

/// Errors (reason): InvalidArgument bad_plan (empty plan, or over 2000 bytes), not_operating (the asset is
/// not 经营性).
Status CheckAssetPlan(const Asset& asset, const AssetPlan& plan);
/// Errors (reason): InvalidArgument zero_income (amount 0), decision_required (a distribution without the
/// meeting's date and decision), not_operating.
Status CheckAssetIncome(const Asset& asset, const AssetIncome& income);

/// One operating asset's yield over a period and why it needs attention.
struct AssetYield {
  Asset asset;
  std::optional<AssetPlan> plan;
  std::int64_t income_fen = 0;  ///< Σ income received in the period
  std::int64_t incomes = 0;     ///< rows counted
  Ratio yield;                  ///< income_fen ÷ current value (undefined when the value is 0)
  bool idle = false;            ///< status idle (闲置)
  bool loss = false;            ///< income_fen < 0 (亏损)
  bool no_income = false;       ///< no income received in the period (无收益)
  bool attention() const { return idle || loss || no_income; }
};

/// The yield of `asset` from the incomes given (already those of the period).
AssetYield YieldOf(const Asset& asset, const std::vector<AssetIncome>& incomes);

}  // namespace xj
