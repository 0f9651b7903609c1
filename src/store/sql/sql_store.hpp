#pragma once
/// The Store, written once against the driver port (driver.hpp) for SQLite and PostgreSQL.

#include <memory>

#include "store/sql/driver.hpp"
#include "store/store.hpp"

namespace xj::sql {

/// Thread-safe as its driver. Every statement is in sql/ (this class, sql_accounts.cpp,
/// sql_verify.cpp, sql_copy.cpp, ledger_sql.cpp); the drivers hold none.
class SqlStore final : public Store {
 public:
  explicit SqlStore(std::unique_ptr<Driver> driver) : driver_(std::move(driver)), d_(driver_->dialect()) {}

  std::string_view backend() const override { return driver_->backend(); }
  Result<int> Migrate() override { return driver_->Migrate(); }
  Result<int> SchemaVersion() override { return driver_->SchemaVersion(); }
  Status Transact(const std::function<Status()>& fn) override;
  Status Exclusive(std::string_view name, const std::function<Status()>& fn) override;
  Status Backup(const std::string& path) override { return driver_->Backup(path); }

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
  Result<std::vector<TransitionRecord>> FindTransitions(const std::vector<std::string>& codes) override;
  Result<std::vector<std::pair<std::string, Date>>> AcceptanceDates() override;
  Status UpsertProcedure(std::string_view code, const ProcedureStatus& procedure, const std::string& at) override;
  Result<std::vector<ProcedureStatus>> ProjectProcedures(std::string_view code) override;

  Status ScanLedger(const std::function<void(const StoredEntry&)>& fn) override;
  Status ScanLedgerFacts(int max_shards, const std::function<void(int, const LedgerFact&)>& fn,
                         std::int64_t up_to = -1) override;
  Result<std::vector<std::pair<std::int64_t, Date>>> ReversalDates() override;
  Result<std::vector<StoredEntry>> EntriesAfter(std::int64_t after) override;
  Result<ChangeMark> ReadChangeMark() override;
  Result<std::vector<StoredEntry>> FindEntries(const std::vector<std::string>& entry_ids) override;
  Result<std::vector<std::string>> FindReversed(const std::vector<std::string>& entry_ids) override;
  /// Up to kBulkRows entries: INSERT … RETURNING seq each; more: seq values are reserved
  /// first and the rows go through the driver's bulk append (COPY on PostgreSQL).
  Result<std::vector<StoredEntry>> AppendEntries(std::vector<StoredEntry> entries) override;
  Result<std::vector<StoredEntry>> ProjectEntries(std::string_view project_code) override;
  Result<LedgerPage> ListLedger(const LedgerFilter& filter) override;

  Status InsertContract(const ProjectContract& contract) override;
  Status InsertProgress(const ProgressReport& report) override;
  Status ScanContracts(const std::function<void(const ProjectContract&)>& fn) override;
  Status ScanProgress(const std::function<void(const ProgressReport&)>& fn) override;
  Result<std::vector<ProjectContract>> ProjectContracts(std::string_view code) override;
  Result<std::vector<ProgressReport>> ProjectProgress(std::string_view code) override;

  // sql_verify.cpp
  Result<std::int64_t> CountProjects() override;
  Result<std::vector<std::pair<int, FundSource>>> FundYearsAndSources() override;
  Result<std::vector<SqlRegionFigures>> ComputeFiguresBySql(const SqlFiguresQuery& query) override;

  Result<std::vector<ProjectCategory>> LoadCategories() override;
  Result<std::int64_t> InsertLibraryRecord(const LibraryRecord& record) override;
  Status UpdateLibraryRecord(std::int64_t id, const std::string& doc, const std::string& updated_at) override;
  Result<std::vector<LibraryRecord>> FindLibraryRecords(const LibraryRecordQuery& query) override;
  Result<std::int64_t> InsertDispatchRecord(const DispatchRecord& record) override;
  Status UpdateDispatchRecord(std::int64_t id, const std::string& doc, const std::string& updated_at) override;
  Result<std::vector<DispatchRecord>> FindDispatchRecords(const DispatchRecordQuery& query) override;
  Result<std::int64_t> InsertPosting(const Posting& posting) override;
  Result<std::vector<Posting>> FindPostings(const PostingQuery& query) override;
  Result<std::vector<PolicyValue>> LoadPolicies() override;
  Status InsertPolicy(const PolicyValue& value) override;

