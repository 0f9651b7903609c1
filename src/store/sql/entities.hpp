#pragma once
/// One column list, one row reader and one row writer per stored entity, for both backends.
/// Readers check what they read (fields.hpp): a corrupt row is an Internal error naming the
/// table and the row's key, never a silently wrong value or an exception. Adding a column is
/// one migration per backend plus one line here (the list, and the reader or writer).

#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "store/sql/fields.hpp"
#include "store/store.hpp"

namespace xj::sql {

/// A statement whose text depends on the dialect, built once per dialect; the text has static
/// storage, as Conn::Query wants.
class DialectSql {
 public:
  using Build = std::string (*)(Dialect);
  explicit DialectSql(Build build) : build_(build) {}
  const char* operator()(Dialect d) const;

 private:
  Build build_;
  mutable std::once_flag once_[2];
  mutable std::string text_[2];
};

/// "a, b, c" → {"a", "b", "c"}: a column list as the names BulkAppend takes.
std::vector<std::string> SplitColumns(std::string_view list);
/// The parts of a statement joined (statements are built once, from the column lists).
std::string Concat(std::initializer_list<std::string_view> parts);

// --- regions ---
inline constexpr std::string_view kRegionColumns =
    "code, name, level, COALESCE(parent_code, ''), key_township, former_name";
/// Columns written, in WriteRegion order.
inline constexpr std::string_view kRegionWriteColumns = "code, name, level, parent_code, key_township, former_name";
Result<Region> ReadRegion(const Row& row);
void WriteRegion(const Region& r, Values& out);

// --- projects ---
inline constexpr std::string_view kProjectColumns =
    "project_code, name, year, region_code, category, subcategory, total_investment_fen, central_fund_fen, "
    "other_fund_fen, planned_start, planned_finish, actual_start, actual_finish, status, responsible_person, "
    "gov_infrastructure, low_skill, work_relief";
inline constexpr int kProjectColumnCount = 18;
/// kProjectColumns with province_code second, in WriteProject order.
inline constexpr std::string_view kProjectWriteColumns =
    "project_code, province_code, name, year, region_code, category, subcategory, total_investment_fen, "
    "central_fund_fen, other_fund_fen, planned_start, planned_finish, actual_start, actual_finish, status, "
    "responsible_person, gov_infrastructure, low_skill, work_relief";
inline constexpr int kProjectWriteColumnCount = 19;
/// Reads kProjectColumns starting at column `first`.
Result<Project> ReadProject(const Row& row, int first = 0);
void WriteProject(const Project& p, Values& out);

// --- ledger entries ---
inline constexpr std::string_view kEntryColumns =
    "seq, entry_id, entry_date, kind, fund_source, fund_year, region_code, COALESCE(project_code, ''), amount_fen, "
    "payee, payee_type, COALESCE(reverses, ''), note, effective_kind, effective_payee_type, sign";
inline constexpr int kEntryColumnCount = 16;
/// Every column but seq, in WriteEntry order.
inline constexpr std::string_view kEntryWriteColumns =
    "entry_id, province_code, entry_date, kind, fund_source, fund_year, region_code, project_code, amount_fen, payee, "
    "payee_type, reverses, note, effective_kind, effective_payee_type, sign";
inline constexpr int kEntryWriteColumnCount = 16;
Result<StoredEntry> ReadEntry(const Row& row);
void WriteEntry(const StoredEntry& e, Values& out);
/// The lean view the indicator engine loads (kFactColumns); entry_id and payee are left empty.
inline constexpr std::string_view kFactColumns =
    "seq, entry_date, kind, effective_kind, effective_payee_type, sign, fund_source, fund_year, amount_fen, "
    "region_code, project_code";
/// Fills `f` from a kFactColumns row; the views point into the row. Internal when corrupt.
Status ReadFact(const Row& row, LedgerFact& f);

// --- contracts and physical progress ---
inline constexpr std::string_view kContractColumns = "project_code, contract_no, amount_fen, signed_on, advance_bp";
Result<ProjectContract> ReadContract(const Row& row);
void WriteContract(const ProjectContract& c, Values& out);
inline constexpr std::string_view kProgressColumns = "project_code, report_date, progress_hundredths, note";
Result<ProgressReport> ReadProgress(const Row& row);
void WriteProgress(const ProgressReport& p, Values& out);

// --- lifecycle steps and pre-procedures ---
inline constexpr std::string_view kTransitionColumns =
    "project_code, action, from_state, to_state, actor, at, on_date, reason";
Result<TransitionRecord> ReadTransition(const Row& row);
void WriteTransition(const TransitionRecord& t, Values& out);
inline constexpr std::string_view kProcedureColumns = "kind, complete, document_ref";
Result<ProcedureStatus> ReadProcedure(const Row& row, std::string_view project_code);

// --- reference data and policies ---
inline constexpr std::string_view kCategoryColumns = "code, level1, level2, industry";
Result<ProjectCategory> ReadCategory(const Row& row);
inline constexpr std::string_view kPolicyColumns = "key, value, effective_from, note, region_code";
Result<PolicyValue> ReadPolicy(const Row& row);
/// In the order of the policies table's insert: key, effective_from, value, note, region_code.
void WritePolicy(const PolicyValue& v, Values& out);

// --- flags as work items, their history, national benchmarks ---
inline constexpr std::string_view kFlagColumns =
    "id, kind, subject, region_code, project_code, fund_year, fund_source, raised_on, cleared_on, amount_fen, "
    "detail, status, assignee, reason, updated_at, version";
Result<Flag> ReadFlag(const Row& row);
/// What identifies a flag and what was found: kind, subject_type, subject, province_code,
/// region_code, project_code, fund_year, fund_source, raised_on, cleared_on, amount_fen, detail.
void WriteFoundFlag(const Flag& f, Values& out);
inline constexpr std::string_view kFlagEventColumns = "flag_id, at, actor, action, status, assignee, reason";
Result<FlagEvent> ReadFlagEvent(const Row& row);
inline constexpr std::string_view kBenchmarkColumns = "indicator, bench_date, value_bp";
Result<Benchmark> ReadBenchmark(const Row& row);
void WriteBenchmark(const Benchmark& b, Values& out);

// --- project library records ---
inline constexpr std::string_view kLibraryColumns =
    "id, kind, region_code, project_code, ref_id, doc, created_at, updated_at";
Result<LibraryRecord> ReadLibraryRecord(const Row& row);
inline constexpr std::string_view kDispatchColumns =
    "id, kind, region_code, period, ref_id, dedup_key, doc, created_at, updated_at";
Result<DispatchRecord> ReadDispatchRecord(const Row& row);

// --- public postings ---
inline constexpr std::string_view kPostingColumns =
    "id, project_code, region_code, stage, place, start_date, end_date, hotline, project_name, region_name, "
    "construction_content, total_investment_fen, central_fund_fen, implementing_unit, benefit_mechanism, "
    "households_linked, responsible_person, created_by, created_at";
/// Every column but id, province_code first, in WritePosting order.
inline constexpr std::string_view kPostingWriteColumns =
    "province_code, project_code, region_code, stage, place, start_date, end_date, hotline, project_name, "
    "region_name, construction_content, total_investment_fen, central_fund_fen, implementing_unit, "
    "benefit_mechanism, households_linked, responsible_person, created_by, created_at";
inline constexpr int kPostingWriteColumnCount = 19;
Result<Posting> ReadPosting(const Row& row);
void WritePosting(const Posting& p, Values& out);

// --- accounts, sessions, audit log ---
inline constexpr std::string_view kUserColumns =
    "id, username, role, region_code, password_hash, disabled, created_at, department";
Result<UserRecord> ReadUser(const Row& row);
/// Every column but id.
void WriteUser(const UserRecord& u, Values& out);
inline constexpr std::string_view kSessionColumns =
    "token_hash, user_id, csrf_token, address, created_at, last_seen_at, revoked";
Result<SessionRecord> ReadSession(const Row& row);
void WriteSession(const SessionRecord& s, Values& out);
inline constexpr std::string_view kApiTokenColumns =
    "id, token_hash, prefix, account, role, region_code, allowed_ips, created_by, created_at, expires_at, revoked_at, "
    "last_used_at";
/// kApiTokenColumns but id, in WriteApiToken order.
inline constexpr std::string_view kApiTokenWriteColumns =
    "token_hash, prefix, account, role, region_code, allowed_ips, created_by, created_at, expires_at, revoked_at, "
    "last_used_at";
inline constexpr int kApiTokenWriteColumnCount = 11;
Result<ApiTokenRecord> ReadApiToken(const Row& row);
void WriteApiToken(const ApiTokenRecord& t, Values& out);
inline constexpr std::string_view kAuditColumns =
    "seq, at, actor, actor_role, address, action, entity_type, entity_id, region_code, before_json, after_json, "
    "prev_hash, hash";
inline constexpr int kAuditColumnCount = 13;
Result<AuditRecord> ReadAudit(const Row& row);
void WriteAudit(const AuditRecord& a, Values& out);

}  // namespace xj::sql
