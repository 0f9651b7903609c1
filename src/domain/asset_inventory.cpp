#include "domain/asset_inventory.hpp"

#include <array>

namespace xj {
namespace {

struct InventoryOutcomeInfo {
  CheckOutcome outcome;
  std::string_view name, label;
};
constexpr std::array<InventoryOutcomeInfo, 5> kInventoryOutcomes = {{
    {CheckOutcome::kPending, "pending", "未盘点"},
    {CheckOutcome::kFound, "found", "账实相符"},
    {CheckOutcome::kMissing, "missing", "盘亏"},
    {CheckOutcome::kDamaged, "damaged", "损毁"},
    {CheckOutcome::kValueChanged, "value_changed", "价值变动"},
}};

struct ReviewInfo {
  CheckReview review;
  std::string_view name;
};
constexpr std::array<ReviewInfo, 4> kReviews = {{
    {CheckReview::kNone, "none"},
    {CheckReview::kPending, "pending"},
    {CheckReview::kApproved, "approved"},
    {CheckReview::kReturned, "returned"},
}};

Status Closed(const InventoryCampaign& c) {
  return Status::Conflict("清产核资工作 " + std::to_string(c.id) + " 已结束，不能再修改").WithReason("campaign_closed");
}

}  // namespace

std::string_view CheckOutcomeName(CheckOutcome o) {
  for (const InventoryOutcomeInfo& i : kInventoryOutcomes) {
    if (i.outcome == o) return i.name;
  }
  return "pending";
}

std::string_view CheckOutcomeLabel(CheckOutcome o) {
  for (const InventoryOutcomeInfo& i : kInventoryOutcomes) {
    if (i.outcome == o) return i.label;
  }
  return "未盘点";
}

std::optional<CheckOutcome> ParseCheckOutcome(std::string_view name) {
  for (const InventoryOutcomeInfo& i : kInventoryOutcomes) {
    if (i.name == name) return i.outcome;
  }
  return std::nullopt;
}

std::string_view CheckReviewName(CheckReview r) {
  for (const ReviewInfo& i : kReviews) {
    if (i.review == r) return i.name;
  }
  return "none";
}

std::optional<CheckReview> ParseCheckReview(std::string_view name) {
  for (const ReviewInfo& i : kReviews) {
    if (i.name == name) return i.review;
  }
  return std::nullopt;
}

std::int64_t ValueAfter(const InventoryCheck& c) {
  switch (c.outcome) {
    case CheckOutcome::kMissing: return 0;
    case CheckOutcome::kValueChanged: return c.value_after_fen.value_or(c.value_before_fen);
    case CheckOutcome::kDamaged: return c.value_after_fen.value_or(c.value_before_fen);
    case CheckOutcome::kPending:
    case CheckOutcome::kFound: return c.value_before_fen;
  }
  return c.value_before_fen;
}

bool IsDifference(const InventoryCheck& c) {
  return c.outcome != CheckOutcome::kPending && c.outcome != CheckOutcome::kFound;
}

Status CheckRecordAllowed(const InventoryCampaign& campaign, const InventoryCheck& check, const CheckRecord& record) {
  if (campaign.closed) return Closed(campaign);
  if (check.review == CheckReview::kApproved) {
    return Status::Conflict("资产 " + check.asset_code + " 的盘点差异已核准，不能再修改").WithReason("check_approved");
  }
  if (record.outcome == CheckOutcome::kPending) {
    return Status::InvalidArgument("盘点结果应为 found|missing|damaged|value_changed").WithReason("unknown_outcome");
  }
  if (record.outcome != CheckOutcome::kFound && record.explanation.empty()) {
    return Status::InvalidArgument("盘点结果为“" + std::string(CheckOutcomeLabel(record.outcome)) + "”时须写明差异说明")
        .WithReason("explanation_required");
  }
  if (record.outcome == CheckOutcome::kValueChanged && !record.value_after_fen) {
    return Status::InvalidArgument("价值变动须填写新的现值（value_after_fen）").WithReason("value_required");
  }
  if (record.value_after_fen && *record.value_after_fen < 0) {
    return Status::InvalidArgument("新的现值不能为负数").WithReason("value_required");
  }
  if (record.value_after_fen && (record.outcome == CheckOutcome::kFound || record.outcome == CheckOutcome::kMissing)) {
    return Status::InvalidArgument("盘点结果为“" + std::string(CheckOutcomeLabel(record.outcome)) + "”时不填新的现值")
        .WithReason("value_not_allowed");
  }
  return Status::Ok();
}

InventoryCheck ApplyCheckRecord(const InventoryCheck& check, const CheckRecord& record, const std::string& user,
                                const std::string& at) {
  InventoryCheck after = check;
  after.outcome = record.outcome;
  after.value_after_fen = record.value_after_fen;
  after.explanation = record.explanation;
  after.checked_by = user;
  after.checked_at = at;
  after.review = IsDifference(after) ? CheckReview::kPending : CheckReview::kNone;
  after.reviewed_by.clear();
  after.reviewed_at.clear();
  after.review_note.clear();
  ++after.version;
  return after;
}

Status ReviewAllowed(const InventoryCampaign& campaign, const InventoryCheck& check, const std::string& user,
                     bool approve, const std::string& note) {
  if (campaign.closed) return Closed(campaign);
  if (check.review != CheckReview::kPending) {
    return Status::Conflict("资产 " + check.asset_code + " 没有待审核的盘点差异").WithReason("not_pending");
  }
  if (user == check.checked_by) {
    return Status::PermissionDenied("盘点人不能审核自己登记的差异").WithReason("same_user");
  }
  if (!approve && note.empty()) {
    return Status::InvalidArgument("退回须写明理由（note）").WithReason("note_required");
  }
  return Status::Ok();
}

InventoryCheck ApplyReview(const InventoryCheck& check, bool approve, const std::string& user, const std::string& at,
                           const std::string& note) {
  InventoryCheck after = check;
  after.review = approve ? CheckReview::kApproved : CheckReview::kReturned;
  after.reviewed_by = user;
  after.reviewed_at = at;
  after.review_note = note;
  ++after.version;
  return after;
}

Asset ApplyDifference(const Asset& asset, const InventoryCheck& check) {
  Asset after = asset;
  switch (check.outcome) {
    case CheckOutcome::kMissing:
      after.status = "disposed";
      after.current_value = Fen(0);
      break;
    case CheckOutcome::kDamaged:
      after.status = "damaged";
      if (check.value_after_fen) after.current_value = Fen(*check.value_after_fen);
      break;
    case CheckOutcome::kValueChanged: after.current_value = Fen(ValueAfter(check)); break;
    case CheckOutcome::kPending:
    case CheckOutcome::kFound: break;
  }
  return after;
}

void CountCheck(InventoryProgress& p, const InventoryCheck& c) {
  ++p.assets;
  p.value_before_fen += c.value_before_fen;
  p.value_after_fen += ValueAfter(c);
  switch (c.outcome) {
    case CheckOutcome::kPending: return;
    case CheckOutcome::kFound: ++p.found; break;
    case CheckOutcome::kMissing: ++p.missing; break;
    case CheckOutcome::kDamaged: ++p.damaged; break;
    case CheckOutcome::kValueChanged: ++p.value_changed; break;
  }
  ++p.checked;
  if (IsDifference(c)) ++p.differences;
  if (c.review == CheckReview::kApproved) ++p.approved;
  if (c.review == CheckReview::kPending) ++p.pending_review;
  if (c.review == CheckReview::kReturned) ++p.returned;
}

Status CloseAllowed(const InventoryCampaign& campaign, const InventoryProgress& total) {
  if (campaign.closed) return Closed(campaign);
  if (total.checked < total.assets || total.approved < total.differences) {
    return Status::Conflict("尚有 " + std::to_string(total.assets - total.checked) + " 项资产未盘点、" +
                            std::to_string(total.differences - total.approved) + " 项差异未核准，不能结束")
        .WithReason("inventory_incomplete");
  }
  return Status::Ok();
}

}  // namespace xj
