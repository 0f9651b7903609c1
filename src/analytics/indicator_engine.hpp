#pragma once
/// The in-memory indicator engine: every figure of docs/definitions.md for any region
/// subtree, fund year, as-of date and fund source, answered from cumulative
/// series kept per region (O(log days) per figure). Built from the store at
/// start-up and updated on every committed write.

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "analytics/cumulative_series.hpp"
#include "core/date.hpp"
#include "core/money.hpp"
#include "core/ratio.hpp"
#include "core/status.hpp"
#include "core/string_hash.hpp"
#include "domain/category.hpp"
#include "domain/ledger.hpp"
#include "domain/pay_ahead.hpp"
#include "domain/policy.hpp"
#include "domain/project.hpp"
#include "domain/region_tree.hpp"

namespace xj {

/// Every figure for one region, fund year, as-of date and fund source.
/// Ratios are exact; rounding happens at the edge.
struct Indicators {
  RegionIndex region = kNoRegion;
  int year = 0;
  Date as_of;
  FundSource fund_source = FundSource::kCentral;

  std::int64_t projects_total = 0;     ///< in the year's plan (InYearPlan), plan year = year
  std::int64_t projects_started = 0;   ///< … with actual start ≤ as-of
  std::int64_t projects_finished = 0;  ///< … with actual finish ≤ as-of
  Ratio start_rate;                    ///< 开工率
  Ratio completion_rate;               ///< 完工率
  Ratio start_rate_last_year;          ///< the same for (year − 1, same day of year − 1)

  FenTotal allocated;              ///< Σ allocate (net of reversals), dates ≤ as-of
  FenTotal allocated_to_projects;  ///< … of which arranged to projects
  FenTotal disbursed;              ///< Σ disburse
  FenTotal expended;               ///< Σ expend
  FenTotal disburse_as_expend;     ///< 以拨代支: expend to gov_account payees
  FenTotal pay_ahead;              ///< 超进度拨款 attributed to this subtree
  Ratio expend_progress;           ///< 支出进度
  Ratio expend_progress_last_year;
  Ratio assessed_progress;    ///< 考核支出进度
  Ratio distribute_progress;  ///< 分配进度
  Ratio time_progress;        ///< 时间进度
  Ratio industry_share;       ///< 产业占比 (central funds planned for industry projects)
  FenTotal industry_planned;
  FenTotal planned_total;

  /// 时间过半任务过半: expend_progress ≥ time_progress; nullopt when progress is undefined.
  std::optional<bool> on_track() const;
};

/// One row of a ranking, best first; units without a figure (no allocation) last, unranked.
struct RankRow {
  int rank = 0;  ///< 1-based; 0 = unranked (the figure is undefined: nothing allocated)
  RegionIndex region = kNoRegion;
  Indicators figures;
  Fen incentive;  ///< +amount for the top N, −amount for the bottom N, 0 otherwise (always 0 unranked)
};

/// Which figure a ranking orders by.
enum class RankMetric : int { kExpendProgress = 0, kAssessedProgress = 1 };

struct RankOptions {
  RankMetric metric = RankMetric::kExpendProgress;
  int top = 10;
  int bottom = 10;
  Fen amount = Fen(2'000'000'000);
};

/// A 以拨代支 entry as the flags list shows it.
struct DisburseAsExpendFlag {
  std::string entry_id;
  Date date;
  RegionIndex region = kNoRegion;
  std::string project_code;
  FundSource fund_source = FundSource::kCentral;
  int fund_year = 0;
  Fen amount;
  std::string payee;
};

/// A project paid ahead of its physical progress.
struct PayAheadFlag {
  std::string project_code;
  std::string project_name;
  RegionIndex region = kNoRegion;
  PayAheadStatus status;
  Date since;  ///< the day the project went ahead of its progress (the last time, up to the as-of date)
};

/// Not thread-safe: the App guards it with a reader/writer lock.
class IndicatorEngine {
 public:
  IndicatorEngine(std::shared_ptr<const RegionTree> tree, CategoryCatalogue catalogue, PolicySet policy);

  // --- loading: contracts and progress first (they decide which projects are tracked
  //     for 超进度拨款), then the reversal dates, then projects and ledger facts in any
  //     order; then Finish() ---
  /// Room for this many tracked projects (saves rehashing while contracts load).
  void ReserveTracked(std::size_t projects) { tracked_.reserve(projects); }
  void LoadContract(const ProjectContract& c);
  void LoadProgress(const ProgressReport& r);
  /// The date of a project's 竣工验收 (its defects-liability period runs from it).
  void LoadAcceptance(const std::string& project_code, Date accepted_on);
  /// Every reversed entry's seq and reversal date, before the entries.
  void LoadReversalDates(const std::vector<std::pair<std::int64_t, Date>>& reversed);
  /// Projects may load on one thread while ledger facts load on others.
  void LoadProject(const Project& p);
  /// Ledger facts load in `shards` independent parts: LoadFact(k, …) for different k may
  /// run on different threads at once (each k on one thread at a time). Call before
  /// the first LoadFact; the default is one shard.
  void PrepareShards(int shards);
  void LoadFact(int shard, const LedgerFact& f);
  /// Merges the shards, books 超进度拨款 and rolls every series up the tree, using up to
  /// `threads` threads.
  void Finish(int threads = 1);

