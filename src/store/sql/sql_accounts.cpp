// SqlStore: users, sessions and the hash-chained audit log (migration 0003_accounts.sql).
#include "store/sql/entities.hpp"
#include "store/sql/sql_store.hpp"

namespace xj::sql {
namespace {

const std::string kSelectUserByName = Concat({"SELECT ", kUserColumns, " FROM users WHERE username = $1"});
const std::string kSelectUserById = Concat({"SELECT ", kUserColumns, " FROM users WHERE id = $1"});
const std::string kSelectUsers = Concat({"SELECT ", kUserColumns, " FROM users ORDER BY username"});
constexpr const char kInsertUser[] =
    "INSERT INTO users (username, role, region_code, password_hash, disabled, created_at, department) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";

const std::string kInsertSession = Concat({"INSERT INTO sessions (", kSessionColumns, ") VALUES (", Params(7), ")"});
const std::string kSelectSession = Concat({"SELECT ", kSessionColumns, " FROM sessions WHERE token_hash = $1"});
constexpr const char kTouchSession[] = "UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1";
constexpr const char kRevokeSession[] = "UPDATE sessions SET revoked = 1 WHERE token_hash = $1";
constexpr const char kUpdateUser[] =
    "UPDATE users SET role = $2, region_code = $3, department = $4, disabled = $5, password_hash = $6 WHERE id = $1";
constexpr const char kRevokeUserSessions[] =
    "UPDATE sessions SET revoked = 1 WHERE user_id = $1 AND revoked = 0 AND token_hash <> $2";
constexpr const char kDeleteStaleSessions[] =
    "DELETE FROM sessions WHERE created_at < $1 OR last_seen_at < $2 OR revoked = 1";

const std::string kSelectLastAudit = Concat({"SELECT ", kAuditColumns, " FROM audit_log ORDER BY seq DESC LIMIT 1"});
const std::string kSelectAllAudit = Concat({"SELECT ", kAuditColumns, " FROM audit_log ORDER BY seq"});
const std::string kInsertAudit =
    Concat({"INSERT INTO audit_log (", kAuditColumns, ") VALUES (", Params(kAuditColumnCount), ")"});
// Every filter is a bound parameter; an empty text (or NULL for the region list, 0 for the seq
// bound) means "any". $1/$2 = type:id, $3 = a plain key, $4 = actor, $5/$6 = at bounds, $7 = the
// region list, $8 = the key as a JSON string ("key"), $9 = ":key", $10 = the seq bound.
std::string AuditWhere(Dialect d) {
  const std::string by_pair =
      "(CAST($1 AS TEXT) <> '' AND entity_type = $1 AND (CAST($2 AS TEXT) = '' OR entity_id = $2))";
  const std::string by_key =
      "(CAST($3 AS TEXT) <> '' AND (entity_type = $3 OR entity_id = $3 "
      "OR (length(entity_id) > length(CAST($9 AS TEXT)) "
      "AND substr(entity_id, length(entity_id) - length(CAST($9 AS TEXT)) + 1) = CAST($9 AS TEXT)) "
      "OR (entity_type LIKE '%!_batch' ESCAPE '!' AND " +
      Position("after_json", "CAST($8 AS TEXT)", d) + " > 0)))";
  return " WHERE ((CAST($1 AS TEXT) = '' AND CAST($3 AS TEXT) = '') OR " + by_pair + " OR " + by_key +
         ") AND (CAST($4 AS TEXT) = '' OR actor = $4) AND (CAST($5 AS TEXT) = '' OR at >= $5) "
         "AND (CAST($6 AS TEXT) = '' OR at < $6) AND (" +
         ListIsNull("$7", d) + " OR " + InList("region_code", "$7", d) + ") AND (CAST($10 AS BIGINT) = 0 OR seq < $10)";
}
const DialectSql kQueryAudit([](Dialect d) {
  return Concat(
      {"SELECT ", kAuditColumns, " FROM audit_log", AuditWhere(d), " ORDER BY seq DESC LIMIT $11 OFFSET $12"});
});
const DialectSql kCountAudit([](Dialect d) { return "SELECT COUNT(*) FROM audit_log" + AuditWhere(d); });

Values AuditFilters(const AuditQuery& q, Dialect d) {
  const std::string quoted = q.key.empty() ? std::string() : q.key_json;
  const std::string suffix = q.key.empty() ? std::string() : ":" + q.key;
  Values v = {q.entity_type, q.entity_id, q.key, q.actor, q.from, q.to, std::monostate{}, quoted, suffix, q.below_seq};
  if (q.region_codes) v[6] = ListValue(*q.region_codes, d);
  return v;
}

/// The one row `sql` returns, or nullopt.
template <typename T, typename Reader>
Status FindOne(Conn& c, const char* sql, const Values& params, Reader read, std::optional<T>& out) {
  return c.Query(sql, params, [&](const Row& row) -> Status {
    XJ_ASSIGN_OR_RETURN(T value, read(row));
    out = std::move(value);
    return Status::Ok();
  });
}

}  // namespace

Result<std::optional<UserRecord>> SqlStore::FindUserByName(std::string_view username) {
  std::optional<UserRecord> out;
  XJ_RETURN_IF_ERROR(
      Read([&](Conn& c) { return FindOne(c, kSelectUserByName.c_str(), {std::string(username)}, ReadUser, out); }));
  return out;
}

Result<std::optional<UserRecord>> SqlStore::FindUserById(std::int64_t id) {
  std::optional<UserRecord> out;
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) { return FindOne(c, kSelectUserById.c_str(), {id}, ReadUser, out); }));
  return out;
}

