// 清产核资 (issue #20 point 2): inventory campaigns over the asset register. A campaign takes one check
// per asset of its region's subtree when it opens; differences are explained by the checker and
// approved by another user, and only then written to the register with a history row
// (docs/definitions.md §8).
#include <map>

#include "app/app.hpp"
#include "app/asset_codec.hpp"

namespace xj {
namespace {

constexpr std::size_t kMaxInventoryText = 200;

nlohmann::ordered_json CheckSnapshot(const InventoryCheck& c) {
  nlohmann::ordered_json j;
  j["outcome"] = CheckOutcomeName(c.outcome);
  j["value_before_fen"] = c.value_before_fen;
  j["value_after_fen"] = c.value_after_fen ? nlohmann::ordered_json(*c.value_after_fen) : nlohmann::ordered_json();
  j["explanation"] = c.explanation;
  j["checked_by"] = c.checked_by;
  j["review"] = CheckReviewName(c.review);
  j["reviewed_by"] = c.reviewed_by;
  j["review_note"] = c.review_note;
  j["version"] = c.version;
  return j;
}

std::string RegionName(const RegionTree& tree, const std::string& code) {
  const RegionIndex i = tree.Find(code);
  return i == kNoRegion ? std::string() : tree.node(i).region.name;
}

/// The campaign's totals and each child region's figures.
void Tally(InventoryView& view, const std::vector<InventoryCheck>& checks, const RegionTree& tree) {
  view.total = {};
  view.units.clear();
  const RegionIndex root = tree.Find(view.campaign.region_code);
  if (root != kNoRegion) {
    for (RegionIndex c : tree.node(root).children) {
      view.units.push_back({tree.node(c).region.code, tree.node(c).region.name, {}});
    }
  }
  for (const InventoryCheck& c : checks) {
    CountCheck(view.total, c);
    const RegionIndex at = tree.Find(c.region_code);
    if (at == kNoRegion || root == kNoRegion) continue;
    const std::vector<RegionIndex>& children = tree.node(root).children;
    for (std::size_t k = 0; k < children.size(); ++k) {
      if (tree.Contains(children[k], at)) CountCheck(view.units[k].progress, c);
    }
  }
}

const InventoryCheck* FindCheck(const std::vector<InventoryCheck>& checks, const std::string& asset_code) {
  for (const InventoryCheck& c : checks) {
    if (c.asset_code == asset_code) return &c;
  }
  return nullptr;
}

}  // namespace

Result<InventoryView> App::CreateInventory(const Actor& actor, const NewInventory& request) {
  const std::string region = request.region_code.empty() ? actor.region_code : request.region_code;
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kWriteInventory, region));
  if (request.name.empty() || request.name.size() > kMaxInventoryText) {
    return Status::InvalidArgument("清产核资工作名称不能为空，且不超过 200 字节").WithReason("bad_inventory");
  }
  if (request.period.empty() || request.period.size() > kMaxInventoryText) {
    return Status::InvalidArgument("清产核资期间（period）不能为空，且不超过 200 字节").WithReason("bad_inventory");
  }
  auto tree = regions();
  const RegionIndex root = tree->Find(region);
  if (root == kNoRegion) return Status::InvalidArgument("区划不存在：" + region).WithReason("unknown_region");
  InventoryView view;
  view.campaign.region_code = region;
  view.campaign.name = request.name;
  view.campaign.period = request.period;
  view.campaign.opened_by = actor.username;
  view.campaign.opened_at = Now();
  view.region_name = tree->node(root).region.name;
  std::lock_guard write(write_mu_);
  XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(std::vector<InventoryCampaign> existing, store_->ListInventories());
    for (const InventoryCampaign& c : existing) {
      if (c.region_code == region && c.period == request.period) {
        return Status::AlreadyExists("区划 " + region + " 已有期间 " + request.period + " 的清产核资工作（编号 " +
                                     std::to_string(c.id) + "）")
            .WithReason("inventory_exists");
      }
    }
    XJ_ASSIGN_OR_RETURN(std::vector<Asset> assets, store_->FindAssets(""));
    view.checks.clear();
    for (const Asset& a : assets) {
      const RegionIndex at = tree->Find(a.region_code);
      if (at == kNoRegion || !tree->Contains(root, at) || a.status == "disposed") continue;
      InventoryCheck c;
      c.asset_code = a.asset_code;
      c.asset_name = a.name;
      c.region_code = a.region_code;
      c.value_before_fen = a.current_value.value();
      c.status_before = a.status;
      view.checks.push_back(std::move(c));
    }
    XJ_ASSIGN_OR_RETURN(view.campaign.id, store_->InsertInventory(view.campaign, view.checks));
    for (InventoryCheck& c : view.checks) c.campaign_id = view.campaign.id;
    nlohmann::ordered_json after{
        {"region_code", region}, {"name", request.name}, {"period", request.period}, {"assets", view.checks.size()}};
    return AppendAudit(actor, "asset_inventory.create", "asset_inventory", std::to_string(view.campaign.id), region, "",
                       after.dump());
  }));
  Tally(view, view.checks, *tree);
  return view;
}

