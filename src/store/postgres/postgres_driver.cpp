#include "store/postgres/postgres_driver.hpp"

#include <spawn.h>
#include <sys/wait.h>

#include <algorithm>
#include <charconv>
#include <set>
#include <thread>
#include <type_traits>

#include "store/migrations.hpp"

extern char** environ;

namespace xj::pg {
namespace {

constexpr const char kCreateMigrations[] =
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
    "applied_at TIMESTAMPTZ NOT NULL DEFAULT now())";
constexpr const char kHasMigrationsTable[] = "SELECT to_regclass('schema_migrations') IS NOT NULL";
constexpr const char kMaxVersion[] = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
constexpr const char kAppliedVersions[] = "SELECT version FROM schema_migrations";
constexpr const char kRecordMigration[] = "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)";
// Session lock: two processes starting at once must not both apply a migration.
constexpr const char kLockMigrations[] = "SELECT pg_advisory_lock(hashtext('xianjie.schema_migrations'))";
constexpr const char kUnlockMigrations[] = "SELECT pg_advisory_unlock(hashtext('xianjie.schema_migrations'))";
constexpr const char kBeginWrite[] = "BEGIN ISOLATION LEVEL REPEATABLE READ";
// Transaction lock: ledger appends commit one after another, so seq order is commit order.
constexpr const char kLockLedger[] = "SELECT pg_advisory_xact_lock(hashtext('xianjie.ledger_entries'))";
constexpr const char kLockNamed[] = "SELECT pg_advisory_lock(hashtext($1))";
constexpr const char kUnlockNamed[] = "SELECT pg_advisory_unlock(hashtext($1))";
constexpr const char kSerialColumns[] =
    "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
    "AND table_name = $1 AND pg_get_serial_sequence(quote_ident(table_name), column_name) IS NOT NULL";

/// Attempts of a store-owned write transaction that keeps hitting serialization failures.
constexpr int kMaxTxAttempts = 5;
constexpr std::chrono::milliseconds kRetryBackoff{20};
constexpr int kDefaultPoolSize = 8;
constexpr std::string_view kPoolSizeParam = "pool_size=";

/// The connections this thread has bound with Write(), innermost last.
struct Binding {
  const PostgresDriver* driver;
  Conn* conn;
};
thread_local std::vector<Binding> t_bindings;

Cell ToCell(const sql::Value& v) {
  return std::visit(
      [](const auto& x) -> Cell {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          return std::nullopt;
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          return std::to_string(x);
        } else {
          return x;
        }
      },
      v);
}

Params ToParams(const sql::Values& values) {
  Params out;
  out.reserve(values.size());
  for (const sql::Value& v : values) out.push_back(ToCell(v));
  return out;
}

class RowOf final : public sql::Row {
 public:
  RowOf(const Rows& rows, int i) : rows_(rows), i_(i) {}
  int size() const override { return rows_.columns(); }
  std::string ColumnName(int col) const override { return rows_.ColumnName(col); }
  bool IsNull(int col) const override { return rows_.IsNull(i_, col); }
  std::int64_t Int(int col) const override { return rows_.Int(i_, col); }
  std::string_view Text(int col) const override { return rows_.TextView(i_, col); }

 private:
  const Rows& rows_;
  int i_;
};

Status EachRow(const Rows& rows, const sql::RowFn& fn) {
  for (int i = 0; i < rows.size(); ++i) XJ_RETURN_IF_ERROR(fn(RowOf(rows, i)));
  return Status::Ok();
}

class PgConn final : public sql::Conn {
 public:
  explicit PgConn(pg::Conn& conn) : conn_(conn) {}

