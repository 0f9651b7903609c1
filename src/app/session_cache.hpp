#pragma once
/// A short-lived cache of authenticated sessions (issue #16 point 3): an authenticated request
/// served from it costs no store round trip (FindSession + FindUserById). It holds a session
/// with its user for at most `ttl_seconds`, and is emptied whenever the store's auth_log counter
/// moves (migration 0019: a session revoked or deleted, a user changed — by any process), which
/// the follower checks on every tick, and at once by this process's own logout and account
/// changes. Enabled only while the follower runs: without it nothing would empty it.

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "store/account_records.hpp"

namespace xj {

class SessionCache {
 public:
  struct Entry {
    SessionRecord session;
    UserRecord user;
    std::int64_t cached_at = 0;  ///< unix seconds
  };
  /// Off (the default): Find finds nothing and Put keeps nothing.
  void Enable(bool on);
  /// The entry of `token_hash`, when cached within the last `ttl_seconds`.
  std::optional<Entry> Find(const std::string& token_hash, std::int64_t now_s, std::int64_t ttl_seconds) const;
  /// A generation to pass to Put: read before the store is read, so that an entry read before a
  /// Clear() is never cached after it.
  std::uint64_t generation() const;
  void Put(std::uint64_t generation, Entry entry);
  void Erase(const std::string& token_hash);
  void Clear();
  /// The follower's step: empties the cache when the auth_log counter moved since the last call.
  void Follow(std::int64_t auth_changes);
  std::size_t size() const;

  static constexpr std::size_t kMaxEntries = 10'000;

 private:
  mutable std::mutex mu_;
  bool enabled_ = false;
  std::uint64_t generation_ = 0;
  std::optional<std::int64_t> followed_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace xj
