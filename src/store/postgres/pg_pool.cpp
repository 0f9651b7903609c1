#include "store/postgres/pg_pool.hpp"

namespace xj::pg {

Pool::Lease::~Lease() {
  if (conn_) pool_->Release(std::move(conn_));
}

Result<Pool::Lease> Pool::Acquire() {
  std::unique_lock lock(mu_);
  const auto deadline = std::chrono::steady_clock::now() + options_.acquire_timeout;
  while (idle_.empty() && open_ >= options_.max_connections) {
    if (freed_.wait_until(lock, deadline) == std::cv_status::timeout && idle_.empty() &&
        open_ >= options_.max_connections) {
      return Status::Unavailable("PostgreSQL 连接池已满（" + std::to_string(options_.max_connections) + " 个连接）");
    }
  }
  if (!idle_.empty()) {
    std::unique_ptr<Conn> conn = std::move(idle_.back());
    idle_.pop_back();
    return Lease(this, std::move(conn));
  }
  ++open_;
  lock.unlock();
  Result<std::unique_ptr<Conn>> conn = Conn::Open(options_.conninfo);
  if (!conn.ok()) {
    lock.lock();
    --open_;
    freed_.notify_one();
    return conn.status();
  }
  return Lease(this, std::move(conn).value());
}

void Pool::Release(std::unique_ptr<Conn> conn) {
  // A connection left inside a transaction (an exception between BEGIN and
  // COMMIT) or broken is closed rather than handed to the next caller.
  const bool reusable = conn->IsIdle();
  if (!reusable) conn.reset();
  std::lock_guard lock(mu_);
  if (reusable) {
    idle_.push_back(std::move(conn));
  } else {
    --open_;
  }
  freed_.notify_one();
}

}  // namespace xj::pg
