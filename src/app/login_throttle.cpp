#include "app/login_throttle.hpp"

#include <algorithm>

namespace xj {
namespace {
std::string UserKey(std::string_view u) {
  return "u:" + std::string(u);
}
std::string AddressKey(std::string_view a) {
  return "a:" + std::string(a);
}
}  // namespace

int LoginThrottle::CountLocked(const std::string& key, Clock::time_point now) {
  auto it = failures_.find(key);
  if (it == failures_.end()) return 0;
  auto& q = it->second;
  while (!q.empty() && now - q.front() >= policy_.window) q.pop_front();
  if (q.empty()) {
    failures_.erase(it);
    return 0;
  }
  return static_cast<int>(q.size());
}

std::int64_t LoginThrottle::WaitLocked(const std::string& key, int limit, Clock::time_point now) {
  const int n = CountLocked(key, now);
  if (n < limit) return 0;
  const auto& q = failures_[key];
  // Allowed again once enough old failures have left the window.
  const auto release = q[static_cast<std::size_t>(n - limit)] + policy_.window;
  return std::max<std::int64_t>(1, std::chrono::ceil<std::chrono::seconds>(release - now).count());
}

bool LoginThrottle::Allowed(std::string_view username, std::string_view address, Clock::time_point now) {
  return RetryAfterSeconds(username, address, now) == 0;
}

std::int64_t LoginThrottle::RetryAfterSeconds(std::string_view username, std::string_view address,
                                              Clock::time_point now) {
  std::lock_guard lock(mu_);
  return std::max(WaitLocked(UserKey(username), policy_.max_failures_per_user, now),
                  WaitLocked(AddressKey(address), policy_.max_failures_per_address, now));
}

void LoginThrottle::RecordFailure(std::string_view username, std::string_view address, Clock::time_point now) {
  std::lock_guard lock(mu_);
  if (failures_.size() >= policy_.max_tracked_keys) {
    for (auto it = failures_.begin(); it != failures_.end();) {
      it = (it->second.empty() || now - it->second.back() >= policy_.window) ? failures_.erase(it) : std::next(it);
    }
    while (failures_.size() >= policy_.max_tracked_keys) failures_.erase(failures_.begin());
  }
  for (const std::string& key : {UserKey(username), AddressKey(address)}) {
    auto& q = failures_[key];
    q.push_back(now);
    // Only the newest `limit` failures matter; keep the deque bounded.
    const auto cap =
        static_cast<std::size_t>(std::max(policy_.max_failures_per_user, policy_.max_failures_per_address));
    while (q.size() > cap) q.pop_front();
  }
}

void LoginThrottle::RecordSuccess(std::string_view username) {
  std::lock_guard lock(mu_);
  failures_.erase(UserKey(username));
}

}  // namespace xj
