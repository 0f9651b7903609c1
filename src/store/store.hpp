#pragma once
/// The storage contract the app layer depends on. Implemented once by sql::SqlStore over a
/// SQLite or a PostgreSQL driver; one contract test suite runs against both.

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/int128.hpp"
#include "core/status.hpp"
#include "domain/asset_inventory.hpp"
#include "domain/asset_plan.hpp"
#include "domain/benchmark.hpp"
#include "domain/category.hpp"
#include "domain/factor_allocation.hpp"
#include "domain/flag.hpp"
#include "domain/inquiry.hpp"
#include "domain/ledger.hpp"
#include "domain/posting.hpp"
#include "domain/project.hpp"
#include "domain/project_lifecycle.hpp"
#include "domain/region.hpp"
#include "store/account_records.hpp"
#include "store/asset_records.hpp"
#include "store/evaluation_records.hpp"
#include "store/import_job_records.hpp"
#include "store/ledger_query.hpp"
#include "store/relocation_records.hpp"
#include "store/settlement_records.hpp"
#include "store/spot_check_records.hpp"
#include "store/supervision_records.hpp"

namespace xj {

/// A versioned policy value (政策参数) with the date it takes effect.
struct PolicyValue {
  std::string key;
  std::int64_t value = 0;
  Date effective_from;
  std::string note;
  std::string region_code = {};  ///< the region owning the value (an incentive scheme's); '' = everywhere
};

/// Subtree sums of one region computed by plain SQL over the raw rows, for
/// `xianjie verify` to compare with the engine. Money in fen.
struct SqlRegionFigures {
  std::string region_code;
  std::int64_t projects_total = 0;
  std::int64_t projects_started = 0;
  std::int64_t projects_finished = 0;
  // Money in 128 bits, like the engine's totals: no subtree sum wraps.
  Int128 planned_total = 0;     ///< central fund of the projects in the year's plan
  Int128 planned_industry = 0;  ///< … of industry projects
  Int128 allocated = 0;
  Int128 allocated_to_projects = 0;
  Int128 disbursed = 0;
  Int128 expended = 0;
  Int128 disburse_as_expend = 0;
  Int128 pay_ahead = 0;
};

/// What a SQL recomputation is asked for; the policy values in force on the as-of date
/// are passed in (policy lookup is not a figure).
struct SqlFiguresQuery {
  int year = 0;
  Date as_of;
  FundSource fund_source = FundSource::kCentral;
  std::int64_t advance_cap_bp = 0;
  std::int64_t retention_bp = 0;
  std::int64_t defects_liability_months = 0;
};

/// Which stored flags to read (问题预警): every filter optional, the rest is the caller's.
struct FlagFilter {
  std::optional<std::int64_t> id;
  std::optional<std::string> kind;
  std::optional<std::string> subject;
};

/// A project's money over every fund year and source, net of reversals (for over_arranged).
struct ProjectMoney {
  std::string project_code;
  FenTotal allocated;           ///< allocations naming the project (a total: 128 bits)
  FenTotal expended;            ///< expenditure on the project
  bool any_allocation = false;  ///< an allocation names the project (even if reversed)
};

/// A project with its optimistic-concurrency version (bumped by every update).
struct StoredProject {
  Project project;
  std::int64_t version = 1;
};

/// One recorded lifecycle step.
struct TransitionRecord {
  std::string project_code;
  std::string action;
  ProjectState from = ProjectState::kDraft;
  ProjectState to = ProjectState::kDraft;
  std::string actor;
  std::string at;  ///< UTC timestamp of the request
  Date on;         ///< the date of the step
  std::string reason;
};

/// One record of the project library's document table (`library_records`): a library sheet,
/// a reference-data version, a joint-review configuration or decision, a compliance review, a
/// posting, an objection or a village plan. `doc` is JSON the app encodes and decodes.
struct LibraryRecord {
  std::int64_t id = 0;  ///< assigned on insert
  std::string kind;
  std::string region_code;   ///< the region the record belongs to ('' = national reference data)
  std::string project_code;  ///< the project it is about, '' when none
  std::int64_t ref_id = 0;   ///< the record it refers to (an objection's posting), 0 when none
  std::string doc;
  std::string created_at;
  std::string updated_at;
};

/// Which library records to read: every record of `kind`, narrowed by at most one of the
/// optional keys (checked in this order: id, project_code, ref_id, region_code).
struct LibraryRecordQuery {
  std::string kind;
  std::optional<std::int64_t> id;
  std::optional<std::string> project_code;
  std::optional<std::int64_t> ref_id;
  std::optional<std::string> region_code;
};

/// One record of the driving-execution document table (`dispatch_records`, issue #17): a 包保
/// assignment, a dispatch cycle or one of its snapshot rows, a reminder, an interview. `doc` is
/// JSON the app encodes and decodes (app/dispatch_codec).
struct DispatchRecord {
  std::int64_t id = 0;  ///< assigned on insert
  std::string kind;
  std::string region_code;  ///< the unit the record is about
  std::string period;       ///< "2023-06" (a month) or "2023-W27" (an ISO week); '' when none
  std::int64_t ref_id = 0;  ///< the record it belongs to (a snapshot row's cycle), 0 when none
  std::string dedup_key;    ///< unique when not empty
  std::string doc;
  std::string created_at;
  std::string updated_at;
};

/// Which dispatch records to read: every record of `kind`, narrowed by every key given.
struct DispatchRecordQuery {
  std::string kind;
  std::optional<std::int64_t> id;
  std::optional<std::int64_t> ref_id;
  std::optional<std::string> period;
  std::optional<std::string> region_code;
};

/// Which public postings (公示) to read, newest (highest id) first or oldest first.
struct PostingQuery {
  std::optional<std::int64_t> id;
  std::optional<std::string> project_code;
  /// Only postings of projects in these regions (a subtree's codes); nullopt = every region.
  std::optional<std::vector<std::string>> region_codes;
  bool newest_first = false;
  std::int64_t limit = 0;  ///< 0 = no limit
};

/// A table `xianjie copy` moves whole between backends (listed once in store_copy.cpp).
struct CopiedTable {
  std::string_view name;      ///< same table name and columns on every backend
  std::string_view order_by;  ///< key order in which references resolve (ledger: seq)
  bool seeded = false;        ///< migrations insert default rows, which the copy replaces
};

/// Rows of one table as text cells (nullopt = NULL); dates are YYYY-MM-DD.
struct RowBatch {
  std::vector<std::string> columns;
  std::vector<std::vector<std::optional<std::string>>> rows;
};

/// Thread-safe: every method may be called from any thread. Writes made inside
/// Transact() by the same thread join its transaction; elsewhere each write
/// method is its own transaction. No method ever leaves a partial write behind.
class Store {
 public:
  virtual ~Store() = default;