  // sql_flags.cpp
  Status UpsertRaisedFlags(const std::vector<Flag>& flags, const std::string& at) override;
  Result<std::vector<Flag>> FindFlags(const FlagFilter& filter) override;
  Result<std::int64_t> InsertFlag(const Flag& flag) override;
  Status UpdateFlagState(const Flag& flag, std::int64_t expected_version) override;
  Status AppendFlagEvent(const FlagEvent& event) override;
  Result<std::vector<FlagEvent>> FlagEvents(std::int64_t flag_id) override;
  Result<std::vector<ProjectMoney>> ProjectMoneyOf(const std::vector<std::string>& codes) override;
  Status UpsertBenchmarks(const std::vector<Benchmark>& rows) override;
  Result<std::vector<Benchmark>> LoadBenchmarks() override;

  // sql_asset_inventories.cpp
  Result<std::int64_t> InsertInventory(const InventoryCampaign& campaign,
                                       const std::vector<InventoryCheck>& checks) override;
  Result<std::optional<InventoryCampaign>> FindInventory(std::int64_t id) override;
  Result<std::vector<InventoryCampaign>> ListInventories() override;
  Status CloseInventory(const InventoryCampaign& campaign) override;
  Result<std::vector<InventoryCheck>> ListInventoryChecks(std::int64_t id) override;
  Status UpdateInventoryCheck(const InventoryCheck& check, std::int64_t expected_version) override;
  Status InsertAssetChange(const AssetChange& change) override;
  Result<std::vector<AssetChange>> ListAssetChanges(const std::string& asset_code) override;

  // sql_asset_plans.cpp
  Result<std::vector<AssetClassLabel>> ListAssetClassLabels() override;
  Status UpdateAssetClassLabels(const std::vector<AssetClassLabel>& labels, const std::string& at) override;
  Status UpsertAssetPlan(const AssetPlan& plan) override;
  Result<std::vector<AssetPlan>> ListAssetPlans() override;
  Result<std::int64_t> InsertAssetIncome(const AssetIncome& income) override;
  Result<std::vector<AssetIncome>> ListAssetIncomes(const std::string& asset_code, std::optional<Date> from,
                                                    std::optional<Date> to) override;

  // sql_assets.cpp
  Status UpsertAssets(const std::vector<Asset>& assets, const std::string& at) override;
  Result<std::vector<Asset>> FindAssets(const std::string& project_code) override;
  Status UpsertRelocationSite(const RelocationSite& site) override;
  Result<std::vector<RelocationSite>> ListRelocationSites() override;
  Result<std::int64_t> InsertRelocationHousehold(const StoredRelocationHousehold& household) override;
  Result<std::vector<StoredRelocationHousehold>> ListRelocationHouseholds() override;
  Result<std::int64_t> InsertRelocationSubsidy(const RelocationSubsidy& subsidy) override;
  Result<bool> PayRelocationSubsidy(std::int64_t id, Date paid_on, std::int64_t paid_fen, const std::string& method,
                                    const std::string& paid_by, const std::string& at) override;
  Result<std::vector<RelocationSubsidy>> ListRelocationSubsidies(std::int64_t household_id) override;
  Status UpsertReliefWorkers(const std::vector<StoredReliefWorker>& workers, const std::string& at) override;
  Result<std::vector<StoredReliefWorker>> FindReliefWorkers(const std::string& project_code) override;
  Status UpsertReliefWages(const std::vector<StoredWage>& wages, const std::string& at) override;
  Result<std::vector<StoredWage>> FindReliefWages(std::optional<Date> from, std::optional<Date> to,
                                                  const std::string& project_code) override;

  // sql_copy.cpp
  Result<std::int64_t> CountRows(const CopiedTable& table) override;
  Status ExportRows(const CopiedTable& table, std::size_t batch_rows,
                    const std::function<Status(const RowBatch&)>& fn) override;
  Status ImportRows(const CopiedTable& table, const RowBatch& batch) override;
  Status ClearRows(const CopiedTable& table) override;

