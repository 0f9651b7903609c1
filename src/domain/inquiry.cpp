#include "domain/inquiry.hpp"

#include <array>

#include "domain/flag.hpp"

namespace xj {
namespace {

struct InquiryStatusInfo {
  InquiryStatus status;
  std::string_view name;
  std::string_view label;
};
constexpr std::array<InquiryStatusInfo, 3> kInquiryStatuses = {{
    {InquiryStatus::kSent, "sent", "已发出"},
    {InquiryStatus::kAnswered, "answered", "已答复"},
    {InquiryStatus::kDetermined, "determined", "已认定"},
}};

struct InquiryOutcomeInfo {
  InquiryOutcome outcome;
  std::string_view name;
  std::string_view label;
};
constexpr std::array<InquiryOutcomeInfo, 3> kInquiryOutcomes = {{
    {InquiryOutcome::kNone, "none", "未认定"},
    {InquiryOutcome::kConfirmed, "confirmed", "认定违规"},
    {InquiryOutcome::kRejected, "rejected", "认定不成立"},
}};

Status CheckStep(const Inquiry& inquiry, std::int64_t version, InquiryStatus from, std::string_view doing) {
  if (version != inquiry.version) {
    return Status::Conflict("问询单已被他人更新（当前版本 " + std::to_string(inquiry.version) + "），请刷新后重试")
        .WithReason("stale_version");
  }
  if (inquiry.status != from) {
    return Status::Conflict("问询单当前为“" + std::string(InquiryStatusLabel(inquiry.status)) + "”，不能" +
                            std::string(doing))
        .WithReason("bad_transition");
  }
  return Status::Ok();
}

}  // namespace

std::string_view InquiryStatusName(InquiryStatus s) {
  for (const InquiryStatusInfo& i : kInquiryStatuses) {
    if (i.status == s) return i.name;
  }
  return "sent";
}

std::string_view InquiryStatusLabel(InquiryStatus s) {
  for (const InquiryStatusInfo& i : kInquiryStatuses) {
    if (i.status == s) return i.label;
  }
  return "已发出";
}

std::optional<InquiryStatus> ParseInquiryStatus(std::string_view name) {
  for (const InquiryStatusInfo& i : kInquiryStatuses) {
    if (i.name == name) return i.status;
  }
  return std::nullopt;
}

std::string_view InquiryOutcomeName(InquiryOutcome o) {
  for (const InquiryOutcomeInfo& i : kInquiryOutcomes) {
    if (i.outcome == o) return i.name;
  }
  return "none";
}

std::string_view InquiryOutcomeLabel(InquiryOutcome o) {
  for (const InquiryOutcomeInfo& i : kInquiryOutcomes) {
    if (i.outcome == o) return i.label;
  }
  return "未认定";
}

std::optional<InquiryOutcome> ParseInquiryOutcome(std::string_view name) {
  for (const InquiryOutcomeInfo& i : kInquiryOutcomes) {
    if (i.name == name) return i.outcome;
  }
  return std::nullopt;
}

bool IsInquiryFlagKind(std::string_view kind) {
  return kind == FlagKind::kDisburseAsExpend || kind == FlagKind::kPayAheadOfProgress ||
         kind == FlagKind::kOverArranged;
}

Result<Inquiry> AnswerInquiry(Inquiry inquiry, const InquiryAnswer& answer) {
  XJ_RETURN_IF_ERROR(CheckStep(inquiry, answer.version, InquiryStatus::kSent, "答复"));
  if (answer.answer.empty()) return Status::MissingField("答复须写明情况说明（answer）");
  inquiry.answer = answer.answer;
  inquiry.evidence = answer.evidence;
  inquiry.status = InquiryStatus::kAnswered;
  ++inquiry.version;
  return inquiry;
}

Result<Inquiry> DetermineInquiry(Inquiry inquiry, const InquiryDetermination& d) {
  XJ_RETURN_IF_ERROR(CheckStep(inquiry, d.version, InquiryStatus::kAnswered, "认定"));
  if (d.outcome == InquiryOutcome::kNone) return Status::MissingField("认定须写明结论（outcome：confirmed|rejected）");
  if (d.reason.empty()) return Status::MissingField("认定须写明认定理由（reason）");
  if (d.recover_amount.value() < 0 || d.reaccount_amount.value() < 0) {
    return Status::InvalidArgument("应收回、应调账金额不能为负").WithReason("invalid_amount");
  }
  if (d.outcome == InquiryOutcome::kConfirmed) {
    if (d.violation_type.empty()) return Status::MissingField("认定违规须写明违规类型（violation_type）");
    if (d.measures.empty()) return Status::MissingField("认定违规须写明处理措施（measures）");
  } else if (d.recover_amount.value() != 0 || d.reaccount_amount.value() != 0) {
    return Status::InvalidArgument("认定不成立时没有应收回或应调账的金额").WithReason("invalid_amount");
  }
  inquiry.outcome = d.outcome;
  inquiry.violation_type = d.outcome == InquiryOutcome::kConfirmed ? d.violation_type : "";
  inquiry.recover_amount = d.recover_amount;
  inquiry.reaccount_amount = d.reaccount_amount;
  inquiry.measures = d.measures;
  inquiry.reason = d.reason;
  inquiry.status = InquiryStatus::kDetermined;
  ++inquiry.version;
  return inquiry;
}

bool ClearsDisburseAsExpend(const Inquiry& inquiry) {
  return inquiry.status == InquiryStatus::kDetermined && inquiry.outcome == InquiryOutcome::kRejected &&
         inquiry.flag_kind == FlagKind::kDisburseAsExpend;
}

}  // namespace xj
