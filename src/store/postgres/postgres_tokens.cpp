// PostgresStore: API tokens of service accounts (migration 0010_api_tokens.sql), kept
// statement for statement in step with sqlite_tokens.cpp.
#include "store/postgres/postgres_store.hpp"

namespace xj {
namespace {

#define XJ_TOKEN_COLUMNS                                                                                  \
  "id, token_hash, prefix, account, role, region_code, allowed_ips, created_by, created_at, expires_at, " \
  "revoked_at, last_used_at"
constexpr const char kInsertToken[] =
    "INSERT INTO api_tokens (token_hash, prefix, account, role, region_code, allowed_ips, created_by, created_at, "
    "expires_at, revoked_at, last_used_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, '', '') RETURNING id";
constexpr const char kSelectTokenByHash[] = "SELECT " XJ_TOKEN_COLUMNS " FROM api_tokens WHERE token_hash = $1";
constexpr const char kSelectTokens[] = "SELECT " XJ_TOKEN_COLUMNS " FROM api_tokens ORDER BY id DESC";
constexpr const char kRevokeToken[] = "UPDATE api_tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at = ''";
constexpr const char kTouchToken[] = "UPDATE api_tokens SET last_used_at = $2 WHERE id = $1";
#undef XJ_TOKEN_COLUMNS

ApiTokenRecord ReadToken(const pg::Rows& r, int i) {
  ApiTokenRecord t;
  t.id = r.Int(i, 0);
  t.token_hash = r.Text(i, 1);
  t.prefix = r.Text(i, 2);
  t.account = r.Text(i, 3);
  t.role = static_cast<Role>(r.Int(i, 4));
  t.region_code = r.Text(i, 5);
  t.allowed_ips = r.Text(i, 6);
  t.created_by = r.Text(i, 7);
  t.created_at = r.Text(i, 8);
  t.expires_at = r.Text(i, 9);
  t.revoked_at = r.Text(i, 10);
  t.last_used_at = r.Text(i, 11);
  return t;
}

}  // namespace

Result<std::int64_t> PostgresStore::InsertApiToken(const ApiTokenRecord& t) {
  std::int64_t id = 0;
  Status s = InTx(
      [&](pg::Conn& c) -> Status {
        XJ_ASSIGN_OR_RETURN(
            pg::Rows rows,
            c.Query(kInsertToken, {t.token_hash, t.prefix, t.account, std::to_string(static_cast<int>(t.role)),
                                   t.region_code, t.allowed_ips, t.created_by, t.created_at, t.expires_at}));
        id = rows.Int(0, 0);
        return Status::Ok();
      },
      true);
  if (!s.ok()) return s;
  return id;
}

Result<std::optional<ApiTokenRecord>> PostgresStore::FindApiToken(std::string_view token_hash) {
  XJ_ASSIGN_OR_RETURN(ConnRef c, Connection());
  XJ_ASSIGN_OR_RETURN(pg::Rows r, c->Query(kSelectTokenByHash, {std::string(token_hash)}));
  if (r.size() == 0) return std::optional<ApiTokenRecord>();
  return std::optional<ApiTokenRecord>(ReadToken(r, 0));
}

Result<std::vector<ApiTokenRecord>> PostgresStore::ListApiTokens() {
  XJ_ASSIGN_OR_RETURN(ConnRef c, Connection());
  XJ_ASSIGN_OR_RETURN(pg::Rows rows, c->Query(kSelectTokens));
  std::vector<ApiTokenRecord> out;
  for (int i = 0; i < rows.size(); ++i) out.push_back(ReadToken(rows, i));
  return out;
}

Status PostgresStore::RevokeApiToken(std::int64_t id, std::string_view revoked_at) {
  return InTx(
      [&](pg::Conn& c) {
        return c.Query(kRevokeToken, {std::to_string(id), std::string(revoked_at)}).status();
      },
      true);
}

Status PostgresStore::TouchApiToken(std::int64_t id, std::string_view last_used_at) {
  return InTx(
      [&](pg::Conn& c) {
        return c.Query(kTouchToken, {std::to_string(id), std::string(last_used_at)}).status();
      },
      true);
}

}  // namespace xj
