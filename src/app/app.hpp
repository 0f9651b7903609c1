#pragma once
/// The application layer: one function per user action. Owns the store and the
/// in-memory state built from it (region tree, analytics engine). Knows nothing of HTTP.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <shared_mutex>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

#include "analytics/indicator_engine.hpp"
#include "analytics/project_catalog.hpp"
#include "app/actor.hpp"
#include "app/allocations.hpp"
#include "app/asset_views.hpp"
#include "app/audit_chain.hpp"
#include "app/crypto.hpp"
#include "app/dispatch.hpp"
#include "app/evaluations.hpp"
#include "app/forecast.hpp"
#include "app/inquiries.hpp"
#include "app/interviews.hpp"
#include "app/library_codec.hpp"
#include "app/login_throttle.hpp"
#include "app/relocation_views.hpp"
#include "app/reminders.hpp"
#include "app/session_cache.hpp"
#include "app/settlements.hpp"
#include "app/spot_checks.hpp"
#include "app/supervision.hpp"
#include "app/timeliness.hpp"
#include "app/token_rate_limit.hpp"
#include "core/status.hpp"
#include "domain/gaming.hpp"
#include "domain/input_limits.hpp"
#include "domain/ledger_rules.hpp"
#include "domain/region_tree.hpp"
#include "domain/schedule.hpp"
#include "domain/transition_gate.hpp"
#include "io/csv_reader.hpp"
#include "io/table_header.hpp"
#include "store/store.hpp"

