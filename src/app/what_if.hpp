#pragma once
/// What-if of the incentive ranking (奖惩模拟, issue #19 point 2): policy parameters changed by
/// their own keys, ranked by the engine's one ranking (App::Rank) beside the current policy,
/// nothing saved.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/app.hpp"

namespace xj {

/// The parameters a what-if changes; unset ones stay as the policy has them.
struct RankWhatIf {
  std::optional<int> top_n;                ///< incentive_top_n
  std::optional<int> bottom_n;             ///< incentive_bottom_n
  std::optional<std::int64_t> amount_fen;  ///< incentive_amount_fen
  std::optional<RankMetric> metric;        ///< metric: expend_progress|assessed_progress
  std::optional<Date> as_of;               ///< as_of: the cut-off date
};

/// `key=value` pairs by the policy keys' own names (incentive_top_n, incentive_bottom_n,
/// incentive_amount_fen) and metric, as_of. InvalidArgument naming an unknown key, a repeated
/// one or a bad value; at least one pair.
Result<RankWhatIf> ParseRankWhatIf(const std::vector<std::pair<std::string, std::string>>& pairs);

/// One county under the current policy and under the what-if.
struct WhatIfRow {
  std::string region_code, region_name;
  std::optional<int> rank, what_if_rank;
  std::int64_t incentive_fen = 0, what_if_incentive_fen = 0;
  std::optional<std::int64_t> progress, what_if_progress;  ///< hundredths of a percent, by each side's metric
};

struct WhatIfComparison {
  RankWhatIf what_if;
  Ranking current, simulated;
  std::vector<WhatIfRow> rows;  ///< in the what-if's order
  std::int64_t current_total_fen = 0, what_if_total_fen = 0;
};

/// Ranks `query` under the current policy and under `what_if`, side by side. Reads only.
Result<WhatIfComparison> CompareWhatIf(const App& app, const Actor& actor, const IndicatorQuery& query,
                                       const RankRequest& request, const RankWhatIf& what_if);

/// {what_if: {…the keys given}, current: {scopes}, simulated: {scopes}, current_total_fen,
/// what_if_total_fen, rows: [{region_code, region_name, rank, incentive_fen, progress,
/// what_if_rank, what_if_incentive_fen, what_if_progress}]}.
nlohmann::ordered_json WhatIfJson(const WhatIfComparison& c);
/// The rows only (CSV and table output).
nlohmann::ordered_json WhatIfRowsJson(const WhatIfComparison& c);

}  // namespace xj
