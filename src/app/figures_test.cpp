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
//              cap = 8,000,000 × max(30%, 25%) = 2,400,000 (under 97%) → excess 5,100,000, latest
//              first: E4 (07-05) 1,500,000 central, S2 (06-25) 3,000,000 provincial, then
//              E1 (04-01) 600,000 central → central 2,100,000.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "app/app.hpp"
#include "io/csv_reader.hpp"

namespace xj {
namespace app_figures_test {

class FiguresTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("xj-figures-" + std::to_string(::getpid()) + "-" +
                                                     ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    app_ = Open();
    for (const char* kind : {"regions", "projects", "ledger"}) Import(*app_, kind);
    ASSERT_TRUE(app_->RecordContract(Actor::System(), {"P1", "HT-2023-001", Fen::FromYuan(8'000'000),
                                                       *Date::Parse("2023-03-10"), std::nullopt})
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

FlagQuery FlagsAt(const std::string& region, std::optional<int> fund_year, Date as_of) {
  FlagQuery q;
  q.region_code = region;
  q.fund_year = fund_year;
  q.as_of = as_of;
  return q;
}

/// The flags of one kind, in the list's order.
std::vector<const FlagItem*> Kind(const FlagsReport& r, std::string_view kind) {
  std::vector<const FlagItem*> out;
  for (const FlagItem& i : r.items) {
    if (i.flag.kind == kind) out.push_back(&i);
  }
  return out;
}

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
  EXPECT_EQ(f.pay_ahead, Fen::FromYuan(2'100'000));  // E4 1,500,000 and 600,000 of E1
  // (7,300,000 − 2,000,000 − 2,100,000) ÷ 15,000,000 = 21.333…%
  EXPECT_EQ(Pct(f.assessed_progress), 2133);
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
  // 2023-05-15: no progress report yet → cap = the advance, 30% × 8,000,000 = 2,400,000; payments
  // E1 3,000,000 + E2 1,000,000 (reversed only on 06-01) = 4,000,000 → excess 1,600,000.
  EXPECT_EQ(Figures("540102", 2023, "2023-05-15").pay_ahead, Fen::FromYuan(1'600'000));
  // 2023-03-31: contract signed, nothing paid yet.
  EXPECT_EQ(Figures("540102", 2023, "2023-03-31").pay_ahead, Fen());
  // Provincial share of the excess on 2023-07-05 is all of S2, 3,000,000:
  // assessed = (3,000,000 − 3,000,000) ÷ 4,000,000 = 0%.
  const Indicators p = Figures("540102", 2023, "2023-07-05", FundSource::kProvincial);
  EXPECT_EQ(p.pay_ahead, Fen::FromYuan(3'000'000));
  EXPECT_EQ(Pct(p.expend_progress), 7500);
  EXPECT_EQ(Pct(p.assessed_progress), 0);

  auto flags = app_->Flags(Actor::System(), FlagsAt("540000", 2023, *Date::Parse("2023-07-05")));
  ASSERT_TRUE(flags.ok());
  ASSERT_EQ(Kind(*flags, FlagKind::kDisburseAsExpend).size(), 1u);
  EXPECT_EQ(Kind(*flags, FlagKind::kDisburseAsExpend)[0]->flag.subject, "E3");
  ASSERT_EQ(Kind(*flags, FlagKind::kPayAheadOfProgress).size(), 1u);
  const FlagItem& ahead = *Kind(*flags, FlagKind::kPayAheadOfProgress)[0];
  ASSERT_TRUE(ahead.pay_ahead.has_value());
  const PayAheadStatus& s = *ahead.pay_ahead;
  EXPECT_EQ(ahead.flag.project_code, "P1");
  EXPECT_EQ(ahead.flag.amount, Fen::FromYuan(5'100'000));
  EXPECT_EQ(ahead.flag.raised_on, *Date::Parse("2023-04-01"));  // ahead since E1 (cap 2,400,000 < 3,000,000)
  EXPECT_EQ(ahead.flag.status, FlagStatus::kOpen);
  EXPECT_EQ(s.contract, Fen::FromYuan(8'000'000));
  EXPECT_EQ(s.progress_bp, 2500);
  EXPECT_EQ(s.paid, Fen::FromYuan(7'500'000));
  EXPECT_EQ(s.advance, Fen::FromYuan(2'400'000));
  EXPECT_EQ(s.cap, Fen::FromYuan(2'400'000));
  EXPECT_EQ(s.excess, Fen::FromYuan(5'100'000));
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
  // the larger expenditure wins. 城关区 48.67%. Two counties without allocation last, unranked.
  IndicatorQuery q{"540000", 2023, *Date::Parse("2023-07-05"), FundSource::kCentral};
  RankRequest request;
  request.top = 1;
  request.bottom = 1;
  request.amount = Fen::FromYuan(20'000'000);
  auto ranking = app_->Rank(Actor::System(), q, request);
  ASSERT_TRUE(ranking.ok());
  const std::vector<RankedRegion>& rows = ranking->rows;
  std::vector<std::string> order;
  for (const auto& r : rows) order.push_back(r.region->code);
  EXPECT_EQ(order, (std::vector<std::string>{"540202", "540221", "540102", "540103", "540104"}));
  EXPECT_EQ(rows[0].incentive, Fen::FromYuan(20'000'000));
  EXPECT_EQ(rows[1].incentive, Fen());
  EXPECT_EQ(rows[2].incentive, Fen::FromYuan(-20'000'000));  // last unit with a figure
  EXPECT_EQ(rows[3].incentive, Fen());                       // no figure: neither reward nor penalty
  EXPECT_EQ(rows[0].rank, 1);
  EXPECT_EQ(rows[2].rank, 3);
  EXPECT_EQ(rows[3].rank, std::nullopt);
  EXPECT_EQ(rows[4].rank, std::nullopt);
  // One scheme, owned by the province-level ancestor; its size counts the ranked units only.
  ASSERT_EQ(ranking->scopes.size(), 1u);
  EXPECT_EQ(ranking->scopes[0].owner->code, "540000");
  EXPECT_EQ(ranking->scopes[0].size, 3);
  // By assessed progress 城关区 drops to 21.33% but stays third of three.
  request.metric = RankMetric::kAssessedProgress;
  auto assessed = app_->Rank(Actor::System(), q, request);
  ASSERT_TRUE(assessed.ok());
  EXPECT_EQ(assessed->rows[2].region->code, "540102");
  EXPECT_EQ(PercentHundredths(assessed->rows[2].figures.assessed_progress), 2133);
  // Default policy (top 10, bottom 10) with three ranked units: all three are rewarded.
  auto defaults = app_->Rank(Actor::System(), q, RankRequest{});
  ASSERT_TRUE(defaults.ok());
  EXPECT_EQ(defaults->rows[2].incentive, Fen::FromYuan(20'000'000));
  EXPECT_EQ(defaults->rows[3].incentive, Fen());
  EXPECT_EQ(defaults->scopes[0].top_n, 10);
}

TEST_F(FiguresTest, ASubtreeShowsItsUnitsPlacesInTheSchemesRanking) {
  // 日喀则市's two counties keep their places among the province's three ranked counties
  // (not a ranking of the two among themselves): 桑珠孜区 1st, 南木林县 2nd of 3.
  IndicatorQuery q{"540200", 2023, *Date::Parse("2023-07-05"), FundSource::kCentral};
  RankRequest request;
  request.top = 1;
  request.bottom = 1;
  auto prefecture = app_->Rank(Actor::System(), q, request);
  ASSERT_TRUE(prefecture.ok());
  ASSERT_EQ(prefecture->rows.size(), 2u);
  EXPECT_EQ(prefecture->rows[0].region->code, "540202");
  EXPECT_EQ(prefecture->rows[0].rank, 1);
  EXPECT_EQ(prefecture->rows[1].region->code, "540221");
  EXPECT_EQ(prefecture->rows[1].rank, 2);
  EXPECT_EQ(prefecture->rows[1].incentive, Fen());  // neither top 1 nor bottom 1 of the three
  EXPECT_EQ(prefecture->scopes[0].owner->code, "540000");
  EXPECT_EQ(prefecture->scopes[0].size, 3);
  // A county's own view: 城关区 is 3rd of 3 and penalised, as in the province's ranking.
  q.region_code = "540102";
  auto county = app_->Rank(Actor::System(), q, request);
  ASSERT_TRUE(county.ok());
  ASSERT_EQ(county->rows.size(), 1u);
  EXPECT_EQ(county->rows[0].rank, 3);
  EXPECT_LT(county->rows[0].incentive, Fen());
  // A county without allocation: unranked, nothing.
  q.region_code = "540104";
  auto none = app_->Rank(Actor::System(), q, request);
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->rows[0].rank, std::nullopt);
  EXPECT_EQ(none->rows[0].incentive, Fen());
}

TEST_F(FiguresTest, ARegionOwningItsOwnSchemeRanksItsUnitsApart) {
  // 日喀则市 owns a scheme from 2023-01-01 (top 1, 5,000,000 yuan): its two counties are ranked
  // between themselves; 城关区 remains in the province's scheme, now with one ranked county.
  ASSERT_TRUE(
      app_->AddPolicy(Actor::System(), {"incentive_top_n", 1, *Date::Parse("2023-01-01"), "市级方案", "540200"}).ok());
  ASSERT_TRUE(
      app_->AddPolicy(Actor::System(), {"incentive_amount_fen", 500'000'000, *Date::Parse("2023-01-01"), "", "540200"})
          .ok());
  IndicatorQuery q{"540000", 2023, *Date::Parse("2023-07-05"), FundSource::kCentral};
  auto ranking = app_->Rank(Actor::System(), q, RankRequest{});
  ASSERT_TRUE(ranking.ok());
  ASSERT_EQ(ranking->scopes.size(), 2u);
  EXPECT_EQ(ranking->scopes[0].owner->code, "540000");
  EXPECT_EQ(ranking->scopes[0].size, 1);  // 城关区 (540103 and 540104 have no allocation)
  EXPECT_EQ(ranking->scopes[1].owner->code, "540200");
  EXPECT_EQ(ranking->scopes[1].size, 2);
  EXPECT_EQ(ranking->scopes[1].top_n, 1);
  EXPECT_EQ(ranking->scopes[1].bottom_n, 10);  // the general value where the scheme sets none
  std::vector<std::pair<std::string, std::int64_t>> got;
  for (const RankedRegion& r : ranking->rows) got.emplace_back(r.region->code, r.rank.value_or(0));
  EXPECT_EQ(got, (std::vector<std::pair<std::string, std::int64_t>>{
                     {"540102", 1}, {"540103", 0}, {"540104", 0}, {"540202", 1}, {"540221", 2}}));
  // 桑珠孜区 is top 1 (+5,000,000); 南木林县 is the bottom of the rest (−5,000,000).
  EXPECT_EQ(ranking->rows[3].incentive, Fen::FromYuan(5'000'000));
  EXPECT_EQ(ranking->rows[4].incentive, Fen::FromYuan(-5'000'000));
  // Before the scheme took effect the province ranks all three.
  q.as_of = *Date::Parse("2022-12-31");
  q.year = 2022;
  auto before = app_->Rank(Actor::System(), q, RankRequest{});
  ASSERT_TRUE(before.ok());
  EXPECT_EQ(before->scopes.size(), 1u);
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
  // 2,400,000 → excess 4,600,000: E7 1,000,000 (central), S2 3,000,000, then 600,000 of E1.
  EXPECT_EQ(Figures("540102", 2023, "2023-07-02").pay_ahead, Fen::FromYuan(1'600'000));
  ASSERT_TRUE(
      app_->PostLedger(Actor::System(),
                       {{1, entry("R7", "2023-07-03", EntryKind::kReverse, "", 1'000'000, PayeeType::kNone, "E7")},
                        {2, entry("RG7", "2023-07-03", EntryKind::kReverse, "", 50'000, PayeeType::kNone, "G7")}})
          .ok());
  EXPECT_EQ(Figures("540102", 2023, "2023-07-02").pay_ahead, Fen::FromYuan(1'600'000));  // history stays
  EXPECT_EQ(Figures("540102", 2023, "2023-07-05").pay_ahead, Fen::FromYuan(2'100'000));  // E7 no longer counts
  EXPECT_EQ(Figures("540102", 2023, "2023-07-05").disburse_as_expend, Fen::FromYuan(2'000'000));
  auto flags = app_->Flags(Actor::System(), FlagsAt("540102", 2023, *Date::Parse("2023-07-02")));
  ASSERT_TRUE(flags.ok());
  EXPECT_EQ(Kind(*flags, FlagKind::kDisburseAsExpend).size(), 2u);  // E3 and G7 (not reversed yet)
  flags = app_->Flags(Actor::System(), FlagsAt("540102", 2023, *Date::Parse("2023-07-05")));
  EXPECT_EQ(Kind(*flags, FlagKind::kDisburseAsExpend).size(), 1u);
  // A rebuilt engine agrees with the incrementally updated one.
  app_ = Open();
  EXPECT_EQ(Figures("540102", 2023, "2023-07-02").pay_ahead, Fen::FromYuan(1'600'000));
  EXPECT_EQ(Figures("540102", 2023, "2023-07-05").pay_ahead, Fen::FromYuan(2'100'000));
  flags = app_->Flags(Actor::System(), FlagsAt("540102", 2023, *Date::Parse("2023-07-05")));
  EXPECT_EQ(Kind(*flags, FlagKind::kDisburseAsExpend).size(), 1u);
}

TEST_F(FiguresTest, RebuildFromTheStoreGivesTheSameFiguresAndVerifyAgrees) {
  const Indicators before = Figures("540000", 2023, "2023-07-05");
  const Date as_of = *Date::Parse("2023-07-05");
  auto flags_before = app_->Flags(Actor::System(), FlagsAt("540000", std::nullopt, as_of));
  ASSERT_TRUE(flags_before.ok());
  app_ = Open();  // a fresh engine built from the store (the bulk scan, not the incremental updates)
  // 以拨代支 rows keep their voucher, payee and amount through the bulk scan's lookup by seq.
  auto flags_after = app_->Flags(Actor::System(), FlagsAt("540000", std::nullopt, as_of));
  ASSERT_TRUE(flags_after.ok());
  const auto before_rows = Kind(*flags_before, FlagKind::kDisburseAsExpend);
  const auto after_rows = Kind(*flags_after, FlagKind::kDisburseAsExpend);
  ASSERT_EQ(after_rows.size(), before_rows.size());
  ASSERT_FALSE(after_rows.empty());
  for (std::size_t i = 0; i < after_rows.size(); ++i) {
    const FlagItem& a = *before_rows[i];
    const FlagItem& b = *after_rows[i];
    EXPECT_EQ(b.flag.subject, a.flag.subject);
    EXPECT_EQ(b.payee, a.payee);
    EXPECT_FALSE(b.payee.empty());
    EXPECT_EQ(b.flag.amount, a.flag.amount);
    EXPECT_EQ(b.flag.project_code, a.flag.project_code);
  }
  const Indicators after = Figures("540000", 2023, "2023-07-05");
  EXPECT_EQ(before.expended, after.expended);
  EXPECT_EQ(before.pay_ahead, after.pay_ahead);
  EXPECT_EQ(before.projects_started, after.projects_started);
  auto report = app_->Verify();
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_GT(report->checks, 0);
  for (const auto& m : report->mismatches) {
    ADD_FAILURE() << m.region_code << " " << m.as_of.ToString() << " " << m.figure << " engine "
                  << Int128ToString(m.engine) << " sql " << Int128ToString(m.sql);
  }
}

}  // namespace app_figures_test
}  // namespace xj
