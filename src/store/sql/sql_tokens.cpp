// SqlStore: API tokens of service accounts (migration 0010_api_tokens.sql).
#include "store/sql/entities.hpp"
#include "store/sql/sql_store.hpp"

namespace xj::sql {
namespace {

const std::string kInsertToken = Concat({"INSERT INTO api_tokens (", kApiTokenWriteColumns, ") VALUES (",
                                         Params(kApiTokenWriteColumnCount), ") RETURNING id"});
const std::string kSelectTokenByHash = Concat({"SELECT ", kApiTokenColumns, " FROM api_tokens WHERE token_hash = $1"});
const std::string kSelectTokens = Concat({"SELECT ", kApiTokenColumns, " FROM api_tokens ORDER BY id DESC"});
constexpr const char kRevokeToken[] = "UPDATE api_tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at = ''";
constexpr const char kTouchToken[] = "UPDATE api_tokens SET last_used_at = $2 WHERE id = $1";

}  // namespace

Result<std::int64_t> SqlStore::InsertApiToken(const ApiTokenRecord& t) {
  std::int64_t id = 0;
  XJ_RETURN_IF_ERROR(Write([&](Conn& c) {
    Values v;
    WriteApiToken(t, v);
    return c.Query(kInsertToken.c_str(), v, [&](const Row& row) {
      id = row.Int(0);
      return Status::Ok();
    });
  }));
  return id;
}

Result<std::optional<ApiTokenRecord>> SqlStore::FindApiToken(std::string_view token_hash) {
  std::vector<ApiTokenRecord> found;
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) {
    return CollectRows(c, kSelectTokenByHash.c_str(), {std::string(token_hash)}, ReadApiToken, found);
  }));
  if (found.empty()) return std::optional<ApiTokenRecord>();
  return std::optional<ApiTokenRecord>(std::move(found.front()));
}

Result<std::vector<ApiTokenRecord>> SqlStore::ListApiTokens() {
  std::vector<ApiTokenRecord> out;
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) { return CollectRows(c, kSelectTokens.c_str(), {}, ReadApiToken, out); }));
  return out;
}

Status SqlStore::RevokeApiToken(std::int64_t id, std::string_view revoked_at) {
  return Write([&](Conn& c) { return c.Exec(kRevokeToken, {id, std::string(revoked_at)}).status(); });
}

Status SqlStore::TouchApiToken(std::int64_t id, std::string_view last_used_at) {
  return Write([&](Conn& c) { return c.Exec(kTouchToken, {id, std::string(last_used_at)}).status(); });
}

}  // namespace xj::sql
