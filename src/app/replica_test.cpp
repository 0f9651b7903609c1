// The engine built and followed from a replica (UseReplica, `serve --replica`; docs/operations.md
// "Read replica"). The replica here is a second SQLite file that the test brings up to date with
// the primary when it chooses (SQLite's online backup), so lag is exact and deterministic; the
// PostgreSQL streaming replica is tests/api/replica.test.mjs.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <sstream>

#include "app/app.hpp"
#include "domain/domain_test_support.hpp"

namespace xj {
namespace app_replica_test {

using testing::kLedgerHeader;
constexpr const char* kRegions =
    "code,name,level,parent_code\n540000,西藏自治区,province,\n"
    "540100,拉萨市,prefecture,540000\n540102,城关区,county,540100\n";

class ReplicaTest : public ::testing::Test {
 protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    dir_ = std::filesystem::temp_directory_path() /
           ("xj_replica_" + std::to_string(::getpid()) + "_" + std::to_string(++counter));
    std::filesystem::create_directories(dir_);
    primary_ = (dir_ / "primary.db").string();
    replica_ = (dir_ / "replica.db").string();
    writer_ = Open(primary_, {});
    ASSERT_TRUE(Import(*writer_, "regions", kRegions).ok());
    ASSERT_TRUE(Ledger(*writer_, "A1,2023-01-10,allocate,central,2023,540102,,100,,,,\n").ok());
    Replicate();
  }
  void TearDown() override {
    apps_.clear();
    writer_.reset();
    std::filesystem::remove_all(dir_);
  }

  /// The replica catches up: the primary's pages copied over it (SQLite's online backup).
  void Replicate() {
    sqlite3* from = nullptr;
    sqlite3* to = nullptr;
    ASSERT_EQ(sqlite3_open(primary_.c_str(), &from), SQLITE_OK);
    ASSERT_EQ(sqlite3_open(replica_.c_str(), &to), SQLITE_OK);
    sqlite3_backup* backup = sqlite3_backup_init(to, "main", from, "main");
    ASSERT_NE(backup, nullptr) << sqlite3_errmsg(to);
    EXPECT_EQ(sqlite3_backup_step(backup, -1), SQLITE_DONE);
    EXPECT_EQ(sqlite3_backup_finish(backup), SQLITE_OK);
    sqlite3_close(to);
    sqlite3_close(from);
  }

  static std::unique_ptr<App> Open(const std::string& path, const std::string& replica,
                                   std::chrono::milliseconds wait = std::chrono::seconds(30)) {
    auto store = OpenStore("sqlite:" + path);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    AppOptions options;
    options.replica_wait = wait;
    auto app = std::make_unique<App>(std::move(*store), std::move(options));
    if (!replica.empty()) {
      auto replica_store = OpenStore("sqlite:" + replica);
      EXPECT_TRUE(replica_store.ok()) << replica_store.status().ToString();
      app->UseReplica(std::move(*replica_store));
    }
    last_start_ = app->Start();
    return app;
  }
  /// A server on the primary whose engine follows the replica.
  App& Server(std::chrono::milliseconds wait = std::chrono::seconds(30)) {
    apps_.push_back(Open(primary_, replica_, wait));
    EXPECT_TRUE(last_start_.ok()) << last_start_.ToString();
    return *apps_.back();
  }
  static Status Import(App& app, const std::string& kind, const std::string& csv) {
    std::istringstream in(csv);
    CsvReader reader(in);
    if (kind == "regions") return app.ImportRegions(Actor::System(), reader).status();
    return app.ImportLedger(Actor::System(), reader).status();
  }
  static Status Ledger(App& app, const std::string& rows) { return Import(app, "ledger", kLedgerHeader + rows); }
  static std::int64_t Allocated(App& app, const std::string& region = "540000") {
    auto r = app.ComputeIndicators(Actor::System(), {region, 2023, Date::FromYmd(2023, 12, 31), FundSource::kCentral});
    return r.ok() ? static_cast<std::int64_t>(r->figures.allocated.value()) : -1;
  }
  static bool Follow(App& app) {
    auto r = app.FollowStore();
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() && *r;
  }