Result<std::int64_t> SqlStore::InsertUser(const UserRecord& u) {
  std::int64_t id = 0;
  XJ_RETURN_IF_ERROR(Write([&](Conn& c) {
    Values v;
    WriteUser(u, v);
    return c.Query(kInsertUser, v, [&](const Row& row) {
      id = row.Int(0);
      return Status::Ok();
    });
  }));
  return id;
}

Result<std::vector<UserRecord>> SqlStore::ListUsers() {
  std::vector<UserRecord> out;
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) { return CollectRows(c, kSelectUsers.c_str(), {}, ReadUser, out); }));
  return out;
}

Status SqlStore::InsertSession(const SessionRecord& s) {
  return Write([&](Conn& c) {
    Values v;
    WriteSession(s, v);
    return c.Exec(kInsertSession.c_str(), v).status();
  });
}

Result<std::optional<SessionRecord>> SqlStore::FindSession(std::string_view token_hash) {
  std::optional<SessionRecord> out;
  XJ_RETURN_IF_ERROR(
      Read([&](Conn& c) { return FindOne(c, kSelectSession.c_str(), {std::string(token_hash)}, ReadSession, out); }));
  return out;
}

Status SqlStore::TouchSession(std::string_view token_hash, std::int64_t last_seen_at) {
  return Write([&](Conn& c) { return c.Exec(kTouchSession, {std::string(token_hash), last_seen_at}).status(); });
}

Status SqlStore::RevokeSession(std::string_view token_hash) {
  return Write([&](Conn& c) { return c.Exec(kRevokeSession, {std::string(token_hash)}).status(); });
}

Status SqlStore::UpdateUser(const UserRecord& u) {
  return Write([&](Conn& c) -> Status {
    XJ_ASSIGN_OR_RETURN(std::int64_t changed, c.Exec(kUpdateUser, {u.id, EnumValue(u.role), u.region_code, u.department,
                                                                   std::int64_t{u.disabled ? 1 : 0}, u.password_hash}));
    if (changed == 0) return Status::NotFound("账户不存在：" + std::to_string(u.id));
    return Status::Ok();
  });
}

Result<std::int64_t> SqlStore::RevokeUserSessions(std::int64_t user_id, std::string_view keep_token_hash) {
  std::int64_t revoked = 0;
  XJ_RETURN_IF_ERROR(Write([&](Conn& c) -> Status {
    XJ_ASSIGN_OR_RETURN(revoked, c.Exec(kRevokeUserSessions, {user_id, std::string(keep_token_hash)}));
    return Status::Ok();
  }));
  return revoked;
}

Status SqlStore::DeleteStaleSessions(std::int64_t created_before, std::int64_t seen_before) {
  return Write([&](Conn& c) { return c.Exec(kDeleteStaleSessions, {created_before, seen_before}).status(); });
}

Result<std::optional<AuditRecord>> SqlStore::LastAudit() {
  std::optional<AuditRecord> out;
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) { return FindOne(c, kSelectLastAudit.c_str(), {}, ReadAudit, out); }));
  return out;
}

Status SqlStore::AppendAudit(const AuditRecord& a) {
  return Write([&](Conn& c) {
    Values v;
    WriteAudit(a, v);
    return c.Exec(kInsertAudit.c_str(), v).status();
  });
}

Status SqlStore::ScanAudit(const std::function<Status(const AuditRecord&)>& fn) {
  return Read([&](Conn& c) {
    return c.Stream(kSelectAllAudit, {}, [&](const Row& row) -> Status {
      XJ_ASSIGN_OR_RETURN(AuditRecord a, ReadAudit(row));
      return fn(a);
    });
  });
}

Result<AuditPage> SqlStore::QueryAudit(const AuditQuery& q) {
  AuditPage page;
  Values params = AuditFilters(q, d_);
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) -> Status {
    if (q.with_total) {
      XJ_RETURN_IF_ERROR(c.Query(kCountAudit(d_), params, [&](const Row& row) {
        page.total = row.Int(0);
        return Status::Ok();
      }));
    }
    params.emplace_back(std::int64_t{q.limit});
    params.emplace_back(std::int64_t{q.offset});
    return CollectRows(c, kQueryAudit(d_), params, ReadAudit, page.items);
  }));
  return page;
}

}  // namespace xj::sql
