#pragma once
/// The SQLite driver of SqlStore: an embedded file (WAL, foreign keys on, prepared statements).

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "store/sql/driver.hpp"
#include "store/sqlite/sqlite_db.hpp"

namespace xj::sqlite {

/// One connection serialized by a recursive mutex: SQLite has one writer anyway, and the
/// figures are answered from memory by the analytics engine. Sharded scans open read-only
/// connections of their own (WAL readers do not block each other).
class SqliteDriver final : public sql::Driver {
 public:
  /// `max_pages` > 0 caps the file at that many pages (PRAGMA max_page_count on the writing
  /// connection): past it, writes fail as StorageFull like on a full disk (drills and tests).
  static Result<std::unique_ptr<SqliteDriver>> Open(const std::string& path, std::int64_t max_pages = 0);

  sql::Dialect dialect() const override { return sql::Dialect::kSqlite; }
  std::string_view backend() const override { return "sqlite"; }
  Result<int> Migrate() override;
  Result<int> ApplyMigrations(const std::vector<Migration>& migrations) override;
  Result<int> SchemaVersion() override;
  /// VACUUM INTO `path`: a consistent copy while readers and writers go on.
  Status Backup(const std::string& path) override;

  Status Read(const sql::ConnFn& fn) override;
  /// BEGIN IMMEDIATE: the write lock is taken at the start, so a transaction never fails
  /// half-way for another writer (the busy timeout waits for it instead); `retry` is moot.
  Status Write(const sql::ConnFn& fn, bool retry) override;
  bool InTransaction() const override;
  Status LockLedger(sql::Conn&) override { return Status::Ok(); }
  /// A write transaction already holds the database's one write lock (BEGIN IMMEDIATE).
  Status Exclusive(std::string_view, const std::function<Status()>& fn) override { return fn(); }
  /// Rowid keys follow the largest row by themselves.
  Status MoveSequencesPast(sql::Conn&, std::string_view) override { return Status::Ok(); }
  int MaxScanShards() const override;
  Status ScanShards(int shards, const std::function<Status(sql::Conn&, int)>& scan) override;

 private:
  SqliteDriver(std::unique_ptr<Db> db, std::string path) : db_(std::move(db)), path_(std::move(path)) {}

  mutable std::recursive_mutex mu_;
  std::unique_ptr<Db> db_;                 // GUARDED_BY(mu_)
  int tx_depth_ = 0;                       // GUARDED_BY(mu_)
  std::atomic<std::thread::id> tx_owner_;  // the thread whose transaction is open
  std::string path_;                       // for the extra read connections of sharded scans
};

}  // namespace xj::sqlite
