#pragma once
/// 清产核资: inventory campaigns over the asset register (issue #20 point 2, docs/definitions.md §8).
/// A campaign covers one region's subtree for one period; it holds one check per asset of the region
/// taken when it opens. A check's outcome other than "found" is a difference (差异) that must be
/// explained and then approved by another user before it changes the register. Pure rules only.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.hpp"
#include "domain/asset.hpp"

namespace xj {

/// The outcome of checking one asset (盘点结果). Stored by name.
enum class CheckOutcome : int {
  kPending = 0,       ///< 未盘点
  kFound = 1,         ///< 账实相符
  kMissing = 2,       ///< 盘亏（资产不存在）
  kDamaged = 3,       ///< 损毁
  kValueChanged = 4,  ///< 价值变动
};
/// "pending" | "found" | "missing" | "damaged" | "value_changed".
std::string_view CheckOutcomeName(CheckOutcome o);
/// 未盘点 | 账实相符 | 盘亏 | 损毁 | 价值变动.
std::string_view CheckOutcomeLabel(CheckOutcome o);
std::optional<CheckOutcome> ParseCheckOutcome(std::string_view name);

/// Where the approval of a check stands (差异审核). Stored by name.
enum class CheckReview : int {
  kNone = 0,      ///< nothing to approve: not checked yet, or found
  kPending = 1,   ///< a difference awaits approval (待审核)
  kApproved = 2,  ///< approved and written to the register (已核准)
  kReturned = 3,  ///< returned to the checker (已退回): record the check again
};
/// "none" | "pending" | "approved" | "returned".
std::string_view CheckReviewName(CheckReview r);
std::optional<CheckReview> ParseCheckReview(std::string_view name);

/// An inventory campaign (清产核资工作).
struct InventoryCampaign {
  std::int64_t id = 0;      ///< assigned on insert
  std::string region_code;  ///< the unit whose subtree is checked
  std::string name;         ///< e.g. 2026年度清产核资
  std::string period;       ///< e.g. 2026; one campaign per region and period
  bool closed = false;
  std::string opened_by, opened_at;
  std::string closed_by, closed_at;  ///< '' while open
};

/// One asset's check in a campaign (盘点记录). `value_before_fen` and `status_before` are the
/// register's values when the campaign opened.
struct InventoryCheck {
  std::int64_t campaign_id = 0;
  std::string asset_code;
  std::string asset_name;
  std::string region_code;  ///< the asset's region (scope and roll-up)
  std::int64_t value_before_fen = 0;
  std::string status_before = "in_use";
  CheckOutcome outcome = CheckOutcome::kPending;
  std::optional<std::int64_t> value_after_fen;  ///< the new current value (value_changed; optional for damaged)
  std::string explanation;                      ///< 差异说明, required for every outcome but found
  std::string checked_by, checked_at;
  CheckReview review = CheckReview::kNone;
  std::string reviewed_by, reviewed_at, review_note;
  std::int64_t version = 1;  ///< raised by every change (optimistic concurrency)
};

/// One change of the register (资产变动记录): an asset's current value and status before and after.
struct AssetChange {
  std::int64_t id = 0;  ///< assigned on insert
  std::string asset_code;
  std::string changed_at, changed_by;
  std::string source;     ///< "inventory": an approved inventory difference
  std::string reference;  ///< the campaign id for "inventory"
  std::int64_t value_before_fen = 0, value_after_fen = 0;
  std::string status_before, status_after;
  std::string note;  ///< the check's explanation
};

/// What a checker records.
struct CheckRecord {
  CheckOutcome outcome = CheckOutcome::kPending;
  std::optional<std::int64_t> value_after_fen;
  std::string explanation;
};

/// The register's current value after the check: missing 0, value_changed the new value, damaged the
/// new value if given, otherwise (found, pending) the value before.
std::int64_t ValueAfter(const InventoryCheck& c);
/// Whether a recorded outcome is a difference (anything but found and pending).
bool IsDifference(const InventoryCheck& c);

/// Whether `record` may be written over `check` in `campaign`. Errors (reason):
/// Conflict campaign_closed, Conflict check_approved (an approved difference is final),
/// InvalidArgument unknown_outcome (pending), explanation_required, value_required (value_changed
/// without a value or a negative value), value_not_allowed (a value with found or missing).
Status CheckRecordAllowed(const InventoryCampaign& campaign, const InventoryCheck& check, const CheckRecord& record);
/// The check after `record` by `user` at `at`: review pending for a difference, none for found.
InventoryCheck ApplyCheckRecord(const InventoryCheck& check, const CheckRecord& record, const std::string& user,
                                const std::string& at);

/// Whether `user` may approve (or return) the difference of `check`. Errors (reason):
/// Conflict campaign_closed, Conflict not_pending (no difference awaiting approval),
/// PermissionDenied same_user (the checker cannot approve their own check),
/// InvalidArgument note_required (returning without a reason).
Status ReviewAllowed(const InventoryCampaign& campaign, const InventoryCheck& check, const std::string& user,
                     bool approve, const std::string& note);
/// The check after the review.
InventoryCheck ApplyReview(const InventoryCheck& check, bool approve, const std::string& user, const std::string& at,
                           const std::string& note);
/// The asset after an approved difference: missing → status disposed (核销) and current value 0;
/// damaged → status damaged and the new value if given; value_changed → the new current value.
Asset ApplyDifference(const Asset& asset, const InventoryCheck& check);

/// A campaign's figures over a set of checks (盘点进度与结果).
struct InventoryProgress {
  std::int64_t assets = 0;       ///< checks in the campaign
  std::int64_t checked = 0;      ///< outcome recorded
  std::int64_t differences = 0;  ///< missing + damaged + value_changed
  std::int64_t approved = 0;     ///< differences approved
  std::int64_t pending_review = 0;
  std::int64_t returned = 0;
  std::int64_t found = 0, missing = 0, damaged = 0, value_changed = 0;
  std::int64_t value_before_fen = 0;  ///< Σ value before, every check
  std::int64_t value_after_fen = 0;   ///< Σ ValueAfter, every check (unchecked ones at their value before)
  bool operator==(const InventoryProgress&) const = default;
};
/// Adds one check to `p`.
void CountCheck(InventoryProgress& p, const InventoryCheck& c);

/// Whether the campaign may be closed: open, every asset checked and every difference approved.
/// Errors: Conflict campaign_closed, Conflict inventory_incomplete.
Status CloseAllowed(const InventoryCampaign& campaign, const InventoryProgress& total);

}  // namespace xj
