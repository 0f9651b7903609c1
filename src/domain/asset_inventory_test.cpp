// 清产核资 rules (issue #20 point 2): every transition of a check allowed and refused, the value a
// difference leaves, the counts, and closing.
#include "domain/asset_inventory.hpp"

#include <gtest/gtest.h>

namespace xj {
namespace domain_asset_inventory_test {

InventoryCampaign Open() {
  InventoryCampaign c;
  c.id = 7;
  c.region_code = "540102";
  return c;
}

InventoryCheck Unchecked(std::int64_t value = 100000) {
  InventoryCheck k;
  k.campaign_id = 7;
  k.asset_code = "ZC-1";
  k.region_code = "540102";
  k.value_before_fen = value;
  return k;
}

std::string ReasonOf(const Status& s) {
  return s.code_name();
}

TEST(AssetInventory, NamesRoundTrip) {
  for (CheckOutcome o : {CheckOutcome::kPending, CheckOutcome::kFound, CheckOutcome::kMissing, CheckOutcome::kDamaged,
                         CheckOutcome::kValueChanged}) {
    EXPECT_EQ(ParseCheckOutcome(CheckOutcomeName(o)), o);
  }
  for (CheckReview r : {CheckReview::kNone, CheckReview::kPending, CheckReview::kApproved, CheckReview::kReturned}) {
    EXPECT_EQ(ParseCheckReview(CheckReviewName(r)), r);
  }
  EXPECT_FALSE(ParseCheckOutcome("lost"));
}

TEST(AssetInventory, RecordingAllowedOutcomes) {
  const InventoryCampaign c = Open();
  const InventoryCheck k = Unchecked();
  EXPECT_TRUE(CheckRecordAllowed(c, k, {CheckOutcome::kFound, std::nullopt, ""}).ok());
  EXPECT_TRUE(CheckRecordAllowed(c, k, {CheckOutcome::kMissing, std::nullopt, "已拆除"}).ok());
  EXPECT_TRUE(CheckRecordAllowed(c, k, {CheckOutcome::kDamaged, std::nullopt, "洪水冲毁"}).ok());
  EXPECT_TRUE(CheckRecordAllowed(c, k, {CheckOutcome::kDamaged, 20000, "洪水冲毁"}).ok());
  EXPECT_TRUE(CheckRecordAllowed(c, k, {CheckOutcome::kValueChanged, 0, "评估减值"}).ok());

  const InventoryCheck found = ApplyCheckRecord(k, {CheckOutcome::kFound, std::nullopt, ""}, "zhang", "t1");
  EXPECT_EQ(found.review, CheckReview::kNone);
  EXPECT_EQ(found.checked_by, "zhang");
  EXPECT_EQ(found.version, 2);
  const InventoryCheck missing = ApplyCheckRecord(k, {CheckOutcome::kMissing, std::nullopt, "已拆除"}, "zhang", "t1");
  EXPECT_EQ(missing.review, CheckReview::kPending);
  // A pending difference and a returned one may be recorded again; so may a found one.
  EXPECT_TRUE(CheckRecordAllowed(c, missing, {CheckOutcome::kFound, std::nullopt, ""}).ok());
  EXPECT_TRUE(CheckRecordAllowed(c, found, {CheckOutcome::kMissing, std::nullopt, "已拆除"}).ok());
  const InventoryCheck returned = ApplyReview(missing, false, "li", "t2", "请附照片");
  EXPECT_EQ(returned.review, CheckReview::kReturned);
  EXPECT_TRUE(CheckRecordAllowed(c, returned, {CheckOutcome::kMissing, std::nullopt, "已拆除，附照片"}).ok());
  EXPECT_EQ(ApplyCheckRecord(returned, {CheckOutcome::kFound, std::nullopt, ""}, "zhang", "t3").review,
            CheckReview::kNone);
}

TEST(AssetInventory, RecordingRefused) {
  InventoryCampaign c = Open();
  const InventoryCheck k = Unchecked();
  EXPECT_EQ(ReasonOf(CheckRecordAllowed(c, k, {CheckOutcome::kPending, std::nullopt, ""})), "unknown_outcome");
  EXPECT_EQ(ReasonOf(CheckRecordAllowed(c, k, {CheckOutcome::kMissing, std::nullopt, ""})), "explanation_required");
  EXPECT_EQ(ReasonOf(CheckRecordAllowed(c, k, {CheckOutcome::kDamaged, std::nullopt, ""})), "explanation_required");
  EXPECT_EQ(ReasonOf(CheckRecordAllowed(c, k, {CheckOutcome::kValueChanged, 5, ""})), "explanation_required");
  EXPECT_EQ(ReasonOf(CheckRecordAllowed(c, k, {CheckOutcome::kValueChanged, std::nullopt, "评估"})), "value_required");
  EXPECT_EQ(ReasonOf(CheckRecordAllowed(c, k, {CheckOutcome::kValueChanged, -1, "评估"})), "value_required");
  EXPECT_EQ(ReasonOf(CheckRecordAllowed(c, k, {CheckOutcome::kFound, 5, ""})), "value_not_allowed");
  EXPECT_EQ(ReasonOf(CheckRecordAllowed(c, k, {CheckOutcome::kMissing, 0, "拆除"})), "value_not_allowed");
  const InventoryCheck approved = ApplyReview(
      ApplyCheckRecord(k, {CheckOutcome::kMissing, std::nullopt, "拆除"}, "zhang", "t1"), true, "li", "t2", "");
  const Status s = CheckRecordAllowed(c, approved, {CheckOutcome::kFound, std::nullopt, ""});
  EXPECT_EQ(s.code(), ErrorCode::kConflict);
  EXPECT_EQ(ReasonOf(s), "check_approved");
  c.closed = true;
  EXPECT_EQ(ReasonOf(CheckRecordAllowed(c, k, {CheckOutcome::kFound, std::nullopt, ""})), "campaign_closed");
}

TEST(AssetInventory, ReviewAllowedAndRefused) {
  InventoryCampaign c = Open();
  const InventoryCheck k = Unchecked();
  const InventoryCheck pending = ApplyCheckRecord(k, {CheckOutcome::kDamaged, 30000, "屋顶漏雨"}, "zhang", "t1");
  EXPECT_TRUE(ReviewAllowed(c, pending, "li", true, "").ok());
  EXPECT_TRUE(ReviewAllowed(c, pending, "li", false, "请核实").ok());
  // The checker cannot approve or return their own difference.
  const Status same = ReviewAllowed(c, pending, "zhang", true, "");
  EXPECT_EQ(same.code(), ErrorCode::kPermissionDenied);
  EXPECT_EQ(ReasonOf(same), "same_user");
  EXPECT_EQ(ReasonOf(ReviewAllowed(c, pending, "li", false, "")), "note_required");
  // Nothing to review: unchecked, found, approved, returned.
  EXPECT_EQ(ReasonOf(ReviewAllowed(c, k, "li", true, "")), "not_pending");
  const InventoryCheck found = ApplyCheckRecord(k, {CheckOutcome::kFound, std::nullopt, ""}, "zhang", "t1");
  EXPECT_EQ(ReasonOf(ReviewAllowed(c, found, "li", true, "")), "not_pending");
  const InventoryCheck approved = ApplyReview(pending, true, "li", "t2", "");
  EXPECT_EQ(approved.review, CheckReview::kApproved);
  EXPECT_EQ(approved.reviewed_by, "li");
  EXPECT_EQ(ReasonOf(ReviewAllowed(c, approved, "wang", true, "")), "not_pending");
  const InventoryCheck returned = ApplyReview(pending, false, "li", "t2", "请核实");
  EXPECT_EQ(ReasonOf(ReviewAllowed(c, returned, "wang", true, "")), "not_pending");
  c.closed = true;
  EXPECT_EQ(ReasonOf(ReviewAllowed(c, pending, "li", true, "")), "campaign_closed");
}

TEST(AssetInventory, AnApprovedDifferenceChangesTheRegister) {
  Asset a;
  a.asset_code = "ZC-1";
  a.current_value = Fen(100000);
  a.status = "in_use";
  InventoryCheck k = Unchecked(100000);
  k.outcome = CheckOutcome::kMissing;
  Asset after = ApplyDifference(a, k);
  EXPECT_EQ(after.status, "disposed");
  EXPECT_EQ(after.current_value, Fen(0));
  k.outcome = CheckOutcome::kDamaged;
  after = ApplyDifference(a, k);
  EXPECT_EQ(after.status, "damaged");
  EXPECT_EQ(after.current_value, Fen(100000));  // no new value given: unchanged
  k.value_after_fen = 40000;
  EXPECT_EQ(ApplyDifference(a, k).current_value, Fen(40000));
  k.outcome = CheckOutcome::kValueChanged;
  k.value_after_fen = 120000;
  after = ApplyDifference(a, k);
  EXPECT_EQ(after.status, "in_use");
  EXPECT_EQ(after.current_value, Fen(120000));
  k.outcome = CheckOutcome::kFound;
  EXPECT_EQ(ApplyDifference(a, k), a);
}

TEST(AssetInventory, ProgressCountsByHand) {
  // Five assets worth 1,000 + 500 + 2,000 + 300 + 100 = 3,900 yuan before: found, missing (→ 0),
  // damaged to 800, value changed to 450, one unchecked (kept at 100): 1,000 + 0 + 800 + 450 + 100 = 2,350 after.
  std::vector<InventoryCheck> checks(5);
  const std::int64_t before[] = {100000, 50000, 200000, 30000, 10000};
  for (int i = 0; i < 5; ++i) checks[i].value_before_fen = before[i];
  checks[0].outcome = CheckOutcome::kFound;
  checks[1].outcome = CheckOutcome::kMissing;
  checks[1].review = CheckReview::kApproved;
  checks[2].outcome = CheckOutcome::kDamaged;
  checks[2].value_after_fen = 80000;
  checks[2].review = CheckReview::kPending;
  checks[3].outcome = CheckOutcome::kValueChanged;
  checks[3].value_after_fen = 45000;
  checks[3].review = CheckReview::kReturned;
  InventoryProgress p;
  for (const InventoryCheck& c : checks) CountCheck(p, c);
  InventoryProgress want;
  want.assets = 5;
  want.checked = 4;
  want.differences = 3;
  want.approved = 1;
  want.pending_review = 1;
  want.returned = 1;
  want.found = 1;
  want.missing = 1;
  want.damaged = 1;
  want.value_changed = 1;
  want.value_before_fen = 390000;
  want.value_after_fen = 235000;
  EXPECT_EQ(p, want);

  InventoryCampaign c = Open();
  EXPECT_EQ(ReasonOf(CloseAllowed(c, p)), "inventory_incomplete");
  InventoryProgress done;
  done.assets = 3;
  done.checked = 3;
  done.differences = 2;
  done.approved = 2;
  EXPECT_TRUE(CloseAllowed(c, done).ok());
  EXPECT_TRUE(CloseAllowed(c, InventoryProgress{}).ok());  // a region without assets
  done.approved = 1;
  EXPECT_EQ(ReasonOf(CloseAllowed(c, done)), "inventory_incomplete");
  c.closed = true;
  EXPECT_EQ(ReasonOf(CloseAllowed(c, InventoryProgress{})), "campaign_closed");
}

}  // namespace domain_asset_inventory_test
}  // namespace xj
