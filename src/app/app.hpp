#pragma once
/// The application layer: one function per user action. Owns the store and the
/// in-memory state built from it (region tree, analytics engine). Knows nothing of HTTP.

#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

#include "analytics/indicator_engine.hpp"
#include "app/actor.hpp"
#include "core/status.hpp"
#include "domain/ledger_rules.hpp"
#include "domain/region_tree.hpp"
#include "io/csv_reader.hpp"
#include "store/store.hpp"

namespace xj {

/// What an import did. Re-importing the same file yields inserted = updated = 0.
struct ImportReport {
  std::string kind;
  int rows = 0;  ///< data rows read
  int inserted = 0;
  int updated = 0;
  int unchanged = 0;  ///< rows identical to what is stored (idempotent re-import)
};

/// A region with the counts a tree view needs.
struct RegionSummary {
  Region region;
  int child_count = 0;
  int descendant_count = 0;
};

/// Which figures to compute: a region subtree, a fund year, an as-of date, a fund source.
struct IndicatorQuery {
  std::string region_code;  ///< empty = every top-level region (rankings only)
  int year = 0;
  Date as_of;
  FundSource fund_source = FundSource::kCentral;
};

/// Figures of one region, with the region itself for display.
struct RegionIndicators {
  Region region;
  Indicators figures;
};

/// One ranked unit.
struct RankedRegion {
  int rank = 0;
  Region region;
  Indicators figures;
  Fen incentive;
};

/// The flags list (问题预警): 以拨代支 entries and 超进度拨款 projects.
struct FlagsReport {
  struct Entry {
    DisburseAsExpendFlag flag;
    Region region;
  };
  struct PayAhead {
    PayAheadFlag flag;
    Region region;
  };
  std::vector<Entry> disburse_as_expend;
  std::vector<PayAhead> pay_ahead;
};

/// Thread-safe. Reads take snapshots; writes are serialized and committed to the
/// store before the in-memory state is updated.
class App {
 public:
  explicit App(std::unique_ptr<Store> store);
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  /// Migrates the store and loads the in-memory state. Call once before anything else.
  Status Start();
  Store& store() { return *store_; }

  // --- regions (区划) ---
  /// Imports the regions interchange format. All-or-nothing, idempotent.
  Result<ImportReport> ImportRegions(const Actor& actor, TableSource& source);
  /// Children of `parent_code` (the top-level regions when empty), ordered by code.
  Result<std::vector<RegionSummary>> RegionChildren(const Actor& actor, std::string_view parent_code) const;
  Result<RegionSummary> RegionDetail(const Actor& actor, std::string_view code) const;
  /// The current tree. The snapshot stays valid while held, even across imports.
  std::shared_ptr<const RegionTree> regions() const;

  // --- projects and the fund ledger (项目、资金台账) ---
  /// Imports the projects interchange format. All-or-nothing; idempotent by project_code
  /// (the same code with other content is rejected).
  Result<ImportReport> ImportProjects(const Actor& actor, TableSource& source);
  /// Imports the ledger interchange format. All-or-nothing; idempotent by entry_id.
  Result<ImportReport> ImportLedger(const Actor& actor, TableSource& source);
  /// Appends entries given through the API (row = item number), same rules as an import.
  Result<ImportReport> PostLedger(const Actor& actor, std::vector<NumberedEntry> entries);
  /// Records a signed construction contract on a project (for 超进度拨款).
  Status RecordContract(const Actor& actor, const ProjectContract& contract);
  /// Records a physical progress report on a project.
  Status RecordProgress(const Actor& actor, const ProgressReport& report);

  // --- figures (指标) ---
  Result<RegionIndicators> ComputeIndicators(const Actor& actor, const IndicatorQuery& query) const;
  /// The figures of each child of the query's region, ordered by code.
  Result<std::vector<RegionIndicators>> ChildIndicators(const Actor& actor, const IndicatorQuery& query) const;
  Result<std::vector<RankedRegion>> Rank(const Actor& actor, const IndicatorQuery& query,
                                         const RankOptions& options) const;
  /// Rank options with the incentive policy in force on the as-of date.
  RankOptions DefaultRankOptions(Date as_of) const;
  Result<FlagsReport> Flags(const Actor& actor, const std::string& region_code, std::optional<int> fund_year,
                            Date as_of, std::optional<FundSource> source) const;

  // --- operations ---
  /// Writes the demo dataset (演示数据) in one transaction. Fails with
  /// AlreadyExists when projects are stored. `national` = benchmark scale.
  Status LoadDemo(const Actor& actor, bool national);
  /// One figure that differs between the engine and the SQL recomputation.
  struct VerifyMismatch {
    std::string region_code;
    int year = 0;
    Date as_of;
    FundSource fund_source = FundSource::kCentral;
    std::string figure;
    std::int64_t engine = 0;
    std::int64_t sql = 0;
  };
  struct VerifyReport {
    int checks = 0;  ///< (region, year, as-of, source) combinations compared
    std::vector<VerifyMismatch> mismatches;
  };
  /// Recomputes every figure for every region with plain SQL over the raw rows,
  /// on the quarter ends of each year present and of the next, and on 07-05.
  Result<VerifyReport> Verify();

 private:
  Status ReloadRegions();
  /// Rebuilds the indicator engine from the store (start-up, region changes).
  Status RebuildEngine();
  /// Validates and appends a batch; `column_of` maps a column name to its 1-based position.
  Result<ImportReport> AppendLedger(std::vector<NumberedEntry> entries,
                                    const std::function<int(const std::string&)>& column_of);
  Result<RegionIndex> ResolveRegion(const RegionTree& tree, const std::string& code) const;

  std::unique_ptr<Store> store_;
  std::mutex write_mu_;  // serializes use cases that write
  mutable std::shared_mutex state_mu_;
  // shared_ptr: readers keep using an old tree while an import swaps in a new one.
  std::shared_ptr<const RegionTree> regions_;  // GUARDED_BY(state_mu_)
  std::unique_ptr<IndicatorEngine> engine_;    // GUARDED_BY(state_mu_)
};

}  // namespace xj
