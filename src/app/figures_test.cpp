// The figures of docs/definitions.md on a small hand-made dataset, through the real App and a
// real SQLite file. Every expected value is computed by hand in the comment beside it.
//
// tests/fixtures/figures/ (regions, projects, ledger). Central fund, fund year 2023,
// as of 2023-07-05 unless said otherwise. 城关区 540102:
//   allocated  A1 10,000,000 (2022-11-20, advance) + A2 5,000,000 = 15,000,000
//              (A3 2,000,000 on 2023-08-01 is after the as-of date)
//   expended   E1 3,000,000 + E2 1,000,000 − R1 1,000,000 (reversal 06-01) + E3 2,000,000
//              + E6 800,000 (its reversal R2 is dated 07-10, after) + E4 1,500,000 (on 07-05)
//              = 7,300,000 (E5 07-06 after; F3 is fund year 2022 money spent in 2023)
//   以拨代支   E3 2,000,000 (gov_account payee)
//   超进度拨款 P1: contract 8,000,000 (03-10), progress 25% (06-30);
//              payments E1 3,000,000 + E4 1,500,000 + S2 3,000,000 (provincial, 06-25) = 7,500,000
//              cap = 8,000,000 × (30% + 25% − 3%) = 4,160,000 → excess 3,340,000, latest first:
//              E4 (07-05) 1,500,000 central, then S2 (06-25) 1,840,000 provincial.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "app/app.hpp"
#include "io/csv_reader.hpp"

namespace xj {
namespace {

class FiguresTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("xj-figures-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    app_ = Open();
    for (const char* kind : {"regions", "projects", "ledger"}) Import(*app_, kind);
    ASSERT_TRUE(app_->RecordContract(Actor::System(),
                                     {"P1", "HT-2023-001", Fen::FromYuan(8'000'000), *Date::Parse("2023-03-10")})
                    .ok());
    ASSERT_TRUE(app_->RecordProgress(Actor::System(), {"P1", *Date::Parse("2023-06-30"), 2500, "按月填报"}).ok());
  }
  void TearDown() override {
    app_.reset();
    std::filesystem::remove_all(dir_);
  }

  std::unique_ptr<App> Open() {
    auto store = OpenStore("sqlite:" + (dir_ / "figures.db").string());
    EXPECT_TRUE(store.ok());
    auto app = std::make_unique<App>(std::move(*store));
    EXPECT_TRUE(app->Start().ok());
    return app;
  }

  static void Import(App& app, const std::string& kind) {
    std::ifstream in(std::string(XJ_SOURCE_DIR) + "/tests/fixtures/figures/" + kind + ".csv");
    ASSERT_TRUE(in.good());
    CsvReader reader(in);
    Result<ImportReport> r = kind == "regions"    ? app.ImportRegions(Actor::System(), reader)
                             : kind == "projects" ? app.ImportProjects(Actor::System(), reader)
                                                  : app.ImportLedger(Actor::System(), reader);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
  }

  Indicators Figures(const std::string& region, int year, const char* as_of, FundSource source = FundSource::kCentral) {
    auto r = app_->ComputeIndicators(Actor::System(), {region, year, *Date::Parse(as_of), source});
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r->figures : Indicators{};
  }

