// 问询 → 认定 (issue #18 point 6): the determination's effect on assessed progress, computed by
// hand, in the engine, after a rebuild from the store and in `verify`; who may act on what.
#include <gtest/gtest.h>

#include <sstream>

#include "app/app_test_support.hpp"

namespace xj {
namespace app_inquiries_test {

using testing::As;

const Actor kFinance = As("cz", Role::kFinanceOfficer, "540000");
const Actor kCounty = As("cgq", Role::kCountyOfficer, "540102");
const Actor kOtherCounty = As("szz", Role::kCountyOfficer, "540202");
const Actor kPrefecture = As("ls", Role::kPrefectureOfficer, "540100");
const Actor kOtherProvince = As("wlmq", Role::kPrefectureOfficer, "650100");
const Actor kSupervisor = As("dd", Role::kSupervisor, "540000");
const Actor kOtherFinance = As("rkz-cz", Role::kFinanceOfficer, "540200");

constexpr std::string_view kProjectsCsv =
    "项目编码,项目名称,年度,区划代码,项目类别,建设内容,总投资,中央衔接资金,其他资金,计划开工,计划完工,实际开工,"
    "实际完工,状态,责任人\n"
    "P1,城关区牦牛养殖基地建设项目,2023,540102,0101,生产项目,100000,100000,0,2023-03-01,2023-10-31,2023-03-01,,started,"
    "扎西次仁\n";

class InquiriesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Payments name a project with funds arranged (started): P1 of 城关区.
    std::istringstream projects{std::string(kProjectsCsv)};
    CsvReader reader(projects);
    auto imported = app().ImportProjects(Actor::System(), reader);
    ASSERT_TRUE(imported.ok()) << imported.status().ToString();
    // 城关区 (540102), central funds of 2023: 1,000 元 allocated on 03-01; 400 元 spent with an
    // enterprise and two payments to the county's fiscal account (以拨代支) on 05-01: G1 200 元, G2 100 元.
    auto entry = [](const char* id, EntryKind kind, std::int64_t yuan, PayeeType payee, const char* date) {
      return LedgerEntry{id,
                         *Date::Parse(date),
                         kind,
                         FundSource::kCentral,
                         2023,
                         "540102",
                         kind == EntryKind::kAllocate ? "" : "P1",
                         Fen::FromYuan(yuan),
                         kind == EntryKind::kAllocate ? "" : "收款方",
                         payee,
                         "",
                         ""};
    };
    auto posted = app().PostLedger(Actor::System(),
                                   {{1, entry("A1", EntryKind::kAllocate, 1'000, PayeeType::kNone, "2023-03-01")},
                                    {2, entry("E1", EntryKind::kExpend, 400, PayeeType::kEnterprise, "2023-05-01")},
                                    {3, entry("G1", EntryKind::kExpend, 200, PayeeType::kGovAccount, "2023-05-01")},
                                    {4, entry("G2", EntryKind::kExpend, 100, PayeeType::kGovAccount, "2023-05-01")}});
    ASSERT_TRUE(posted.ok()) << posted.status().ToString();
  }
  App& app() { return *t_.app; }
  Indicators Figures(const char* region) {
    auto r = app().ComputeIndicators(Actor::System(),
                                     IndicatorQuery{region, 2023, *Date::Parse("2023-12-31"), FundSource::kCentral});
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r->figures : Indicators{};
  }
  InquiryView Send(const char* entry_id, const Actor& by = kFinance) {
    auto v = app().SendInquiry(by, {"disburse_as_expend", entry_id, "请说明资金去向", Date::FromYmd(2024, 3, 15)});
    EXPECT_TRUE(v.ok()) << v.status().ToString();
    return v.ok() ? *v : InquiryView{};
  }
  InquiryView Answer(std::int64_t id) {
    auto v = app().AnswerInquiry(kCounty, id, {1, "资金已拨付至项目实施单位", "记账凭证 2023-045 号"});
    EXPECT_TRUE(v.ok()) << v.status().ToString();
    return v.ok() ? *v : InquiryView{};
  }
  static InquiryDetermination Rejected() {
    InquiryDetermination d;
    d.version = 2;
    d.outcome = InquiryOutcome::kRejected;
    d.reason = "付款对象登记有误，实为施工企业";
    return d;
  }
  static InquiryDetermination Confirmed() {
    return {2, InquiryOutcome::kConfirmed, "以拨代支", Fen::FromYuan(100), Fen(0), "限期收回", "资金滞留财政专户"};
  }

  testing::TestApp t_;
};

TEST_F(InquiriesTest, AConfirmedDeterminationKeepsTheDeductionAndARejectedOneRemovesIt) {
  // Before any inquiry: expended 700, 以拨代支 300; assessed (700 − 300) ÷ 1,000 = 40.00%.
  EXPECT_EQ(Figures("540102").disburse_as_expend, Fen::FromYuan(300));
  EXPECT_EQ(PercentHundredths(Figures("540102").assessed_progress), 4000);

  const InquiryView g1 = Send("G1");
  const InquiryView g2 = Send("G2");
  EXPECT_EQ(g1.inquiry.amount, Fen::FromYuan(200));
  EXPECT_EQ(g1.unit_code, "540102");
  Answer(g1.inquiry.id);
  Answer(g2.inquiry.id);
  // Sent and answered change no figure.
  EXPECT_EQ(PercentHundredths(Figures("540102").assessed_progress), 4000);

  // G2 confirmed (认定违规): 以拨代支 stays 300; assessed still 40.00%.
  auto confirmed = app().DetermineInquiry(kFinance, g2.inquiry.id, Confirmed());
  ASSERT_TRUE(confirmed.ok()) << confirmed.status().ToString();
  EXPECT_EQ(confirmed->inquiry.recover_amount, Fen::FromYuan(100));
  EXPECT_EQ(Figures("540102").disburse_as_expend, Fen::FromYuan(300));
  EXPECT_EQ(PercentHundredths(Figures("540102").assessed_progress), 4000);

  // G1 rejected (认定不成立): 以拨代支 300 − 200 = 100; assessed (700 − 100) ÷ 1,000 = 60.00%.
  auto rejected = app().DetermineInquiry(kFinance, g1.inquiry.id, Rejected());
  ASSERT_TRUE(rejected.ok()) << rejected.status().ToString();
  EXPECT_EQ(rejected->inquiry.status, InquiryStatus::kDetermined);
  ASSERT_EQ(rejected->events.size(), 3u);  // send, answer, determine
  EXPECT_EQ(rejected->events[2].action, "determine");
  EXPECT_EQ(Figures("540102").disburse_as_expend, Fen::FromYuan(100));
  EXPECT_EQ(Figures("540102").expended, Fen::FromYuan(700));
  EXPECT_EQ(PercentHundredths(Figures("540102").assessed_progress), 6000);
  EXPECT_EQ(PercentHundredths(Figures("540000").assessed_progress), 6000);
  EXPECT_EQ(PercentHundredths(Figures("540102").expend_progress), 7000);  // expend progress is untouched

  // The rejected flag is closed with its reason; the confirmed one keeps its work state.
  auto flag = app().GetFlag(Actor::System(), "disburse_as_expend", "G1", std::nullopt);
  ASSERT_TRUE(flag.ok()) << flag.status().ToString();
  EXPECT_EQ(flag->item.flag.status, FlagStatus::kClosed);
  EXPECT_NE(flag->item.flag.reason.find("认定不成立"), std::string::npos);
  auto kept = app().GetFlag(Actor::System(), "disburse_as_expend", "G2", std::nullopt);
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(kept->item.flag.status, FlagStatus::kOpen);

  // The change log moved: a follower rebuilds from the store and gets the same figures.
  auto followed = app().FollowStore();
  ASSERT_TRUE(followed.ok()) << followed.status().ToString();
  EXPECT_TRUE(*followed);
  EXPECT_EQ(Figures("540102").disburse_as_expend, Fen::FromYuan(100));
  EXPECT_EQ(PercentHundredths(Figures("540102").assessed_progress), 6000);

  // verify's independent SQL agrees.
  auto report = app().Verify();
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_GT(report->checks, 0);
  EXPECT_TRUE(report->mismatches.empty()) << report->mismatches.front().figure;

  // Every step is audited.
  auto audit = app().ReadAudit(Actor::System(), AuditFilter{"inquiry", "", "", "", "", "", ""});
  ASSERT_TRUE(audit.ok()) << audit.status().ToString();
  EXPECT_EQ(audit->total, 6);  // 2 × (send, answer, determine)
}

TEST_F(InquiriesTest, WrongStepsAreRefused) {
  const InquiryView g1 = Send("G1");
  auto dup = app().SendInquiry(kFinance, {"disburse_as_expend", "G1", "再问", std::nullopt});
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.status().code_name(), "inquiry_exists");
  auto kind = app().SendInquiry(kFinance, {"negative_list", "G1", "问", std::nullopt});
  ASSERT_FALSE(kind.ok());
  EXPECT_EQ(kind.status().code_name(), "unsupported_kind");
  auto unknown = app().SendInquiry(kFinance, {"disburse_as_expend", "E1", "问", std::nullopt});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().code(), ErrorCode::kNotFound);  // E1 is not 以拨代支
  // Determined before answered: refused.
  InquiryDetermination early = Rejected();
  early.version = 1;
  auto too_early = app().DetermineInquiry(kFinance, g1.inquiry.id, early);
  ASSERT_FALSE(too_early.ok());
  EXPECT_EQ(too_early.status().code_name(), "bad_transition");
  Answer(g1.inquiry.id);
  auto twice = app().AnswerInquiry(kCounty, g1.inquiry.id, {2, "再答", ""});
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.status().code_name(), "bad_transition");
  auto confirmed = app().DetermineInquiry(kFinance, g1.inquiry.id, Confirmed());
  ASSERT_TRUE(confirmed.ok()) << confirmed.status().ToString();
  auto again = app().DetermineInquiry(kFinance, g1.inquiry.id, Rejected());
  ASSERT_FALSE(again.ok());  // determined is final
  EXPECT_EQ(again.status().code(), ErrorCode::kConflict);
  // The confirmed determination stays: 以拨代支 300, assessed 40.00%.
  EXPECT_EQ(PercentHundredths(Figures("540102").assessed_progress), 4000);
}

