#include "app/login_throttle.hpp"

#include <gtest/gtest.h>

namespace xj {
namespace {

using namespace std::chrono_literals;
const LoginThrottle::Clock::time_point t0{std::chrono::hours(24 * 365 * 54)};

LoginThrottlePolicy Policy(int per_user, int per_address, std::size_t keys = 1000) {
  LoginThrottlePolicy p;
  p.max_failures_per_user = per_user;
  p.max_failures_per_address = per_address;
  p.window = 15min;
  p.max_tracked_keys = keys;
  p.first_delay = 5s;
  p.max_delay = 15min;
  return p;
}

TEST(LoginThrottle, OneAddressWaitsForAUsernameWithGrowingDelaysButTheUserIsNotLockedOutElsewhere) {
  LoginThrottlePolicy policy = Policy(3, 100);
  policy.window = 24h;  // long enough that no failure leaves it while the waits grow
  LoginThrottle t(policy);
  for (int i = 0; i < 3; ++i) {
    EXPECT_TRUE(t.Allowed("alice", "10.0.0.1", t0));
    t.RecordFailure("alice", "10.0.0.1", t0);
  }
  EXPECT_EQ(t.RetryAfterSeconds("alice", "10.0.0.1", t0), 5) << "the attacker's address waits";
  EXPECT_TRUE(t.Allowed("alice", "10.0.0.2", t0)) << "the real user from elsewhere does not";
  EXPECT_TRUE(t.Allowed("bob", "10.0.0.1", t0)) << "other users from the same address do not";
  // Each further failure doubles the wait: 5, 10, 20, 40 … capped at max_delay.
  auto at = t0 + 5s;
  std::int64_t expected = 10;
  for (int i = 0; i < 12; ++i) {
    ASSERT_TRUE(t.Allowed("alice", "10.0.0.1", at)) << i;
    t.RecordFailure("alice", "10.0.0.1", at);
    EXPECT_EQ(t.RetryAfterSeconds("alice", "10.0.0.1", at), std::min<std::int64_t>(expected, 15 * 60)) << i;
    at += std::chrono::seconds(t.RetryAfterSeconds("alice", "10.0.0.1", at));
    expected *= 2;
  }
  EXPECT_TRUE(t.Allowed("alice", "10.0.0.2", at)) << "still not locked out from elsewhere";
}

TEST(LoginThrottle, ManyAddressesFailingForOneUsernameSlowEveryAddress) {
  LoginThrottle t(Policy(3, 100));
  for (const char* a : {"10.0.0.1", "10.0.0.2", "10.0.0.3"}) t.RecordFailure("alice", a, t0);
  EXPECT_EQ(t.RetryAfterSeconds("alice", "10.0.0.9", t0 + 1s), 4) << "a distributed guess is slowed everywhere";
  EXPECT_TRUE(t.Allowed("alice", "10.0.0.9", t0 + 5s)) << "a wait, not a lock-out";
}

TEST(LoginThrottle, AnAddressSprayingManyUsernamesWaits) {
  LoginThrottle t(Policy(100, 4));
  for (const char* user : {"u1", "u2", "u3", "u4"}) t.RecordFailure(user, "10.0.0.9", t0);
  EXPECT_FALSE(t.Allowed("someone-else", "10.0.0.9", t0 + 1s));
  EXPECT_TRUE(t.Allowed("someone-else", "10.0.0.8", t0 + 1s));
}

TEST(LoginThrottle, SuccessClearsTheUserButNotTheAddressNorOtherAddressesWaits) {
  LoginThrottle t(Policy(2, 3));
  t.RecordFailure("alice", "10.0.0.6", t0);
  t.RecordFailure("alice", "10.0.0.6", t0);
  t.RecordFailure("alice", "10.0.0.1", t0);
  t.RecordFailure("alice", "10.0.0.1", t0);
  EXPECT_FALSE(t.Allowed("alice", "10.0.0.1", t0));
  t.RecordSuccess("alice", "10.0.0.1");
  EXPECT_TRUE(t.Allowed("alice", "10.0.0.1", t0));
  EXPECT_FALSE(t.Allowed("alice", "10.0.0.6", t0)) << "the other address still waits";
  t.RecordFailure("bob", "10.0.0.1", t0);
  EXPECT_FALSE(t.Allowed("carol", "10.0.0.1", t0)) << "the address's count survives a success";
}

TEST(LoginThrottle, FailuresLeaveTheWindow) {
  LoginThrottle t(Policy(2, 100));
  t.RecordFailure("alice", "10.0.0.1", t0);
  t.RecordFailure("alice", "10.0.0.1", t0);
  EXPECT_FALSE(t.Allowed("alice", "10.0.0.1", t0 + 1s));
  t.RecordFailure("alice", "10.0.0.1", t0 + 16min);
  EXPECT_TRUE(t.Allowed("alice", "10.0.0.1", t0 + 16min)) << "the old failures were forgotten";
}

TEST(LoginThrottle, MemoryIsBounded) {
  LoginThrottle t(Policy(5, 5, 10));
  for (int i = 0; i < 100; ++i) t.RecordFailure(std::to_string(i), std::to_string(1000 + i), t0);
  // Still answers; old keys were dropped rather than growing without bound.
  EXPECT_TRUE(t.Allowed("0", "1000", t0));
}

}  // namespace
}  // namespace xj
