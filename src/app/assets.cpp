// The asset register (确权资产, issue #20 point 1): assets created when a project is handed over
// (资产移交) or imported, ownership confirmed (确权) one by one, progress rolled up the region tree.
#include <map>

#include "app/app.hpp"
#include "app/asset_codec.hpp"
#include "app/import_support.hpp"
#include "io/asset_import.hpp"

namespace xj {
namespace {

std::string AssetSnapshot(const Asset& a) {
  return AssetToJson(a).dump();
}

/// The owner level of an asset owned where `level` is (a county's asset is the county's …).
OwnerLevel OwnerLevelAt(RegionLevel level) {
  switch (level) {
    case RegionLevel::kProvince: return OwnerLevel::kRegion;
    case RegionLevel::kPrefecture:
    case RegionLevel::kCounty: return OwnerLevel::kCounty;
    case RegionLevel::kTownship: return OwnerLevel::kTownship;
    case RegionLevel::kVillage: return OwnerLevel::kVillage;
  }
  return OwnerLevel::kVillage;
}

/// The industry categories (产业发展, catalogue codes 01xx) form operating assets (经营性).
bool IsIndustryCategory(const std::string& category) {
  return category.rfind("01", 0) == 0 || category.find("产业") != std::string::npos;
}

std::string FundSourcesOf(const Project& p) {
  std::string out;
  if (p.central_fund > Fen()) out = "中央衔接资金";
  if (p.other_fund > Fen()) out += std::string(out.empty() ? "" : "、") + "其他资金";
  return out;
}

}  // namespace

nlohmann::ordered_json AssetToJson(const Asset& a) {
  nlohmann::ordered_json j;
  j["asset_code"] = a.asset_code;
  j["name"] = a.name;
  j["region_code"] = a.region_code;
  j["asset_type"] = AssetTypeName(a.type);
  j["owner_level"] = OwnerLevelName(a.owner_level);
  j["owner"] = a.owner;
  j["original_value_fen"] = a.original_value.value();
  j["current_value_fen"] = a.current_value.value();
  j["location"] = a.location;
  j["operator"] = a.operator_name;
  j["custodian"] = a.custodian;
  j["project_code"] = a.project_code;
  j["fund_sources"] = a.fund_sources;
  j["status"] = a.status;
  j["registered"] = a.registered;
  j["registered_on"] =
      a.registered_on ? nlohmann::ordered_json(a.registered_on->ToString()) : nlohmann::ordered_json(nullptr);
  return j;
}

Result<ImportReport> App::ImportAssets(const Actor& actor, TableSource& source) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kWriteProjects));
  TableHeader header;
  XJ_ASSIGN_OR_RETURN(std::vector<AssetRow> rows, ReadAssetRows(source, &header));
  auto tree = regions();
  std::vector<FieldError> errors, outside;
  std::vector<Asset> assets;
  for (AssetRow& r : rows) {
    const Asset& a = r.asset;
    if (tree->Find(a.region_code) == kNoRegion) {
      errors.push_back({source.sheet(), r.row, "region_code", header.index("region_code") + 1, a.region_code,
                        "unknown_region", "区划代码不存在"});
    } else if (!InScope(actor, a.region_code)) {
      outside.push_back({source.sheet(), r.row, "region_code", header.index("region_code") + 1, a.region_code,
                         "out_of_scope", "区划不在本账户管辖范围内"});
    }
    assets.push_back(std::move(r.asset));
  }
  if (!outside.empty()) return OutOfScope(outside);
  std::vector<std::string> project_codes;
  for (const Asset& a : assets) {
    if (!a.project_code.empty()) project_codes.push_back(a.project_code);
  }
  XJ_ASSIGN_OR_RETURN(std::vector<Project> projects, store_->FindProjects(project_codes));
  std::map<std::string, std::string> project_region;
  for (const Project& p : projects) project_region[p.project_code] = p.region_code;
  for (std::size_t i = 0; i < assets.size(); ++i) {
    const Asset& a = assets[i];
    if (!a.project_code.empty() && !project_region.count(a.project_code)) {
      errors.push_back({source.sheet(), rows[i].row, "project_code", header.index("project_code") + 1, a.project_code,
                        "unknown_project", "来源项目编码不存在"});
    }
  }
  if (!errors.empty()) {
    return ImportRejected("资产", std::move(errors));
  }
  XJ_ASSIGN_OR_RETURN(ImportReport report, SaveAssets(actor, assets));
  return report;
}