  Status Query(const char* sql, const sql::Values& params, const sql::RowFn& fn) override {
    XJ_ASSIGN_OR_RETURN(Rows rows, conn_.Query(sql, ToParams(params)));
    return EachRow(rows, fn);
  }
  Status QueryText(const std::string& sql, const sql::Values& params, const sql::RowFn& fn) override {
    XJ_ASSIGN_OR_RETURN(Rows rows, conn_.QueryDynamic(sql, ToParams(params)));
    return EachRow(rows, fn);
  }
  Status Stream(const std::string& sql, const sql::Values& params, const sql::RowFn& fn) override {
    return conn_.Stream(sql, ToParams(params), [&](const Rows& row) { return fn(RowOf(row, 0)); });
  }
  Result<std::int64_t> Exec(const char* sql, const sql::Values& params) override {
    XJ_ASSIGN_OR_RETURN(Rows rows, conn_.Query(sql, ToParams(params)));
    return rows.AffectedRows();
  }
  Result<std::int64_t> ExecText(const std::string& sql, const sql::Values& params) override {
    XJ_ASSIGN_OR_RETURN(Rows rows, conn_.QueryDynamic(sql, ToParams(params)));
    return rows.AffectedRows();
  }
  Status ExecEach(const char* sql, std::size_t count, const sql::ParamsFn& params,
                  const std::function<Status(std::size_t, const sql::Row&)>& fn) override {
    std::vector<Params> each;
    each.reserve(count);
    sql::Values values;
    for (std::size_t i = 0; i < count; ++i) {
      values.clear();
      params(i, values);
      each.push_back(ToParams(values));
    }
    Status failed;
    XJ_RETURN_IF_ERROR(conn_.QueryEach(sql, each, [&](std::size_t i, const Rows& rows) {
      if (!failed.ok()) return;
      failed = EachRow(rows, [&](const sql::Row& row) { return fn(i, row); });
    }));
    return failed;
  }
  Status BulkAppend(std::string_view table, const std::vector<std::string>& columns, std::size_t count,
                    const sql::ParamsFn& row) override {
    std::string copy = "COPY " + std::string(table) + " (";
    for (std::size_t c = 0; c < columns.size(); ++c) copy += (c ? ", " : "") + columns[c];
    copy += ") FROM STDIN";
    return conn_.CopyIn(copy, [&](CopyWriter& w) -> Status {
      sql::Values values;
      for (std::size_t i = 0; i < count; ++i) {
        values.clear();
        row(i, values);
        XJ_RETURN_IF_ERROR(w.Row(ToParams(values)));
      }
      return Status::Ok();
    });
  }

 private:
  pg::Conn& conn_;  // the base class's name Conn is sql::Conn in here
};

/// Splits xianjie's own `pool_size=N` off a libpq URL (libpq rejects unknown parameters).
Result<PoolOptions> ParseUrl(const std::string& url) {
  PoolOptions options;
  options.max_connections = kDefaultPoolSize;
  const std::size_t q = url.find('?');
  if (q == std::string::npos) {
    options.conninfo = url;
    return options;
  }
  std::string kept;
  std::size_t start = q + 1;
  while (start <= url.size()) {
    std::size_t end = url.find('&', start);
    if (end == std::string::npos) end = url.size();
    const std::string_view param(url.data() + start, end - start);
    if (param.starts_with(kPoolSizeParam)) {
      const std::string_view digits = param.substr(kPoolSizeParam.size());
      int n = 0;
      auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
      if (ec != std::errc() || ptr != digits.data() + digits.size() || n < 1) {
        return Status::InvalidArgument("pool_size 应为正整数：" + std::string(digits));
      }
      options.max_connections = n;
    } else if (!param.empty()) {
      kept += kept.empty() ? "" : "&";
      kept += param;
    }
    start = end + 1;
  }
  options.conninfo = url.substr(0, q) + (kept.empty() ? "" : "?" + kept);
  return options;
}

}  // namespace

Result<std::unique_ptr<PostgresDriver>> PostgresDriver::Open(const std::string& url) {
  XJ_ASSIGN_OR_RETURN(PoolOptions options, ParseUrl(url));
  std::unique_ptr<PostgresDriver> driver(new PostgresDriver(std::move(options)));
  XJ_ASSIGN_OR_RETURN(Pool::Lease first, driver->pool_.Acquire());
  (void)first;
  return driver;
}

Conn* PostgresDriver::Bound() const {
  for (auto it = t_bindings.rbegin(); it != t_bindings.rend(); ++it) {
    if (it->driver == this) return it->conn;
  }
  return nullptr;
}

