#pragma once
/// Throttling of failed logins (登录失败限制) with growing delays, per username × address, per
/// address and per username from many addresses — never a lock-out one address can impose.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace xj {

/// Limits of the throttle; part of AccountsPolicy. Past a limit, each further failure doubles
/// the wait after it: first_delay, 2×, 4× … up to max_delay.
struct LoginThrottlePolicy {
  /// Failures for one username from one address before that address waits for that username;
  /// also how many different addresses must fail for one username before every address waits
  /// (a distributed guess). One address alone never makes the real user wait elsewhere.
  int max_failures_per_user = 5;
  int max_failures_per_address = 20;       ///< failures from one address, any username (an office shares one)
  std::chrono::seconds window{15 * 60};    ///< failures older than this are forgotten
  std::size_t max_tracked_keys = 100'000;  ///< memory bound: the oldest keys are dropped beyond it
  std::chrono::seconds first_delay{5};     ///< the wait after the first failure past a limit
  std::chrono::seconds max_delay{15 * 60};
};

/// In-memory sliding-window counter of failures. Thread-safe. Forgotten on restart, which
/// only gives an attacker one more window.
class LoginThrottle {
 public:
  using Clock = std::chrono::system_clock;
  explicit LoginThrottle(LoginThrottlePolicy policy) : policy_(policy) {}

  /// Whether a login for `username` from `address` may be tried at `now`.
  bool Allowed(std::string_view username, std::string_view address, Clock::time_point now);
  /// Seconds until Allowed() turns true again (0 when it is).
  std::int64_t RetryAfterSeconds(std::string_view username, std::string_view address, Clock::time_point now);
  void RecordFailure(std::string_view username, std::string_view address, Clock::time_point now);
  /// Forgets the username's failures from everywhere and from `address` (not the address's
  /// own count, which one success must not reset, nor other addresses' waits for the username).
  void RecordSuccess(std::string_view username, std::string_view address);

 private:
  /// One failure: when, and from which address (for the username's distinct-address count).
  using Failures = std::deque<std::pair<Clock::time_point, std::string>>;
  /// REQUIRES: mu_ held. Drops failures older than the window; returns the key's failures.
  const Failures* LiveLocked(const std::string& key, Clock::time_point now);
  /// REQUIRES: mu_ held. The wait left after `count` failures (the last at `last`) over `limit`.
  std::int64_t WaitLocked(int count, int limit, Clock::time_point last, Clock::time_point now) const;

  LoginThrottlePolicy policy_;
  std::mutex mu_;
  std::unordered_map<std::string, Failures> failures_;  // GUARDED_BY(mu_)
};

}  // namespace xj
