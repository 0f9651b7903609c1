// 联审联批: required departments per category, a returned department, approval by all.
#include "domain/joint_review.hpp"

#include <gtest/gtest.h>

namespace xj {
namespace domain_joint_review_test {

const std::vector<ReviewDepartments> kConfig = {
    {"540102", "*", {"发展改革委", "财政局"}},
    {"540102", "0301", {"交通运输局", "财政局"}},
};

TEST(JointReviewTest, RequiredDepartmentsJoinTheDefaultAndTheCategory) {
  EXPECT_EQ(RequiredDepartments(kConfig, "0301"), (std::vector<std::string>{"发展改革委", "财政局", "交通运输局"}));
  EXPECT_EQ(RequiredDepartments(kConfig, "0101"), (std::vector<std::string>{"发展改革委", "财政局"}));
  EXPECT_TRUE(RequiredDepartments({}, "0101").empty());
}

TEST(JointReviewTest, AReturnedDepartmentBlocksUntilItApproves) {
  const auto required = RequiredDepartments(kConfig, "0301");
  std::vector<Signoff> s = {{"发展改革委", SignoffDecision::kApprove, "同意", "u", "t1"},
                            {"交通运输局", SignoffDecision::kReturn, "路线需避让耕地", "u", "t2"}};
  JointReviewStatus st = SummarizeJointReview(required, s);
  EXPECT_FALSE(st.complete());
  EXPECT_EQ(st.returned, std::vector<std::string>{"交通运输局"});
  EXPECT_EQ(st.pending, std::vector<std::string>{"财政局"});
  EXPECT_NE(st.Missing().find("被退回：交通运输局"), std::string::npos);
  EXPECT_NE(st.Missing().find("尚未会签：财政局"), std::string::npos);

  s.push_back({"财政局", SignoffDecision::kApprove, "", "u", "t3"});
  s.push_back({"交通运输局", SignoffDecision::kApprove, "已调整路线", "u", "t4"});
  st = SummarizeJointReview(required, s);
  EXPECT_TRUE(st.complete());
  EXPECT_EQ(st.Missing(), "");
  EXPECT_EQ(st.approved.size(), 3u);
}

TEST(JointReviewTest, ALaterReturnOverridesAnApproval) {
  std::vector<Signoff> s = {{"财政局", SignoffDecision::kApprove, "", "u", "t1"},
                            {"财政局", SignoffDecision::kReturn, "资金来源不清", "u", "t2"}};
  EXPECT_FALSE(SummarizeJointReview({"财政局"}, s).complete());
}

TEST(JointReviewTest, NoRequiredDepartmentIsComplete) {
  EXPECT_TRUE(SummarizeJointReview({}, {}).complete());
}

TEST(JointReviewTest, DecisionNames) {
  EXPECT_EQ(ParseSignoffDecision("approve"), SignoffDecision::kApprove);
  EXPECT_EQ(ParseSignoffDecision("退回"), SignoffDecision::kReturn);
  EXPECT_FALSE(ParseSignoffDecision("maybe"));
}

}  // namespace domain_joint_review_test
}  // namespace xj
