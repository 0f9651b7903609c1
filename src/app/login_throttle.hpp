#pragma once
/// Throttling of failed logins (登录失败限制) with growing delays, per username × address, per
/// address and per username from many addresses — never a lock-out one address can impose. The
/// failures are kept in the store (login_failures, migration 0018), so every server of a database
/// throttles on the same failures.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/status.hpp"
#include "store/store.hpp"

namespace xj {

/// Limits of the throttle; part of AccountsPolicy. Past a limit, each further failure doubles
/// the wait after it: first_delay, 2×, 4× … up to max_delay.
struct LoginThrottlePolicy {
  /// Failures for one username from one address before that address waits for that username;
  /// also how many different addresses must fail for one username before every address waits
  /// (a distributed guess). One address alone never makes the real user wait elsewhere.
  int max_failures_per_user = 5;
  int max_failures_per_address = 20;       ///< failures from one address, any username (an office shares one)
  std::chrono::seconds window{15 * 60};    ///< failures older than this are forgotten (and deleted)
  std::size_t max_tracked_keys = 100'000;  ///< memory bound of the throttled-login audit coalescing
  std::chrono::seconds first_delay{5};     ///< the wait after the first failure past a limit
  std::chrono::seconds max_delay{15 * 60};
};

/// Sliding-window counter of failures in the store. Thread-safe as the store is; each call is one
/// store round trip (a login is rare). Store errors are returned: a login is not let through
/// unthrottled when the failures cannot be read.
class LoginThrottle {
 public:
  using Clock = std::chrono::system_clock;
  /// `store` must outlive the throttle.
  LoginThrottle(LoginThrottlePolicy policy, Store& store) : policy_(policy), store_(store) {}

  /// Seconds until a login for `username` from `address` may be tried at `now` (0: at once).
  Result<std::int64_t> RetryAfterSeconds(std::string_view username, std::string_view address, Clock::time_point now);
  /// Records one failure; failures that left the window are deleted meanwhile.
  Status RecordFailure(std::string_view username, std::string_view address, Clock::time_point now);
  /// Forgets the username's failures from everywhere and from `address` (not the address's
  /// own count, which one success must not reset, nor other addresses' waits for the username).
  Status RecordSuccess(std::string_view username, std::string_view address);

 private:
  /// The wait left at `now` after `count` failures (the newest at `last_ms`) over `limit`.
  std::int64_t Wait(std::int64_t count, int limit, std::int64_t last_ms, Clock::time_point now) const;

  LoginThrottlePolicy policy_;
  Store& store_;
};

}  // namespace xj
