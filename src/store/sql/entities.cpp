#include "store/sql/entities.hpp"

namespace xj::sql {
namespace {

constexpr int kLastProjectState = static_cast<int>(ProjectState::kCancelled);
constexpr int kLastRole = static_cast<int>(Role::kAuditor);

/// Returns `value` if the row read cleanly, else the corruption error.
template <typename T>
Result<T> Checked(const Fields& f, T value) {
  if (!f.status().ok()) return f.status();
  return value;
}

}  // namespace

std::vector<std::string> SplitColumns(std::string_view list) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < list.size()) {
    std::size_t end = list.find(',', start);
    if (end == std::string_view::npos) end = list.size();
    std::string_view name = list.substr(start, end - start);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    out.emplace_back(name);
    start = end + 1;
  }
  return out;
}

std::string Concat(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (std::string_view p : parts) out += p;
  return out;
}

const char* DialectSql::operator()(Dialect d) const {
  const int i = d == Dialect::kSqlite ? 0 : 1;
  std::call_once(once_[i], [&] { text_[i] = build_(d); });
  return text_[i].c_str();
}

Result<Region> ReadRegion(const Row& row) {
  Fields f(row, "regions", "code=" + std::string(row.Text(0)));
  Region r;
  r.code = f.Text(0);
  r.name = f.Text(1);
  r.level = f.Enum<RegionLevel>(2, 1, static_cast<int>(RegionLevel::kVillage));
  r.parent_code = f.Text(3);
  r.key_township = f.Bool(4);
  r.former_name = f.Text(5);
  return Checked(f, std::move(r));
}

void WriteRegion(const Region& r, Values& out) {
  out = {r.code,       r.name, EnumValue(r.level), NullIfEmpty(r.parent_code), std::int64_t{r.key_township ? 1 : 0},
         r.former_name};
}

Result<Project> ReadProject(const Row& row, int c) {
  Fields f(row, "projects", "project_code=" + std::string(row.Text(c)));
  Project p;
  p.project_code = f.Text(c);
  p.name = f.Text(c + 1);
  p.year = static_cast<int>(f.Int(c + 2));
  p.region_code = f.Text(c + 3);
  p.category = f.Text(c + 4);
  p.subcategory = f.Text(c + 5);
  p.total_investment = Fen(f.Int(c + 6));
  p.central_fund = Fen(f.Int(c + 7));
  p.other_fund = Fen(f.Int(c + 8));
  p.planned_start = f.OptionalDate(c + 9);
  p.planned_finish = f.OptionalDate(c + 10);
  p.actual_start = f.OptionalDate(c + 11);
  p.actual_finish = f.OptionalDate(c + 12);
  p.status = f.Enum<ProjectState>(c + 13, 1, kLastProjectState);
  p.responsible_person = f.Text(c + 14);
  p.gov_infrastructure = f.Bool(c + 15);
  p.low_skill = f.Bool(c + 16);
  p.work_relief = f.Bool(c + 17);
  return Checked(f, std::move(p));
}

void WriteProject(const Project& p, Values& out) {
  out = {p.project_code,
         ProvinceCodeOf(p.region_code),
         p.name,
         std::int64_t{p.year},
         p.region_code,
         p.category,
         p.subcategory,
         p.total_investment.value(),
         p.central_fund.value(),
         p.other_fund.value(),
         DateValue(p.planned_start),
         DateValue(p.planned_finish),
         DateValue(p.actual_start),
         DateValue(p.actual_finish),
         EnumValue(p.status),
         p.responsible_person,
         std::int64_t{p.gov_infrastructure ? 1 : 0},
         std::int64_t{p.low_skill ? 1 : 0},
         std::int64_t{p.work_relief ? 1 : 0}};
}

Result<StoredEntry> ReadEntry(const Row& row) {
  Fields f(row, "ledger_entries", "seq=" + std::to_string(row.Int(0)));
  StoredEntry e;
  e.seq = f.Int(0);
  e.entry.entry_id = f.Text(1);
  e.entry.date = f.DateAt(2);
  e.entry.kind = f.Enum<EntryKind>(3, 1, static_cast<int>(EntryKind::kReverse));
  e.entry.fund_source = f.Enum<FundSource>(4, 1, kFundSourceCount);
  e.entry.fund_year = static_cast<int>(f.Int(5));
  e.entry.region_code = f.Text(6);
  e.entry.project_code = f.Text(7);
  e.entry.amount = Fen(f.Int(8));
  e.entry.payee = f.Text(9);
  e.entry.payee_type = f.Enum<PayeeType>(10, 0, static_cast<int>(PayeeType::kGovAccount));
  e.entry.reverses = f.Text(11);
  e.entry.note = f.Text(12);
  e.effective.kind = f.Enum<EntryKind>(13, 1, static_cast<int>(EntryKind::kExpend));
  e.effective.payee_type = f.Enum<PayeeType>(14, 0, static_cast<int>(PayeeType::kGovAccount));
  e.effective.sign = f.Int(15);
  return Checked(f, std::move(e));
}