namespace xj {

class ImportJobs;

/// What an import did. Re-importing the same file yields inserted = updated = 0.
struct ImportReport {
  std::string kind;
  int rows = 0;  ///< data rows read
  int inserted = 0;
  int updated = 0;
  int unchanged = 0;  ///< rows identical to what is stored (idempotent re-import)
  /// The text encoding of an imported file ("UTF-8" | "GB18030", set by RunImport); empty for
  /// a JSON batch.
  std::string encoding;
  /// XLSX formula cells imported by their cached value (set by RunImport): how many, and the first
  /// FormulaCells::kListed of them.
  FormulaCells formula_cells;
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

/// What a headline figure is compared with on the wall chart (where known).
struct FigureComparison {
  std::optional<Benchmark>
      national;                  ///< the latest national average dated in the fund year, on or before the as-of date
  std::optional<int> best_year;  ///< the region's best earlier fund year on the same day of its year
  Ratio best;                    ///< … and its figure (undefined when no earlier year has one)
};

/// The headline figures' comparisons: start rate and expenditure progress.
struct HeadlineComparisons {
  FigureComparison start_rate;
  FigureComparison expend_progress;
};

/// Figures of one region, with the region itself for display.
struct RegionIndicators {
  Region region;
  Indicators figures;
  std::optional<HeadlineComparisons> comparisons = std::nullopt;  ///< for a single region's figures (not for children)
};

/// What a ranking (排名与奖惩) asks for: the units' level, the metric, and optional what-if
/// overrides of the N and amount (the incentive scheme in force decides them otherwise).
struct RankRequest {
  RegionLevel level = RegionLevel::kCounty;
  RankMetric metric = RankMetric::kExpendProgress;
  std::optional<int> top, bottom;
  std::optional<Fen> amount;
};

/// A ranking request from its level (province|prefecture|county|township|village) and metric
/// (expend_progress|assessed_progress) names; InvalidArgument naming the bad one.
Result<RankRequest> MakeRankRequest(std::string_view level, std::string_view metric);

/// One incentive scheme's ranking (docs/definitions.md: rewards and penalties are decided over
/// the scheme's scope, never redone inside the subtree a user looks at).
struct RankingScope {
  std::shared_ptr<const Region> owner;  ///< the region owning the scheme; null = the whole tree
  int size = 0;                         ///< units ranked (with a figure) in the scope
  int top_n = 0, bottom_n = 0;
  Fen amount;
};

/// One unit of the requested subtree with its place in its scheme's ranking.
struct RankedRegion {
  std::optional<int> rank;  ///< nullopt: no figure (nothing allocated), neither rewarded nor penalised
  /// Shares ownership of the region tree it points into (no copy of the region per row).
  std::shared_ptr<const Region> region;
  Indicators figures;
  Fen incentive;
  std::size_t scope = 0;  ///< index into Ranking::scopes
};

/// The units of a subtree ranked in their schemes: grouped by scheme (tree order), each
/// group best first with its unranked units last.
struct Ranking {
  std::vector<RankingScope> scopes;
  std::vector<RankedRegion> rows;
};

/// A flags list request (问题预警): the flags as of a date in a region subtree, filtered.
struct FlagQuery {
  std::string region_code;       ///< subtree; empty = the caller's home region
  std::optional<int> fund_year;  ///< entries' fund year (projects' flags are not filtered)
  Date as_of;
  std::optional<FundSource> fund_source;  ///< entries' fund source
  std::string kind;                       ///< one kind (FlagKind); empty = every kind
  std::string status;                     ///< open|explained|closed; empty = every status
  int page = 1;
  int page_size = 0;  ///< 0 = every matching flag on one page
};

/// One flag of the list: what was found, its work state, and what the list shows about it.
struct FlagItem {
  Flag flag;
  Region region;
  std::string payee;                         ///< 以拨代支: whom the money went to
  std::string project_name;                  ///< 超进度拨款
  std::optional<PayAheadStatus> pay_ahead;   ///< 超进度拨款: the check on the as-of date
  std::optional<ReceiptMeasure> timeliness;  ///< late_allocation, late_distribution: the measure in breach
  std::optional<GamingFinding> gaming;       ///< the kinds of docs/definitions.md §20: the evidence
};

/// The late_allocation and late_distribution flags of a timeliness report: every measure in breach.
std::vector<FlagItem> TimelinessFlags(const TimelinessReport& report);

/// Per kind: how many flags match and their amount.
struct FlagKindSummary {
  std::string kind;
  std::int64_t count = 0;
  FenTotal amount;  ///< Σ of the kind's flags: a total, 128 bits
};

/// The flags list: every matching flag (newest first), the requested page of them, and the
/// totals per kind.
struct FlagsReport {
  std::vector<FlagItem> items;
  int page = 1;
  int page_size = 0;  ///< 0 = one page of everything
  std::vector<FlagKindSummary> summary;
  /// The items of the requested page.
  std::span<const FlagItem> PageItems() const;
};

/// A flag with its history.
struct FlagDetail {
  FlagItem item;
  std::vector<FlagEvent> history;  ///< oldest first
};

/// What somebody does to a flag: the action, the new assignee (assign) and the reason.
struct FlagActionRequest {
  FlagAction action = FlagAction::kAssign;
  std::string assignee;
  std::string reason;
  std::optional<std::int64_t> expected_version;  ///< the version read (0 = never stored); none = do not check
};

/// What the ledger entry form is told before saving (POST /ledger/check): the refusals the
/// batch would meet and the flags it would raise.
struct LedgerCheck {
  Status refusal;              ///< ok when the entries would be accepted
  std::vector<Flag> warnings;  ///< over_arranged and negative_list flags saving would raise
};

/// Policy values of accounts and sessions (账户与会话策略). Every field has a default and can be
/// overridden (the CLI exposes the time limits so tests can check expiry quickly).
struct AccountsPolicy {
  std::size_t min_password_length = 10;              ///< characters (UTF-8 code points)
  std::size_t max_password_length = 1024;            ///< bytes; bounds the hashing work per attempt
  std::chrono::seconds session_idle{30 * 60};        ///< a session unused this long expires
  std::chrono::seconds session_absolute{12 * 3600};  ///< a session this old expires however used
  std::chrono::seconds session_touch_interval{60};   ///< last-seen is written at most this often
  /// How long a server answers a session from its cache (SessionCache) without the store; a
  /// logout, password change or disable anywhere empties every server's cache at its follower's
  /// next tick (≤ 200 ms under `xianjie serve`) whatever this is.
  std::chrono::seconds session_cache_ttl{5};
  LoginThrottlePolicy throttle;
  crypto::PasswordHashCost password_hash_cost;
  int audit_default_page_size = 50;
  int audit_max_page_size = 500;
};

/// Lifetimes and the rate limit of API tokens (API 令牌).
struct ApiTokenPolicy {
  int default_lifetime_days = 90;  ///< a token created without an expiry lasts this long
  int max_lifetime_days = 366;     ///< the latest expiry an administrator may give, from today
  TokenRateLimitPolicy rate;       ///< requests per token
};

/// What the app is configured with at start-up (composition root: cli/main.cpp).
struct AppOptions {
  AccountsPolicy accounts;
  ApiTokenPolicy tokens;
  InputLimits limits;  ///< bounds on amounts, texts and codes (docs/operations.md)
  /// The key file of personal data (ID and phone numbers; docs/operations.md "Personal data"),
  /// outside the database; created with a new key when missing. '' = personal data is refused.
  std::string data_key_file;
  /// The wall clock; tests substitute their own.
  std::function<std::chrono::system_clock::time_point()> clock = [] { return std::chrono::system_clock::now(); };
  /// How long Start waits for a replica (UseReplica) to replay the store's schema and commits, and
  /// a settlement for it to replay this process's own ledger entries.
  std::chrono::milliseconds replica_wait = std::chrono::seconds(30);
};

/// A request to create a user account.
struct NewUser {
  std::string username;  ///< 1–64 bytes, no control characters, no surrounding spaces
  Role role = Role::kLeader;
  std::string region_code;      ///< home region; its level must suit the role (county_officer → county …)
  std::string password;         ///< at least AccountsPolicy::min_password_length characters
  std::string department = {};  ///< optional: the department (部门) the user signs off for (联审联批)
};

/// A change to a user account (PATCH /api/v1/users/{id}); a field left empty stays as it is.
struct UserChange {
  std::optional<Role> role;
  std::optional<std::string> region_code;  ///< a new home region; its level must suit the role
  std::optional<std::string> department;   ///< "" removes the department
  std::optional<bool> disabled;            ///< true revokes every session of the user at once
};

/// A user as shown to callers: never the password hash.
struct UserView {
  std::int64_t id = 0;
  std::string username;
  Role role = Role::kLeader;
  std::string region_code;
  std::string region_name;
  bool disabled = false;
  std::string created_at;
  std::string department = {};
};

/// A request to create an API token for a service account (服务账户) — a finance system, say.
struct NewApiToken {
  std::string name;           ///< the service account, audited as the actor; rules of a username, and not one
  Role role = Role::kLeader;  ///< any role but admin: machines feed and read data, people administer
  std::string region_code;    ///< home region: the scope, as for a person of the role
  std::string expires_at;     ///< "YYYY-MM-DD" (through that day, UTC) or a UTC timestamp; empty = default
  std::vector<std::string> allowed_ips;  ///< addresses or CIDR blocks it may be used from; empty = any
};

/// A new API token. `token` is the only copy of the secret: shown once, stored as its SHA-256.
struct ApiTokenGrant {
  std::int64_t id = 0;
  std::string token;       ///< "xjt_" + 64 hex digits
  std::string expires_at;  ///< UTC timestamp; the token is refused from then on
};

/// An API token as administrators see it: never the secret nor its hash.
struct ApiTokenView {
  std::int64_t id = 0;
  std::string name;
  Role role = Role::kLeader;
  std::string region_code;
  std::string region_name;
  std::vector<std::string> allowed_ips;
  std::string prefix;  ///< the token's first characters, to recognise it
  std::string created_by;
  std::string created_at;
  std::string expires_at;
  std::string revoked_at;    ///< empty while not revoked
  std::string last_used_at;  ///< empty until first used
  std::string state;         ///< "active", "expired" or "revoked"
};

/// One request admitted with an API token.
struct TokenAdmission {
  Actor actor;                           ///< the service account (Actor::token_id set)
  std::int64_t retry_after_seconds = 0;  ///< > 0: over its rate limit; refuse with 429 and this wait
};

/// A new login session. `token` is the only copy of the secret: it goes into the cookie.
struct SessionGrant {
  std::string token;
  std::string csrf_token;
  UserView user;
  std::chrono::seconds max_age{0};  ///< the absolute lifetime
};

/// The caller of a request as found from its session token.
struct AuthenticatedSession {
  Actor actor;
  std::string csrf_token;
  UserView user;
};

/// Filters of the audit trail API, as given (validated by App::ReadAudit).
struct AuditFilter {
  /// An object's own key ("XZ2024540102L001", a voucher number, "alice"), an entity type ("user"),
  /// or one record as type:id ("user:alice"); see AuditQuery::key for what a plain key matches.
  std::string entity;
  std::string actor;
  std::string region;  ///< only rows of this region's subtree
  std::string from;    ///< YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS[.mmm]Z, inclusive
  std::string to;      ///< same; a date is inclusive of the whole day, a timestamp exclusive
  std::string page;    ///< 1-based, default 1
  std::string page_size;
};

/// One page of the audit trail.
struct AuditListing {
  std::vector<AuditRecord> items;  ///< newest first
  std::int64_t total = 0;
  int page = 1;
  int page_size = 50;
};

/// A project list request (项目库查询) as given by the caller.
struct ProjectListQuery {
  std::string region_code;  ///< subtree; empty = the caller's home region
  std::optional<int> year;
  std::string state;     ///< English or Chinese state name
  std::string category;  ///< as stored (code or name)
  std::string text;      ///< substring of code, name or responsible person
  int page = 1;
  int page_size = 20;
};

struct ProjectListItem {
  ProjectRowView row;
  Region region;
};

struct ProjectList {
  std::vector<ProjectListItem> items;
  std::int64_t total = 0;
  int page = 1;
  int page_size = 20;
};

/// A project as created or edited: the interchange columns and the library sheet.
struct ProjectInput {
  Project project;
  ProjectDetails details;
};

/// A ledger list request (台账查询) as given by the caller.
struct LedgerListQuery {
  std::string region_code;  ///< subtree; empty = the caller's home region
  std::optional<int> year;  ///< fund year
  std::string fund_source;  ///< English or Chinese name; empty = every source
  std::string kind;         ///< allocate|disburse|expend|reverse or 下达|拨付|支出|冲销; empty = every kind
  std::string project_code;
  std::optional<Date> from, to;  ///< entry dates, inclusive
  std::string text;              ///< substring of entry id, payee or note
  int page = 1;
  int page_size = 20;
};

struct LedgerListItem {
  ListedEntry row;
  Region region;
};

struct LedgerList {
  std::vector<LedgerListItem> items;
  std::int64_t total = 0;
  int page = 1;
  int page_size = 20;
};

/// A workflow step the viewer may take from the project's current state, and what still blocks it
/// today (docs/definitions.md §5: the Beijing date): empty when the step would pass its guards.
struct AllowedAction {
  const Transition* transition = nullptr;
  std::vector<TransitionBlocker> blockers;
};

/// Everything the project page shows.
struct ProjectDetail {
  StoredProject stored;
  Region region;
  std::vector<TransitionRecord> transitions;
  std::vector<ProcedureStatus> procedures;
  std::vector<AllowedAction> allowed;          ///< actions possible from the current state
  std::vector<StoredEntry> ledger;             ///< entries naming the project
  ProjectDetails details;                      ///< the library sheet (empty for an imported project)
  std::optional<ComplianceReview> compliance;  ///< the latest review, if any
  JointReviewStatus joint_review;              ///< departments required by the county's configuration
  std::vector<Signoff> signoffs;               ///< oldest first
  std::vector<Posting> postings;
  std::vector<Objection> objections;
  std::optional<VillagePlan> village_plan;
  std::vector<ProjectContract> contracts;   ///< in the order signed in
  std::vector<ProgressReport> progress;     ///< in the order reported
  std::optional<PayAheadStatus> pay_ahead;  ///< the 超进度拨款 check today (nullopt without a contract)
};

/// A compliance check of a project as it stands (preview or at county review).
struct ComplianceCheck {
  Date on;
  std::vector<ComplianceFinding> findings;
  bool passed = true;  ///< no blocking finding
  CountyPlanShare county_plan;
};

/// The outcome of one project of a batch step (成熟一批、审核一批).
struct BatchOutcome {
  std::string project_code;
  bool ok = false;
  std::string error_code;  ///< stable error name when not ok
  std::string message;     ///< what blocked it
  std::vector<FieldError> details;
  ProjectState state = ProjectState::kDraft;  ///< state after the attempt
};

/// A request to announce a project step (公告公示).
struct PostingRequest {
  std::string stage = "admit";  ///< the step the posting gates
  std::string place;
  Date start;
  int days = 0;
};

/// A village plan with the projects whose library sheet names it.
struct VillagePlanView {
  VillagePlan plan;
  std::string village_name;
  std::vector<std::string> project_codes;
};

/// One overdue milestone (倒排工期预警).
struct OverdueMilestone {
  std::string project_code;
  std::string project_name;
  std::string region_code;
  std::string region_name;
  std::string responsible_person;
  Milestone milestone;
  int days_overdue = 0;
};

/// A project not started by its planned start.
struct LateStart {
  std::string project_code;
  std::string project_name;
  std::string region_code;
  std::string region_name;
  std::string responsible_person;
  ProjectState state = ProjectState::kDraft;
  Date planned_start;
  int days_late = 0;
};

struct OverdueReport {
  Date as_of;
  std::vector<OverdueMilestone> milestones;  ///< most overdue first
  std::vector<LateStart> late_starts;        ///< most late first
};

struct DashboardQuery;   // app/dashboard.hpp
struct DashboardReport;  // app/dashboard.hpp

/// Thread-safe. Reads take snapshots; writes are serialized and committed to the
/// store before the in-memory state is updated.
class App {
 public:
  explicit App(std::unique_ptr<Store> store, AppOptions options = {});
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  /// Migrates the store and loads the in-memory state. Call once before anything else.
  Status Start();
  /// Builds the engine from `replica`, a streaming replica of the store (read only), and follows
  /// it there, while every write and every other read goes to the store (docs/operations.md
  /// "Read replica"). Start waits until the replica has the store's schema and what the store had
  /// committed. Call before Start.
  void UseReplica(std::unique_ptr<Store> replica);
  Store& store() { return *store_; }
  /// Wall seconds of each step of the last Start() / engine rebuild, in order (for operators
  /// and the benchmark): migrate, regions, reference, projects, reversals, ledger,
  /// finish.
  std::vector<std::pair<std::string, double>> start_phases() const;

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
  /// The entries booked in a region subtree, newest first, filtered and paginated.
  Result<LedgerList> ListLedger(const Actor& actor, const LedgerListQuery& query) const;
  /// Every entry ListLedger would list for `query` (its page and page_size ignored), in commit
  /// order, read from the store a page at a time; stops at the first error `fn` returns.
  /// `reversed_by` is left empty (the exports do not show it).
  Status ScanLedgerList(const Actor& actor, const LedgerListQuery& query,
                        const std::function<Status(const LedgerListItem&)>& fn) const;
  /// Records a signed construction contract on a project (for 超进度拨款). The same contract
  /// again changes nothing; the same number with other terms is AlreadyExists.
  Status RecordContract(const Actor& actor, const ProjectContract& contract);
  /// Records a physical progress report on a project.
  Status RecordProgress(const Actor& actor, const ProgressReport& report);
  /// Imports the `contracts` kind (project_reports.cpp). All-or-nothing; idempotent by
  /// (project_code, contract_no): the same terms again are unchanged, other terms a conflict.
  Result<ImportReport> ImportContracts(const Actor& actor, TableSource& source);
  /// Imports the `progress` kind. All-or-nothing; a report identical to a stored one is unchanged.
  Result<ImportReport> ImportProgress(const Actor& actor, TableSource& source);

