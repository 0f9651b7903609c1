#pragma once
/// Store on an embedded SQLite file (WAL, foreign keys on, prepared statements only).

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "store/sqlite/sqlite_db.hpp"
#include "store/store.hpp"

namespace xj {

/// One connection serialized by a recursive mutex: SQLite has one writer anyway,
/// and the figures are answered from memory by the analytics engine.
class SqliteStore final : public Store {
 public:
  static Result<std::unique_ptr<SqliteStore>> Open(const std::string& path);

  std::string_view backend() const override { return "sqlite"; }
  Result<int> Migrate() override;
  Result<int> SchemaVersion() override;
  Status Transact(const std::function<Status()>& fn) override;
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

  Result<std::int64_t> CountRows(const CopiedTable& table) override;
  Status ExportRows(const CopiedTable& table, std::size_t batch_rows,
                    const std::function<Status(const RowBatch&)>& fn) override;
  Status ImportRows(const CopiedTable& table, const RowBatch& batch) override;
  Status ClearRows(const CopiedTable& table) override;

  // accounts, sessions and the audit log: sqlite_accounts.cpp
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

  // API tokens of service accounts: sqlite_tokens.cpp
  Result<std::int64_t> InsertApiToken(const ApiTokenRecord& token) override;
  Result<std::optional<ApiTokenRecord>> FindApiToken(std::string_view token_hash) override;
  Result<std::vector<ApiTokenRecord>> ListApiTokens() override;
  Status RevokeApiToken(std::int64_t id, std::string_view revoked_at) override;
  Status TouchApiToken(std::int64_t id, std::string_view last_used_at) override;

 private:
  SqliteStore(std::unique_ptr<sqlite::Db> db, std::string path) : db_(std::move(db)), path_(std::move(path)) {}
  /// Runs `fn` in a transaction unless one is already open on this connection.
  /// Runs `fn` in a transaction opened by `begin` (or inside the one already open): commit on
  /// ok, rollback on an error or an exception.
  Status RunInTx(const char* begin, const std::function<Status()>& fn);
  Status InTx(const std::function<Status()>& fn);
  /// Runs `fn` inside one read transaction (a deferred BEGIN) unless a transaction is open.
  Status InReadTx(const std::function<Status()>& fn);
  Result<std::vector<StoredEntry>> FindEntriesLocked(const std::vector<std::string>& entry_ids);

  std::recursive_mutex mu_;
  std::unique_ptr<sqlite::Db> db_;  // GUARDED_BY(mu_)
  int tx_depth_ = 0;                // GUARDED_BY(mu_)
  std::string path_;                // for extra read connections of bulk scans
};

}  // namespace xj
