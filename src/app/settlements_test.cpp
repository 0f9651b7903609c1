// Incentive settlements (issue #19): a run freezes the engine's ranking, is approved by another
// user and never changes; a re-run names the late entries and reversals since. Figures are
// worked out by hand beside each assertion.
#include <gtest/gtest.h>

#include <sstream>

#include "app/app_test_support.hpp"
#include "app/what_if.hpp"

namespace xj {
namespace app_settlements_test {

using testing::TestApp;

class SettlementTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(Import("projects",
                       "project_code,name,year,region_code,central_fund,status\n"
                       "P1,城关区项目,2023,540102,1000000,approved\nP2,桑珠孜区项目,2023,540202,1000000,approved\n")
                    .ok());
    // 城关区 600,000 of 1,000,000 = 60%; 桑珠孜区 300,000 of 1,000,000 = 30%.
    ASSERT_TRUE(Ledger("A1,2023-01-10,allocate,central,2023,540102,,1000000,,,,\n"
                       "A2,2023-01-10,allocate,central,2023,540202,,1000000,,,,\n"
                       "E1,2023-05-01,expend,central,2023,540102,P1,600000,施工单位,enterprise,,\n"
                       "E2,2023-05-01,expend,central,2023,540202,P2,300000,施工单位,enterprise,,\n")
                    .ok());
    // 西藏自治区's own scheme from 2023-01-01: first and last place, ±20,000,000 yuan (the default).
    for (std::string_view key : {PolicyKey::kIncentiveTopN, PolicyKey::kIncentiveBottomN}) {
      ASSERT_TRUE(
          t_.app->AddPolicy(Actor::System(), {std::string(key), 1, Date::FromYmd(2023, 1, 1), "", "540000"}).ok());
    }
    region_ = Person("region", Role::kRegionOfficer, "540000");
    other_ = Person("other", Role::kRegionOfficer, "540000");
  }

  static Actor Person(const std::string& name, Role role, const std::string& region) {
    Actor a;
    a.username = name;
    a.role = role;
    a.region_code = region;
    return a;
  }
  Status Import(const std::string& kind, const std::string& csv) {
    std::istringstream in(csv);
    CsvReader reader(in);
    if (kind == "projects") return t_.app->ImportProjects(Actor::System(), reader).status();
    return t_.app->ImportLedger(Actor::System(), reader).status();
  }
  Status Ledger(const std::string& rows) {
    return Import("ledger",
                  "entry_id,date,kind,fund_source,fund_year,region_code,project_code,amount,payee,payee_type,"
                  "reverses,note\n" +
                      rows);
  }
  SettlementRequest Request() const { return {"540000", 2023, Date::FromYmd(2023, 6, 30)}; }
  static std::vector<std::tuple<std::string, std::optional<int>, std::int64_t>> Rows(const SettlementRun& run) {
    std::vector<std::tuple<std::string, std::optional<int>, std::int64_t>> out;
    for (const SettlementRow& r : run.rows) out.emplace_back(r.region_code, r.rank, r.incentive_fen);
    return out;
  }

  TestApp t_;
  Actor region_, other_;
};

