#pragma once
/// The narrow port SqlStore is written against. A driver (sqlite/, postgres/) owns the
/// connections, transactions and their retry policy, bulk appends, sharded scans, backups and
/// migrations of one backend; every SQL statement is written once in sql/ and differs between
/// backends only through the named functions of sql/dialect.hpp.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/status.hpp"
#include "store/migrations.hpp"
#include "store/sql/dialect.hpp"

namespace xj::sql {

/// One parameter: NULL, an integer or text. Statements number them $1, $2, … in both dialects.
using Value = std::variant<std::monostate, std::int64_t, std::string>;
using Values = std::vector<Value>;

/// The current row of a result. Text views stay valid until the cursor moves on.
class Row {
 public:
  virtual ~Row() = default;
  virtual int size() const = 0;
  virtual std::string ColumnName(int col) const = 0;
  virtual bool IsNull(int col) const = 0;
  /// The cell as an integer; 0 for NULL.
  virtual std::int64_t Int(int col) const = 0;
  /// The cell as text; empty for NULL.
  virtual std::string_view Text(int col) const = 0;
};

using RowFn = std::function<Status(const Row&)>;
/// Fills `out` (cleared by the caller) with the parameters of row `i` of a batch.
using ParamsFn = std::function<void(std::size_t i, Values& out)>;

/// One connection, used by one thread at a time inside Driver::Read/Write/ScanShards.
class Conn {
 public:
  virtual ~Conn() = default;
  /// Runs `sql` and calls `fn` for each row, stopping at the first non-ok Status of `fn`.
  /// `sql` must have static storage: it is prepared once per connection and cached by address.
  virtual Status Query(const char* sql, const Values& params, const RowFn& fn) = 0;
  /// The same for SQL built at run time (not cached).
  virtual Status QueryText(const std::string& sql, const Values& params, const RowFn& fn) = 0;
  /// A read of many rows, handed over one at a time and never held in memory all at once.
  virtual Status Stream(const std::string& sql, const Values& params, const RowFn& fn) = 0;
  /// Runs a statement that returns no rows; answers how many rows it changed.
  virtual Result<std::int64_t> Exec(const char* sql, const Values& params) = 0;
  virtual Result<std::int64_t> ExecText(const std::string& sql, const Values& params) = 0;
  /// Runs `sql` once for each of `count` parameter sets (pipelined where the backend can),
  /// calling `fn(i, row)` for the rows statement `i` returns. Stops at the first failure.
  virtual Status ExecEach(const char* sql, std::size_t count, const ParamsFn& params,
                          const std::function<Status(std::size_t, const Row&)>& fn) = 0;
  /// Appends `count` rows of `columns` to `table`: COPY on PostgreSQL, multi-row INSERTs on SQLite.
  virtual Status BulkAppend(std::string_view table, const std::vector<std::string>& columns, std::size_t count,
                            const ParamsFn& row) = 0;
};

using ConnFn = std::function<Status(Conn&)>;

/// One backend. Thread-safe.
class Driver {
 public:
  virtual ~Driver() = default;
  virtual Dialect dialect() const = 0;
  /// "sqlite" or "postgresql".
  virtual std::string_view backend() const = 0;

  /// Applies this backend's pending migrations: ApplyMigrations() of its whole list.
  virtual Result<int> Migrate() = 0;
  /// Applies every migration of `migrations` (in version order) whose version schema_migrations
  /// does not hold yet, in version order, each in its own transaction — also one numbered below
  /// the newest applied (a migration landed after later ones were applied); the highest version
  /// then applied. Tests pass a part of the list to build an older database.
  virtual Result<int> ApplyMigrations(const std::vector<Migration>& migrations) = 0;
  /// The applied schema version, 0 for an empty database.
  virtual Result<int> SchemaVersion() = 0;
  /// A consistent copy of the whole database at `path`.
  virtual Status Backup(const std::string& path) = 0;

  /// `fn` on a connection for single reads: the one of this thread's open transaction, if any.
  virtual Status Read(const ConnFn& fn) = 0;
  /// `fn` in one write transaction, committed if it returns ok and rolled back otherwise (and
  /// on exceptions, rethrown); joins the transaction this thread already has open. `retry`:
  /// the driver may run `fn` again after a serialization failure (only for store-owned work).
  virtual Status Write(const ConnFn& fn, bool retry) = 0;
  /// True while this thread has a transaction of this driver open.
  virtual bool InTransaction() const = 0;
  /// Inside Write(): serializes ledger appends so that seq order is commit order.
  virtual Status LockLedger(Conn& conn) = 0;
  /// Runs `fn` while holding the lock `name` against every process on this database; the
  /// transactions `fn` opens start after the lock is held, so they see every write committed
  /// under it before. REQUIRES: not inside Write().
  virtual Status Exclusive(std::string_view name, const std::function<Status()>& fn) = 0;
  /// After rows with their keys were appended (a copy): id sequences move past them.
  virtual Status MoveSequencesPast(Conn& conn, std::string_view table) = 0;

  /// How many connections may read at once for a sharded scan (1: no sharding).
  virtual int MaxScanShards() const = 0;
  /// Runs `scan(conn, shard)` for shard = 0 … shards−1, each on a connection and a thread of
  /// its own, outside any transaction; the first error wins.
  virtual Status ScanShards(int shards, const std::function<Status(Conn&, int)>& scan) = 0;
};

}  // namespace xj::sql
