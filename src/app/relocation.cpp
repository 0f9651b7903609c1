// Relocation support (易地扶贫搬迁后续扶持, issue #20 point 5, docs/definitions.md §13): sites, relocated
// households with the head's ID number encrypted and counted by its blind index (as the work-relief
// roster), subsidies computed from the standard in force on their basis date for the site's region
// (nearest owning region up the tree, PolicySet) and their payment; the roll-up per region and period.
#include <map>

#include "app/app.hpp"

namespace xj {
namespace {

/// The most members a household may declare: beyond it the number is a typing error.
constexpr std::int64_t kMaxMembers = 50;
/// The longest name or code accepted, in bytes.
constexpr std::size_t kMaxText = 200;

RelocationHouseholdView HouseholdViewOf(const StoredRelocationHousehold& h) {
  RelocationHouseholdView v;
  v.id = h.id;
  v.site_code = h.site_code;
  v.region_code = h.region_code;
  v.origin_village = h.origin_village;
  v.head_name = h.head_name;
  v.members = h.members;
  v.household_status = h.household_status;
  v.moved_in_on = h.moved_in_on;
  return v;
}

nlohmann::json SiteJson(const RelocationSite& s) {
  return {{"site_code", s.site_code},
          {"name", s.name},
          {"region_code", s.region_code},
          {"kind", SiteKindName(s.kind)},
          {"planned_households", s.planned_households},
          {"planned_persons", s.planned_persons}};
}

nlohmann::json SubsidyJson(const RelocationSubsidy& s) {
  nlohmann::json j = {
      {"household_id", s.household_id}, {"kind", SubsidyKindName(s.kind)}, {"basis_on", s.basis_on.ToString()},
      {"persons", s.persons},           {"standard_fen", s.standard_fen},  {"raise_bp", s.raise_bp},
      {"unit_fen", s.unit_fen},         {"amount_fen", s.amount_fen},      {"state", SubsidyStateName(s.state)}};
  if (s.paid_on) {
    j["paid_on"] = s.paid_on->ToString();
    j["paid_fen"] = s.paid_fen;
    j["method"] = s.method;
  }
  return j;
}

}  // namespace

Result<RelocationSite> App::SaveRelocationSite(const Actor& actor, const RelocationSite& site) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kWriteRelocation));
  if (std::string why = CheckRelocationSite(site); !why.empty()) {
    return Status::InvalidArgument(why == "bad_plan" ? "规划户数、人数不能为负，且人数不少于户数"
                                                     : "安置点须有编码和名称")
        .WithReason(why);
  }
  if (site.site_code.size() > kMaxText || site.name.size() > kMaxText) {
    return Status::InvalidArgument("安置点编码和名称不超过 200 字节").WithReason("text_too_long");
  }
  auto tree = regions();
  const RegionIndex at = tree->Find(site.region_code);
  if (at == kNoRegion) return Status::NotFound("区划不存在：" + site.region_code).WithReason("unknown_region");
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kWriteRelocation, site.region_code));
  if (tree->node(at).region.level < RegionLevel::kCounty) {
    return Status::InvalidArgument("安置点应属于县、乡镇或村").WithReason("bad_region_level");
  }
  std::lock_guard write(write_mu_);
  XJ_ASSIGN_OR_RETURN(std::vector<RelocationSite> sites, store_->ListRelocationSites());
  const RelocationSite* before = nullptr;
  for (const RelocationSite& s : sites) {
    if (s.site_code == site.site_code) before = &s;
  }
  RelocationSite saved = site;
  saved.updated_at = Now();
  saved.created_at = before ? before->created_at : saved.updated_at;
  if (before) XJ_RETURN_IF_ERROR(Authorize(actor, Action::kWriteRelocation, before->region_code));
  // Households and claims carry their site's region (scope, summary, the standard in force): a site
  // with households stays where it is (docs/definitions.md §13).
  if (before && before->region_code != saved.region_code) {
    XJ_ASSIGN_OR_RETURN(std::vector<StoredRelocationHousehold> households, store_->ListRelocationHouseholds());
    for (const StoredRelocationHousehold& h : households) {
      if (h.site_code == saved.site_code) {
        return Status::Conflict("安置点已有搬迁户，不能改变所属区划：" + saved.site_code)
            .WithReason("site_has_households");
      }
    }
  }
  XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
    XJ_RETURN_IF_ERROR(store_->UpsertRelocationSite(saved));
    return AppendAudit(actor, "relocation_site.save", "relocation_site", saved.site_code, saved.region_code,
                       before ? SiteJson(*before).dump() : "", SiteJson(saved).dump());
  }));
  return saved;
}

