// SqlStore: failed logins shared by every server (migration 0018_login_failures.sql).
#include "store/sql/sql_store.hpp"

namespace xj::sql {
namespace {

// One round trip: the username × address failures, the address's and the distinct addresses that
// failed for the username, each with its newest failure, within the window.
constexpr const char kCountFailures[] =
    "SELECT (SELECT COUNT(*) FROM login_failures WHERE username = $1 AND address = $2 AND pair_cleared = 0 AND "
    "at_ms > $3), (SELECT COALESCE(MAX(at_ms), 0) FROM login_failures WHERE username = $1 AND address = $2 AND "
    "pair_cleared = 0 AND at_ms > $3), (SELECT COUNT(*) FROM login_failures WHERE address = $2 AND at_ms > $3), "
    "(SELECT COALESCE(MAX(at_ms), 0) FROM login_failures WHERE address = $2 AND at_ms > $3), (SELECT "
    "COUNT(DISTINCT address) FROM login_failures WHERE username = $1 AND user_cleared = 0 AND at_ms > $3), (SELECT "
    "COALESCE(MAX(at_ms), 0) FROM login_failures WHERE username = $1 AND user_cleared = 0 AND at_ms > $3)";
constexpr const char kInsertFailure[] = "INSERT INTO login_failures (username, address, at_ms) VALUES ($1, $2, $3)";
constexpr const char kForgetFailures[] = "DELETE FROM login_failures WHERE at_ms <= $1";
constexpr const char kClearUser[] =
    "UPDATE login_failures SET user_cleared = 1 WHERE username = $1 AND user_cleared = 0";
constexpr const char kClearPair[] =
    "UPDATE login_failures SET pair_cleared = 1 WHERE username = $1 AND address = $2 AND pair_cleared = 0";

}  // namespace

Result<LoginFailureCounts> SqlStore::CountLoginFailures(std::string_view username, std::string_view address,
                                                        std::int64_t after_ms) {
  LoginFailureCounts counts;
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) {
    return c.Query(kCountFailures, {std::string(username), std::string(address), after_ms}, [&](const Row& row) {
      counts.pair = row.Int(0);
      counts.pair_last_ms = row.Int(1);
      counts.address = row.Int(2);
      counts.address_last_ms = row.Int(3);
      counts.user_addresses = row.Int(4);
      counts.user_last_ms = row.Int(5);
      return Status::Ok();
    });
  }));
  return counts;
}

Status SqlStore::RecordLoginFailure(std::string_view username, std::string_view address, std::int64_t at_ms,
                                    std::int64_t forget_up_to_ms) {
  return Write([&](Conn& c) -> Status {
    XJ_RETURN_IF_ERROR(c.Exec(kForgetFailures, {forget_up_to_ms}).status());
    return c.Exec(kInsertFailure, {std::string(username), std::string(address), at_ms}).status();
  });
}

Status SqlStore::ClearLoginFailures(std::string_view username, std::string_view address) {
  return Write([&](Conn& c) -> Status {
    XJ_RETURN_IF_ERROR(c.Exec(kClearUser, {std::string(username)}).status());
    return c.Exec(kClearPair, {std::string(username), std::string(address)}).status();
  });
}

}  // namespace xj::sql
