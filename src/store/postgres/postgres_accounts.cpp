// PostgresStore: users, sessions and the audit log (migration 0003_accounts.sql),
// kept statement for statement in step with sqlite_accounts.cpp.
#include "store/postgres/postgres_store.hpp"

namespace xj {
namespace {

constexpr const char kSelectUserByName[] =
    "SELECT id, username, role, region_code, password_hash, disabled, created_at, department FROM users WHERE username "
    "= $1";
constexpr const char kSelectUserById[] =
    "SELECT id, username, role, region_code, password_hash, disabled, created_at, department FROM users WHERE id = $1";
constexpr const char kSelectUsers[] =
    "SELECT id, username, role, region_code, password_hash, disabled, created_at, department FROM users ORDER BY "
    "username";
constexpr const char kInsertUser[] =
    "INSERT INTO users (username, role, region_code, password_hash, disabled, created_at, department) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";

constexpr const char kInsertSession[] =
    "INSERT INTO sessions (token_hash, user_id, csrf_token, address, created_at, last_seen_at, revoked) "
    "VALUES ($1, $2, $3, $4, $5, $6, 0)";
constexpr const char kSelectSession[] =
    "SELECT token_hash, user_id, csrf_token, address, created_at, last_seen_at, revoked FROM sessions "
    "WHERE token_hash = $1";
constexpr const char kTouchSession[] = "UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1";
constexpr const char kRevokeSession[] = "UPDATE sessions SET revoked = 1 WHERE token_hash = $1";
constexpr const char kDeleteStaleSessions[] =
    "DELETE FROM sessions WHERE created_at < $1 OR last_seen_at < $2 OR revoked = 1";

constexpr const char kSelectLastAudit[] =
    "SELECT seq, at, actor, actor_role, address, action, entity_type, entity_id, region_code, before_json, "
    "after_json, prev_hash, hash FROM audit_log ORDER BY seq DESC LIMIT 1";
constexpr const char kSelectAllAudit[] =
    "SELECT seq, at, actor, actor_role, address, action, entity_type, entity_id, region_code, before_json, "
    "after_json, prev_hash, hash FROM audit_log ORDER BY seq";
constexpr const char kInsertAudit[] =
    "INSERT INTO audit_log (seq, at, actor, actor_role, address, action, entity_type, entity_id, region_code, "
    "before_json, after_json, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)";
// Every filter is a bound parameter; an empty string (or NULL for the region list) means "any".
#define XJ_AUDIT_WHERE                                                                                \
  " WHERE ($1::text = '' OR entity_type = $1) AND ($2::text = '' OR entity_id = $2) "                 \
  "AND ($3::text = '' OR actor = $3) AND ($4::text = '' OR at >= $4) AND ($5::text = '' OR at < $5) " \
  "AND ($6::text[] IS NULL OR region_code = ANY ($6::text[]))"
constexpr const char kQueryAudit[] =
    "SELECT seq, at, actor, actor_role, address, action, entity_type, entity_id, region_code, before_json, "
    "after_json, prev_hash, hash FROM audit_log" XJ_AUDIT_WHERE " ORDER BY seq DESC LIMIT $7 OFFSET $8";
constexpr const char kCountAudit[] = "SELECT COUNT(*) FROM audit_log" XJ_AUDIT_WHERE;
#undef XJ_AUDIT_WHERE

UserRecord ReadUser(const pg::Rows& r, int i) {
  UserRecord u;
  u.id = r.Int(i, 0);
  u.username = r.Text(i, 1);
  u.role = static_cast<Role>(r.Int(i, 2));
  u.region_code = r.Text(i, 3);
  u.password_hash = r.Text(i, 4);
  u.disabled = r.Int(i, 5) != 0;
  u.created_at = r.Text(i, 6);
  u.department = r.Text(i, 7);
  return u;
}

AuditRecord ReadAudit(const pg::Rows& r, int i) {
  AuditRecord a;
  a.seq = r.Int(i, 0);
  a.at = r.Text(i, 1);
  a.actor = r.Text(i, 2);
  a.actor_role = r.Text(i, 3);
  a.address = r.Text(i, 4);
  a.action = r.Text(i, 5);
  a.entity_type = r.Text(i, 6);
  a.entity_id = r.Text(i, 7);
  a.region_code = r.Text(i, 8);
  a.before = r.Text(i, 9);
  a.after = r.Text(i, 10);
  a.prev_hash = r.Text(i, 11);
  a.hash = r.Text(i, 12);
  return a;
}

/// $1…$6 of the audit filters. Region codes are digits only; the array literal needs no quoting.
pg::Params AuditFilters(const AuditQuery& q) {
  pg::Params p = {q.entity_type, q.entity_id, q.actor, q.from, q.to, std::nullopt};
  if (q.region_codes) {
    std::string array = "{";
    for (std::size_t i = 0; i < q.region_codes->size(); ++i) array += (i ? "," : "") + (*q.region_codes)[i];
    p[5] = array + "}";
  }
  return p;
}

}  // namespace

Result<std::optional<UserRecord>> PostgresStore::FindUserByName(std::string_view username) {
  XJ_ASSIGN_OR_RETURN(ConnRef c, Connection());
  XJ_ASSIGN_OR_RETURN(pg::Rows rows, c->Query(kSelectUserByName, {std::string(username)}));
  if (rows.size() == 0) return std::optional<UserRecord>();
  return std::optional<UserRecord>(ReadUser(rows, 0));
}

Result<std::optional<UserRecord>> PostgresStore::FindUserById(std::int64_t id) {
  XJ_ASSIGN_OR_RETURN(ConnRef c, Connection());
  XJ_ASSIGN_OR_RETURN(pg::Rows rows, c->Query(kSelectUserById, {std::to_string(id)}));
  if (rows.size() == 0) return std::optional<UserRecord>();
  return std::optional<UserRecord>(ReadUser(rows, 0));
}

Result<std::int64_t> PostgresStore::InsertUser(const UserRecord& u) {
  std::int64_t id = 0;
  Status s = InTx(
      [&](pg::Conn& c) -> Status {
        XJ_ASSIGN_OR_RETURN(
            pg::Rows rows, c.Query(kInsertUser, {u.username, std::to_string(static_cast<int>(u.role)), u.region_code,
                                                 u.password_hash, u.disabled ? "1" : "0", u.created_at, u.department}));
        id = rows.Int(0, 0);
        return Status::Ok();
      },
      true);
  if (!s.ok()) return s;
  return id;
}

Result<std::vector<UserRecord>> PostgresStore::ListUsers() {
  XJ_ASSIGN_OR_RETURN(ConnRef c, Connection());
  XJ_ASSIGN_OR_RETURN(pg::Rows rows, c->Query(kSelectUsers));
  std::vector<UserRecord> out;
  for (int i = 0; i < rows.size(); ++i) out.push_back(ReadUser(rows, i));
  return out;
}

Status PostgresStore::InsertSession(const SessionRecord& s) {
  return InTx(
      [&](pg::Conn& c) {
        return c
            .Query(kInsertSession, {s.token_hash, std::to_string(s.user_id), s.csrf_token, s.address,
                                    std::to_string(s.created_at), std::to_string(s.last_seen_at)})
            .status();
      },
      true);
}

Result<std::optional<SessionRecord>> PostgresStore::FindSession(std::string_view token_hash) {
  XJ_ASSIGN_OR_RETURN(ConnRef c, Connection());
  XJ_ASSIGN_OR_RETURN(pg::Rows r, c->Query(kSelectSession, {std::string(token_hash)}));
  if (r.size() == 0) return std::optional<SessionRecord>();
  return std::optional<SessionRecord>(
      SessionRecord{r.Text(0, 0), r.Int(0, 1), r.Text(0, 2), r.Text(0, 3), r.Int(0, 4), r.Int(0, 5), r.Int(0, 6) != 0});
}

Status PostgresStore::TouchSession(std::string_view token_hash, std::int64_t last_seen_at) {
  return InTx(
      [&](pg::Conn& c) {
        return c.Query(kTouchSession, {std::string(token_hash), std::to_string(last_seen_at)}).status();
      },
      true);
}

Status PostgresStore::RevokeSession(std::string_view token_hash) {
  return InTx([&](pg::Conn& c) { return c.Query(kRevokeSession, {std::string(token_hash)}).status(); }, true);
}

Status PostgresStore::DeleteStaleSessions(std::int64_t created_before, std::int64_t seen_before) {
  return InTx(
      [&](pg::Conn& c) {
        return c.Query(kDeleteStaleSessions, {std::to_string(created_before), std::to_string(seen_before)}).status();
      },
      true);
}

Result<std::optional<AuditRecord>> PostgresStore::LastAudit() {
  XJ_ASSIGN_OR_RETURN(ConnRef c, Connection());
  XJ_ASSIGN_OR_RETURN(pg::Rows rows, c->Query(kSelectLastAudit));
  if (rows.size() == 0) return std::optional<AuditRecord>();
  return std::optional<AuditRecord>(ReadAudit(rows, 0));
}

Status PostgresStore::AppendAudit(const AuditRecord& a) {
  return InTx(
      [&](pg::Conn& c) {
        return c
            .Query(kInsertAudit, {std::to_string(a.seq), a.at, a.actor, a.actor_role, a.address, a.action,
                                  a.entity_type, a.entity_id, a.region_code, a.before, a.after, a.prev_hash, a.hash})
            .status();
      },
      true);
}

Status PostgresStore::ScanAudit(const std::function<Status(const AuditRecord&)>& fn) {
  XJ_ASSIGN_OR_RETURN(ConnRef c, Connection());
  return c->Stream(kSelectAllAudit, {}, [&](const pg::Rows& row) { return fn(ReadAudit(row, 0)); });
}

Result<AuditPage> PostgresStore::QueryAudit(const AuditQuery& q) {
  XJ_ASSIGN_OR_RETURN(ConnRef c, Connection());
  AuditPage page;
  pg::Params params = AuditFilters(q);
  XJ_ASSIGN_OR_RETURN(pg::Rows count, c->Query(kCountAudit, params));
  page.total = count.Int(0, 0);
  params.push_back(std::to_string(q.limit));
  params.push_back(std::to_string(q.offset));
  XJ_ASSIGN_OR_RETURN(pg::Rows rows, c->Query(kQueryAudit, params));
  for (int i = 0; i < rows.size(); ++i) page.items.push_back(ReadAudit(rows, i));
  return page;
}

}  // namespace xj
