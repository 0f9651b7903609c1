// SqliteStore: users, sessions and the audit log (migration 0003_accounts.sql).
#include "store/sqlite/sqlite_store.hpp"

namespace xj {
namespace {

constexpr const char kSelectUserByName[] =
    "SELECT id, username, role, region_code, password_hash, disabled, created_at, department FROM users WHERE username "
    "= ?1";
constexpr const char kSelectUserById[] =
    "SELECT id, username, role, region_code, password_hash, disabled, created_at, department FROM users WHERE id = ?1";
constexpr const char kSelectUsers[] =
    "SELECT id, username, role, region_code, password_hash, disabled, created_at, department FROM users ORDER BY "
    "username";
constexpr const char kInsertUser[] =
    "INSERT INTO users (username, role, region_code, password_hash, disabled, created_at, department) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

constexpr const char kInsertSession[] =
    "INSERT INTO sessions (token_hash, user_id, csrf_token, address, created_at, last_seen_at, revoked) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0)";
constexpr const char kSelectSession[] =
    "SELECT token_hash, user_id, csrf_token, address, created_at, last_seen_at, revoked FROM sessions "
    "WHERE token_hash = ?1";
constexpr const char kTouchSession[] = "UPDATE sessions SET last_seen_at = ?2 WHERE token_hash = ?1";
constexpr const char kRevokeSession[] = "UPDATE sessions SET revoked = 1 WHERE token_hash = ?1";
constexpr const char kDeleteStaleSessions[] =
    "DELETE FROM sessions WHERE created_at < ?1 OR last_seen_at < ?2 OR revoked = 1";

constexpr const char kSelectLastAudit[] =
    "SELECT seq, at, actor, actor_role, address, action, entity_type, entity_id, region_code, before_json, "
    "after_json, prev_hash, hash FROM audit_log ORDER BY seq DESC LIMIT 1";
constexpr const char kSelectAllAudit[] =
    "SELECT seq, at, actor, actor_role, address, action, entity_type, entity_id, region_code, before_json, "
    "after_json, prev_hash, hash FROM audit_log ORDER BY seq";
constexpr const char kInsertAudit[] =
    "INSERT INTO audit_log (seq, at, actor, actor_role, address, action, entity_type, entity_id, region_code, "
    "before_json, after_json, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
// Every filter is a bound parameter; an empty string (or NULL for the region list) means "any".
// ?6 is ",code1,code2,…," — region codes are digits only, so the comma framing is exact.
#define XJ_AUDIT_WHERE                                                                                \
  " WHERE (?1 = '' OR entity_type = ?1) AND (?2 = '' OR entity_id = ?2) AND (?3 = '' OR actor = ?3) " \
  "AND (?4 = '' OR at >= ?4) AND (?5 = '' OR at < ?5) "                                               \
  "AND (?6 IS NULL OR instr(?6, ',' || region_code || ',') > 0)"
constexpr const char kQueryAudit[] =
    "SELECT seq, at, actor, actor_role, address, action, entity_type, entity_id, region_code, before_json, "
    "after_json, prev_hash, hash FROM audit_log" XJ_AUDIT_WHERE " ORDER BY seq DESC LIMIT ?7 OFFSET ?8";
constexpr const char kCountAudit[] = "SELECT COUNT(*) FROM audit_log" XJ_AUDIT_WHERE;
#undef XJ_AUDIT_WHERE

UserRecord ReadUser(const sqlite::Stmt& s) {
  UserRecord u;
  u.id = s.Int(0);
  u.username = s.Text(1);
  u.role = static_cast<Role>(s.Int(2));
  u.region_code = s.Text(3);
  u.password_hash = s.Text(4);
  u.disabled = s.Int(5) != 0;
  u.created_at = s.Text(6);
  u.department = s.Text(7);
  return u;
}

AuditRecord ReadAudit(const sqlite::Stmt& s) {
  AuditRecord a;
  a.seq = s.Int(0);
  a.at = s.Text(1);
  a.actor = s.Text(2);
  a.actor_role = s.Text(3);
  a.address = s.Text(4);
  a.action = s.Text(5);
  a.entity_type = s.Text(6);
  a.entity_id = s.Text(7);
  a.region_code = s.Text(8);
  a.before = s.Text(9);
  a.after = s.Text(10);
  a.prev_hash = s.Text(11);
  a.hash = s.Text(12);
  return a;
}

void BindAuditFilters(sqlite::Stmt& st, const AuditQuery& q) {
  st.Bind(1, q.entity_type).Bind(2, q.entity_id).Bind(3, q.actor).Bind(4, q.from).Bind(5, q.to);
  if (q.region_codes) {
    std::string framed = ",";
    for (const std::string& c : *q.region_codes) framed += c + ",";
    st.Bind(6, framed);
  } else {
    st.BindNull(6);
  }
}

}  // namespace

Result<std::optional<UserRecord>> SqliteStore::FindUserByName(std::string_view username) {
  std::lock_guard lock(mu_);
  XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kSelectUserByName));
  st->Bind(1, username);
  XJ_ASSIGN_OR_RETURN(bool row, st->Step());
  std::optional<UserRecord> out;
  if (row) out = ReadUser(*st);
  st->Reset();
  return out;
}

