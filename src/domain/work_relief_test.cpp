#include "domain/work_relief.hpp"

#include <gtest/gtest.h>

namespace xj {
namespace domain_work_relief_test {

TEST(WorkRelief, MasksKeepFourAtEachEnd) {
  EXPECT_EQ(MaskNumber("540102199001011234"), "5401**********1234");
  EXPECT_EQ(MaskNumber("13800001234"), "1380***1234");
  EXPECT_EQ(MaskNumber("12345678"), "********");
}

TEST(WorkRelief, IdNumbersAreEighteenCharactersWithAnOptionalX) {
  EXPECT_EQ(NormalizeIdNumber("54010219900101123x"), "54010219900101123X");
  EXPECT_EQ(NormalizeIdNumber("540102199001011234"), "540102199001011234");
  EXPECT_FALSE(NormalizeIdNumber("5401021990010112"));
  EXPECT_FALSE(NormalizeIdNumber("5401021990X1011234"));
  EXPECT_FALSE(NormalizeIdNumber("5401021990010112345"));
}

TEST(WorkRelief, DivisionRoundsHalfUp) {
  EXPECT_EQ(DivideHalfUp(5, 2), 3);   // 2.5 → 3
  EXPECT_EQ(DivideHalfUp(7, 3), 2);   // 2.33 → 2
  EXPECT_EQ(DivideHalfUp(8, 3), 3);   // 2.67 → 3
  EXPECT_EQ(DivideHalfUp(10, 0), 0);  // no persons: 0
}

TEST(WorkRelief, PersonsAreDistinctPeopleNotRows) {
  // A paid twice on project P1 and once on P2; B once on P1; C once on P2.
  //   persons 3; wages 100 + 200 + 300 + 50 + 51 = 701 fen; per person 701 ÷ 3 = 233.67 → 234
  //   A 脱贫户 (600), B 监测户 (50) and relocated, C not on any roster → 一般农户 (51)
  const Date d = Date::FromYmd(2023, 3, 1);
  std::vector<WageFact> wages = {
      {"P1", "540102", "A", d, 100, 5},  {"P1", "540102", "A", d.AddDays(30), 200, 10},
      {"P2", "540102", "A", d, 300, 15}, {"P1", "540102", "B", d, 50, 2},
      {"P2", "540102", "C", d, 51, 3},
  };
  std::vector<PersonFact> persons = {{"A", HouseholdStatus::kLifted, false}, {"B", HouseholdStatus::kMonitored, true}};
  const WorkReliefFigures f = SummarizeWages(wages, persons);
  EXPECT_EQ(f.persons, 3);
  EXPECT_EQ(f.wages_fen, 701);
  EXPECT_EQ(f.wages_per_person_fen, 234);
  EXPECT_EQ(f.person_days, 35);
  EXPECT_EQ(f.payments, 5);
  EXPECT_EQ(f.projects, 2);
  ASSERT_EQ(f.by_household_status.size(), 3u);
  EXPECT_EQ(f.by_household_status[0].persons, 1);
  EXPECT_EQ(f.by_household_status[0].wages_fen, 600);
  EXPECT_EQ(f.by_household_status[1].persons, 1);
  EXPECT_EQ(f.by_household_status[2].persons, 1);
  EXPECT_EQ(f.by_household_status[2].wages_fen, 51);
  EXPECT_EQ(f.relocated_persons, 1);
  EXPECT_EQ(f.relocated_wages_fen, 50);
}

}  // namespace domain_work_relief_test
}  // namespace xj
