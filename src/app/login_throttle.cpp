#include "app/login_throttle.hpp"

#include <algorithm>
#include <string>

namespace xj {
namespace {

/// Usernames are short; a longer text is kept to this many bytes (it never names a user).
constexpr std::size_t kMaxKeptUsernameBytes = 256;

std::int64_t UnixMs(LoginThrottle::Clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

std::string_view Kept(std::string_view username) {
  return username.substr(0, std::min(username.size(), kMaxKeptUsernameBytes));
}

}  // namespace

std::int64_t LoginThrottle::Wait(std::int64_t count, int limit, std::int64_t last_ms, Clock::time_point now) const {
  if (count < limit) return 0;
  // The limit-th failure waits first_delay, each further one doubles it, up to max_delay.
  const int doublings = static_cast<int>(std::min<std::int64_t>(count - limit, 30));
  const auto delay =
      std::min<std::chrono::seconds>(policy_.first_delay * (std::int64_t{1} << doublings), policy_.max_delay);
  const std::int64_t left_ms =
      last_ms + std::chrono::duration_cast<std::chrono::milliseconds>(delay).count() - UnixMs(now);
  if (left_ms <= 0) return 0;
  return std::max<std::int64_t>(1, (left_ms + 999) / 1000);
}

Result<std::int64_t> LoginThrottle::RetryAfterSeconds(std::string_view username, std::string_view address,
                                                      Clock::time_point now) {
  const std::int64_t after_ms = UnixMs(now - policy_.window);
  XJ_ASSIGN_OR_RETURN(LoginFailureCounts c, store_.CountLoginFailures(Kept(username), address, after_ms));
  std::int64_t wait = Wait(c.pair, policy_.max_failures_per_user, c.pair_last_ms, now);
  wait = std::max(wait, Wait(c.address, policy_.max_failures_per_address, c.address_last_ms, now));
  // Every address waits only when many different addresses failed for this username.
  wait = std::max(wait, Wait(c.user_addresses, policy_.max_failures_per_user, c.user_last_ms, now));
  return wait;
}

Status LoginThrottle::RecordFailure(std::string_view username, std::string_view address, Clock::time_point now) {
  return store_.RecordLoginFailure(Kept(username), address, UnixMs(now), UnixMs(now - policy_.window));
}

Status LoginThrottle::RecordSuccess(std::string_view username, std::string_view address) {
  return store_.ClearLoginFailures(Kept(username), address);
}

}  // namespace xj