Result<ImportReport> App::SaveAssets(const Actor& actor, const std::vector<Asset>& assets) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kWriteProjects));
  for (const Asset& a : assets) {
    XJ_RETURN_IF_ERROR(Authorize(actor, Action::kWriteProjects, a.region_code));
    if (a.asset_code.empty() || a.name.empty()) return Status::InvalidArgument("资产编码和资产名称不能为空");
    if (a.original_value < Fen() || a.current_value < Fen()) return Status::InvalidArgument("资产原值、现值不能为负数");
  }
  std::lock_guard write(write_mu_);
  XJ_ASSIGN_OR_RETURN(std::vector<Asset> stored_list, store_->FindAssets(""));
  std::map<std::string, const Asset*> stored;
  for (const Asset& s : stored_list) stored[s.asset_code] = &s;
  ImportReport report;
  report.kind = "assets";
  report.rows = static_cast<int>(assets.size());
  std::vector<Asset> changed;
  std::vector<std::string> keys;
  for (const Asset& a : assets) {
    auto it = stored.find(a.asset_code);
    if (it != stored.end() && *it->second == a) {
      ++report.unchanged;
      continue;
    }
    if (it != stored.end()) XJ_RETURN_IF_ERROR(Authorize(actor, Action::kWriteProjects, it->second->region_code));
    ++(it != stored.end() ? report.updated : report.inserted);
    changed.push_back(a);
    keys.push_back(a.asset_code);
  }
  if (changed.empty()) return report;
  XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
    XJ_RETURN_IF_ERROR(store_->UpsertAssets(changed, Now()));
    return AppendAudit(actor, "asset.save", "asset_batch", keys.front(), actor.region_code, "", BatchSummary(keys));
  }));
  return report;
}

Result<std::vector<Asset>> App::ListAssets(const Actor& actor, const AssetListQuery& query) const {
  XJ_RETURN_IF_ERROR(
      Authorize(actor, Action::kRead, query.region_code.empty() ? actor.region_code : query.region_code));
  auto tree = regions();
  const std::string& root_code = query.region_code.empty() ? actor.region_code : query.region_code;
  const RegionIndex root = root_code.empty() ? kNoRegion : tree->Find(root_code);
  XJ_ASSIGN_OR_RETURN(std::vector<Asset> all, store_->FindAssets(query.project_code));
  std::vector<Asset> out;
  for (Asset& a : all) {
    const RegionIndex i = tree->Find(a.region_code);
    if (root != kNoRegion && (i == kNoRegion || !tree->Contains(root, i))) continue;
    if (!InScope(actor, a.region_code)) continue;
    if (query.registered && a.registered != *query.registered) continue;
    if (query.type && a.type != *query.type) continue;
    out.push_back(std::move(a));
  }
  return out;
}

Result<Asset> App::RegisterAsset(const Actor& actor, const std::string& asset_code, Date on) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kWriteProjects));
  std::lock_guard write(write_mu_);
  XJ_ASSIGN_OR_RETURN(std::vector<Asset> all, store_->FindAssets(""));
  for (const Asset& before : all) {
    if (before.asset_code != asset_code) continue;
    XJ_RETURN_IF_ERROR(Authorize(actor, Action::kWriteProjects, before.region_code));
    if (before.registered) return Status::Conflict("资产已确权：" + asset_code);
    Asset after = before;
    after.registered = true;
    after.registered_on = on;
    XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
      XJ_RETURN_IF_ERROR(store_->UpsertAssets({after}, Now()));
      return AppendAudit(actor, "asset.register", "asset", asset_code, before.region_code, AssetSnapshot(before),
                         AssetSnapshot(after));
    }));
    return after;
  }
  return Status::NotFound("资产不存在：" + asset_code);
}

