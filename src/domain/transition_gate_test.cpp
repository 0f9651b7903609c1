// What blocks each workflow step (issue #21 point 4): one evaluation for the page and the step.
#include "domain/transition_gate.hpp"

#include <gtest/gtest.h>

namespace xj {
namespace domain_transition_gate_test {

Date D(int y, int m, int d) {
  return Date::FromYmd(y, m, d);
}

std::vector<std::string_view> Kinds(const std::vector<TransitionBlocker>& blockers) {
  std::vector<std::string_view> out;
  for (const TransitionBlocker& b : blockers) out.push_back(b.kind);
  return out;
}

std::vector<ProcedureStatus> AllProcedures() {
  std::vector<ProcedureStatus> out;
  for (ProcedureKind k : AllProcedureKinds()) out.push_back({k, true, "藏发改〔2024〕1号"});
  return out;
}

TEST(TransitionGateTest, ArrangingFundsNamesEveryMissingProcedure) {
  const Transition& t = *FindTransition("arrange_funds");
  std::vector<ProcedureStatus> procedures = AllProcedures();
  procedures[1].document_ref = "";  // 环评 marked complete without a document number
  procedures.erase(procedures.begin() + 3);
  GateFacts facts;
  facts.procedures = &procedures;
  auto blockers = TransitionBlockers(t, facts);
  ASSERT_EQ(Kinds(blockers), std::vector<std::string_view>{kBlockProcedures});
  EXPECT_EQ(blockers[0].message, "前置手续未完备：缺少环评、招标或以工代赈决定（需标记完成并填写批复文号）");
  procedures = AllProcedures();
  EXPECT_TRUE(TransitionBlockers(t, facts).empty());
  // The lifecycle's own check refuses with the same words, and names the state by its label only.
  procedures.pop_back();
  Project p;
  p.status = ProjectState::kPlanned;
  auto refused = CheckTransition(p, procedures, {"arrange_funds", "", D(2024, 3, 1)});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().message(),
            "项目当前状态为「纳入年度计划」，前置手续未完备：缺少招标或以工代赈决定（需标记完成并填写批复文号）");
}

TEST(TransitionGateTest, AdmissionWaitsForSignoffsPostingAndObjections) {
  const Transition& admit = *FindTransition("admit");
  JointReviewStatus jr;
  jr.required = {"发展改革委", "财政局"};
  jr.approved = {"发展改革委"};
  jr.pending = {"财政局"};
  Posting posting;
  posting.id = 7;
  posting.stage = "admit";
  posting.start = D(2024, 3, 1);
  posting.end = PostingEnd(posting.start, 10);  // 2024-03-10
  std::vector<Posting> postings = {posting};
  std::vector<Objection> objections;
  GateFacts facts{nullptr, &jr, &postings, &objections, 0, D(2024, 3, 10)};
  // Nothing posted yet.
  std::vector<Posting> none;
  GateFacts unposted = facts;
  unposted.postings = &none;
  auto blockers = TransitionBlockers(admit, unposted);
  EXPECT_EQ(Kinds(blockers), (std::vector<std::string_view>{kBlockSignoffs, kBlockPosting}));
  EXPECT_EQ(blockers[0].message, "联审联批未完成：尚未会签：财政局");
  EXPECT_NE(blockers[1].message.find("尚未公示"), std::string::npos);
  // The last day of the period still counts: the step may be taken from the day after.
  blockers = TransitionBlockers(admit, facts);
  ASSERT_EQ(Kinds(blockers), (std::vector<std::string_view>{kBlockSignoffs, kBlockPosting}));
  EXPECT_EQ(blockers[1].message, "公示期未满：公示至 2024-03-10，2024-03-11 起方可办理");
  // Period over, all signed, one objection open: only the objection blocks.
  jr.approved = jr.required;
  jr.pending.clear();
  facts.today = D(2024, 3, 11);
  objections.push_back({1, 7, "", D(2024, 3, 5), "占用耕地", false, "", std::nullopt});
  blockers = TransitionBlockers(admit, facts);
  ASSERT_EQ(Kinds(blockers), std::vector<std::string_view>{kBlockObjections});
  EXPECT_NE(blockers[0].message.find("2024-03-05 占用耕地"), std::string::npos);
  // An objection of another posting does not count; resolved, nothing blocks.
  objections.push_back({2, 99, "", D(2024, 3, 5), "别的公示", false, "", std::nullopt});
  objections[0].resolved = true;
  EXPECT_TRUE(TransitionBlockers(admit, facts).empty());
  // A department that returned the project blocks as well.
  jr.returned = {"财政局"};
  EXPECT_EQ(Kinds(TransitionBlockers(admit, facts)), std::vector<std::string_view>{kBlockSignoffs});
}

TEST(TransitionGateTest, RollOverNeedsAnUnfundedProjectAndOtherStepsHaveNoGate) {
  GateFacts facts;
  facts.ledger_entries = 2;
  auto blockers = TransitionBlockers(*FindTransition("roll_over"), facts);
  ASSERT_EQ(Kinds(blockers), std::vector<std::string_view>{kBlockLedger});
  EXPECT_NE(blockers[0].message.find("已有 2 条资金台账记录"), std::string::npos);
  facts.ledger_entries = 0;
  EXPECT_TRUE(TransitionBlockers(*FindTransition("roll_over"), facts).empty());
  // Steps without a guard of their own are never blocked, whatever the facts.
  facts.ledger_entries = 5;
  for (const char* action : {"submit", "township_approve", "plan", "start", "finish", "cancel"}) {
    EXPECT_TRUE(TransitionBlockers(*FindTransition(action), facts).empty()) << action;
  }
}

TEST(TransitionGateTest, OnlyCountyReviewAndAdmissionAreTheCountysOwnSteps) {
  std::vector<std::string_view> county;
  for (const Transition& t : ProjectTransitions()) {
    if (CountyStep(t.action)) county.push_back(t.action);
  }
  EXPECT_EQ(county, (std::vector<std::string_view>{"county_review", "admit"}));
}

TEST(TransitionGateTest, AWrongStepNamesStatesByLabelWithoutInternalCodes) {
  Project p;
  p.status = ProjectState::kStarted;
  auto refused = CheckTransition(p, {}, {"plan", "", D(2024, 3, 1)});
  ASSERT_FALSE(refused.ok());
  const std::string m = refused.status().message();
  EXPECT_EQ(m, "项目当前状态为「开工」，不能执行「纳入年度计划」（需处于「审定入库」）；当前可执行：「完工」");
  for (const char* code : {"started", "in_library", "finish", "plan"})
    EXPECT_EQ(m.find(code), std::string::npos) << code;
}

}  // namespace domain_transition_gate_test
}  // namespace xj
