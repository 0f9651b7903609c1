#include "store/sqlite/sqlite_store.hpp"

#include <variant>

#include "store/migrations.hpp"
#include "store/store_copy.hpp"

namespace xj {
namespace {

// --- SQL, as named constants (prepared once, cached by pointer) ---
constexpr const char kCreateMigrations[] =
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
    "applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')))";
constexpr const char kMaxVersion[] = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
constexpr const char kRecordMigration[] = "INSERT INTO schema_migrations (version, name) VALUES (?1, ?2)";
constexpr const char kHasMigrationsTable[] =
    "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'";

constexpr const char kSelectRegions[] =
    "SELECT code, name, level, COALESCE(parent_code, ''), key_township, former_name FROM regions";
constexpr const char kUpsertRegion[] =
    "INSERT INTO regions (code, name, level, parent_code, key_township, former_name) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
    "ON CONFLICT (code) DO UPDATE SET name = excluded.name, key_township = excluded.key_township, "
    "former_name = excluded.former_name";

constexpr const char kSelectProjects[] =
    "SELECT project_code, name, year, region_code, category, subcategory, total_investment_fen, central_fund_fen, "
    "other_fund_fen, planned_start, planned_finish, actual_start, actual_finish, status, responsible_person, "
    "gov_infrastructure, low_skill, work_relief FROM projects ORDER BY project_code";
constexpr const char kSelectProject[] =
    "SELECT project_code, name, year, region_code, category, subcategory, total_investment_fen, central_fund_fen, "
    "other_fund_fen, planned_start, planned_finish, actual_start, actual_finish, status, responsible_person, "
    "gov_infrastructure, low_skill, work_relief FROM projects WHERE project_code = ?1";
constexpr const char kSelectProjectVersion[] =
    "SELECT project_code, name, year, region_code, category, subcategory, total_investment_fen, central_fund_fen, "
    "other_fund_fen, planned_start, planned_finish, actual_start, actual_finish, status, responsible_person, "
    "gov_infrastructure, low_skill, work_relief, version FROM projects WHERE project_code = ?1";
constexpr const char kUpdateProjectState[] =
    "UPDATE projects SET status = ?2, actual_start = ?3, actual_finish = ?4, version = version + 1 "
    "WHERE project_code = ?1 AND version = ?5";
constexpr const char kUpdateProject[] =
    "UPDATE projects SET name = ?2, year = ?3, category = ?4, subcategory = ?5, total_investment_fen = ?6, "
    "central_fund_fen = ?7, other_fund_fen = ?8, planned_start = ?9, planned_finish = ?10, actual_start = ?11, "
    "actual_finish = ?12, status = ?13, responsible_person = ?14, gov_infrastructure = ?15, low_skill = ?16, "
    "work_relief = ?17, version = version + 1 WHERE project_code = ?1 AND version = ?18";
constexpr const char kInsertTransition[] =
    "INSERT INTO project_transitions (province_code, project_code, action, from_state, to_state, actor, at, on_date, "
    "reason) VALUES ((SELECT province_code FROM projects WHERE project_code = ?1), ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
constexpr const char kSelectTransitions[] =
    "SELECT project_code, action, from_state, to_state, actor, at, on_date, reason FROM project_transitions "
    "WHERE project_code = ?1 ORDER BY id";
constexpr const char kSelectAcceptances[] =
    "SELECT project_code, MAX(on_date) FROM project_transitions WHERE to_state = 10 GROUP BY project_code";
constexpr const char kSelectProjectContracts[] =
    "SELECT project_code, contract_no, amount_fen, signed_on, advance_bp FROM project_contracts WHERE project_code = "
    "?1 ORDER BY id";
constexpr const char kSelectProjectProgress[] =
    "SELECT project_code, report_date, progress_hundredths, note FROM progress_reports WHERE project_code = ?1 "
    "ORDER BY id";
constexpr const char kUpsertProcedure[] =
    "INSERT INTO project_procedures (province_code, project_code, kind, complete, document_ref, updated_at) "
    "VALUES ((SELECT province_code FROM projects WHERE project_code = ?1), ?1, ?2, ?3, ?4, ?5) "
    "ON CONFLICT (project_code, kind) DO UPDATE SET complete = excluded.complete, "
    "document_ref = excluded.document_ref, updated_at = excluded.updated_at";
constexpr const char kSelectProcedures[] =
    "SELECT kind, complete, document_ref FROM project_procedures WHERE project_code = ?1 ORDER BY kind";
constexpr const char kInsertProject[] =
    "INSERT INTO projects (project_code, province_code, name, year, region_code, category, subcategory, "
    "total_investment_fen, central_fund_fen, other_fund_fen, planned_start, planned_finish, actual_start, "
    "actual_finish, status, responsible_person, gov_infrastructure, low_skill, work_relief) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)";

constexpr const char kSelectLedger[] =
    "SELECT seq, entry_id, entry_date, kind, fund_source, fund_year, region_code, COALESCE(project_code, ''), "
    "amount_fen, payee, payee_type, COALESCE(reverses, ''), note, effective_kind, effective_payee_type, sign "
    "FROM ledger_entries ORDER BY seq";
constexpr const char kSelectEntry[] =
    "SELECT seq, entry_id, entry_date, kind, fund_source, fund_year, region_code, COALESCE(project_code, ''), "
    "amount_fen, payee, payee_type, COALESCE(reverses, ''), note, effective_kind, effective_payee_type, sign "
    "FROM ledger_entries WHERE entry_id = ?1";
constexpr const char kSelectProjectEntries[] =
    "SELECT seq, entry_id, entry_date, kind, fund_source, fund_year, region_code, COALESCE(project_code, ''), "
    "amount_fen, payee, payee_type, COALESCE(reverses, ''), note, effective_kind, effective_payee_type, sign "
    "FROM ledger_entries WHERE project_code = ?1 ORDER BY seq";
constexpr const char kSelectReversalOf[] = "SELECT 1 FROM ledger_entries WHERE reverses = ?1";
constexpr const char kInsertEntry[] =
    "INSERT INTO ledger_entries (entry_id, province_code, entry_date, kind, fund_source, fund_year, region_code, "
    "project_code, amount_fen, payee, payee_type, reverses, note, effective_kind, effective_payee_type, sign) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)";

constexpr const char kInsertContract[] =
    "INSERT INTO project_contracts (province_code, project_code, contract_no, amount_fen, signed_on, advance_bp) "
    "VALUES ((SELECT province_code FROM projects WHERE project_code = ?1), ?1, ?2, ?3, ?4, ?5)";
constexpr const char kSelectContracts[] =
    "SELECT project_code, contract_no, amount_fen, signed_on, advance_bp FROM project_contracts ORDER BY id";
constexpr const char kInsertProgress[] =
    "INSERT INTO progress_reports (province_code, project_code, report_date, progress_hundredths, note) "
    "VALUES ((SELECT province_code FROM projects WHERE project_code = ?1), ?1, ?2, ?3, ?4)";
constexpr const char kSelectProgress[] =
    "SELECT project_code, report_date, progress_hundredths, note FROM progress_reports ORDER BY id";
constexpr const char kSelectCategories[] =
    "SELECT c.code, c.level1, c.level2, c.industry FROM project_categories c "
    "WHERE c.effective_from = (SELECT MAX(effective_from) FROM project_categories x WHERE x.code = c.code "
    "AND x.effective_from <= date('now')) ORDER BY c.code";
constexpr const char kInsertLibraryRecord[] =
    "INSERT INTO library_records (kind, province_code, region_code, project_code, ref_id, doc, created_at, "
    "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)";
constexpr const char kUpdateLibraryRecord[] = "UPDATE library_records SET doc = ?2, updated_at = ?3 WHERE id = ?1";
constexpr const char kLibraryColumns[] =
    "SELECT id, kind, region_code, project_code, ref_id, doc, created_at, updated_at FROM library_records ";
constexpr const char kSelectLibraryByKind[] = "WHERE kind = ?1 ORDER BY id";
constexpr const char kSelectLibraryById[] = "WHERE kind = ?1 AND id = ?2 ORDER BY id";
constexpr const char kSelectLibraryByProject[] = "WHERE kind = ?1 AND project_code = ?2 ORDER BY id";
constexpr const char kSelectLibraryByRef[] = "WHERE kind = ?1 AND ref_id = ?2 ORDER BY id";
constexpr const char kSelectLibraryByRegion[] = "WHERE kind = ?1 AND region_code = ?2 ORDER BY id";
constexpr const char kSelectPolicies[] =
    "SELECT key, value, effective_from, note, region_code FROM policies ORDER BY key, region_code, effective_from";
constexpr const char kInsertPolicy[] =
    "INSERT INTO policies (key, effective_from, value, note, region_code) VALUES (?1, ?2, ?3, ?4, ?5)";
constexpr const char kUpsertBenchmark[] =
    "INSERT INTO benchmarks (indicator, bench_date, value_bp) VALUES (?1, ?2, ?3) "
    "ON CONFLICT (indicator, bench_date) DO UPDATE SET value_bp = excluded.value_bp";
constexpr const char kSelectBenchmarks[] =
    "SELECT indicator, bench_date, value_bp FROM benchmarks ORDER BY indicator, bench_date";

/// A project_contracts row (project_code, contract_no, amount_fen, signed_on, advance_bp).
ProjectContract ReadContract(const sqlite::Stmt& st, Date signed_on) {
  ProjectContract c{st.Text(0), st.Text(1), Fen(st.Int(2)), signed_on, std::nullopt};
  if (!st.IsNull(4)) c.advance_bp = static_cast<std::int32_t>(st.Int(4));
  return c;
}

std::optional<std::string> DateText(const std::optional<Date>& d) {
  return d ? std::optional<std::string>(d->ToString()) : std::nullopt;
}

std::optional<Date> DateColumn(const sqlite::Stmt& s, int col) {
  if (s.IsNull(col)) return std::nullopt;
  auto d = Date::Parse(s.Text(col));
  return d.ok() ? std::optional<Date>(*d) : std::nullopt;
}

Project ReadProject(const sqlite::Stmt& s) {
  Project p;
  p.project_code = s.Text(0);
  p.name = s.Text(1);
  p.year = static_cast<int>(s.Int(2));
  p.region_code = s.Text(3);
  p.category = s.Text(4);
  p.subcategory = s.Text(5);
  p.total_investment = Fen(s.Int(6));
  p.central_fund = Fen(s.Int(7));
  p.other_fund = Fen(s.Int(8));
  p.planned_start = DateColumn(s, 9);
  p.planned_finish = DateColumn(s, 10);
  p.actual_start = DateColumn(s, 11);
  p.actual_finish = DateColumn(s, 12);
  p.status = static_cast<ProjectState>(s.Int(13));
  p.responsible_person = s.Text(14);
  p.gov_infrastructure = s.Int(15) != 0;
  p.low_skill = s.Int(16) != 0;
  p.work_relief = s.Int(17) != 0;
  return p;
}

Result<StoredEntry> ReadEntry(const sqlite::Stmt& s) {
  StoredEntry e;
  e.seq = s.Int(0);
  e.entry.entry_id = s.Text(1);
  auto date = Date::Parse(s.Text(2));
  if (!date.ok()) return Status::Internal("台账第 " + std::to_string(e.seq) + " 条的日期已损坏：" + s.Text(2));
  e.entry.date = *date;
  e.entry.kind = static_cast<EntryKind>(s.Int(3));
  e.entry.fund_source = static_cast<FundSource>(s.Int(4));
  e.entry.fund_year = static_cast<int>(s.Int(5));
  e.entry.region_code = s.Text(6);
  e.entry.project_code = s.Text(7);
  e.entry.amount = Fen(s.Int(8));
  e.entry.payee = s.Text(9);
  e.entry.payee_type = static_cast<PayeeType>(s.Int(10));
  e.entry.reverses = s.Text(11);
  e.entry.note = s.Text(12);
  e.effective.kind = static_cast<EntryKind>(s.Int(13));
  e.effective.payee_type = static_cast<PayeeType>(s.Int(14));
  e.effective.sign = s.Int(15);
  return e;
}

std::optional<std::string> NonEmpty(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

Status CheckNames(const CopiedTable& table) {
  if (!IsPlainSqlNames(table.name) || !IsPlainSqlNames(table.order_by)) {
    return Status::InvalidArgument("表名不合法：" + std::string(table.name));
  }
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path) {
  XJ_ASSIGN_OR_RETURN(auto db, sqlite::Db::Open(path));
  return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(db), path));
}

Status SqliteStore::RunInTx(const char* begin, const std::function<Status()>& fn) {
  std::lock_guard lock(mu_);
  if (tx_depth_ > 0) return fn();
  XJ_RETURN_IF_ERROR(db_->Exec(begin));
  ++tx_depth_;
  Status s;
  try {
    s = fn();
  } catch (...) {
    --tx_depth_;
    (void)db_->Exec("ROLLBACK");
    throw;
  }
  --tx_depth_;
  if (!s.ok()) {
    (void)db_->Exec("ROLLBACK");
    return s;
  }
  Status c = db_->Exec("COMMIT");
  if (!c.ok()) (void)db_->Exec("ROLLBACK");
  return c;
}

Status SqliteStore::InTx(const std::function<Status()>& fn) {
  return RunInTx("BEGIN IMMEDIATE", fn);
}

Status SqliteStore::Transact(const std::function<Status()>& fn) {
  return InTx(fn);
}

Result<int> SqliteStore::SchemaVersion() {
  std::lock_guard lock(mu_);
  XJ_ASSIGN_OR_RETURN(sqlite::Stmt * has, db_->Prepare(kHasMigrationsTable));
  XJ_ASSIGN_OR_RETURN(bool row, has->Step());
  if (!row || has->Int(0) == 0) return 0;
  has->Reset();
  XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kMaxVersion));
  XJ_ASSIGN_OR_RETURN(bool got, st->Step());
  const int v = got ? static_cast<int>(st->Int(0)) : 0;
  st->Reset();
  return v;
}