  // --- national benchmarks (全国平均): benchmarks.cpp ---
  /// Imports the `benchmarks` kind (administrators). All-or-nothing; a value for an (indicator,
  /// date) already stored replaces it (updated), the same value again is unchanged.
  Result<ImportReport> ImportBenchmarks(const Actor& actor, TableSource& source);
  /// The same for values entered through the API. InvalidArgument for a value outside 0–100%.
  Result<ImportReport> SaveBenchmarks(const Actor& actor, const std::vector<Benchmark>& values);
  /// Every benchmark, by indicator then date (any reader).
  Result<std::vector<Benchmark>> Benchmarks(const Actor& actor) const;

  // --- the asset register (确权资产): assets.cpp (issue #20) ---
  /// Imports the `assets` kind (kWriteProjects on every row's region). All-or-nothing; a row
  /// identical to the stored asset of its code is unchanged, a different one updates it.
  Result<ImportReport> ImportAssets(const Actor& actor, TableSource& source);
  /// Saves assets entered through the API, with the import's checks and counts.
  Result<ImportReport> SaveAssets(const Actor& actor, const std::vector<Asset>& assets);
  /// Assets of a subtree (kRead), ordered by code.
  Result<std::vector<Asset>> ListAssets(const Actor& actor, const AssetListQuery& query) const;
  /// Records the confirmation of ownership (确权) of one asset on `on` (kWriteProjects on its region).
  Result<Asset> RegisterAsset(const Actor& actor, const std::string& asset_code, Date on);
  /// 确权 progress of `region_code`'s subtree and of each of its children (kRead).
  Result<AssetRegistration> AssetRegistrationOf(const Actor& actor, const std::string& region_code) const;

  // --- 清产核资: asset_inventories.cpp (issue #20 point 2, docs/definitions.md §8) ---
  /// Opens a campaign over `region_code`'s subtree (kWriteInventory there): one check per asset of the
  /// subtree not disposed, with its current value and status now. AlreadyExists (inventory_exists)
  /// for a second campaign of the region and period; InvalidArgument for an empty name or period.
  Result<InventoryView> CreateInventory(const Actor& actor, const NewInventory& request);
  /// Campaigns whose region lies in `region_code`'s subtree ('' = the actor's) with their totals (kRead).
  Result<std::vector<InventoryView>> ListInventories(const Actor& actor, const std::string& region_code) const;
  /// One campaign (kRead on its region; NotFound for an unknown id), its progress per child region
  /// and its checks.
  Result<InventoryView> GetInventory(const Actor& actor, std::int64_t id) const;
  /// Records the check of one asset (kWriteInventory on the asset's region); the rules of
  /// CheckRecordAllowed. NotFound when the asset is not in the campaign.
  Result<InventoryCheck> RecordInventoryCheck(const Actor& actor, std::int64_t id, const std::string& asset_code,
                                              const CheckRecord& record);
  /// Approves or returns a difference (kApproveInventory on the asset's region; not by its checker).
  /// Approval writes the asset's new current value and status to the register with a history row.
  Result<InventoryCheck> ReviewInventoryCheck(const Actor& actor, std::int64_t id, const std::string& asset_code,
                                              const InventoryReview& review);
  /// Closes a campaign whose assets are all checked and differences approved (kWriteInventory on its region).
  Result<InventoryView> CloseInventory(const Actor& actor, std::int64_t id);
  /// The register's history of one asset (kRead on its region), oldest first.
  Result<std::vector<AssetChange>> AssetHistory(const Actor& actor, const std::string& asset_code) const;

  // --- classification, plans, income and yield of operating assets: asset_plans.cpp (issue #20 point 3) ---
  /// The labels of the four classes (policy data), in class order (any reader).
  Result<std::vector<AssetClassLabel>> AssetClassLabels(const Actor& actor) const;
  /// Changes some labels (kManageReferenceData); InvalidArgument bad_label for an empty or long one.
  Result<std::vector<AssetClassLabel>> SetAssetClassLabels(const Actor& actor,
                                                           const std::vector<AssetClassLabel>& labels);
  /// Classes an operating asset with its plan and follow-up date (kWriteProjects on its region).
  Result<AssetPlan> SetAssetPlan(const Actor& actor, const std::string& asset_code, const AssetPlan& plan);
  /// Records income of an operating asset and its distribution with the village meeting's decision
  /// (kWriteProjects on its region; CheckAssetIncome's rules).
  Result<AssetIncome> RecordAssetIncome(const Actor& actor, const std::string& asset_code, const AssetIncome& income);
  /// The income rows of one asset by date (kRead on its region).
  Result<std::vector<AssetIncome>> AssetIncomes(const Actor& actor, const std::string& asset_code) const;
  /// Each operating asset not disposed of the subtree with its plan, income in the period and yield.
  Result<std::vector<AssetYield>> AssetYields(const Actor& actor, const AssetYieldQuery& query) const;

  // --- work relief (以工代赈): work_relief.cpp (issue #20) ---
  /// Imports the `workers` kind: each row joins (or updates) a project's roster; the ID and phone
  /// numbers are stored encrypted with their blind index. kWriteProjects on each project's region.
  Result<ImportReport> ImportReliefWorkers(const Actor& actor, TableSource& source);
  Result<ImportReport> SaveReliefWorkers(const Actor& actor, const std::vector<ReliefWorker>& workers);
  /// Imports the `wages` kind: each wage is paid to a worker on the project's roster
  /// (unknown_worker otherwise). kWriteProjects on each project's region.
  Result<ImportReport> ImportReliefWages(const Actor& actor, TableSource& source);
  Result<ImportReport> SaveReliefWages(const Actor& actor, const std::vector<ReliefWage>& wages);
  /// A project's roster. The numbers are masked unless `unmasked` is asked for by a role granted
  /// kReadPersonalData (PermissionDenied for any other); every unmasked view is audited.
  Result<std::vector<ReliefWorkerView>> ReliefWorkers(const Actor& actor, const std::string& project_code,
                                                      bool unmasked);
  /// Wages paid by a project (masked ID numbers).
  Result<std::vector<ReliefWageView>> ReliefWages(const Actor& actor, const std::string& project_code);
  /// Persons, wages and wages per person of `region_code`'s subtree paid from `from` to `to`
  /// (inclusive, open when absent), with each child region's (docs/definitions.md §8).
  Result<WorkReliefSummary> WorkReliefSummaryOf(const Actor& actor, const std::string& region_code,
                                                std::optional<Date> from, std::optional<Date> to);
  /// The labour-pay share of each work-relief project (flagged 以工代赈 or paying wages) of the subtree.
  Result<std::vector<LabourShare>> LabourShares(const Actor& actor, const std::string& region_code);

  // --- relocation support (易地搬迁后续扶持): relocation.cpp (issue #20 point 5, docs/definitions.md §13) ---
  /// Creates or replaces a site (kWriteRelocation on its region, and on its former region when it moves).
  /// InvalidArgument with CheckRelocationSite's reason; NotFound unknown_region.
  Result<RelocationSite> SaveRelocationSite(const Actor& actor, const RelocationSite& site);
  /// Sites of `region_code`'s subtree ('' = the actor's), by code (kRead).
  Result<std::vector<RelocationSite>> RelocationSites(const Actor& actor, const std::string& region_code) const;
  /// Adds a household to a site (kWriteRelocation on the site's region); the head's ID number stored
  /// encrypted with its blind index. AlreadyExists duplicate_household when the head is stored.
  Result<RelocationHouseholdView> AddRelocationHousehold(const Actor& actor, const NewRelocationHousehold& household);
  /// Households of a subtree, masked unless `unmasked` (kReadPersonalData; every unmasked view audited).
  Result<std::vector<RelocationHouseholdView>> RelocationHouseholds(const Actor& actor,
                                                                    const RelocationHouseholdQuery& query,
                                                                    bool unmasked);
  /// Each kind's standard in force on `date` for `region_code` (kRead).
  Result<std::vector<SubsidyStandard>> RelocationStandards(const Actor& actor, const std::string& region_code,
                                                           Date date) const;
  /// Computes and records a claim from the standard in force on its basis date for the household's site
  /// region (kWriteRelocation there). AlreadyExists duplicate_claim for the same household, kind and date.
  Result<RelocationSubsidy> ComputeRelocationSubsidy(const Actor& actor, const SubsidyRequest& request);
  /// Records the payment of a computed claim (kPayRelocationSubsidy on its region): the whole amount.
  Result<RelocationSubsidy> PayRelocationSubsidy(const Actor& actor, std::int64_t id, const SubsidyPayment& payment);
  /// Claims of a subtree ('' = the actor's), of one household when `household_id` > 0 (kRead).
  Result<std::vector<RelocationSubsidy>> RelocationSubsidies(const Actor& actor, const std::string& region_code,
                                                             std::int64_t household_id) const;
  /// Households, persons, claims computed and paid of a subtree and period, with each child's.
  Result<RelocationSummary> RelocationSummaryOf(const Actor& actor, const std::string& region_code,
                                                std::optional<Date> from, std::optional<Date> to) const;

