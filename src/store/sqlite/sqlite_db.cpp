#include "store/sqlite/sqlite_db.hpp"

#include <sqlite3.h>

#include <cstdlib>

namespace xj::sqlite {
namespace {

constexpr int kBusyTimeoutMs = 5000;

Status MapError(int rc, std::string_view what, const char* detail) {
  std::string msg = std::string(what) + ": " + (detail ? detail : sqlite3_errstr(rc));
  switch (rc & 0xff) {
    case SQLITE_CONSTRAINT:
      if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY) return Status::AlreadyExists(msg);
      return Status::InvalidArgument(msg);
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return Status::Unavailable(msg);
    // The disk, or the max_page_count of the URL, is full: writes wait for space, reads go on.
    case SQLITE_FULL: return Status::StorageFull("存储空间已满，暂时不能保存；查询不受影响，请联系管理员扩容");
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY: return Status::Unavailable(msg);
    default: return Status::Internal(msg);
  }
}

}  // namespace

Stmt::~Stmt() {
  sqlite3_finalize(stmt_);
}

Stmt& Stmt::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  return *this;
}

Stmt& Stmt::Bind(int index, std::int64_t v) {
  sqlite3_bind_int64(stmt_, index, v);
  return *this;
}

Stmt& Stmt::Bind(int index, std::string_view v) {
  sqlite3_bind_text(stmt_, index, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}

Stmt& Stmt::BindNull(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

int Stmt::NumberedIndex(int n) {
  if (!numbered_ready_) {
    numbered_ready_ = true;
    const int count = sqlite3_bind_parameter_count(stmt_);
    for (int i = 1; i <= count; ++i) {
      const char* name = sqlite3_bind_parameter_name(stmt_, i);
      if (name == nullptr || name[0] != '$') continue;
      const int k = std::atoi(name + 1);
      if (k <= 0) continue;
      if (static_cast<std::size_t>(k) >= numbered_.size()) numbered_.resize(static_cast<std::size_t>(k) + 1, 0);
      numbered_[static_cast<std::size_t>(k)] = i;
    }
  }
  return n > 0 && static_cast<std::size_t>(n) < numbered_.size() ? numbered_[static_cast<std::size_t>(n)] : 0;
}

Result<bool> Stmt::Step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  sqlite3* db = sqlite3_db_handle(stmt_);
  Status s = MapError(sqlite3_extended_errcode(db), "sqlite", sqlite3_errmsg(db));
  sqlite3_reset(stmt_);
  return s;
}

Status Stmt::Run() {
  for (;;) {
    XJ_ASSIGN_OR_RETURN(bool row, Step());
    if (!row) return Status::Ok();
  }
}

std::int64_t Stmt::Int(int col) const {
  return sqlite3_column_int64(stmt_, col);
}

std::string Stmt::Text(int col) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
  return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))) : std::string();
}

std::string_view Stmt::TextView(int col) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
  return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))) : std::string_view();
}

bool Stmt::IsNull(int col) const {
  return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
}

int Stmt::ColumnCount() const {
  return sqlite3_column_count(stmt_);
}

std::string Stmt::ColumnName(int col) const {
  const char* name = sqlite3_column_name(stmt_, col);
  return name ? name : "";
}

Result<std::unique_ptr<Db>> Db::Open(const std::string& path) {
  sqlite3* raw = nullptr;
  const int rc =
      sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    Status s = MapError(rc, "打开数据库 " + path + " 失败", raw ? sqlite3_errmsg(raw) : nullptr);
    sqlite3_close(raw);
    return s;
  }
  std::unique_ptr<Db> db(new Db(raw));
  sqlite3_busy_timeout(raw, kBusyTimeoutMs);
  // synchronous=FULL: a commit the API acknowledged survives a power loss too (NORMAL would
  // keep the database consistent but could lose the last commits), at one fsync per commit.
  // A 64 MiB page cache (default 2 MiB): big imports insert into three ledger indexes at
  // random positions, and a small cache turns every insert into disk reads and writes.
  XJ_RETURN_IF_ERROR(
      db->Exec("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL; PRAGMA cache_size=-65536;"));
  return db;
}

Db::~Db() {
  cache_.clear();
  sqlite3_close(db_);
}

Status Db::Error(int rc, std::string_view what) const {
  return MapError(rc, what, sqlite3_errmsg(db_));
}

Status Db::Exec(std::string_view sql) {
  std::string copy(sql);
  char* err = nullptr;
  const int rc = sqlite3_exec(db_, copy.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    Status s = MapError(sqlite3_extended_errcode(db_), "sqlite", err);
    sqlite3_free(err);
    return s;
  }
  return Status::Ok();
}

Result<Stmt*> Db::Prepare(const char* sql) {
  auto it = cache_.find(sql);
  if (it != cache_.end()) return &it->second->Reset();
  sqlite3_stmt* raw = nullptr;
  const int rc = sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
  if (rc != SQLITE_OK) return Error(rc, "prepare");
  auto stmt = std::make_unique<Stmt>(raw);
  Stmt* p = stmt.get();
  cache_.emplace(sql, std::move(stmt));
  return p;
}

Result<std::unique_ptr<Stmt>> Db::PrepareOnce(const std::string& sql) {
  sqlite3_stmt* raw = nullptr;
  const int rc = sqlite3_prepare_v2(db_, sql.c_str(), -1, &raw, nullptr);
  if (rc != SQLITE_OK) return Error(rc, "prepare");
  return std::make_unique<Stmt>(raw);
}

std::int64_t Db::LastInsertRowid() const {
  return sqlite3_last_insert_rowid(db_);
}
int Db::Changes() const {
  return sqlite3_changes(db_);
}

Status Db::BackupTo(const std::string& path) {
  sqlite3_stmt* raw = nullptr;
  int rc = sqlite3_prepare_v2(db_, "VACUUM INTO ?1", -1, &raw, nullptr);
  if (rc != SQLITE_OK) return Error(rc, "backup");
  Stmt stmt(raw);
  stmt.Bind(1, path);
  return stmt.Run();
}

}  // namespace xj::sqlite