  /// ScanLedgerFacts reads in shards from this many rows on (below, one reader is faster);
  /// tests lower it to exercise the parallel path on small data.
  void set_parallel_scan_from(std::int64_t rows) { parallel_scan_from_ = rows; }
  /// How many shards the last ScanLedgerFacts read in.
  int last_scan_shards() const { return last_scan_shards_.load(); }
  /// The highest seq the last ScanLedgerFacts covered (every entry up to it was read, none after).
  std::int64_t last_scanned_seq() const { return last_scanned_seq_.load(); }

  /// "sqlite" or "postgresql".
  virtual std::string_view backend() const = 0;
  /// Applies pending migrations in order, each in its own transaction. Returns the version reached.
  virtual Result<int> Migrate() = 0;
  /// The applied schema version, 0 for an empty database.
  virtual Result<int> SchemaVersion() = 0;
  /// Runs `fn` in one transaction: committed if it returns ok, rolled back otherwise
  /// (and on exceptions, which are rethrown).
  virtual Status Transact(const std::function<Status()>& fn) = 0;
  /// Runs `fn` holding the lock `name` against every server on this database, for a
  /// look-up-then-insert that must not race another process (generated project codes). The
  /// transactions `fn` opens see every write committed under the lock before them.
  /// REQUIRES: not inside Transact().
  virtual Status Exclusive(std::string_view name, const std::function<Status()>& fn) = 0;
  /// Writes a consistent copy of the whole database to `path` (a file for SQLite).
  virtual Status Backup(const std::string& path) = 0;

  // --- regions ---
  virtual Result<std::vector<Region>> LoadRegions() = 0;
  /// Inserts or updates (name, key_township, former_name) the given regions.
  virtual Status UpsertRegions(const std::vector<Region>& regions) = 0;