Result<int> SqliteStore::Migrate() {
  std::lock_guard lock(mu_);
  XJ_RETURN_IF_ERROR(db_->Exec(kCreateMigrations));
  XJ_ASSIGN_OR_RETURN(int current, SchemaVersion());
  for (const Migration& m : SqliteMigrations()) {
    if (m.version <= current) continue;
    XJ_RETURN_IF_ERROR(InTx([&]() -> Status {
      XJ_RETURN_IF_ERROR(db_->Exec(m.sql));
      XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kRecordMigration));
      st->Bind(1, std::int64_t{m.version}).Bind(2, m.name);
      return st->Run();
    }));
    current = m.version;
  }
  return current;
}

Status SqliteStore::Backup(const std::string& path) {
  std::lock_guard lock(mu_);
  return db_->BackupTo(path);
}

Result<std::vector<Region>> SqliteStore::LoadRegions() {
  std::lock_guard lock(mu_);
  XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kSelectRegions));
  std::vector<Region> out;
  for (;;) {
    XJ_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    Region r;
    r.code = st->Text(0);
    r.name = st->Text(1);
    r.level = static_cast<RegionLevel>(st->Int(2));
    r.parent_code = st->Text(3);
    r.key_township = st->Int(4) != 0;
    r.former_name = st->Text(5);
    out.push_back(std::move(r));
  }
  return out;
}