Result<AssetRegistration> App::AssetRegistrationOf(const Actor& actor, const std::string& region_code) const {
  const std::string code = region_code.empty() ? actor.region_code : region_code;
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kRead, code));
  auto tree = regions();
  XJ_ASSIGN_OR_RETURN(std::vector<Asset> all, store_->FindAssets(""));
  auto figures_of = [&](RegionIndex root) {
    AssetRegistration r;
    if (root != kNoRegion) {
      r.region_code = tree->node(root).region.code;
      r.region_name = tree->node(root).region.name;
    }
    for (AssetType t : {AssetType::kOperating, AssetType::kPublicWelfare, AssetType::kHousehold}) {
      r.by_type.push_back({t, 0, 0});
    }
    for (const Asset& a : all) {
      const RegionIndex i = tree->Find(a.region_code);
      if (i == kNoRegion || (root != kNoRegion && !tree->Contains(root, i))) continue;
      ++r.assets;
      r.value_fen += a.original_value.value();
      if (a.registered) {
        ++r.registered_assets;
        r.registered_value_fen += a.original_value.value();
      }
      for (AssetRegistration::ByType& b : r.by_type) {
        if (b.type == a.type) {
          ++b.assets;
          b.value_fen += a.original_value.value();
        }
      }
    }
    r.count_rate = Ratio{r.registered_assets, r.assets};
    r.value_rate = Ratio{r.registered_value_fen, r.value_fen};
    return r;
  };
  const RegionIndex root = code.empty() ? kNoRegion : tree->Find(code);
  AssetRegistration out = figures_of(root);
  const std::vector<RegionIndex> children = root == kNoRegion ? tree->roots() : tree->node(root).children;
  for (RegionIndex c : children) out.children.push_back(figures_of(c));
  return out;
}

Status App::CreateHandOverAssets(const Actor& actor, const Project& project, const std::vector<Asset>& requested) {
  auto tree = regions();
  std::vector<Asset> assets = requested;
  if (assets.empty()) {
    const RegionIndex i = tree->Find(project.region_code);
    Asset a;
    a.asset_code = project.project_code + "-A1";
    a.name = project.name;
    a.region_code = project.region_code;
    a.type = IsIndustryCategory(project.category) ? AssetType::kOperating : AssetType::kPublicWelfare;
    a.owner_level = i == kNoRegion ? OwnerLevel::kVillage : OwnerLevelAt(tree->node(i).region.level);
    a.owner = i == kNoRegion ? "" : tree->node(i).region.name;
    a.original_value = project.total_investment;
    a.current_value = project.total_investment;
    a.fund_sources = FundSourcesOf(project);
    assets.push_back(std::move(a));
  }
  XJ_ASSIGN_OR_RETURN(std::vector<Asset> stored, store_->FindAssets(""));
  std::vector<std::string> keys;
  const RegionIndex project_region = tree->Find(project.region_code);
  for (Asset& a : assets) {
    a.project_code = project.project_code;
    if (a.region_code.empty()) a.region_code = project.region_code;
    if (a.asset_code.empty() || a.name.empty()) {
      return Status::InvalidArgument("移交的资产须有资产编码和资产名称");
    }
    const RegionIndex i = tree->Find(a.region_code);
    if (i == kNoRegion || project_region == kNoRegion || !tree->Contains(project_region, i)) {
      return Status::InvalidArgument("资产所在区划须在项目所属区划之内：" + a.region_code);
    }
    for (const Asset& s : stored) {
      if (s.asset_code == a.asset_code) {
        return Status::AlreadyExists("资产编码已存在：" + a.asset_code);
      }
    }
    keys.push_back(a.asset_code);
  }
  XJ_RETURN_IF_ERROR(store_->UpsertAssets(assets, Now()));
  return AppendAudit(actor, "asset.hand_over", "project", project.project_code, project.region_code, "",
                     BatchSummary(keys));
}

}  // namespace xj