  // --- projects ---
  virtual Status ScanProjects(const std::function<void(const Project&)>& fn) = 0;
  /// Projects with these codes that exist (order unspecified).
  virtual Result<std::vector<Project>> FindProjects(const std::vector<std::string>& codes) = 0;
  /// Inserts new projects; AlreadyExists if a code is taken.
  virtual Status InsertProjects(const std::vector<Project>& projects) = 0;
  /// The project and its version; nullopt when unknown.
  virtual Result<std::optional<StoredProject>> GetProject(std::string_view code) = 0;
  /// Writes state and actual dates if the stored version is `expected_version`, bumping it.
  /// Conflict (and nothing written) when another update came first.
  virtual Status UpdateProjectState(const Project& project, std::int64_t expected_version) = 0;
  /// Writes every column of the project except its code, region and state history if the stored
  /// version is `expected_version`, bumping it. Conflict (and nothing written) otherwise.
  virtual Status UpdateProject(const Project& project, std::int64_t expected_version) = 0;
  virtual Status AppendTransition(const TransitionRecord& record) = 0;
  /// The project's steps, oldest first.
  virtual Result<std::vector<TransitionRecord>> ProjectTransitions(std::string_view code) = 0;
  /// The steps of these projects, each project's in the order taken (projects in no order).
  virtual Result<std::vector<TransitionRecord>> FindTransitions(const std::vector<std::string>& codes) = 0;
  /// The 竣工验收 date (`on` of the latest step into `accepted`) of every project that has one.
  virtual Result<std::vector<std::pair<std::string, Date>>> AcceptanceDates() = 0;
  virtual Status UpsertProcedure(std::string_view code, const ProcedureStatus& procedure, const std::string& at) = 0;
  virtual Result<std::vector<ProcedureStatus>> ProjectProcedures(std::string_view code) = 0;

  // --- ledger (append-only) ---
  /// Every entry in commit order.
  virtual Status ScanLedger(const std::function<void(const StoredEntry&)>& fn) = 0;
  /// Every entry as a lean view, for the indicator engine's bulk load, in no particular
  /// order. The store may read in up to `max_shards` parts at once: `fn(shard, fact)` is
  /// then called from that many threads concurrently, each shard (0 ≤ shard < max_shards)
  /// on one thread. `entry_id` and `payee` are filled for expenditures to government
  /// accounts only; `reverses_seq` is not filled. The views die when `fn` returns.
  /// Other store calls may run meanwhile. REQUIRES: not inside Transact(). `up_to` ≥ 0 stops at
  /// that seq (the engine's rebuild reads the reversal dates up to it first).
  virtual Status ScanLedgerFacts(int max_shards, const std::function<void(int, const LedgerFact&)>& fn,
                                 std::int64_t up_to = -1) = 0;
  /// Entries with seq > `after`, in seq order, `reverses_seq` filled (the follower's read, issue #16).
  virtual Result<std::vector<StoredEntry>> EntriesAfter(std::int64_t after) = 0;
  /// What a follower compares to find other processes' writes: the change log's counter (raised
  /// in the same transaction as every change to regions, projects, transitions, contracts,
  /// progress, policies and categories; migration 0012) and the highest ledger seq.
  struct ChangeMark {
    std::int64_t changes = 0;
    std::int64_t max_seq = 0;
    /// auth_log's counter (migration 0019): raised by a session revoked or deleted, a user changed.
    std::int64_t auth_changes = 0;
  };
  virtual Result<ChangeMark> ReadChangeMark() = 0;
  /// For every reversed entry: its seq and the date of the reversal.
  virtual Result<std::vector<std::pair<std::int64_t, Date>>> ReversalDates() = 0;
  /// Stored entries with these ids (order unspecified).
  virtual Result<std::vector<StoredEntry>> FindEntries(const std::vector<std::string>& entry_ids) = 0;
  /// Of these entry ids, the ones some stored reversal already cancels.
  virtual Result<std::vector<std::string>> FindReversed(const std::vector<std::string>& entry_ids) = 0;
  /// Appends entries, assigning `seq`. Returns them with seq set.
  virtual Result<std::vector<StoredEntry>> AppendEntries(std::vector<StoredEntry> entries) = 0;
  /// Every entry that names this project, in commit order.
  virtual Result<std::vector<StoredEntry>> ProjectEntries(std::string_view project_code) = 0;
  /// A page of matching entries, newest first, with the total count (台账查询).
  virtual Result<LedgerPage> ListLedger(const LedgerFilter& filter) = 0;

  // --- contracts and physical progress (超进度拨款 inputs) ---
  virtual Status InsertContract(const ProjectContract& contract) = 0;
  virtual Status InsertProgress(const ProgressReport& report) = 0;
  virtual Status ScanContracts(const std::function<void(const ProjectContract&)>& fn) = 0;
  virtual Status ScanProgress(const std::function<void(const ProgressReport&)>& fn) = 0;
  /// One project's contracts and progress reports, in the order recorded.
  virtual Result<std::vector<ProjectContract>> ProjectContracts(std::string_view code) = 0;
  virtual Result<std::vector<ProgressReport>> ProjectProgress(std::string_view code) = 0;

  /// Number of stored projects.
  virtual Result<std::int64_t> CountProjects() = 0;
  /// Plan years of projects and fund years and sources of ledger entries present.
  virtual Result<std::vector<std::pair<int, FundSource>>> FundYearsAndSources() = 0;
  /// Every region's subtree figures (regions without data may be omitted), by SQL alone.
  virtual Result<std::vector<SqlRegionFigures>> ComputeFiguresBySql(const SqlFiguresQuery& query) = 0;