Status SqliteStore::UpsertRegions(const std::vector<Region>& regions) {
  return InTx([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kUpsertRegion));
    for (const Region& r : regions) {
      st->Reset()
          .Bind(1, r.code)
          .Bind(2, r.name)
          .Bind(3, std::int64_t{static_cast<int>(r.level)})
          .Bind(4, NonEmpty(r.parent_code))
          .Bind(5, std::int64_t{r.key_township ? 1 : 0})
          .Bind(6, r.former_name);
      XJ_RETURN_IF_ERROR(st->Run());
    }
    return Status::Ok();
  });
}

Status SqliteStore::ScanProjects(const std::function<void(const Project&)>& fn) {
  std::lock_guard lock(mu_);
  XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kSelectProjects));
  for (;;) {
    XJ_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return Status::Ok();
    fn(ReadProject(*st));
  }
}

Result<std::vector<Project>> SqliteStore::FindProjects(const std::vector<std::string>& codes) {
  std::lock_guard lock(mu_);
  XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kSelectProject));
  std::vector<Project> out;
  for (const std::string& code : codes) {
    st->Reset().Bind(1, code);
    XJ_ASSIGN_OR_RETURN(bool row, st->Step());
    if (row) out.push_back(ReadProject(*st));
  }
  st->Reset();
  return out;
}

