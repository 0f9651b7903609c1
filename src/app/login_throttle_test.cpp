#include "app/login_throttle.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace xj {
namespace app_login_throttle_test {

using namespace std::chrono_literals;
namespace fs = std::filesystem;
const LoginThrottle::Clock::time_point t0{std::chrono::hours(24 * 365 * 54)};

LoginThrottlePolicy Policy(int per_user, int per_address) {
  LoginThrottlePolicy p;
  p.max_failures_per_user = per_user;
  p.max_failures_per_address = per_address;
  p.window = 15min;
  p.first_delay = 5s;
  p.max_delay = 15min;
  return p;
}

/// Throttles over one SQLite database in a temporary folder (a second Open() is another server).
class LoginThrottleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    dir_ = fs::temp_directory_path() / ("xj_throttle_" + std::to_string(::getpid()) + "_" + std::to_string(++counter));
    fs::create_directories(dir_);
  }
  void TearDown() override {
    throttles_.clear();
    stores_.clear();
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
  LoginThrottle& Open(const LoginThrottlePolicy& policy) {
    auto store = OpenStore("sqlite:" + (dir_ / "throttle.db").string());
    if (!store.ok()) throw std::runtime_error(store.status().ToString());
    auto migrated = (*store)->Migrate();
    if (!migrated.ok()) throw std::runtime_error(migrated.status().ToString());
    stores_.push_back(std::move(store).value());
    throttles_.push_back(std::make_unique<LoginThrottle>(policy, *stores_.back()));
    return *throttles_.back();
  }
  static std::int64_t Wait(LoginThrottle& t, std::string_view user, std::string_view address,
                           LoginThrottle::Clock::time_point now) {
    auto wait = t.RetryAfterSeconds(user, address, now);
    EXPECT_TRUE(wait.ok()) << wait.status().ToString();
    return wait.ok() ? *wait : -1;
  }
  static bool Allowed(LoginThrottle& t, std::string_view user, std::string_view address,
                      LoginThrottle::Clock::time_point now) {
    return Wait(t, user, address, now) == 0;
  }
  static void Fail(LoginThrottle& t, std::string_view user, std::string_view address,
                   LoginThrottle::Clock::time_point now) {
    Status s = t.RecordFailure(user, address, now);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }

  fs::path dir_;
  std::vector<std::unique_ptr<Store>> stores_;
  std::vector<std::unique_ptr<LoginThrottle>> throttles_;
};

TEST_F(LoginThrottleTest, OneAddressWaitsForAUsernameWithGrowingDelaysButTheUserIsNotLockedOutElsewhere) {
  LoginThrottlePolicy policy = Policy(3, 100);
  policy.window = 24h;  // long enough that no failure leaves it while the waits grow
  LoginThrottle& t = Open(policy);
  for (int i = 0; i < 3; ++i) {
    EXPECT_TRUE(Allowed(t, "alice", "10.0.0.1", t0));
    Fail(t, "alice", "10.0.0.1", t0);
  }
  EXPECT_EQ(Wait(t, "alice", "10.0.0.1", t0), 5) << "the attacker's address waits";
  EXPECT_TRUE(Allowed(t, "alice", "10.0.0.2", t0)) << "the real user from elsewhere does not";
  EXPECT_TRUE(Allowed(t, "bob", "10.0.0.1", t0)) << "other users from the same address do not";
  // Each further failure doubles the wait: 5, 10, 20, 40 … capped at max_delay.
  auto at = t0 + 5s;
  std::int64_t expected = 10;
  for (int i = 0; i < 12; ++i) {
    ASSERT_TRUE(Allowed(t, "alice", "10.0.0.1", at)) << i;
    Fail(t, "alice", "10.0.0.1", at);
    EXPECT_EQ(Wait(t, "alice", "10.0.0.1", at), std::min<std::int64_t>(expected, 15 * 60)) << i;
    at += std::chrono::seconds(Wait(t, "alice", "10.0.0.1", at));
    expected *= 2;
  }
  EXPECT_TRUE(Allowed(t, "alice", "10.0.0.2", at)) << "still not locked out from elsewhere";
}