  // --- incremental updates after Finish(), each after the store committed ---
  void AddEntries(const std::vector<StoredEntry>& entries);
  void AddProject(const Project& p);
  void RemoveProject(const Project& p);
  /// `project_entries`: every stored entry naming the project (needed when the
  /// project gets its first contract and was not tracked before).
  void AddContract(const ProjectContract& c, const Project& project, const std::vector<StoredEntry>& project_entries);
  void AddProgress(const ProgressReport& r);
  /// A project reached 竣工验收 on `accepted_on` (after Finish()).
  void AddAcceptance(const std::string& project_code, Date accepted_on);
  /// Takes these 以拨代支 entries out of the 以拨代支 figure (and so out of assessed progress's
  /// deduction) for every as-of date: their inquiries were determined rejected (认定不成立,
  /// docs/definitions.md §11). After Finish(); an entry cleared already is left alone, one not
  /// loaded yet is cleared when it arrives (AddEntries), a later reversal of one nets to nothing.
  void ClearDisburseAsExpend(const std::vector<std::string>& entry_ids);

  // --- queries ---
  Indicators Compute(RegionIndex region, int year, Date as_of, FundSource source) const;
  /// Only the money figures (allocated … assessed_progress) and time progress: what a ranking needs.
  Indicators ComputeMoney(RegionIndex region, int year, Date as_of, FundSource source) const;
  /// Ranks `units` (one scheme's units) by `options.metric`, best first; units without a
  /// figure come last, unranked and never rewarded or penalised.
  std::vector<RankRow> Rank(const std::vector<RegionIndex>& units, int year, Date as_of, FundSource source,
                            const RankOptions& options) const;
  /// The 以拨代支 entries of the subtree on `as_of`, cleared ones (ClearDisburseAsExpend) left out.
  std::vector<DisburseAsExpendFlag> DisburseAsExpendFlags(RegionIndex root, std::optional<int> fund_year, Date as_of,
                                                          std::optional<FundSource> source) const;
  /// The 以拨代支 entry `entry_id` (any date, cleared or not), if it is one.
  std::optional<DisburseAsExpendFlag> DisburseAsExpendEntry(std::string_view entry_id) const;
  std::vector<PayAheadFlag> PayAheadFlags(RegionIndex root, Date as_of) const;
  /// The 超进度拨款 check of one project on `date` (nullopt when it has no contract).
  std::optional<PayAheadStatus> PayAheadOf(const std::string& project_code, Date date) const;
  /// Central linkage funds planned in the year's plan of the region subtree (产业占比's
  /// numerator and denominator), the projects classified as the engine classifies them.
  struct PlanFunds {
    FenTotal industry;
    FenTotal total;
  };
  PlanFunds PlanFundsOf(RegionIndex region, int year) const;

  const RegionTree& tree() const { return *tree_; }
  const std::shared_ptr<const RegionTree>& shared_tree() const { return tree_; }
  const PolicySet& policy() const { return policy_; }
  const CategoryCatalogue& catalogue() const { return catalogue_; }
  /// Total series points held (for the benchmark's memory report).
  std::size_t series_points() const;

 private:
  struct ProjectStats {
    std::int64_t total = 0;
    std::vector<std::int32_t> starts;    // sorted days
    std::vector<std::int32_t> finishes;  // sorted days
    Int128 planned_total = 0;            // central fund, fen
    Int128 planned_industry = 0;
  };
  struct TrackedProject {
    std::string name;
    RegionIndex region = kNoRegion;
    PayAheadInput input;
    std::vector<std::pair<std::int32_t, BucketAmount>> applied;  // pay-ahead deltas booked so far
    std::atomic_flag loading;                                    // guards input.payments while shards load
  };
  struct GovExpend {
    DisburseAsExpendFlag flag;
    std::int64_t seq = 0;
    std::optional<Date> reversed_on;
    bool cleared = false;  // out of the 以拨代支 figure (a rejected 认定)
  };
  /// Books `g`'s 以拨代支 amount out of the series (and its reversal's back in), marks it cleared.
  void ClearGovExpend(GovExpend& g);
  /// The 以拨代支 row of expenditure `f` (the views copied).
  static GovExpend GovExpendOf(const LedgerFact& f, RegionIndex region, std::optional<Date> reversed_on);
  /// Books `f`'s reversal date, when it has one.
  std::optional<Date> ReversalDateOf(std::int64_t seq) const;