  // --- project library (项目库) ---
  /// A page of projects in the region subtree matching the filters. InvalidArgument for a bad
  /// state or page size (1–200).
  Result<ProjectList> ListProjects(const Actor& actor, const ProjectListQuery& query) const;
  /// NotFound for an unknown code; PermissionDenied outside the caller's scope.
  Result<ProjectDetail> GetProject(const Actor& actor, const std::string& code) const;
  /// Applies one lifecycle step if the project is still at `expected_version` (Conflict, and
  /// nothing written, when it is not, or when the state does not allow the step).
  Result<ProjectDetail> TransitionProject(const Actor& actor, const std::string& code, const TransitionRequest& request,
                                          std::int64_t expected_version);
  /// Marks a pre-procedure done (with its document reference) or not done.
  Status SetProcedure(const Actor& actor, const std::string& code, const ProcedureStatus& procedure);

  // --- project library sheet, review, posting, plans, schedule (library.cpp) ---
  /// Creates a draft project with its library sheet. AlreadyExists for a taken code;
  /// InvalidArgument for missing name/year or an unknown category; scope as for writes.
  Result<ProjectDetail> CreateProject(const Actor& actor, ProjectInput input);
  /// Edits the project's columns (not its code, region, state or actual dates) and its sheet
  /// if it is still at `expected_version` (Conflict, nothing written, otherwise).
  Result<ProjectDetail> EditProject(const Actor& actor, const std::string& code, ProjectInput input,
                                    std::int64_t expected_version);
  /// Runs the compliance review on the project as it stands today (no record is written).
  Result<ComplianceCheck> CheckCompliance(const Actor& actor, const std::string& code) const;
  /// Applies `action` to each project independently at its current version and reports
  /// per project what blocked it. At most 200 codes; PermissionDenied (nothing done) when any
  /// known project lies outside the actor's scope.
  Result<std::vector<BatchOutcome>> BatchTransition(const Actor& actor, const std::vector<std::string>& codes,
                                                    const std::string& action, const std::string& reason);
  /// The county's joint-review configuration (every category).
  Result<std::vector<ReviewDepartments>> ReviewConfig(const Actor& actor, const std::string& county_code) const;
  /// Replaces the departments of one category ("*" = all) of a county.
  Status SetReviewConfig(const Actor& actor, const ReviewDepartments& config);
  /// Records a department's approve/return (comment required for a return) on a project
  /// in county review. InvalidArgument for a department the county does not require.
  Result<ProjectDetail> RecordSignoff(const Actor& actor, const std::string& code, Signoff signoff);
  /// Announces a project step. InvalidArgument for a step that needs no posting, a period
  /// shorter than the policy's posting days or a missing place; Conflict for a wrong state.
  Result<Posting> CreatePosting(const Actor& actor, const std::string& code, const PostingRequest& request);
  /// Records an objection to a posting of project `code`; it blocks the step until resolved.
  /// NotFound when the posting is not one of the project's.
  Result<Objection> RecordObjection(const Actor& actor, const std::string& code, std::int64_t posting_id,
                                    Objection objection);
  /// Marks an objection of project `code` resolved. Conflict when it already is.
  Result<Objection> ResolveObjection(const Actor& actor, const std::string& code, std::int64_t objection_id,
                                     const std::string& resolution);
  /// Postings of projects in the region's subtree, newest first (public, no actor).
  /// NotFound for an unknown region.
  Result<std::vector<Posting>> PublicPostings(const std::string& region_code) const;
  /// Creates (id 0) or updates a village plan. The region must be a village in scope.
  Result<VillagePlan> SaveVillagePlan(const Actor& actor, VillagePlan plan);
  /// Village plans in the region subtree with the projects implementing them.
  Result<std::vector<VillagePlanView>> VillagePlans(const Actor& actor, const std::string& region_code) const;
  /// Planned dates backwards from `deadline` (倒排工期); in working days of the construction season
  /// of `region_code` when one is given (in scope; NotFound when unknown), else in calendar days.
  Result<ScheduleProposal> ProposeSchedule(const Actor& actor, std::vector<Milestone> milestones, Date deadline,
                                           const std::string& region_code = "") const;
  /// The construction season (施工季) of a unit on `date`: the policy values owned by the unit or its
  /// nearest ancestor owning one, else the general ones (docs/definitions.md §7). An unknown code
  /// has the general season.
  ConstructionSeason SeasonOf(const std::string& region_code, Date date) const;
  /// Overdue milestones and late starts in the region subtree on `as_of`.
  Result<OverdueReport> Overdue(const Actor& actor, const std::string& region_code, Date as_of) const;
  /// Every version of the reference data of `kind` ("guideline" or "negative").
  Result<std::vector<ReferenceItem>> ReferenceData(const Actor& actor, const std::string& kind) const;
  /// Adds a version of a reference item. REQUIRES Action::kManageReferenceData.
  Status AddReferenceItem(const Actor& actor, const ReferenceItem& item);
  /// Every stored policy value, and adding one (REQUIRES Action::kManageReferenceData).
  Result<std::vector<PolicyValue>> Policies(const Actor& actor) const;
  Status AddPolicy(const Actor& actor, const PolicyValue& value);
  // --- following the store (issue #16): follow.cpp ---
  /// Applies what other processes committed since the last call, so this process's figures,
  /// rankings, flags and project list follow the store: new ledger entries (read by seq, this
  /// process's own skipped) are applied as one batch under one lock, so a read sees all of them
  /// or none; when the change log moved (regions, projects, transitions, contracts, progress,
  /// policies, categories), the region tree and the engine are rebuilt from the store and
  /// swapped in at once. Returns whether anything was applied.
  Result<bool> FollowStore();
  /// Calls FollowStore every `interval` on a thread of its own until StopFollower or the App's end.
  void StartFollower(std::chrono::milliseconds interval);
  void StopFollower();

  // --- import jobs (导入任务): import_jobs.hpp ---
  /// The import job runner (one worker thread), started on first use.
  ImportJobs& import_jobs();

  // --- figures (指标) ---
  Result<RegionIndicators> ComputeIndicators(const Actor& actor, const IndicatorQuery& query) const;
  /// The figures of each child of the query's region, ordered by code.
  Result<std::vector<RegionIndicators>> ChildIndicators(const Actor& actor, const IndicatorQuery& query) const;
  /// The units at `request.level` in the query's subtree (every unit when the region is empty),
  /// each with its rank and incentive in the scheme that ranks it: the nearest ancestor owning an
  /// incentive scheme in force on the as-of date, else the province-level ancestor (the whole
  /// tree for units above it), with the scheme's N and amount. InvalidArgument for negative
  /// overrides.
  Result<Ranking> Rank(const Actor& actor, const IndicatorQuery& query, const RankRequest& request) const;
  // --- incentive settlements (奖惩结算): settlements.cpp, settlements.hpp ---
  /// Runs a settlement: the engine, first brought up to the store, ranks the counties of the
  /// request's region in their incentive schemes (Rank), and the run is stored as a draft with
  /// the policy version, the watermark and what changed since the base run. REQUIRES
  /// Action::kSettleIncentives on the region. Audited as "settlement.run".
  Result<SettlementRun> Settle(const Actor& actor, const SettlementRequest& request);
  /// Approves a draft run. REQUIRES Action::kSettleIncentives on its region; PermissionDenied
  /// ("same_user") for the user who ran it; Conflict ("already_approved") for an approved run.
  Result<SettlementRun> ApproveSettlement(const Actor& actor, std::int64_t id);
  /// One run; NotFound for an unknown id, PermissionDenied outside the actor's scope.
  Result<SettlementRun> GetSettlement(const Actor& actor, std::int64_t id) const;
  /// Runs in the actor's scope, of `region_code` (every region when empty) and `year` (0 = every), newest first.
  Result<std::vector<SettlementRun>> ListSettlements(const Actor& actor, const std::string& region_code,
                                                     int year) const;
  // --- allocation by factors (因素法分配): allocations.cpp, allocations.hpp ---
  /// Imports the `factors` kind (分配因素 per county and year). REQUIRES Action::kSettleIncentives
  /// on every row's region. All-or-nothing: a region that is unknown (`unknown_region`) or not a
  /// county (`not_county`) is an error of its row and column; the same rows again are unchanged.
  Result<ImportReport> ImportFactors(const Actor& actor, TableSource& source);
  /// Divides the pool among the counties of the request's region by docs/definitions.md §10,
  /// writing nothing. REQUIRES Action::kRead on the region. InvalidArgument: "factors_missing"
  /// naming the counties without factors of year − 1, an unknown or repeated what-if key, and the
  /// method's own refusals (AllocateByFactors).
  Result<AllocationResult> Allocate(const Actor& actor, const AllocationRequest& request) const;
  // --- 绩效评价 (issue #19 point 3, docs/definitions.md §15): evaluations.cpp ---
  /// Creates the county's evaluation of `year` on the template version in force today, its engine
  /// items scored from the figures as of `as_of`. REQUIRES Action::kSelfEvaluate on the county.
  /// InvalidArgument ("not_a_county", "bad_year"); AlreadyExists ("evaluation_exists"). Audited.
  Result<EvaluationView> CreateEvaluation(const Actor& actor, const NewEvaluation& request);
  /// One evaluation with its items and steps. NotFound; PermissionDenied outside the actor's scope.
  Result<EvaluationView> GetEvaluation(const Actor& actor, std::int64_t id) const;
  /// Evaluations of counties in `region_code`'s subtree (the actor's home when empty) and the
  /// actor's scope, of `year` (every year when 0), by region code.
  Result<std::vector<EvaluationView>> ListEvaluations(const Actor& actor, const std::string& region_code,
                                                      int year) const;
  /// Scores manual items: the county in self-evaluation (`adjust` false: Action::kSelfEvaluate,
  /// evidence required), or a prefecture officer adjusting the county's scores in review (`adjust`
  /// true: Action::kReviewEvaluation, a reason required). InvalidArgument ("unknown_item",
  /// "engine_item", "score_out_of_range", "missing_evidence", "missing_reason"); Conflict
  /// ("wrong_step", "evaluation_final", "stale_version"); PermissionDenied ("wrong_level"). Nothing
  /// is written unless every score passes. Audited as "evaluation.score" / "evaluation.adjust".
  Result<EvaluationView> ScoreEvaluation(const Actor& actor, std::int64_t id,
                                         const std::vector<EvaluationScore>& scores, std::int64_t version, bool adjust);
  /// Takes a step: submit (the county, every item scored — engine items read again), review (a
  /// prefecture officer), return (the level whose step it is, with a reason) or finalize (a region
  /// officer). Conflict ("wrong_step", "unscored_items", "evaluation_final", "stale_version");
  /// PermissionDenied ("wrong_level") for an officer of another level. Audited as "evaluation.<step>".
  Result<EvaluationView> StepEvaluation(const Actor& actor, std::int64_t id, const EvaluationStep& step);
  /// The template version `version`, or the one in force today when empty. NotFound for an unknown
  /// version. REQUIRES Action::kRead.
  Result<const EvaluationTemplate*> FindEvaluationTemplateVersion(const Actor& actor, const std::string& version) const;

