#pragma once
/// Rate limit of API tokens (API 令牌限流): a token bucket per token.

#include <chrono>
#include <cstdint>
#include <mutex>
#include <unordered_map>

namespace xj {

/// Limits of the per-token bucket; part of ApiTokenPolicy.
struct TokenRateLimitPolicy {
  int requests_per_minute = 120;  ///< the sustained rate: the bucket refills at this speed
  int burst = 60;                 ///< the bucket's size: requests a quiet token may send at once
};

/// In-memory token buckets, one per API token id. Thread-safe. Forgotten on restart, which
/// gives a client at most one more burst.
class TokenRateLimit {
 public:
  using Clock = std::chrono::system_clock;
  explicit TokenRateLimit(TokenRateLimitPolicy policy) : policy_(policy) {}

  /// Takes one request from `token_id`'s bucket at `now`. 0 when the request is admitted;
  /// otherwise the whole seconds (at least 1) until the bucket holds a request again.
  std::int64_t Take(std::int64_t token_id, Clock::time_point now);

 private:
  struct Bucket {
    double requests = 0;  ///< requests the bucket holds (fractions accrue between requests)
    Clock::time_point at;
  };
  TokenRateLimitPolicy policy_;
  std::mutex mu_;
  std::unordered_map<std::int64_t, Bucket> buckets_;  // GUARDED_BY(mu_)
};

}  // namespace xj
