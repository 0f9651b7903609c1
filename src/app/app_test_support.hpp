#pragma once
/// Test support (included by *_test.cpp only): an App on a fresh SQLite file with a small
/// two-province region tree, a settable clock and cheap password hashing.

#include <gtest/gtest.h>

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <sstream>
#include <string>

#include "app/app.hpp"
#include "io/csv_reader.hpp"

namespace xj::testing {

/// 西藏 with two prefectures (each with a county and a township) and a second province,
/// so every home region has an "other" region at its level and (but the provinces) a parent.
inline constexpr const char* kRegionsCsv =
    "code,name,level,parent_code\n"
    "540000,西藏自治区,province,\n"
    "540100,拉萨市,prefecture,540000\n"
    "540102,城关区,county,540100\n"
    "540102001,八廓街道,township,540102\n"
    "540200,日喀则市,prefecture,540000\n"
    "540202,桑珠孜区,county,540200\n"
    "540202001,城南街道,township,540202\n"
    "650000,新疆维吾尔自治区,province,\n"
    "650100,乌鲁木齐市,prefecture,650000\n";

/// An actor of `role` at `region` (no session: the use cases authorize by role and region only).
inline Actor As(const std::string& username, Role role, const std::string& region, std::int64_t user_id = 0) {
  Actor a;
  a.username = username;
  a.role = role;
  a.region_code = region;
  a.user_id = user_id;
  return a;
}

/// A clock tests move by hand.
struct FakeClock {
  std::atomic<std::int64_t> ms{1'709'280'000'000};  // 2024-03-01T08:00:00Z
  std::chrono::system_clock::time_point Now() const {
    return std::chrono::system_clock::time_point{std::chrono::milliseconds(ms.load())};
  }
  void Advance(std::chrono::seconds s) { ms += std::chrono::duration_cast<std::chrono::milliseconds>(s).count(); }
};

/// Owns a temporary database file and an App started on it with the fixture regions.
class TestApp {
 public:
  explicit TestApp(AppOptions options = {}) {
    static std::atomic<int> counter{0};
    dir_ = std::filesystem::temp_directory_path() /
           ("xianjie-unit-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(dir_);
    options.accounts.password_hash_cost = {1, 8 * 1024};
    options.clock = [this] { return clock.Now(); };
    if (options.data_key_file.empty()) options.data_key_file = (dir_ / "test.db.key").string();
    auto store = OpenStore("sqlite:" + (dir_ / "test.db").string());
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    app = std::make_unique<App>(std::move(*store), std::move(options));
    Status s = app->Start();
    EXPECT_TRUE(s.ok()) << s.ToString();
    std::istringstream in(kRegionsCsv);
    CsvReader reader(in);
    auto report = app->ImportRegions(Actor::System(), reader);
    EXPECT_TRUE(report.ok()) << report.status().ToString();
  }
  ~TestApp() {
    app.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  TestApp(const TestApp&) = delete;
  TestApp& operator=(const TestApp&) = delete;

  /// Creates a user as the system; fails the test on error.
  UserView AddUser(const std::string& name, Role role, const std::string& region,
                   const std::string& password = "correct-horse-9", const std::string& department = "") {
    auto u = app->CreateUser(Actor::System(), NewUser{name, role, region, password, department});
    EXPECT_TRUE(u.ok()) << u.status().ToString();
    return u.ok() ? *u : UserView{};
  }

  FakeClock clock;
  std::unique_ptr<App> app;

 private:
  std::filesystem::path dir_;
};

}  // namespace xj::testing