void WriteEntry(const StoredEntry& se, Values& out) {
  const LedgerEntry& e = se.entry;
  out = {e.entry_id,
         ProvinceCodeOf(e.region_code),
         e.date.ToString(),
         EnumValue(e.kind),
         EnumValue(e.fund_source),
         std::int64_t{e.fund_year},
         e.region_code,
         NullIfEmpty(e.project_code),
         e.amount.value(),
         e.payee,
         EnumValue(e.payee_type),
         NullIfEmpty(e.reverses),
         e.note,
         EnumValue(se.effective.kind),
         EnumValue(se.effective.payee_type),
         se.effective.sign};
}

Status ReadFact(const Row& row, LedgerFact& f) {
  f.seq = row.Int(0);
  auto date = ParseStoredDate(row.Text(1));
  const std::int64_t kind = row.Int(2), effective_kind = row.Int(3), payee_type = row.Int(4), source = row.Int(6);
  if (!date || kind < 1 || kind > 4 || effective_kind < 1 || effective_kind > 3 || payee_type < 0 || payee_type > 4 ||
      source < 1 || source > kFundSourceCount) {
    // The slow path only for the error: ReadEntry's checks name the column and the value.
    Fields fields(row, "ledger_entries", "seq=" + std::to_string(f.seq));
    (void)fields.DateAt(1);
    (void)fields.Enum<EntryKind>(2, 1, 4);
    (void)fields.Enum<EntryKind>(3, 1, 3);
    (void)fields.Enum<PayeeType>(4, 0, 4);
    (void)fields.Enum<FundSource>(6, 1, kFundSourceCount);
    return fields.status();
  }
  f.date = *date;
  f.kind = static_cast<EntryKind>(kind);
  f.effective = {static_cast<EntryKind>(effective_kind), static_cast<PayeeType>(payee_type), row.Int(5)};
  f.fund_source = static_cast<FundSource>(source);
  f.fund_year = static_cast<int>(row.Int(7));
  f.amount = Fen(row.Int(8));
  f.region_code = row.Text(9);
  f.project_code = row.Text(10);
  f.entry_id = {};
  f.payee = {};
  return Status::Ok();
}

Result<ProjectContract> ReadContract(const Row& row) {
  Fields f(row, "project_contracts",
           "project_code=" + std::string(row.Text(0)) + " contract_no=" + std::string(row.Text(1)));
  ProjectContract c{f.Text(0), f.Text(1), Fen(f.Int(2)), f.DateAt(3), std::nullopt};
  if (!row.IsNull(4)) c.advance_bp = static_cast<std::int32_t>(f.Int(4));
  return Checked(f, std::move(c));
}

void WriteContract(const ProjectContract& c, Values& out) {
  out = {c.project_code, c.contract_no, c.amount.value(), c.signed_on.ToString(),
         c.advance_bp ? Value(std::int64_t{*c.advance_bp}) : Value()};
}

Result<ProgressReport> ReadProgress(const Row& row) {
  Fields f(row, "progress_reports",
           "project_code=" + std::string(row.Text(0)) + " report_date=" + std::string(row.Text(1)));
  ProgressReport p{f.Text(0), f.DateAt(1), static_cast<std::int32_t>(f.Int(2)), f.Text(3)};
  return Checked(f, std::move(p));
}

void WriteProgress(const ProgressReport& p, Values& out) {
  out = {p.project_code, p.date.ToString(), std::int64_t{p.progress_hundredths}, p.note};
}

Result<TransitionRecord> ReadTransition(const Row& row) {
  Fields f(row, "project_transitions", "project_code=" + std::string(row.Text(0)) + " at=" + std::string(row.Text(5)));
  TransitionRecord t{f.Text(0),
                     f.Text(1),
                     f.Enum<ProjectState>(2, 1, kLastProjectState),
                     f.Enum<ProjectState>(3, 1, kLastProjectState),
                     f.Text(4),
                     f.Text(5),
                     f.DateAt(6),
                     f.Text(7)};
  return Checked(f, std::move(t));
}

void WriteTransition(const TransitionRecord& t, Values& out) {
  out = {t.project_code, t.action, EnumValue(t.from), EnumValue(t.to), t.actor, t.at, t.on.ToString(), t.reason};
}