  // --- reference data ---
  /// The project-type catalogue in force (latest version of each code).
  virtual Result<std::vector<ProjectCategory>> LoadCategories() = 0;

  // --- project library records (library_records) ---
  /// Inserts a record (its id and province are assigned) and returns its id.
  virtual Result<std::int64_t> InsertLibraryRecord(const LibraryRecord& record) = 0;
  /// Replaces the document of record `id`. NotFound when there is no such record.
  virtual Status UpdateLibraryRecord(std::int64_t id, const std::string& doc, const std::string& updated_at) = 0;
  /// Matching records, oldest (lowest id) first.
  virtual Result<std::vector<LibraryRecord>> FindLibraryRecords(const LibraryRecordQuery& query) = 0;

  // --- driving execution (dispatch_records, issue #17) ---
  /// Inserts a record and returns its id; 0 (nothing inserted) when a record with the same
  /// non-empty dedup_key exists.
  virtual Result<std::int64_t> InsertDispatchRecord(const DispatchRecord& record) = 0;
  /// Replaces the document of record `id`. NotFound when there is no such record.
  virtual Status UpdateDispatchRecord(std::int64_t id, const std::string& doc, const std::string& updated_at) = 0;
  /// Matching records, oldest (lowest id) first.
  virtual Result<std::vector<DispatchRecord>> FindDispatchRecords(const DispatchRecordQuery& query) = 0;

  // --- public postings (library_postings) ---
  /// Inserts a posting (its id and province are assigned) and returns its id.
  virtual Result<std::int64_t> InsertPosting(const Posting& posting) = 0;
  virtual Result<std::vector<Posting>> FindPostings(const PostingQuery& query) = 0;

  // --- policies ---
  virtual Result<std::vector<PolicyValue>> LoadPolicies() = 0;
  virtual Status InsertPolicy(const PolicyValue& value) = 0;

  // --- flags as work items (问题预警): sqlite_flags.cpp, postgres_flags.cpp ---
  /// Stores flags raised at payment: a new (kind, subject) as an open flag, a known one's
  /// amount, detail and cleared date updated (its work state untouched).
  virtual Status UpsertRaisedFlags(const std::vector<Flag>& flags, const std::string& at) = 0;
  /// Matching flags, oldest first.
  virtual Result<std::vector<Flag>> FindFlags(const FlagFilter& filter) = 0;
  /// Stores a flag (a kind the engine computes, when somebody first acts on it); returns its id.
  /// AlreadyExists when its (kind, subject) is stored.
  virtual Result<std::int64_t> InsertFlag(const Flag& flag) = 0;
  /// Writes status, assignee, reason, amount, detail and updated_at of flag `flag.id` if its
  /// stored version is `expected_version`, bumping it; Conflict (nothing written) otherwise.
  virtual Status UpdateFlagState(const Flag& flag, std::int64_t expected_version) = 0;
  virtual Status AppendFlagEvent(const FlagEvent& event) = 0;
  /// A flag's history, oldest first.
  virtual Result<std::vector<FlagEvent>> FlagEvents(std::int64_t flag_id) = 0;
  /// The money of these projects (those without any entry are absent).
  virtual Result<std::vector<ProjectMoney>> ProjectMoneyOf(const std::vector<std::string>& codes) = 0;

  // --- national benchmarks (全国平均) ---
  /// Inserts or replaces the values of these (indicator, date) pairs.
  virtual Status UpsertBenchmarks(const std::vector<Benchmark>& rows) = 0;
  /// Every benchmark, by indicator then date.
  virtual Result<std::vector<Benchmark>> LoadBenchmarks() = 0;

  // --- 清产核资 (issue #20 point 2): sql_asset_inventories.cpp, migration 0023 ---
  /// Inserts a campaign and its checks; returns the campaign's id. AlreadyExists (reason
  /// inventory_exists) when the region already has a campaign for the period.
  virtual Result<std::int64_t> InsertInventory(const InventoryCampaign& campaign,
                                               const std::vector<InventoryCheck>& checks) = 0;
  /// The campaign `id`, or nullopt.
  virtual Result<std::optional<InventoryCampaign>> FindInventory(std::int64_t id) = 0;
  /// Every campaign, newest first.
  virtual Result<std::vector<InventoryCampaign>> ListInventories() = 0;
  /// Marks the campaign closed (closed_by, closed_at).
  virtual Status CloseInventory(const InventoryCampaign& campaign) = 0;
  /// The checks of campaign `id`, ordered by asset code.
  virtual Result<std::vector<InventoryCheck>> ListInventoryChecks(std::int64_t id) = 0;
  /// Replaces a check if its stored version is `expected_version`; Conflict (stale_version) otherwise.
  virtual Status UpdateInventoryCheck(const InventoryCheck& check, std::int64_t expected_version) = 0;
  /// Appends one row of an asset's history.
  virtual Status InsertAssetChange(const AssetChange& change) = 0;
  /// The history of `asset_code`, oldest first.
  virtual Result<std::vector<AssetChange>> ListAssetChanges(const std::string& asset_code) = 0;

