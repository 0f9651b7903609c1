#pragma once
/// A bounded pool of PostgreSQL connections shared by every thread of the process.

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/postgres/pg_conn.hpp"

namespace xj::pg {

struct PoolOptions {
  /// libpq connection string or URL (without xianjie's own parameters).
  std::string conninfo;
  /// Most connections open at once; keep the sum over all servers below the
  /// server's max_connections minus superuser_reserved_connections.
  int max_connections = 8;
  /// How long Acquire() waits for a free connection before Unavailable.
  std::chrono::milliseconds acquire_timeout{10'000};
};

/// Thread-safe. Connections are opened lazily up to max_connections, reused
/// while healthy and idle, and closed when returned broken or mid-transaction.
class Pool {
 public:
  /// A borrowed connection, returned to the pool when destroyed.
  class Lease {
   public:
    Lease(Pool* pool, std::unique_ptr<Conn> conn) : pool_(pool), conn_(std::move(conn)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    Conn& operator*() const { return *conn_; }
    Conn* operator->() const { return conn_.get(); }

   private:
    Pool* pool_;
    std::unique_ptr<Conn> conn_;
  };

  explicit Pool(PoolOptions options) : options_(std::move(options)) {}
  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;

  /// A connection for the caller's exclusive use. Unavailable when none frees up
  /// within the timeout or the server cannot be reached.
  Result<Lease> Acquire();
  const PoolOptions& options() const { return options_; }

 private:
  void Release(std::unique_ptr<Conn> conn);

  const PoolOptions options_;
  std::mutex mu_;
  std::condition_variable freed_;
  std::vector<std::unique_ptr<Conn>> idle_;  // GUARDED_BY(mu_)
  int open_ = 0;                             // GUARDED_BY(mu_): idle + leased
};

}  // namespace xj::pg
