#include "app/token_rate_limit.hpp"

#include <algorithm>
#include <cmath>

namespace xj {

std::int64_t TokenRateLimit::Take(std::int64_t token_id, Clock::time_point now) {
  const double capacity = std::max(1, policy_.burst);
  const double per_second = std::max(1, policy_.requests_per_minute) / 60.0;
  std::lock_guard lock(mu_);
  auto [it, fresh] = buckets_.try_emplace(token_id, Bucket{capacity, now});
  Bucket& b = it->second;
  if (!fresh && now > b.at) {
    const double elapsed = std::chrono::duration<double>(now - b.at).count();
    b.requests = std::min(capacity, b.requests + elapsed * per_second);
  }
  b.at = std::max(b.at, now);
  if (b.requests >= 1) {
    b.requests -= 1;
    return 0;
  }
  return std::max<std::int64_t>(1, static_cast<std::int64_t>(std::ceil((1 - b.requests) / per_second)));
}

}  // namespace xj
