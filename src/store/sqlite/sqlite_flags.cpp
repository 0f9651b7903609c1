// Flags as work items (问题预警) and the project money the over_arranged check reads (SQLite).
#include "store/sqlite/sqlite_store.hpp"

namespace xj {
namespace {

constexpr const char kUpsertRaisedFlag[] = R"sql(
INSERT INTO flags (kind, subject_type, subject, province_code, region_code, project_code, fund_year, fund_source,
                   raised_on, cleared_on, amount_fen, detail, status, updated_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 'open', ?13)
ON CONFLICT (kind, subject) DO UPDATE SET amount_fen = excluded.amount_fen, detail = excluded.detail,
  cleared_on = excluded.cleared_on, updated_at = excluded.updated_at
)sql";
constexpr const char kInsertFlag[] = R"sql(
INSERT INTO flags (kind, subject_type, subject, province_code, region_code, project_code, fund_year, fund_source,
                   raised_on, cleared_on, amount_fen, detail, status, assignee, reason, updated_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)
)sql";
constexpr const char kSelectFlags[] = R"sql(
SELECT id, kind, subject, region_code, project_code, fund_year, fund_source, raised_on, cleared_on, amount_fen,
  detail, status, assignee, reason, updated_at, version
FROM flags WHERE (?1 IS NULL OR id = ?1) AND (?2 IS NULL OR kind = ?2) AND (?3 IS NULL OR subject = ?3)
ORDER BY id
)sql";
constexpr const char kUpdateFlagState[] =
    "UPDATE flags SET status = ?2, assignee = ?3, reason = ?4, amount_fen = ?5, detail = ?6, updated_at = ?7, "
    "version = version + 1 WHERE id = ?1 AND version = ?8";
constexpr const char kInsertFlagEvent[] =
    "INSERT INTO flag_events (flag_id, province_code, at, actor, action, status, assignee, reason) "
    "VALUES (?1, (SELECT province_code FROM flags WHERE id = ?1), ?2, ?3, ?4, ?5, ?6, ?7)";
constexpr const char kSelectFlagEvents[] =
    "SELECT flag_id, at, actor, action, status, assignee, reason FROM flag_events WHERE flag_id = ?1 ORDER BY id";
constexpr const char kSelectProjectMoney[] = R"sql(
SELECT SUM(CASE WHEN effective_kind = 1 THEN sign * amount_fen ELSE 0 END),
  SUM(CASE WHEN effective_kind = 3 THEN sign * amount_fen ELSE 0 END),
  SUM(CASE WHEN effective_kind = 1 THEN 1 ELSE 0 END), COUNT(*)
FROM ledger_entries WHERE project_code = ?1
)sql";

std::optional<std::string> DateOrNull(const std::optional<Date>& d) {
  return d ? std::optional<std::string>(d->ToString()) : std::nullopt;
}

/// Binds ?1 … ?12 of an insert: the flag's identity and what was found.
void BindFound(sqlite::Stmt& st, const Flag& f) {
  st.Bind(1, f.kind)
      .Bind(2, FlagSubjectType(f.kind))
      .Bind(3, f.subject)
      .Bind(4, ProvinceCodeOf(f.region_code))
      .Bind(5, f.region_code)
      .Bind(6, f.project_code)
      .Bind(7, f.fund_year ? std::optional<std::int64_t>(*f.fund_year) : std::nullopt)
      .Bind(8, f.fund_source ? std::optional<std::int64_t>(static_cast<int>(*f.fund_source)) : std::nullopt)
      .Bind(9, f.raised_on.ToString())
      .Bind(10, DateOrNull(f.cleared_on))
      .Bind(11, f.amount.value())
      .Bind(12, f.detail);
}

Result<Flag> ReadFlag(const sqlite::Stmt& st) {
  Flag f;
  f.id = st.Int(0);
  f.kind = st.Text(1);
  f.subject = st.Text(2);
  f.region_code = st.Text(3);
  f.project_code = st.Text(4);
  if (!st.IsNull(5)) f.fund_year = static_cast<int>(st.Int(5));
  if (!st.IsNull(6)) f.fund_source = static_cast<FundSource>(st.Int(6));
  auto raised = Date::Parse(st.Text(7));
  if (!raised.ok()) return Status::Internal("预警日期已损坏：" + st.Text(7));
  f.raised_on = *raised;
  if (!st.IsNull(8)) {
    auto cleared = Date::Parse(st.Text(8));
    if (!cleared.ok()) return Status::Internal("预警日期已损坏：" + st.Text(8));
    f.cleared_on = *cleared;
  }
  f.amount = Fen(st.Int(9));
  f.detail = st.Text(10);
  auto status = ParseFlagStatus(st.Text(11));
  if (!status) return Status::Internal("预警状态已损坏：" + st.Text(11));
  f.status = *status;
  f.assignee = st.Text(12);
  f.reason = st.Text(13);
  f.updated_at = st.Text(14);
  f.version = st.Int(15);
  return f;
}

}  // namespace

