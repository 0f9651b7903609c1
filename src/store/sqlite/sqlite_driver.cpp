#include "store/sqlite/sqlite_driver.hpp"

#include <set>
#include <thread>
#include <type_traits>
#include <vector>

#include "store/migrations.hpp"

namespace xj::sqlite {
namespace {

constexpr const char kCreateMigrations[] =
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
    "applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')))";
constexpr const char kHasMigrationsTable[] =
    "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'";
constexpr const char kMaxVersion[] = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
constexpr const char kAppliedVersions[] = "SELECT version FROM schema_migrations";
constexpr const char kRecordMigration[] = "INSERT INTO schema_migrations (version, name) VALUES (?1, ?2)";
/// SQLite's limit of parameters in one statement (SQLITE_MAX_VARIABLE_NUMBER since 3.32).
constexpr std::size_t kMaxParams = 32766;
/// Rows per multi-row INSERT of a bulk append.
constexpr std::size_t kRowsPerInsert = 500;

class StmtRow final : public sql::Row {
 public:
  explicit StmtRow(const Stmt& st) : st_(st) {}
  int size() const override { return st_.ColumnCount(); }
  std::string ColumnName(int col) const override { return st_.ColumnName(col); }
  bool IsNull(int col) const override { return st_.IsNull(col); }
  std::int64_t Int(int col) const override { return st_.Int(col); }
  std::string_view Text(int col) const override { return st_.TextView(col); }

 private:
  const Stmt& st_;
};

void BindAll(Stmt& st, const sql::Values& params, int first_number = 1) {
  for (std::size_t i = 0; i < params.size(); ++i) {
    const int index = st.NumberedIndex(first_number + static_cast<int>(i));
    if (index == 0) continue;
    std::visit(
        [&](const auto& v) {
          if constexpr (std::is_same_v<std::decay_t<decltype(v)>, std::monostate>) {
            st.BindNull(index);
          } else {
            st.Bind(index, v);
          }
        },
        params[i]);
  }
}

/// Steps `st` to the end, handing each row to `fn`; leaves it reset (a statement left on a
/// row would hold the read transaction open).
Status RunRows(Stmt& st, const sql::RowFn& fn) {
  StmtRow row(st);
  for (;;) {
    Result<bool> more = st.Step();
    if (!more.ok() || !*more) {
      st.Reset();
      return more.status();
    }
    if (Status s = fn(row); !s.ok()) {
      st.Reset();
      return s;
    }
  }
}

class SqliteConn final : public sql::Conn {
 public:
  explicit SqliteConn(Db& db) : db_(db) {}

  Status Query(const char* sql, const sql::Values& params, const sql::RowFn& fn) override {
    XJ_ASSIGN_OR_RETURN(Stmt * st, db_.Prepare(sql));
    BindAll(*st, params);
    return RunRows(*st, fn);
  }
  Status QueryText(const std::string& sql, const sql::Values& params, const sql::RowFn& fn) override {
    XJ_ASSIGN_OR_RETURN(std::unique_ptr<Stmt> st, db_.PrepareOnce(sql));
    BindAll(*st, params);
    return RunRows(*st, fn);
  }
  Status Stream(const std::string& sql, const sql::Values& params, const sql::RowFn& fn) override {
    return QueryText(sql, params, fn);
  }
  Result<std::int64_t> Exec(const char* sql, const sql::Values& params) override {
    XJ_RETURN_IF_ERROR(Query(sql, params, [](const sql::Row&) { return Status::Ok(); }));
    return std::int64_t{db_.Changes()};
  }
  Result<std::int64_t> ExecText(const std::string& sql, const sql::Values& params) override {
    XJ_RETURN_IF_ERROR(QueryText(sql, params, [](const sql::Row&) { return Status::Ok(); }));
    return std::int64_t{db_.Changes()};
  }
  Status ExecEach(const char* sql, std::size_t count, const sql::ParamsFn& params,
                  const std::function<Status(std::size_t, const sql::Row&)>& fn) override {
    XJ_ASSIGN_OR_RETURN(Stmt * st, db_.Prepare(sql));
    sql::Values values;
    for (std::size_t i = 0; i < count; ++i) {
      values.clear();
      params(i, values);
      st->Reset();
      BindAll(*st, values);
      XJ_RETURN_IF_ERROR(RunRows(*st, [&](const sql::Row& row) { return fn(i, row); }));
    }
    return Status::Ok();
  }
  Status BulkAppend(std::string_view table, const std::vector<std::string>& columns, std::size_t count,
                    const sql::ParamsFn& row) override {
    if (count == 0 || columns.empty()) return Status::Ok();
    const std::size_t per_insert = std::max<std::size_t>(1, std::min(kRowsPerInsert, kMaxParams / columns.size()));
    std::string head = "INSERT INTO " + std::string(table) + " (";
    for (std::size_t c = 0; c < columns.size(); ++c) head += (c ? ", " : "") + columns[c];
    head += ") VALUES ";
    const auto statement = [&](std::size_t rows) {
      std::string sql = head;
      for (std::size_t r = 0; r < rows; ++r) {
        sql += r ? ", (" : "(";
        sql += sql::Params(static_cast<int>(columns.size()), static_cast<int>(r * columns.size() + 1));
        sql += ")";
      }
      return sql;
    };
    std::unique_ptr<Stmt> full;
    sql::Values values, one;
    for (std::size_t start = 0; start < count; start += per_insert) {
      const std::size_t rows = std::min(per_insert, count - start);
      std::unique_ptr<Stmt> partial;
      Stmt* st = nullptr;
      if (rows == per_insert) {
        if (!full) {
          XJ_ASSIGN_OR_RETURN(full, db_.PrepareOnce(statement(rows)));
        }
        st = full.get();
      } else {
        XJ_ASSIGN_OR_RETURN(partial, db_.PrepareOnce(statement(rows)));
        st = partial.get();
      }
      values.clear();
      for (std::size_t r = 0; r < rows; ++r) {
        one.clear();
        row(start + r, one);
        if (one.size() != columns.size()) return Status::Internal("批量写入的列数不符：" + std::string(table));
        for (sql::Value& v : one) values.push_back(std::move(v));
      }
      st->Reset();
      BindAll(*st, values);
      XJ_RETURN_IF_ERROR(st->Run());
      st->Reset();
    }
    return Status::Ok();
  }

