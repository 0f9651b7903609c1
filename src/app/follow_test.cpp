// Following the store (issue #16): two Apps on one database, as two servers (or a server and
// `xianjie import`) would be; each sees the other's writes after FollowStore, on both backends.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <sstream>
#include <thread>

#include "app/app.hpp"
#include "domain/domain_test_support.hpp"
#include "store/postgres/pg_conn.hpp"

namespace xj {
namespace app_follow_test {

using testing::kLedgerHeader;

/// One database, on SQLite (a temporary file) or PostgreSQL (a fresh schema on XIANJIE_TEST_PG_URL).
class FollowTest : public ::testing::TestWithParam<const char*> {
 protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    std::string name = "xj_follow_";
    name += std::to_string(::getpid());
    name += '_';
    name += std::to_string(++counter);
    if (std::string(GetParam()) == "postgresql") {
      const char* base = std::getenv("XIANJIE_TEST_PG_URL");
      if (!base) GTEST_SKIP() << "XIANJIE_TEST_PG_URL is not set";
      auto conn = pg::Conn::Open(base);
      ASSERT_TRUE(conn.ok()) << conn.status().ToString();
      admin_ = std::move(conn).value();
      ASSERT_TRUE(admin_->Exec("CREATE SCHEMA " + name).ok());
      schema_ = name;
      const std::string b(base);
      url_ = b + (b.find('?') == std::string::npos ? '?' : '&') + "options=-csearch_path%3D" + name;
    } else {
      dir_ = std::filesystem::temp_directory_path() / name;
      std::filesystem::create_directories(dir_);
      url_ = "sqlite:" + (dir_ / "follow.db").string();
    }
  }
  void TearDown() override {
    apps_.clear();
    if (admin_ && !schema_.empty()) (void)admin_->Exec("DROP SCHEMA " + schema_ + " CASCADE");
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  App& NewApp() {
    auto store = OpenStore(url_);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    apps_.push_back(std::make_unique<App>(std::move(*store)));
    Status s = apps_.back()->Start();
    EXPECT_TRUE(s.ok()) << s.ToString();
    return *apps_.back();
  }
  static Status Import(App& app, const std::string& kind, const std::string& csv) {
    std::istringstream in(csv);
    CsvReader reader(in);
    if (kind == "regions") return app.ImportRegions(Actor::System(), reader).status();
    if (kind == "projects") return app.ImportProjects(Actor::System(), reader).status();
    return app.ImportLedger(Actor::System(), reader).status();
  }
  static Status Ledger(App& app, const std::string& rows) {
    std::string csv = kLedgerHeader;
    csv += rows;
    return Import(app, "ledger", csv);
  }
  static std::int64_t Allocated(App& app, const std::string& region = "540000") {
    auto r = app.ComputeIndicators(Actor::System(), {region, 2023, Date::FromYmd(2023, 12, 31), FundSource::kCentral});
    return r.ok() ? static_cast<std::int64_t>(r->figures.allocated.value()) : -1;
  }
  static void Regions(App& app) {
    ASSERT_TRUE(Import(app, "regions",
                       "code,name,level,parent_code\n540000,西藏自治区,province,\n"
                       "540100,拉萨市,prefecture,540000\n540102,城关区,county,540100\n")
                    .ok());
  }

  std::string url_;

 private:
  std::filesystem::path dir_;
  std::unique_ptr<pg::Conn> admin_;
  std::string schema_;
  std::vector<std::unique_ptr<App>> apps_;
};

TEST_P(FollowTest, AnotherProcessesRegionsAndLedgerReachTheEngine) {
  App& server = NewApp();
  App& cli = NewApp();
  Regions(cli);
  // The server knows no region until it follows the change log.
  EXPECT_EQ(Allocated(server), -1);
  ASSERT_TRUE(server.FollowStore().ok());
  EXPECT_EQ(Allocated(server), 0);
  ASSERT_TRUE(Ledger(cli,
                     "A1,2023-01-10,allocate,central,2023,540102,,1000,,,,\n"
                     "A2,2023-02-10,allocate,central,2023,540102,,234.56,,,,\n")
                  .ok());
  EXPECT_EQ(Allocated(server), 0);  // not yet followed
  auto applied = server.FollowStore();
  ASSERT_TRUE(applied.ok()) << applied.status().ToString();
  EXPECT_TRUE(*applied);
  EXPECT_EQ(Allocated(server), 123456);  // 1000 + 234.56 yuan in fen
  // Nothing new: the next step applies nothing and the figure stays.
  applied = server.FollowStore();
  ASSERT_TRUE(applied.ok());
  EXPECT_FALSE(*applied);
  EXPECT_EQ(Allocated(server), 123456);
}

TEST_P(FollowTest, OwnEntriesAreNotAppliedTwice) {
  App& a = NewApp();
  App& b = NewApp();
  Regions(a);
  ASSERT_TRUE(b.FollowStore().ok());
  ASSERT_TRUE(a.FollowStore().ok());  // its own region import: a rebuild, same figures
  ASSERT_TRUE(Ledger(a, "A1,2023-01-10,allocate,central,2023,540102,,100,,,,\n").ok());
  ASSERT_TRUE(Ledger(b, "B1,2023-01-11,allocate,central,2023,540102,,20,,,,\n").ok());
  ASSERT_TRUE(Ledger(a, "A2,2023-01-12,allocate,central,2023,540102,,3,,,,\n").ok());
  // a holds A1, A2; b holds B1 — before following.
  EXPECT_EQ(Allocated(a), 10300);
  EXPECT_EQ(Allocated(b), 2000);
  for (int i = 0; i < 2; ++i) {
    ASSERT_TRUE(a.FollowStore().ok());
    ASSERT_TRUE(b.FollowStore().ok());
  }
  EXPECT_EQ(Allocated(a), 12300);
  EXPECT_EQ(Allocated(b), 12300);
}

TEST_P(FollowTest, ProjectsAndReversalsOfAnotherProcessAreFollowed) {
  App& server = NewApp();
  App& cli = NewApp();
  Regions(cli);
  ASSERT_TRUE(
      Import(cli, "projects",
             "project_code,name,year,region_code,central_fund,status\nP1,道路硬化项目,2023,540102,100,approved\n")
          .ok());
  ASSERT_TRUE(Ledger(cli, "A1,2023-01-10,allocate,central,2023,540102,,1000,,,,\n").ok());
  ASSERT_TRUE(server.FollowStore().ok());
  EXPECT_EQ(Allocated(server), 100000);
  auto list = server.ListProjects(Actor::System(), {});
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_EQ(list->total, 1);
  // A reversal read back by seq cancels the allocation it names.
  ASSERT_TRUE(Ledger(cli, "R1,2023-03-01,reverse,central,2023,540102,,1000,,,A1,\n").ok());
  ASSERT_TRUE(server.FollowStore().ok());
  EXPECT_EQ(Allocated(server), 0);
  EXPECT_EQ(Allocated(cli), 0);
}

// 问询 → 认定 (issue #18 point 6): a determination on one server moves another's figures.
// 城关区: allocated 1,000; G1 500 spent to the county's fiscal account (以拨代支) on P1:
// assessed (500 − 500) ÷ 1,000 = 0.00% until G1 is determined rejected, then 500 ÷ 1,000 = 50.00%.
TEST_P(FollowTest, ARejectedDeterminationOnOneServerReachesTheOther) {
  App& server = NewApp();
  App& other = NewApp();
  Regions(other);
  ASSERT_TRUE(Import(other, "projects",
                     "项目编码,项目名称,年度,区划代码,项目类别,建设内容,总投资,中央衔接资金,其他资金,计划开工,"
                     "计划完工,实际开工,实际完工,状态,责任人\n"
                     "P1,养殖项目,2023,540102,0101,生产项目,100000,100000,0,2023-03-01,2023-10-31,2023-03-01,,"
                     "started,扎西\n")
                  .ok());
  ASSERT_TRUE(Ledger(other,
                     "A1,2023-03-01,allocate,central,2023,540102,,1000,,,,\n"
                     "G1,2023-05-01,expend,central,2023,540102,P1,500,县财政专户,gov_account,,\n")
                  .ok());
  ASSERT_TRUE(server.FollowStore().ok());
  auto assessed = [](App& app) {
    auto r =
        app.ComputeIndicators(Actor::System(), {"540102", 2023, Date::FromYmd(2023, 12, 31), FundSource::kCentral});
    return r.ok() ? PercentHundredths(r->figures.assessed_progress).value_or(-1) : -2;
  };
  EXPECT_EQ(assessed(server), 0);
  auto sent = other.SendInquiry(Actor::System(), {"disburse_as_expend", "G1", "请说明", std::nullopt});
  ASSERT_TRUE(sent.ok()) << sent.status().ToString();
  ASSERT_TRUE(other.AnswerInquiry(Actor::System(), sent->inquiry.id, {1, "登记有误", ""}).ok());
  ASSERT_TRUE(server.FollowStore().ok());
  EXPECT_EQ(assessed(server), 0);  // sent and answered change no figure
  InquiryDetermination rejected;
  rejected.version = 2;
  rejected.outcome = InquiryOutcome::kRejected;
  rejected.reason = "实为施工企业";
  ASSERT_TRUE(other.DetermineInquiry(Actor::System(), sent->inquiry.id, rejected).ok());
  EXPECT_EQ(assessed(other), 5000);
  EXPECT_EQ(assessed(server), 0);  // not yet followed
  auto followed = server.FollowStore();
  ASSERT_TRUE(followed.ok()) << followed.status().ToString();
  EXPECT_TRUE(*followed);
  EXPECT_EQ(assessed(server), 5000);
}

TEST_P(FollowTest, AReadDuringCatchUpSeesTheWholeBatchOrNoneOfIt) {
  App& server = NewApp();
  App& cli = NewApp();
  Regions(cli);
  ASSERT_TRUE(server.FollowStore().ok());
  std::string rows;
  for (int i = 0; i < 2000; ++i) {
    rows += 'A';
    rows += std::to_string(i);
    rows += ",2023-01-10,allocate,central,2023,540102,,1,,,,\n";
  }
  ASSERT_TRUE(Ledger(cli, rows).ok());
  std::atomic<bool> done{false};
  std::set<std::int64_t> seen;
  std::thread reader([&] {
    while (!done.load()) seen.insert(Allocated(server));
    seen.insert(Allocated(server));
  });
  auto applied = server.FollowStore();
  done = true;
  reader.join();
  ASSERT_TRUE(applied.ok()) << applied.status().ToString();
  // 2000 entries of 1 yuan: before (0) or after (200000 fen), never a part.
  for (std::int64_t v : seen) EXPECT_TRUE(v == 0 || v == 200000) << v;
  EXPECT_TRUE(seen.count(200000));
}

TEST_P(FollowTest, TheFollowerThreadCatchesUpWithinASecond) {
  App& server = NewApp();
  App& cli = NewApp();
  Regions(cli);
  server.StartFollower(std::chrono::milliseconds(50));
  ASSERT_TRUE(Ledger(cli, "A1,2023-01-10,allocate,central,2023,540102,,7,,,,\n").ok());
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(1);
  while (Allocated(server) != 700 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_EQ(Allocated(server), 700);
  server.StopFollower();
}

TEST_P(FollowTest, ASessionIsAnsweredFromTheCacheUntilAnyProcessEndsIt) {
  // Given two servers on one database; the first caches sessions (its follower runs, stepped by
  // hand here: its own tick is an hour away).
  App& a = NewApp();
  App& b = NewApp();
  Regions(a);
  ASSERT_TRUE(b.FollowStore().ok());
  const std::string password = "long-password-1";
  ASSERT_TRUE(a.CreateUser(Actor::System(), NewUser{"u1", Role::kLeader, "540000", password, ""}).ok());
  a.StartFollower(std::chrono::hours(1));
  ASSERT_TRUE(a.FollowStore().ok());

  // When a session made on the second server is used on the first: it is valid there.
  auto grant = b.Login("u1", password, "10.0.0.1");
  ASSERT_TRUE(grant.ok()) << grant.status().ToString();
  auto first = a.Authenticate(grant->token, "10.0.0.1");
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->user.department, "");

  // A change behind the cache's back (the follower has not ticked): the cached session answers
  // — the store was not read (FindSession + FindUserById would have seen the new department).
  auto rec = a.store().FindUserByName("u1");
  ASSERT_TRUE(rec.ok() && rec->has_value());
  UserRecord changed = **rec;
  changed.department = "财政局";
  ASSERT_TRUE(a.store().UpdateUser(changed).ok());
  auto cached = a.Authenticate(grant->token, "10.0.0.1");
  ASSERT_TRUE(cached.ok());
  EXPECT_EQ(cached->user.department, "");
  // The follower's tick sees auth_log move (migration 0019) and drops the cache.
  ASSERT_TRUE(a.FollowStore().ok());
  auto fresh = a.Authenticate(grant->token, "10.0.0.1");
  ASSERT_TRUE(fresh.ok());
  EXPECT_EQ(fresh->user.department, "财政局");

  // When the session is ended on the second server: the first refuses it at its next tick.
  ASSERT_TRUE(b.Logout(fresh->actor).ok());
  ASSERT_TRUE(a.FollowStore().ok());
  auto ended = a.Authenticate(grant->token, "10.0.0.1");
  ASSERT_FALSE(ended.ok());
  EXPECT_EQ(ended.status().code(), ErrorCode::kUnauthenticated);

  // A logout on the caching server itself ends its cached session at once, before any tick.
  auto again = b.Login("u1", password, "10.0.0.1");
  ASSERT_TRUE(again.ok());
  auto on_a = a.Authenticate(again->token, "10.0.0.1");
  ASSERT_TRUE(on_a.ok());
  ASSERT_TRUE(a.Logout(on_a->actor).ok());
  EXPECT_FALSE(a.Authenticate(again->token, "10.0.0.1").ok());
}

INSTANTIATE_TEST_SUITE_P(Backends, FollowTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return std::string(info.param); });

}  // namespace app_follow_test
}  // namespace xj