TEST_F(InquiriesTest, EachSideActsOnlyWithinItsScope) {
  // A supervisor may send; a finance officer of another prefecture may not; a county may not.
  auto by_supervisor = app().SendInquiry(kSupervisor, {"disburse_as_expend", "G2", "请说明", std::nullopt});
  ASSERT_TRUE(by_supervisor.ok()) << by_supervisor.status().ToString();
  EXPECT_EQ(app().SendInquiry(kOtherFinance, {"disburse_as_expend", "G1", "问", std::nullopt}).status().code(),
            ErrorCode::kPermissionDenied);
  EXPECT_EQ(app().SendInquiry(kCounty, {"disburse_as_expend", "G1", "问", std::nullopt}).status().code(),
            ErrorCode::kPermissionDenied);
  const InquiryView g1 = Send("G1");
  // Only the county concerned answers: not another county, not its prefecture, not another province.
  for (const Actor& other : {kOtherCounty, kPrefecture, kOtherProvince}) {
    auto refused = app().AnswerInquiry(other, g1.inquiry.id, {1, "答", ""});
    ASSERT_FALSE(refused.ok()) << other.username;
    EXPECT_EQ(refused.status().code(), ErrorCode::kPermissionDenied) << other.username;
  }
  // The county sees its inquiries; another county sees none and may not open one.
  auto mine = app().ListInquiries(kCounty, {});
  ASSERT_TRUE(mine.ok());
  EXPECT_EQ(mine->size(), 2u);
  auto theirs = app().ListInquiries(kOtherCounty, {});
  ASSERT_TRUE(theirs.ok());
  EXPECT_TRUE(theirs->empty());
  EXPECT_EQ(app().GetInquiry(kOtherCounty, g1.inquiry.id).status().code(), ErrorCode::kPermissionDenied);
  auto sent = app().ListInquiries(kFinance, {"540100", "sent", "", "disburse_as_expend"});
  ASSERT_TRUE(sent.ok());
  EXPECT_EQ(sent->size(), 2u);
  EXPECT_EQ(app().ListInquiries(kFinance, {"", "closed", "", ""}).status().code_name(), "unknown_status");
  Answer(g1.inquiry.id);
  // Determination: finance of the scope only — not the county, not the supervisor, not another prefecture's finance.
  for (const Actor& other : {kCounty, kSupervisor, kOtherFinance}) {
    auto refused = app().DetermineInquiry(other, g1.inquiry.id, Rejected());
    ASSERT_FALSE(refused.ok()) << other.username;
    EXPECT_EQ(refused.status().code(), ErrorCode::kPermissionDenied) << other.username;
  }
  EXPECT_TRUE(app().DetermineInquiry(kFinance, g1.inquiry.id, Rejected()).ok());
}

}  // namespace app_inquiries_test
}  // namespace xj
