#include "analytics/indicator_engine.hpp"

#include <gtest/gtest.h>

#include <climits>

namespace xj {
namespace {

// Issue #13 point 2: no sum can wrap. A region's figures add every amount of its subtree, so
// 64-bit totals wrapped once a province held more than 2⁶³ fen — 9.3 million entries at the
// 10,000,000,000 元 limit, or four rows stored before the limits existed. Totals are 128 bits now.

constexpr std::int64_t kMax = INT64_MAX;

Region R(std::string code, RegionLevel level, std::string parent) {
  return Region{code, "区划" + code, level, std::move(parent), false, ""};
}

std::shared_ptr<const RegionTree> Tree() {
  auto tree =
      RegionTree::Build({R("540000", RegionLevel::kProvince, ""), R("540100", RegionLevel::kPrefecture, "540000"),
                         R("540102", RegionLevel::kCounty, "540100"), R("540103", RegionLevel::kCounty, "540100"),
                         R("540104", RegionLevel::kCounty, "540100"), R("540105", RegionLevel::kCounty, "540100")});
  EXPECT_TRUE(tree.ok()) << tree.status().ToString();
  return std::make_shared<const RegionTree>(std::move(*tree));
}

LedgerFact Fact(std::int64_t seq, EntryKind kind, std::string_view region, std::int64_t fen, const char* date) {
  LedgerFact f;
  f.seq = seq;
  f.date = *Date::Parse(date);
  f.kind = kind;
  f.effective = {kind, kind == EntryKind::kExpend ? PayeeType::kEnterprise : PayeeType::kNone, 1};
  f.fund_source = FundSource::kCentral;
  f.fund_year = 2023;
  f.amount = Fen(fen);
  f.entry_id = "PZ";
  f.region_code = region;
  f.payee = kind == EntryKind::kExpend ? "某公司" : "";
  return f;
}

class EngineTotalsTest : public ::testing::Test {
 protected:
  EngineTotalsTest() : engine_(Tree(), CategoryCatalogue(), PolicySet::Defaults()) {}
  RegionIndex At(std::string_view code) const { return engine_.tree().Find(code); }
  Indicators Figures(std::string_view code) const {
    return engine_.Compute(At(code), 2023, *Date::Parse("2023-12-31"), FundSource::kCentral);
  }
  IndicatorEngine engine_;
};

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

TEST_F(EngineTotalsTest, TenMillionEntriesAtTheLimitSumPastSixtyFourBitsAtTheProvince) {
  // Given 9,300,000 allocations at the input limit (10¹² fen each, 10,000,000,000 元) spread over
  // the four counties and 31 days: 9.3 × 10¹⁸ fen > 2⁶³ − 1 ≈ 9.22 × 10¹⁸.
  constexpr std::int64_t kLimit = 1'000'000'000'000;
  constexpr int kEntries = 9'300'000;
  const char* counties[] = {"540102", "540103", "540104", "540105"};
  engine_.PrepareShards(1);
  for (int i = 0; i < kEntries; ++i) {
    LedgerFact f = Fact(i + 1, EntryKind::kAllocate, counties[i % 4], kLimit, "2023-01-01");
    f.date = Date::FromDays(f.date.days() + (i / 4) % 31);
    engine_.LoadFact(0, f);
  }
  engine_.Finish();

  // Then the province holds 9,300,000 × 10¹² fen exactly (64 bits wrapped it to a negative figure).
  EXPECT_EQ(Int128ToString(Figures("540000").allocated.value()), "9300000000000000000");
  EXPECT_EQ(Figures("540102").allocated, FenTotal(Fen(kLimit * (kEntries / 4))));
}

}  // namespace
}  // namespace xj
