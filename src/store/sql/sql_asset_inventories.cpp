// SqlStore: 清产核资 — inventory campaigns, their checks and the register's history (migration
// 0023_asset_inventories.sql).
#include "store/sql/entities.hpp"
#include "store/sql/fields.hpp"
#include "store/sql/sql_store.hpp"

namespace xj::sql {
namespace {

constexpr std::string_view kCampaignColumns =
    "id, region_code, name, period, closed, opened_by, opened_at, closed_by, closed_at";
const std::string kInsertCampaign =
    "INSERT INTO asset_inventories (region_code, name, period, closed, opened_by, opened_at) VALUES ($1, $2, $3, 0, "
    "$4, $5) RETURNING id";
const std::string kSelectCampaign = Concat({"SELECT ", kCampaignColumns, " FROM asset_inventories WHERE id = $1"});
const std::string kSelectCampaigns = Concat({"SELECT ", kCampaignColumns, " FROM asset_inventories ORDER BY id DESC"});
const std::string kCloseCampaign =
    "UPDATE asset_inventories SET closed = 1, closed_by = $2, closed_at = $3 WHERE id = $1 AND closed = 0";

constexpr std::string_view kInventoryCheckColumns =
    "inventory_id, asset_code, asset_name, region_code, value_before_fen, status_before, outcome, value_after_fen, "
    "explanation, checked_by, checked_at, review, reviewed_by, reviewed_at, review_note, version";
const std::string kInsertInventoryCheck =
    Concat({"INSERT INTO asset_inventory_checks (", kInventoryCheckColumns, ") VALUES (", Params(16), ")"});
const std::string kSelectInventoryChecks = Concat(
    {"SELECT ", kInventoryCheckColumns, " FROM asset_inventory_checks WHERE inventory_id = $1 ORDER BY asset_code"});
const std::string kUpdateCheck =
    "UPDATE asset_inventory_checks SET outcome = $3, value_after_fen = $4, explanation = $5, checked_by = $6, "
    "checked_at = $7, review = $8, reviewed_by = $9, reviewed_at = $10, review_note = $11, version = $12 WHERE "
    "inventory_id = $1 AND asset_code = $2 AND version = $13";

constexpr std::string_view kChangeColumns =
    "id, asset_code, changed_at, changed_by, source, reference, value_before_fen, value_after_fen, status_before, "
    "status_after, note";
const std::string kInsertChange =
    "INSERT INTO asset_changes (asset_code, changed_at, changed_by, source, reference, value_before_fen, "
    "value_after_fen, status_before, status_after, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
const std::string kSelectChanges =
    Concat({"SELECT ", kChangeColumns, " FROM asset_changes WHERE asset_code = $1 ORDER BY id"});

Result<InventoryCampaign> ReadCampaign(const Row& row) {
  Fields f(row, "asset_inventories", "id=" + std::to_string(row.Int(0)));
  InventoryCampaign c;
  c.id = f.Int(0);
  c.region_code = f.Text(1);
  c.name = f.Text(2);
  c.period = f.Text(3);
  c.closed = f.Bool(4);
  c.opened_by = f.Text(5);
  c.opened_at = f.Text(6);
  c.closed_by = f.Text(7);
  c.closed_at = f.Text(8);
  XJ_RETURN_IF_ERROR(f.status());
  return c;
}

Result<InventoryCheck> ReadInventoryCheck(const Row& row) {
  Fields f(row, "asset_inventory_checks", std::to_string(row.Int(0)) + "/" + std::string(row.Text(1)));
  InventoryCheck c;
  c.campaign_id = f.Int(0);
  c.asset_code = f.Text(1);
  c.asset_name = f.Text(2);
  c.region_code = f.Text(3);
  c.value_before_fen = f.Int(4);
  c.status_before = f.Text(5);
  c.outcome = f.Named(6, ParseCheckOutcome, CheckOutcome::kPending);
  if (!row.IsNull(7)) c.value_after_fen = f.Int(7);
  c.explanation = f.Text(8);
  c.checked_by = f.Text(9);
  c.checked_at = f.Text(10);
  c.review = f.Named(11, ParseCheckReview, CheckReview::kNone);
  c.reviewed_by = f.Text(12);
  c.reviewed_at = f.Text(13);
  c.review_note = f.Text(14);
  c.version = f.Int(15);
  XJ_RETURN_IF_ERROR(f.status());
  return c;
}

Result<AssetChange> ReadChange(const Row& row) {
  Fields f(row, "asset_changes", "id=" + std::to_string(row.Int(0)));
  AssetChange c;
  c.id = f.Int(0);
  c.asset_code = f.Text(1);
  c.changed_at = f.Text(2);
  c.changed_by = f.Text(3);
  c.source = f.Text(4);
  c.reference = f.Text(5);
  c.value_before_fen = f.Int(6);
  c.value_after_fen = f.Int(7);
  c.status_before = f.Text(8);
  c.status_after = f.Text(9);
  c.note = f.Text(10);
  XJ_RETURN_IF_ERROR(f.status());
  return c;
}

}  // namespace

Result<std::int64_t> SqlStore::InsertInventory(const InventoryCampaign& campaign,
                                               const std::vector<InventoryCheck>& checks) {
  std::int64_t id = 0;
  XJ_RETURN_IF_ERROR(Write([&](Conn& c) -> Status {
    const Values v = {campaign.region_code, campaign.name, campaign.period, campaign.opened_by, campaign.opened_at};
    XJ_RETURN_IF_ERROR(c.Query(kInsertCampaign.c_str(), v, [&](const Row& row) {
      id = row.Int(0);
      return Status::Ok();
    }));
    return c.ExecEach(
        kInsertInventoryCheck.c_str(), checks.size(),
        [&](std::size_t i, Values& out) {
          const InventoryCheck& k = checks[i];
          out = {id,
                 k.asset_code,
                 k.asset_name,
                 k.region_code,
                 k.value_before_fen,
                 k.status_before,
                 std::string(CheckOutcomeName(k.outcome)),
                 OptionalInt(k.value_after_fen),
                 k.explanation,
                 k.checked_by,
                 k.checked_at,
                 std::string(CheckReviewName(k.review)),
                 k.reviewed_by,
                 k.reviewed_at,
                 k.review_note,
                 k.version};
        },
        [](std::size_t, const Row&) { return Status::Ok(); });
  }));
  return id;
}

Result<std::optional<InventoryCampaign>> SqlStore::FindInventory(std::int64_t id) {
  std::vector<InventoryCampaign> found;
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) { return CollectRows(c, kSelectCampaign.c_str(), {id}, ReadCampaign, found); }));
  if (found.empty()) return std::optional<InventoryCampaign>();
  return std::optional<InventoryCampaign>(std::move(found.front()));
}

