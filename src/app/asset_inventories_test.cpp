// 清产核资 through the App (issue #20 points 2 and 8): a campaign over 西藏 with differences computed by
// hand, rolled-up progress per prefecture, approval by another user writing the register with
// history, scope, closing, and an audit row for every write.
#include <gtest/gtest.h>

#include "app/app_test_support.hpp"

namespace xj {
namespace app_asset_inventories_test {

using testing::TestApp;

Actor Make(const std::string& name, Role role, const std::string& region) {
  Actor a;
  a.username = name;
  a.role = role;
  a.region_code = region;
  return a;
}

class AssetInventoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // In 西藏: A1 1,000 yuan and A6 (disposed) in 城关区, A2 500 in 八廓街道, A5 100 in 拉萨市 itself,
    // A3 2,000 in 桑珠孜区, A4 300 in 城南街道; A7 in 新疆, outside the campaign.
    std::vector<Asset> assets;
    auto add = [&](const std::string& code, const std::string& region, std::int64_t fen,
                   const std::string& status = "in_use") {
      Asset a;
      a.asset_code = code;
      a.name = "资产" + code;
      a.region_code = region;
      a.original_value = Fen(fen);
      a.current_value = Fen(fen);
      a.status = status;
      assets.push_back(a);
    };
    add("A1", "540102", 100000);
    add("A2", "540102001", 50000);
    add("A3", "540202", 200000);
    add("A4", "540202001", 30000);
    add("A5", "540100", 10000);
    add("A6", "540102", 70000, "disposed");
    add("A7", "650000", 90000);
    ASSERT_TRUE(t_.app->SaveAssets(Actor::System(), assets).ok());
  }

  InventoryView Campaign(const Actor& by, const std::string& region, const std::string& period) {
    auto v = t_.app->CreateInventory(by, {region, "清产核资", period});
    EXPECT_TRUE(v.ok()) << v.status().ToString();
    return v.ok() ? *v : InventoryView{};
  }

  Status Check(const Actor& by, std::int64_t id, const std::string& code, CheckOutcome o,
               std::optional<std::int64_t> value = std::nullopt, const std::string& why = "说明") {
    return t_.app->RecordInventoryCheck(by, id, code, {o, value, o == CheckOutcome::kFound ? "" : why}).status();
  }

  Status Review(const Actor& by, std::int64_t id, const std::string& code, bool approve, const std::string& note = "") {
    return t_.app->ReviewInventoryCheck(by, id, code, {approve, note}).status();
  }

  Asset AssetOf(const std::string& code) {
    auto all = t_.app->store().FindAssets("");
    EXPECT_TRUE(all.ok());
    for (const Asset& a : *all) {
      if (a.asset_code == code) return a;
    }
    ADD_FAILURE() << code;
    return {};
  }

  TestApp t_;
  Actor region_ = Make("region", Role::kRegionOfficer, "540000");
  Actor county_ = Make("county", Role::kCountyOfficer, "540102");
  Actor county2_ = Make("county2", Role::kCountyOfficer, "540202");
  Actor finance_ = Make("finance", Role::kFinanceOfficer, "540000");
  Actor finance2_ = Make("finance2", Role::kFinanceOfficer, "540200");
};