  // sql_accounts.cpp
  Result<std::optional<UserRecord>> FindUserByName(std::string_view username) override;
  Result<std::optional<UserRecord>> FindUserById(std::int64_t id) override;
  Result<std::int64_t> InsertUser(const UserRecord& user) override;
  Result<std::vector<UserRecord>> ListUsers() override;
  Status InsertSession(const SessionRecord& session) override;
  Result<std::optional<SessionRecord>> FindSession(std::string_view token_hash) override;
  Status TouchSession(std::string_view token_hash, std::int64_t last_seen_at) override;
  Status RevokeSession(std::string_view token_hash) override;
  Status UpdateUser(const UserRecord& user) override;
  Result<std::int64_t> RevokeUserSessions(std::int64_t user_id, std::string_view keep_token_hash) override;
  Status DeleteStaleSessions(std::int64_t created_before, std::int64_t seen_before) override;
  Result<std::optional<AuditRecord>> LastAudit() override;
  Status AppendAudit(const AuditRecord& record) override;
  Status ScanAudit(const std::function<Status(const AuditRecord&)>& fn) override;
  Result<AuditPage> QueryAudit(const AuditQuery& query) override;

  // sql_tokens.cpp
  Result<std::int64_t> InsertApiToken(const ApiTokenRecord& token) override;
  Result<std::optional<ApiTokenRecord>> FindApiToken(std::string_view token_hash) override;
  Result<std::vector<ApiTokenRecord>> ListApiTokens() override;
  Status RevokeApiToken(std::int64_t id, std::string_view revoked_at) override;
  Status TouchApiToken(std::int64_t id, std::string_view last_used_at) override;
  Result<std::int64_t> InsertSettlementRun(const SettlementRunRecord& run) override;
  Result<std::optional<SettlementRunRecord>> FindSettlementRun(std::int64_t id) override;
  Result<std::vector<SettlementRunRecord>> ListSettlementRuns(std::string_view region_code, int year) override;
  Status ApproveSettlementRun(std::int64_t id, std::string_view approved_by, std::string_view approved_at) override;

  // sql_login_failures.cpp
  Result<LoginFailureCounts> CountLoginFailures(std::string_view username, std::string_view address,
                                                std::int64_t after_ms) override;
  Status RecordLoginFailure(std::string_view username, std::string_view address, std::int64_t at_ms,
                            std::int64_t forget_up_to_ms) override;
  Status ClearLoginFailures(std::string_view username, std::string_view address) override;
  Status UpsertCountyFactors(const std::vector<CountyFactors>& rows) override;
  Result<std::vector<CountyFactors>> LoadCountyFactors(int year) override;
  Result<std::int64_t> InsertSupervisionVisit(const SupervisionVisitRecord& visit) override;
  Result<std::int64_t> InsertSupervisionFinding(const SupervisionFinding& finding,
                                                std::string_view created_at) override;
  Result<std::optional<SupervisionVisitRecord>> FindSupervisionVisit(std::int64_t id) override;
  Result<std::vector<SupervisionVisitRecord>> ListSupervisionVisits(std::string_view from,
                                                                    std::string_view to) override;
  Result<std::vector<SupervisionFinding>> ListSupervisionFindings(std::int64_t visit_id) override;
  Result<std::optional<SupervisionFinding>> FindSupervisionFinding(std::int64_t id) override;
  Status InsertRectification(const Rectification& item) override;
  Result<std::optional<Rectification>> FindRectification(std::int64_t finding_id) override;
  Result<std::vector<Rectification>> ListRectifications() override;
  Status UpdateRectification(const Rectification& item, std::int64_t expected_version) override;
  Status InsertRectificationEvent(const RectificationEvent& event) override;
  Result<std::vector<RectificationEvent>> ListRectificationEvents(std::int64_t finding_id) override;

