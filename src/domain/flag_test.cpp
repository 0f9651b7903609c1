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

}  // namespace domain_flag_test
}  // namespace xj
