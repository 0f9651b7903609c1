#pragma once
/// The PostgreSQL driver of SqlStore (the production backend): a bounded connection pool.

#include <memory>
#include <set>
#include <string>

#include "store/postgres/pg_pool.hpp"
#include "store/sql/driver.hpp"

namespace xj::pg {

/// Thread-safe: each call borrows a pooled connection, except inside Write(), where the calling
/// thread's connection is bound to it (a thread_local binding) so that nested store calls join
/// the same transaction, as on SQLite.
///
/// Isolation: reads outside a transaction are single autocommit statements (READ COMMITTED, each
/// a consistent snapshot). Every write transaction runs at REPEATABLE READ; ledger appends also
/// take a transaction-scoped advisory lock, so seq order is commit order across processes. A
/// store-owned write (`retry`) is re-run on serialization failure or deadlock; the caller's
/// Transact() is not (its function may have effects outside the store) and returns Conflict.
class PostgresDriver final : public sql::Driver {
 public:
  /// `url` is a libpq URL; the extra query parameter `pool_size=N` (default 8) bounds the
  /// connections this process opens. Connects once to fail early.
  static Result<std::unique_ptr<PostgresDriver>> Open(const std::string& url);

  sql::Dialect dialect() const override { return sql::Dialect::kPostgres; }
  std::string_view backend() const override { return "postgresql"; }
  /// Under a session advisory lock, so that two processes starting at once never both apply one.
  Result<int> Migrate() override;
  Result<int> ApplyMigrations(const std::vector<Migration>& migrations) override;
  Result<int> SchemaVersion() override;
  /// pg_dump --format=custom into `path` (needs the postgresql-client package).
  Status Backup(const std::string& path) override;

  Status Read(const sql::ConnFn& fn) override;
  Status Write(const sql::ConnFn& fn, bool retry) override;
  bool InTransaction() const override { return Bound() != nullptr; }
  Status LockLedger(sql::Conn& conn) override;
  /// A session advisory lock on a connection of its own, taken before `fn` begins any
  /// transaction (a REPEATABLE READ snapshot taken before the wait would miss the holder's rows).
  Status Exclusive(std::string_view name, const std::function<Status()>& fn) override;
  Status MoveSequencesPast(sql::Conn& conn, std::string_view table) override;
  /// Every shard holds a pooled connection for the whole scan and the caller may hold one more
  /// (the engine loads projects meanwhile): room is left for it and one other call.
  int MaxScanShards() const override;
  Status ScanShards(int shards, const std::function<Status(sql::Conn&, int)>& scan) override;

 private:
  explicit PostgresDriver(PoolOptions options) : pool_(std::move(options)) {}
  /// The connection bound to this thread by a Write() of this driver, or null.
  Conn* Bound() const;
  /// The versions schema_migrations holds (none when it does not exist yet).
  Result<std::set<int>> AppliedVersions();

  Pool pool_;
};

}  // namespace xj::pg