  // sql_evaluations.cpp
  Result<std::int64_t> InsertEvaluation(const EvaluationRecord& evaluation,
                                        const std::vector<EvaluationItemRecord>& items) override;
  Result<std::optional<EvaluationRecord>> FindEvaluation(std::int64_t id) override;
  Result<std::vector<EvaluationRecord>> ListEvaluations(int year) override;
  Result<std::vector<EvaluationItemRecord>> ListEvaluationItems(std::int64_t evaluation_id) override;
  Status UpdateEvaluation(const EvaluationRecord& evaluation, std::int64_t expected_version) override;
  Status UpdateEvaluationItem(const EvaluationItemRecord& item) override;
  Result<std::int64_t> AppendEvaluationStep(const EvaluationStepRecord& step) override;
  Result<std::vector<EvaluationStepRecord>> ListEvaluationSteps(std::int64_t evaluation_id) override;
  // sql_spot_checks.cpp
  Result<std::int64_t> InsertVillageSupervisor(const VillageSupervisorRecord& supervisor) override;
  Result<std::optional<VillageSupervisorRecord>> FindVillageSupervisor(std::int64_t id) override;
  Result<std::vector<VillageSupervisorRecord>> ListVillageSupervisors() override;
  Status UpdateVillageSupervisorStatus(std::int64_t id, std::string_view status, std::string_view updated_at) override;
  Result<std::int64_t> InsertSpotCheck(const SpotCheckRecord& check) override;
  Result<std::optional<SpotCheckRecord>> FindSpotCheck(std::int64_t id) override;
  Result<std::vector<SpotCheckRecord>> ListSpotChecks(std::string_view month) override;
  Result<std::int64_t> InsertSpotCheckCall(const SpotCheckCall& call) override;
  Result<std::vector<SpotCheckCall>> ListSpotCheckCalls(std::int64_t spot_check_id, std::string_view month) override;

  // sql_inquiries.cpp
  Result<std::int64_t> InsertInquiry(const Inquiry& inquiry) override;
  Result<std::optional<Inquiry>> FindInquiry(std::int64_t id) override;
  Result<std::vector<Inquiry>> ListInquiries() override;
  Status UpdateInquiry(const Inquiry& inquiry, std::int64_t expected_version) override;
  Status InsertInquiryEvent(const InquiryEvent& event) override;
  Result<std::vector<InquiryEvent>> ListInquiryEvents(std::int64_t inquiry_id) override;
  Result<std::vector<std::string>> RejectedDisburseAsExpendEntries() override;

  // sql_import_jobs.cpp
  Status InsertImportJob(const ImportJobRecord& job) override;
  Status UpdateImportJobProgress(const ImportJobRecord& job) override;
  Status FinishImportJob(const ImportJobRecord& job, const std::string& error_workbook) override;
  Result<std::optional<ImportJobRecord>> FindImportJob(std::string_view job_id) override;
  Result<std::vector<ImportJobRecord>> ListImportJobs() override;
  Result<std::string> ImportJobErrorWorkbook(std::string_view job_id) override;
  Result<std::int64_t> CancelImportJobs(std::string_view server, std::int64_t heartbeat_before,
                                        std::string_view finished_at, std::string_view message) override;
  Status TouchImportJobs(std::string_view server, std::int64_t heartbeat) override;
  Status PruneImportJobs(std::int64_t keep_finished) override;

  /// Batches larger than this go through the driver's bulk append instead of one statement a row.
  static constexpr std::size_t kBulkRows = 1000;

 private:
  /// Runs a store-owned write: its own transaction (retried on serialization failure) or the caller's.
  Status Write(const ConnFn& fn) { return driver_->Write(fn, true); }
  Status Read(const ConnFn& fn) { return driver_->Read(fn); }

  std::unique_ptr<Driver> driver_;
  const Dialect d_;
};

/// Every row `sql` returns, read by `read` (a reader of entities.hpp).
template <typename T, typename Reader>
Status CollectRows(Conn& c, const char* sql, const Values& params, Reader read, std::vector<T>& out) {
  return c.Query(sql, params, [&](const Row& row) -> Status {
    XJ_ASSIGN_OR_RETURN(T value, read(row));
    out.push_back(std::move(value));
    return Status::Ok();
  });
}

}  // namespace xj::sql
