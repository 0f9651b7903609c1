// SqliteStore: API tokens of service accounts (migration 0010_api_tokens.sql).
#include "store/sqlite/sqlite_store.hpp"

namespace xj {
namespace {

#define XJ_TOKEN_COLUMNS                                                                                  \
  "id, token_hash, prefix, account, role, region_code, allowed_ips, created_by, created_at, expires_at, " \
  "revoked_at, last_used_at"
constexpr const char kInsertToken[] =
    "INSERT INTO api_tokens (token_hash, prefix, account, role, region_code, allowed_ips, created_by, created_at, "
    "expires_at, revoked_at, last_used_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, '', '')";
constexpr const char kSelectTokenByHash[] = "SELECT " XJ_TOKEN_COLUMNS " FROM api_tokens WHERE token_hash = ?1";
constexpr const char kSelectTokens[] = "SELECT " XJ_TOKEN_COLUMNS " FROM api_tokens ORDER BY id DESC";
constexpr const char kRevokeToken[] = "UPDATE api_tokens SET revoked_at = ?2 WHERE id = ?1 AND revoked_at = ''";
constexpr const char kTouchToken[] = "UPDATE api_tokens SET last_used_at = ?2 WHERE id = ?1";
#undef XJ_TOKEN_COLUMNS

ApiTokenRecord ReadToken(const sqlite::Stmt& s) {
  ApiTokenRecord t;
  t.id = s.Int(0);
  t.token_hash = s.Text(1);
  t.prefix = s.Text(2);
  t.account = s.Text(3);
  t.role = static_cast<Role>(s.Int(4));
  t.region_code = s.Text(5);
  t.allowed_ips = s.Text(6);
  t.created_by = s.Text(7);
  t.created_at = s.Text(8);
  t.expires_at = s.Text(9);
  t.revoked_at = s.Text(10);
  t.last_used_at = s.Text(11);
  return t;
}

}  // namespace

Result<std::int64_t> SqliteStore::InsertApiToken(const ApiTokenRecord& t) {
  std::int64_t id = 0;
  Status s = InTx([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kInsertToken));
    st->Bind(1, t.token_hash)
        .Bind(2, t.prefix)
        .Bind(3, t.account)
        .Bind(4, std::int64_t{static_cast<int>(t.role)})
        .Bind(5, t.region_code)
        .Bind(6, t.allowed_ips)
        .Bind(7, t.created_by)
        .Bind(8, t.created_at)
        .Bind(9, t.expires_at);
    XJ_RETURN_IF_ERROR(st->Run());
    id = db_->LastInsertRowid();
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return id;
}

Result<std::optional<ApiTokenRecord>> SqliteStore::FindApiToken(std::string_view token_hash) {
  std::lock_guard lock(mu_);
  XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kSelectTokenByHash));
  st->Bind(1, token_hash);
  XJ_ASSIGN_OR_RETURN(bool row, st->Step());
  std::optional<ApiTokenRecord> out;
  if (row) out = ReadToken(*st);
  st->Reset();
  return out;
}

Result<std::vector<ApiTokenRecord>> SqliteStore::ListApiTokens() {
  std::lock_guard lock(mu_);
  XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kSelectTokens));
  std::vector<ApiTokenRecord> out;
  for (;;) {
    XJ_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return out;
    out.push_back(ReadToken(*st));
  }
}

Status SqliteStore::RevokeApiToken(std::int64_t id, std::string_view revoked_at) {
  return InTx([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kRevokeToken));
    st->Bind(1, id).Bind(2, revoked_at);
    return st->Run();
  });
}

Status SqliteStore::TouchApiToken(std::int64_t id, std::string_view last_used_at) {
  return InTx([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kTouchToken));
    st->Bind(1, id).Bind(2, last_used_at);
    return st->Run();
  });
}

}  // namespace xj
