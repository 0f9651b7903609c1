#include "domain/asset_plan.hpp"

#include <array>

namespace xj {
namespace {

struct ClassInfo {
  AssetClass asset_class;
  std::string_view name, label;
};
constexpr std::array<ClassInfo, 4> kClasses = {{
    {AssetClass::kConsolidate, "consolidate", "巩固"},
    {AssetClass::kUpgrade, "upgrade", "提升"},
    {AssetClass::kRevitalize, "revitalize", "盘活"},
    {AssetClass::kRestart, "restart", "另起炉灶"},
}};

constexpr std::size_t kMaxPlanText = 2000;

Status NotOperating(const Asset& a) {
  return Status::InvalidArgument("资产 " + a.asset_code + " 不是经营性资产").WithReason("not_operating");
}

}  // namespace

std::string_view AssetClassName(AssetClass c) {
  for (const ClassInfo& i : kClasses) {
    if (i.asset_class == c) return i.name;
  }
  return "consolidate";
}

std::optional<AssetClass> ParseAssetClass(std::string_view name) {
  for (const ClassInfo& i : kClasses) {
    if (i.name == name) return i.asset_class;
  }
  return std::nullopt;
}

std::string_view DefaultAssetClassLabel(AssetClass c) {
  for (const ClassInfo& i : kClasses) {
    if (i.asset_class == c) return i.label;
  }
  return "";
}

Status CheckAssetPlan(const Asset& asset, const AssetPlan& plan) {
  if (asset.type != AssetType::kOperating) return NotOperating(asset);
  if (plan.plan.empty() || plan.plan.size() > kMaxPlanText) {
    return Status::InvalidArgument("处置计划不能为空，且不超过 2000 字节").WithReason("bad_plan");
  }
  return Status::Ok();
}

Status CheckAssetIncome(const Asset& asset, const AssetIncome& income) {
  if (asset.type != AssetType::kOperating) return NotOperating(asset);
  if (income.amount_fen == 0) return Status::InvalidArgument("收益金额不能为 0").WithReason("zero_income");
  if (!income.distribution.empty() && (!income.decided_on || income.decision.empty())) {
    return Status::InvalidArgument("收益分配须记录村民会议的决议日期和决议内容").WithReason("decision_required");
  }
  if (income.distribution.size() > kMaxPlanText || income.decision.size() > kMaxPlanText) {
    return Status::InvalidArgument("收益分配方案和决议不超过 2000 字节").WithReason("text_too_long");
  }
  return Status::Ok();
}

AssetYield YieldOf(const Asset& asset, const std::vector<AssetIncome>& incomes) {
  AssetYield y;
  y.asset = asset;
  for (const AssetIncome& i : incomes) {
    y.income_fen += i.amount_fen;
    ++y.incomes;
  }
  y.yield = Ratio{y.income_fen, asset.current_value.value()};
  y.idle = asset.status == "idle";
  y.loss = y.income_fen < 0;
  y.no_income = y.incomes == 0;
  return y;
}

}  // namespace xj
