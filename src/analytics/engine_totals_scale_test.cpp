// The scale half of the engine totals tests (issue #13 point 2): 9.3 million ledger facts. Built
// into xj_scale_tests, which runs on the Release build only — under ASan at -O0 it takes minutes
// (docs/reliability.md "What it costs").
#include <gtest/gtest.h>

#include "analytics/engine_totals_test_support.hpp"

namespace xj {
namespace {

using namespace engine_totals_test;

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
