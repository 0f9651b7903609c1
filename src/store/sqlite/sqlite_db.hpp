#pragma once
/// RAII wrapper of the sqlite3 C API. The only place that includes <sqlite3.h>.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace xj::sqlite {

/// A prepared statement. Owned by the Db's cache; reset on every Query/Execute.
/// Not thread-safe: guard the owning Db.
class Stmt {
 public:
  explicit Stmt(sqlite3_stmt* stmt) : stmt_(stmt) {}
  ~Stmt();
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  /// Clears bindings and rewinds. Returns *this for chaining binds.
  Stmt& Reset();
  Stmt& Bind(int index, std::int64_t v);
  Stmt& Bind(int index, std::string_view v);
  Stmt& Bind(int index, const char* v) { return Bind(index, std::string_view(v)); }
  Stmt& Bind(int index, const std::string& v) { return Bind(index, std::string_view(v)); }
  Stmt& BindNull(int index);
  Stmt& Bind(int index, const std::optional<std::string>& v) { return v ? Bind(index, *v) : BindNull(index); }
  Stmt& Bind(int index, const std::optional<std::int64_t>& v) { return v ? Bind(index, *v) : BindNull(index); }
  /// The index of parameter `$n` (statements number their parameters $1, $2, … and may use
  /// one several times or out of order); 0 when the statement does not use it.
  int NumberedIndex(int n);

  /// Steps once: true when a row is available, false when done. Constraint
  /// violations map to AlreadyExists / InvalidArgument, BUSY to Unavailable.
  Result<bool> Step();
  /// Steps to completion, ignoring rows.
  Status Run();

  std::int64_t Int(int col) const;
  std::string Text(int col) const;
  /// The column's text without a copy; valid until the next Step/Reset.
  std::string_view TextView(int col) const;
  bool IsNull(int col) const;
  int ColumnCount() const;
  std::string ColumnName(int col) const;

 private:
  sqlite3_stmt* stmt_;
  std::string first_error_;
  std::vector<int> numbered_;  ///< $n → bind index, filled on first use
  bool numbered_ready_ = false;
};

/// One connection. Not thread-safe: the SqliteDriver serializes access.
class Db {
 public:
  /// Opens (creating) a database file with WAL, foreign keys on and a busy timeout.
  static Result<std::unique_ptr<Db>> Open(const std::string& path);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  /// Runs one or more statements without parameters (migrations, BEGIN/COMMIT).
  Status Exec(std::string_view sql);
  /// A cached prepared statement for `sql`, reset and ready to bind.
  /// `sql` must be a string with static storage (a named constant).
  Result<Stmt*> Prepare(const char* sql);
  /// A statement built at run time, not cached; owned by the caller.
  Result<std::unique_ptr<Stmt>> PrepareOnce(const std::string& sql);
  std::int64_t LastInsertRowid() const;
  int Changes() const;
  /// VACUUM INTO `path`: a consistent copy while readers and writers go on.
  Status BackupTo(const std::string& path);

 private:
  explicit Db(sqlite3* db) : db_(db) {}
  Status Error(int rc, std::string_view what) const;
  sqlite3* db_;
  std::unordered_map<const char*, std::unique_ptr<Stmt>> cache_;
};

}  // namespace xj::sqlite