Result<std::vector<InventoryView>> App::ListInventories(const Actor& actor, const std::string& region_code) const {
  const std::string& within = region_code.empty() ? actor.region_code : region_code;
  if (within.empty()) {
    XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kRead));
  } else {
    XJ_RETURN_IF_ERROR(Authorize(actor, Action::kRead, within));
  }
  auto tree = regions();
  const RegionIndex root = within.empty() ? kNoRegion : tree->Find(within);
  XJ_ASSIGN_OR_RETURN(std::vector<InventoryCampaign> campaigns, store_->ListInventories());
  std::vector<InventoryView> out;
  for (InventoryCampaign& c : campaigns) {
    const RegionIndex at = tree->Find(c.region_code);
    if (at == kNoRegion || (root != kNoRegion && !tree->Contains(root, at)) || !InScope(actor, c.region_code)) {
      continue;
    }
    InventoryView v;
    v.campaign = std::move(c);
    v.region_name = RegionName(*tree, v.campaign.region_code);
    XJ_ASSIGN_OR_RETURN(std::vector<InventoryCheck> checks, store_->ListInventoryChecks(v.campaign.id));
    Tally(v, checks, *tree);
    v.units.clear();
    out.push_back(std::move(v));
  }
  return out;
}

Result<InventoryView> App::GetInventory(const Actor& actor, std::int64_t id) const {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kRead));
  XJ_ASSIGN_OR_RETURN(std::optional<InventoryCampaign> campaign, store_->FindInventory(id));
  if (!campaign) return Status::NotFound("清产核资工作不存在：" + std::to_string(id));
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kRead, campaign->region_code));
  auto tree = regions();
  InventoryView v;
  v.campaign = std::move(*campaign);
  v.region_name = RegionName(*tree, v.campaign.region_code);
  XJ_ASSIGN_OR_RETURN(v.checks, store_->ListInventoryChecks(id));
  Tally(v, v.checks, *tree);
  return v;
}

Result<InventoryCheck> App::RecordInventoryCheck(const Actor& actor, std::int64_t id, const std::string& asset_code,
                                                 const CheckRecord& record) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kWriteInventory));
  if (record.explanation.size() > 2000) {
    return Status::InvalidArgument("差异说明不超过 2000 字节").WithReason("explanation_too_long");
  }
  std::lock_guard write(write_mu_);
  InventoryCheck after;
  XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(std::optional<InventoryCampaign> campaign, store_->FindInventory(id));
    if (!campaign) return Status::NotFound("清产核资工作不存在：" + std::to_string(id));
    XJ_ASSIGN_OR_RETURN(std::vector<InventoryCheck> checks, store_->ListInventoryChecks(id));
    const InventoryCheck* check = FindCheck(checks, asset_code);
    if (!check) {
      return Status::NotFound("资产 " + asset_code + " 不在清产核资工作 " + std::to_string(id) + " 中")
          .WithReason("unknown_asset");
    }
    XJ_RETURN_IF_ERROR(Authorize(actor, Action::kWriteInventory, check->region_code));
    XJ_RETURN_IF_ERROR(CheckRecordAllowed(*campaign, *check, record));
    after = ApplyCheckRecord(*check, record, actor.username, Now());
    XJ_RETURN_IF_ERROR(store_->UpdateInventoryCheck(after, check->version));
    return AppendAudit(actor, "asset_inventory.check", "asset_inventory_check", std::to_string(id) + "/" + asset_code,
                       check->region_code, CheckSnapshot(*check).dump(), CheckSnapshot(after).dump());
  }));
  return after;
}