TEST_F(SettlementTest, RunFreezesTheRankingAndAnotherUserApprovesIt) {
  auto run = t_.app->Settle(region_, Request());
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_EQ(run->status, "draft");
  EXPECT_EQ(run->policy_version, "2023-01-01");
  EXPECT_EQ(run->watermark_seq, 4);  // the four entries above
  EXPECT_EQ(run->run_by, "region");
  using R = std::vector<std::tuple<std::string, std::optional<int>, std::int64_t>>;
  EXPECT_EQ(Rows(*run), (R{{"540102", 1, 2'000'000'000}, {"540202", 2, -2'000'000'000}}));
  ASSERT_EQ(run->scopes.size(), 1u);
  EXPECT_EQ(run->scopes[0].region_code, "540000");
  EXPECT_EQ(run->rows[0].expend_progress, 6000);  // 60.00%
  EXPECT_FALSE(run->changes.base_run_id.has_value());

  // The runner cannot approve their own run; another user can, once.
  auto same = t_.app->ApproveSettlement(region_, run->id);
  EXPECT_EQ(same.status().code(), ErrorCode::kPermissionDenied);
  EXPECT_EQ(same.status().code_name(), "same_user");
  auto approved = t_.app->ApproveSettlement(other_, run->id);
  ASSERT_TRUE(approved.ok()) << approved.status().ToString();
  EXPECT_EQ(approved->status, "approved");
  EXPECT_EQ(approved->approved_by, "other");
  auto again = t_.app->ApproveSettlement(region_, run->id);
  EXPECT_EQ(again.status().code(), ErrorCode::kConflict);
  EXPECT_EQ(again.status().code_name(), "already_approved");
  // The store itself refuses to touch an approved run.
  EXPECT_FALSE(t_.app->store().ApproveSettlementRun(run->id, "x", "y").ok());

  // A county officer may not settle; a prefecture officer may not settle the region.
  EXPECT_EQ(t_.app->Settle(Person("c", Role::kCountyOfficer, "540102"), Request()).status().code(),
            ErrorCode::kPermissionDenied);
  EXPECT_EQ(t_.app->Settle(Person("p", Role::kPrefectureOfficer, "540100"), Request()).status().code(),
            ErrorCode::kPermissionDenied);
  EXPECT_EQ(t_.app->GetSettlement(region_, 999).status().code(), ErrorCode::kNotFound);
}

