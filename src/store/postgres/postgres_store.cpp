#include "store/postgres/postgres_store.hpp"

#include <spawn.h>
#include <sys/wait.h>

#include <algorithm>
#include <charconv>
#include <thread>
#include <type_traits>
#include <variant>

#include "store/migrations.hpp"
#include "store/store_copy.hpp"

extern char** environ;

namespace xj {
namespace {

// --- SQL, as named constants (prepared once per connection, cached by pointer) ---
constexpr const char kCreateMigrations[] =
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
    "applied_at TIMESTAMPTZ NOT NULL DEFAULT now())";
constexpr const char kHasMigrationsTable[] = "SELECT to_regclass('schema_migrations') IS NOT NULL";
constexpr const char kMaxVersion[] = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
constexpr const char kRecordMigration[] = "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)";
// Session lock: two processes starting at once must not both apply a migration.
constexpr const char kLockMigrations[] = "SELECT pg_advisory_lock(hashtext('xianjie.schema_migrations'))";
constexpr const char kUnlockMigrations[] = "SELECT pg_advisory_unlock(hashtext('xianjie.schema_migrations'))";
constexpr const char kBeginWrite[] = "BEGIN ISOLATION LEVEL REPEATABLE READ";
// Transaction lock: ledger appends commit one after another, so seq order is commit order.
constexpr const char kLockLedger[] = "SELECT pg_advisory_xact_lock(hashtext('xianjie.ledger_entries'))";

constexpr const char kSelectRegions[] =
    "SELECT code, name, level, COALESCE(parent_code, ''), key_township, former_name FROM regions";
constexpr const char kUpsertRegion[] =
    "INSERT INTO regions (code, name, level, parent_code, key_township, former_name) VALUES ($1, $2, $3, $4, $5, $6) "
    "ON CONFLICT (code) DO UPDATE SET name = excluded.name, key_township = excluded.key_township, "
    "former_name = excluded.former_name";

constexpr const char kSelectProjects[] =
    "SELECT project_code, name, year, region_code, category, subcategory, total_investment_fen, central_fund_fen, "
    "other_fund_fen, planned_start, planned_finish, actual_start, actual_finish, status, responsible_person, "
    "gov_infrastructure, low_skill, work_relief FROM projects ORDER BY project_code";
constexpr const char kSelectProjectsIn[] =
    "SELECT project_code, name, year, region_code, category, subcategory, total_investment_fen, central_fund_fen, "
    "other_fund_fen, planned_start, planned_finish, actual_start, actual_finish, status, responsible_person, "
    "gov_infrastructure, low_skill, work_relief FROM projects WHERE project_code = ANY ($1::text[])";
constexpr const char kInsertProject[] =
    "INSERT INTO projects (project_code, province_code, name, year, region_code, category, subcategory, "
    "total_investment_fen, central_fund_fen, other_fund_fen, planned_start, planned_finish, actual_start, "
    "actual_finish, status, responsible_person, gov_infrastructure, low_skill, work_relief) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)";
constexpr const char kCopyProjects[] =
    "COPY projects (project_code, province_code, name, year, region_code, category, subcategory, "
    "total_investment_fen, central_fund_fen, other_fund_fen, planned_start, planned_finish, actual_start, "
    "actual_finish, status, responsible_person, gov_infrastructure, low_skill, work_relief) FROM STDIN";

constexpr const char kSelectLedger[] =
    "SELECT seq, entry_id, entry_date, kind, fund_source, fund_year, region_code, COALESCE(project_code, ''), "
    "amount_fen, payee, payee_type, COALESCE(reverses, ''), note, effective_kind, effective_payee_type, sign "
    "FROM ledger_entries ORDER BY seq";
constexpr const char kSelectEntriesIn[] =
    "SELECT seq, entry_id, entry_date, kind, fund_source, fund_year, region_code, COALESCE(project_code, ''), "
    "amount_fen, payee, payee_type, COALESCE(reverses, ''), note, effective_kind, effective_payee_type, sign "
    "FROM ledger_entries WHERE entry_id = ANY ($1::text[])";
constexpr const char kSelectProjectEntries[] =
    "SELECT seq, entry_id, entry_date, kind, fund_source, fund_year, region_code, COALESCE(project_code, ''), "
    "amount_fen, payee, payee_type, COALESCE(reverses, ''), note, effective_kind, effective_payee_type, sign "
    "FROM ledger_entries WHERE project_code = $1 ORDER BY seq";
constexpr const char kSelectReversedIn[] = "SELECT reverses FROM ledger_entries WHERE reverses = ANY ($1::text[])";
constexpr const char kInsertEntry[] =
    "INSERT INTO ledger_entries (entry_id, province_code, entry_date, kind, fund_source, fund_year, region_code, "
    "project_code, amount_fen, payee, payee_type, reverses, note, effective_kind, effective_payee_type, sign) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING seq";
constexpr const char kReserveSeqs[] =
    "SELECT nextval(pg_get_serial_sequence('ledger_entries', 'seq')) FROM generate_series(1, $1::bigint)";
constexpr const char kCopyEntries[] =
    "COPY ledger_entries (seq, entry_id, province_code, entry_date, kind, fund_source, fund_year, region_code, "
    "project_code, amount_fen, payee, payee_type, reverses, note, effective_kind, effective_payee_type, sign) "
    "FROM STDIN";

constexpr const char kSelectLedgerFacts[] =
    "SELECT seq, entry_date, kind, effective_kind, effective_payee_type, sign, fund_source, fund_year, amount_fen, "
    "region_code, COALESCE(project_code, ''), "
    "CASE WHEN kind = 3 AND effective_payee_type = 4 THEN entry_id ELSE '' END, "
    "CASE WHEN kind = 3 AND effective_payee_type = 4 THEN payee ELSE '' END FROM ledger_entries "
    "WHERE seq > $1 AND seq <= $2";
constexpr const char kSelectSeqRange[] = "SELECT COALESCE(MIN(seq), 0), COALESCE(MAX(seq), 0) FROM ledger_entries";
constexpr const char kSelectReversalDates[] =
    "SELECT o.seq, r.entry_date FROM ledger_entries r JOIN ledger_entries o ON o.entry_id = r.reverses "
    "WHERE r.reverses IS NOT NULL";
constexpr const char kSelectProjectVersion[] =
    "SELECT project_code, name, year, region_code, category, subcategory, total_investment_fen, central_fund_fen, "
    "other_fund_fen, planned_start, planned_finish, actual_start, actual_finish, status, responsible_person, "
    "gov_infrastructure, low_skill, work_relief, version FROM projects WHERE project_code = $1";
constexpr const char kUpdateProjectState[] =
    "UPDATE projects SET status = $2, actual_start = $3, actual_finish = $4, version = version + 1 "
    "WHERE project_code = $1 AND version = $5 RETURNING version";
constexpr const char kUpdateProject[] =
    "UPDATE projects SET name = $2, year = $3, category = $4, subcategory = $5, total_investment_fen = $6, "
    "central_fund_fen = $7, other_fund_fen = $8, planned_start = $9, planned_finish = $10, actual_start = $11, "
    "actual_finish = $12, status = $13, responsible_person = $14, gov_infrastructure = $15, low_skill = $16, "
    "work_relief = $17, version = version + 1 WHERE project_code = $1 AND version = $18 RETURNING version";
constexpr const char kInsertTransition[] =
    "INSERT INTO project_transitions (province_code, project_code, action, from_state, to_state, actor, at, on_date, "
    "reason) VALUES ((SELECT province_code FROM projects WHERE project_code = $1), $1, $2, $3, $4, $5, $6, $7, $8)";
constexpr const char kSelectTransitions[] =
    "SELECT project_code, action, from_state, to_state, actor, at, on_date, reason FROM project_transitions "
    "WHERE project_code = $1 ORDER BY id";
constexpr const char kSelectTransitionsIn[] =
    "SELECT project_code, action, from_state, to_state, actor, at, on_date, reason FROM project_transitions "
    "WHERE project_code = ANY ($1::text[]) ORDER BY project_code, id";
constexpr const char kSelectAcceptances[] =
    "SELECT project_code, MAX(on_date) FROM project_transitions WHERE to_state = 10 GROUP BY project_code";
constexpr const char kSelectProjectContracts[] =
    "SELECT project_code, contract_no, amount_fen, signed_on, advance_bp FROM project_contracts WHERE project_code = "
    "$1 ORDER BY id";
constexpr const char kSelectProjectProgress[] =
    "SELECT project_code, report_date, progress_hundredths, note FROM progress_reports WHERE project_code = $1 "
    "ORDER BY id";
constexpr const char kUpsertProcedure[] =
    "INSERT INTO project_procedures (province_code, project_code, kind, complete, document_ref, updated_at) "
    "VALUES ((SELECT province_code FROM projects WHERE project_code = $1), $1, $2, $3, $4, $5) "
    "ON CONFLICT (project_code, kind) DO UPDATE SET complete = excluded.complete, "
    "document_ref = excluded.document_ref, updated_at = excluded.updated_at";
constexpr const char kSelectProcedures[] =
    "SELECT kind, complete, document_ref FROM project_procedures WHERE project_code = $1 ORDER BY kind";

constexpr const char kInsertContract[] =
    "INSERT INTO project_contracts (province_code, project_code, contract_no, amount_fen, signed_on, advance_bp) "
    "VALUES ((SELECT province_code FROM projects WHERE project_code = $1), $1, $2, $3, $4, $5)";
constexpr const char kSelectContracts[] =
    "SELECT project_code, contract_no, amount_fen, signed_on, advance_bp FROM project_contracts ORDER BY id";
constexpr const char kInsertProgress[] =
    "INSERT INTO progress_reports (province_code, project_code, report_date, progress_hundredths, note) "
    "VALUES ((SELECT province_code FROM projects WHERE project_code = $1), $1, $2, $3, $4)";
constexpr const char kSelectProgress[] =
    "SELECT project_code, report_date, progress_hundredths, note FROM progress_reports ORDER BY id";
constexpr const char kSelectCategories[] =
    "SELECT c.code, c.level1, c.level2, c.industry FROM project_categories c "
    "WHERE c.effective_from = (SELECT MAX(effective_from) FROM project_categories x WHERE x.code = c.code "
    "AND x.effective_from <= CURRENT_DATE) ORDER BY c.code";
constexpr const char kSelectPolicies[] =
    "SELECT key, value, effective_from, note, region_code FROM policies ORDER BY key, region_code, effective_from";
constexpr const char kInsertLibraryRecord[] =
    "INSERT INTO library_records (kind, province_code, region_code, project_code, ref_id, doc, created_at, "
    "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id";
constexpr const char kUpdateLibraryRecord[] =
    "UPDATE library_records SET doc = $2, updated_at = $3 WHERE id = $1 RETURNING id";
constexpr const char kLibraryColumns[] =
    "SELECT id, kind, region_code, project_code, ref_id, doc, created_at, updated_at FROM library_records ";
constexpr const char kInsertPolicy[] =
    "INSERT INTO policies (key, effective_from, value, note, region_code) VALUES ($1, $2, $3, $4, $5)";
constexpr const char kUpsertBenchmark[] =
    "INSERT INTO benchmarks (indicator, bench_date, value_bp) VALUES ($1, $2, $3) "
    "ON CONFLICT (indicator, bench_date) DO UPDATE SET value_bp = excluded.value_bp";
constexpr const char kSelectBenchmarks[] =
    "SELECT indicator, bench_date, value_bp FROM benchmarks ORDER BY indicator, bench_date";

constexpr const char kSerialColumns[] =
    "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
    "AND table_name = $1 AND pg_get_serial_sequence(quote_ident(table_name), column_name) IS NOT NULL";

/// Attempts of a store-owned write transaction that keeps hitting serialization failures.
constexpr int kMaxTxAttempts = 5;
constexpr std::chrono::milliseconds kRetryBackoff{20};
constexpr int kDefaultPoolSize = 8;
constexpr std::string_view kPoolSizeParam = "pool_size=";

/// The connections this thread has bound with Transact(), innermost last.
struct Binding {
  const PostgresStore* store;
  pg::Conn* conn;
};
thread_local std::vector<Binding> t_bindings;

std::string Int(std::int64_t v) {
  return std::to_string(v);
}
template <typename E>
std::string Enum(E e) {
  return std::to_string(static_cast<int>(e));
}
pg::Cell NonEmpty(const std::string& s) {
  return s.empty() ? std::nullopt : pg::Cell(s);
}
pg::Cell DateCell(const std::optional<Date>& d) {
  return d ? pg::Cell(d->ToString()) : std::nullopt;
}
std::optional<Date> DateAt(const pg::Rows& r, int row, int col) {
  if (r.IsNull(row, col)) return std::nullopt;
  auto d = Date::Parse(r.Text(row, col));
  return d.ok() ? std::optional<Date>(*d) : std::nullopt;
}

using pg::TextArray;

/// A project_contracts row (project_code, contract_no, amount_fen, signed_on, advance_bp).
ProjectContract ReadContract(const pg::Rows& r, int i, Date signed_on) {
  ProjectContract c{r.Text(i, 0), r.Text(i, 1), Fen(r.Int(i, 2)), signed_on, std::nullopt};
  if (!r.IsNull(i, 4)) c.advance_bp = static_cast<std::int32_t>(r.Int(i, 4));
  return c;
}

Project ReadProject(const pg::Rows& r, int i) {
  Project p;
  p.project_code = r.Text(i, 0);
  p.name = r.Text(i, 1);
  p.year = static_cast<int>(r.Int(i, 2));
  p.region_code = r.Text(i, 3);
  p.category = r.Text(i, 4);
  p.subcategory = r.Text(i, 5);
  p.total_investment = Fen(r.Int(i, 6));
  p.central_fund = Fen(r.Int(i, 7));
  p.other_fund = Fen(r.Int(i, 8));
  p.planned_start = DateAt(r, i, 9);
  p.planned_finish = DateAt(r, i, 10);
  p.actual_start = DateAt(r, i, 11);
  p.actual_finish = DateAt(r, i, 12);
  p.status = static_cast<ProjectState>(r.Int(i, 13));
  p.responsible_person = r.Text(i, 14);
  p.gov_infrastructure = r.Int(i, 15) != 0;
  p.low_skill = r.Int(i, 16) != 0;
  p.work_relief = r.Int(i, 17) != 0;
  return p;
}

std::vector<pg::Cell> ProjectCells(const Project& p) {
  return {p.project_code,
          ProvinceCodeOf(p.region_code),
          p.name,
          Int(p.year),
          p.region_code,
          p.category,
          p.subcategory,
          Int(p.total_investment.value()),
          Int(p.central_fund.value()),
          Int(p.other_fund.value()),
          DateCell(p.planned_start),
          DateCell(p.planned_finish),
          DateCell(p.actual_start),
          DateCell(p.actual_finish),
          Enum(p.status),
          p.responsible_person,
          Int(p.gov_infrastructure ? 1 : 0),
          Int(p.low_skill ? 1 : 0),
          Int(p.work_relief ? 1 : 0)};
}

StoredEntry ReadEntry(const pg::Rows& r, int i) {
  StoredEntry e;
  e.seq = r.Int(i, 0);
  e.entry.entry_id = r.Text(i, 1);
  e.entry.date = Date::Parse(r.Text(i, 2)).value();
  e.entry.kind = static_cast<EntryKind>(r.Int(i, 3));
  e.entry.fund_source = static_cast<FundSource>(r.Int(i, 4));
  e.entry.fund_year = static_cast<int>(r.Int(i, 5));
  e.entry.region_code = r.Text(i, 6);
  e.entry.project_code = r.Text(i, 7);
  e.entry.amount = Fen(r.Int(i, 8));
  e.entry.payee = r.Text(i, 9);
  e.entry.payee_type = static_cast<PayeeType>(r.Int(i, 10));
  e.entry.reverses = r.Text(i, 11);
  e.entry.note = r.Text(i, 12);
  e.effective.kind = static_cast<EntryKind>(r.Int(i, 13));
  e.effective.payee_type = static_cast<PayeeType>(r.Int(i, 14));
  e.effective.sign = r.Int(i, 15);
  return e;
}

/// The columns of kInsertEntry, in order.
std::vector<pg::Cell> EntryCells(const StoredEntry& se) {
  const LedgerEntry& e = se.entry;
  return {e.entry_id,
          ProvinceCodeOf(e.region_code),
          e.date.ToString(),
          Enum(e.kind),
          Enum(e.fund_source),
          Int(e.fund_year),
          e.region_code,
          NonEmpty(e.project_code),
          Int(e.amount.value()),
          e.payee,
          Enum(e.payee_type),
          NonEmpty(e.reverses),
          e.note,
          Enum(se.effective.kind),
          Enum(se.effective.payee_type),
          Int(se.effective.sign)};
}

/// Splits xianjie's own `pool_size=N` off a libpq URL (libpq rejects unknown parameters).
Result<pg::PoolOptions> ParseUrl(const std::string& url) {
  pg::PoolOptions options;
  options.max_connections = kDefaultPoolSize;
  const std::size_t q = url.find('?');
  if (q == std::string::npos) {
    options.conninfo = url;
    return options;
  }
  std::string kept;
  std::size_t start = q + 1;
  while (start <= url.size()) {
    std::size_t end = url.find('&', start);
    if (end == std::string::npos) end = url.size();
    const std::string_view param(url.data() + start, end - start);
    if (param.starts_with(kPoolSizeParam)) {
      const std::string_view digits = param.substr(kPoolSizeParam.size());
      int n = 0;
      auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
      if (ec != std::errc() || ptr != digits.data() + digits.size() || n < 1) {
        return Status::InvalidArgument("pool_size 应为正整数：" + std::string(digits));
      }
      options.max_connections = n;
    } else if (!param.empty()) {
      kept += kept.empty() ? "" : "&";
      kept += param;
    }
    start = end + 1;
  }
  options.conninfo = url.substr(0, q) + (kept.empty() ? "" : "?" + kept);
  return options;
}

Status CheckNames(const CopiedTable& table) {
  if (!IsPlainSqlNames(table.name) || !IsPlainSqlNames(table.order_by)) {
    return Status::InvalidArgument("表名不合法：" + std::string(table.name));
  }
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<PostgresStore>> PostgresStore::Open(const std::string& url) {
  XJ_ASSIGN_OR_RETURN(pg::PoolOptions options, ParseUrl(url));
  std::unique_ptr<PostgresStore> store(new PostgresStore(std::move(options)));
  XJ_ASSIGN_OR_RETURN(pg::Pool::Lease first, store->pool_.Acquire());
  (void)first;
  return store;
}

pg::Conn* PostgresStore::Bound() const {
  for (auto it = t_bindings.rbegin(); it != t_bindings.rend(); ++it) {
    if (it->store == this) return it->conn;
  }
  return nullptr;
}

Result<PostgresStore::ConnRef> PostgresStore::Connection() {
  if (pg::Conn* bound = Bound()) return ConnRef(bound);
  XJ_ASSIGN_OR_RETURN(pg::Pool::Lease lease, pool_.Acquire());
  return ConnRef(std::move(lease));
}

Status PostgresStore::InTx(const std::function<Status(pg::Conn&)>& fn, bool retry) {
  if (pg::Conn* bound = Bound()) return fn(*bound);
  for (int attempt = 1;; ++attempt) {
    XJ_ASSIGN_OR_RETURN(pg::Pool::Lease lease, pool_.Acquire());
    XJ_RETURN_IF_ERROR(lease->Exec(kBeginWrite));
    t_bindings.push_back({this, &*lease});
    Status s;
    try {
      s = fn(*lease);
    } catch (...) {
      t_bindings.pop_back();
      (void)lease->Exec("ROLLBACK");
      throw;
    }
    t_bindings.pop_back();
    if (s.ok()) {
      s = lease->Exec("COMMIT");
    } else {
      (void)lease->Exec("ROLLBACK");
    }
    if (s.ok() || !retry || !pg::IsRetryable(s) || attempt >= kMaxTxAttempts) return s;
    std::this_thread::sleep_for(kRetryBackoff * attempt);
  }
}

Status PostgresStore::Transact(const std::function<Status()>& fn) {
  return InTx([&](pg::Conn&) { return fn(); }, false);
}

Result<int> PostgresStore::SchemaVersion() {
  XJ_ASSIGN_OR_RETURN(ConnRef c, Connection());
  XJ_ASSIGN_OR_RETURN(pg::Rows has, c->Query(kHasMigrationsTable));
  if (has.Text(0, 0) != "t") return 0;
  XJ_ASSIGN_OR_RETURN(pg::Rows v, c->Query(kMaxVersion));
  return static_cast<int>(v.Int(0, 0));
}

Result<int> PostgresStore::Migrate() {
  if (Bound() != nullptr) return Status::Internal("Migrate() 不能在事务中调用");
  // Up to date: nothing to create, so an application role without CREATE on the
  // schema (docs/operations.md, least privilege) starts without error.
  XJ_ASSIGN_OR_RETURN(int applied, SchemaVersion());
  if (!PostgresMigrations().empty() && applied >= PostgresMigrations().back().version) return applied;
  XJ_ASSIGN_OR_RETURN(pg::Pool::Lease lease, pool_.Acquire());
  XJ_RETURN_IF_ERROR(lease->Query(kLockMigrations).status());
  auto run = [&]() -> Result<int> {
    XJ_RETURN_IF_ERROR(lease->Exec(kCreateMigrations));
    XJ_ASSIGN_OR_RETURN(pg::Rows v, lease->Query(kMaxVersion));
    int current = static_cast<int>(v.Int(0, 0));
    for (const Migration& m : PostgresMigrations()) {
      if (m.version <= current) continue;
      XJ_RETURN_IF_ERROR(lease->Exec("BEGIN"));
      Status s = lease->Exec(m.sql);
      if (s.ok()) s = lease->Query(kRecordMigration, {Int(m.version), std::string(m.name)}).status();
      if (s.ok()) s = lease->Exec("COMMIT");
      if (!s.ok()) {
        (void)lease->Exec("ROLLBACK");
        if (s.code() == ErrorCode::kUnavailable) return s;
        return Status::Internal("迁移 " + std::string(m.name) + " 失败: " + s.message());
      }
      current = m.version;
    }
    return current;
  };
  Result<int> reached = run();
  (void)lease->Query(kUnlockMigrations);
  return reached;
}

Status PostgresStore::Backup(const std::string& path) {
  const std::string& conninfo = pool_.options().conninfo;
  std::vector<std::string> args = {"pg_dump", "--format=custom", "--no-owner", "--file=" + path,
                                   "--dbname=" + conninfo};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (posix_spawnp(&pid, "pg_dump", nullptr, nullptr, argv.data(), environ) != 0) {
    return Status::Unavailable("找不到 pg_dump：请安装 postgresql-client");
  }
  int wstatus = 0;
  if (waitpid(pid, &wstatus, 0) < 0) return Status::Internal("等待 pg_dump 失败");
  if (!WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0) {
    return Status::Unavailable("pg_dump 失败（退出码 " +
                               std::to_string(WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1) + "）");
  }
  return Status::Ok();
}

Result<std::vector<Region>> PostgresStore::LoadRegions() {
  XJ_ASSIGN_OR_RETURN(ConnRef c, Connection());
  XJ_ASSIGN_OR_RETURN(pg::Rows rows, c->Query(kSelectRegions));
  std::vector<Region> out;
  out.reserve(static_cast<std::size_t>(rows.size()));
  for (int i = 0; i < rows.size(); ++i) {
    Region r;
    r.code = rows.Text(i, 0);
    r.name = rows.Text(i, 1);
    r.level = static_cast<RegionLevel>(rows.Int(i, 2));
    r.parent_code = rows.Text(i, 3);
    r.key_township = rows.Int(i, 4) != 0;
    r.former_name = rows.Text(i, 5);
    out.push_back(std::move(r));
  }
  return out;
}

Status PostgresStore::UpsertRegions(const std::vector<Region>& regions) {
  return InTx(
      [&](pg::Conn& c) -> Status {
        std::vector<pg::Params> each;
        each.reserve(regions.size());
        for (const Region& r : regions) {
          each.push_back(
              {r.code, r.name, Enum(r.level), NonEmpty(r.parent_code), Int(r.key_township ? 1 : 0), r.former_name});
        }
        return c.QueryEach(kUpsertRegion, each, [](std::size_t, const pg::Rows&) {});
      },
      true);
}

Status PostgresStore::ScanProjects(const std::function<void(const Project&)>& fn) {
  XJ_ASSIGN_OR_RETURN(ConnRef c, Connection());
  return c->Stream(kSelectProjects, {}, [&](const pg::Rows& row) {
    fn(ReadProject(row, 0));
    return Status::Ok();
  });
}

Result<std::vector<Project>> PostgresStore::FindProjects(const std::vector<std::string>& codes) {
  if (codes.empty()) return std::vector<Project>{};
  XJ_ASSIGN_OR_RETURN(ConnRef c, Connection());
  XJ_ASSIGN_OR_RETURN(pg::Rows rows, c->Query(kSelectProjectsIn, {TextArray(codes)}));
  std::vector<Project> out;
  for (int i = 0; i < rows.size(); ++i) out.push_back(ReadProject(rows, i));
  return out;
}

Status PostgresStore::InsertProjects(const std::vector<Project>& projects) {
  return InTx(
      [&](pg::Conn& c) -> Status {
        if (projects.size() > kCopyThreshold) {
          return c.CopyIn(kCopyProjects, [&](pg::CopyWriter& w) -> Status {
            for (const Project& p : projects) XJ_RETURN_IF_ERROR(w.Row(ProjectCells(p)));
            return Status::Ok();
          });
        }
        std::vector<pg::Params> each;
        each.reserve(projects.size());
        for (const Project& p : projects) each.push_back(ProjectCells(p));
        return c.QueryEach(kInsertProject, each, [](std::size_t, const pg::Rows&) {});
      },
      true);
}

Status PostgresStore::ScanLedger(const std::function<void(const StoredEntry&)>& fn) {
  XJ_ASSIGN_OR_RETURN(ConnRef c, Connection());
  return c->Stream(kSelectLedger, {}, [&](const pg::Rows& row) {
    fn(ReadEntry(row, 0));
    return Status::Ok();
  });
}

Result<std::vector<StoredEntry>> PostgresStore::FindEntries(const std::vector<std::string>& entry_ids) {
  if (entry_ids.empty()) return std::vector<StoredEntry>{};
  XJ_ASSIGN_OR_RETURN(ConnRef c, Connection());
  XJ_ASSIGN_OR_RETURN(pg::Rows rows, c->Query(kSelectEntriesIn, {TextArray(entry_ids)}));
  std::vector<StoredEntry> out;
  for (int i = 0; i < rows.size(); ++i) out.push_back(ReadEntry(rows, i));
  return out;
}

Result<std::vector<std::string>> PostgresStore::FindReversed(const std::vector<std::string>& entry_ids) {
  if (entry_ids.empty()) return std::vector<std::string>{};
  XJ_ASSIGN_OR_RETURN(ConnRef c, Connection());
  XJ_ASSIGN_OR_RETURN(pg::Rows rows, c->Query(kSelectReversedIn, {TextArray(entry_ids)}));
  std::vector<std::string> out;
  for (int i = 0; i < rows.size(); ++i) out.push_back(rows.Text(i, 0));
  return out;
}

Result<std::vector<StoredEntry>> PostgresStore::AppendEntries(std::vector<StoredEntry> entries) {
  Status s = InTx(
      [&](pg::Conn& c) -> Status {
        XJ_RETURN_IF_ERROR(c.Query(kLockLedger).status());
        if (entries.size() <= kCopyThreshold) {
          std::vector<pg::Params> each;
          each.reserve(entries.size());
          for (const StoredEntry& se : entries) each.push_back(EntryCells(se));
          return c.QueryEach(kInsertEntry, each,
                             [&](std::size_t i, const pg::Rows& rows) { entries[i].seq = rows.Int(0, 0); });
        }
        XJ_ASSIGN_OR_RETURN(pg::Rows seqs, c.Query(kReserveSeqs, {Int(static_cast<std::int64_t>(entries.size()))}));
        std::vector<std::int64_t> reserved;
        reserved.reserve(entries.size());
        for (int i = 0; i < seqs.size(); ++i) reserved.push_back(seqs.Int(i, 0));
        std::sort(reserved.begin(), reserved.end());
        return c.CopyIn(kCopyEntries, [&](pg::CopyWriter& w) -> Status {
          for (std::size_t i = 0; i < entries.size(); ++i) {
            entries[i].seq = reserved[i];
            std::vector<pg::Cell> cells = EntryCells(entries[i]);
            cells.insert(cells.begin(), Int(reserved[i]));
            XJ_RETURN_IF_ERROR(w.Row(cells));
          }
          return Status::Ok();
        });
      },
      true);
  if (!s.ok()) return s;
  return entries;
}

Result<std::vector<StoredEntry>> PostgresStore::ProjectEntries(std::string_view project_code) {
  XJ_ASSIGN_OR_RETURN(ConnRef c, Connection());
  XJ_ASSIGN_OR_RETURN(pg::Rows rows, c->Query(kSelectProjectEntries, {std::string(project_code)}));
  std::vector<StoredEntry> out;
  for (int i = 0; i < rows.size(); ++i) out.push_back(ReadEntry(rows, i));
  return out;
}

Result<LedgerPage> PostgresStore::ListLedger(const LedgerFilter& filter) {
  const LedgerQuerySql sql = BuildLedgerQuery(filter, SqlDialect::kPostgres);
  pg::Params params;
  for (const auto& p : sql.params) {
    params.push_back(std::visit(
        [](const auto& v) -> std::string {
          if constexpr (std::is_same_v<std::decay_t<decltype(v)>, std::string>) {
            return v;
          } else {
            return Int(v);
          }
        },
        p));
  }
  XJ_ASSIGN_OR_RETURN(ConnRef c, Connection());
  LedgerPage page;
  if (filter.count_total) {
    XJ_ASSIGN_OR_RETURN(pg::Rows count, c->QueryDynamic(sql.count, params));
    if (count.size() > 0) page.total = count.Int(0, 0);
  }
  params.push_back(Int(filter.limit));
  params.push_back(Int(filter.offset));
  XJ_ASSIGN_OR_RETURN(pg::Rows rows, c->QueryDynamic(sql.page, params));
  for (int i = 0; i < rows.size(); ++i) page.items.push_back({ReadEntry(rows, i), rows.Text(i, 16)});
  return page;
}

Status PostgresStore::InsertContract(const ProjectContract& k) {
  return InTx(
      [&](pg::Conn& c) {
        return c
            .Query(kInsertContract, {k.project_code, k.contract_no, Int(k.amount.value()), k.signed_on.ToString(),
                                     k.advance_bp ? pg::Cell(std::to_string(*k.advance_bp)) : std::nullopt})
            .status();
      },
      true);
}

Status PostgresStore::InsertProgress(const ProgressReport& r) {
  return InTx(
      [&](pg::Conn& c) {
        return c.Query(kInsertProgress, {r.project_code, r.date.ToString(), Int(r.progress_hundredths), r.note})
            .status();
      },
      true);
}

Status PostgresStore::ScanContracts(const std::function<void(const ProjectContract&)>& fn) {
  XJ_ASSIGN_OR_RETURN(ConnRef c, Connection());
  return c->Stream(kSelectContracts, {}, [&](const pg::Rows& r) {
    fn(ReadContract(r, 0, Date::Parse(r.Text(0, 3)).value()));
    return Status::Ok();
  });
}

Status PostgresStore::ScanProgress(const std::function<void(const ProgressReport&)>& fn) {
  XJ_ASSIGN_OR_RETURN(ConnRef c, Connection());
  return c->Stream(kSelectProgress, {}, [&](const pg::Rows& r) {
    fn(ProgressReport{r.Text(0, 0), Date::Parse(r.Text(0, 1)).value(), static_cast<std::int32_t>(r.Int(0, 2)),
                      r.Text(0, 3)});
    return Status::Ok();
  });
}

Result<std::vector<ProjectContract>> PostgresStore::ProjectContracts(std::string_view code) {
  XJ_ASSIGN_OR_RETURN(ConnRef c, Connection());
  XJ_ASSIGN_OR_RETURN(pg::Rows rows, c->Query(kSelectProjectContracts, {std::string(code)}));
  std::vector<ProjectContract> out;
  for (int i = 0; i < rows.size(); ++i) {
    auto d = Date::Parse(rows.Text(i, 3));
    if (!d.ok()) return Status::Internal("合同签订日期已损坏：" + rows.Text(i, 3));
    out.push_back(ReadContract(rows, i, *d));
  }
  return out;
}

Result<std::vector<ProgressReport>> PostgresStore::ProjectProgress(std::string_view code) {
  XJ_ASSIGN_OR_RETURN(ConnRef c, Connection());
  XJ_ASSIGN_OR_RETURN(pg::Rows rows, c->Query(kSelectProjectProgress, {std::string(code)}));
  std::vector<ProgressReport> out;
  for (int i = 0; i < rows.size(); ++i) {
    auto d = Date::Parse(rows.Text(i, 1));
    if (!d.ok()) return Status::Internal("形象进度日期已损坏：" + rows.Text(i, 1));
    out.push_back(ProgressReport{rows.Text(i, 0), *d, static_cast<std::int32_t>(rows.Int(i, 2)), rows.Text(i, 3)});
  }
  return out;
}

Result<std::vector<ProjectCategory>> PostgresStore::LoadCategories() {
  XJ_ASSIGN_OR_RETURN(ConnRef c, Connection());
  XJ_ASSIGN_OR_RETURN(pg::Rows rows, c->Query(kSelectCategories));
  std::vector<ProjectCategory> out;
  for (int i = 0; i < rows.size(); ++i) {
    out.push_back(ProjectCategory{rows.Text(i, 0), rows.Text(i, 1), rows.Text(i, 2), rows.Int(i, 3) != 0});
  }
  return out;
}

Result<std::vector<PolicyValue>> PostgresStore::LoadPolicies() {
  XJ_ASSIGN_OR_RETURN(ConnRef c, Connection());
  XJ_ASSIGN_OR_RETURN(pg::Rows rows, c->Query(kSelectPolicies));
  std::vector<PolicyValue> out;
  for (int i = 0; i < rows.size(); ++i) {
    out.push_back(PolicyValue{rows.Text(i, 0), rows.Int(i, 1), Date::Parse(rows.Text(i, 2)).value(), rows.Text(i, 3),
                              rows.Text(i, 4)});
  }
  return out;
}

Status PostgresStore::InsertPolicy(const PolicyValue& v) {
  return InTx(
      [&](pg::Conn& c) {
        return c.Query(kInsertPolicy, {v.key, v.effective_from.ToString(), Int(v.value), v.note, v.region_code})
            .status();
      },
      true);
}

Status PostgresStore::UpsertBenchmarks(const std::vector<Benchmark>& rows) {
  return InTx(
      [&](pg::Conn& c) -> Status {
        for (const Benchmark& b : rows) {
          XJ_RETURN_IF_ERROR(c.Query(kUpsertBenchmark, {std::string(BenchmarkIndicatorName(b.indicator)),
                                                        b.date.ToString(), Int(b.value_bp)})
                                 .status());
        }
        return Status::Ok();
      },
      true);
}

Result<std::vector<Benchmark>> PostgresStore::LoadBenchmarks() {
  XJ_ASSIGN_OR_RETURN(ConnRef c, Connection());
  XJ_ASSIGN_OR_RETURN(pg::Rows rows, c->Query(kSelectBenchmarks));
  std::vector<Benchmark> out;
  for (int i = 0; i < rows.size(); ++i) {
    auto indicator = ParseBenchmarkIndicator(rows.Text(i, 0));
    auto d = Date::Parse(rows.Text(i, 1));
    if (!indicator || !d.ok())
      return Status::Internal("全国平均基准已损坏：" + rows.Text(i, 0) + " " + rows.Text(i, 1));
    out.push_back({*indicator, *d, static_cast<std::int32_t>(rows.Int(i, 2))});
  }
  return out;
}

Result<std::int64_t> PostgresStore::CountRows(const CopiedTable& table) {
  XJ_RETURN_IF_ERROR(CheckNames(table));
  XJ_ASSIGN_OR_RETURN(ConnRef c, Connection());
  XJ_ASSIGN_OR_RETURN(pg::Rows rows, c->QueryDynamic("SELECT COUNT(*) FROM " + std::string(table.name)));
  return rows.Int(0, 0);
}

Status PostgresStore::ExportRows(const CopiedTable& table, std::size_t batch_rows,
                                 const std::function<Status(const RowBatch&)>& fn) {
  XJ_RETURN_IF_ERROR(CheckNames(table));
  XJ_ASSIGN_OR_RETURN(ConnRef c, Connection());
  RowBatch batch;
  const std::string sql = "SELECT * FROM " + std::string(table.name) + " ORDER BY " + std::string(table.order_by);
  XJ_RETURN_IF_ERROR(c->Stream(sql, {}, [&](const pg::Rows& r) -> Status {
    if (batch.columns.empty()) {
      for (int col = 0; col < r.columns(); ++col) batch.columns.push_back(r.ColumnName(col));
    }
    std::vector<pg::Cell> cells;
    cells.reserve(static_cast<std::size_t>(r.columns()));
    for (int col = 0; col < r.columns(); ++col) cells.push_back(r.Get(0, col));
    batch.rows.push_back(std::move(cells));
    if (batch.rows.size() < batch_rows) return Status::Ok();
    Status s = fn(batch);
    batch.rows.clear();
    return s;
  }));
  return batch.rows.empty() ? Status::Ok() : fn(batch);
}

Status PostgresStore::ImportRows(const CopiedTable& table, const RowBatch& batch) {
  XJ_RETURN_IF_ERROR(CheckNames(table));
  std::string columns;
  for (const std::string& col : batch.columns) {
    if (!IsPlainSqlNames(col)) return Status::InvalidArgument("列名不合法：" + col);
    columns += (columns.empty() ? "" : ", ") + col;
  }
  const std::string name(table.name);
  return InTx(
      [&](pg::Conn& c) -> Status {
        XJ_RETURN_IF_ERROR(c.CopyIn("COPY " + name + " (" + columns + ") FROM STDIN", [&](pg::CopyWriter& w) -> Status {
          for (const auto& row : batch.rows) XJ_RETURN_IF_ERROR(w.Row(row));
          return Status::Ok();
        }));
        // Rows came with their ids: move each id sequence past them.
        XJ_ASSIGN_OR_RETURN(pg::Rows serial, c.Query(kSerialColumns, {name}));
        for (int i = 0; i < serial.size(); ++i) {
          const std::string col = serial.Text(i, 0);
          XJ_RETURN_IF_ERROR(c.QueryDynamic("SELECT setval(pg_get_serial_sequence('" + name + "', '" + col +
                                            "'), m) FROM (SELECT MAX(" + col + ") AS m FROM " + name +
                                            ") x WHERE m IS NOT NULL")
                                 .status());
        }
        return Status::Ok();
      },
      true);
}

Status PostgresStore::ClearRows(const CopiedTable& table) {
  XJ_RETURN_IF_ERROR(CheckNames(table));
  if (!table.seeded) return Status::PermissionDenied("只能清空预置的参考表：" + std::string(table.name));
  return InTx([&](pg::Conn& c) { return c.QueryDynamic("DELETE FROM " + std::string(table.name)).status(); }, true);
}

Status PostgresStore::ScanLedgerFacts(int max_shards, const std::function<void(int, const LedgerFact&)>& fn) {
  std::int64_t lo = 0, hi = 0;
  {
    XJ_ASSIGN_OR_RETURN(ConnRef c, Connection());
    XJ_ASSIGN_OR_RETURN(pg::Rows range, c->Query(kSelectSeqRange));
    if (range.size() > 0) {
      lo = range.Int(0, 0) - 1;
      hi = range.Int(0, 1);
    }
  }
  // Rows (from, to] on a connection of their own, handed to `fn` as shard `shard`.
  const auto scan = [&](std::int64_t from, std::int64_t to, int shard) -> Status {
    XJ_ASSIGN_OR_RETURN(ConnRef c, Connection());
    LedgerFact f;
    return c->Stream(kSelectLedgerFacts, {Int(from), Int(to)}, [&](const pg::Rows& r) -> Status {
      f.seq = r.Int(0, 0);
      auto date = Date::Parse(r.Text(0, 1));
      if (!date.ok()) return Status::Internal("台账第 " + std::to_string(f.seq) + " 条的日期已损坏");
      f.date = *date;
      f.kind = static_cast<EntryKind>(r.Int(0, 2));
      f.effective = {static_cast<EntryKind>(r.Int(0, 3)), static_cast<PayeeType>(r.Int(0, 4)), r.Int(0, 5)};
      f.fund_source = static_cast<FundSource>(r.Int(0, 6));
      f.fund_year = static_cast<int>(r.Int(0, 7));
      f.amount = Fen(r.Int(0, 8));
      const std::string region = r.Text(0, 9), project = r.Text(0, 10), id = r.Text(0, 11), payee = r.Text(0, 12);
      f.region_code = region;
      f.project_code = project;
      f.entry_id = id;
      f.payee = payee;
      fn(shard, f);
      return Status::Ok();
    });
  };
  // Every shard holds a pooled connection for the whole scan and the caller may hold one
  // more (the engine loads projects meanwhile): leave room for it and one other call.
  const int shards = std::min({max_shards, 8, pool_.options().max_connections - 2});
  if (shards < 2 || hi - lo < parallel_scan_from_ || Bound() != nullptr) {
    last_scan_shards_ = 1;
    return scan(lo, hi, 0);
  }
  return ScanInShards(shards, lo, hi, scan);
}

Result<std::vector<std::pair<std::int64_t, Date>>> PostgresStore::ReversalDates() {
  XJ_ASSIGN_OR_RETURN(ConnRef c, Connection());
  XJ_ASSIGN_OR_RETURN(pg::Rows rows, c->Query(kSelectReversalDates));
  std::vector<std::pair<std::int64_t, Date>> out;
  for (int i = 0; i < rows.size(); ++i) {
    auto d = Date::Parse(rows.Text(i, 1));
    if (!d.ok()) return Status::Internal("冲销日期已损坏：" + rows.Text(i, 1));
    out.emplace_back(rows.Int(i, 0), *d);
  }
  return out;
}

Result<std::optional<StoredProject>> PostgresStore::GetProject(std::string_view code) {
  XJ_ASSIGN_OR_RETURN(ConnRef c, Connection());
  XJ_ASSIGN_OR_RETURN(pg::Rows rows, c->Query(kSelectProjectVersion, {std::string(code)}));
  if (rows.size() == 0) return std::optional<StoredProject>{};
  return std::optional<StoredProject>{StoredProject{ReadProject(rows, 0), rows.Int(0, 18)}};
}

Status PostgresStore::UpdateProjectState(const Project& p, std::int64_t expected_version) {
  return InTx(
      [&](pg::Conn& c) -> Status {
        XJ_ASSIGN_OR_RETURN(pg::Rows rows,
                            c.Query(kUpdateProjectState, {p.project_code, Enum(p.status), DateCell(p.actual_start),
                                                          DateCell(p.actual_finish), Int(expected_version)}));
        if (rows.size() == 0) return Status::Conflict("项目已被他人修改（版本不符），请刷新后重试：" + p.project_code);
        return Status::Ok();
      },
      true);
}

Status PostgresStore::UpdateProject(const Project& p, std::int64_t expected_version) {
  return InTx(
      [&](pg::Conn& c) -> Status {
        XJ_ASSIGN_OR_RETURN(
            pg::Rows rows,
            c.Query(kUpdateProject,
                    {p.project_code, p.name, Int(p.year), p.category, p.subcategory, Int(p.total_investment.value()),
                     Int(p.central_fund.value()), Int(p.other_fund.value()), DateCell(p.planned_start),
                     DateCell(p.planned_finish), DateCell(p.actual_start), DateCell(p.actual_finish), Enum(p.status),
                     p.responsible_person, Int(p.gov_infrastructure ? 1 : 0), Int(p.low_skill ? 1 : 0),
                     Int(p.work_relief ? 1 : 0), Int(expected_version)}));
        if (rows.size() == 0) return Status::Conflict("项目已被他人修改（版本不符），请刷新后重试：" + p.project_code);
        return Status::Ok();
      },
      true);
}

Result<std::int64_t> PostgresStore::InsertLibraryRecord(const LibraryRecord& r) {
  std::int64_t id = 0;
  XJ_RETURN_IF_ERROR(InTx(
      [&](pg::Conn& c) -> Status {
        XJ_ASSIGN_OR_RETURN(pg::Rows rows,
                            c.Query(kInsertLibraryRecord,
                                    {r.kind, r.region_code.empty() ? std::string() : ProvinceCodeOf(r.region_code),
                                     r.region_code, r.project_code, Int(r.ref_id), r.doc, r.created_at}));
        id = rows.Int(0, 0);
        return Status::Ok();
      },
      true));
  return id;
}

Status PostgresStore::UpdateLibraryRecord(std::int64_t id, const std::string& doc, const std::string& updated_at) {
  return InTx(
      [&](pg::Conn& c) -> Status {
        XJ_ASSIGN_OR_RETURN(pg::Rows rows, c.Query(kUpdateLibraryRecord, {Int(id), doc, updated_at}));
        if (rows.size() == 0) return Status::NotFound("项目库记录不存在：" + std::to_string(id));
        return Status::Ok();
      },
      true);
}

Result<std::vector<LibraryRecord>> PostgresStore::FindLibraryRecords(const LibraryRecordQuery& q) {
  static const std::string kById = std::string(kLibraryColumns) + "WHERE kind = $1 AND id = $2 ORDER BY id";
  static const std::string kByProject =
      std::string(kLibraryColumns) + "WHERE kind = $1 AND project_code = $2 ORDER BY id";
  static const std::string kByRef = std::string(kLibraryColumns) + "WHERE kind = $1 AND ref_id = $2 ORDER BY id";
  static const std::string kByRegion =
      std::string(kLibraryColumns) + "WHERE kind = $1 AND region_code = $2 ORDER BY id";
  static const std::string kByKind = std::string(kLibraryColumns) + "WHERE kind = $1 ORDER BY id";
  const char* sql = kByKind.c_str();
  pg::Params params = {q.kind};
  if (q.id) {
    sql = kById.c_str();
    params.push_back(Int(*q.id));
  } else if (q.project_code) {
    sql = kByProject.c_str();
    params.push_back(*q.project_code);
  } else if (q.ref_id) {
    sql = kByRef.c_str();
    params.push_back(Int(*q.ref_id));
  } else if (q.region_code) {
    sql = kByRegion.c_str();
    params.push_back(*q.region_code);
  }
  XJ_ASSIGN_OR_RETURN(ConnRef c, Connection());
  XJ_ASSIGN_OR_RETURN(pg::Rows rows, c->Query(sql, params));
  std::vector<LibraryRecord> out;
  for (int i = 0; i < rows.size(); ++i) {
    out.push_back(LibraryRecord{rows.Int(i, 0), rows.Text(i, 1), rows.Text(i, 2), rows.Text(i, 3), rows.Int(i, 4),
                                rows.Text(i, 5), rows.Text(i, 6), rows.Text(i, 7)});
  }
  return out;
}

Status PostgresStore::AppendTransition(const TransitionRecord& r) {
  return InTx(
      [&](pg::Conn& c) {
        return c
            .Query(kInsertTransition,
                   {r.project_code, r.action, Enum(r.from), Enum(r.to), r.actor, r.at, r.on.ToString(), r.reason})
            .status();
      },
      true);
}

Result<std::vector<TransitionRecord>> PostgresStore::ProjectTransitions(std::string_view code) {
  XJ_ASSIGN_OR_RETURN(ConnRef c, Connection());
  XJ_ASSIGN_OR_RETURN(pg::Rows rows, c->Query(kSelectTransitions, {std::string(code)}));
  std::vector<TransitionRecord> out;
  for (int i = 0; i < rows.size(); ++i) {
    auto on = Date::Parse(rows.Text(i, 6));
    if (!on.ok()) return Status::Internal("流程记录日期已损坏：" + rows.Text(i, 6));
    out.push_back({rows.Text(i, 0), rows.Text(i, 1), static_cast<ProjectState>(rows.Int(i, 2)),
                   static_cast<ProjectState>(rows.Int(i, 3)), rows.Text(i, 4), rows.Text(i, 5), *on, rows.Text(i, 7)});
  }
  return out;
}

Result<std::vector<TransitionRecord>> PostgresStore::FindTransitions(const std::vector<std::string>& codes) {
  if (codes.empty()) return std::vector<TransitionRecord>{};
  XJ_ASSIGN_OR_RETURN(ConnRef c, Connection());
  XJ_ASSIGN_OR_RETURN(pg::Rows rows, c->Query(kSelectTransitionsIn, {TextArray(codes)}));
  std::vector<TransitionRecord> out;
  for (int i = 0; i < rows.size(); ++i) {
    auto on = Date::Parse(rows.Text(i, 6));
    if (!on.ok()) return Status::Internal("流程记录日期已损坏：" + rows.Text(i, 6));
    out.push_back({rows.Text(i, 0), rows.Text(i, 1), static_cast<ProjectState>(rows.Int(i, 2)),
                   static_cast<ProjectState>(rows.Int(i, 3)), rows.Text(i, 4), rows.Text(i, 5), *on, rows.Text(i, 7)});
  }
  return out;
}

Result<std::vector<std::pair<std::string, Date>>> PostgresStore::AcceptanceDates() {
  XJ_ASSIGN_OR_RETURN(ConnRef c, Connection());
  XJ_ASSIGN_OR_RETURN(pg::Rows rows, c->Query(kSelectAcceptances));
  std::vector<std::pair<std::string, Date>> out;
  for (int i = 0; i < rows.size(); ++i) {
    auto on = Date::Parse(rows.Text(i, 1));
    if (!on.ok()) return Status::Internal("验收日期已损坏：" + rows.Text(i, 1));
    out.emplace_back(rows.Text(i, 0), *on);
  }
  return out;
}

Status PostgresStore::UpsertProcedure(std::string_view code, const ProcedureStatus& p, const std::string& at) {
  return InTx(
      [&](pg::Conn& c) {
        return c.Query(kUpsertProcedure, {std::string(code), Enum(p.kind), Int(p.complete ? 1 : 0), p.document_ref, at})
            .status();
      },
      true);
}

Result<std::vector<ProcedureStatus>> PostgresStore::ProjectProcedures(std::string_view code) {
  XJ_ASSIGN_OR_RETURN(ConnRef c, Connection());
  XJ_ASSIGN_OR_RETURN(pg::Rows rows, c->Query(kSelectProcedures, {std::string(code)}));
  std::vector<ProcedureStatus> out;
  for (int i = 0; i < rows.size(); ++i) {
    out.push_back({static_cast<ProcedureKind>(rows.Int(i, 0)), rows.Int(i, 1) != 0, rows.Text(i, 2)});
  }
  return out;
}

}  // namespace xj