  // --- classes, plans and income of operating assets (issue #20 point 3): sql_asset_plans.cpp, migration 0026 ---
  /// The labels of the classes, by class name.
  virtual Result<std::vector<AssetClassLabel>> ListAssetClassLabels() = 0;
  /// Replaces the label of each class given.
  virtual Status UpdateAssetClassLabels(const std::vector<AssetClassLabel>& labels, const std::string& at) = 0;
  /// Inserts or replaces the plan of an asset.
  virtual Status UpsertAssetPlan(const AssetPlan& plan) = 0;
  /// Every plan, by asset code.
  virtual Result<std::vector<AssetPlan>> ListAssetPlans() = 0;
  /// Appends an income row; returns its id.
  virtual Result<std::int64_t> InsertAssetIncome(const AssetIncome& income) = 0;
  /// Income rows of `asset_code` ('' = every asset) received from `from` to `to` (inclusive, open when absent).
  virtual Result<std::vector<AssetIncome>> ListAssetIncomes(const std::string& asset_code, std::optional<Date> from,
                                                            std::optional<Date> to) = 0;

  // --- asset register and work relief (issue #20): sql_assets.cpp ---
  /// Inserts each asset or replaces the stored one of its code (created_at kept).
  virtual Status UpsertAssets(const std::vector<Asset>& assets, const std::string& at) = 0;
  /// Assets of `project_code` ('' = every asset), ordered by code.
  virtual Result<std::vector<Asset>> FindAssets(const std::string& project_code) = 0;
  /// Inserts each roster row or replaces the one of its (project, person).
  virtual Status UpsertReliefWorkers(const std::vector<StoredReliefWorker>& workers, const std::string& at) = 0;
  /// Roster rows of `project_code` ('' = every project), oldest first.
  virtual Result<std::vector<StoredReliefWorker>> FindReliefWorkers(const std::string& project_code) = 0;
  /// Inserts each wage or replaces the one of its (project, person, date).
  virtual Status UpsertReliefWages(const std::vector<StoredWage>& wages, const std::string& at) = 0;
  /// Wages paid from `from` to `to` (both inclusive, nullopt = open), of `project_code` ('' = all).
  virtual Result<std::vector<StoredWage>> FindReliefWages(std::optional<Date> from, std::optional<Date> to,
                                                          const std::string& project_code) = 0;

  // --- relocation support (issue #20 point 5): sql_relocation.cpp ---
  /// Inserts the site or replaces the stored one of its code (created_at kept).
  virtual Status UpsertRelocationSite(const RelocationSite& site) = 0;
  /// Every site, ordered by code.
  virtual Result<std::vector<RelocationSite>> ListRelocationSites() = 0;
  /// Inserts a household and returns its id; AlreadyExists when its head (person_index) is stored.
  virtual Result<std::int64_t> InsertRelocationHousehold(const StoredRelocationHousehold& household) = 0;
  /// Every household, by id.
  virtual Result<std::vector<StoredRelocationHousehold>> ListRelocationHouseholds() = 0;
  /// Inserts a claim and returns its id; AlreadyExists for a second claim of (household, kind, basis date).
  virtual Result<std::int64_t> InsertRelocationSubsidy(const RelocationSubsidy& subsidy) = 0;
  /// Records the payment of a computed claim; returns false (nothing written) when it is not computed.
  virtual Result<bool> PayRelocationSubsidy(std::int64_t id, Date paid_on, std::int64_t paid_fen,
                                            const std::string& method, const std::string& paid_by,
                                            const std::string& at) = 0;
  /// Claims of `household_id` (0 = every household), by id.
  virtual Result<std::vector<RelocationSubsidy>> ListRelocationSubsidies(std::int64_t household_id) = 0;

  // --- whole-database copy (`xianjie copy`); table names come from a fixed list ---
  virtual Result<std::int64_t> CountRows(const CopiedTable& table) = 0;
  /// Streams every row of `table` in `order_by` order, at most `batch_rows` per call of `fn`;
  /// stops at the first non-ok Status of `fn` and returns it.
  virtual Status ExportRows(const CopiedTable& table, std::size_t batch_rows,
                            const std::function<Status(const RowBatch&)>& fn) = 0;
  /// Appends rows keeping every value, keys and seq included; id sequences move past them.
  virtual Status ImportRows(const CopiedTable& table, const RowBatch& batch) = 0;
  /// Deletes every row of a seeded reference table before a copy replaces it.
  virtual Status ClearRows(const CopiedTable& table) = 0;