TEST_F(AssetInventoryTest, DifferencesRolledUpByHand) {
  const InventoryView opened = Campaign(region_, "540000", "2026");
  const std::int64_t id = opened.campaign.id;
  // Five assets (A6 disposed and A7 elsewhere are not taken): 1,000 + 500 + 2,000 + 300 + 100 = 3,900 yuan.
  EXPECT_EQ(opened.total.assets, 5);
  EXPECT_EQ(opened.total.value_before_fen, 390000);
  EXPECT_EQ(opened.total.checked, 0);

  ASSERT_TRUE(Check(county_, id, "A1", CheckOutcome::kFound).ok());
  ASSERT_TRUE(Check(county_, id, "A2", CheckOutcome::kMissing, std::nullopt, "村委会搬迁时拆除").ok());
  ASSERT_TRUE(Check(county2_, id, "A3", CheckOutcome::kDamaged, 80000, "洪水冲毁一半").ok());
  ASSERT_TRUE(Check(county2_, id, "A4", CheckOutcome::kValueChanged, 45000, "重新评估增值").ok());

  auto v = t_.app->GetInventory(region_, id);
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  // After: 1,000 + 0 + 800 + 450 + 100 (unchecked, at its value) = 2,350 yuan.
  EXPECT_EQ(v->total.checked, 4);
  EXPECT_EQ(v->total.differences, 3);
  EXPECT_EQ(v->total.found, 1);
  EXPECT_EQ(v->total.missing, 1);
  EXPECT_EQ(v->total.damaged, 1);
  EXPECT_EQ(v->total.value_changed, 1);
  EXPECT_EQ(v->total.pending_review, 3);
  EXPECT_EQ(v->total.value_after_fen, 235000);
  ASSERT_EQ(v->units.size(), 2u);
  // 拉萨市: A1, A2, A5 — 1,600 yuan before, 1,100 after; 日喀则市: A3, A4 — 2,300 before, 1,250 after.
  EXPECT_EQ(v->units[0].region_code, "540100");
  EXPECT_EQ(v->units[0].progress.assets, 3);
  EXPECT_EQ(v->units[0].progress.checked, 2);
  EXPECT_EQ(v->units[0].progress.differences, 1);
  EXPECT_EQ(v->units[0].progress.value_before_fen, 160000);
  EXPECT_EQ(v->units[0].progress.value_after_fen, 110000);
  EXPECT_EQ(v->units[1].region_code, "540200");
  EXPECT_EQ(v->units[1].progress.assets, 2);
  EXPECT_EQ(v->units[1].progress.checked, 2);
  EXPECT_EQ(v->units[1].progress.differences, 2);
  EXPECT_EQ(v->units[1].progress.value_before_fen, 230000);
  EXPECT_EQ(v->units[1].progress.value_after_fen, 125000);

  // Nothing reaches the register before approval.
  EXPECT_EQ(AssetOf("A2").status, "in_use");
  EXPECT_EQ(AssetOf("A2").current_value, Fen(50000));

  ASSERT_TRUE(Review(finance_, id, "A2", true).ok());
  ASSERT_TRUE(Review(finance2_, id, "A3", true).ok());
  ASSERT_TRUE(Review(finance_, id, "A4", false, "请附评估报告").ok());
  EXPECT_EQ(AssetOf("A2").status, "disposed");
  EXPECT_EQ(AssetOf("A2").current_value, Fen(0));
  EXPECT_EQ(AssetOf("A3").status, "damaged");
  EXPECT_EQ(AssetOf("A3").current_value, Fen(80000));
  EXPECT_EQ(AssetOf("A4").current_value, Fen(30000));  // returned: unchanged
  auto history = t_.app->AssetHistory(region_, "A3");
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 1u);
  EXPECT_EQ((*history)[0].value_before_fen, 200000);
  EXPECT_EQ((*history)[0].value_after_fen, 80000);
  EXPECT_EQ((*history)[0].status_before, "in_use");
  EXPECT_EQ((*history)[0].status_after, "damaged");
  EXPECT_EQ((*history)[0].changed_by, "finance2");
  EXPECT_EQ((*history)[0].reference, std::to_string(id));
  EXPECT_EQ((*history)[0].note, "洪水冲毁一半");

  // Approved differences are final.
  const Status again = Check(county_, id, "A2", CheckOutcome::kFound);
  EXPECT_EQ(again.code(), ErrorCode::kConflict);
  EXPECT_EQ(again.code_name(), "check_approved");

  // Not closable while A5 is unchecked and A4 returned.
  auto early = t_.app->CloseInventory(region_, id);
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.status().code_name(), "inventory_incomplete");
  ASSERT_TRUE(Check(region_, id, "A5", CheckOutcome::kFound).ok());
  ASSERT_TRUE(Check(county2_, id, "A4", CheckOutcome::kValueChanged, 45000, "评估报告已附").ok());
  ASSERT_TRUE(Review(finance_, id, "A4", true).ok());
  auto closed = t_.app->CloseInventory(region_, id);
  ASSERT_TRUE(closed.ok()) << closed.status().ToString();
  EXPECT_TRUE(closed->campaign.closed);
  EXPECT_EQ(closed->total.approved, 3);
  EXPECT_EQ(closed->total.value_after_fen, 235000);
  EXPECT_EQ(AssetOf("A4").current_value, Fen(45000));
  EXPECT_EQ(Check(county_, id, "A1", CheckOutcome::kFound).code_name(), "campaign_closed");
  EXPECT_EQ(t_.app->CloseInventory(region_, id).status().code_name(), "campaign_closed");

  // One campaign per region and period; the next period leaves the disposed A2 out.
  auto twice = t_.app->CreateInventory(region_, {"540000", "再次", "2026"});
  EXPECT_EQ(twice.status().code_name(), "inventory_exists");
  EXPECT_EQ(Campaign(region_, "540000", "2027").total.assets, 4);

  // Every write left an audit row: create ×2, check ×6, approve ×3 with 3 register changes, return ×1, close ×1.
  auto count = [&](const std::string& entity_type) {
    AuditQuery q;
    q.entity_type = entity_type;
    q.limit = 100;
    auto page = t_.app->store().QueryAudit(q);
    EXPECT_TRUE(page.ok());
    return page.ok() ? page->total : -1;
  };
  EXPECT_EQ(count("asset_inventory"), 3);         // two creations and the close
  EXPECT_EQ(count("asset_inventory_check"), 10);  // six checks, three approvals, one return
  EXPECT_EQ(count("asset"), 3);                   // the register changed by A2, A3, A4
}

