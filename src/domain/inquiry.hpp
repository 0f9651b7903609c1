#pragma once
/// Inquiries and determinations on flags (问询 → 认定, issue #18 point 6; docs/definitions.md §11):
/// finance sends an inquiry (问询单) on a flagged entry or project to the unit concerned; the unit
/// answers with its explanation and evidence; finance records the determination (认定处理单):
/// the violation confirmed — with its type, the amounts to recover or re-account and the measures —
/// or rejected with its reason. States sent 已发出 → answered 已答复 → determined 已认定; a
/// determined inquiry is final. A rejected 以拨代支 determination takes the entry out of the
/// 以拨代支 deduction of assessed progress.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/money.hpp"
#include "core/status.hpp"

namespace xj {

/// Where an inquiry stands. Stored by name: never rename.
enum class InquiryStatus : int {
  kSent = 1,        ///< 已发出（待答复）
  kAnswered = 2,    ///< 已答复（待认定）
  kDetermined = 3,  ///< 已认定
};
std::string_view InquiryStatusName(InquiryStatus s);
std::string_view InquiryStatusLabel(InquiryStatus s);
/// sent|answered|determined.
std::optional<InquiryStatus> ParseInquiryStatus(std::string_view name);

/// What the determination found. Stored by name: never rename.
enum class InquiryOutcome : int {
  kNone = 0,       ///< not determined yet
  kConfirmed = 1,  ///< 认定违规：the flag stands (a 以拨代支 entry stays deducted)
  kRejected = 2,   ///< 认定不成立：the flag is closed with its reason (its 以拨代支 amount no longer counts)
};
std::string_view InquiryOutcomeName(InquiryOutcome o);
std::string_view InquiryOutcomeLabel(InquiryOutcome o);
/// none|confirmed|rejected.
std::optional<InquiryOutcome> ParseInquiryOutcome(std::string_view name);

/// The flag kinds an inquiry may be sent on: disburse_as_expend, pay_ahead_of_progress, over_arranged.
bool IsInquiryFlagKind(std::string_view kind);

/// One inquiry (问询单) with its answer and its determination (认定处理单).
struct Inquiry {
  std::int64_t id = 0;  ///< assigned by the store
  std::string flag_kind;
  std::string subject;  ///< the flag's subject: the entry id or the project code
  std::string province_code;
  std::string region_code;  ///< the flag's region: the unit that answers
  std::string project_code;
  Fen amount;                  ///< the flagged amount when the inquiry was sent
  std::string questions;       ///< 问询事项
  std::optional<Date> due_on;  ///< 答复期限
  InquiryStatus status = InquiryStatus::kSent;
  std::string sent_by, sent_at;
  std::string answer;    ///< 情况说明
  std::string evidence;  ///< 佐证材料（文字说明或文号；附件见 point 3）
  std::string answered_by, answered_at;
  InquiryOutcome outcome = InquiryOutcome::kNone;
  std::string violation_type;  ///< 违规类型 (confirmed)
  Fen recover_amount;          ///< 应收回金额 (confirmed)
  Fen reaccount_amount;        ///< 应调账金额 (confirmed)
  std::string measures;        ///< 处理措施 (confirmed)
  std::string reason;          ///< 认定理由 (both outcomes)
  std::string determined_by, determined_at;
  std::int64_t version = 1;  ///< raised by every step (optimistic concurrency)
  std::string updated_at;
};

/// One step taken on an inquiry (问询记录): send, answer or determine.
struct InquiryEvent {
  std::int64_t id = 0;  ///< assigned by the store
  std::int64_t inquiry_id = 0;
  std::string action;  ///< "send", "answer", "determine"
  InquiryStatus from_status = InquiryStatus::kSent;
  InquiryStatus to_status = InquiryStatus::kSent;
  std::string actor, at, note;
};

/// What the unit's answer carries.
struct InquiryAnswer {
  std::int64_t version = 0;
  std::string answer;
  std::string evidence;
};

/// What a determination carries.
struct InquiryDetermination {
  std::int64_t version = 0;
  InquiryOutcome outcome = InquiryOutcome::kNone;
  std::string violation_type;
  Fen recover_amount;
  Fen reaccount_amount;
  std::string measures;
  std::string reason;
};

/// The inquiry after the unit's answer: sent → answered. Conflict ("stale_version") for another
/// version, Conflict ("bad_transition") naming the state when it is not sent; InvalidArgument
/// ("missing_field") without an answer.
Result<Inquiry> AnswerInquiry(Inquiry inquiry, const InquiryAnswer& answer);

/// The inquiry after the determination: answered → determined. Conflict ("stale_version") for
/// another version, Conflict ("bad_transition") naming the state when it is not answered;
/// InvalidArgument ("missing_field") without an outcome or a reason, or a confirmed one without
/// its violation type or measures; InvalidArgument ("invalid_amount") for a negative amount or
/// a rejected one with amounts to recover or re-account.
Result<Inquiry> DetermineInquiry(Inquiry inquiry, const InquiryDetermination& determination);

/// Whether the determination takes the entry out of the 以拨代支 deduction: a rejected
/// determination of a disburse_as_expend flag.
bool ClearsDisburseAsExpend(const Inquiry& inquiry);

}  // namespace xj