Result<ProcedureStatus> ReadProcedure(const Row& row, std::string_view project_code) {
  Fields f(row, "project_procedures", "project_code=" + std::string(project_code));
  ProcedureStatus p{f.Enum<ProcedureKind>(0, 1, static_cast<int>(ProcedureKind::kTenderOrRelief)), f.Bool(1),
                    f.Text(2)};
  return Checked(f, std::move(p));
}

Result<ProjectCategory> ReadCategory(const Row& row) {
  return ProjectCategory{std::string(row.Text(0)), std::string(row.Text(1)), std::string(row.Text(2)), row.Int(3) != 0};
}

Result<PolicyValue> ReadPolicy(const Row& row) {
  Fields f(row, "policies", "key=" + std::string(row.Text(0)));
  PolicyValue v{f.Text(0), f.Int(1), f.DateAt(2), f.Text(3), f.Text(4)};
  return Checked(f, std::move(v));
}

void WritePolicy(const PolicyValue& v, Values& out) {
  out = {v.key, v.effective_from.ToString(), v.value, v.note, v.region_code};
}

Result<Flag> ReadFlag(const Row& row) {
  Fields f(row, "flags", "id=" + std::to_string(row.Int(0)));
  Flag g;
  g.id = f.Int(0);
  g.kind = f.Text(1);
  g.subject = f.Text(2);
  g.region_code = f.Text(3);
  g.project_code = f.Text(4);
  if (!row.IsNull(5)) g.fund_year = static_cast<int>(f.Int(5));
  if (!row.IsNull(6)) g.fund_source = f.Enum<FundSource>(6, 1, static_cast<int>(FundSource::kOther));
  g.raised_on = f.DateAt(7);
  g.cleared_on = f.OptionalDate(8);
  g.amount = Fen(f.Int(9));
  g.detail = f.Text(10);
  g.status = f.Named(11, ParseFlagStatus, FlagStatus::kOpen);
  g.assignee = f.Text(12);
  g.reason = f.Text(13);
  g.updated_at = f.Text(14);
  g.version = f.Int(15);
  return Checked(f, std::move(g));
}

void WriteFoundFlag(const Flag& f, Values& out) {
  // The column's CHECK (migration 0009) knows 'entry' and 'project'; the text subjects of
  // docs/definitions.md §20 (a payee, "county@YYYY-MM") are keys like an entry id and stored as 'entry'.
  const std::string_view subject_type = FlagSubjectType(f.kind) == "project" ? "project" : "entry";
  out = {f.kind,
         std::string(subject_type),
         f.subject,
         ProvinceCodeOf(f.region_code),
         f.region_code,
         f.project_code,
         f.fund_year ? Value(std::int64_t{*f.fund_year}) : Value(),
         f.fund_source ? EnumValue(*f.fund_source) : Value(),
         f.raised_on.ToString(),
         DateValue(f.cleared_on),
         f.amount.value(),
         f.detail};
}

Result<FlagEvent> ReadFlagEvent(const Row& row) {
  Fields f(row, "flag_events", "flag_id=" + std::to_string(row.Int(0)) + " at=" + std::string(row.Text(1)));
  FlagEvent e{f.Int(0),
              f.Text(1),
              f.Text(2),
              f.Named(3, ParseFlagAction, FlagAction::kAssign),
              f.Named(4, ParseFlagStatus, FlagStatus::kOpen),
              f.Text(5),
              f.Text(6)};
  return Checked(f, std::move(e));
}

Result<Benchmark> ReadBenchmark(const Row& row) {
  Fields f(row, "benchmarks", "indicator=" + std::string(row.Text(0)) + " bench_date=" + std::string(row.Text(1)));
  Benchmark b{f.Named(0, ParseBenchmarkIndicator, BenchmarkIndicator::kStartRate), f.DateAt(1),
              static_cast<std::int32_t>(f.Int(2))};
  return Checked(f, std::move(b));
}

void WriteBenchmark(const Benchmark& b, Values& out) {
  out = {std::string(BenchmarkIndicatorName(b.indicator)), b.date.ToString(), std::int64_t{b.value_bp}};
}

Result<LibraryRecord> ReadLibraryRecord(const Row& row) {
  return LibraryRecord{row.Int(0), std::string(row.Text(1)), std::string(row.Text(2)), std::string(row.Text(3)),
                       row.Int(4), std::string(row.Text(5)), std::string(row.Text(6)), std::string(row.Text(7))};
}

Result<DispatchRecord> ReadDispatchRecord(const Row& row) {
  return DispatchRecord{row.Int(0),
                        std::string(row.Text(1)),
                        std::string(row.Text(2)),
                        std::string(row.Text(3)),
                        row.Int(4),
                        std::string(row.Text(5)),
                        std::string(row.Text(6)),
                        std::string(row.Text(7)),
                        std::string(row.Text(8))};
}