Status SqliteStore::InsertProjects(const std::vector<Project>& projects) {
  return InTx([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kInsertProject));
    for (const Project& p : projects) {
      st->Reset()
          .Bind(1, p.project_code)
          .Bind(2, ProvinceCodeOf(p.region_code))
          .Bind(3, p.name)
          .Bind(4, std::int64_t{p.year})
          .Bind(5, p.region_code)
          .Bind(6, p.category)
          .Bind(7, p.subcategory)
          .Bind(8, p.total_investment.value())
          .Bind(9, p.central_fund.value())
          .Bind(10, p.other_fund.value())
          .Bind(11, DateText(p.planned_start))
          .Bind(12, DateText(p.planned_finish))
          .Bind(13, DateText(p.actual_start))
          .Bind(14, DateText(p.actual_finish))
          .Bind(15, std::int64_t{static_cast<int>(p.status)})
          .Bind(16, p.responsible_person)
          .Bind(17, std::int64_t{p.gov_infrastructure ? 1 : 0})
          .Bind(18, std::int64_t{p.low_skill ? 1 : 0})
          .Bind(19, std::int64_t{p.work_relief ? 1 : 0});
      XJ_RETURN_IF_ERROR(st->Run());
    }
    return Status::Ok();
  });
}

Result<std::optional<StoredProject>> SqliteStore::GetProject(std::string_view code) {
  std::lock_guard lock(mu_);
  XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kSelectProjectVersion));
  st->Bind(1, code);
  XJ_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return std::optional<StoredProject>{};
  StoredProject p{ReadProject(*st), st->Int(18)};
  st->Reset();
  return std::optional<StoredProject>{std::move(p)};
}

Status SqliteStore::UpdateProjectState(const Project& p, std::int64_t expected_version) {
  return InTx([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kUpdateProjectState));
    st->Bind(1, p.project_code)
        .Bind(2, std::int64_t{static_cast<int>(p.status)})
        .Bind(3, DateText(p.actual_start))
        .Bind(4, DateText(p.actual_finish))
        .Bind(5, expected_version);
    XJ_RETURN_IF_ERROR(st->Run());
    if (db_->Changes() == 0) return Status::Conflict("项目已被他人修改（版本不符），请刷新后重试：" + p.project_code);
    return Status::Ok();
  });
}

Status SqliteStore::UpdateProject(const Project& p, std::int64_t expected_version) {
  return InTx([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kUpdateProject));
    st->Bind(1, p.project_code)
        .Bind(2, p.name)
        .Bind(3, std::int64_t{p.year})
        .Bind(4, p.category)
        .Bind(5, p.subcategory)
        .Bind(6, p.total_investment.value())
        .Bind(7, p.central_fund.value())
        .Bind(8, p.other_fund.value())
        .Bind(9, DateText(p.planned_start))
        .Bind(10, DateText(p.planned_finish))
        .Bind(11, DateText(p.actual_start))
        .Bind(12, DateText(p.actual_finish))
        .Bind(13, std::int64_t{static_cast<int>(p.status)})
        .Bind(14, p.responsible_person)
        .Bind(15, std::int64_t{p.gov_infrastructure ? 1 : 0})
        .Bind(16, std::int64_t{p.low_skill ? 1 : 0})
        .Bind(17, std::int64_t{p.work_relief ? 1 : 0})
        .Bind(18, expected_version);
    XJ_RETURN_IF_ERROR(st->Run());
    if (db_->Changes() == 0) return Status::Conflict("项目已被他人修改（版本不符），请刷新后重试：" + p.project_code);
    return Status::Ok();
  });
}