  // --- accounts (账户) and sessions ---
  /// The user with this exact username, or nullopt.
  virtual Result<std::optional<UserRecord>> FindUserByName(std::string_view username) = 0;
  virtual Result<std::optional<UserRecord>> FindUserById(std::int64_t id) = 0;
  /// Inserts a user and returns its id; AlreadyExists when the username is taken.
  virtual Result<std::int64_t> InsertUser(const UserRecord& user) = 0;
  /// Every user, ordered by username.
  virtual Result<std::vector<UserRecord>> ListUsers() = 0;
  /// Writes the user's role, region, department, disabled flag and password hash (by id; the
  /// username and creation time never change). NotFound when no user has the id.
  virtual Status UpdateUser(const UserRecord& user) = 0;
  /// Marks every session of the user revoked except the one whose hash is `keep_token_hash`
  /// (empty: revokes all). Returns how many sessions it revoked.
  virtual Result<std::int64_t> RevokeUserSessions(std::int64_t user_id, std::string_view keep_token_hash) = 0;
  virtual Status InsertSession(const SessionRecord& session) = 0;
  /// The session with this token hash (revoked or not), or nullopt.
  virtual Result<std::optional<SessionRecord>> FindSession(std::string_view token_hash) = 0;
  virtual Status TouchSession(std::string_view token_hash, std::int64_t last_seen_at) = 0;
  /// Marks the session revoked; ok when it does not exist.
  virtual Status RevokeSession(std::string_view token_hash) = 0;
  /// Deletes sessions created before `created_before` or idle since before `seen_before`.
  virtual Status DeleteStaleSessions(std::int64_t created_before, std::int64_t seen_before) = 0;

  // --- API tokens of service accounts (migration 0010) ---
  /// Inserts a token and returns its id; AlreadyExists when the hash is taken.
  virtual Result<std::int64_t> InsertApiToken(const ApiTokenRecord& token) = 0;
  /// The token with this hash (revoked and expired ones too), or nullopt.
  virtual Result<std::optional<ApiTokenRecord>> FindApiToken(std::string_view token_hash) = 0;
  /// Every token, newest first.
  virtual Result<std::vector<ApiTokenRecord>> ListApiTokens() = 0;
  /// Sets revoked_at when not yet set; ok when the token does not exist.
  virtual Status RevokeApiToken(std::int64_t id, std::string_view revoked_at) = 0;
  virtual Status TouchApiToken(std::int64_t id, std::string_view last_used_at) = 0;

  // --- incentive settlements (migration 0015, sql_settlements.cpp) ---
  /// Inserts a run and returns its id.
  virtual Result<std::int64_t> InsertSettlementRun(const SettlementRunRecord& run) = 0;
  /// The run with this id, or nullopt.
  virtual Result<std::optional<SettlementRunRecord>> FindSettlementRun(std::int64_t id) = 0;
  /// Runs of a region (every region when empty) and year (every year when 0), newest first.
  virtual Result<std::vector<SettlementRunRecord>> ListSettlementRuns(std::string_view region_code, int year) = 0;
  /// Moves a draft run to approved; Conflict when it is not a draft (any more).
  virtual Status ApproveSettlementRun(std::int64_t id, std::string_view approved_by, std::string_view approved_at) = 0;

  // --- performance evaluations (绩效评价, migrations 0031, 0032, sql_evaluations.cpp) ---
  /// Inserts an evaluation with its items and returns its id; AlreadyExists when the county has one
  /// for the year.
  virtual Result<std::int64_t> InsertEvaluation(const EvaluationRecord& evaluation,
                                                const std::vector<EvaluationItemRecord>& items) = 0;
  /// The evaluation with this id, or nullopt.
  virtual Result<std::optional<EvaluationRecord>> FindEvaluation(std::int64_t id) = 0;
  /// Evaluations of a fund year (every year when 0), by region code.
  virtual Result<std::vector<EvaluationRecord>> ListEvaluations(int year) = 0;
  /// The items of an evaluation, by item id.
  virtual Result<std::vector<EvaluationItemRecord>> ListEvaluationItems(std::int64_t evaluation_id) = 0;
  /// Writes status, total, grade, updated_at, finalized_by/at and version + 1 of an evaluation whose
  /// stored version is `expected_version`; Conflict otherwise (or when it is final).
  virtual Status UpdateEvaluation(const EvaluationRecord& evaluation, std::int64_t expected_version) = 0;
  /// Writes an item's source, figure, points, evidence, self_points, adjust_reason, scored_by/at.
  virtual Status UpdateEvaluationItem(const EvaluationItemRecord& item) = 0;
  /// Appends a step and returns its id.
  virtual Result<std::int64_t> AppendEvaluationStep(const EvaluationStepRecord& step) = 0;
  /// The steps of an evaluation, oldest first.
  virtual Result<std::vector<EvaluationStepRecord>> ListEvaluationSteps(std::int64_t evaluation_id) = 0;