Result<std::vector<RelocationSite>> App::RelocationSites(const Actor& actor, const std::string& region_code) const {
  const std::string code = region_code.empty() ? actor.region_code : region_code;
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kRead, code));
  auto tree = regions();
  const RegionIndex root = code.empty() ? kNoRegion : tree->Find(code);
  XJ_ASSIGN_OR_RETURN(std::vector<RelocationSite> sites, store_->ListRelocationSites());
  std::vector<RelocationSite> out;
  for (RelocationSite& s : sites) {
    const RegionIndex i = tree->Find(s.region_code);
    if (i == kNoRegion || (root != kNoRegion && !tree->Contains(root, i))) continue;
    out.push_back(std::move(s));
  }
  return out;
}

Result<RelocationHouseholdView> App::AddRelocationHousehold(const Actor& actor, const NewRelocationHousehold& h) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kWriteRelocation));
  if (h.head_name.empty() || h.head_name.size() > kMaxText) {
    return Status::InvalidArgument("户主姓名不能为空，且不超过 200 字节").WithReason("bad_name");
  }
  const std::optional<std::string> id = NormalizeIdNumber(h.id_number);
  if (!id) {
    return Status::InvalidArgument("身份证号应为 18 位（17 位数字加一位数字或 X）").WithReason("bad_id_number");
  }
  if (h.members < 1 || h.members > kMaxMembers) {
    return Status::InvalidArgument("家庭人口应在 1 到 50 之间").WithReason("bad_members");
  }
  if (!h.moved_in_on) return Status::InvalidArgument("缺少搬迁入住日期 moved_in_on").WithReason("bad_date");
  if (h.origin_village.size() > kMaxText) {
    return Status::InvalidArgument("迁出村不超过 200 字节").WithReason("text_too_long");
  }
  XJ_ASSIGN_OR_RETURN(std::vector<RelocationSite> sites, store_->ListRelocationSites());
  const RelocationSite* site = nullptr;
  for (const RelocationSite& s : sites) {
    if (s.site_code == h.site_code) site = &s;
  }
  if (!site) return Status::NotFound("安置点不存在：" + h.site_code).WithReason("unknown_site");
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kWriteRelocation, site->region_code));
  XJ_ASSIGN_OR_RETURN(crypto::DataKeys keys, PersonalDataKeys());
  StoredRelocationHousehold row;
  row.site_code = site->site_code;
  row.region_code = site->region_code;
  row.origin_village = h.origin_village;
  row.head_name = h.head_name;
  row.person_index = crypto::BlindIndex(keys, *id);
  row.id_cipher = crypto::EncryptField(keys, *id);
  row.members = h.members;
  row.household_status = h.household_status;
  row.moved_in_on = *h.moved_in_on;
  row.created_by = actor.username;
  row.created_at = Now();
  std::lock_guard write(write_mu_);
  XJ_ASSIGN_OR_RETURN(std::vector<StoredRelocationHousehold> stored, store_->ListRelocationHouseholds());
  for (const StoredRelocationHousehold& s : stored) {
    if (s.person_index == row.person_index) {
      // Said without naming where: the other household may lie outside the caller's scope.
      return Status::AlreadyExists("此户主已登记为搬迁户").WithReason("duplicate_household");
    }
  }
  XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(row.id, store_->InsertRelocationHousehold(row));
    // The audit names the household and the head's blind index, never the number itself.
    const nlohmann::json after = {{"site_code", row.site_code},
                                  {"person_index", row.person_index.substr(0, 16)},
                                  {"members", row.members},
                                  {"household_status", HouseholdStatusName(row.household_status)},
                                  {"moved_in_on", row.moved_in_on.ToString()}};
    return AppendAudit(actor, "relocation_household.create", "relocation_household", std::to_string(row.id),
                       row.region_code, "", after.dump());
  }));
  RelocationHouseholdView v = HouseholdViewOf(row);
  v.id_number = MaskNumber(*id);
  return v;
}

Result<std::vector<RelocationHouseholdView>> App::RelocationHouseholds(const Actor& actor,
                                                                       const RelocationHouseholdQuery& query,
                                                                       bool unmasked) {
  const std::string code = query.region_code.empty() ? actor.region_code : query.region_code;
  XJ_RETURN_IF_ERROR(Authorize(actor, unmasked ? Action::kReadPersonalData : Action::kRead, code));
  XJ_ASSIGN_OR_RETURN(crypto::DataKeys keys, PersonalDataKeys());
  auto tree = regions();
  const RegionIndex root = code.empty() ? kNoRegion : tree->Find(code);
  XJ_ASSIGN_OR_RETURN(std::vector<StoredRelocationHousehold> rows, store_->ListRelocationHouseholds());
  std::vector<RelocationHouseholdView> out;
  for (const StoredRelocationHousehold& h : rows) {
    if (!query.site_code.empty() && h.site_code != query.site_code) continue;
    const RegionIndex i = tree->Find(h.region_code);
    if (i == kNoRegion || (root != kNoRegion && !tree->Contains(root, i))) continue;
    RelocationHouseholdView v = HouseholdViewOf(h);
    XJ_ASSIGN_OR_RETURN(std::string id, crypto::DecryptField(keys, h.id_cipher));
    v.masked = !unmasked;
    v.id_number = unmasked ? id : MaskNumber(id);
    out.push_back(std::move(v));
  }
  if (unmasked) {
    // Every unmasked view is audited: who saw which region's households, how many.
    std::lock_guard write(write_mu_);
    XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
      const nlohmann::json after = {{"site_code", query.site_code}, {"households", out.size()}};
      return AppendAudit(actor, "relocation_household.unmask", "region", code, code, "", after.dump());
    }));
  }
  return out;
}

