// 公告公示: period arithmetic across month and year ends, the gate on the step, objections.
#include "domain/posting.hpp"
#include "domain/domain_test_support.hpp"

#include <gtest/gtest.h>

namespace xj {
namespace domain_posting_test {

using testing::D;

TEST(PostingTest, PeriodEndAcrossMonthAndYearEnds) {
  // 10 days, both ends inclusive.
  EXPECT_EQ(PostingEnd(D(2023, 1, 25), 10), D(2023, 2, 3));
  EXPECT_EQ(PostingEnd(D(2023, 2, 22), 10), D(2023, 3, 3));   // February of a common year: 28 days
  EXPECT_EQ(PostingEnd(D(2024, 2, 22), 10), D(2024, 3, 2));   // leap year: 29 days
  EXPECT_EQ(PostingEnd(D(2023, 4, 25), 10), D(2023, 5, 4));   // 30-day month
  EXPECT_EQ(PostingEnd(D(2023, 12, 27), 10), D(2024, 1, 5));  // year end
  EXPECT_EQ(PostingEnd(D(2023, 7, 1), 1), D(2023, 7, 1));
}

TEST(PostingTest, PeriodMustReachThePolicyMinimum) {
  EXPECT_EQ(CheckPostingPeriod(10, 10), "");
  EXPECT_NE(CheckPostingPeriod(9, 10).find("不得少于 10 天"), std::string::npos);
}

TEST(PostingTest, OnlyTheAdmissionRequiresPosting) {
  EXPECT_TRUE(PostingRequiredFor("admit"));
  EXPECT_FALSE(PostingRequiredFor("submit"));
  EXPECT_EQ(PostingBlocker("plan", {}, {}, D(2023, 1, 1)), "");
}

TEST(PostingTest, TheStepWaitsForTheEndOfThePeriod) {
  Posting p;
  p.id = 1;
  p.stage = "admit";
  p.start = D(2023, 2, 22);
  p.end = PostingEnd(p.start, 10);  // 2023-03-03
  EXPECT_NE(PostingBlocker("admit", {}, {}, D(2023, 3, 4)).find("尚未公示"), std::string::npos);
  const std::string on_last_day = PostingBlocker("admit", {p}, {}, D(2023, 3, 3));
  EXPECT_NE(on_last_day.find("公示至 2023-03-03"), std::string::npos) << on_last_day;
  EXPECT_NE(on_last_day.find("2023-03-04 起"), std::string::npos) << on_last_day;
  EXPECT_EQ(PostingBlocker("admit", {p}, {}, D(2023, 3, 4)), "");
  // A posting for another step does not count.
  p.stage = "plan";
  EXPECT_NE(PostingBlocker("admit", {p}, {}, D(2023, 3, 10)), "");
}

TEST(PostingTest, AnUnresolvedObjectionBlocksUntilResolved) {
  Posting p;
  p.id = 7;
  p.stage = "admit";
  p.start = D(2023, 12, 27);
  p.end = PostingEnd(p.start, 10);
  Objection o{1, 7, "P", D(2023, 12, 30), "受益户名单有误", false, "", std::nullopt};
  const std::string blocked = PostingBlocker("admit", {p}, {o}, D(2024, 1, 6));
  EXPECT_NE(blocked.find("受益户名单有误"), std::string::npos) << blocked;
  o.resolved = true;
  o.resolution = "已核实更正";
  EXPECT_EQ(PostingBlocker("admit", {p}, {o}, D(2024, 1, 6)), "");
}

}  // namespace domain_posting_test
}  // namespace xj