  // --- import jobs (migration 0016, sql_import_jobs.cpp) ---
  virtual Status InsertImportJob(const ImportJobRecord& job) = 0;
  /// Writes state, phase, format, heartbeat, rows and started_at of a job still queued or running
  /// (a finished or cancelled job is left as it is).
  virtual Status UpdateImportJobProgress(const ImportJobRecord& job) = 0;
  /// Writes the outcome of a job (phase done) and its error workbook (base64, empty for none);
  /// NotFound when the job is not stored.
  virtual Status FinishImportJob(const ImportJobRecord& job, const std::string& error_workbook) = 0;
  /// The job with this id, or nullopt.
  virtual Result<std::optional<ImportJobRecord>> FindImportJob(std::string_view job_id) = 0;
  /// Every stored job, newest first.
  virtual Result<std::vector<ImportJobRecord>> ListImportJobs() = 0;
  /// The job's error workbook (base64), empty when it has none or does not exist.
  virtual Result<std::string> ImportJobErrorWorkbook(std::string_view job_id) = 0;
  /// Records as cancelled every job still queued or running that `server` runs or whose heartbeat
  /// is below `heartbeat_before`; how many.
  virtual Result<std::int64_t> CancelImportJobs(std::string_view server, std::int64_t heartbeat_before,
                                                std::string_view finished_at, std::string_view message) = 0;
  /// Sets the heartbeat of the unfinished jobs `server` runs.
  virtual Status TouchImportJobs(std::string_view server, std::int64_t heartbeat) = 0;
  /// Deletes finished jobs but the `keep_finished` newest.
  virtual Status PruneImportJobs(std::int64_t keep_finished) = 0;
  // --- allocation factors (分配因素, migration 0024, sql_allocation.cpp) ---
  /// Inserts each county's factors of its year or replaces the stored ones.
  virtual Status UpsertCountyFactors(const std::vector<CountyFactors>& rows) = 0;
  /// The factors of `year` (every year when 0), by region code then year.
  virtual Result<std::vector<CountyFactors>> LoadCountyFactors(int year) = 0;
  // --- supervision visits and findings (督导, migration 0021, sql_supervision.cpp) ---
  /// Inserts a visit and returns its id.
  virtual Result<std::int64_t> InsertSupervisionVisit(const SupervisionVisitRecord& visit) = 0;
  /// Inserts a finding of a stored visit and returns its id.
  virtual Result<std::int64_t> InsertSupervisionFinding(const SupervisionFinding& finding,
                                                        std::string_view created_at) = 0;
  /// The visit with this id, or nullopt.
  virtual Result<std::optional<SupervisionVisitRecord>> FindSupervisionVisit(std::int64_t id) = 0;
  /// Visits starting from `from` to `to` (inclusive, YYYY-MM-DD; an empty end is open), by start date then id.
  virtual Result<std::vector<SupervisionVisitRecord>> ListSupervisionVisits(std::string_view from,
                                                                            std::string_view to) = 0;
  /// The findings of the visit with this id (of every visit when 0), by id.
  virtual Result<std::vector<SupervisionFinding>> ListSupervisionFindings(std::int64_t visit_id) = 0;

  /// The finding with this id, or nullopt.
  virtual Result<std::optional<SupervisionFinding>> FindSupervisionFinding(std::int64_t id) = 0;

  // --- village supervisors and phone spot checks (migrations 0029, 0030, sql_spot_checks.cpp) ---
  /// Inserts a supervisor and returns its id; AlreadyExists when the village has one with that phone index.
  virtual Result<std::int64_t> InsertVillageSupervisor(const VillageSupervisorRecord& supervisor) = 0;
  /// The supervisor with this id, or nullopt.
  virtual Result<std::optional<VillageSupervisorRecord>> FindVillageSupervisor(std::int64_t id) = 0;
  /// Every supervisor, by id.
  virtual Result<std::vector<VillageSupervisorRecord>> ListVillageSupervisors() = 0;
  /// Sets a supervisor's status and updated_at; NotFound when there is none with this id.
  virtual Status UpdateVillageSupervisorStatus(std::int64_t id, std::string_view status,
                                               std::string_view updated_at) = 0;
  /// Inserts a draw with its sample and returns its id; AlreadyExists when the region drew that month.
  virtual Result<std::int64_t> InsertSpotCheck(const SpotCheckRecord& check) = 0;
  /// The draw with this id (its sample included), or nullopt.
  virtual Result<std::optional<SpotCheckRecord>> FindSpotCheck(std::int64_t id) = 0;
  /// The draws of `month` (YYYY-MM; every month when empty) with their samples, by region code then id.
  virtual Result<std::vector<SpotCheckRecord>> ListSpotChecks(std::string_view month) = 0;
  /// Inserts a call and returns its id.
  virtual Result<std::int64_t> InsertSpotCheckCall(const SpotCheckCall& call) = 0;
  /// The calls of the draw with this id, or of every draw of `month` when the id is 0, by id.
  virtual Result<std::vector<SpotCheckCall>> ListSpotCheckCalls(std::int64_t spot_check_id, std::string_view month) = 0;