  // --- village supervisors and phone spot checks (issue #18 points 4, 5): spot_checks.cpp ---
  /// Registers a village supervisor (kManageVillageSupervisors on the village). InvalidArgument for a
  /// region that is not a village (not_a_village), an empty or long name (bad_supervisor), a phone
  /// that is not one (bad_phone), a status other than active|inactive (bad_status); AlreadyExists
  /// (duplicate_supervisor) for a phone already registered in the village. Audited, the phone masked.
  Result<VillageSupervisorView> AddVillageSupervisor(const Actor& actor, const NewVillageSupervisor& request);
  /// The registry of a subtree (kRead there; unmasked needs kReadPersonalData and is audited), by id.
  Result<VillageSupervisorPage> ListVillageSupervisors(const Actor& actor, const VillageSupervisorQuery& query);
  /// Sets a supervisor's status (kManageVillageSupervisors on its village). Audited.
  Result<VillageSupervisorView> SetVillageSupervisorStatus(const Actor& actor, std::int64_t id,
                                                           const std::string& status);
  /// Draws the month's sample of a province, prefecture or county (kSpotCheck there) by the rule
  /// of docs/definitions.md §9. InvalidArgument: bad_month, future_month, bad_seed, bad_level;
  /// AlreadyExists (spot_check_exists) for a second draw of the region and month. Audited.
  Result<SpotCheckView> DrawSpotCheck(const Actor& actor, const NewSpotCheck& request);
  /// One draw with its sample and calls (kRead on its region). `unmasked` shows the
  /// sample's phones in clear to a role granted kSpotCheck or kReadPersonalData on the draw's region; audited.
  Result<SpotCheckView> GetSpotCheck(const Actor& actor, std::int64_t id, bool unmasked);
  /// The draws of a month ('' = every month) whose region lies in `region_code`'s subtree ('' = the
  /// actor's), by region code; phones masked, calls left out.
  Result<std::vector<SpotCheckView>> ListSpotChecks(const Actor& actor, const std::string& region_code,
                                                    const std::string& month);
  /// Records a call to a sampled supervisor (kSpotCheck on the draw's region). InvalidArgument:
  /// not_sampled, bad_called_at (not a time, outside the draw's month or in the future),
  /// unreached_outcome (an outcome on a call not reached), bad_note. Audited.
  Result<SpotCheckCall> RecordSpotCheckCall(const Actor& actor, std::int64_t id, const NewSpotCheckCall& request);
  /// The month's coverage per level of `region_code`'s subtree ('' = the actor's home; kRead there):
  /// one row per drawing level (province, prefecture, county) at or below the region's level.
  Result<SpotCheckCoverageView> SpotCheckCoverage(const Actor& actor, const std::string& region_code,
                                                  const std::string& month) const;

  // --- supervision in the field (督导, issue #18): supervision.cpp, supervision.hpp ---
  /// Records a visit with its findings. REQUIRES Action::kWriteSupervision on the sending region
  /// (PermissionDenied outside the actor's scope, NotFound for an unknown one). InvalidArgument
  /// ("bad_visit") for an empty title or team, an end before the start, no region and no project;
  /// ("unknown_region", "unknown_project") for a code that does not exist, ("outside_visit_region")
  /// for a covered region, a project or a finding's unit outside the sending region's subtree,
  /// ("bad_finding") for a finding without a unit or description or whose project lies outside its
  /// unit. Audited as "supervision.visit".
  Result<SupervisionVisitView> RecordSupervisionVisit(const Actor& actor, const NewSupervisionVisit& request);
  /// One visit; NotFound for an unknown id, PermissionDenied when neither its sending region nor any
  /// place it covered lies in the actor's scope. Findings outside the actor's scope are left out.
  Result<SupervisionVisitView> GetSupervisionVisit(const Actor& actor, std::int64_t id) const;
  /// The visits starting in the query's period that the sending region or a covered place ties to the
  /// query's region (and the actor's scope), by start date. InvalidArgument ("bad_period") when from > to.
  Result<std::vector<SupervisionVisitView>> ListSupervisionVisits(const Actor& actor,
                                                                  const SupervisionQuery& query) const;
  /// How the visits starting in the period cover the query's region (docs/definitions.md §9).
  /// REQUIRES Action::kRead on the region. InvalidArgument ("bad_period") when from > to.
  Result<SupervisionCoverage> CoverSupervision(const Actor& actor, const SupervisionQuery& query) const;
  /// Rectification items (问题整改) of findings whose unit lies in the query's region and the
  /// actor's scope, of visits starting in the period, by finding id. InvalidArgument
  /// ("unknown_status", "bad_period").
  Result<std::vector<RectificationView>> ListRectifications(const Actor& actor, const RectificationQuery& query) const;
  /// One item with its steps; NotFound for an unknown id, PermissionDenied outside the actor's scope.
  Result<RectificationView> GetRectification(const Actor& actor, std::int64_t finding_id) const;
  /// Takes a step on an item (domain/rectification.hpp): the unit's steps (start, submit) REQUIRE
  /// Action::kAnswerSupervision, the supervisor's (assign, verify, return) Action::kWriteSupervision,
  /// both on the item's region. Errors as CheckRectificationStep. Audited as "rectification.<action>".
  Result<RectificationView> ActOnRectification(const Actor& actor, std::int64_t finding_id,
                                               const RectificationRequest& request);
  /// The rectification rate of the query's region and of each child, for the period.
  Result<std::vector<RectificationRate>> RectificationRates(const Actor& actor, const SupervisionQuery& query) const;

  // --- inquiries on flags (问询 → 认定, issue #18 point 6): inquiries.cpp ---
  /// Sends an inquiry on the flag (kind, subject) to the unit concerned. REQUIRES
  /// Action::kSendInquiry on the flag's region. InvalidArgument ("unsupported_kind") for a kind other
  /// than disburse_as_expend, pay_ahead_of_progress, over_arranged; ("missing_field") without
  /// questions; NotFound for an unknown flag; AlreadyExists ("inquiry_exists") when the flag has
  /// an inquiry. Audited as "inquiry.send".
  Result<InquiryView> SendInquiry(const Actor& actor, const NewInquiry& request);
  /// Inquiries whose region lies in the query's region and the actor's scope, newest first.
  /// InvalidArgument ("unknown_status", "unknown_outcome") for an unknown filter value.
  Result<std::vector<InquiryView>> ListInquiries(const Actor& actor, const InquiryQuery& query) const;
  /// One inquiry with its steps. NotFound; PermissionDenied outside the actor's scope.
  Result<InquiryView> GetInquiry(const Actor& actor, std::int64_t id) const;
  /// The unit's answer: REQUIRES Action::kAnswerSupervision, the inquiry's region in scope and the
  /// actor's home region within the unit it is addressed to (PermissionDenied otherwise: a
  /// prefecture or region officer does not answer for the county). Errors as AnswerInquiry.
  /// Audited as "inquiry.answer".
  Result<InquiryView> AnswerInquiry(const Actor& actor, std::int64_t id, const InquiryAnswer& answer);
  /// The determination: REQUIRES Action::kDetermineInquiry on the inquiry's region. Errors as
  /// DetermineInquiry. A rejected one closes the flag with its reason; a rejected 以拨代支 one takes
  /// the entry out of the 以拨代支 figure and of assessed progress's deduction (docs/definitions.md
  /// §11). Audited as "inquiry.determine" (and the flag's close as "flag.close").
  Result<InquiryView> DetermineInquiry(const Actor& actor, std::int64_t id, const InquiryDetermination& determination);

  // --- 资金分配时效 (issue #19 point 5, docs/definitions.md §12): timeliness.cpp ---
  /// Records allocations received from the superior (上级下达), idempotent by receipt_id (a
  /// recorded one is left as it was). REQUIRES Action::kWriteLedger on each receiving unit.
  /// InvalidArgument naming the rows for a missing id, an unknown region or one below the
  /// counties, a fund year outside 2000–2100 or an amount not positive. Audited.
  Result<FundReceiptBatch> RecordFundReceipts(const Actor& actor, const std::vector<FundReceipt>& receipts);
  /// The timeliness of every unit of the region's subtree with receipts of fund year `year`,
  /// as of `as_of`. REQUIRES Action::kRead on the region.
  Result<TimelinessReport> Timeliness(const Actor& actor, const std::string& region_code, int year, Date as_of) const;

