// 倒排工期: planned dates backwards from the deadline; overdue milestones.
#include "domain/schedule.hpp"

#include <gtest/gtest.h>

namespace xj {
namespace domain_schedule_test {

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

TEST(SeasonTest, MonthsBothInclusiveAndAcrossTheNewYear) {
  const ConstructionSeason summer{4, 10}, winter{11, 3};
  EXPECT_FALSE(summer.Contains(Date::FromYmd(2024, 3, 31)));
  EXPECT_TRUE(summer.Contains(Date::FromYmd(2024, 4, 1)));
  EXPECT_TRUE(summer.Contains(Date::FromYmd(2024, 10, 31)));
  EXPECT_FALSE(summer.Contains(Date::FromYmd(2024, 11, 1)));
  EXPECT_TRUE(winter.Contains(Date::FromYmd(2024, 1, 15)));
  EXPECT_FALSE(winter.Contains(Date::FromYmd(2024, 4, 1)));
  EXPECT_TRUE(winter.Contains(Date::FromYmd(2024, 11, 1)));
  // Opening: the first day of the season a day lies in, or of the next one.
  EXPECT_EQ(summer.Opening(Date::FromYmd(2024, 5, 5)), Date::FromYmd(2024, 4, 1));
  EXPECT_EQ(summer.Opening(Date::FromYmd(2024, 2, 1)), Date::FromYmd(2024, 4, 1));
  EXPECT_EQ(summer.Opening(Date::FromYmd(2024, 11, 5)), Date::FromYmd(2025, 4, 1));
  EXPECT_EQ(winter.Opening(Date::FromYmd(2024, 1, 15)), Date::FromYmd(2023, 11, 1));
  EXPECT_EQ(winter.Opening(Date::FromYmd(2024, 12, 15)), Date::FromYmd(2024, 11, 1));
  EXPECT_EQ(winter.Opening(Date::FromYmd(2024, 6, 1)), Date::FromYmd(2024, 11, 1));
  EXPECT_TRUE((ConstructionSeason{1, 12}.WholeYear()));
  EXPECT_TRUE((ConstructionSeason{4, 3}.WholeYear()));
  EXPECT_FALSE(summer.WholeYear());
}

// Season April–October; deadline 2024-04-20. Counting back in-season days only:
//   竣工验收 on 04-20; its 10 days are 04-19 … 04-10 → 主体施工 on 2024-04-10;
//   its 60 days are 04-09 … 04-01 (9), then 2023's season: October (31, total 40), 09-30 … 09-11 (20)
//   → 前期手续 on 2023-09-11; its 20 days are 09-10 … 08-22 → start 2023-08-22.
TEST(ScheduleTest, CountsWorkingDaysInsideTheSeason) {
  std::vector<Milestone> ms = {{"前期手续", 20, {}, {}}, {"主体施工", 60, {}, {}}, {"竣工验收", 10, {}, {}}};
  const SeasonOn summer = [](Date) { return ConstructionSeason{4, 10}; };
  auto r = BackwardSchedule(ms, Date::FromYmd(2024, 4, 20), summer);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->milestones[2].planned, Date::FromYmd(2024, 4, 20));
  EXPECT_EQ(r->milestones[1].planned, Date::FromYmd(2024, 4, 10));
  EXPECT_EQ(r->milestones[0].planned, Date::FromYmd(2023, 9, 11));
  EXPECT_EQ(r->start, Date::FromYmd(2023, 8, 22));
  EXPECT_TRUE(r->warnings.empty());
  // A whole-year season gives the calendar's dates.
  auto calendar = BackwardSchedule(ms, Date::FromYmd(2023, 10, 31));
  auto whole = BackwardSchedule(ms, Date::FromYmd(2023, 10, 31), [](Date) { return ConstructionSeason{}; });
  ASSERT_TRUE(calendar.ok() && whole.ok());
  EXPECT_EQ(whole->milestones, calendar->milestones);
  EXPECT_EQ(whole->start, calendar->start);
}

TEST(ScheduleTest, WarnsOfADeadlineOutsideTheSeason) {
  const SeasonOn summer = [](Date) { return ConstructionSeason{4, 10}; };
  auto r = BackwardSchedule({{"主体施工", 60, {}, {}}, {"竣工验收", 10, {}, {}}}, Date::FromYmd(2024, 3, 15), summer);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_EQ(r->warnings[0].milestone, "竣工验收");
  EXPECT_EQ(r->warnings[0].date, Date::FromYmd(2024, 3, 15));
  // Its 10 days are the last of the 2023 season: 10-31 … 10-22.
  EXPECT_EQ(r->milestones[0].planned, Date::FromYmd(2023, 10, 22));
}

TEST(ScheduleTest, TheSeasonInForceOnEachDayCounts) {
  // 4–10 until 2023, 5–9 from 2024-01-01. 5 days before 2024-05-03: 05-02, 05-01, then April 2024 is
  // out of the new season and 2023's October is in the old one: 10-31, 10-30, 10-29.
  const SeasonOn changing = [](Date d) {
    return d < Date::FromYmd(2024, 1, 1) ? ConstructionSeason{4, 10} : ConstructionSeason{5, 9};
  };
  auto r = BackwardSchedule({{"施工", 5, {}, {}}}, Date::FromYmd(2024, 5, 3), changing);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->start, Date::FromYmd(2023, 10, 29));
}

TEST(ScheduleTest, RefusesASeasonalScheduleReachingBackACentury) {
  const SeasonOn june = [](Date) { return ConstructionSeason{6, 6}; };
  EXPECT_EQ(BackwardSchedule({{"施工", 4000, {}, {}}}, Date::FromYmd(2024, 6, 30), june).status().code(),
            ErrorCode::kInvalidArgument);
  EXPECT_FALSE(BackwardSchedule({}, Date::FromYmd(2024, 6, 30), june).ok());
  EXPECT_FALSE(BackwardSchedule({{"施工", 0, {}, {}}}, Date::FromYmd(2024, 6, 30), june).ok());
}

}  // namespace domain_schedule_test
}  // namespace xj