TEST_F(AssetInventoryTest, TheCheckerCannotApproveTheirOwnDifference) {
  const std::int64_t id = Campaign(Actor::System(), "540000", "2026").campaign.id;
  ASSERT_TRUE(Check(Actor::System(), id, "A1", CheckOutcome::kMissing, std::nullopt, "不见了").ok());
  const Status same = Review(Actor::System(), id, "A1", true);
  EXPECT_EQ(same.code(), ErrorCode::kPermissionDenied);
  EXPECT_EQ(same.code_name(), "same_user");
  EXPECT_EQ(AssetOf("A1").status, "in_use");
  // Returning needs a reason; approving a found check has nothing to approve.
  EXPECT_EQ(Review(finance_, id, "A1", false).code_name(), "note_required");
  ASSERT_TRUE(Check(county_, id, "A5", CheckOutcome::kFound).code() == ErrorCode::kPermissionDenied);
  ASSERT_TRUE(Check(region_, id, "A5", CheckOutcome::kFound).ok());
  EXPECT_EQ(Review(finance_, id, "A5", true).code_name(), "not_pending");
  EXPECT_EQ(Review(finance_, id, "NOPE", true).code(), ErrorCode::kNotFound);
  EXPECT_EQ(Review(finance_, 999, "A1", true).code(), ErrorCode::kNotFound);
}

TEST_F(AssetInventoryTest, ACountyOfficerCannotTouchAnotherCountysCampaign) {
  const std::int64_t id = Campaign(county_, "540102", "2026").campaign.id;
  auto own = t_.app->GetInventory(county_, id);
  ASSERT_TRUE(own.ok());
  EXPECT_EQ(own->total.assets, 2);  // A1 and A2
  EXPECT_EQ(t_.app->GetInventory(county2_, id).status().code(), ErrorCode::kPermissionDenied);
  EXPECT_EQ(Check(county2_, id, "A1", CheckOutcome::kFound).code(), ErrorCode::kPermissionDenied);
  EXPECT_EQ(t_.app->CloseInventory(county2_, id).status().code(), ErrorCode::kPermissionDenied);
  EXPECT_EQ(t_.app->CreateInventory(county2_, {"540102", "越权", "2027"}).status().code(),
            ErrorCode::kPermissionDenied);
  auto listed = t_.app->ListInventories(county2_, "");
  ASSERT_TRUE(listed.ok());
  EXPECT_TRUE(listed->empty());
  ASSERT_TRUE(Check(county_, id, "A1", CheckOutcome::kDamaged, std::nullopt, "墙体开裂").ok());
  EXPECT_EQ(Review(finance2_, id, "A1", true).code(), ErrorCode::kPermissionDenied);  // 日喀则's finance
  // Roles without the grant: a leader may read but not check, a county officer may not approve.
  const Actor leader = Make("leader", Role::kLeader, "540000");
  EXPECT_TRUE(t_.app->GetInventory(leader, id).ok());
  EXPECT_EQ(Check(leader, id, "A2", CheckOutcome::kFound).code(), ErrorCode::kPermissionDenied);
  EXPECT_EQ(Review(county_, id, "A1", true).code(), ErrorCode::kPermissionDenied);
  // Bad requests.
  EXPECT_EQ(t_.app->CreateInventory(county_, {"540102", "", "2028"}).status().code_name(), "bad_inventory");
  EXPECT_EQ(t_.app->CreateInventory(county_, {"540102", "清产核资", ""}).status().code_name(), "bad_inventory");
  EXPECT_EQ(Check(county_, id, "A7", CheckOutcome::kFound).code_name(), "unknown_asset");
  EXPECT_EQ(t_.app->GetInventory(county_, 999).status().code(), ErrorCode::kNotFound);
}

}  // namespace app_asset_inventories_test
}  // namespace xj
