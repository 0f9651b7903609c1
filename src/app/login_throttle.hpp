#pragma once
/// Throttling of failed logins (登录失败限制) per username and per client address.

#include <chrono>
#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace xj {

/// Limits of the throttle; part of AccountsPolicy.
struct LoginThrottlePolicy {
  int max_failures_per_user = 5;           ///< failed logins for one username within the window
  int max_failures_per_address = 20;       ///< failed logins from one address (an office shares one)
  std::chrono::seconds window{15 * 60};    ///< failures older than this are forgotten
  std::size_t max_tracked_keys = 100'000;  ///< memory bound: the oldest keys are dropped beyond it
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
  /// Forgets the username's failures (not the address's: one success must not reset a spray).
  void RecordSuccess(std::string_view username);

 private:
  /// REQUIRES: mu_ held. Drops failures older than the window; returns the key's count.
  int CountLocked(const std::string& key, Clock::time_point now);
  std::int64_t WaitLocked(const std::string& key, int limit, Clock::time_point now);

  LoginThrottlePolicy policy_;
  std::mutex mu_;
  std::unordered_map<std::string, std::deque<Clock::time_point>> failures_;  // GUARDED_BY(mu_)
};

}  // namespace xj
