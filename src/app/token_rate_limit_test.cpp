#include "app/token_rate_limit.hpp"

#include <gtest/gtest.h>

namespace xj {
namespace app_token_rate_limit_test {

using std::chrono::milliseconds;
using std::chrono::seconds;

TEST(TokenRateLimit, AdmitsABurstThenRefillsAtTheRate) {
  TokenRateLimit limit({/*requests_per_minute=*/60, /*burst=*/3});
  const auto t0 = TokenRateLimit::Clock::time_point{} + seconds(1'000'000);
  EXPECT_EQ(limit.Take(1, t0), 0);
  EXPECT_EQ(limit.Take(1, t0), 0);
  EXPECT_EQ(limit.Take(1, t0), 0);
  // The fourth at once waits for one request's refill: 1 s at 60 per minute.
  EXPECT_EQ(limit.Take(1, t0), 1);
  EXPECT_EQ(limit.Take(1, t0 + milliseconds(500)), 1);  // half a request accrued: still refused
  EXPECT_EQ(limit.Take(1, t0 + milliseconds(1000)), 0);
  EXPECT_EQ(limit.Take(1, t0 + milliseconds(1000)), 1);
  // A quiet token refills to its burst, not beyond.
  const auto later = t0 + seconds(3600);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(limit.Take(1, later), 0) << i;
  EXPECT_EQ(limit.Take(1, later), 1);
}

TEST(TokenRateLimit, TokensHaveTheirOwnBuckets) {
  TokenRateLimit limit({/*requests_per_minute=*/6, /*burst=*/1});
  const auto t0 = TokenRateLimit::Clock::time_point{} + seconds(5);
  EXPECT_EQ(limit.Take(7, t0), 0);
  EXPECT_EQ(limit.Take(7, t0), 10);  // 6 per minute: one request every 10 s
  EXPECT_EQ(limit.Take(8, t0), 0);
  // A clock that steps back does not mint requests.
  EXPECT_EQ(limit.Take(7, t0 - seconds(30)), 10);
}

}  // namespace app_token_rate_limit_test
}  // namespace xj
