#pragma once
/// Driving execution (issue #17): 领导包保 assignments and their coverage (全覆盖), and the
/// monthly dispatch (月调度) with its frozen snapshots. The records live in `dispatch_records`
/// as JSON documents (the codecs below); the figures of a snapshot are the engine's `Indicators`
/// and ranking as they stood at the cut-off, stored whole so that nothing is recomputed
/// (docs/definitions.md §7).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analytics/indicator_engine.hpp"
#include "core/date.hpp"
#include "core/status.hpp"
#include "domain/region.hpp"

namespace xj {

/// Record kinds of `dispatch_records`.
struct DispatchKind {
  static constexpr const char* kBaobao = "baobao";
  static constexpr const char* kCycle = "dispatch_cycle";
  static constexpr const char* kSnapshotRow = "dispatch_row";
  static constexpr const char* kReminder = "reminder";
  static constexpr const char* kInterview = "interview";
};

/// A leader's level (包保领导层级): who may cover what (docs/definitions.md §7).
enum class LeaderLevel { kRegion, kPrefecture, kCounty };
/// "region" | "prefecture" | "county".
const char* LeaderLevelName(LeaderLevel level);
std::optional<LeaderLevel> ParseLeaderLevel(std::string_view name);

/// One 包保 assignment: a leader covering a county (regional leader) or a key township
/// (prefecture or county leader) over a period.
struct BaobaoAssignment {
  std::int64_t id = 0;
  std::string region_code;  ///< the county or key township covered
  std::string leader_name;
  std::string post;  ///< 职务
  LeaderLevel level = LeaderLevel::kRegion;
  std::string username;  ///< the leader's account ('' = none): whose 我包保的 it is
  Date period_from;
  Date period_to;  ///< inclusive
  std::string created_by;
  std::string created_at;
  // Shown, not stored:
  std::string region_name;
  RegionLevel region_level = RegionLevel::kCounty;
};

/// One unit that lacks its leader on the coverage date.
struct UncoveredUnit {
  std::string region_code;
  std::string name;
  RegionLevel level = RegionLevel::kCounty;
};

/// 全覆盖: counties with a regional leader, key townships with a prefecture or county leader.
struct BaobaoCoverage {
  Date as_of;
  int counties_total = 0;
  int counties_covered = 0;
  int key_townships_total = 0;
  int key_townships_covered = 0;
  std::vector<UncoveredUnit> uncovered;  ///< in tree order
};

/// One unit of "我包保的": the leader's assignment with the unit's figures, its place in the
/// ranking of its level, its overdue projects and open reminders.
struct MyUnit {
  BaobaoAssignment assignment;
  Indicators figures;
  std::optional<int> rank;  ///< in its scheme's ranking (App::Rank), nullopt when unranked
  int rank_size = 0;
  int overdue_milestones = 0;
  int late_starts = 0;
  int open_reminders = 0;
};

/// A dispatch cycle's state: opened (snapshot taken, counties fill in), reviewed by the
/// prefecture, closed by the region.
enum class CycleStatus { kOpen, kReviewed, kClosed };
const char* CycleStatusName(CycleStatus s);

/// A county's 填报 in a cycle: the explanation of its lag and next month's plan.
struct DispatchFiling {
  std::string region_code;
  std::string explanation;
  std::string next_plan;
  std::string filed_by;
  std::string filed_at;
};

/// A reviewing unit's review of its part of a cycle (审核): the prefectures of a region's
/// dispatch, the prefecture itself for its own.
struct DispatchReview {
  std::string region_code;
  std::string reviewed_by;
  std::string reviewed_at;
};

/// One monthly dispatch cycle (月调度) of a region.
struct DispatchCycle {
  std::int64_t id = 0;
  std::string region_code;
  std::string month;           ///< "2023-06"
  Date cutoff;                 ///< the snapshot's as-of date
  Date deadline;               ///< counties file by this day
  std::int64_t watermark = 0;  ///< the engine's ledger seq when the snapshot was taken
  std::string opened_by;
  std::string opened_at;
  CycleStatus status = CycleStatus::kOpen;  ///< reviewed once every reviewing unit has reviewed
  std::string closed_by, closed_at;
  std::vector<std::string> reviewers;  ///< the units that review (set when opened)
  std::vector<DispatchReview> reviews;
  std::vector<DispatchFiling> filings;
};

/// One frozen row of a cycle's snapshot: a unit's figures and rank at the cut-off.
struct SnapshotRow {
  std::string region_code;
  std::string region_name;
  RegionLevel region_level = RegionLevel::kCounty;
  Indicators figures;
  std::optional<int> rank;
  int rank_size = 0;
};

/// A cycle with its snapshot rows and, for each row, the live figures now and the previous
/// month's snapshot row (month-over-month change is computed from snapshots only).
struct DispatchView {
  DispatchCycle cycle;
  std::vector<SnapshotRow> rows;                     ///< in tree order
  std::vector<Indicators> live;                      ///< same order: the engine's figures at the cut-off today
  std::vector<std::optional<SnapshotRow>> previous;  ///< same order: last month's snapshot row, if any
};

// JSON of the stored documents (the figures as exact integers and fractions, never rounded).
nlohmann::json ToDoc(const BaobaoAssignment& a);
Result<BaobaoAssignment> BaobaoFromDoc(const nlohmann::json& j);
nlohmann::json ToDoc(const DispatchCycle& c);
Result<DispatchCycle> CycleFromDoc(const nlohmann::json& j);
nlohmann::json ToDoc(const SnapshotRow& r);
Result<SnapshotRow> SnapshotRowFromDoc(const nlohmann::json& j);

/// "2023-06" → its first day; InvalidArgument otherwise.
Result<Date> ParseMonth(std::string_view month);

}  // namespace xj