TEST_F(LoginThrottleTest, ManyAddressesFailingForOneUsernameSlowEveryAddress) {
  LoginThrottle& t = Open(Policy(3, 100));
  for (const char* a : {"10.0.0.1", "10.0.0.2", "10.0.0.3"}) Fail(t, "alice", a, t0);
  EXPECT_EQ(Wait(t, "alice", "10.0.0.9", t0 + 1s), 4) << "a distributed guess is slowed everywhere";
  EXPECT_TRUE(Allowed(t, "alice", "10.0.0.9", t0 + 5s)) << "a wait, not a lock-out";
}

TEST_F(LoginThrottleTest, AnAddressSprayingManyUsernamesWaits) {
  LoginThrottle& t = Open(Policy(100, 4));
  for (const char* user : {"u1", "u2", "u3", "u4"}) Fail(t, user, "10.0.0.9", t0);
  EXPECT_FALSE(Allowed(t, "someone-else", "10.0.0.9", t0 + 1s));
  EXPECT_TRUE(Allowed(t, "someone-else", "10.0.0.8", t0 + 1s));
}

TEST_F(LoginThrottleTest, SuccessClearsTheUserButNotTheAddressNorOtherAddressesWaits) {
  LoginThrottle& t = Open(Policy(2, 3));
  Fail(t, "alice", "10.0.0.6", t0);
  Fail(t, "alice", "10.0.0.6", t0);
  Fail(t, "alice", "10.0.0.1", t0);
  Fail(t, "alice", "10.0.0.1", t0);
  EXPECT_FALSE(Allowed(t, "alice", "10.0.0.1", t0));
  ASSERT_TRUE(t.RecordSuccess("alice", "10.0.0.1").ok());
  EXPECT_TRUE(Allowed(t, "alice", "10.0.0.1", t0));
  EXPECT_FALSE(Allowed(t, "alice", "10.0.0.6", t0)) << "the other address still waits";
  Fail(t, "bob", "10.0.0.1", t0);
  EXPECT_FALSE(Allowed(t, "carol", "10.0.0.1", t0)) << "the address's count survives a success";
}

TEST_F(LoginThrottleTest, FailuresLeaveTheWindow) {
  LoginThrottle& t = Open(Policy(2, 100));
  Fail(t, "alice", "10.0.0.1", t0);
  Fail(t, "alice", "10.0.0.1", t0);
  EXPECT_FALSE(Allowed(t, "alice", "10.0.0.1", t0 + 1s));
  Fail(t, "alice", "10.0.0.1", t0 + 16min);
  EXPECT_TRUE(Allowed(t, "alice", "10.0.0.1", t0 + 16min)) << "the old failures were forgotten";
}

TEST_F(LoginThrottleTest, TwoServersOfOneDatabaseCountTheSameFailures) {
  LoginThrottle& first = Open(Policy(3, 100));
  LoginThrottle& second = Open(Policy(3, 100));
  Fail(first, "alice", "10.0.0.1", t0);
  Fail(second, "alice", "10.0.0.1", t0);
  EXPECT_TRUE(Allowed(first, "alice", "10.0.0.1", t0)) << "two failures: under the limit of 3";
  Fail(first, "alice", "10.0.0.1", t0);
  EXPECT_EQ(Wait(second, "alice", "10.0.0.1", t0 + 1s), 4) << "the third, on the other server, counts";
  ASSERT_TRUE(second.RecordSuccess("alice", "10.0.0.1").ok());
  EXPECT_TRUE(Allowed(first, "alice", "10.0.0.1", t0 + 1s)) << "a success on either clears it on both";
}

}  // namespace app_login_throttle_test
}  // namespace xj
