// Following the store (issue #16): every process's engine is a projection of the store, kept
// up to date with what other processes (servers, `xianjie import`, `xianjie demo`) commit.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>

#include "app/app.hpp"

namespace xj {

Result<bool> App::FollowStore() {
  std::lock_guard write(write_mu_);
  return FollowStoreLocked();
}

Result<bool> App::FollowStoreLocked() {
  Store& source = engine_source();
  // With a replica, the store's own mark says how far the replica must have replayed before a
  // rebuild from it cannot go back in time (read first: the replica's is then at least as new).
  Store::ChangeMark primary;
  if (replica_) {
    XJ_ASSIGN_OR_RETURN(primary, store_->ReadChangeMark());
  }
  XJ_ASSIGN_OR_RETURN(Store::ChangeMark mark, source.ReadChangeMark());
  // A session revoked or a user changed by any process: cached sessions are dropped (sessions are
  // read from the store, so its counter decides).
  session_cache_.Follow(replica_ ? primary.auth_changes : mark.auth_changes);
  if (mark.changes != followed_changes_) {
    // A replica behind the store may lack this process's own writes, which the engine already
    // holds: rebuilding from it would take them away until it catches up. Wait for it instead.
    if (replica_ && (mark.changes < primary.changes || mark.max_seq < primary.max_seq)) return false;
    // Something the engine is built from changed (it may be this process's own write: the
    // rebuild then reproduces what the engine already holds). Rebuilt aside, swapped in at once.
    XJ_RETURN_IF_ERROR(ReloadRegions(&source));
    XJ_RETURN_IF_ERROR(RebuildEngine(std::nullopt, &source));
    followed_changes_ = mark.changes;
    return true;
  }
  if (mark.max_seq <= followed_seq_) return false;
  XJ_ASSIGN_OR_RETURN(std::vector<StoredEntry> read, source.EntriesAfter(followed_seq_));
  if (read.empty()) return false;
  const std::int64_t last = read.back().seq;
  std::vector<StoredEntry> foreign;
  foreign.reserve(read.size());
  for (StoredEntry& e : read) {
    if (!own_seqs_.count(e.seq)) foreign.push_back(std::move(e));
  }
  if (!foreign.empty()) {
    // One lock for the whole batch: a figure read meanwhile is from before it or after it.
    std::unique_lock lock(state_mu_);
    engine_->AddEntries(foreign);
  }
  followed_seq_ = last;
  own_seqs_.erase(own_seqs_.begin(), own_seqs_.upper_bound(followed_seq_));
  return !foreign.empty();
}

Status App::CatchUpLocked() {
  const auto deadline = std::chrono::steady_clock::now() + options_.replica_wait;
  for (;;) {
    XJ_RETURN_IF_ERROR(FollowStoreLocked().status());
    // Without a replica the store holds every own entry: one step takes them all in.
    if (own_seqs_.empty()) return Status::Ok();
    if (!replica_ || std::chrono::steady_clock::now() >= deadline)
      return Status::Unavailable("只读副本未在时限内追上本进程写入的台账");
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

void App::StartFollower(std::chrono::milliseconds interval) {
  StopFollower();
  {
    std::lock_guard lock(follower_mu_);
    follower_stop_ = false;
  }
  session_cache_.Enable(true);
  follower_ = std::thread([this, interval] {
    std::unique_lock lock(follower_mu_);
    bool failing = false;
    while (!follower_cv_.wait_for(lock, interval, [this] { return follower_stop_; })) {
      lock.unlock();
      // A failed step (the database briefly unreachable) is retried on the next tick; the first
      // failure of a run of them is logged.
      const Result<bool> step = FollowStore();
      if (!step.ok() && !failing)
        std::fprintf(stderr, "跟随存储失败（将重试）：%s\n", step.status().ToString().c_str());
      failing = !step.ok();
      lock.lock();
    }
  });
}

void App::StopFollower() {
  {
    std::lock_guard lock(follower_mu_);
    follower_stop_ = true;
  }
  follower_cv_.notify_all();
  if (follower_.joinable()) follower_.join();
  session_cache_.Enable(false);
}

}  // namespace xj
