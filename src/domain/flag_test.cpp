#include "domain/flag.hpp"

#include <gtest/gtest.h>

namespace xj {
namespace domain_flag_test {

TEST(FlagTest, WorkStepsAndTheirPreconditions) {
  using A = FlagAction;
  using St = FlagStatus;
  EXPECT_EQ(*ApplyFlagAction(St::kOpen, A::kAssign, "", "county"), St::kOpen);
  EXPECT_EQ(ApplyFlagAction(St::kOpen, A::kAssign, "", "").status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(*ApplyFlagAction(St::kOpen, A::kExplain, "已核实", ""), St::kExplained);
  EXPECT_EQ(*ApplyFlagAction(St::kExplained, A::kExplain, "补充说明", ""), St::kExplained);
  EXPECT_EQ(ApplyFlagAction(St::kOpen, A::kExplain, "", "").status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(*ApplyFlagAction(St::kExplained, A::kClose, "已整改", ""), St::kClosed);
  EXPECT_EQ(ApplyFlagAction(St::kOpen, A::kClose, "", "").status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(ApplyFlagAction(St::kClosed, A::kClose, "再关一次", "").status().code(), ErrorCode::kConflict);
  EXPECT_EQ(ApplyFlagAction(St::kClosed, A::kAssign, "", "county").status().code(), ErrorCode::kConflict);
  EXPECT_EQ(ApplyFlagAction(St::kOpen, A::kReopen, "x", "").status().code(), ErrorCode::kConflict);
  EXPECT_EQ(*ApplyFlagAction(St::kClosed, A::kReopen, "审计要求", ""), St::kOpen);
}

TEST(FlagTest, NamesParseBack) {
  for (FlagStatus s : {FlagStatus::kOpen, FlagStatus::kExplained, FlagStatus::kClosed}) {
    EXPECT_EQ(ParseFlagStatus(FlagStatusName(s)), s);
    EXPECT_EQ(ParseFlagStatus(FlagStatusLabel(s)), s);
  }
  for (FlagAction a : {FlagAction::kAssign, FlagAction::kExplain, FlagAction::kClose, FlagAction::kReopen}) {
    EXPECT_EQ(ParseFlagAction(FlagActionName(a)), a);
  }
  EXPECT_FALSE(ParseFlagStatus("done").has_value());
  EXPECT_TRUE(IsFlagKind("over_arranged"));
  EXPECT_FALSE(IsFlagKind("vibes"));
  EXPECT_EQ(FlagSubjectType(FlagKind::kPayAheadOfProgress), "project");
  EXPECT_EQ(FlagSubjectType(FlagKind::kNegativeList), "entry");
}

TEST(FlagTest, OverArrangedAgainstAllocationsOrThePlannedFunds) {
  // Allocations name the project: they are what is arranged, whatever was planned.
  EXPECT_EQ(OverArrangedExcess(Fen(120), Fen(150), true, Fen(100)), Fen());
  EXPECT_EQ(OverArrangedExcess(Fen(160), Fen(150), true, Fen(500)), Fen(10));
  // None recorded: the planned funds.
  EXPECT_EQ(OverArrangedExcess(Fen(120), Fen(), false, Fen(100)), Fen(20));
  // Totals past 64 bits (three payments of 2⁶³ − 1 fen against one allocation of it): exact.
  const FenTotal max(Fen(INT64_MAX));
  EXPECT_EQ(OverArrangedExcess(max + max + max, max, true, Fen()), max + max);
  EXPECT_EQ(OverArrangedExcess(Fen(100), Fen(), false, Fen(100)), Fen());
  // An allocation fully reversed still counts as recorded (net zero arranged).
  EXPECT_EQ(OverArrangedExcess(Fen(1), Fen(), true, Fen(100)), Fen(1));
}

TEST(FlagTest, OverArrangedHistoryDatesTheFlagWhereTheOverspendingBegan) {
  const auto d = [](int m, int day) { return Date::FromYmd(2023, m, day); };
  const auto alloc = [&](int m, int day, std::int64_t fen) { return ProjectMovement{d(m, day), Fen(fen), {}, true}; };
  const auto spend = [&](int m, int day, std::int64_t fen) { return ProjectMovement{d(m, day), {}, Fen(fen), false}; };
  // Planned 1,000: spent 50 (04-01) + 300 (05-01) against it; from 06-01 the allocation of 400 is
  // what is arranged; 80 more on 09-01 → 430 > 400 from 09-01, though the 04-01 entry came last.
  OverArrangedRun run =
      SweepOverArranged({spend(9, 1, 80), alloc(6, 1, 400), spend(5, 1, 300), spend(4, 1, 50)}, Fen(1000));
  EXPECT_EQ(run.raised_on, d(9, 1));
  EXPECT_EQ(run.cleared_on, std::nullopt);
  EXPECT_EQ(run.excess, Fen(30));
  EXPECT_EQ(run.expended, Fen(430));
  EXPECT_EQ(run.arranged, Fen(400));
  // Over 350 − 200 = 150 from 06-01 (the allocation replaces the plan), cleared on 08-01 by 300 more
  // (350 ≤ 500), over again from 10-01 by 600 − 500 = 100: the last period counts.
  run = SweepOverArranged({spend(5, 1, 350), alloc(6, 1, 200), alloc(8, 1, 300), spend(10, 1, 250)}, Fen(1000));
  EXPECT_EQ(run.raised_on, d(10, 1));
  EXPECT_EQ(run.cleared_on, std::nullopt);
  EXPECT_EQ(run.excess, Fen(100));
  // Without the last payment: raised 06-01, cleared 08-01, having last been 150 over.
  run = SweepOverArranged({alloc(8, 1, 300), spend(5, 1, 350), alloc(6, 1, 200)}, Fen(1000));
  EXPECT_EQ(run.raised_on, d(6, 1));
  EXPECT_EQ(run.cleared_on, d(8, 1));
  EXPECT_EQ(run.excess, Fen());
  EXPECT_EQ(run.last_excess, Fen(150));
  // A reversed payment (negative) on the same day as it: never over.
  run = SweepOverArranged({spend(5, 1, 2000), spend(5, 1, -2000)}, Fen(1000));
  EXPECT_EQ(run.raised_on, std::nullopt);
  EXPECT_EQ(run.excess, Fen());
  EXPECT_EQ(SweepOverArranged({}, Fen(1)).raised_on, std::nullopt);
}

}  // namespace domain_flag_test
}  // namespace xj