  std::filesystem::path dir_;
  std::string primary_, replica_;
  std::unique_ptr<App> writer_;  ///< another process on the primary (`xianjie import`, another server)
  std::vector<std::unique_ptr<App>> apps_;
  static inline Status last_start_ = Status::Ok();
};

TEST_F(ReplicaTest, AnotherProcessesEntriesArriveThroughTheReplicaOnly) {
  App& server = Server();
  EXPECT_EQ(Allocated(server), 10000);
  ASSERT_TRUE(Ledger(*writer_, "A2,2023-02-10,allocate,central,2023,540102,,20,,,,\n").ok());
  // Committed on the primary, not yet replayed: the engine does not have it.
  EXPECT_FALSE(Follow(server));
  EXPECT_EQ(Allocated(server), 10000);
  Replicate();
  EXPECT_TRUE(Follow(server));
  EXPECT_EQ(Allocated(server), 12000);
  EXPECT_FALSE(Follow(server));
  EXPECT_EQ(Allocated(server), 12000);
}

TEST_F(ReplicaTest, OwnWritesShowAtOnceAndALaggingReplicaNeverTakesThemBack) {
  App& server = Server();
  ASSERT_TRUE(Ledger(server, "OWN1,2023-03-01,allocate,central,2023,540102,,5,,,,\n").ok());
  EXPECT_EQ(Allocated(server), 10500);
  // Another process changes the regions (the change log moves) while the replica lags: rebuilding
  // from the replica would drop OWN1, so the follower waits.
  ASSERT_TRUE(Import(*writer_, "regions", std::string(kRegions) + "540103,堆龙德庆区,county,540100\n").ok());
  EXPECT_FALSE(Follow(server));
  EXPECT_EQ(Allocated(server), 10500);
  EXPECT_EQ(Allocated(server, "540103"), -1);
  Replicate();
  EXPECT_TRUE(Follow(server));
  EXPECT_EQ(Allocated(server), 10500);  // rebuilt from the replica: OWN1 once, not twice
  EXPECT_EQ(Allocated(server, "540103"), 0);
  EXPECT_FALSE(Follow(server));
  EXPECT_EQ(Allocated(server), 10500);
}

TEST_F(ReplicaTest, StartWaitsForALaggingReplicaAndGivesUpWithUnavailable) {
  ASSERT_TRUE(Ledger(*writer_, "A3,2023-02-10,allocate,central,2023,540102,,1,,,,\n").ok());
  auto app = Open(primary_, replica_, std::chrono::milliseconds(300));
  EXPECT_EQ(last_start_.code(), ErrorCode::kUnavailable) << last_start_.ToString();
  EXPECT_NE(last_start_.message().find("只读副本未追上主库"), std::string::npos) << last_start_.message();
  Replicate();
  App& server = Server(std::chrono::milliseconds(300));
  EXPECT_EQ(Allocated(server), 10100);
}

TEST_F(ReplicaTest, ASettlementWaitsForTheReplicaToReplayOwnEntries) {
  App& server = Server(std::chrono::milliseconds(300));
  // Another process's entry (seq 2), not yet replayed, then this server's own (seq 3): the engine
  // has seq 1 and 3 but not 2, so no watermark is true until the replica brings seq 2.
  ASSERT_TRUE(Ledger(*writer_, "A2,2023-02-10,allocate,central,2023,540102,,20,,,,\n").ok());
  ASSERT_TRUE(Ledger(server, "OWN2,2023-03-01,allocate,central,2023,540102,,5,,,,\n").ok());
  SettlementRequest request;
  request.region_code = "540000";
  request.year = 2023;
  request.as_of = Date::FromYmd(2023, 12, 31);
  auto lagging = server.Settle(Actor::System(), request);
  ASSERT_FALSE(lagging.ok());
  EXPECT_EQ(lagging.status().code(), ErrorCode::kUnavailable);
  Replicate();
  auto settled = server.Settle(Actor::System(), request);
  ASSERT_TRUE(settled.ok()) << settled.status().ToString();
  EXPECT_EQ(settled->watermark_seq, 3);
  EXPECT_EQ(Allocated(server), 12500);  // A1 + A2 + OWN2, each once
}

TEST_F(ReplicaTest, ASettlementAfterOnlyOwnEntriesNeedsNoWait) {
  App& server = Server(std::chrono::milliseconds(300));
  // The own entry directly follows what the engine has: the watermark covers it at once.
  ASSERT_TRUE(Ledger(server, "OWN3,2023-03-01,allocate,central,2023,540102,,5,,,,\n").ok());
  SettlementRequest request;
  request.region_code = "540000";
  request.year = 2023;
  request.as_of = Date::FromYmd(2023, 12, 31);
  auto settled = server.Settle(Actor::System(), request);
  ASSERT_TRUE(settled.ok()) << settled.status().ToString();
  EXPECT_EQ(settled->watermark_seq, 2);
}

}  // namespace app_replica_test
}  // namespace xj