Status PostgresDriver::Read(const sql::ConnFn& fn) {
  if (Conn* bound = Bound()) {
    PgConn conn(*bound);
    return fn(conn);
  }
  XJ_ASSIGN_OR_RETURN(Pool::Lease lease, pool_.Acquire());
  PgConn conn(*lease);
  return fn(conn);
}

Status PostgresDriver::Write(const sql::ConnFn& fn, bool retry) {
  if (Conn* bound = Bound()) {
    PgConn conn(*bound);
    return fn(conn);
  }
  for (int attempt = 1;; ++attempt) {
    XJ_ASSIGN_OR_RETURN(Pool::Lease lease, pool_.Acquire());
    XJ_RETURN_IF_ERROR(lease->Exec(kBeginWrite));
    t_bindings.push_back({this, &*lease});
    PgConn conn(*lease);
    Status s;
    try {
      s = fn(conn);
    } catch (...) {
      t_bindings.pop_back();
      (void)lease->Exec("ROLLBACK");
      throw;
    }
    t_bindings.pop_back();
    if (s.ok()) {
      s = lease->Exec("COMMIT");
    } else {
      (void)lease->Exec("ROLLBACK");
    }
    if (s.ok() || !retry || !IsRetryable(s) || attempt >= kMaxTxAttempts) return s;
    std::this_thread::sleep_for(kRetryBackoff * attempt);
  }
}

Status PostgresDriver::LockLedger(sql::Conn& conn) {
  return conn.Query(kLockLedger, {}, [](const sql::Row&) { return Status::Ok(); });
}

Status PostgresDriver::Exclusive(std::string_view name, const std::function<Status()>& fn) {
  if (Bound() != nullptr) return Status::Internal("Exclusive() 不能在事务中调用");
  XJ_ASSIGN_OR_RETURN(Pool::Lease lease, pool_.Acquire());
  const std::string key(name);
  XJ_RETURN_IF_ERROR(lease->Query(kLockNamed, {key}).status());
  Status s;
  try {
    s = fn();
  } catch (...) {
    (void)lease->Query(kUnlockNamed, {key});
    throw;
  }
  // A failed unlock leaves a broken connection, which the pool closes (and the server frees its locks).
  (void)lease->Query(kUnlockNamed, {key});
  return s;
}

Status PostgresDriver::MoveSequencesPast(sql::Conn& conn, std::string_view table) {
  const std::string name(table);
  std::vector<std::string> serial;
  XJ_RETURN_IF_ERROR(conn.Query(kSerialColumns, {name}, [&](const sql::Row& row) {
    serial.emplace_back(row.Text(0));
    return Status::Ok();
  }));
  for (const std::string& col : serial) {
    XJ_RETURN_IF_ERROR(conn.ExecText("SELECT setval(pg_get_serial_sequence('" + name + "', '" + col +
                                         "'), m) FROM (SELECT MAX(" + col + ") AS m FROM " + name +
                                         ") x WHERE m IS NOT NULL",
                                     {})
                           .status());
  }
  return Status::Ok();
}

int PostgresDriver::MaxScanShards() const {
  return std::min(8, pool_.options().max_connections - 2);
}

Status PostgresDriver::ScanShards(int shards, const std::function<Status(sql::Conn&, int)>& scan) {
  std::vector<Status> results(static_cast<std::size_t>(shards));
  std::vector<std::thread> readers;
  for (int k = 0; k < shards; ++k) {
    readers.emplace_back([&, k] {
      auto lease = pool_.Acquire();
      if (!lease.ok()) {
        results[static_cast<std::size_t>(k)] = lease.status();
        return;
      }
      PgConn conn(**lease);
      results[static_cast<std::size_t>(k)] = scan(conn, k);
    });
  }
  for (std::thread& t : readers) t.join();
  for (const Status& s : results) XJ_RETURN_IF_ERROR(s);
  return Status::Ok();
}