Result<InventoryCheck> App::ReviewInventoryCheck(const Actor& actor, std::int64_t id, const std::string& asset_code,
                                                 const InventoryReview& review) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kApproveInventory));
  if (review.note.size() > 2000) return Status::InvalidArgument("审核意见不超过 2000 字节").WithReason("note_too_long");
  std::lock_guard write(write_mu_);
  InventoryCheck after;
  XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(std::optional<InventoryCampaign> campaign, store_->FindInventory(id));
    if (!campaign) return Status::NotFound("清产核资工作不存在：" + std::to_string(id));
    XJ_ASSIGN_OR_RETURN(std::vector<InventoryCheck> checks, store_->ListInventoryChecks(id));
    const InventoryCheck* check = FindCheck(checks, asset_code);
    if (!check) {
      return Status::NotFound("资产 " + asset_code + " 不在清产核资工作 " + std::to_string(id) + " 中")
          .WithReason("unknown_asset");
    }
    XJ_RETURN_IF_ERROR(Authorize(actor, Action::kApproveInventory, check->region_code));
    XJ_RETURN_IF_ERROR(ReviewAllowed(*campaign, *check, actor.username, review.approve, review.note));
    const std::string at = Now();
    after = ApplyReview(*check, review.approve, actor.username, at, review.note);
    XJ_RETURN_IF_ERROR(store_->UpdateInventoryCheck(after, check->version));
    XJ_RETURN_IF_ERROR(AppendAudit(actor, review.approve ? "asset_inventory.approve" : "asset_inventory.return",
                                   "asset_inventory_check", std::to_string(id) + "/" + asset_code, check->region_code,
                                   CheckSnapshot(*check).dump(), CheckSnapshot(after).dump()));
    if (!review.approve) return Status::Ok();
    XJ_ASSIGN_OR_RETURN(std::vector<Asset> assets, store_->FindAssets(""));
    for (const Asset& before : assets) {
      if (before.asset_code != asset_code) continue;
      const Asset changed = ApplyDifference(before, after);
      XJ_RETURN_IF_ERROR(store_->UpsertAssets({changed}, at));
      AssetChange ch;
      ch.asset_code = asset_code;
      ch.changed_at = at;
      ch.changed_by = actor.username;
      ch.source = "inventory";
      ch.reference = std::to_string(id);
      ch.value_before_fen = before.current_value.value();
      ch.value_after_fen = changed.current_value.value();
      ch.status_before = before.status;
      ch.status_after = changed.status;
      ch.note = after.explanation;
      XJ_RETURN_IF_ERROR(store_->InsertAssetChange(ch));
      return AppendAudit(actor, "asset.inventory_change", "asset", asset_code, before.region_code,
                         AssetToJson(before).dump(), AssetToJson(changed).dump());
    }
    return Status::Internal("清产核资的资产不在资产台账中：" + asset_code);
  }));
  return after;
}

Result<InventoryView> App::CloseInventory(const Actor& actor, std::int64_t id) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kWriteInventory));
  auto tree = regions();
  InventoryView view;
  std::lock_guard write(write_mu_);
  XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(std::optional<InventoryCampaign> campaign, store_->FindInventory(id));
    if (!campaign) return Status::NotFound("清产核资工作不存在：" + std::to_string(id));
    XJ_RETURN_IF_ERROR(Authorize(actor, Action::kWriteInventory, campaign->region_code));
    view.campaign = *campaign;
    view.region_name = RegionName(*tree, campaign->region_code);
    XJ_ASSIGN_OR_RETURN(view.checks, store_->ListInventoryChecks(id));
    Tally(view, view.checks, *tree);
    XJ_RETURN_IF_ERROR(CloseAllowed(view.campaign, view.total));
    view.campaign.closed = true;
    view.campaign.closed_by = actor.username;
    view.campaign.closed_at = Now();
    XJ_RETURN_IF_ERROR(store_->CloseInventory(view.campaign));
    nlohmann::ordered_json after{{"closed", true},
                                 {"assets", view.total.assets},
                                 {"differences", view.total.differences},
                                 {"value_before_fen", view.total.value_before_fen},
                                 {"value_after_fen", view.total.value_after_fen}};
    return AppendAudit(actor, "asset_inventory.close", "asset_inventory", std::to_string(id), campaign->region_code,
                       R"({"closed":false})", after.dump());
  }));
  return view;
}

Result<std::vector<AssetChange>> App::AssetHistory(const Actor& actor, const std::string& asset_code) const {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kRead));
  XJ_ASSIGN_OR_RETURN(std::vector<Asset> assets, store_->FindAssets(""));
  for (const Asset& a : assets) {
    if (a.asset_code != asset_code) continue;
    XJ_RETURN_IF_ERROR(Authorize(actor, Action::kRead, a.region_code));
    return store_->ListAssetChanges(asset_code);
  }
  return Status::NotFound("资产不存在：" + asset_code);
}

}  // namespace xj