Status SqliteStore::AppendTransition(const TransitionRecord& r) {
  return InTx([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kInsertTransition));
    st->Bind(1, r.project_code)
        .Bind(2, r.action)
        .Bind(3, std::int64_t{static_cast<int>(r.from)})
        .Bind(4, std::int64_t{static_cast<int>(r.to)})
        .Bind(5, r.actor)
        .Bind(6, r.at)
        .Bind(7, r.on.ToString())
        .Bind(8, r.reason);
    return st->Run();
  });
}

Result<std::vector<TransitionRecord>> SqliteStore::ProjectTransitions(std::string_view code) {
  std::lock_guard lock(mu_);
  XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kSelectTransitions));
  st->Bind(1, code);
  std::vector<TransitionRecord> out;
  for (;;) {
    XJ_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return out;
    auto on = Date::Parse(st->Text(6));
    if (!on.ok()) return Status::Internal("流程记录日期已损坏：" + st->Text(6));
    out.push_back({st->Text(0), st->Text(1), static_cast<ProjectState>(st->Int(2)),
                   static_cast<ProjectState>(st->Int(3)), st->Text(4), st->Text(5), *on, st->Text(7)});
  }
}

Result<std::vector<TransitionRecord>> SqliteStore::FindTransitions(const std::vector<std::string>& codes) {
  std::vector<TransitionRecord> out;
  for (const std::string& code : codes) {
    XJ_ASSIGN_OR_RETURN(std::vector<TransitionRecord> steps, ProjectTransitions(code));
    out.insert(out.end(), std::make_move_iterator(steps.begin()), std::make_move_iterator(steps.end()));
  }
  return out;
}

Result<std::vector<std::pair<std::string, Date>>> SqliteStore::AcceptanceDates() {
  std::lock_guard lock(mu_);
  XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kSelectAcceptances));
  std::vector<std::pair<std::string, Date>> out;
  for (;;) {
    XJ_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return out;
    auto on = Date::Parse(st->Text(1));
    if (!on.ok()) return Status::Internal("验收日期已损坏：" + st->Text(1));
    out.emplace_back(st->Text(0), *on);
  }
}

Status SqliteStore::UpsertProcedure(std::string_view code, const ProcedureStatus& p, const std::string& at) {
  return InTx([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kUpsertProcedure));
    st->Bind(1, code)
        .Bind(2, std::int64_t{static_cast<int>(p.kind)})
        .Bind(3, std::int64_t{p.complete ? 1 : 0})
        .Bind(4, p.document_ref)
        .Bind(5, at);
    return st->Run();
  });
}

Result<std::vector<ProcedureStatus>> SqliteStore::ProjectProcedures(std::string_view code) {
  std::lock_guard lock(mu_);
  XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kSelectProcedures));
  st->Bind(1, code);
  std::vector<ProcedureStatus> out;
  for (;;) {
    XJ_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return out;
    out.push_back({static_cast<ProcedureKind>(st->Int(0)), st->Int(1) != 0, st->Text(2)});
  }
}

Status SqliteStore::ScanLedger(const std::function<void(const StoredEntry&)>& fn) {
  std::lock_guard lock(mu_);
  XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kSelectLedger));
  for (;;) {
    XJ_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return Status::Ok();
    XJ_ASSIGN_OR_RETURN(StoredEntry e, ReadEntry(*st));
    fn(e);
  }
}

Status SqliteStore::InReadTx(const std::function<Status()>& fn) {
  // One snapshot for many lookups: without it every SELECT is its own transaction, and a
  // million-row import spends its time taking and releasing the WAL read lock.
  return RunInTx("BEGIN", fn);
}

Result<std::vector<StoredEntry>> SqliteStore::FindEntries(const std::vector<std::string>& entry_ids) {
  std::vector<StoredEntry> found;
  XJ_RETURN_IF_ERROR(InReadTx([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(found, FindEntriesLocked(entry_ids));
    return Status::Ok();
  }));
  return found;
}

Result<std::vector<StoredEntry>> SqliteStore::FindEntriesLocked(const std::vector<std::string>& entry_ids) {
  std::lock_guard lock(mu_);
  XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kSelectEntry));
  std::vector<StoredEntry> out;
  for (const std::string& id : entry_ids) {
    st->Reset().Bind(1, id);
    XJ_ASSIGN_OR_RETURN(bool row, st->Step());
    if (row) {
      XJ_ASSIGN_OR_RETURN(StoredEntry e, ReadEntry(*st));
      out.push_back(std::move(e));
    }
  }
  st->Reset();
  return out;
}