  /// One metric's change on one day, while loading (16 bytes: most entries touch one metric).
  struct SparseDelta {
    std::int32_t day = 0;
    std::int32_t metric = 0;
    std::int64_t amount = 0;
  };
  struct PendingSeries {
    std::vector<SparseDelta> deltas;
    std::size_t compacted = 0;  // size after the last compaction
  };
  static void Compact(PendingSeries& p);
  /// What one loading thread writes: deltas booked at each region itself, by (fund year,
  /// source), rolled up by Finish(); 以拨代支 entries; lookup caches (bulk rows come grouped).
  struct LoadShard {
    std::unordered_map<RegionIndex, std::unordered_map<std::uint32_t, PendingSeries>> pending;
    std::int64_t last_pending_key = -1;
    PendingSeries* last_pending = nullptr;  // node-based maps keep addresses stable
    std::string last_region_code;
    RegionIndex last_region = kNoRegion;
    std::string last_tracked_code;
    TrackedProject* last_tracked = nullptr;
    std::vector<GovExpend> gov_expends;
    void Pend(std::int64_t key, RegionIndex region, std::uint32_t sub, SparseDelta delta);
  };

  void AddProjectStats(const Project& p, int sign);
  RegionIndex FindRegion(std::string_view code);
  RegionIndex FindRegion(LoadShard& shard, std::string_view code) const;
  /// Books `f`'s money: into `shard` while loading, into the series afterwards.
  void BookFact(const LedgerFact& f, RegionIndex region, LoadShard* shard);
  void AddToSeries(RegionIndex region, int fund_year, FundSource source, Date date, Metric metric, Int128 amount);
  /// After loading: records payments and 以拨代支 entries; returns the tracked project touched, if any.
  TrackedProject* TrackFact(const LedgerFact& f, RegionIndex region);
  /// While loading: the same for one shard (reversal dates are known up front).
  void TrackLoadedFact(LoadShard& shard, const LedgerFact& f, RegionIndex region);
  /// The 超进度拨款 deltas of `t` by date and bucket (pure: may run on any thread).
  std::vector<std::pair<std::int32_t, BucketAmount>> PayAheadDeltas(const TrackedProject& t) const;
  void BookPayAhead(TrackedProject& t, std::vector<std::pair<std::int32_t, BucketAmount>> applied);
  void RecomputePayAhead(TrackedProject& t);
  void RollUp();
  MetricValues SumsAsOf(RegionIndex region, int year, Date as_of, FundSource source) const;
  const ProjectStats* StatsFor(RegionIndex region, int year) const;

  std::shared_ptr<const RegionTree> tree_;
  CategoryCatalogue catalogue_;
  PolicySet policy_;
  bool finished_ = false;

  /// The series of (region, fund year, source), found without hashing the region: per
  /// (fund year, source) a slot for every region index (−1: no series), slots into `series_`.
  std::vector<CumulativeSeries> series_;
  std::unordered_map<std::uint32_t, std::vector<std::int32_t>> series_slots_;
  const CumulativeSeries* FindSeries(RegionIndex region, std::uint32_t sub) const;
  CumulativeSeries& SeriesAt(RegionIndex region, std::uint32_t sub);
  std::vector<LoadShard> shards_ = std::vector<LoadShard>(1);  // while loading; shard 0 also takes 超进度拨款
  std::unordered_map<std::uint64_t, ProjectStats> projects_;   // key: region << 16 | year
  StringMap<TrackedProject> tracked_;                          // projects with a contract (or progress)
  // While loading: reversed entry seq → reversal date, and a bitmap by seq that answers "no" quickly.
  std::unordered_map<std::int64_t, Date> reversal_dates_;
  std::vector<bool> reversed_seq_;
  std::vector<GovExpend> gov_expends_;
  std::unordered_map<std::int64_t, std::size_t> gov_by_seq_;
  std::unordered_set<std::string> cleared_entries_;  // entry ids whose 以拨代支 no longer counts
  // One-entry caches after loading: the entries of a batch come grouped.
  std::string last_region_code_;
  RegionIndex last_region_ = kNoRegion;
  std::string last_tracked_code_;
  TrackedProject* last_tracked_ = nullptr;
};

/// Time progress 时间进度 of fund year `fund_year` on `as_of`: day of year ÷ days in the year;
/// 100% once `as_of` is past the fund year's 31 December, 0 before its 1 January.
Ratio TimeProgress(Date as_of, int fund_year);

}  // namespace xj
