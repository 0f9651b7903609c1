#pragma once
/// RAII wrapper of the libpq C API. The only place that includes <libpq-fe.h>.
/// Every value crosses the wire as text; SQLSTATEs become ErrorCodes here.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.hpp"

struct pg_conn;
struct pg_result;

namespace xj::pg {

/// One text cell or parameter; nullopt is SQL NULL.
using Cell = std::optional<std::string>;
/// Positional parameters $1, $2, … of one statement, in text form.
using Params = std::vector<Cell>;

/// A query result (owns the PGresult). Cells are read as text.
class Rows {
 public:
  Rows() = default;
  explicit Rows(pg_result* res) : res_(res) {}
  ~Rows();
  Rows(Rows&& other) noexcept : res_(other.res_) { other.res_ = nullptr; }
  Rows& operator=(Rows&& other) noexcept;
  Rows(const Rows&) = delete;
  Rows& operator=(const Rows&) = delete;

  int size() const;
  int columns() const;
  std::string ColumnName(int col) const;
  bool IsNull(int row, int col) const;
  /// The cell as text; "" for NULL.
  std::string Text(int row, int col) const;
  /// The cell parsed as a (possibly numeric-typed) integer; 0 for NULL.
  std::int64_t Int(int row, int col) const;
  /// The cell as text or nullopt for NULL.
  Cell Get(int row, int col) const;
  /// The cell's text without a copy, valid while these Rows live; empty for NULL.
  std::string_view TextView(int row, int col) const;
  /// Rows an INSERT, UPDATE or DELETE changed.
  std::int64_t AffectedRows() const;

 private:
  pg_result* res_ = nullptr;
};

/// Builds COPY … FROM STDIN text-format rows and sends them in large chunks.
class CopyWriter {
 public:
  /// Appends one row; cells are escaped for the COPY text format.
  Status Row(const std::vector<Cell>& cells);

 private:
  friend class Conn;
  explicit CopyWriter(pg_conn* conn) : conn_(conn) {}
  Status Flush();
  pg_conn* conn_;
  std::string buffer_;
};

/// Whether a failure is worth retrying the whole transaction for (serialization
/// failure or deadlock, both mapped to Conflict by this wrapper).
bool IsRetryable(const Status& s);

/// One server connection. Not thread-safe: one thread at a time (the pool hands it out).
class Conn {
 public:
  /// Connects (a `postgresql://` URL or key=value string) and sets ISO dates and UTF-8.
  /// Unavailable when the server cannot be reached or refuses the login.
  static Result<std::unique_ptr<Conn>> Open(const std::string& conninfo);
  ~Conn();
  Conn(const Conn&) = delete;
  Conn& operator=(const Conn&) = delete;

  /// Runs one or more statements without parameters (migrations, BEGIN/COMMIT).
  Status Exec(std::string_view sql);
  /// Runs a statement prepared once per connection and cached by the pointer `sql`,
  /// which must have static storage (a named constant).
  Result<Rows> Query(const char* sql, const Params& params = {});
  /// Runs the prepared statement `sql` once per parameter set, pipelined (one
  /// network round trip per kPipelineDepth statements), calling `fn` with each
  /// result in order. Stops at the first failure and returns it.
  Status QueryEach(const char* sql, const std::vector<Params>& each,
                   const std::function<void(std::size_t index, const Rows& rows)>& fn);
  /// Runs a statement built at run time (not cached).
  Result<Rows> QueryDynamic(const std::string& sql, const Params& params = {});
  /// Streams the rows of a query one at a time (libpq single-row mode) so that a
  /// scan of millions of rows never sits in memory. Stops at the first non-ok
  /// Status of `fn` (cancelling the query) and returns it.
  Status Stream(const std::string& sql, const Params& params, const std::function<Status(const Rows& row)>& fn);
  /// Runs `COPY … FROM STDIN` (text format) with the rows `fill` writes.
  Status CopyIn(const std::string& copy_sql, const std::function<Status(CopyWriter&)>& fill);

  /// True when the connection is up and no transaction is open (safe to pool).
  bool IsIdle() const;

 private:
  explicit Conn(pg_conn* conn) : conn_(conn) {}
  /// The server-side name of `sql`, preparing it on first use.
  Result<std::string> Prepared(const char* sql);
  /// Checks a finished result; maps an error to a Status and frees it.
  Result<Rows> Check(pg_result* res, std::string_view what);
  /// Reads results until libpq has none left (after COPY or a cancelled stream).
  void Drain();

  pg_conn* conn_;
  bool broken_ = false;                                    ///< left in an unknown protocol state; closed by the pool
  std::unordered_map<const char*, std::string> prepared_;  ///< sql → statement name
};

}  // namespace xj::pg