Result<std::vector<std::string>> SqliteStore::FindReversed(const std::vector<std::string>& entry_ids) {
  std::vector<std::string> out;
  XJ_RETURN_IF_ERROR(InReadTx([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kSelectReversalOf));
    for (const std::string& id : entry_ids) {
      st->Reset().Bind(1, id);
      XJ_ASSIGN_OR_RETURN(bool row, st->Step());
      if (row) out.push_back(id);
    }
    st->Reset();
    return Status::Ok();
  }));
  return out;
}

Result<std::vector<StoredEntry>> SqliteStore::AppendEntries(std::vector<StoredEntry> entries) {
  Status s = InTx([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kInsertEntry));
    for (StoredEntry& se : entries) {
      const LedgerEntry& e = se.entry;
      st->Reset()
          .Bind(1, e.entry_id)
          .Bind(2, ProvinceCodeOf(e.region_code))
          .Bind(3, e.date.ToString())
          .Bind(4, std::int64_t{static_cast<int>(e.kind)})
          .Bind(5, std::int64_t{static_cast<int>(e.fund_source)})
          .Bind(6, std::int64_t{e.fund_year})
          .Bind(7, e.region_code)
          .Bind(8, NonEmpty(e.project_code))
          .Bind(9, e.amount.value())
          .Bind(10, e.payee)
          .Bind(11, std::int64_t{static_cast<int>(e.payee_type)})
          .Bind(12, NonEmpty(e.reverses))
          .Bind(13, e.note)
          .Bind(14, std::int64_t{static_cast<int>(se.effective.kind)})
          .Bind(15, std::int64_t{static_cast<int>(se.effective.payee_type)})
          .Bind(16, se.effective.sign);
      XJ_RETURN_IF_ERROR(st->Run());
      se.seq = db_->LastInsertRowid();
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return entries;
}

Result<std::vector<StoredEntry>> SqliteStore::ProjectEntries(std::string_view project_code) {
  std::lock_guard lock(mu_);
  XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kSelectProjectEntries));
  st->Bind(1, project_code);
  std::vector<StoredEntry> out;
  for (;;) {
    XJ_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    XJ_ASSIGN_OR_RETURN(StoredEntry e, ReadEntry(*st));
    out.push_back(std::move(e));
  }
  return out;
}

Result<LedgerPage> SqliteStore::ListLedger(const LedgerFilter& filter) {
  const LedgerQuerySql sql = BuildLedgerQuery(filter, SqlDialect::kSqlite);
  const auto bind_all = [&](sqlite::Stmt& st) {
    for (std::size_t i = 0; i < sql.params.size(); ++i) {
      std::visit([&](const auto& v) { st.Bind(static_cast<int>(i + 1), v); }, sql.params[i]);
    }
  };
  std::lock_guard lock(mu_);
  LedgerPage page;
  if (filter.count_total) {
    XJ_ASSIGN_OR_RETURN(std::unique_ptr<sqlite::Stmt> count, db_->PrepareOnce(sql.count));
    bind_all(*count);
    XJ_ASSIGN_OR_RETURN(bool counted, count->Step());
    if (counted) page.total = count->Int(0);
  }
  XJ_ASSIGN_OR_RETURN(std::unique_ptr<sqlite::Stmt> st, db_->PrepareOnce(sql.page));
  bind_all(*st);
  const int n = static_cast<int>(sql.params.size());
  st->Bind(n + 1, filter.limit).Bind(n + 2, filter.offset);
  for (;;) {
    XJ_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    XJ_ASSIGN_OR_RETURN(StoredEntry e, ReadEntry(*st));
    page.items.push_back({std::move(e), st->Text(16)});
  }
  return page;
}

Status SqliteStore::InsertContract(const ProjectContract& c) {
  return InTx([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kInsertContract));
    st->Bind(1, c.project_code).Bind(2, c.contract_no).Bind(3, c.amount.value()).Bind(4, c.signed_on.ToString());
    st->Bind(5, c.advance_bp ? std::optional<std::int64_t>(*c.advance_bp) : std::nullopt);
    return st->Run();
  });
}

Status SqliteStore::InsertProgress(const ProgressReport& r) {
  return InTx([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kInsertProgress));
    st->Bind(1, r.project_code).Bind(2, r.date.ToString()).Bind(3, std::int64_t{r.progress_hundredths}).Bind(4, r.note);
    return st->Run();
  });
}

Status SqliteStore::ScanContracts(const std::function<void(const ProjectContract&)>& fn) {
  std::lock_guard lock(mu_);
  XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kSelectContracts));
  for (;;) {
    XJ_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return Status::Ok();
    auto d = Date::Parse(st->Text(3));
    if (!d.ok()) return Status::Internal("合同日期已损坏：" + st->Text(3));
    fn(ReadContract(*st, *d));
  }
}