Result<std::vector<SubsidyStandard>> App::RelocationStandards(const Actor& actor, const std::string& region_code,
                                                              Date date) const {
  const std::string code = region_code.empty() ? actor.region_code : region_code;
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kRead, code));
  auto tree = regions();
  const std::vector<std::string> chain = tree->CodesToRoot(code.empty() ? kNoRegion : tree->Find(code));
  std::shared_lock lock(state_mu_);
  std::vector<SubsidyStandard> out;
  for (SubsidyKind k : kAllSubsidyKinds) out.push_back(StandardOn(engine_->policy(), k, chain, date));
  return out;
}

Result<RelocationSubsidy> App::ComputeRelocationSubsidy(const Actor& actor, const SubsidyRequest& request) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kWriteRelocation));
  if (!request.basis_on) return Status::InvalidArgument("缺少测算基准日 basis_on").WithReason("bad_date");
  XJ_ASSIGN_OR_RETURN(std::vector<StoredRelocationHousehold> households, store_->ListRelocationHouseholds());
  const StoredRelocationHousehold* h = nullptr;
  for (const StoredRelocationHousehold& s : households) {
    if (s.id == request.household_id) h = &s;
  }
  if (!h) {
    return Status::NotFound("搬迁户不存在：" + std::to_string(request.household_id)).WithReason("unknown_household");
  }
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kWriteRelocation, h->region_code));
  if (*request.basis_on < h->moved_in_on) {
    return Status::InvalidArgument("测算基准日早于该户搬迁入住日期 " + h->moved_in_on.ToString())
        .WithReason("before_move_in");
  }
  const std::int64_t persons =
      BasisOf(request.kind) == SubsidyBasis::kPerHousehold ? h->members : request.persons.value_or(h->members);
  if (persons < 1 || persons > h->members) {
    return Status::InvalidArgument("享受人数应在 1 到该户人口 " + std::to_string(h->members) + " 之间")
        .WithReason("bad_persons");
  }
  auto tree = regions();
  const std::vector<std::string> chain = tree->CodesToRoot(tree->Find(h->region_code));
  SubsidyStandard standard;
  {
    std::shared_lock lock(state_mu_);
    standard = StandardOn(engine_->policy(), request.kind, chain, *request.basis_on);
  }
  RelocationSubsidy s;
  s.household_id = h->id;
  s.region_code = h->region_code;
  s.kind = request.kind;
  s.basis_on = *request.basis_on;
  s.persons = persons;
  s.standard_fen = standard.standard_fen;
  s.raise_bp = standard.raise_bp;
  s.unit_fen = standard.unit_fen;
  s.amount_fen = SubsidyAmountFen(standard, persons);
  s.created_by = actor.username;
  s.created_at = Now();
  s.updated_at = s.created_at;
  std::lock_guard write(write_mu_);
  XJ_ASSIGN_OR_RETURN(std::vector<RelocationSubsidy> claims, store_->ListRelocationSubsidies(h->id));
  for (const RelocationSubsidy& c : claims) {
    if (c.kind == s.kind && c.basis_on == s.basis_on) {
      return Status::AlreadyExists("该户同一类别、同一基准日的补贴已测算（编号 " + std::to_string(c.id) + "）")
          .WithReason("duplicate_claim");
    }
  }
  XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(s.id, store_->InsertRelocationSubsidy(s));
    return AppendAudit(actor, "relocation_subsidy.compute", "relocation_subsidy", std::to_string(s.id), s.region_code,
                       "", SubsidyJson(s).dump());
  }));
  return s;
}