TEST_F(SettlementTest, ReRunNamesLateEntriesAndReversalsAndLeavesTheApprovedRunAsItWas) {
  auto first = t_.app->Settle(region_, Request());
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  ASSERT_TRUE(t_.app->ApproveSettlement(other_, first->id).ok());
  // Entered later, dated before the as-of date: 桑珠孜区 spends 500,000 more (→ 80%), and 城关区's
  // E1 is reversed (→ 0%). 桑珠孜区 now leads: +20,000,000; 城关区 last: −20,000,000.
  ASSERT_TRUE(Ledger("E3,2023-06-01,expend,central,2023,540202,P2,500000,施工单位,enterprise,,补录\n"
                     "R1,2023-06-20,reverse,central,2023,540102,,600000,,,E1,冲销\n"
                     "E4,2023-07-01,expend,central,2023,540102,P1,1000,施工单位,enterprise,,as-of 之后\n")
                  .ok());
  auto second = t_.app->Settle(other_, Request());
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(second->watermark_seq, 7);
  using R = std::vector<std::tuple<std::string, std::optional<int>, std::int64_t>>;
  EXPECT_EQ(Rows(*second), (R{{"540202", 1, 2'000'000'000}, {"540102", 2, -2'000'000'000}}));
  const SettlementChanges& c = second->changes;
  EXPECT_EQ(c.base_run_id, first->id);
  EXPECT_EQ(c.base_watermark_seq, 4);
  EXPECT_FALSE(c.policy_changed);
  ASSERT_EQ(c.rows.size(), 2u);
  EXPECT_EQ(c.rows[0].region_code, "540202");
  EXPECT_EQ(c.rows[0].rank_before, 2);
  EXPECT_EQ(c.rows[0].rank_after, 1);
  EXPECT_EQ(c.rows[0].incentive_before_fen, -2'000'000'000);
  EXPECT_EQ(c.rows[0].incentive_after_fen, 2'000'000'000);
  // E4 is dated after the as-of date: not counted, not reported.
  ASSERT_EQ(c.entries.size(), 2u);
  EXPECT_EQ(c.entries[0].entry_id, "E3");
  EXPECT_EQ(c.entries[0].reason, "late_entry");
  EXPECT_EQ(c.entries[0].amount_fen, 50'000'000);
  EXPECT_EQ(c.entries[1].entry_id, "R1");
  EXPECT_EQ(c.entries[1].reason, "reversal");
  EXPECT_EQ(c.entries[1].reverses, "E1");

  // The approved run reads back as it was approved.
  auto stored = t_.app->GetSettlement(region_, first->id);
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  EXPECT_EQ(Rows(*stored), Rows(*first));
  EXPECT_EQ(stored->status, "approved");
  // Both runs are listed, newest first; a later policy shows as a policy change.
  auto listed = t_.app->ListSettlements(region_, "540000", 2023);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[0].id, second->id);
  ASSERT_TRUE(t_.app
                  ->AddPolicy(Actor::System(),
                              {std::string(PolicyKey::kIncentiveTopN), 2, Date::FromYmd(2023, 6, 1), "", "540000"})
                  .ok());
  auto third = t_.app->Settle(region_, Request());
  ASSERT_TRUE(third.ok()) << third.status().ToString();
  EXPECT_EQ(third->policy_version, "2023-06-01");
  EXPECT_EQ(third->changes.base_run_id, first->id);  // the approved run, not the later draft
  EXPECT_TRUE(third->changes.policy_changed);
}

TEST_F(SettlementTest, WhatIfRanksBesideTheCurrentPolicyAndSavesNothing) {
  // Current: 城关区 60% first (+2e9), 桑珠孜区 30% last (−2e9). With top 2 both are rewarded: nobody
  // is left for the bottom place (a county is never both).
  auto top2 = ParseRankWhatIf({{"incentive_top_n", "2"}});
  ASSERT_TRUE(top2.ok()) << top2.status().ToString();
  const IndicatorQuery q{"540000", 2023, Date::FromYmd(2023, 6, 30), FundSource::kCentral};
  RankRequest request;
  auto before_audit = t_.app->store().LastAudit();
  ASSERT_TRUE(before_audit.ok());
  auto c = CompareWhatIf(*t_.app, region_, q, request, *top2);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  ASSERT_EQ(c->rows.size(), 2u);
  EXPECT_EQ(c->rows[0].region_code, "540102");
  EXPECT_EQ(c->rows[0].incentive_fen, 2'000'000'000);
  EXPECT_EQ(c->rows[0].what_if_incentive_fen, 2'000'000'000);
  EXPECT_EQ(c->rows[1].incentive_fen, -2'000'000'000);
  EXPECT_EQ(c->rows[1].what_if_incentive_fen, 2'000'000'000);
  EXPECT_EQ(c->current_total_fen, 0);
  EXPECT_EQ(c->what_if_total_fen, 4'000'000'000);

  // Cut-off 2023-04-30, before any expenditure: both at 0%, the tie goes to the larger
  // expenditure (0 = 0), then to the lower code: 城关区 first. 1,000,000 yuan each.
  auto early = ParseRankWhatIf({{"as_of", "2023-04-30"}, {"incentive_amount_fen", "100000000"}});
  ASSERT_TRUE(early.ok()) << early.status().ToString();
  auto e = CompareWhatIf(*t_.app, region_, q, request, *early);
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(e->rows[0].region_code, "540102");
  EXPECT_EQ(e->rows[0].what_if_progress, 0);
  EXPECT_EQ(e->rows[0].what_if_incentive_fen, 100'000'000);
  EXPECT_EQ(e->rows[1].what_if_incentive_fen, -100'000'000);

  // Nothing stored: no run, no policy value, no audit row.
  auto after_audit = t_.app->store().LastAudit();
  ASSERT_TRUE(after_audit.ok());
  EXPECT_EQ((*after_audit)->seq, (*before_audit)->seq);
  EXPECT_TRUE(t_.app->ListSettlements(region_, "", 0)->empty());
  auto policies = t_.app->Policies(region_);
  ASSERT_TRUE(policies.ok());
  EXPECT_EQ(policies->size(), 2u);  // the two of SetUp

  // Keys by their own names only; values checked.
  EXPECT_EQ(ParseRankWhatIf({{"top", "3"}}).status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(ParseRankWhatIf({{"incentive_top_n", "-1"}}).status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(ParseRankWhatIf({{"incentive_top_n", "1"}, {"incentive_top_n", "2"}}).status().code(),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(ParseRankWhatIf({{"metric", "speed"}}).status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(ParseRankWhatIf({}).status().code(), ErrorCode::kInvalidArgument);
}

}  // namespace app_settlements_test
}  // namespace xj