Status SqliteStore::ScanProgress(const std::function<void(const ProgressReport&)>& fn) {
  std::lock_guard lock(mu_);
  XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kSelectProgress));
  for (;;) {
    XJ_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return Status::Ok();
    auto d = Date::Parse(st->Text(1));
    if (!d.ok()) return Status::Internal("形象进度日期已损坏：" + st->Text(1));
    fn(ProgressReport{st->Text(0), *d, static_cast<std::int32_t>(st->Int(2)), st->Text(3)});
  }
}

Result<std::vector<ProjectContract>> SqliteStore::ProjectContracts(std::string_view code) {
  std::lock_guard lock(mu_);
  XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kSelectProjectContracts));
  st->Bind(1, code);
  std::vector<ProjectContract> out;
  for (;;) {
    XJ_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return out;
    auto d = Date::Parse(st->Text(3));
    if (!d.ok()) return Status::Internal("合同签订日期已损坏：" + st->Text(3));
    out.push_back(ReadContract(*st, *d));
  }
}

Result<std::vector<ProgressReport>> SqliteStore::ProjectProgress(std::string_view code) {
  std::lock_guard lock(mu_);
  XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kSelectProjectProgress));
  st->Bind(1, code);
  std::vector<ProgressReport> out;
  for (;;) {
    XJ_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return out;
    auto d = Date::Parse(st->Text(1));
    if (!d.ok()) return Status::Internal("形象进度日期已损坏：" + st->Text(1));
    out.push_back(ProgressReport{st->Text(0), *d, static_cast<std::int32_t>(st->Int(2)), st->Text(3)});
  }
}

Result<std::vector<ProjectCategory>> SqliteStore::LoadCategories() {
  std::lock_guard lock(mu_);
  XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kSelectCategories));
  std::vector<ProjectCategory> out;
  for (;;) {
    XJ_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    out.push_back(ProjectCategory{st->Text(0), st->Text(1), st->Text(2), st->Int(3) != 0});
  }
  return out;
}

Result<std::int64_t> SqliteStore::InsertLibraryRecord(const LibraryRecord& r) {
  std::int64_t id = 0;
  XJ_RETURN_IF_ERROR(InTx([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kInsertLibraryRecord));
    st->Bind(1, r.kind)
        .Bind(2, r.region_code.empty() ? std::string() : ProvinceCodeOf(r.region_code))
        .Bind(3, r.region_code)
        .Bind(4, r.project_code)
        .Bind(5, r.ref_id)
        .Bind(6, r.doc)
        .Bind(7, r.created_at);
    XJ_RETURN_IF_ERROR(st->Run());
    id = db_->LastInsertRowid();
    return Status::Ok();
  }));
  return id;
}

Status SqliteStore::UpdateLibraryRecord(std::int64_t id, const std::string& doc, const std::string& updated_at) {
  return InTx([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kUpdateLibraryRecord));
    st->Bind(1, id).Bind(2, doc).Bind(3, updated_at);
    XJ_RETURN_IF_ERROR(st->Run());
    if (db_->Changes() == 0) return Status::NotFound("项目库记录不存在：" + std::to_string(id));
    return Status::Ok();
  });
}

Result<std::vector<LibraryRecord>> SqliteStore::FindLibraryRecords(const LibraryRecordQuery& q) {
  // One statement per lookup key, so each uses its index (kind, key, id).
  static const std::string kById = std::string(kLibraryColumns) + kSelectLibraryById;
  static const std::string kByProject = std::string(kLibraryColumns) + kSelectLibraryByProject;
  static const std::string kByRef = std::string(kLibraryColumns) + kSelectLibraryByRef;
  static const std::string kByRegion = std::string(kLibraryColumns) + kSelectLibraryByRegion;
  static const std::string kByKind = std::string(kLibraryColumns) + kSelectLibraryByKind;
  std::lock_guard lock(mu_);
  sqlite::Stmt* st = nullptr;
  if (q.id) {
    XJ_ASSIGN_OR_RETURN(st, db_->Prepare(kById.c_str()));
    st->Bind(2, *q.id);
  } else if (q.project_code) {
    XJ_ASSIGN_OR_RETURN(st, db_->Prepare(kByProject.c_str()));
    st->Bind(2, *q.project_code);
  } else if (q.ref_id) {
    XJ_ASSIGN_OR_RETURN(st, db_->Prepare(kByRef.c_str()));
    st->Bind(2, *q.ref_id);
  } else if (q.region_code) {
    XJ_ASSIGN_OR_RETURN(st, db_->Prepare(kByRegion.c_str()));
    st->Bind(2, *q.region_code);
  } else {
    XJ_ASSIGN_OR_RETURN(st, db_->Prepare(kByKind.c_str()));
  }
  st->Bind(1, q.kind);
  std::vector<LibraryRecord> out;
  for (;;) {
    XJ_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    out.push_back(LibraryRecord{st->Int(0), st->Text(1), st->Text(2), st->Text(3), st->Int(4), st->Text(5), st->Text(6),
                                st->Text(7)});
  }
  st->Reset();
  return out;
}