  std::filesystem::path dir_;
  std::unique_ptr<App> app_;
};

std::optional<std::int64_t> Pct(Ratio r) {
  return PercentHundredths(r);
}
std::optional<std::int64_t> Yoy(Ratio a, Ratio b) {
  return PointsDifferenceHundredths(a, b);
}

TEST_F(FiguresTest, CountyLedgerWithReversalsLateEntriesAndFlags) {
  const Indicators f = Figures("540102", 2023, "2023-07-05");
  EXPECT_EQ(f.allocated, Fen::FromYuan(15'000'000));
  EXPECT_EQ(f.expended, Fen::FromYuan(7'300'000));
  EXPECT_EQ(Pct(f.expend_progress), 4867);  // 7.3 / 15 = 48.666…%
  EXPECT_EQ(f.disburse_as_expend, Fen::FromYuan(2'000'000));
  EXPECT_EQ(f.pay_ahead, Fen::FromYuan(1'500'000));  // E4, the latest payment
  // (7,300,000 − 2,000,000 − 1,500,000) ÷ 15,000,000 = 25.333…%
  EXPECT_EQ(Pct(f.assessed_progress), 2533);
  EXPECT_EQ(f.allocated_to_projects, Fen::FromYuan(5'000'000));
  EXPECT_EQ(Pct(f.distribute_progress), 3333);
  EXPECT_EQ(f.disbursed, Fen::FromYuan(6'000'000));
  // Fund year 2022 as of 2022-07-05: 2,000,000 ÷ 8,000,000 = 25% → +23.666… points.
  EXPECT_EQ(Pct(f.expend_progress_last_year), 2500);
  EXPECT_EQ(Yoy(f.expend_progress, f.expend_progress_last_year), 2367);
  // Time progress: day 186 of 365 = 50.958…% → not on track (48.67 < 50.96).
  EXPECT_EQ(Pct(f.time_progress), 5096);
  EXPECT_EQ(f.on_track(), false);
}

TEST_F(FiguresTest, EntriesAfterTheAsOfDateAndLateReversals) {
  // 2023-07-10: + E5 500,000 − R2 800,000 → 7,000,000 of 15,000,000 = 46.666…%.
  const Indicators f = Figures("540102", 2023, "2023-07-10");
  EXPECT_EQ(f.expended, Fen::FromYuan(7'000'000));
  EXPECT_EQ(Pct(f.expend_progress), 4667);
  // 2023-08-01: A3 arrives: 7,000,000 ÷ 17,000,000 = 41.176…%.
  EXPECT_EQ(Pct(Figures("540102", 2023, "2023-08-01").expend_progress), 4118);
  // Before anything: 2022-11-19 has no allocation: undefined, not 0.
  EXPECT_FALSE(Figures("540102", 2023, "2022-11-19").expend_progress.defined());
}

TEST_F(FiguresTest, PayAheadOfProgressOverTime) {
  // 2023-05-15: no progress report yet → cap 27% × 8,000,000 = 2,160,000; payments
  // E1 3,000,000 + E2 1,000,000 (reversed only on 06-01) = 4,000,000 → excess 1,840,000.
  EXPECT_EQ(Figures("540102", 2023, "2023-05-15").pay_ahead, Fen::FromYuan(1'840'000));
  // 2023-03-31: contract signed, nothing paid yet.
  EXPECT_EQ(Figures("540102", 2023, "2023-03-31").pay_ahead, Fen());
  // Provincial share of the excess on 2023-07-05 is S2's 1,840,000:
  // assessed = (3,000,000 − 1,840,000) ÷ 4,000,000 = 29%.
  const Indicators p = Figures("540102", 2023, "2023-07-05", FundSource::kProvincial);
  EXPECT_EQ(p.pay_ahead, Fen::FromYuan(1'840'000));
  EXPECT_EQ(Pct(p.expend_progress), 7500);
  EXPECT_EQ(Pct(p.assessed_progress), 2900);

  auto flags = app_->Flags(Actor::System(), "540000", 2023, *Date::Parse("2023-07-05"), std::nullopt);
  ASSERT_TRUE(flags.ok());
  ASSERT_EQ(flags->disburse_as_expend.size(), 1u);
  EXPECT_EQ(flags->disburse_as_expend[0].flag.entry_id, "E3");
  ASSERT_EQ(flags->pay_ahead.size(), 1u);
  const PayAheadStatus& s = flags->pay_ahead[0].flag.status;
  EXPECT_EQ(flags->pay_ahead[0].flag.project_code, "P1");
  EXPECT_EQ(s.contract, Fen::FromYuan(8'000'000));
  EXPECT_EQ(s.progress_bp, 2500);
  EXPECT_EQ(s.paid, Fen::FromYuan(7'500'000));
  EXPECT_EQ(s.cap, Fen::FromYuan(4'160'000));
  EXPECT_EQ(s.excess, Fen::FromYuan(3'340'000));
}

TEST_F(FiguresTest, OtherFundSourcesAndOtherFundYears) {
  // Fund year 2022 money spent in 2023 (F3) counts for fund year 2022 only.
  const Indicators fy2022 = Figures("540102", 2022, "2023-07-05");
  EXPECT_EQ(fy2022.expended, Fen::FromYuan(3'000'000));
  EXPECT_EQ(Pct(fy2022.expend_progress), 3750);
  EXPECT_EQ(Figures("540102", 2023, "2023-07-05").expended, Fen::FromYuan(7'300'000));
  EXPECT_FALSE(Figures("540102", 2023, "2023-07-05", FundSource::kCounty).expend_progress.defined());
}

TEST_F(FiguresTest, StartRateWithCancelledProjectsAndTownshipVillageLevels) {
  // 城关区 2023: P1 (03-01), P2 (07-05, on the day), P3 (07-06, after); P4 cancelled.
  const Indicators county = Figures("540102", 2023, "2023-07-05");
  EXPECT_EQ(county.projects_total, 3);
  EXPECT_EQ(county.projects_started, 2);
  EXPECT_EQ(Pct(county.start_rate), 6667);
  EXPECT_EQ(county.projects_finished, 1);  // P1 finished 06-30
  EXPECT_EQ(Pct(county.completion_rate), 3333);
  // 2022 as of 2022-07-05: Q1 started, Q2 not yet → 50%; +16.666… points.
  EXPECT_EQ(Yoy(county.start_rate, county.start_rate_last_year), 1667);
  const Indicators township = Figures("540102001", 2023, "2023-07-05");
  EXPECT_EQ(township.projects_total, 2);  // P2, P3
  EXPECT_EQ(Pct(township.start_rate), 5000);
  const Indicators village = Figures("540102001001", 2023, "2023-07-05");
  EXPECT_EQ(village.projects_total, 1);  // P3; P4 cancelled
  EXPECT_EQ(Pct(village.start_rate), 0);
  // Whole region: P1, P2, P6, P8 of six started → 66.666…%; 2022: Q1, Q3 (on 07-05) of three.
  const Indicators root = Figures("540000", 2023, "2023-07-05");
  EXPECT_EQ(root.projects_total, 6);
  EXPECT_EQ(Pct(root.start_rate), 6667);
  EXPECT_EQ(Yoy(root.start_rate, root.start_rate_last_year), 0);
  EXPECT_EQ(Pct(root.completion_rate), 1667);
  // Central 2023: 12,300,000 ÷ 25,000,000 = 49.2%; 2022: 25% → +24.2 points.
  EXPECT_EQ(Pct(root.expend_progress), 4920);
  EXPECT_EQ(Yoy(root.expend_progress, root.expend_progress_last_year), 2420);
  // Industry share: P1 8,000,000 + P3 300,000 + P6 900,000 of 10,550,000 = 87.203…%.
  EXPECT_EQ(Pct(root.industry_share), 8720);
}

TEST_F(FiguresTest, LeapDayComparesWithTheTwentyEighth) {
  // 南木林县 fund year 2024 on 2024-02-29: 500,000 ÷ 1,000,000 = 50%.
  const Indicators f = Figures("540221", 2024, "2024-02-29");
  EXPECT_EQ(Pct(f.expend_progress), 5000);
  // Last year on 2023-02-28 (not 03-01, when H2 was paid): 0 ÷ 4,000,000 → +50 points.
  EXPECT_EQ(Pct(f.expend_progress_last_year), 0);
  EXPECT_EQ(Yoy(f.expend_progress, f.expend_progress_last_year), 5000);
  EXPECT_EQ(Pct(f.time_progress), 1639);  // 60 / 366
  EXPECT_EQ(Pct(f.start_rate), 10000);    // P7 started on 02-29
  EXPECT_EQ(Pct(Figures("540221", 2024, "2024-02-28").start_rate), 0);
  EXPECT_EQ(Yoy(f.start_rate, f.start_rate_last_year), 0);  // P8 had started by 2023-02-28
}

TEST_F(FiguresTest, EmptyRegionAndNoAllocationAreNullNotZero) {
  const Indicators empty = Figures("540104", 2023, "2023-07-05");
  EXPECT_EQ(empty.projects_total, 0);
  EXPECT_FALSE(empty.start_rate.defined());
  EXPECT_FALSE(empty.expend_progress.defined());
  EXPECT_FALSE(empty.assessed_progress.defined());
  EXPECT_FALSE(Yoy(empty.start_rate, empty.start_rate_last_year).has_value());
  EXPECT_FALSE(empty.on_track().has_value());
  // 堆龙德庆区 has a project but no allocation: start rate 0%, progress undefined.
  const Indicators no_money = Figures("540103", 2023, "2023-07-05");
  EXPECT_EQ(Pct(no_money.start_rate), 0);
  EXPECT_FALSE(no_money.expend_progress.defined());
}

TEST_F(FiguresTest, RankingBreaksTiesByExpenditureThenCode) {
  // 桑珠孜区 3,000,000 ÷ 6,000,000 = 50% and 南木林县 2,000,000 ÷ 4,000,000 = 50% tie:
  // the larger expenditure wins. 城关区 48.67%. Two counties without allocation last.
  IndicatorQuery q{"540000", 2023, *Date::Parse("2023-07-05"), FundSource::kCentral};
  RankOptions o;
  o.top = 1;
  o.bottom = 1;
  o.amount = Fen::FromYuan(20'000'000);
  auto rows = app_->Rank(Actor::System(), q, o);
  ASSERT_TRUE(rows.ok());
  std::vector<std::string> order;
  for (const auto& r : *rows) order.push_back(r.region->code);
  EXPECT_EQ(order, (std::vector<std::string>{"540202", "540221", "540102", "540103", "540104"}));
  EXPECT_EQ((*rows)[0].incentive, Fen::FromYuan(20'000'000));
  EXPECT_EQ((*rows)[1].incentive, Fen());
  EXPECT_EQ((*rows)[2].incentive, Fen::FromYuan(-20'000'000));  // last unit with a figure
  EXPECT_EQ((*rows)[3].incentive, Fen());                       // no figure: neither reward nor penalty
  EXPECT_EQ((*rows)[0].rank, 1);
  EXPECT_EQ((*rows)[4].rank, 5);
  // By assessed progress 城关区 drops to 25.33% but stays third of three.
  o.metric = RankMetric::kAssessedProgress;
  auto assessed = app_->Rank(Actor::System(), q, o);
  ASSERT_TRUE(assessed.ok());
  EXPECT_EQ((*assessed)[2].region->code, "540102");
  EXPECT_EQ(PercentHundredths((*assessed)[2].figures.assessed_progress), 2533);
  // Default policy (top 10, bottom 10) with three ranked units: all three are rewarded.
  auto defaults = app_->Rank(Actor::System(), q, app_->DefaultRankOptions(q.as_of));
  ASSERT_TRUE(defaults.ok());
  EXPECT_EQ((*defaults)[2].incentive, Fen::FromYuan(20'000'000));
  EXPECT_EQ((*defaults)[3].incentive, Fen());
}

TEST_F(FiguresTest, IncrementalReversalsOfTrackedPaymentsAndGovernmentAccounts) {
  auto entry = [](const char* id, const char* date, EntryKind kind, const char* project, std::int64_t yuan,
                  PayeeType payee_type, const char* reverses) {
    return LedgerEntry{id,      *Date::Parse(date),  kind,     FundSource::kCentral, 2023,     "540102",
                       project, Fen::FromYuan(yuan), "收款方", payee_type,           reverses, ""};
  };
  // E7 (07-01) 1,000,000 on P1, reversed on 07-03 by a later batch; G7 to a government account, reversed too.
  ASSERT_TRUE(
      app_->PostLedger(Actor::System(),
                       {{1, entry("E7", "2023-07-01", EntryKind::kExpend, "P1", 1'000'000, PayeeType::kEnterprise, "")},
                        {2, entry("G7", "2023-07-01", EntryKind::kExpend, "P2", 50'000, PayeeType::kGovAccount, "")}})
          .ok());
  // 07-02: payments E1 3,000,000 + S2 3,000,000 + E7 1,000,000 = 7,000,000 against a cap of
  // 4,160,000 → excess 2,840,000: E7 1,000,000 (central), then S2 1,840,000.
  EXPECT_EQ(Figures("540102", 2023, "2023-07-02").pay_ahead, Fen::FromYuan(1'000'000));
  ASSERT_TRUE(
      app_->PostLedger(Actor::System(),
                       {{1, entry("R7", "2023-07-03", EntryKind::kReverse, "", 1'000'000, PayeeType::kNone, "E7")},
                        {2, entry("RG7", "2023-07-03", EntryKind::kReverse, "", 50'000, PayeeType::kNone, "G7")}})
          .ok());
  EXPECT_EQ(Figures("540102", 2023, "2023-07-02").pay_ahead, Fen::FromYuan(1'000'000));  // history stays
  EXPECT_EQ(Figures("540102", 2023, "2023-07-05").pay_ahead, Fen::FromYuan(1'500'000));  // E7 no longer counts
  EXPECT_EQ(Figures("540102", 2023, "2023-07-05").disburse_as_expend, Fen::FromYuan(2'000'000));
  auto flags = app_->Flags(Actor::System(), "540102", 2023, *Date::Parse("2023-07-02"), std::nullopt);
  ASSERT_TRUE(flags.ok());
  EXPECT_EQ(flags->disburse_as_expend.size(), 2u);  // E3 and G7 (not reversed yet)
  flags = app_->Flags(Actor::System(), "540102", 2023, *Date::Parse("2023-07-05"), std::nullopt);
  EXPECT_EQ(flags->disburse_as_expend.size(), 1u);
  // A rebuilt engine agrees with the incrementally updated one.
  app_ = Open();
  EXPECT_EQ(Figures("540102", 2023, "2023-07-02").pay_ahead, Fen::FromYuan(1'000'000));
  EXPECT_EQ(Figures("540102", 2023, "2023-07-05").pay_ahead, Fen::FromYuan(1'500'000));
  flags = app_->Flags(Actor::System(), "540102", 2023, *Date::Parse("2023-07-05"), std::nullopt);
  EXPECT_EQ(flags->disburse_as_expend.size(), 1u);
}

TEST_F(FiguresTest, RebuildFromTheStoreGivesTheSameFiguresAndVerifyAgrees) {
  const Indicators before = Figures("540000", 2023, "2023-07-05");
  const Date as_of = *Date::Parse("2023-07-05");
  auto flags_before = app_->Flags(Actor::System(), "540000", std::nullopt, as_of, std::nullopt);
  ASSERT_TRUE(flags_before.ok());
  app_ = Open();  // a fresh engine built from the store (the bulk scan, not the incremental updates)
  // 以拨代支 rows keep their voucher, payee and amount through the bulk scan's lookup by seq.
  auto flags_after = app_->Flags(Actor::System(), "540000", std::nullopt, as_of, std::nullopt);
  ASSERT_TRUE(flags_after.ok());
  ASSERT_EQ(flags_after->disburse_as_expend.size(), flags_before->disburse_as_expend.size());
  ASSERT_FALSE(flags_after->disburse_as_expend.empty());
  for (std::size_t i = 0; i < flags_after->disburse_as_expend.size(); ++i) {
    const DisburseAsExpendFlag& a = flags_before->disburse_as_expend[i].flag;
    const DisburseAsExpendFlag& b = flags_after->disburse_as_expend[i].flag;
    EXPECT_EQ(b.entry_id, a.entry_id);
    EXPECT_EQ(b.payee, a.payee);
    EXPECT_FALSE(b.payee.empty());
    EXPECT_EQ(b.amount, a.amount);
    EXPECT_EQ(b.project_code, a.project_code);
  }
  const Indicators after = Figures("540000", 2023, "2023-07-05");
  EXPECT_EQ(before.expended, after.expended);
  EXPECT_EQ(before.pay_ahead, after.pay_ahead);
  EXPECT_EQ(before.projects_started, after.projects_started);
  auto report = app_->Verify();
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_GT(report->checks, 0);
  for (const auto& m : report->mismatches) {
    ADD_FAILURE() << m.region_code << " " << m.as_of.ToString() << " " << m.figure << " engine " << m.engine << " sql "
                  << m.sql;
  }
}

}  // namespace
}  // namespace xj
