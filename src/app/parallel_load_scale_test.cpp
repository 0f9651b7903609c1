// The engine's bulk load reads the ledger in shards on several threads while the
// projects load on another: the figures must not depend on it.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <limits>

#include "app/app.hpp"
#include "store/store.hpp"

namespace xj {
namespace {

class ParallelLoadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("xianjie-parallel-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "demo.db").string();
    auto store = OpenStore("sqlite:" + path_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    App app(std::move(*store));
    ASSERT_TRUE(app.Start().ok());
    Status s = app.LoadDemo(Actor::System(), false);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  /// An App started on the demo file, reading the ledger in shards from `parallel_from` rows.
  std::unique_ptr<App> Start(std::int64_t parallel_from, int expected_shards) {
    auto store = OpenStore("sqlite:" + path_);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    (*store)->set_parallel_scan_from(parallel_from);
    Store* raw = store->get();
    auto app = std::make_unique<App>(std::move(*store));
    Status s = app->Start();
    EXPECT_TRUE(s.ok()) << s.ToString();
    EXPECT_EQ(raw->last_scan_shards(), expected_shards);
    return app;
  }

  std::filesystem::path dir_;
  std::string path_;
};

void ExpectSameFigures(const Indicators& a, const Indicators& b, const std::string& where) {
  EXPECT_EQ(a.projects_total, b.projects_total) << where;
  EXPECT_EQ(a.projects_started, b.projects_started) << where;
  EXPECT_EQ(a.projects_finished, b.projects_finished) << where;
  EXPECT_EQ(a.allocated, b.allocated) << where;
  EXPECT_EQ(a.allocated_to_projects, b.allocated_to_projects) << where;
  EXPECT_EQ(a.disbursed, b.disbursed) << where;
  EXPECT_EQ(a.expended, b.expended) << where;
  EXPECT_EQ(a.disburse_as_expend, b.disburse_as_expend) << where;
  EXPECT_EQ(a.pay_ahead, b.pay_ahead) << where;
  EXPECT_EQ(a.planned_total, b.planned_total) << where;
  EXPECT_EQ(a.industry_planned, b.industry_planned) << where;
  EXPECT_EQ(CompareRatios(a.start_rate_last_year, b.start_rate_last_year), 0) << where;
  EXPECT_EQ(CompareRatios(a.expend_progress_last_year, b.expend_progress_last_year), 0) << where;
}

TEST_F(ParallelLoadTest, ShardedLoadGivesTheFiguresAndFlagsOfOneReader) {
  const auto one = Start(std::numeric_limits<std::int64_t>::max(), 1);
  const auto sharded = Start(1, 2);
  const Actor system = Actor::System();
  auto tree = one->regions();
  ASSERT_GT(tree->size(), 1000u);
  std::int64_t nonzero = 0;
  for (RegionIndex i = 0; i < static_cast<RegionIndex>(tree->size()); ++i) {
    const std::string& code = tree->node(i).region.code;
    for (int year : {2022, 2023}) {
      for (const char* day : {"-03-31", "-07-05", "-12-31"}) {
        const Date as_of = *Date::Parse(std::to_string(year) + day);
        for (FundSource source : {FundSource::kCentral, FundSource::kProvincial, FundSource::kCounty}) {
          const IndicatorQuery q{code, year, as_of, source};
          auto a = one->ComputeIndicators(system, q);
          auto b = sharded->ComputeIndicators(system, q);
          ASSERT_TRUE(a.ok() && b.ok()) << code;
          ExpectSameFigures(a->figures, b->figures, code + " " + as_of.ToString());
          if (a->figures.expended.value() != 0) ++nonzero;
        }
      }
    }
  }
  EXPECT_GT(nonzero, 500);  // the comparison saw real money
  const Date as_of = *Date::Parse("2023-07-05");
  FlagQuery q;
  q.region_code = "540000";
  q.as_of = as_of;
  auto fa = one->Flags(system, q);
  auto fb = sharded->Flags(system, q);
  ASSERT_TRUE(fa.ok() && fb.ok());
  ASSERT_FALSE(fa->items.empty());
  bool any_dae = false, any_ahead = false;
  ASSERT_EQ(fa->items.size(), fb->items.size());
  for (std::size_t k = 0; k < fa->items.size(); ++k) {
    const Flag& a = fa->items[k].flag;
    const Flag& b = fb->items[k].flag;
    EXPECT_EQ(a.kind, b.kind);
    EXPECT_EQ(a.subject, b.subject);
    EXPECT_EQ(a.amount, b.amount);
    EXPECT_EQ(a.raised_on, b.raised_on);
    any_dae = any_dae || a.kind == FlagKind::kDisburseAsExpend;
    any_ahead = any_ahead || a.kind == FlagKind::kPayAheadOfProgress;
  }
  EXPECT_TRUE(any_dae);
  EXPECT_TRUE(any_ahead);
}

}  // namespace
}  // namespace xj
