#include "domain/rectification.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace xj {
namespace domain_rectification_test {

using RS = RectificationStatus;

RectificationRequest Full(std::string action, std::int64_t version) {
  RectificationRequest r;
  r.action = std::move(action);
  r.version = version;
  r.owner = "李四";
  r.deadline = Date::FromYmd(2023, 4, 30);
  r.measures = "倒排工期";
  r.evidence = "照片";
  r.note = "意见";
  return r;
}

TEST(RectificationTest, EveryStepFromEveryStateIsAllowedExactlyWhereTheTableSays) {
  const std::map<std::string, std::set<RS>> allowed = {
      {"assign", {RS::kOpen, RS::kRectifying, RS::kReturned}},
      {"start", {RS::kOpen, RS::kReturned}},
      {"submit", {RS::kRectifying, RS::kReturned}},
      {"verify", {RS::kSubmitted}},
      {"return", {RS::kSubmitted}},
  };
  const std::map<std::string, std::optional<RS>> to = {{"assign", std::nullopt},
                                                       {"start", RS::kRectifying},
                                                       {"submit", RS::kSubmitted},
                                                       {"verify", RS::kVerified},
                                                       {"return", RS::kReturned}};
  for (RS from : {RS::kOpen, RS::kRectifying, RS::kSubmitted, RS::kVerified, RS::kReturned}) {
    for (const auto& [action, states] : allowed) {
      Rectification item;
      item.status = from;
      item.version = 3;
      auto step = CheckRectificationStep(item, Full(action, 3));
      if (!states.contains(from)) {
        ASSERT_FALSE(step.ok()) << action << " from " << RectificationStatusName(from);
        EXPECT_EQ(step.status().code_name(), "bad_transition");
        continue;
      }
      ASSERT_TRUE(step.ok()) << action << " from " << RectificationStatusName(from) << ": " << step.status().ToString();
      Rectification after = ApplyRectificationStep(item, **step, Full(action, 3));
      EXPECT_EQ(after.status, to.at(action).value_or(from));
      EXPECT_EQ(after.version, 4);
    }
  }
}

TEST(RectificationTest, StepsRefuseStaleVersionsUnknownActionsAndMissingFields) {
  Rectification item;
  EXPECT_EQ(CheckRectificationStep(item, Full("close", 1)).status().code_name(), "unknown_action");
  EXPECT_EQ(CheckRectificationStep(item, Full("start", 2)).status().code_name(), "stale_version");
  RectificationRequest bare;
  bare.action = "start";
  bare.version = 1;
  EXPECT_EQ(CheckRectificationStep(item, bare).status().code_name(), "missing_field");
  item.status = RS::kRectifying;
  bare.action = "submit";
  EXPECT_EQ(CheckRectificationStep(item, bare).status().code_name(), "missing_field");
  item.status = RS::kSubmitted;
  bare.action = "return";
  EXPECT_EQ(CheckRectificationStep(item, bare).status().code_name(), "missing_field");
}

TEST(RectificationTest, OverdueIsADeadlineBeforeTodayUnlessVerified) {
  Rectification item;
  EXPECT_FALSE(IsOverdue(item, Date::FromYmd(2023, 5, 1)));  // no deadline
  item.deadline = Date::FromYmd(2023, 4, 30);
  EXPECT_FALSE(IsOverdue(item, Date::FromYmd(2023, 4, 30)));  // on the day itself
  EXPECT_TRUE(IsOverdue(item, Date::FromYmd(2023, 5, 1)));
  item.status = RS::kVerified;
  EXPECT_FALSE(IsOverdue(item, Date::FromYmd(2023, 5, 1)));
}

}  // namespace domain_rectification_test
}  // namespace xj
