#include "domain/inquiry.hpp"

#include <gtest/gtest.h>

#include "domain/flag.hpp"

namespace xj {
namespace domain_inquiry_test {

using IS = InquiryStatus;
using O = InquiryOutcome;

Inquiry At(IS status, std::int64_t version = 3) {
  Inquiry q;
  q.id = 7;
  q.flag_kind = std::string(FlagKind::kDisburseAsExpend);
  q.subject = "PZ-1";
  q.status = status;
  q.version = version;
  return q;
}

InquiryAnswer Answer(std::int64_t version) {
  return {version, "资金已转入项目实施单位，凭证付款对象登记有误", "记账凭证 2023-045 号"};
}

InquiryDetermination Confirm(std::int64_t version) {
  return {version, O::kConfirmed, "以拨代支", Fen(30'000'00), Fen(0), "限期收回并调整账务", "资金停留在财政专户"};
}

InquiryDetermination Reject(std::int64_t version) {
  InquiryDetermination d;
  d.version = version;
  d.outcome = O::kRejected;
  d.reason = "付款对象登记错误，实为施工企业";
  return d;
}

TEST(InquiryTest, NamesRoundTrip) {
  for (IS s : {IS::kSent, IS::kAnswered, IS::kDetermined}) EXPECT_EQ(ParseInquiryStatus(InquiryStatusName(s)), s);
  for (O o : {O::kNone, O::kConfirmed, O::kRejected}) EXPECT_EQ(ParseInquiryOutcome(InquiryOutcomeName(o)), o);
  EXPECT_FALSE(ParseInquiryStatus("closed"));
  EXPECT_FALSE(ParseInquiryOutcome("maybe"));
  EXPECT_TRUE(IsInquiryFlagKind(FlagKind::kPayAheadOfProgress));
  EXPECT_TRUE(IsInquiryFlagKind(FlagKind::kOverArranged));
  EXPECT_FALSE(IsInquiryFlagKind(FlagKind::kNegativeList));
}

TEST(InquiryTest, AnswerMovesSentToAnsweredOnly) {
  auto answered = AnswerInquiry(At(IS::kSent), Answer(3));
  ASSERT_TRUE(answered.ok()) << answered.status().ToString();
  EXPECT_EQ(answered->status, IS::kAnswered);
  EXPECT_EQ(answered->version, 4);
  EXPECT_EQ(answered->evidence, "记账凭证 2023-045 号");
  for (IS from : {IS::kAnswered, IS::kDetermined}) {
    auto refused = AnswerInquiry(At(from), Answer(3));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.status().code(), ErrorCode::kConflict);
    EXPECT_EQ(refused.status().code_name(), "bad_transition");
  }
}

TEST(InquiryTest, AnswerRefusesStaleVersionAndEmptyAnswer) {
  auto stale = AnswerInquiry(At(IS::kSent), Answer(2));
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.status().code(), ErrorCode::kConflict);
  EXPECT_EQ(stale.status().code_name(), "stale_version");
  InquiryAnswer empty = Answer(3);
  empty.answer.clear();
  auto missing = AnswerInquiry(At(IS::kSent), empty);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(missing.status().code_name(), "missing_field");
}

TEST(InquiryTest, DetermineMovesAnsweredToDeterminedOnly) {
  auto confirmed = DetermineInquiry(At(IS::kAnswered), Confirm(3));
  ASSERT_TRUE(confirmed.ok()) << confirmed.status().ToString();
  EXPECT_EQ(confirmed->status, IS::kDetermined);
  EXPECT_EQ(confirmed->outcome, O::kConfirmed);
  EXPECT_EQ(confirmed->recover_amount, Fen(30'000'00));
  EXPECT_FALSE(ClearsDisburseAsExpend(*confirmed));
  auto rejected = DetermineInquiry(At(IS::kAnswered), Reject(3));
  ASSERT_TRUE(rejected.ok()) << rejected.status().ToString();
  EXPECT_EQ(rejected->outcome, O::kRejected);
  EXPECT_TRUE(ClearsDisburseAsExpend(*rejected));
  for (IS from : {IS::kSent, IS::kDetermined}) {
    for (const InquiryDetermination& d : {Confirm(3), Reject(3)}) {
      auto refused = DetermineInquiry(At(from), d);
      ASSERT_FALSE(refused.ok());
      EXPECT_EQ(refused.status().code(), ErrorCode::kConflict);
      EXPECT_EQ(refused.status().code_name(), "bad_transition");
    }
  }
}

TEST(InquiryTest, DetermineChecksWhatEachOutcomeCarries) {
  auto expect = [](const InquiryDetermination& d, ErrorCode code, std::string_view reason) {
    auto r = DetermineInquiry(At(IS::kAnswered), d);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), code);
    EXPECT_EQ(r.status().code_name(), reason);
  };
  expect(Confirm(1), ErrorCode::kConflict, "stale_version");
  InquiryDetermination none = Confirm(3);
  none.outcome = O::kNone;
  expect(none, ErrorCode::kInvalidArgument, "missing_field");
  InquiryDetermination no_reason = Reject(3);
  no_reason.reason.clear();
  expect(no_reason, ErrorCode::kInvalidArgument, "missing_field");
  InquiryDetermination no_type = Confirm(3);
  no_type.violation_type.clear();
  expect(no_type, ErrorCode::kInvalidArgument, "missing_field");
  InquiryDetermination no_measures = Confirm(3);
  no_measures.measures.clear();
  expect(no_measures, ErrorCode::kInvalidArgument, "missing_field");
  InquiryDetermination negative = Confirm(3);
  negative.reaccount_amount = Fen(-1);
  expect(negative, ErrorCode::kInvalidArgument, "invalid_amount");
  InquiryDetermination rejected_with_money = Reject(3);
  rejected_with_money.recover_amount = Fen(100);
  expect(rejected_with_money, ErrorCode::kInvalidArgument, "invalid_amount");
}

TEST(InquiryTest, OnlyARejectedDisburseAsExpendDeterminationClearsTheDeduction) {
  Inquiry q = At(IS::kDetermined);
  q.outcome = O::kRejected;
  EXPECT_TRUE(ClearsDisburseAsExpend(q));
  q.flag_kind = std::string(FlagKind::kPayAheadOfProgress);
  EXPECT_FALSE(ClearsDisburseAsExpend(q));
  q.flag_kind = std::string(FlagKind::kDisburseAsExpend);
  q.status = IS::kAnswered;
  EXPECT_FALSE(ClearsDisburseAsExpend(q));
}

}  // namespace domain_inquiry_test
}  // namespace xj