Status SqliteStore::UpsertRaisedFlags(const std::vector<Flag>& flags, const std::string& at) {
  return InTx([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kUpsertRaisedFlag));
    for (const Flag& f : flags) {
      st->Reset();
      BindFound(*st, f);
      st->Bind(13, at);
      XJ_RETURN_IF_ERROR(st->Run());
    }
    return Status::Ok();
  });
}

Result<std::vector<Flag>> SqliteStore::FindFlags(const FlagFilter& filter) {
  std::lock_guard lock(mu_);
  XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kSelectFlags));
  st->Bind(1, filter.id).Bind(2, filter.kind).Bind(3, filter.subject);
  std::vector<Flag> out;
  for (;;) {
    XJ_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    XJ_ASSIGN_OR_RETURN(Flag f, ReadFlag(*st));
    out.push_back(std::move(f));
  }
  st->Reset();
  return out;
}

Result<std::int64_t> SqliteStore::InsertFlag(const Flag& f) {
  std::int64_t id = 0;
  XJ_RETURN_IF_ERROR(InTx([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kInsertFlag));
    BindFound(*st, f);
    st->Bind(13, FlagStatusName(f.status)).Bind(14, f.assignee).Bind(15, f.reason).Bind(16, f.updated_at);
    XJ_RETURN_IF_ERROR(st->Run());
    id = db_->LastInsertRowid();
    return Status::Ok();
  }));
  return id;
}

Status SqliteStore::UpdateFlagState(const Flag& f, std::int64_t expected_version) {
  return InTx([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kUpdateFlagState));
    st->Bind(1, f.id)
        .Bind(2, FlagStatusName(f.status))
        .Bind(3, f.assignee)
        .Bind(4, f.reason)
        .Bind(5, f.amount.value())
        .Bind(6, f.detail)
        .Bind(7, f.updated_at)
        .Bind(8, expected_version);
    XJ_RETURN_IF_ERROR(st->Run());
    if (db_->Changes() == 0) return Status::Conflict("预警已被他人处理（版本不符），请刷新后重试");
    return Status::Ok();
  });
}

Status SqliteStore::AppendFlagEvent(const FlagEvent& e) {
  return InTx([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kInsertFlagEvent));
    st->Bind(1, e.flag_id)
        .Bind(2, e.at)
        .Bind(3, e.actor)
        .Bind(4, FlagActionName(e.action))
        .Bind(5, FlagStatusName(e.status))
        .Bind(6, e.assignee)
        .Bind(7, e.reason);
    return st->Run();
  });
}

Result<std::vector<FlagEvent>> SqliteStore::FlagEvents(std::int64_t flag_id) {
  std::lock_guard lock(mu_);
  XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kSelectFlagEvents));
  st->Bind(1, flag_id);
  std::vector<FlagEvent> out;
  for (;;) {
    XJ_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    auto action = ParseFlagAction(st->Text(3));
    auto status = ParseFlagStatus(st->Text(4));
    if (!action || !status) return Status::Internal("预警处理记录已损坏");
    out.push_back({st->Int(0), st->Text(1), st->Text(2), *action, *status, st->Text(5), st->Text(6)});
  }
  st->Reset();
  return out;
}

Result<std::vector<ProjectMoney>> SqliteStore::ProjectMoneyOf(const std::vector<std::string>& codes) {
  std::lock_guard lock(mu_);
  XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kSelectProjectMoney));
  std::vector<ProjectMoney> out;
  for (const std::string& code : codes) {
    st->Reset().Bind(1, code);
    XJ_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row || st->Int(3) == 0) continue;
    out.push_back({code, Fen(st->Int(0)), Fen(st->Int(1)), st->Int(2) > 0});
  }
  st->Reset();
  return out;
}

}  // namespace xj
