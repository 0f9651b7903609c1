// The lifecycle state machine: every allowed and every refused transition of docs/definitions.md.
#include "domain/project_lifecycle.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace xj {
namespace {

using S = ProjectState;

/// The procedure as the national library describes it, written out independently of the table.
const std::map<std::string, std::pair<std::set<S>, S>>& Expected() {
  static const std::map<std::string, std::pair<std::set<S>, S>> k = {
      {"submit", {{S::kDraft}, S::kSubmitted}},
      {"township_approve", {{S::kSubmitted}, S::kTownshipReviewed}},
      {"county_review", {{S::kTownshipReviewed}, S::kCountyReviewed}},
      {"admit", {{S::kCountyReviewed}, S::kInLibrary}},
      {"plan", {{S::kInLibrary}, S::kPlanned}},
      {"arrange_funds", {{S::kPlanned}, S::kApproved}},
      {"start", {{S::kApproved}, S::kStarted}},
      {"finish", {{S::kStarted}, S::kFinished}},
      {"accept", {{S::kFinished}, S::kAccepted}},
      {"hand_over", {{S::kAccepted}, S::kHandedOver}},
      {"reject", {{S::kSubmitted, S::kTownshipReviewed, S::kCountyReviewed}, S::kRejected}},
      {"revise", {{S::kRejected}, S::kDraft}},
      {"roll_over", {{S::kInLibrary, S::kPlanned}, S::kRolledOver}},
      {"cancel", {{S::kDraft, S::kInLibrary, S::kPlanned, S::kApproved}, S::kCancelled}},
  };
  return k;
}

std::vector<ProcedureStatus> AllProcedures() {
  std::vector<ProcedureStatus> out;
  for (ProcedureKind k : AllProcedureKinds()) out.push_back({k, true, "文号-" + std::string(ProcedureKindName(k))});
  return out;
}

TEST(ProjectLifecycleTest, EveryStateTimesEveryAction) {
  EXPECT_EQ(ProjectTransitions().size(), Expected().size());
  int allowed = 0, refused = 0;
  for (int si = 1; si <= 14; ++si) {
    const auto state = static_cast<S>(si);
    for (const auto& [action, rule] : Expected()) {
      Project p;
      p.project_code = "P";
      p.status = state;
      p.actual_start = Date::FromYmd(2023, 3, 1);
      auto r = CheckTransition(p, AllProcedures(), {action, "原因", Date::FromYmd(2023, 5, 1)});
      if (rule.first.count(state)) {
        ASSERT_TRUE(r.ok()) << action << " from " << ProjectStateName(state) << ": " << r.status().ToString();
        EXPECT_EQ(ApplyTransition(p, **r, Date::FromYmd(2023, 5, 1)).status, rule.second);
        ++allowed;
      } else {
        ASSERT_FALSE(r.ok()) << action << " from " << ProjectStateName(state);
        EXPECT_EQ(r.status().code(), ErrorCode::kConflict);
        // The error names the current state.
        EXPECT_NE(r.status().message().find(std::string(ProjectStateName(state))), std::string::npos)
            << r.status().message();
        ++refused;
      }
    }
  }
  EXPECT_EQ(allowed, 20);  // 10 forward steps + reject 3 + revise 1 + roll_over 2 + cancel 4
  EXPECT_EQ(refused, 14 * 14 - 20);
}

TEST(ProjectLifecycleTest, ArrangingFundsNeedsEveryPreProcedureWithADocument) {
  Project p;
  p.status = S::kPlanned;
  auto none = CheckTransition(p, {}, {"arrange_funds", "", Date::FromYmd(2023, 3, 1)});
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.status().message().find("用地手续"), std::string::npos);
  EXPECT_NE(none.status().message().find("招标或以工代赈决定"), std::string::npos);
  auto procedures = AllProcedures();
  procedures[1].document_ref.clear();  // 环评 marked complete without a document number
  auto missing_doc = CheckTransition(p, procedures, {"arrange_funds", "", Date::FromYmd(2023, 3, 1)});
  ASSERT_FALSE(missing_doc.ok());
  EXPECT_NE(missing_doc.status().message().find("环评"), std::string::npos);
  EXPECT_EQ(missing_doc.status().message().find("用地手续"), std::string::npos);
  EXPECT_TRUE(CheckTransition(p, AllProcedures(), {"arrange_funds", "", Date::FromYmd(2023, 3, 1)}).ok());
}

TEST(ProjectLifecycleTest, ReasonsDatesAndUnknownActions) {
  Project p;
  p.status = S::kPlanned;
  EXPECT_EQ(CheckTransition(p, {}, {"cancel", "", Date::FromYmd(2023, 3, 1)}).status().code(),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(CheckTransition(p, {}, {"teleport", "x", Date::FromYmd(2023, 3, 1)}).status().code(),
            ErrorCode::kInvalidArgument);
  p.status = S::kApproved;
  auto start = CheckTransition(p, {}, {"start", "", Date::FromYmd(2023, 4, 2)});
  ASSERT_TRUE(start.ok());
  const Project started = ApplyTransition(p, **start, Date::FromYmd(2023, 4, 2));
  EXPECT_EQ(started.actual_start, Date::FromYmd(2023, 4, 2));
  auto early = CheckTransition(started, {}, {"finish", "", Date::FromYmd(2023, 4, 1)});
  EXPECT_EQ(early.status().code(), ErrorCode::kInvalidArgument);
  auto finish = CheckTransition(started, {}, {"finish", "", Date::FromYmd(2023, 9, 30)});
  ASSERT_TRUE(finish.ok());
  EXPECT_EQ(ApplyTransition(started, **finish, Date::FromYmd(2023, 9, 30)).actual_finish, Date::FromYmd(2023, 9, 30));
}

}  // namespace
}  // namespace xj