Result<RelocationSubsidy> App::PayRelocationSubsidy(const Actor& actor, std::int64_t id,
                                                    const SubsidyPayment& payment) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kPayRelocationSubsidy));
  if (!payment.paid_on) return Status::InvalidArgument("缺少发放日期 paid_on").WithReason("bad_date");
  const std::optional<std::string> method = ParseWageMethod(payment.method);
  if (!method) return Status::InvalidArgument("发放方式应为 bank|cash|other").WithReason("bad_method");
  std::lock_guard write(write_mu_);
  XJ_ASSIGN_OR_RETURN(std::vector<RelocationSubsidy> claims, store_->ListRelocationSubsidies(0));
  std::optional<RelocationSubsidy> found;
  for (RelocationSubsidy& c : claims) {
    if (c.id == id) found = std::move(c);
  }
  if (!found) return Status::NotFound("补贴不存在：" + std::to_string(id)).WithReason("unknown_subsidy");
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kPayRelocationSubsidy, found->region_code));
  if (found->state == SubsidyState::kPaid) {
    return Status::Conflict("该补贴已于 " + (found->paid_on ? found->paid_on->ToString() : std::string("此前")) +
                            " 发放")
        .WithReason("already_paid");
  }
  if (payment.paid_fen != found->amount_fen) {
    return Status::InvalidArgument("发放金额应等于测算金额 " + std::to_string(found->amount_fen) + " 分")
        .WithReason("amount_mismatch");
  }
  if (*payment.paid_on < found->basis_on) {
    return Status::InvalidArgument("发放日期早于测算基准日 " + found->basis_on.ToString())
        .WithReason("paid_before_basis");
  }
  const RelocationSubsidy before = *found;
  found->state = SubsidyState::kPaid;
  found->paid_on = payment.paid_on;
  found->paid_fen = payment.paid_fen;
  found->method = *method;
  found->paid_by = actor.username;
  found->updated_at = Now();
  XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(bool paid, store_->PayRelocationSubsidy(id, *found->paid_on, found->paid_fen, found->method,
                                                                found->paid_by, found->updated_at));
    if (!paid) return Status::Conflict("该补贴已发放").WithReason("already_paid");
    return AppendAudit(actor, "relocation_subsidy.pay", "relocation_subsidy", std::to_string(id), found->region_code,
                       SubsidyJson(before).dump(), SubsidyJson(*found).dump());
  }));
  return *found;
}

Result<std::vector<RelocationSubsidy>> App::RelocationSubsidies(const Actor& actor, const std::string& region_code,
                                                                std::int64_t household_id) const {
  const std::string code = region_code.empty() ? actor.region_code : region_code;
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kRead, code));
  auto tree = regions();
  const RegionIndex root = code.empty() ? kNoRegion : tree->Find(code);
  XJ_ASSIGN_OR_RETURN(std::vector<RelocationSubsidy> claims, store_->ListRelocationSubsidies(household_id));
  std::vector<RelocationSubsidy> out;
  for (RelocationSubsidy& c : claims) {
    const RegionIndex i = tree->Find(c.region_code);
    if (i == kNoRegion || (root != kNoRegion && !tree->Contains(root, i))) continue;
    out.push_back(std::move(c));
  }
  return out;
}

Result<RelocationSummary> App::RelocationSummaryOf(const Actor& actor, const std::string& region_code,
                                                   std::optional<Date> from, std::optional<Date> to) const {
  const std::string code = region_code.empty() ? actor.region_code : region_code;
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kRead, code));
  if (from && to && *to < *from) return Status::InvalidArgument("结束日期不能早于开始日期").WithReason("bad_period");
  auto tree = regions();
  XJ_ASSIGN_OR_RETURN(std::vector<StoredRelocationHousehold> households, store_->ListRelocationHouseholds());
  XJ_ASSIGN_OR_RETURN(std::vector<RelocationSubsidy> claims, store_->ListRelocationSubsidies(0));
  auto summary_of = [&](RegionIndex root) {
    RelocationSummary s;
    if (root != kNoRegion) {
      s.region_code = tree->node(root).region.code;
      s.region_name = tree->node(root).region.name;
    }
    s.from = from;
    s.to = to;
    auto inside = [&](const std::string& region) {
      const RegionIndex i = tree->Find(region);
      return i != kNoRegion && (root == kNoRegion || tree->Contains(root, i));
    };
    std::vector<RelocatedHouseholdFact> hs;
    for (const StoredRelocationHousehold& h : households) {
      if (inside(h.region_code)) hs.push_back({h.region_code, h.moved_in_on, h.members});
    }
    std::vector<SubsidyFact> ss;
    for (const RelocationSubsidy& c : claims) {
      if (inside(c.region_code)) ss.push_back({c.region_code, c.basis_on, c.amount_fen, c.paid_on, c.paid_fen});
    }
    s.figures = SummarizeRelocation(hs, ss, from, to);
    return s;
  };
  const RegionIndex root = code.empty() ? kNoRegion : tree->Find(code);
  RelocationSummary out = summary_of(root);
  const std::vector<RegionIndex> children = root == kNoRegion ? tree->roots() : tree->node(root).children;
  for (RegionIndex c : children) out.children.push_back(summary_of(c));
  return out;
}

}  // namespace xj