  // --- 挂图作战 in one read (issue #22 point 1, docs/definitions.md §22): dashboard.cpp, dashboard.hpp ---
  /// The wall chart of a region, fund year and as-of date from the functions behind the single
  /// endpoints (figures, children, ranking, trend of both years, treemap, forecast, thresholds,
  /// settled run, 确权; not 以工代赈). REQUIRES Action::kRead on the region; their errors.
  Result<DashboardReport> Dashboard(const Actor& actor, const DashboardQuery& query);

  // --- 年末支出进度预测 (issue #22 point 4, docs/definitions.md §21): forecast.cpp ---
  /// The year-end forecast of central expenditure progress for the region and each child, and the
  /// counties of its subtree predicted to miss the year-end target. REQUIRES Action::kRead on the
  /// region; NotFound for an unknown region; InvalidArgument ("missing_field") when it is empty.
  Result<ForecastReport> Forecast(const Actor& actor, const ForecastQuery& query) const;

  // --- flags as work items (问题预警): flags.cpp ---
  /// The flags of a subtree as of a date: 以拨代支 and 超进度拨款 as the engine computes them,
  /// over_arranged and negative_list as raised at payment, each with its work state (status,
  /// assignee, reason; open when nobody has acted). Newest first. InvalidArgument for an
  /// unknown kind or status or a bad page.
  Result<FlagsReport> Flags(const Actor& actor, const FlagQuery& query) const;
  /// One flag as of `as_of` (default today: a 超进度拨款 flag is computed for that date) and its
  /// history. NotFound when there is no such flag on that date.
  Result<FlagDetail> GetFlag(const Actor& actor, const std::string& kind, const std::string& subject,
                             std::optional<Date> as_of = std::nullopt) const;
  /// Applies a work step (assign, explain, close, reopen) to a flag, recording it in its
  /// history and the audit log. REQUIRES Action::kHandleFlags in the flag's region. The
  /// assignee must be an enabled user whose scope covers the flag. Conflict for a step the
  /// status does not allow or a stale version. `as_of` finds the flag as the list showed it
  /// (a 超进度拨款 flag of a past date may have no excess today).
  Result<FlagDetail> ActOnFlag(const Actor& actor, const std::string& kind, const std::string& subject,
                               const FlagActionRequest& request, std::optional<Date> as_of = std::nullopt);
  /// The checks a ledger batch would meet, without saving anything (the entry form's warning).
  Result<LedgerCheck> CheckLedgerEntries(const Actor& actor, std::vector<NumberedEntry> entries);

  // --- driving execution (领导包保, 月调度; issue #17): dispatch.cpp ---
  /// Records a 包保 assignment. REQUIRES Action::kManageDispatch on the unit. InvalidArgument
  /// for a missing name, post or period, a region leader on anything but a county, a prefecture
  /// or county leader on anything but a key township (重点乡镇); NotFound for an unknown unit.
  /// Audited as "baobao.create".
  Result<BaobaoAssignment> AddBaobao(const Actor& actor, BaobaoAssignment assignment);
  /// Assignments of units in the region's subtree (the caller's home region when empty).
  Result<std::vector<BaobaoAssignment>> ListBaobao(const Actor& actor, const std::string& region_code) const;
  /// 全覆盖 on `as_of`: every county of the subtree without a regional leader and every key
  /// township without a prefecture or county leader whose period covers the date (default today).
  Result<BaobaoCoverage> Coverage(const Actor& actor, const std::string& region_code,
                                  std::optional<Date> as_of = std::nullopt) const;
  /// 我包保的: the units whose assignment names the caller's account and covers `as_of`, with
  /// their figures of fund year `as_of.year()` (central funds), rank, overdue and open reminders.
  Result<std::vector<MyUnit>> MyBaobao(const Actor& actor, std::optional<Date> as_of = std::nullopt) const;
  /// Opens the dispatch of `region` for `month` ("2023-06"): freezes the figures and ranks of
  /// every unit below it, down to the counties, as of the cut-off. REQUIRES
  /// Action::kManageDispatch on the region. AlreadyExists when the cycle is open already.
  /// Audited as "dispatch.open".
  Result<DispatchView> OpenDispatch(const Actor& actor, const std::string& region_code, const std::string& month);
  /// The cycle with its snapshot, the live figures at the same cut-off and last month's snapshot.
  /// A caller below the dispatching region sees only the rows and filings of its own subtree.
  /// NotFound when the cycle was never opened.
  Result<DispatchView> GetDispatch(const Actor& actor, const std::string& region_code, const std::string& month) const;
  /// Every cycle of the region's subtree (newest month first), without rows.
  Result<std::vector<DispatchCycle>> ListDispatches(const Actor& actor, const std::string& region_code) const;
  /// A unit's 填报 (replacing its earlier one). REQUIRES Action::kFileDispatch on the unit, which
  /// must be a unit of the snapshot; Conflict once its part is reviewed or after the deadline.
  Result<DispatchView> FileDispatch(const Actor& actor, const std::string& region_code, const std::string& month,
                                    DispatchFiling filing);
  /// A reviewing unit's review of its part (the prefectures of a region's dispatch, the
  /// prefecture of its own): REQUIRES Action::kManageDispatch on `reviewer`. The cycle is
  /// reviewed once every reviewer has reviewed. Conflict when already reviewed.
  Result<DispatchView> ReviewDispatch(const Actor& actor, const std::string& region_code, const std::string& month,
                                      const std::string& reviewer);
  /// The region closes the reviewed cycle. REQUIRES Action::kManageDispatch on the cycle's
  /// region; Conflict before every review is in.
  Result<DispatchView> CloseDispatch(const Actor& actor, const std::string& region_code, const std::string& month);

  // --- weekly point-to-point reminders (点对点提醒; issue #17): reminders.cpp ---
  /// Generates the reminders of ISO week `week` ("2023-W27") for the region's subtree from the
  /// policy rules, as of the week's Monday, and delivers them through the outbox. Idempotent: a
  /// reminder already generated for the week (same kind, unit, project, subject, recipient) is
  /// not stored again. REQUIRES Action::kManageDispatch on the region. Audited.
  Result<ReminderBatch> GenerateReminders(const Actor& actor, const std::string& region_code, const std::string& week);
  /// Reminders whose unit lies in the region's subtree (filtered by week and status), or with
  /// `mine` those the caller may acknowledge (the message centre).
  Result<std::vector<Reminder>> ListReminders(const Actor& actor, const ReminderQuery& query) const;
  /// The recipient acknowledges a reminder (签收), optionally with a reply (a reply may follow
  /// later). PermissionDenied for anybody but the recipient (NotFound outside the caller's scope);
  /// Conflict for acknowledging twice without a reply.
  Result<Reminder> AcknowledgeReminder(const Actor& actor, std::int64_t id, const std::string& reply);
  /// Adds a channel to the outbox (SMS or webhook; in-app needs none).
  void AddReminderSender(std::shared_ptr<ReminderSender> sender);

  // --- 约谈 (issue #17 point 4): interviews.cpp ---
  /// The graded list (约谈名单) of the dispatch of `region` for `month`: every county of its
  /// snapshot that qualifies by the policy's rules, with its streak and grade (docs/definitions.md
  /// §7). Read from frozen snapshots only. Scoped as GetDispatch; NotFound without the dispatch.
  Result<InterviewList> InterviewCandidates(const Actor& actor, const std::string& region_code,
                                            const std::string& month) const;
  /// Records an interview of a county of the dispatch (`dispatch_region`, `month`). REQUIRES
  /// Action::kManageDispatch on the county. InvalidArgument (with the columns) for a missing
  /// interviewer, interviewee or commitment, a commitment without text or due before the date, a
  /// county not in the snapshot; NotFound without the dispatch. Audited as "interview.create".
  Result<Interview> RecordInterview(const Actor& actor, Interview interview);
  /// Interviews of counties in the region's subtree (the caller's home region when empty), newest
  /// month first, each with its follow-up in the next month's dispatch.
  Result<std::vector<Interview>> ListInterviews(const Actor& actor, const std::string& region_code) const;
  /// Closes commitment `index` of interview `id` (销号) with a note on what was done. REQUIRES
  /// Action::kFileDispatch on the county; NotFound outside the caller's scope or for no such
  /// commitment; Conflict when closed already. Audited as "interview.commitment_close".
  Result<Interview> CloseCommitment(const Actor& actor, std::int64_t id, std::size_t index, const std::string& note);

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
    Int128 engine = 0;
    Int128 sql = 0;
  };
  struct VerifyReport {
    int checks = 0;  ///< (region, year, as-of, source) combinations compared
    std::vector<VerifyMismatch> mismatches;
  };
  /// Recomputes every figure for every region with plain SQL over the raw rows,
  /// on the quarter ends of each year present and of the next, and on 07-05.
  Result<VerifyReport> Verify();

  // --- authorization (授权): every use case calls one of these first (see src/README.md) ---
  /// Ok when `actor`'s role is granted `action` and `region_code` lies in the actor's scope
  /// (the subtree of its home region). An empty `region_code` means the whole tree.
  /// PermissionDenied otherwise; NotFound for an unknown region code.
  Status Authorize(const Actor& actor, Action action, std::string_view region_code) const;
  /// Ok when `actor`'s role is granted `action`, whatever the region (the caller then
  /// filters what it returns by InScope). PermissionDenied otherwise.
  Status AuthorizeRole(const Actor& actor, Action action) const;
  /// Whether `region_code` lies in `actor`'s scope (false for unknown codes).
  bool InScope(const Actor& actor, std::string_view region_code) const;