Result<Posting> ReadPosting(const Row& row) {
  Fields f(row, "library_postings", "id=" + std::to_string(row.Int(0)));
  Posting p;
  p.id = f.Int(0);
  p.project_code = f.Text(1);
  p.region_code = f.Text(2);
  p.stage = f.Text(3);
  p.place = f.Text(4);
  p.start = f.DateAt(5);
  p.end = f.DateAt(6);
  p.hotline = f.Text(7);
  p.project_name = f.Text(8);
  p.region_name = f.Text(9);
  p.construction_content = f.Text(10);
  p.total_investment = Fen(f.Int(11));
  p.central_fund = Fen(f.Int(12));
  p.implementing_unit = f.Text(13);
  p.benefit_mechanism = f.Text(14);
  p.households_linked = static_cast<std::int32_t>(f.Int(15));
  p.responsible_person = f.Text(16);
  p.created_by = f.Text(17);
  p.created_at = f.Text(18);
  return Checked(f, std::move(p));
}

void WritePosting(const Posting& p, Values& out) {
  out = {ProvinceCodeOf(p.region_code),
         p.project_code,
         p.region_code,
         p.stage,
         p.place,
         p.start.ToString(),
         p.end.ToString(),
         p.hotline,
         p.project_name,
         p.region_name,
         p.construction_content,
         p.total_investment.value(),
         p.central_fund.value(),
         p.implementing_unit,
         p.benefit_mechanism,
         std::int64_t{p.households_linked},
         p.responsible_person,
         p.created_by,
         p.created_at};
}

Result<UserRecord> ReadUser(const Row& row) {
  Fields f(row, "users", "id=" + std::to_string(row.Int(0)));
  UserRecord u;
  u.id = f.Int(0);
  u.username = f.Text(1);
  u.role = f.Enum<Role>(2, 1, kLastRole);
  u.region_code = f.Text(3);
  u.password_hash = f.Text(4);
  u.disabled = f.Bool(5);
  u.created_at = f.Text(6);
  u.department = f.Text(7);
  return Checked(f, std::move(u));
}

void WriteUser(const UserRecord& u, Values& out) {
  out = {u.username,   EnumValue(u.role), u.region_code, u.password_hash, std::int64_t{u.disabled ? 1 : 0},
         u.created_at, u.department};
}

Result<SessionRecord> ReadSession(const Row& row) {
  return SessionRecord{std::string(row.Text(0)), row.Int(1), std::string(row.Text(2)),
                       std::string(row.Text(3)), row.Int(4), row.Int(5),
                       row.Int(6) != 0};
}

void WriteSession(const SessionRecord& s, Values& out) {
  out = {
      s.token_hash, s.user_id, s.csrf_token, s.address, s.created_at, s.last_seen_at, std::int64_t{s.revoked ? 1 : 0}};
}

Result<ApiTokenRecord> ReadApiToken(const Row& row) {
  Fields f(row, "api_tokens", "id=" + std::to_string(row.Int(0)));
  ApiTokenRecord t;
  t.id = f.Int(0);
  t.token_hash = f.Text(1);
  t.prefix = f.Text(2);
  t.account = f.Text(3);
  t.role = f.Enum<Role>(4, 2, kLastRole);
  t.region_code = f.Text(5);
  t.allowed_ips = f.Text(6);
  t.created_by = f.Text(7);
  t.created_at = f.Text(8);
  t.expires_at = f.Text(9);
  t.revoked_at = f.Text(10);
  t.last_used_at = f.Text(11);
  return Checked(f, std::move(t));
}

void WriteApiToken(const ApiTokenRecord& t, Values& out) {
  out = {t.token_hash, t.prefix,     t.account,    EnumValue(t.role), t.region_code, t.allowed_ips,
         t.created_by, t.created_at, t.expires_at, t.revoked_at,      t.last_used_at};
}

Result<AuditRecord> ReadAudit(const Row& row) {
  AuditRecord a;
  a.seq = row.Int(0);
  a.at = row.Text(1);
  a.actor = row.Text(2);
  a.actor_role = row.Text(3);
  a.address = row.Text(4);
  a.action = row.Text(5);
  a.entity_type = row.Text(6);
  a.entity_id = row.Text(7);
  a.region_code = row.Text(8);
  a.before = row.Text(9);
  a.after = row.Text(10);
  a.prev_hash = row.Text(11);
  a.hash = row.Text(12);
  return a;
}

void WriteAudit(const AuditRecord& a, Values& out) {
  out = {a.seq,       a.at,          a.actor,  a.actor_role, a.address,   a.action, a.entity_type,
         a.entity_id, a.region_code, a.before, a.after,      a.prev_hash, a.hash};
}

}  // namespace xj::sql