Result<int> PostgresDriver::SchemaVersion() {
  int version = 0;
  XJ_RETURN_IF_ERROR(Read([&](sql::Conn& c) -> Status {
    bool exists = false;
    XJ_RETURN_IF_ERROR(c.Query(kHasMigrationsTable, {}, [&](const sql::Row& row) {
      exists = row.Text(0) == "t";
      return Status::Ok();
    }));
    if (!exists) return Status::Ok();
    return c.Query(kMaxVersion, {}, [&](const sql::Row& row) {
      version = static_cast<int>(row.Int(0));
      return Status::Ok();
    });
  }));
  return version;
}

Result<int> PostgresDriver::Migrate() {
  return ApplyMigrations(PostgresMigrations());
}

Result<std::set<int>> PostgresDriver::AppliedVersions() {
  std::set<int> applied;
  XJ_RETURN_IF_ERROR(Read([&](sql::Conn& c) -> Status {
    bool exists = false;
    XJ_RETURN_IF_ERROR(c.Query(kHasMigrationsTable, {}, [&](const sql::Row& row) {
      exists = row.Text(0) == "t";
      return Status::Ok();
    }));
    if (!exists) return Status::Ok();
    return c.Query(kAppliedVersions, {}, [&](const sql::Row& row) {
      applied.insert(static_cast<int>(row.Int(0)));
      return Status::Ok();
    });
  }));
  return applied;
}

Result<int> PostgresDriver::ApplyMigrations(const std::vector<Migration>& migrations) {
  if (Bound() != nullptr) return Status::Internal("Migrate() 不能在事务中调用");
  // Up to date: nothing to create, so an application role without CREATE on the
  // schema (docs/operations.md, least privilege) starts without error.
  XJ_ASSIGN_OR_RETURN(std::set<int> seen, AppliedVersions());
  if (PendingMigrations(migrations, seen).empty()) return SchemaVersion();
  XJ_ASSIGN_OR_RETURN(Pool::Lease lease, pool_.Acquire());
  XJ_RETURN_IF_ERROR(lease->Query(kLockMigrations).status());
  auto run = [&]() -> Status {
    XJ_RETURN_IF_ERROR(lease->Exec(kCreateMigrations));
    // Read again under the lock: another process may have applied some meanwhile.
    XJ_ASSIGN_OR_RETURN(Rows rows, lease->Query(kAppliedVersions));
    std::set<int> applied;
    for (int i = 0; i < rows.size(); ++i) applied.insert(static_cast<int>(rows.Int(i, 0)));
    for (const Migration* m : PendingMigrations(migrations, applied)) {
      XJ_RETURN_IF_ERROR(lease->Exec("BEGIN"));
      Status s = lease->Exec(m->sql);
      if (s.ok()) s = lease->Query(kRecordMigration, {std::to_string(m->version), std::string(m->name)}).status();
      if (s.ok()) s = lease->Exec("COMMIT");
      if (!s.ok()) {
        (void)lease->Exec("ROLLBACK");
        if (s.code() == ErrorCode::kUnavailable) return s;
        return Status::Internal("迁移 " + std::string(m->name) + " 失败: " + s.message());
      }
    }
    return Status::Ok();
  };
  Status applied = run();
  (void)lease->Query(kUnlockMigrations);
  XJ_RETURN_IF_ERROR(applied);
  return SchemaVersion();
}

Status PostgresDriver::Backup(const std::string& path) {
  const std::string& conninfo = pool_.options().conninfo;
  std::vector<std::string> args = {"pg_dump", "--format=custom", "--no-owner", "--file=" + path,
                                   "--dbname=" + conninfo};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (posix_spawnp(&pid, "pg_dump", nullptr, nullptr, argv.data(), environ) != 0) {
    return Status::Unavailable("找不到 pg_dump：请安装 postgresql-client");
  }
  int wstatus = 0;
  if (waitpid(pid, &wstatus, 0) < 0) return Status::Internal("等待 pg_dump 失败");
  if (!WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0) {
    return Status::Unavailable("pg_dump 失败（退出码 " +
                               std::to_string(WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1) + "）");
  }
  return Status::Ok();
}

}  // namespace xj::pg
