#pragma once
/// Store on PostgreSQL 15 through a connection pool (the production backend).

#include <memory>
#include <string>

#include "store/postgres/pg_pool.hpp"
#include "store/store.hpp"

namespace xj {

/// Thread-safe: each call borrows a pooled connection, except inside Transact(),
/// where the calling thread's connection is bound to it (a thread_local binding)
/// so that nested store calls join the same transaction, as on SQLite.
///
/// Isolation: reads outside Transact() are single autocommit statements (READ
/// COMMITTED, each a consistent snapshot). Every write transaction runs at
/// REPEATABLE READ; ledger appends also take a transaction-scoped advisory lock,
/// so seq order is commit order across processes. A write method that owns its
/// transaction retries it on serialization failure or deadlock; Transact() does
/// not (its function may have effects outside the store) and returns Conflict.
class PostgresStore final : public Store {
 public:
  /// `url` is a libpq URL; the extra query parameter `pool_size=N` (default 8)
  /// bounds the connections this process opens. Connects once to fail early.
  static Result<std::unique_ptr<PostgresStore>> Open(const std::string& url);

  std::string_view backend() const override { return "postgresql"; }
  Result<int> Migrate() override;
  Result<int> SchemaVersion() override;
  Status Transact(const std::function<Status()>& fn) override;
  /// pg_dump --format=custom into `path` (needs the postgresql-client package).
  Status Backup(const std::string& path) override;

  Result<std::vector<Region>> LoadRegions() override;
  Status UpsertRegions(const std::vector<Region>& regions) override;

  Status ScanProjects(const std::function<void(const Project&)>& fn) override;
  Result<std::vector<Project>> FindProjects(const std::vector<std::string>& codes) override;
  Status InsertProjects(const std::vector<Project>& projects) override;
  Result<std::optional<StoredProject>> GetProject(std::string_view code) override;
  Status UpdateProjectState(const Project& project, std::int64_t expected_version) override;
  Status UpdateProject(const Project& project, std::int64_t expected_version) override;
  Status AppendTransition(const TransitionRecord& record) override;
  Result<std::vector<TransitionRecord>> ProjectTransitions(std::string_view code) override;
  Status UpsertProcedure(std::string_view code, const ProcedureStatus& procedure, const std::string& at) override;
  Result<std::vector<ProcedureStatus>> ProjectProcedures(std::string_view code) override;

  Status ScanLedger(const std::function<void(const StoredEntry&)>& fn) override;
  Status ScanLedgerFacts(int max_shards, const std::function<void(int, const LedgerFact&)>& fn) override;
  Result<std::vector<std::pair<std::int64_t, Date>>> ReversalDates() override;
  Result<std::vector<StoredEntry>> FindEntries(const std::vector<std::string>& entry_ids) override;
  Result<std::vector<std::string>> FindReversed(const std::vector<std::string>& entry_ids) override;
  /// Up to kCopyThreshold entries: INSERT … RETURNING seq; more: seq values are
  /// reserved from the sequence and the rows go through COPY.
  Result<std::vector<StoredEntry>> AppendEntries(std::vector<StoredEntry> entries) override;
  Result<std::vector<StoredEntry>> ProjectEntries(std::string_view project_code) override;
  Result<LedgerPage> ListLedger(const LedgerFilter& filter) override;

  Status InsertContract(const ProjectContract& contract) override;
  Status InsertProgress(const ProgressReport& report) override;
  Status ScanContracts(const std::function<void(const ProjectContract&)>& fn) override;
  Status ScanProgress(const std::function<void(const ProgressReport&)>& fn) override;

  Result<std::int64_t> CountProjects() override;
  Result<std::vector<std::pair<int, FundSource>>> FundYearsAndSources() override;
  Result<std::vector<SqlRegionFigures>> ComputeFiguresBySql(const SqlFiguresQuery& query) override;
  Result<std::vector<ProjectCategory>> LoadCategories() override;
  Result<std::int64_t> InsertLibraryRecord(const LibraryRecord& record) override;
  Status UpdateLibraryRecord(std::int64_t id, const std::string& doc, const std::string& updated_at) override;
  Result<std::vector<LibraryRecord>> FindLibraryRecords(const LibraryRecordQuery& query) override;
  Result<std::vector<PolicyValue>> LoadPolicies() override;
  Status InsertPolicy(const PolicyValue& value) override;

  // accounts, sessions and the audit log: postgres_accounts.cpp
  Result<std::optional<UserRecord>> FindUserByName(std::string_view username) override;
  Result<std::optional<UserRecord>> FindUserById(std::int64_t id) override;
  Result<std::int64_t> InsertUser(const UserRecord& user) override;
  Result<std::vector<UserRecord>> ListUsers() override;
  Status InsertSession(const SessionRecord& session) override;
  Result<std::optional<SessionRecord>> FindSession(std::string_view token_hash) override;
  Status TouchSession(std::string_view token_hash, std::int64_t last_seen_at) override;
  Status RevokeSession(std::string_view token_hash) override;
  Status DeleteStaleSessions(std::int64_t created_before, std::int64_t seen_before) override;
  Result<std::optional<AuditRecord>> LastAudit() override;
  Status AppendAudit(const AuditRecord& record) override;
  Status ScanAudit(const std::function<Status(const AuditRecord&)>& fn) override;
  Result<AuditPage> QueryAudit(const AuditQuery& query) override;

  // API tokens of service accounts: postgres_tokens.cpp
  Result<std::int64_t> InsertApiToken(const ApiTokenRecord& token) override;
  Result<std::optional<ApiTokenRecord>> FindApiToken(std::string_view token_hash) override;
  Result<std::vector<ApiTokenRecord>> ListApiTokens() override;
  Status RevokeApiToken(std::int64_t id, std::string_view revoked_at) override;
  Status TouchApiToken(std::int64_t id, std::string_view last_used_at) override;

  Result<std::int64_t> CountRows(const CopiedTable& table) override;
  Status ExportRows(const CopiedTable& table, std::size_t batch_rows,
                    const std::function<Status(const RowBatch&)>& fn) override;
  Status ImportRows(const CopiedTable& table, const RowBatch& batch) override;
  Status ClearRows(const CopiedTable& table) override;

  /// Batches larger than this go through COPY instead of row-by-row INSERTs.
  static constexpr std::size_t kCopyThreshold = 1000;

 private:
  explicit PostgresStore(pg::PoolOptions options) : pool_(std::move(options)) {}

  /// A connection for one call: the thread's bound one inside Transact(), else a lease.
  class ConnRef {
   public:
    explicit ConnRef(pg::Conn* bound) : conn_(bound) {}
    explicit ConnRef(pg::Pool::Lease lease) : lease_(std::move(lease)), conn_(&**lease_) {}
    pg::Conn& operator*() const { return *conn_; }
    pg::Conn* operator->() const { return conn_; }

   private:
    std::optional<pg::Pool::Lease> lease_;
    pg::Conn* conn_;
  };
  Result<ConnRef> Connection();
  /// The connection bound to this thread by a Transact() of this store, or null.
  pg::Conn* Bound() const;
  /// Runs `fn` in a REPEATABLE READ transaction unless this thread already has one
  /// open on this store (then `fn` joins it). `retry`: re-run on serialization failure.
  Status InTx(const std::function<Status(pg::Conn&)>& fn, bool retry);

  pg::Pool pool_;
};

}  // namespace xj