Result<std::vector<PolicyValue>> SqliteStore::LoadPolicies() {
  std::lock_guard lock(mu_);
  XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kSelectPolicies));
  std::vector<PolicyValue> out;
  for (;;) {
    XJ_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    auto d = Date::Parse(st->Text(2));
    if (!d.ok()) return Status::Internal("政策生效日期已损坏：" + st->Text(2));
    out.push_back(PolicyValue{st->Text(0), st->Int(1), *d, st->Text(3), st->Text(4)});
  }
  return out;
}

Status SqliteStore::InsertPolicy(const PolicyValue& v) {
  return InTx([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kInsertPolicy));
    st->Bind(1, v.key).Bind(2, v.effective_from.ToString()).Bind(3, v.value).Bind(4, v.note).Bind(5, v.region_code);
    return st->Run();
  });
}

Status SqliteStore::UpsertBenchmarks(const std::vector<Benchmark>& rows) {
  return InTx([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kUpsertBenchmark));
    for (const Benchmark& b : rows) {
      st->Reset()
          .Bind(1, BenchmarkIndicatorName(b.indicator))
          .Bind(2, b.date.ToString())
          .Bind(3, std::int64_t{b.value_bp});
      XJ_RETURN_IF_ERROR(st->Run());
    }
    return Status::Ok();
  });
}

Result<std::vector<Benchmark>> SqliteStore::LoadBenchmarks() {
  std::lock_guard lock(mu_);
  XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kSelectBenchmarks));
  std::vector<Benchmark> out;
  for (;;) {
    XJ_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return out;
    auto indicator = ParseBenchmarkIndicator(st->Text(0));
    auto d = Date::Parse(st->Text(1));
    if (!indicator || !d.ok()) return Status::Internal("全国平均基准已损坏：" + st->Text(0) + " " + st->Text(1));
    out.push_back({*indicator, *d, static_cast<std::int32_t>(st->Int(2))});
  }
}

Result<std::int64_t> SqliteStore::CountRows(const CopiedTable& table) {
  XJ_RETURN_IF_ERROR(CheckNames(table));
  std::lock_guard lock(mu_);
  XJ_ASSIGN_OR_RETURN(auto st, db_->PrepareOnce("SELECT COUNT(*) FROM " + std::string(table.name)));
  XJ_ASSIGN_OR_RETURN(bool row, st->Step());
  return row ? st->Int(0) : 0;
}

Status SqliteStore::ExportRows(const CopiedTable& table, std::size_t batch_rows,
                               const std::function<Status(const RowBatch&)>& fn) {
  XJ_RETURN_IF_ERROR(CheckNames(table));
  std::lock_guard lock(mu_);
  XJ_ASSIGN_OR_RETURN(auto st, db_->PrepareOnce("SELECT * FROM " + std::string(table.name) + " ORDER BY " +
                                                std::string(table.order_by)));
  RowBatch batch;
  const int columns = st->ColumnCount();
  for (int col = 0; col < columns; ++col) batch.columns.push_back(st->ColumnName(col));
  for (;;) {
    XJ_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    std::vector<std::optional<std::string>> cells;
    cells.reserve(static_cast<std::size_t>(columns));
    for (int col = 0; col < columns; ++col) {
      cells.push_back(st->IsNull(col) ? std::nullopt : std::optional<std::string>(st->Text(col)));
    }
    batch.rows.push_back(std::move(cells));
    if (batch.rows.size() >= batch_rows) {
      XJ_RETURN_IF_ERROR(fn(batch));
      batch.rows.clear();
    }
  }
  return batch.rows.empty() ? Status::Ok() : fn(batch);
}

Status SqliteStore::ImportRows(const CopiedTable& table, const RowBatch& batch) {
  XJ_RETURN_IF_ERROR(CheckNames(table));
  std::string columns, placeholders;
  for (std::size_t i = 0; i < batch.columns.size(); ++i) {
    if (!IsPlainSqlNames(batch.columns[i])) return Status::InvalidArgument("列名不合法：" + batch.columns[i]);
    columns += (i ? ", " : "") + batch.columns[i];
    placeholders += (i ? ", ?" : "?") + std::to_string(i + 1);
  }
  return InTx([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(auto st, db_->PrepareOnce("INSERT INTO " + std::string(table.name) + " (" + columns +
                                                  ") VALUES (" + placeholders + ")"));
    for (const auto& row : batch.rows) {
      st->Reset();
      // Text into INTEGER columns is stored as an integer (type affinity).
      for (std::size_t i = 0; i < row.size(); ++i) st->Bind(static_cast<int>(i + 1), row[i]);
      XJ_RETURN_IF_ERROR(st->Run());
    }
    return Status::Ok();
  });
}

Status SqliteStore::ClearRows(const CopiedTable& table) {
  XJ_RETURN_IF_ERROR(CheckNames(table));
  if (!table.seeded) return Status::PermissionDenied("只能清空预置的参考表：" + std::string(table.name));
  return InTx([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(auto st, db_->PrepareOnce("DELETE FROM " + std::string(table.name)));
    return st->Run();
  });
}

}  // namespace xj
