#include "analytics/indicator_engine.hpp"

#include <gtest/gtest.h>

#include <climits>
#include <tuple>

#include "analytics/engine_totals_test_support.hpp"

namespace xj {
namespace analytics_indicator_engine_test {

using namespace engine_totals_test;

// Issue #13 point 2: no sum can wrap. A region's figures add every amount of its subtree, so
// 64-bit totals wrapped once a province held more than 2⁶³ fen — 9.3 million entries at the
// 10,000,000,000 元 limit (engine_totals_scale_test.cpp), or four rows stored before the limits
// existed. Totals are 128 bits now.

TEST_F(EngineTotalsTest, FourMaximalRowsAddUpAtTheProvinceWithoutWrapping) {
  // Given one allocation of 2⁶³ − 1 fen in each of four counties and the same spent in two.
  std::int64_t seq = 0;
  for (const char* county : {"540102", "540103", "540104", "540105"}) {
    engine_.LoadFact(0, Fact(++seq, EntryKind::kAllocate, county, kMax, "2023-03-01"));
  }
  engine_.LoadFact(0, Fact(++seq, EntryKind::kExpend, "540102", kMax, "2023-04-01"));
  engine_.LoadFact(0, Fact(++seq, EntryKind::kExpend, "540103", kMax, "2023-04-01"));
  engine_.Finish();

  // Then the province holds the exact totals: 4 × (2⁶³ − 1) and 2 × (2⁶³ − 1) fen (64 bits
  // wrapped them to −4 and −2), and the progress is 50.00%.
  const Indicators province = Figures("540000");
  EXPECT_EQ(province.allocated, FenTotal(static_cast<Int128>(kMax) * 4));
  EXPECT_EQ(Int128ToString(province.allocated.value()), "36893488147419103228");
  EXPECT_EQ(FormatYuan(province.allocated), "368,934,881,474,191,032.28");
  EXPECT_EQ(province.expended, FenTotal(static_cast<Int128>(kMax) * 2));
  EXPECT_EQ(PercentHundredths(province.expend_progress), 5000);
  EXPECT_EQ(PercentHundredths(province.assessed_progress), 5000);
  EXPECT_EQ(Figures("540100").allocated, province.allocated);
  // A county's own figures are untouched by the widening.
  EXPECT_EQ(Figures("540104").allocated, FenTotal(Fen(kMax)));
  EXPECT_EQ(PercentHundredths(Figures("540104").expend_progress), 0);

  // When one more maximal allocation is committed to 540102 after start-up (the incremental path).
  StoredEntry more;
  more.entry = {"PZ-7",
                *Date::Parse("2023-05-01"),
                EntryKind::kAllocate,
                FundSource::kCentral,
                2023,
                "540102",
                "",
                Fen(kMax),
                "",
                PayeeType::kNone,
                "",
                ""};
  more.seq = ++seq;
  more.effective = {EntryKind::kAllocate, PayeeType::kNone, 1};
  engine_.AddEntries({more});

  // Then 5 × (2⁶³ − 1) at the province, and 540102 halves to 50.00%.
  EXPECT_EQ(Int128ToString(Figures("540000").allocated.value()), "46116860184273879035");
  EXPECT_EQ(PercentHundredths(Figures("540000").expend_progress), 4000);
  EXPECT_EQ(PercentHundredths(Figures("540102").expend_progress), 5000);
  EXPECT_EQ(Figures("540102").allocated, FenTotal(static_cast<Int128>(kMax) * 2));
}

TEST_F(EngineTotalsTest, RankingOrdersUnitsWhoseTotalsPassSixtyFourBits) {
  // Given 540102 with 2 × (2⁶³ − 1) allocated and (almost exactly) 3/4 of it spent, 540103 with the same
  // allocated and 1/2 spent, 540104 with nothing.
  std::int64_t seq = 0;
  for (const char* county : {"540102", "540103"}) {
    engine_.LoadFact(0, Fact(++seq, EntryKind::kAllocate, county, kMax, "2023-03-01"));
    engine_.LoadFact(0, Fact(++seq, EntryKind::kAllocate, county, kMax, "2023-03-02"));
    engine_.LoadFact(0, Fact(++seq, EntryKind::kExpend, county, kMax, "2023-04-01"));
  }
  engine_.LoadFact(0, Fact(++seq, EntryKind::kExpend, "540102", kMax / 2, "2023-04-02"));
  engine_.Finish();

  const auto rows = engine_.Rank({At("540104"), At("540103"), At("540102")}, 2023, *Date::Parse("2023-12-31"),
                                 FundSource::kCentral, RankOptions{RankMetric::kExpendProgress, 1, 1, Fen(100)});
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(engine_.tree().node(rows[0].region).region.code, "540102");
  EXPECT_EQ(PercentHundredths(rows[0].figures.expend_progress), 7500);
  EXPECT_EQ(rows[0].incentive, Fen(100));
  EXPECT_EQ(engine_.tree().node(rows[1].region).region.code, "540103");
  EXPECT_EQ(PercentHundredths(rows[1].figures.expend_progress), 5000);
  EXPECT_EQ(rows[1].incentive, Fen(-100));
  EXPECT_EQ(rows[2].rank, 0);  // nothing allocated: unranked
}

// Issue #18 point 6: a 以拨代支 entry whose inquiry was determined rejected (认定不成立) no longer
// counts as 以拨代支, so assessed progress stops deducting it (docs/definitions.md §11).
StoredEntry Stored(std::int64_t seq, std::string id, EntryKind kind, PayeeType payee, std::int64_t fen,
                   const char* date, std::string reverses = "", std::int64_t reverses_seq = 0) {
  StoredEntry e;
  e.entry = {std::move(id), *Date::Parse(date), kind,  FundSource::kCentral, 2023, "540102", "",
             Fen(fen),      "县财政专户",       payee, std::move(reverses),  ""};
  e.seq = seq;
  e.effective = {kind == EntryKind::kReverse ? EntryKind::kExpend : kind, payee, kind == EntryKind::kReverse ? -1 : 1};
  e.reverses_seq = reverses_seq;
  return e;
}

TEST_F(EngineTotalsTest, ARejectedDisburseAsExpendEntryLeavesTheDeduction) {
  // Given 540102: 1,000 元 allocated, 400 元 spent with an enterprise, and two expenditures to the
  // county's fiscal account (以拨代支): PZ-G1 200 元 and PZ-G2 100 元.
  const auto allocate = Fact(1, EntryKind::kAllocate, "540102", 100'000, "2023-03-01");
  engine_.LoadFact(0, allocate);
  LedgerFact spent = Fact(2, EntryKind::kExpend, "540102", 40'000, "2023-04-01");
  engine_.LoadFact(0, spent);
  for (auto [seq, id, fen] : {std::tuple{3, "PZ-G1", 20'000}, std::tuple{4, "PZ-G2", 10'000}}) {
    LedgerFact g = Fact(seq, EntryKind::kExpend, "540102", fen, "2023-05-01");
    g.entry_id = id;
    g.effective.payee_type = PayeeType::kGovAccount;
    engine_.LoadFact(0, g);
  }
  engine_.Finish();
  // Before any determination: expended 700, 以拨代支 300; assessed (700 − 300) ÷ 1,000 = 40.00%.
  EXPECT_EQ(Figures("540102").disburse_as_expend, FenTotal(Fen(30'000)));
  EXPECT_EQ(PercentHundredths(Figures("540102").expend_progress), 7000);
  EXPECT_EQ(PercentHundredths(Figures("540102").assessed_progress), 4000);
  const Date year_end = *Date::Parse("2023-12-31");
  EXPECT_EQ(engine_.DisburseAsExpendFlags(kNoRegion, 2023, year_end, std::nullopt).size(), 2u);

  // When PZ-G1's inquiry is determined rejected: 以拨代支 100; assessed (700 − 100) ÷ 1,000 = 60.00%,
  // on every as-of date from the entry's (the province's too), and twice is once.
  engine_.ClearDisburseAsExpend({"PZ-G1"});
  engine_.ClearDisburseAsExpend({"PZ-G1"});
  EXPECT_EQ(Figures("540102").disburse_as_expend, FenTotal(Fen(10'000)));
  EXPECT_EQ(PercentHundredths(Figures("540102").assessed_progress), 6000);
  EXPECT_EQ(PercentHundredths(Figures("540000").assessed_progress), 6000);
  const Indicators on_entry_day = engine_.Compute(At("540102"), 2023, *Date::Parse("2023-05-01"), FundSource::kCentral);
  EXPECT_EQ(on_entry_day.disburse_as_expend, FenTotal(Fen(10'000)));
  const auto listed = engine_.DisburseAsExpendFlags(kNoRegion, 2023, year_end, std::nullopt);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].entry_id, "PZ-G2");
  EXPECT_TRUE(engine_.DisburseAsExpendEntry("PZ-G1").has_value());  // still found, for its flag's page

  // When PZ-G1 is then reversed: expended 500, 以拨代支 stays 100; assessed (500 − 100) ÷ 1,000 = 40.00%.
  engine_.AddEntries(
      {Stored(5, "PZ-G1-R", EntryKind::kReverse, PayeeType::kGovAccount, 20'000, "2023-06-01", "PZ-G1", 3)});
  EXPECT_EQ(Figures("540102").expended, FenTotal(Fen(50'000)));
  EXPECT_EQ(Figures("540102").disburse_as_expend, FenTotal(Fen(10'000)));
  EXPECT_EQ(PercentHundredths(Figures("540102").assessed_progress), 4000);

  // When an entry is cleared before it reaches this engine (another server's write), it arrives
  // cleared: PZ-G3 50 元 → expended 550, 以拨代支 100; assessed (550 − 100) ÷ 1,000 = 45.00%.
  engine_.ClearDisburseAsExpend({"PZ-G3"});
  engine_.AddEntries({Stored(6, "PZ-G3", EntryKind::kExpend, PayeeType::kGovAccount, 5'000, "2023-07-01")});
  EXPECT_EQ(Figures("540102").disburse_as_expend, FenTotal(Fen(10'000)));
  EXPECT_EQ(PercentHundredths(Figures("540102").assessed_progress), 4500);
}

}  // namespace analytics_indicator_engine_test
}  // namespace xj