Result<std::optional<UserRecord>> SqliteStore::FindUserById(std::int64_t id) {
  std::lock_guard lock(mu_);
  XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kSelectUserById));
  st->Bind(1, id);
  XJ_ASSIGN_OR_RETURN(bool row, st->Step());
  std::optional<UserRecord> out;
  if (row) out = ReadUser(*st);
  st->Reset();
  return out;
}

Result<std::int64_t> SqliteStore::InsertUser(const UserRecord& u) {
  std::int64_t id = 0;
  Status s = InTx([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kInsertUser));
    st->Bind(1, u.username)
        .Bind(2, std::int64_t{static_cast<int>(u.role)})
        .Bind(3, u.region_code)
        .Bind(4, u.password_hash)
        .Bind(5, std::int64_t{u.disabled ? 1 : 0})
        .Bind(6, u.created_at)
        .Bind(7, u.department);
    XJ_RETURN_IF_ERROR(st->Run());
    id = db_->LastInsertRowid();
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return id;
}

Result<std::vector<UserRecord>> SqliteStore::ListUsers() {
  std::lock_guard lock(mu_);
  XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kSelectUsers));
  std::vector<UserRecord> out;
  for (;;) {
    XJ_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return out;
    out.push_back(ReadUser(*st));
  }
}

Status SqliteStore::InsertSession(const SessionRecord& s) {
  return InTx([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kInsertSession));
    st->Bind(1, s.token_hash)
        .Bind(2, s.user_id)
        .Bind(3, s.csrf_token)
        .Bind(4, s.address)
        .Bind(5, s.created_at)
        .Bind(6, s.last_seen_at);
    return st->Run();
  });
}

Result<std::optional<SessionRecord>> SqliteStore::FindSession(std::string_view token_hash) {
  std::lock_guard lock(mu_);
  XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kSelectSession));
  st->Bind(1, token_hash);
  XJ_ASSIGN_OR_RETURN(bool row, st->Step());
  std::optional<SessionRecord> out;
  if (row) {
    out = SessionRecord{st->Text(0), st->Int(1), st->Text(2), st->Text(3), st->Int(4), st->Int(5), st->Int(6) != 0};
  }
  st->Reset();
  return out;
}

Status SqliteStore::TouchSession(std::string_view token_hash, std::int64_t last_seen_at) {
  return InTx([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kTouchSession));
    st->Bind(1, token_hash).Bind(2, last_seen_at);
    return st->Run();
  });
}

Status SqliteStore::RevokeSession(std::string_view token_hash) {
  return InTx([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kRevokeSession));
    st->Bind(1, token_hash);
    return st->Run();
  });
}

Status SqliteStore::DeleteStaleSessions(std::int64_t created_before, std::int64_t seen_before) {
  return InTx([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kDeleteStaleSessions));
    st->Bind(1, created_before).Bind(2, seen_before);
    return st->Run();
  });
}

Result<std::optional<AuditRecord>> SqliteStore::LastAudit() {
  std::lock_guard lock(mu_);
  XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kSelectLastAudit));
  XJ_ASSIGN_OR_RETURN(bool row, st->Step());
  std::optional<AuditRecord> out;
  if (row) out = ReadAudit(*st);
  st->Reset();
  return out;
}

Status SqliteStore::AppendAudit(const AuditRecord& a) {
  return InTx([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kInsertAudit));
    st->Bind(1, a.seq)
        .Bind(2, a.at)
        .Bind(3, a.actor)
        .Bind(4, a.actor_role)
        .Bind(5, a.address)
        .Bind(6, a.action)
        .Bind(7, a.entity_type)
        .Bind(8, a.entity_id)
        .Bind(9, a.region_code)
        .Bind(10, a.before)
        .Bind(11, a.after)
        .Bind(12, a.prev_hash)
        .Bind(13, a.hash);
    return st->Run();
  });
}

Status SqliteStore::ScanAudit(const std::function<Status(const AuditRecord&)>& fn) {
  std::lock_guard lock(mu_);
  XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kSelectAllAudit));
  for (;;) {
    XJ_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return Status::Ok();
    Status s = fn(ReadAudit(*st));
    if (!s.ok()) {
      st->Reset();
      return s;
    }
  }
}

Result<AuditPage> SqliteStore::QueryAudit(const AuditQuery& q) {
  std::lock_guard lock(mu_);
  AuditPage page;
  XJ_ASSIGN_OR_RETURN(sqlite::Stmt * count, db_->Prepare(kCountAudit));
  BindAuditFilters(*count, q);
  XJ_ASSIGN_OR_RETURN(bool has, count->Step());
  if (has) page.total = count->Int(0);
  count->Reset();
  XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kQueryAudit));
  BindAuditFilters(*st, q);
  st->Bind(7, std::int64_t{q.limit}).Bind(8, std::int64_t{q.offset});
  for (;;) {
    XJ_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return page;
    page.items.push_back(ReadAudit(*st));
  }
}

}  // namespace xj