  // --- accounts (账户) and sessions (会话): accounts.cpp ---
  /// Creates a user. REQUIRES Action::kManageUsers on the new user's region (Actor::System()
  /// for the CLI). InvalidArgument for a bad name, password or role/region mismatch;
  /// NotFound for an unknown region; AlreadyExists for a taken username.
  Result<UserView> CreateUser(const Actor& actor, const NewUser& user);
  /// Users whose home region lies in the actor's scope (and in `region_code`'s subtree when
  /// given). REQUIRES Action::kManageUsers.
  Result<std::vector<UserView>> ListUsers(const Actor& actor, std::string_view region_code) const;
  /// Changes a user's role, home region, department or disabled flag. REQUIRES
  /// Action::kManageUsers on the user's region and on a new region. NotFound for an unknown id;
  /// InvalidArgument as CreateUser; Conflict ("own_account") for disabling oneself or changing
  /// one's own role or region. Disabling revokes the user's sessions in the same transaction.
  /// Audited as "user.update", "user.disable" or "user.enable" with before and after.
  Result<UserView> UpdateUser(const Actor& actor, std::int64_t id, const UserChange& change);
  /// An administrator sets a new password for another user (重置密码) and revokes all the
  /// user's sessions. REQUIRES Action::kManageUsers on the user's region. InvalidArgument
  /// ("weak_password") for a password the policy refuses; Conflict ("own_account") for oneself
  /// (ChangeOwnPassword checks the old one). Audited as "user.password_reset".
  Result<UserView> ResetPassword(const Actor& actor, std::int64_t id, std::string_view new_password);
  /// The signed-in user changes their own password (修改密码) and every other session of theirs
  /// is revoked; the one in use stays. PermissionDenied for an API token; InvalidArgument
  /// ("wrong_password") for a wrong old password — counted by the login throttle, so
  /// TooManyRequests while it holds — or ("weak_password") for a refused new one. Audited as
  /// "user.password_change" (and "user.password_change_failed").
  Status ChangeOwnPassword(const Actor& actor, std::string_view old_password, std::string_view new_password);
  /// Checks a password and opens a session. Unauthenticated for a wrong username or
  /// password (the same answer for both); TooManyRequests while throttled; every attempt
  /// is audited.
  Result<SessionGrant> Login(std::string_view username, std::string_view password, std::string_view address);
  /// The session of a token from a cookie. Unauthenticated when unknown, revoked, expired
  /// (idle or absolute) or the user is disabled.
  Result<AuthenticatedSession> Authenticate(std::string_view token, std::string_view address);
  /// The signed-in user behind `actor`. NotFound when the account is gone; PermissionDenied
  /// for a service account (an API token has no session).
  Result<UserView> CurrentUser(const Actor& actor) const;
  /// Revokes the actor's session.
  Status Logout(const Actor& actor);
  /// Failed logins since start (for /metrics).
  std::int64_t login_failures() const { return login_failures_.load(); }
  const AccountsPolicy& accounts_policy() const { return options_.accounts; }

  // --- API tokens of service accounts (API 令牌): api_tokens.cpp ---
  /// Creates a token. REQUIRES Action::kManageUsers on the token's region. InvalidArgument for a
  /// bad name, role (admin), region level, expiry or allow-list entry; NotFound for an unknown
  /// region; AlreadyExists when a user has the name; Conflict when the service account's earlier
  /// tokens have another role or region. Audited as "token.create" (without the secret).
  Result<ApiTokenGrant> CreateApiToken(const Actor& actor, const NewApiToken& request);
  /// Tokens whose region lies in the actor's scope, newest first. REQUIRES Action::kManageUsers.
  Result<std::vector<ApiTokenView>> ListApiTokens(const Actor& actor) const;
  /// Revokes a token at once; revoking a revoked token changes nothing. REQUIRES
  /// Action::kManageUsers on the token's region. NotFound for an unknown id. Audited as "token.revoke".
  Result<ApiTokenView> RevokeApiToken(const Actor& actor, std::int64_t id);
  /// Admits one request (`request_line` = "POST /api/v1/ledger") with a bearer token:
  /// Unauthenticated for an unknown, revoked or expired token, PermissionDenied from an address
  /// outside its allow-list (both audited as "token.refused"); over the rate limit the admission
  /// carries the wait. Every admitted use is audited as "token.use" under the service account.
  Result<TokenAdmission> AuthenticateToken(std::string_view token, std::string_view address,
                                           std::string_view request_line);

  // --- audit trail (审计日志): audit.cpp ---
  /// Audit rows in the actor's scope matching `filter`. REQUIRES Action::kReadAudit.
  /// InvalidArgument for malformed filters.
  Result<AuditListing> ReadAudit(const Actor& actor, const AuditFilter& filter) const;
  /// Every audit row of ReadAudit's filters and scope (page and page_size ignored), newest
  /// first, in batches read by seq (rows appended meanwhile are not included). Returns the count.
  /// REQUIRES Action::kReadAudit.
  Result<std::int64_t> ScanAuditListing(const Actor& actor, const AuditFilter& filter,
                                        const std::function<Status(const AuditRecord&)>& fn) const;
  /// Recomputes the whole hash chain (for `xianjie verify`).
  Result<AuditVerification> VerifyAudit() const;

