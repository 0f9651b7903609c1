#pragma once
/// Incentive settlements (奖惩结算, issue #19): a run freezes the engine's one ranking of a
/// region's counties on an as-of date (docs/definitions.md §6), is approved by another user
/// and never changes after; a later run of the same region, year and as-of date reports what
/// changed since and why. The use cases are App methods (settlements.cpp).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analytics/indicator_engine.hpp"
#include "core/date.hpp"
#include "domain/ledger.hpp"

namespace xj {

/// What a settlement run asks for.
struct SettlementRequest {
  std::string region_code;
  int year = 0;
  Date as_of;
  FundSource fund_source = FundSource::kCentral;
  RankMetric metric = RankMetric::kExpendProgress;
};

/// The incentive scheme a run's counties were ranked in, as in force on the as-of date.
struct SettlementScope {
  std::string region_code;  ///< the scheme's owner; '' = the whole tree
  std::string region_name;
  int size = 0;  ///< counties ranked (with a figure)
  int top_n = 0, bottom_n = 0;
  std::int64_t amount_fen = 0;
};

/// One county of a run, as ranked.
struct SettlementRow {
  std::optional<int> rank;  ///< nullopt: nothing allocated, not ranked
  std::string region_code;
  std::string region_name;
  std::int64_t incentive_fen = 0;
  std::int64_t allocated_fen = 0;
  std::int64_t expended_fen = 0;
  std::int64_t deducted_fen = 0;                ///< 以拨代支 + 超进度拨款 (what assessed progress leaves out)
  std::optional<std::int64_t> expend_progress;  ///< hundredths of a percent
  std::optional<std::int64_t> assessed_progress;  ///< hundredths of a percent
  std::string scope_region_code;
  int scope_size = 0;
};

/// A county whose place or money differs from the base run.
struct SettlementRowChange {
  std::string region_code;
  std::string region_name;
  std::optional<int> rank_before, rank_after;
  std::int64_t incentive_before_fen = 0, incentive_after_fen = 0;
};

/// A ledger entry the base run had not seen (recorded after its watermark) that the new run
/// counts: a late entry (补录, dated on or before the as-of date) or a reversal (冲销).
struct SettlementEntryChange {
  std::int64_t seq = 0;
  std::string entry_id;
  std::string kind;    ///< allocate|disburse|expend|reverse
  std::string reason;  ///< late_entry|reversal
  Date date;
  std::string region_code;
  std::int64_t amount_fen = 0;
  std::string reverses;  ///< the reversed entry's id (reversals)
};

/// What changed since the base run (the last approved run of the same region, year, as-of date,
/// fund source and metric, else the latest such run); empty without one.
struct SettlementChanges {
  std::optional<std::int64_t> base_run_id;
  std::int64_t base_watermark_seq = 0;
  bool policy_changed = false;  ///< a scheme's N or amount or the policy version differs
  std::vector<SettlementRowChange> rows;
  std::vector<SettlementEntryChange> entries;
};

/// A stored run.
struct SettlementRun {
  std::int64_t id = 0;
  std::string region_code;
  std::string region_name;
  int year = 0;
  Date as_of;
  FundSource fund_source = FundSource::kCentral;
  RankMetric metric = RankMetric::kExpendProgress;
  std::string policy_version;      ///< the latest effective date of the schemes' values in force, or "default"
  std::int64_t watermark_seq = 0;  ///< the ledger seq up to which the engine had applied every entry
  std::string status;              ///< draft|approved
  std::string run_by, run_at;
  std::string approved_by, approved_at;
  std::vector<SettlementScope> scopes;
  std::vector<SettlementRow> rows;
  SettlementChanges changes;
};

struct SettlementRunRecord;
class RegionTree;
/// The run a stored record holds; Internal naming the run for a document that does not decode.
Result<SettlementRun> DecodeSettlementRun(const SettlementRunRecord& rec, const RegionTree& tree);

/// "expend_progress" | "assessed_progress".
std::string_view RankMetricName(RankMetric metric);
std::optional<RankMetric> ParseRankMetric(std::string_view name);

/// The JSON form of a run the API answers (docs/openapi.yaml, Settlement): money in fen,
/// percentages as numbers with two decimals.
/// A percentage in hundredths as a JSON number (99.74), or null when undefined.
nlohmann::ordered_json HundredthsJson(const std::optional<std::int64_t>& hundredths);
nlohmann::ordered_json SettlementJson(const SettlementRun& run);
/// What `xianjie settle` prints: {run_id, region_code, year, as_of, policy_version, status,
/// rows: [{rank, region_code, incentive_fen}]}.
nlohmann::ordered_json SettlementCliJson(const SettlementRun& run);

}  // namespace xj
