#include "app/login_throttle.hpp"

#include <gtest/gtest.h>

namespace xj {
namespace {

using namespace std::chrono_literals;
const LoginThrottle::Clock::time_point t0{std::chrono::hours(24 * 365 * 54)};

TEST(LoginThrottle, BlocksAUserAfterTooManyFailuresUntilTheWindowPasses) {
  LoginThrottle t({3, 100, 60s, 1000});
  for (int i = 0; i < 3; ++i) {
    EXPECT_TRUE(t.Allowed("alice", "10.0.0.1", t0 + std::chrono::seconds(i)));
    t.RecordFailure("alice", "10.0.0.1", t0 + std::chrono::seconds(i));
  }
  EXPECT_FALSE(t.Allowed("alice", "10.0.0.2", t0 + 10s)) << "the username is blocked from any address";
  EXPECT_EQ(t.RetryAfterSeconds("alice", "10.0.0.2", t0 + 10s), 50);
  EXPECT_TRUE(t.Allowed("bob", "10.0.0.1", t0 + 10s)) << "other users from the same address are not";
  EXPECT_TRUE(t.Allowed("alice", "10.0.0.2", t0 + 60s));
}

TEST(LoginThrottle, BlocksAnAddressSprayingManyUsernames) {
  LoginThrottle t({100, 4, 60s, 1000});
  for (const char* user : {"u1", "u2", "u3", "u4"}) t.RecordFailure(user, "10.0.0.9", t0);
  EXPECT_FALSE(t.Allowed("someone-else", "10.0.0.9", t0 + 1s));
  EXPECT_TRUE(t.Allowed("someone-else", "10.0.0.8", t0 + 1s));
}

TEST(LoginThrottle, SuccessClearsTheUserButNotTheAddress) {
  LoginThrottle t({2, 3, 60s, 1000});
  t.RecordFailure("alice", "10.0.0.1", t0);
  t.RecordFailure("alice", "10.0.0.1", t0);
  EXPECT_FALSE(t.Allowed("alice", "10.0.0.2", t0));
  t.RecordSuccess("alice");
  EXPECT_TRUE(t.Allowed("alice", "10.0.0.2", t0));
  t.RecordFailure("bob", "10.0.0.1", t0);
  EXPECT_FALSE(t.Allowed("carol", "10.0.0.1", t0));
}

TEST(LoginThrottle, MemoryIsBounded) {
  LoginThrottle t({5, 5, 60s, 10});
  for (int i = 0; i < 100; ++i) t.RecordFailure(std::to_string(i), std::to_string(1000 + i), t0);
  // Still answers; old keys were dropped rather than growing without bound.
  EXPECT_TRUE(t.Allowed("0", "1000", t0));
}

}  // namespace
}  // namespace xj