 private:
  Db& db_;
};

}  // namespace

Result<std::unique_ptr<SqliteDriver>> SqliteDriver::Open(const std::string& path, std::int64_t max_pages) {
  XJ_ASSIGN_OR_RETURN(auto db, Db::Open(path));
  if (max_pages > 0) XJ_RETURN_IF_ERROR(db->Exec("PRAGMA max_page_count = " + std::to_string(max_pages)));
  return std::unique_ptr<SqliteDriver>(new SqliteDriver(std::move(db), path));
}

Status SqliteDriver::Read(const sql::ConnFn& fn) {
  std::lock_guard lock(mu_);
  SqliteConn conn(*db_);
  return fn(conn);
}

Status SqliteDriver::Write(const sql::ConnFn& fn, bool /*retry*/) {
  std::lock_guard lock(mu_);
  SqliteConn conn(*db_);
  if (tx_depth_ > 0) return fn(conn);
  XJ_RETURN_IF_ERROR(db_->Exec("BEGIN IMMEDIATE"));
  ++tx_depth_;
  tx_owner_ = std::this_thread::get_id();
  const auto leave = [&] {
    --tx_depth_;
    tx_owner_ = std::thread::id();
  };
  Status s;
  try {
    s = fn(conn);
  } catch (...) {
    leave();
    (void)db_->Exec("ROLLBACK");
    throw;
  }
  leave();
  if (!s.ok()) {
    (void)db_->Exec("ROLLBACK");
    return s;
  }
  Status c = db_->Exec("COMMIT");
  if (!c.ok()) (void)db_->Exec("ROLLBACK");
  return c;
}

bool SqliteDriver::InTransaction() const {
  return tx_owner_.load() == std::this_thread::get_id();
}

Result<int> SqliteDriver::SchemaVersion() {
  std::lock_guard lock(mu_);
  XJ_ASSIGN_OR_RETURN(Stmt * has, db_->Prepare(kHasMigrationsTable));
  XJ_ASSIGN_OR_RETURN(bool row, has->Step());
  const bool exists = row && has->Int(0) != 0;
  has->Reset();
  if (!exists) return 0;
  XJ_ASSIGN_OR_RETURN(Stmt * st, db_->Prepare(kMaxVersion));
  XJ_ASSIGN_OR_RETURN(bool got, st->Step());
  const int v = got ? static_cast<int>(st->Int(0)) : 0;
  st->Reset();
  return v;
}

Result<int> SqliteDriver::Migrate() {
  return ApplyMigrations(SqliteMigrations());
}

Result<int> SqliteDriver::ApplyMigrations(const std::vector<Migration>& migrations) {
  std::lock_guard lock(mu_);
  XJ_RETURN_IF_ERROR(db_->Exec(kCreateMigrations));
  std::set<int> applied;
  {
    XJ_ASSIGN_OR_RETURN(Stmt * st, db_->Prepare(kAppliedVersions));
    while (true) {
      Result<bool> row = st->Step();
      if (!row.ok()) {
        st->Reset();
        return row.status();
      }
      if (!*row) break;
      applied.insert(static_cast<int>(st->Int(0)));
    }
    st->Reset();
  }
  for (const Migration* m : PendingMigrations(migrations, applied)) {
    XJ_RETURN_IF_ERROR(Write(
        [&](sql::Conn&) -> Status {
          XJ_RETURN_IF_ERROR(db_->Exec(m->sql));
          XJ_ASSIGN_OR_RETURN(Stmt * st, db_->Prepare(kRecordMigration));
          st->Bind(1, std::int64_t{m->version}).Bind(2, m->name);
          return st->Run();
        },
        false));
  }
  return SchemaVersion();
}

Status SqliteDriver::Backup(const std::string& path) {
  std::lock_guard lock(mu_);
  return db_->BackupTo(path);
}

int SqliteDriver::MaxScanShards() const {
  return path_.empty() || path_ == ":memory:" ? 1 : 8;
}

Status SqliteDriver::ScanShards(int shards, const std::function<Status(sql::Conn&, int)>& scan) {
  std::vector<Status> results(static_cast<std::size_t>(shards));
  std::vector<std::thread> readers;
  for (int k = 0; k < shards; ++k) {
    readers.emplace_back([&, k] {
      auto db = Db::Open(path_);
      if (!db.ok()) {
        results[static_cast<std::size_t>(k)] = db.status();
        return;
      }
      SqliteConn conn(**db);
      results[static_cast<std::size_t>(k)] = scan(conn, k);
    });
  }
  for (std::thread& t : readers) t.join();
  for (const Status& s : results) XJ_RETURN_IF_ERROR(s);
  return Status::Ok();
}

}  // namespace xj::sqlite