  // --- rectification items and their steps (问题整改, migration 0022, sql_rectifications.cpp) ---
  virtual Status InsertRectification(const Rectification& item) = 0;
  /// The item of the finding with this id, or nullopt.
  virtual Result<std::optional<Rectification>> FindRectification(std::int64_t finding_id) = 0;
  /// Every item, by finding id.
  virtual Result<std::vector<Rectification>> ListRectifications() = 0;
  /// Replaces the item when its stored version is `expected_version`; Conflict ("stale_version") otherwise.
  virtual Status UpdateRectification(const Rectification& item, std::int64_t expected_version) = 0;
  virtual Status InsertRectificationEvent(const RectificationEvent& event) = 0;
  /// The steps of an item, oldest first.
  virtual Result<std::vector<RectificationEvent>> ListRectificationEvents(std::int64_t finding_id) = 0;

  // --- inquiries on flags and their steps (问询 → 认定, migration 0020, sql_inquiries.cpp) ---
  /// Stores a new inquiry and returns its id; AlreadyExists ("inquiry_exists") when the flag has one.
  virtual Result<std::int64_t> InsertInquiry(const Inquiry& inquiry) = 0;
  /// The inquiry with this id, or nullopt.
  virtual Result<std::optional<Inquiry>> FindInquiry(std::int64_t id) = 0;
  /// Every inquiry, by id.
  virtual Result<std::vector<Inquiry>> ListInquiries() = 0;
  /// Replaces the inquiry when its stored version is `expected_version`; Conflict ("stale_version") otherwise.
  virtual Status UpdateInquiry(const Inquiry& inquiry, std::int64_t expected_version) = 0;
  virtual Status InsertInquiryEvent(const InquiryEvent& event) = 0;
  /// The steps of an inquiry, oldest first.
  virtual Result<std::vector<InquiryEvent>> ListInquiryEvents(std::int64_t inquiry_id) = 0;
  /// The entry ids of the 以拨代支 flags whose inquiry was determined rejected (the engine takes
  /// them out of the deduction of assessed progress).
  virtual Result<std::vector<std::string>> RejectedDisburseAsExpendEntries() = 0;

  // --- failed logins (migration 0018, sql_login_failures.cpp) ---
  /// The failures after `after_ms` (unix milliseconds) that throttle a login of `username`
  /// from `address`.
  virtual Result<LoginFailureCounts> CountLoginFailures(std::string_view username, std::string_view address,
                                                        std::int64_t after_ms) = 0;
  /// Records a failure at `at_ms` and deletes every failure at or before `forget_up_to_ms`.
  virtual Status RecordLoginFailure(std::string_view username, std::string_view address, std::int64_t at_ms,
                                    std::int64_t forget_up_to_ms) = 0;
  /// After a successful login: the username's failures no longer count for it, and those from
  /// `address` no longer for the username × address pair (they still count for the address).
  virtual Status ClearLoginFailures(std::string_view username, std::string_view address) = 0;

  // --- audit log (append-only, hash-chained) ---
  /// The newest audit row, or nullopt for an empty log.
  virtual Result<std::optional<AuditRecord>> LastAudit() = 0;
  /// Appends one row with the seq and hashes the caller computed.
  virtual Status AppendAudit(const AuditRecord& record) = 0;
  /// Every row in seq order; stops at the first non-ok Status `fn` returns and returns it.
  virtual Status ScanAudit(const std::function<Status(const AuditRecord&)>& fn) = 0;
  /// Rows matching `query`, newest first, one page.
  virtual Result<AuditPage> QueryAudit(const AuditQuery& query) = 0;

 protected:
  std::atomic<std::int64_t> parallel_scan_from_{200'000};
  std::atomic<int> last_scan_shards_{0};
  std::atomic<std::int64_t> last_scanned_seq_{0};
};

/// Opens a store from a URL: `sqlite:PATH` (or a bare path) or `postgresql://…`.
/// Does not migrate.
Result<std::unique_ptr<Store>> OpenStore(std::string_view url);

/// The 2-digit province prefix of a region code, padded: "540102" → "540000".
/// The distribution key of every province-partitioned table.
std::string ProvinceCodeOf(std::string_view region_code);

}  // namespace xj
