#include "app/session_cache.hpp"

namespace xj {

void SessionCache::Enable(bool on) {
  std::lock_guard lock(mu_);
  enabled_ = on;
  entries_.clear();
  ++generation_;
}

std::optional<SessionCache::Entry> SessionCache::Find(const std::string& token_hash, std::int64_t now_s,
                                                      std::int64_t ttl_seconds) const {
  std::lock_guard lock(mu_);
  if (!enabled_) return std::nullopt;
  auto it = entries_.find(token_hash);
  if (it == entries_.end() || now_s - it->second.cached_at >= ttl_seconds || now_s < it->second.cached_at) {
    return std::nullopt;
  }
  return it->second;
}

std::uint64_t SessionCache::generation() const {
  std::lock_guard lock(mu_);
  return generation_;
}

void SessionCache::Put(std::uint64_t generation, Entry entry) {
  std::lock_guard lock(mu_);
  if (!enabled_ || generation != generation_) return;
  if (entries_.size() >= kMaxEntries) entries_.clear();  // bounded; refilled by the next requests
  std::string key = entry.session.token_hash;
  entries_.insert_or_assign(std::move(key), std::move(entry));
}

void SessionCache::Erase(const std::string& token_hash) {
  std::lock_guard lock(mu_);
  entries_.erase(token_hash);
  ++generation_;
}

void SessionCache::Clear() {
  std::lock_guard lock(mu_);
  entries_.clear();
  ++generation_;
}

void SessionCache::Follow(std::int64_t auth_changes) {
  std::lock_guard lock(mu_);
  if (followed_ && *followed_ == auth_changes) return;
  followed_ = auth_changes;
  entries_.clear();
  ++generation_;
}

std::size_t SessionCache::size() const {
  std::lock_guard lock(mu_);
  return entries_.size();
}

}  // namespace xj
