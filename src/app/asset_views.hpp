#pragma once
/// What the asset register (确权资产) and work relief (以工代赈) use cases take and return
/// (issue #20, docs/definitions.md §8). App methods in assets.cpp and work_relief.cpp.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/ratio.hpp"
#include "domain/asset.hpp"
#include "domain/asset_inventory.hpp"
#include "domain/asset_plan.hpp"
#include "domain/work_relief.hpp"

namespace xj {

/// Which assets to list: a region's subtree ('' = the actor's), optionally one project's.
struct AssetListQuery {
  std::string region_code;
  std::string project_code;
  std::optional<bool> registered = {};
  std::optional<AssetType> type = {};
};

/// 确权 progress of one region's subtree: counts and original values (原值), registered ÷ all.
struct AssetRegistration {
  std::string region_code;
  std::string region_name;
  std::int64_t assets = 0;
  std::int64_t registered_assets = 0;
  std::int64_t value_fen = 0;
  std::int64_t registered_value_fen = 0;
  Ratio count_rate;  ///< registered_assets ÷ assets
  Ratio value_rate;  ///< registered_value_fen ÷ value_fen
  struct ByType {
    AssetType type;
    std::int64_t assets = 0;
    std::int64_t value_fen = 0;
  };
  std::vector<ByType> by_type;              ///< every type, 经营性 first
  std::vector<AssetRegistration> children;  ///< the same for each child region (one level)
};

/// A worker on a roster as a caller sees it: the numbers masked unless the caller may see them
/// and asked to (`masked` says which).
struct ReliefWorkerView {
  std::int64_t id = 0;
  std::string project_code;
  std::string region_code;
  std::string name;
  std::string id_number;  ///< masked (5401**********1234) or in clear
  std::string phone;      ///< masked or in clear; '' when none
  HouseholdStatus household_status = HouseholdStatus::kOrdinary;
  bool relocated = false;
  std::string village;
  std::string team;
  bool masked = true;
};

/// A wage payment as a caller sees it (the ID number masked as in ReliefWorkerView).
struct ReliefWageView {
  std::int64_t id = 0;
  std::string project_code;
  std::string region_code;
  std::string name;
  std::string id_number;
  Date paid_on;
  std::int64_t amount_fen = 0;
  std::int32_t days = 0;
  std::string method;
};

/// The work-relief figures of a region's subtree over a period (GET /api/v1/work-relief/summary).
struct WorkReliefSummary {
  std::string region_code;
  std::string region_name;
  std::optional<Date> from, to;
  WorkReliefFigures figures;
  std::vector<WorkReliefSummary> children;  ///< each child region (one level), without children
};

/// A work-relief project's labour-pay share (劳务报酬占比) against the policy minimum.
struct LabourShare {
  std::string project_code;
  std::string name;
  std::string region_code;
  std::int64_t central_fund_fen = 0;  ///< the base: the project's central funds
  std::int64_t wages_fen = 0;         ///< every wage paid by the project
  std::int64_t persons = 0;
  Ratio share;                  ///< wages_fen ÷ central_fund_fen
  std::int64_t minimum_bp = 0;  ///< the policy floor in force (work_relief_labour_share_min_bp)
  bool meets_minimum = false;   ///< share ≥ minimum (exactly at the floor meets it)
};

/// What opening an inventory campaign (清产核资) takes.
struct NewInventory {
  std::string region_code;  ///< the unit; '' = the actor's home region
  std::string name;
  std::string period;
};

/// Progress and results of one unit (the campaign's region or one child) in a campaign.
struct InventoryUnitProgress {
  std::string region_code;
  std::string region_name;
  InventoryProgress progress;
};

/// A campaign as a caller sees it: its figures, each child region's, and (GetInventory only) the
/// checks of the caller's scope.
struct InventoryView {
  InventoryCampaign campaign;
  std::string region_name;
  InventoryProgress total;                   ///< every check of the campaign
  std::vector<InventoryUnitProgress> units;  ///< each child region of the campaign's region (one level)
  std::vector<InventoryCheck> checks;        ///< empty in listings
};

/// A difference's review: approve (核准) or return (退回) with a reason.
struct InventoryReview {
  bool approve = true;
  std::string note;
};

/// Which operating assets' yield to list (GET /api/v1/asset-yields).
struct AssetYieldQuery {
  std::string region_code;       ///< '' = the actor's home region
  std::optional<Date> from, to;  ///< income received in [from, to], open when absent
  bool attention_only = false;   ///< only idle, loss-making or income-less assets
};

}  // namespace xj
