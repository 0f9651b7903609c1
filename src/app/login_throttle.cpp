#include "app/login_throttle.hpp"

#include <algorithm>
#include <unordered_set>

namespace xj {
namespace {

std::string UserKey(std::string_view u) {
  return "u:" + std::string(u);
}
std::string AddressKey(std::string_view a) {
  return "a:" + std::string(a);
}
std::string PairKey(std::string_view u, std::string_view a) {
  return "p:" + std::string(a) + "\n" + std::string(u);  // no address holds a newline
}

/// Failures kept per key: enough to count any limit and many addresses.
constexpr std::size_t kKeptPerKey = 256;

}  // namespace

const LoginThrottle::Failures* LoginThrottle::LiveLocked(const std::string& key, Clock::time_point now) {
  auto it = failures_.find(key);
  if (it == failures_.end()) return nullptr;
  auto& q = it->second;
  while (!q.empty() && now - q.front().first >= policy_.window) q.pop_front();
  if (q.empty()) {
    failures_.erase(it);
    return nullptr;
  }
  return &q;
}

std::int64_t LoginThrottle::WaitLocked(int count, int limit, Clock::time_point last, Clock::time_point now) const {
  if (count < limit) return 0;
  // The limit-th failure waits first_delay, each further one doubles it, up to max_delay.
  const int doublings = std::min(count - limit, 30);
  const auto delay =
      std::min<std::chrono::seconds>(policy_.first_delay * (std::int64_t{1} << doublings), policy_.max_delay);
  const auto left = last + delay - now;
  if (left <= Clock::duration::zero()) return 0;
  return std::max<std::int64_t>(1, std::chrono::ceil<std::chrono::seconds>(left).count());
}

bool LoginThrottle::Allowed(std::string_view username, std::string_view address, Clock::time_point now) {
  return RetryAfterSeconds(username, address, now) == 0;
}

std::int64_t LoginThrottle::RetryAfterSeconds(std::string_view username, std::string_view address,
                                              Clock::time_point now) {
  std::lock_guard lock(mu_);
  std::int64_t wait = 0;
  if (const Failures* pair = LiveLocked(PairKey(username, address), now)) {
    wait = std::max(wait,
                    WaitLocked(static_cast<int>(pair->size()), policy_.max_failures_per_user, pair->back().first, now));
  }
  if (const Failures* from = LiveLocked(AddressKey(address), now)) {
    wait = std::max(
        wait, WaitLocked(static_cast<int>(from->size()), policy_.max_failures_per_address, from->back().first, now));
  }
  if (const Failures* user = LiveLocked(UserKey(username), now)) {
    // Every address waits only when many different addresses failed for this username.
    std::unordered_set<std::string_view> addresses;
    for (const auto& [at, from_address] : *user) addresses.insert(from_address);
    wait = std::max(
        wait, WaitLocked(static_cast<int>(addresses.size()), policy_.max_failures_per_user, user->back().first, now));
  }
  return wait;
}

void LoginThrottle::RecordFailure(std::string_view username, std::string_view address, Clock::time_point now) {
  std::lock_guard lock(mu_);
  if (failures_.size() + 3 > policy_.max_tracked_keys) {
    for (auto it = failures_.begin(); it != failures_.end();) {
      it =
          (it->second.empty() || now - it->second.back().first >= policy_.window) ? failures_.erase(it) : std::next(it);
    }
    while (!failures_.empty() && failures_.size() + 3 > policy_.max_tracked_keys) failures_.erase(failures_.begin());
  }
  for (const std::string& key : {PairKey(username, address), AddressKey(address), UserKey(username)}) {
    auto& q = failures_[key];
    q.emplace_back(now, std::string(address));
    while (q.size() > kKeptPerKey) q.pop_front();
  }
}

void LoginThrottle::RecordSuccess(std::string_view username, std::string_view address) {
  std::lock_guard lock(mu_);
  failures_.erase(UserKey(username));
  failures_.erase(PairKey(username, address));
}

}  // namespace xj
