// 倒排工期: planned dates backwards from the deadline; overdue milestones.
#include "domain/schedule.hpp"

#include <gtest/gtest.h>

namespace xj {
namespace {

TEST(ScheduleTest, PlansBackwardsFromTheDeadline) {
  std::vector<Milestone> ms = {{"前期手续", 20, {}, {}}, {"主体施工", 60, {}, {}}, {"竣工验收", 10, {}, {}}};
  auto r = BackwardSchedule(ms, Date::FromYmd(2023, 10, 31));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->milestones[2].planned, Date::FromYmd(2023, 10, 31));
  EXPECT_EQ(r->milestones[1].planned, Date::FromYmd(2023, 10, 21));  // 10 days before
  EXPECT_EQ(r->milestones[0].planned, Date::FromYmd(2023, 8, 22));   // 60 days before, across two month ends
  EXPECT_EQ(r->start, Date::FromYmd(2023, 8, 2));
}

TEST(ScheduleTest, RefusesAnEmptyScheduleOrAZeroDuration) {
  EXPECT_EQ(BackwardSchedule({}, Date::FromYmd(2023, 1, 1)).status().code(), ErrorCode::kInvalidArgument);
  EXPECT_FALSE(BackwardSchedule({{"x", 0, {}, {}}}, Date::FromYmd(2023, 1, 1)).ok());
}

TEST(ScheduleTest, OverdueIsPlannedBeforeTodayAndNotReached) {
  Milestone m{"主体施工", 30, Date::FromYmd(2023, 6, 30), {}};
  EXPECT_FALSE(IsOverdue(m, Date::FromYmd(2023, 6, 30)));
  EXPECT_TRUE(IsOverdue(m, Date::FromYmd(2023, 7, 1)));
  EXPECT_EQ(DaysOverdue(m, Date::FromYmd(2023, 7, 5)), 5);
  m.actual = Date::FromYmd(2023, 7, 2);
  EXPECT_FALSE(IsOverdue(m, Date::FromYmd(2023, 7, 5)));
  EXPECT_FALSE(IsOverdue({"无计划", 5, {}, {}}, Date::FromYmd(2023, 7, 5)));
}

}  // namespace
}  // namespace xj