 private:
  /// Rebuilds the region tree from `from` (the store when null).
  Status ReloadRegions(Store* from = nullptr);
  /// Waits until the replica has the store's schema `version` and everything the store had
  /// committed when the wait began (Unavailable after AppOptions::replica_wait).
  Status WaitForReplica(int version);
  /// FollowStoreLocked until this process's own ledger entries are in the engine through the
  /// replica (at once without one). REQUIRES: write_mu_ held.
  Status CatchUpLocked();
  /// The season of one unit on any day, with the policy as it stands now (copied: the engine may
  /// be rebuilt meanwhile).
  SeasonOn SeasonsOf(const std::string& region_code) const;
  /// FollowStore's step. REQUIRES: write_mu_ held.
  Result<bool> FollowStoreLocked();
  /// The store filter of a ledger query (without paging), after checking the caller may read it.
  Result<LedgerFilter> LedgerFilterOf(const Actor& actor, const LedgerListQuery& query) const;
  /// The rows the engine loads before the ledger: categories, policy values, contracts, progress.
  struct EngineReference {
    std::vector<ProjectCategory> categories;
    std::vector<PolicyValue> policies;
    std::vector<ProjectContract> contracts;
    std::vector<ProgressReport> progress;
    std::vector<std::pair<std::string, Date>> acceptances;  ///< 竣工验收 dates
  };
  Result<EngineReference> ReadEngineReference(Store* from = nullptr);
  /// Rebuilds the indicator engine from the store (start-up, region and policy changes);
  /// `reference` when it was read already (start-up reads it while the region tree is built).
  /// REQUIRES: write_mu_ held (or start-up), not inside store_->Transact: writes committed
  /// meanwhile would miss the new engine, and the store reads on other threads.
  /// `from`: the store it is read from (the App's store when null; its replica at start-up and
  /// when following).
  Status RebuildEngine(std::optional<EngineReference> reference = std::nullopt, Store* from = nullptr);
  /// The projects a contracts or progress file names (row, code), checked to exist (an
  /// `unknown_project` error per row into `errors`) and to lie in scope (PermissionDenied).
  Result<std::map<std::string, Project>> ProjectsForReports(const Actor& actor, const TableSource& source,
                                                            const TableHeader& header,
                                                            const std::vector<std::pair<int, std::string>>& rows,
                                                            std::vector<FieldError>& errors) const;
  /// Stores contracts / progress reports with their audit rows in one transaction, then tells
  /// the engine. REQUIRES: write_mu_ held; each one's project in `projects`.
  Status RecordContracts(const Actor& actor, const std::vector<ProjectContract>& contracts,
                         const std::map<std::string, Project>& projects);
  Status RecordProgressReports(const Actor& actor, const std::vector<ProgressReport>& reports,
                               const std::map<std::string, Project>& projects);
  /// A ledger batch checked against the store, with the flags appending it would raise.
  struct PreparedLedgerBatch {
    LedgerBatch batch;
    std::unordered_map<std::string, StoredEntry> stored;  ///< the stored entries it refers to, by id
    std::vector<Flag> flags;                              ///< raised or cleared by appending it
  };
  /// Checks a batch (scope, references, the payment rules) and works out its flags; writes
  /// nothing. `column_of` (may be empty) places errors in a file's columns. REQUIRES: write_mu_ held.
  Result<PreparedLedgerBatch> PrepareLedgerBatch(const Actor& actor, std::vector<NumberedEntry> entries,
                                                 const std::function<int(const std::string&)>& column_of);
  /// The over_arranged and negative_list flags appending `batch` raises or clears (reads only).
  /// REQUIRES: write_mu_ held.
  Result<std::vector<Flag>> FlagsRaisedBy(const std::vector<StoredEntry>& batch, const std::vector<Project>& projects);
  /// A flag as it stands on `as_of` (engine-computed or stored) with its history; NotFound otherwise.
  Result<FlagDetail> FindFlag(const std::string& kind, const std::string& subject, Date as_of) const;
  /// Validates and appends a batch; `column_of` maps a column name to its 1-based position.
  Result<ImportReport> AppendLedger(const Actor& actor, std::vector<NumberedEntry> entries,
                                    const std::function<int(const std::string&)>& column_of);
  /// The guards of the library beyond the state table: compliance at county review, joint
  /// review and posting before admission. REQUIRES: write_mu_ held.
  /// The library part of the demo (城关区): a sheet with milestones on some 2023 projects, village
  /// plans, the county's joint-review departments and 2024 proposals at every review stage with
  /// postings and an objection. Leaves the 2023 figures untouched. demo_library.cpp.
  Status LoadDemoLibrary();
  /// Demo payments that raise the flags checked at payment (negative_list, over_arranged).
  Status LoadDemoPaymentFlags();
  /// The demo's asset register and work relief (demo_assets.cpp, issue #20 point 7).
  Status LoadDemoLastingBenefit();
  /// The demo's 包保, six closed monthly dispatches, June's weekly reminders and two interviews
  /// (issue #17 point 6), written through the use cases at their dates in 2023.
  Status LoadDemoDispatch();
  /// The demo's receipts from the superior for every fund year's batches, with two planted
  /// breaches in 2023 (demo_receipts.cpp, docs/definitions.md §12).
  Status LoadDemoReceipts();
  /// The demo's need factors of 2023 for every county, for allocating 2024 (demo_factors.cpp).
  Status LoadDemoFactors();
  Status CheckLibraryGuards(const Actor& actor, const Project& project, const Transition& t);
  /// Next year's copy of a project rolled over (结转下年项目库): code "<code>-<year+1>", state
  /// in_library, same sheet. REQUIRES: write_mu_ held, inside store_->Transact.
  Status CarryOver(const Actor& actor, const Project& rolled);
  ComplianceCheck RunCompliance(const Project& project, const ProjectDetails& details, Date on,
                                const ReferenceCatalog& references) const;
  Result<std::vector<LibraryRecord>> Records(const char* kind, const std::string& project_code) const;
  Result<ProjectDetails> LoadDetails(const std::string& code, std::int64_t* record_id) const;
  Result<JointReviewStatus> JointReviewOf(const Project& project, std::vector<Signoff>* signoffs) const;
  Status FillLibrary(ProjectDetail& d) const;
  Date Today() const;
  /// Whether `actor` is the reminder's recipient: the leader's account, or the unit's own people
  /// (who also answer for the 责任人 of their projects).
  bool IsRecipient(const Actor& actor, const Reminder& reminder) const;
  /// Reminders of the query's subtree and week (no scope check); with `mine`, the caller's only.
  Result<std::vector<Reminder>> ReadReminders(const ReminderQuery& query, const Actor* mine) const;
  /// Sends every pending delivery of the outbox. REQUIRES: write_mu_ held.
  Status DeliverOutboxLocked();
  /// The stored cycle of (region, month) and its record id; nullopt when never opened.
  Result<std::optional<DispatchCycle>> FindCycle(const std::string& region_code, const std::string& month) const;
  /// The view of a stored cycle (its rows, the live figures, last month's rows).
  Result<DispatchView> ViewOfCycle(const Actor& actor, DispatchCycle cycle) const;
  /// The snapshot row of `region_code` in cycle `cycle_id`; nullopt when the cycle has none.
  Result<std::optional<SnapshotRow>> SnapshotRowOf(std::int64_t cycle_id, const std::string& region_code) const;
  /// Why a county's snapshot row of the month starting `first_of_month` qualifies for the
  /// interview list under the policy in force at its cut-off (nothing for other levels).
  InterviewReasons QualifiesForInterview(const SnapshotRow& row, Date first_of_month) const;
  /// Fills an interview's follow-up: its county's progress in its dispatch and the next month's.
  Status FillFollowUp(Interview& interview) const;
  /// An interview decoded from its record (Internal naming the record when corrupt).
  Result<Interview> InterviewOfRecord(const DispatchRecord& record) const;
  Result<RegionIndex> ResolveRegion(const RegionTree& tree, const std::string& code) const;
  /// Timeliness without authorization: the subtree of `region_code` ('' = every region), one
  /// fund year or every one. Takes state_mu_ itself.
  Result<TimelinessReport> ComputeTimeliness(const std::string& region_code, std::optional<int> year, Date as_of) const;
  /// Gaming detectors (docs/definitions.md §20, gaming.cpp): the flags of the five kinds on `as_of`
  /// whose region lies in the subtree of `root` (every region for kNoRegion), with the policy in force on
  /// `as_of`; the fund year and source, when given, narrow the kinds about one entry. Reads the ledger and the
  /// projects from the store; takes no lock (`tree` is the caller's snapshot).
  Result<std::vector<FlagItem>> GamingFlags(const RegionTree& tree, RegionIndex root, std::optional<int> fund_year,
                                            std::optional<FundSource> fund_source, Date as_of) const;
  /// The findings of the last few GamingFlags reads, each for the store's change mark (projects, policies,
  /// regions and the highest ledger seq) and the as-of date it was computed at: a read with the same mark
  /// and date reuses them instead of scanning the ledger again. Shared (shared_ptr) between the cache and
  /// the reads using them. GUARDED_BY gaming_mu_.
  struct GamingCacheEntry {
    std::int64_t changes = 0;
    std::int64_t max_seq = 0;
    Date as_of;
    std::shared_ptr<const std::vector<GamingFinding>> findings;
  };
  mutable std::mutex gaming_mu_;
  mutable std::vector<GamingCacheEntry> gaming_cache_;
  /// PermissionDenied unless every row of a region import lies in the actor's scope.
  Status AuthorizeRegionRows(const Actor& actor, const std::vector<RegionRow>& rows) const;
  /// Appends one hash-chained audit row. REQUIRES: write_mu_ held, inside store_->Transact
  /// together with the change it records.
  Status AppendAudit(const Actor& actor, std::string action, std::string entity_type, std::string entity_id,
                     std::string region_code, std::string before, std::string after);
  std::string Now() const;
  /// The personal-data keys, read (or created) from AppOptions::data_key_file on first use.
  Result<crypto::DataKeys> PersonalDataKeys();
  /// The assets a hand-over creates (资产移交): those of the request, or one from the project.
  /// REQUIRES: write_mu_ held, inside store_->Transact with the transition.
  /// The asset `asset_code` when `action` is allowed on its region; NotFound otherwise.
  Result<Asset> FindAssetInScope(const Actor& actor, Action action, const std::string& asset_code) const;
  Status CreateHandOverAssets(const Actor& actor, const Project& project, const std::vector<Asset>& requested);
  UserView ViewOf(const UserRecord& u) const;
  ApiTokenView ViewOf(const ApiTokenRecord& t) const;
  /// InvalidArgument ("weak_password") unless `password` is valid UTF-8 of policy length.
  Status CheckPasswordPolicy(std::string_view password) const;
  /// The user with `id` for an administrator: NotFound when there is none, PermissionDenied
  /// when its region is outside the actor's scope.
  Result<UserRecord> ManagedUser(const Actor& actor, std::int64_t id) const;
  /// NotFound for an unknown region; InvalidArgument when its level does not suit `role`
  /// (RequiredHomeLevel: a county officer's home is a county …).
  Status CheckHomeRegion(Role role, const std::string& region_code) const;
  /// The region codes of the actor's scope, or nullopt when it is the whole tree.
  std::optional<std::vector<std::string>> ScopeCodes(const Actor& actor, std::string_view within) const;

  std::unique_ptr<Store> store_;
  std::unique_ptr<Store> replica_;  ///< UseReplica's: the engine is built and followed from it
  /// The store the engine is built and followed from: the replica when there is one.
  Store& engine_source() { return replica_ ? *replica_ : *store_; }
  std::mutex data_keys_mu_;
  std::optional<crypto::DataKeys> data_keys_;  // GUARDED_BY(data_keys_mu_)
  AppOptions options_;
  LoginThrottle throttle_;
  TokenRateLimit token_limit_;
  std::atomic<std::int64_t> login_failures_{0};
  std::once_flag dummy_hash_once_;
  std::string dummy_hash_;  // verified against for unknown usernames, so timing does not tell
  /// Coalescing of "session.login_throttled" audit rows: one row per username × address per
  /// wait, counting the refusals in between, so a guessing loop cannot fill the audit log.
  struct ThrottleAudit {
    std::chrono::system_clock::time_point quiet_until;
    std::int64_t coalesced = 0;  ///< refusals since the last row that got none of their own
  };
  std::mutex throttle_audit_mu_;
  std::unordered_map<std::string, ThrottleAudit> throttle_audit_;  // GUARDED_BY(throttle_audit_mu_)
  std::mutex write_mu_;                                            // serializes use cases that write
  mutable std::shared_mutex state_mu_;
  // shared_ptr: readers keep using an old tree while an import swaps in a new one.
  std::shared_ptr<const RegionTree> regions_;  // GUARDED_BY(state_mu_)
  std::unique_ptr<IndicatorEngine> engine_;    // GUARDED_BY(state_mu_)
  std::unique_ptr<ProjectCatalog> catalog_;    // GUARDED_BY(state_mu_); points into engine_'s tree
  mutable std::mutex phases_mu_;
  std::vector<std::pair<std::string, double>> start_phases_;
  // The follower's place in the store (issue #16), GUARDED_BY(write_mu_): the change log's counter
  // the engine was built at, the ledger seq up to which every entry is in the engine, and this
  // process's own entries above it (already applied, skipped when read back).
  std::int64_t followed_changes_ = 0;
  std::int64_t followed_seq_ = 0;
  std::set<std::int64_t> own_seqs_;
  // Sessions answered without the store while the follower runs (issue #16 point 3).
  SessionCache session_cache_;
  std::mutex follower_mu_;
  std::condition_variable follower_cv_;
  bool follower_stop_ = false;  // GUARDED_BY(follower_mu_)
  std::thread follower_;
  std::vector<std::shared_ptr<ReminderSender>> senders_;  // GUARDED_BY(write_mu_): the outbox's channels
  std::once_flag jobs_once_;
  // Declared last: destroyed first, so its worker stops before anything it calls is gone.
  std::unique_ptr<ImportJobs> jobs_;
};

}  // namespace xj
