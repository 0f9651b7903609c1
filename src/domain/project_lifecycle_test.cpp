// The lifecycle state machine: every allowed and every refused transition of docs/definitions.md.
#include "domain/project_lifecycle.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace xj {
namespace domain_project_lifecycle_test {

using PS = ProjectState;

/// The procedure as the national library describes it, written out independently of the table.
const std::map<std::string, std::pair<std::set<PS>, PS>>& Expected() {
  static const std::map<std::string, std::pair<std::set<PS>, PS>> k = {
      {"submit", {{PS::kDraft}, PS::kSubmitted}},
      {"township_approve", {{PS::kSubmitted}, PS::kTownshipReviewed}},
      {"county_review", {{PS::kTownshipReviewed}, PS::kCountyReviewed}},
      {"admit", {{PS::kCountyReviewed}, PS::kInLibrary}},
      {"plan", {{PS::kInLibrary}, PS::kPlanned}},
      {"arrange_funds", {{PS::kPlanned}, PS::kApproved}},
      {"start", {{PS::kApproved}, PS::kStarted}},
      {"finish", {{PS::kStarted}, PS::kFinished}},
      {"accept", {{PS::kFinished}, PS::kAccepted}},
      {"hand_over", {{PS::kAccepted}, PS::kHandedOver}},
      {"reject", {{PS::kSubmitted, PS::kTownshipReviewed, PS::kCountyReviewed}, PS::kRejected}},
      {"revise", {{PS::kRejected}, PS::kDraft}},
      {"roll_over", {{PS::kInLibrary, PS::kPlanned}, PS::kRolledOver}},
      {"cancel", {{PS::kDraft, PS::kInLibrary, PS::kPlanned, PS::kApproved}, PS::kCancelled}},
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
    const auto state = static_cast<PS>(si);
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
        // The error names the current state as users read it, without its internal code (issue #21).
        EXPECT_NE(r.status().message().find("「" + std::string(ProjectStateLabel(state)) + "」"), std::string::npos)
            << r.status().message();
        EXPECT_EQ(r.status().message().find(std::string(ProjectStateName(state))), std::string::npos)
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
  p.status = PS::kPlanned;
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
  p.status = PS::kPlanned;
  EXPECT_EQ(CheckTransition(p, {}, {"cancel", "", Date::FromYmd(2023, 3, 1)}).status().code(),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(CheckTransition(p, {}, {"teleport", "x", Date::FromYmd(2023, 3, 1)}).status().code(),
            ErrorCode::kInvalidArgument);
  p.status = PS::kApproved;
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

TEST(PaymentHasBasisTest, AFundedProjectNotCancelledBeforeTheDate) {
  const Date may1 = Date::FromYmd(2023, 5, 1);
  // Without history the current state counts from the start.
  EXPECT_TRUE(PaymentHasBasis(PS::kApproved, {}, may1));
  EXPECT_TRUE(PaymentHasBasis(PS::kStarted, {}, may1));
  EXPECT_TRUE(PaymentHasBasis(PS::kHandedOver, {}, may1));
  for (PS never : {PS::kDraft, PS::kSubmitted, PS::kInLibrary, PS::kPlanned, PS::kRolledOver}) {
    EXPECT_FALSE(PaymentHasBasis(never, {}, may1)) << static_cast<int>(never);
  }
  EXPECT_FALSE(PaymentHasBasis(PS::kCancelled, {}, may1));  // imported as cancelled: from the start
  EXPECT_FALSE(PaymentHasBasis(PS::kRejected, {}, may1));
  // Funds arranged on 03-01, cancelled on 05-01: payments up to that day stand, later ones do not.
  const std::vector<ProjectStep> cancelled = {{PS::kPlanned, PS::kApproved, Date::FromYmd(2023, 3, 1)},
                                              {PS::kApproved, PS::kCancelled, may1}};
  EXPECT_TRUE(PaymentHasBasis(PS::kCancelled, cancelled, Date::FromYmd(2023, 4, 30)));
  EXPECT_TRUE(PaymentHasBasis(PS::kCancelled, cancelled, may1));
  EXPECT_FALSE(PaymentHasBasis(PS::kCancelled, cancelled, Date::FromYmd(2023, 5, 2)));
  // Imported as approved, cancelled by a step: the step into cancelled shows it had funds.
  const std::vector<ProjectStep> imported = {{PS::kApproved, PS::kCancelled, may1}};
  EXPECT_TRUE(PaymentHasBasis(PS::kCancelled, imported, Date::FromYmd(2023, 4, 1)));
  // Planned and cancelled without ever being funded: never a basis.
  const std::vector<ProjectStep> unfunded = {{PS::kInLibrary, PS::kPlanned, Date::FromYmd(2023, 3, 1)},
                                             {PS::kPlanned, PS::kCancelled, may1}};
  EXPECT_FALSE(PaymentHasBasis(PS::kCancelled, unfunded, Date::FromYmd(2023, 4, 1)));
  // Rejected, revised and later funded: the state before the payment's date decides.
  const std::vector<ProjectStep> revived = {{PS::kSubmitted, PS::kRejected, Date::FromYmd(2023, 2, 1)},
                                            {PS::kRejected, PS::kDraft, Date::FromYmd(2023, 2, 10)},
                                            {PS::kPlanned, PS::kApproved, Date::FromYmd(2023, 4, 1)}};
  EXPECT_FALSE(PaymentHasBasis(PS::kApproved, revived, Date::FromYmd(2023, 2, 5)));
  EXPECT_TRUE(PaymentHasBasis(PS::kApproved, revived, Date::FromYmd(2023, 4, 2)));
}

TEST(InYearPlanTest, PlannedAndLaterButNotCancelled) {
  for (PS s : {PS::kPlanned, PS::kApproved, PS::kStarted, PS::kFinished, PS::kAccepted, PS::kHandedOver}) {
    EXPECT_TRUE(InYearPlan(s)) << static_cast<int>(s);
  }
  for (PS s : {PS::kDraft, PS::kSubmitted, PS::kTownshipReviewed, PS::kCountyReviewed, PS::kInLibrary, PS::kRejected,
               PS::kRolledOver, PS::kCancelled}) {
    EXPECT_FALSE(InYearPlan(s)) << static_cast<int>(s);
  }
}

}  // namespace domain_project_lifecycle_test
}  // namespace xj