Result<std::vector<InventoryCampaign>> SqlStore::ListInventories() {
  std::vector<InventoryCampaign> out;
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) { return CollectRows(c, kSelectCampaigns.c_str(), {}, ReadCampaign, out); }));
  return out;
}

Status SqlStore::CloseInventory(const InventoryCampaign& campaign) {
  return Write([&](Conn& c) -> Status {
    XJ_ASSIGN_OR_RETURN(std::int64_t changed,
                        c.Exec(kCloseCampaign.c_str(), {campaign.id, campaign.closed_by, campaign.closed_at}));
    if (changed != 1) {
      return Status::Conflict("清产核资工作 " + std::to_string(campaign.id) + " 已结束").WithReason("campaign_closed");
    }
    return Status::Ok();
  });
}

Result<std::vector<InventoryCheck>> SqlStore::ListInventoryChecks(std::int64_t id) {
  std::vector<InventoryCheck> out;
  XJ_RETURN_IF_ERROR(
      Read([&](Conn& c) { return CollectRows(c, kSelectInventoryChecks.c_str(), {id}, ReadInventoryCheck, out); }));
  return out;
}

Status SqlStore::UpdateInventoryCheck(const InventoryCheck& k, std::int64_t expected_version) {
  return Write([&](Conn& c) -> Status {
    const Values v = {k.campaign_id,
                      k.asset_code,
                      std::string(CheckOutcomeName(k.outcome)),
                      OptionalInt(k.value_after_fen),
                      k.explanation,
                      k.checked_by,
                      k.checked_at,
                      std::string(CheckReviewName(k.review)),
                      k.reviewed_by,
                      k.reviewed_at,
                      k.review_note,
                      k.version,
                      expected_version};
    XJ_ASSIGN_OR_RETURN(std::int64_t changed, c.Exec(kUpdateCheck.c_str(), v));
    if (changed != 1) {
      return Status::Conflict("资产 " + k.asset_code + " 的盘点记录已被他人更新，请刷新后重试")
          .WithReason("stale_version");
    }
    return Status::Ok();
  });
}

Status SqlStore::InsertAssetChange(const AssetChange& ch) {
  return Write([&](Conn& c) {
    return c
        .Exec(kInsertChange.c_str(),
              {ch.asset_code, ch.changed_at, ch.changed_by, ch.source, ch.reference, ch.value_before_fen,
               ch.value_after_fen, ch.status_before, ch.status_after, ch.note})
        .status();
  });
}

Result<std::vector<AssetChange>> SqlStore::ListAssetChanges(const std::string& asset_code) {
  std::vector<AssetChange> out;
  XJ_RETURN_IF_ERROR(
      Read([&](Conn& c) { return CollectRows(c, kSelectChanges.c_str(), {asset_code}, ReadChange, out); }));
  return out;
}

}  // namespace xj::sql
