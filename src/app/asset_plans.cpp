// Classification and plans of operating assets (巩固/提升/盘活/另起炉灶), their income and its
// distribution (收益分配, with the village meeting's decision), per-asset yield and the idle or
// loss-making list (issue #20 point 3, docs/definitions.md §8).
#include <map>

#include "app/app.hpp"
#include "app/asset_codec.hpp"

namespace xj {
namespace {

nlohmann::ordered_json PlanJson(const AssetPlan& p) {
  return {{"asset_class", AssetClassName(p.asset_class)},
          {"plan", p.plan},
          {"follow_up_on",
           p.follow_up_on ? nlohmann::ordered_json(p.follow_up_on->ToString()) : nlohmann::ordered_json(nullptr)}};
}

nlohmann::ordered_json IncomeJson(const AssetIncome& i) {
  return {
      {"received_on", i.received_on.ToString()},
      {"amount_fen", i.amount_fen},
      {"distribution", i.distribution},
      {"decided_on", i.decided_on ? nlohmann::ordered_json(i.decided_on->ToString()) : nlohmann::ordered_json(nullptr)},
      {"decision", i.decision}};
}

}  // namespace

Result<Asset> App::FindAssetInScope(const Actor& actor, Action action, const std::string& asset_code) const {
  XJ_ASSIGN_OR_RETURN(std::vector<Asset> all, store_->FindAssets(""));
  for (Asset& a : all) {
    if (a.asset_code != asset_code) continue;
    XJ_RETURN_IF_ERROR(Authorize(actor, action, a.region_code));
    return std::move(a);
  }
  return Status::NotFound("资产不存在：" + asset_code);
}

Result<std::vector<AssetClassLabel>> App::AssetClassLabels(const Actor& actor) const {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kRead));
  return store_->ListAssetClassLabels();
}

Result<std::vector<AssetClassLabel>> App::SetAssetClassLabels(const Actor& actor,
                                                              const std::vector<AssetClassLabel>& labels) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kManageReferenceData));
  for (const AssetClassLabel& l : labels) {
    if (l.label.empty() || l.label.size() > 60) {
      return Status::InvalidArgument("分类名称不能为空，且不超过 60 字节").WithReason("bad_label");
    }
  }
  std::lock_guard write(write_mu_);
  XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(std::vector<AssetClassLabel> before, store_->ListAssetClassLabels());
    XJ_RETURN_IF_ERROR(store_->UpdateAssetClassLabels(labels, Now()));
    XJ_ASSIGN_OR_RETURN(std::vector<AssetClassLabel> after, store_->ListAssetClassLabels());
    auto snapshot = [](const std::vector<AssetClassLabel>& ls) {
      nlohmann::ordered_json j = nlohmann::ordered_json::object();
      for (const AssetClassLabel& l : ls) j[std::string(AssetClassName(l.asset_class))] = l.label;
      return j.dump();
    };
    return AppendAudit(actor, "asset_class.labels", "asset_class_labels", "all", "", snapshot(before), snapshot(after));
  }));
  return store_->ListAssetClassLabels();
}

Result<AssetPlan> App::SetAssetPlan(const Actor& actor, const std::string& asset_code, const AssetPlan& request) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kWriteProjects));
  std::lock_guard write(write_mu_);
  AssetPlan plan = request;
  XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(Asset asset, FindAssetInScope(actor, Action::kWriteProjects, asset_code));
    plan.asset_code = asset_code;
    XJ_RETURN_IF_ERROR(CheckAssetPlan(asset, plan));
    plan.updated_by = actor.username;
    plan.updated_at = Now();
    XJ_ASSIGN_OR_RETURN(std::vector<AssetPlan> plans, store_->ListAssetPlans());
    std::string before;
    for (const AssetPlan& p : plans) {
      if (p.asset_code == asset_code) before = PlanJson(p).dump();
    }
    XJ_RETURN_IF_ERROR(store_->UpsertAssetPlan(plan));
    return AppendAudit(actor, "asset.plan", "asset", asset_code, asset.region_code, before, PlanJson(plan).dump());
  }));
  return plan;
}

Result<AssetIncome> App::RecordAssetIncome(const Actor& actor, const std::string& asset_code,
                                           const AssetIncome& request) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kWriteProjects));
  std::lock_guard write(write_mu_);
  AssetIncome income = request;
  XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(Asset asset, FindAssetInScope(actor, Action::kWriteProjects, asset_code));
    income.asset_code = asset_code;
    XJ_RETURN_IF_ERROR(CheckAssetIncome(asset, income));
    income.created_by = actor.username;
    income.created_at = Now();
    XJ_ASSIGN_OR_RETURN(income.id, store_->InsertAssetIncome(income));
    return AppendAudit(actor, "asset.income", "asset", asset_code, asset.region_code, "", IncomeJson(income).dump());
  }));
  return income;
}

Result<std::vector<AssetIncome>> App::AssetIncomes(const Actor& actor, const std::string& asset_code) const {
  XJ_ASSIGN_OR_RETURN(Asset asset, FindAssetInScope(actor, Action::kRead, asset_code));
  return store_->ListAssetIncomes(asset.asset_code, std::nullopt, std::nullopt);
}

Result<std::vector<AssetYield>> App::AssetYields(const Actor& actor, const AssetYieldQuery& query) const {
  const std::string& within = query.region_code.empty() ? actor.region_code : query.region_code;
  if (within.empty()) {
    XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kRead));
  } else {
    XJ_RETURN_IF_ERROR(Authorize(actor, Action::kRead, within));
  }
  if (query.from && query.to && *query.to < *query.from) {
    return Status::InvalidArgument("起始日期晚于截止日期").WithReason("bad_period");
  }
  auto tree = regions();
  const RegionIndex root = within.empty() ? kNoRegion : tree->Find(within);
  XJ_ASSIGN_OR_RETURN(std::vector<Asset> assets, store_->FindAssets(""));
  XJ_ASSIGN_OR_RETURN(std::vector<AssetPlan> plans, store_->ListAssetPlans());
  XJ_ASSIGN_OR_RETURN(std::vector<AssetIncome> incomes, store_->ListAssetIncomes("", query.from, query.to));
  std::map<std::string, const AssetPlan*> plan_of;
  for (const AssetPlan& p : plans) plan_of[p.asset_code] = &p;
  std::map<std::string, std::vector<AssetIncome>> incomes_of;
  for (const AssetIncome& i : incomes) incomes_of[i.asset_code].push_back(i);
  std::vector<AssetYield> out;
  for (const Asset& a : assets) {
    if (a.type != AssetType::kOperating || a.status == "disposed") continue;
    const RegionIndex at = tree->Find(a.region_code);
    if (at == kNoRegion || (root != kNoRegion && !tree->Contains(root, at)) || !InScope(actor, a.region_code)) {
      continue;
    }
    AssetYield y = YieldOf(a, incomes_of[a.asset_code]);
    if (auto p = plan_of.find(a.asset_code); p != plan_of.end()) y.plan = *p->second;
    if (query.attention_only && !y.attention()) continue;
    out.push_back(std::move(y));
  }
  return out;
}

}  // namespace xj
