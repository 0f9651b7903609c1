// Village supervisors (村级监督员, issue #18 point 4) and the monthly phone spot checks of them
// (电话抽查, point 5): the registry with the phone encrypted under the data key and found by its
// blind index (as the work-relief rosters' numbers), the reproducible draw, the calls, and the
// coverage per level (docs/definitions.md §9 "Phone spot checks").
#include <algorithm>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "app/app.hpp"
#include "app/dispatch.hpp"
#include "core/timestamp.hpp"
#include "domain/input_limits.hpp"
#include "domain/work_relief.hpp"

namespace xj {
namespace {

constexpr std::string_view kActive = "active";
constexpr std::string_view kInactive = "inactive";
/// Longest supervisor name and call note, in characters.
constexpr std::size_t kMaxSupervisorNameChars = 50;
constexpr std::size_t kMaxNoteChars = 1000;

bool IsStatus(std::string_view s) {
  return s == kActive || s == kInactive;
}

Status BadStatus(const std::string& status) {
  return Status::InvalidArgument("监督员状态应为 active 或 inactive：" + status).WithReason("bad_status");
}

/// The draw's month as its first day: bad_month when it is not YYYY-MM.
Result<Date> MonthOf(const std::string& month) {
  auto first = ParseMonth(month);
  if (!first.ok()) return Status::InvalidArgument(first.status().message()).WithReason("bad_month");
  return *first;
}

std::string NameOf(const RegionTree& tree, const std::string& code) {
  const RegionIndex i = tree.Find(code);
  return i == kNoRegion ? std::string() : tree.node(i).region.name;
}

bool IsDrawingLevel(RegionLevel level) {
  return level == RegionLevel::kProvince || level == RegionLevel::kPrefecture || level == RegionLevel::kCounty;
}

}  // namespace

namespace {

/// The view of a stored supervisor, its phone decrypted and masked unless `unmasked`.
Result<VillageSupervisorView> ViewOfSupervisor(const VillageSupervisorRecord& r, const RegionTree& tree,
                                               const crypto::DataKeys& keys, bool unmasked) {
  VillageSupervisorView v;
  v.id = r.id;
  v.region_code = r.region_code;
  v.region_name = NameOf(tree, r.region_code);
  v.name = r.name;
  XJ_ASSIGN_OR_RETURN(std::string phone, crypto::DecryptField(keys, r.phone_cipher));
  v.masked = !unmasked;
  v.phone = unmasked ? phone : MaskNumber(phone);
  v.status = r.status;
  v.created_by = r.created_by;
  v.created_at = r.created_at;
  v.updated_at = r.updated_at;
  return v;
}

}  // namespace

Result<VillageSupervisorView> App::AddVillageSupervisor(const Actor& actor, const NewVillageSupervisor& request) {
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kManageVillageSupervisors, request.region_code));
  auto tree = regions();
  const RegionIndex village = tree->Find(request.region_code);
  if (request.region_code.empty() || village == kNoRegion ||
      tree->node(village).region.level != RegionLevel::kVillage) {
    return Status::InvalidArgument("村级监督员须登记在村（社区）一级的区划：" + request.region_code)
        .WithReason("not_a_village");
  }
  if (request.name.empty() || Utf8Chars(request.name) > kMaxSupervisorNameChars) {
    return Status::InvalidArgument("监督员姓名不能为空，且不超过 " + std::to_string(kMaxSupervisorNameChars) + " 个字")
        .WithReason("bad_supervisor");
  }
  const auto phone = NormalizePhone(request.phone);
  if (!phone) return Status::InvalidArgument("联系电话应为 7–20 位数字（可含 +、- 和空格）").WithReason("bad_phone");
  const std::string status = request.status.empty() ? std::string(kActive) : request.status;
  if (!IsStatus(status)) return BadStatus(status);
  XJ_ASSIGN_OR_RETURN(crypto::DataKeys keys, PersonalDataKeys());

  VillageSupervisorRecord rec;
  rec.region_code = request.region_code;
  rec.name = request.name;
  rec.phone_cipher = crypto::EncryptField(keys, *phone);
  rec.phone_index = crypto::BlindIndex(keys, *phone);
  rec.status = status;
  rec.created_by = actor.username;
  rec.created_at = Now();
  rec.updated_at = rec.created_at;
  std::lock_guard write(write_mu_);
  XJ_ASSIGN_OR_RETURN(std::vector<VillageSupervisorRecord> all, store_->ListVillageSupervisors());
  for (const VillageSupervisorRecord& r : all) {
    if (r.region_code == rec.region_code && r.phone_index == rec.phone_index) {
      return Status::AlreadyExists("该村已登记此电话号码的监督员（编号 " + std::to_string(r.id) + "）")
          .WithReason("duplicate_supervisor");
    }
  }
  XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(rec.id, store_->InsertVillageSupervisor(rec));
    // The audit trail never holds the number: only its masked form.
    const nlohmann::json after = {{"name", rec.name}, {"phone", MaskNumber(*phone)}, {"status", rec.status}};
    return AppendAudit(actor, "village_supervisor.add", "village_supervisor", std::to_string(rec.id), rec.region_code,
                       "", after.dump());
  }));
  return ViewOfSupervisor(rec, *tree, keys, false);
}

Result<VillageSupervisorPage> App::ListVillageSupervisors(const Actor& actor, const VillageSupervisorQuery& query) {
  const std::string& region = query.region_code.empty() ? actor.region_code : query.region_code;
  XJ_RETURN_IF_ERROR(Authorize(actor, query.unmasked ? Action::kReadPersonalData : Action::kRead, region));
  if (!query.status.empty() && !IsStatus(query.status)) return BadStatus(query.status);
  auto tree = regions();
  const RegionIndex root = region.empty() ? kNoRegion : tree->Find(region);
  XJ_ASSIGN_OR_RETURN(std::vector<VillageSupervisorRecord> all, store_->ListVillageSupervisors());
  std::vector<const VillageSupervisorRecord*> matching;
  for (const VillageSupervisorRecord& r : all) {
    const RegionIndex i = tree->Find(r.region_code);
    if (i == kNoRegion || (root != kNoRegion && !tree->Contains(root, i))) continue;
    if (!query.status.empty() && r.status != query.status) continue;
    matching.push_back(&r);
  }
  XJ_ASSIGN_OR_RETURN(crypto::DataKeys keys, PersonalDataKeys());
  VillageSupervisorPage page;
  page.total = static_cast<std::int64_t>(matching.size());
  const std::size_t size = static_cast<std::size_t>(std::max(1, query.page_size));
  const std::size_t first = static_cast<std::size_t>(std::max(1, query.page) - 1) * size;
  for (std::size_t n = first; n < matching.size() && n < first + size; ++n) {
    XJ_ASSIGN_OR_RETURN(VillageSupervisorView v, ViewOfSupervisor(*matching[n], *tree, keys, query.unmasked));
    page.items.push_back(std::move(v));
  }
  if (query.unmasked) {
    std::lock_guard write(write_mu_);
    XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
      return AppendAudit(actor, "village_supervisor.unmask", "region", region, region, "",
                         "{\"persons\":" + std::to_string(page.items.size()) + "}");
    }));
  }
  return page;
}

Result<VillageSupervisorView> App::SetVillageSupervisorStatus(const Actor& actor, std::int64_t id,
                                                              const std::string& status) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kManageVillageSupervisors));
  if (!IsStatus(status)) return BadStatus(status);
  XJ_ASSIGN_OR_RETURN(crypto::DataKeys keys, PersonalDataKeys());
  auto tree = regions();
  std::lock_guard write(write_mu_);
  XJ_ASSIGN_OR_RETURN(std::optional<VillageSupervisorRecord> rec, store_->FindVillageSupervisor(id));
  if (!rec) return Status::NotFound("村级监督员不存在：" + std::to_string(id));
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kManageVillageSupervisors, rec->region_code));
  const std::string before = rec->status;
  rec->status = status;
  rec->updated_at = Now();
  XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
    XJ_RETURN_IF_ERROR(store_->UpdateVillageSupervisorStatus(id, status, rec->updated_at));
    return AppendAudit(actor, "village_supervisor.status", "village_supervisor", std::to_string(id), rec->region_code,
                       nlohmann::json{{"status", before}}.dump(), nlohmann::json{{"status", status}}.dump());
  }));
  return ViewOfSupervisor(*rec, *tree, keys, false);
}

namespace {

/// The view of a draw: its sample's supervisors (from `by_id`) in draw order and, when given, its calls.
Result<SpotCheckView> ViewOfCheck(const SpotCheckRecord& r, const RegionTree& tree,
                                  const std::map<std::int64_t, const VillageSupervisorRecord*>& by_id,
                                  const crypto::DataKeys& keys, bool unmasked, std::vector<SpotCheckCall> calls) {
  SpotCheckView v;
  v.id = r.id;
  v.region_code = r.region_code;
  const RegionIndex i = tree.Find(r.region_code);
  v.region_name = i == kNoRegion ? std::string() : tree.node(i).region.name;
  if (i != kNoRegion) v.level = tree.node(i).region.level;
  v.month = r.month;
  v.seed = r.seed;
  v.pool_size = r.pool_size;
  v.sample_size = r.sample_size;
  v.created_by = r.created_by;
  v.created_at = r.created_at;
  for (std::int64_t id : r.sample) {
    auto it = by_id.find(id);
    if (it == by_id.end())
      return Status::Internal("抽查 " + std::to_string(r.id) + " 的样本监督员不存在：" + std::to_string(id));
    SampledSupervisor s;
    XJ_ASSIGN_OR_RETURN(s.supervisor, ViewOfSupervisor(*it->second, tree, keys, unmasked));
    for (const SpotCheckCall& c : calls) {
      if (c.supervisor_id != id) continue;
      s.called = true;
      s.reached = s.reached || c.reached;
    }
    v.sample.push_back(std::move(s));
  }
  v.calls = std::move(calls);
  return v;
}

std::map<std::int64_t, const VillageSupervisorRecord*> ById(const std::vector<VillageSupervisorRecord>& all) {
  std::map<std::int64_t, const VillageSupervisorRecord*> out;
  for (const VillageSupervisorRecord& r : all) out.emplace(r.id, &r);
  return out;
}

}  // namespace

Result<SpotCheckView> App::DrawSpotCheck(const Actor& actor, const NewSpotCheck& request) {
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kSpotCheck, request.region_code));
  auto tree = regions();
  const RegionIndex root = tree->Find(request.region_code);
  if (request.region_code.empty() || root == kNoRegion || !IsDrawingLevel(tree->node(root).region.level)) {
    return Status::InvalidArgument("电话抽查由自治区、地市或县级区划开展：" + request.region_code)
        .WithReason("bad_level");
  }
  XJ_ASSIGN_OR_RETURN(Date first, MonthOf(request.month));
  const Date today = Today();
  if (first > Date::FromYmd(today.year(), today.month(), 1)) {
    return Status::InvalidArgument("不能为未来月份抽签：" + request.month).WithReason("future_month");
  }
  std::uint64_t seed = 0;
  if (request.seed.empty()) {
    seed = *ParseSeed(crypto::RandomHex(8));
  } else if (auto parsed = ParseSeed(request.seed)) {
    seed = *parsed;
  } else {
    return Status::InvalidArgument("随机种子应为 1–16 位十六进制数字：" + request.seed).WithReason("bad_seed");
  }
  std::int64_t rate_bp = 0, min_calls = 0;
  {
    std::shared_lock lock(state_mu_);
    const std::vector<std::string> chain = tree->CodesToRoot(root);
    rate_bp = engine_->policy().ValueIn(PolicyKey::kSpotCheckSampleRateBp, chain, first);
    min_calls = engine_->policy().ValueIn(PolicyKey::kSpotCheckMinCalls, chain, first);
  }
  XJ_ASSIGN_OR_RETURN(crypto::DataKeys keys, PersonalDataKeys());

  std::lock_guard write(write_mu_);
  XJ_ASSIGN_OR_RETURN(std::vector<SpotCheckRecord> month_checks, store_->ListSpotChecks(request.month));
  for (const SpotCheckRecord& c : month_checks) {
    if (c.region_code == request.region_code) {
      return Status::AlreadyExists(request.region_code + " 已于 " + request.month + " 抽签（抽查编号 " +
                                   std::to_string(c.id) + "）")
          .WithReason("spot_check_exists");
    }
  }
  // The pool: active village supervisors of the subtree, by id (ListVillageSupervisors' order).
  XJ_ASSIGN_OR_RETURN(std::vector<VillageSupervisorRecord> all, store_->ListVillageSupervisors());
  std::vector<std::int64_t> pool;
  for (const VillageSupervisorRecord& r : all) {
    const RegionIndex i = tree->Find(r.region_code);
    if (r.status == kActive && i != kNoRegion && tree->Contains(root, i)) pool.push_back(r.id);
  }
  std::sort(pool.begin(), pool.end());
  SpotCheckRecord rec;
  rec.region_code = request.region_code;
  rec.month = request.month;
  rec.seed = FormatSeed(seed);
  rec.pool_size = static_cast<std::int64_t>(pool.size());
  rec.sample_size = SpotCheckSampleSize(rec.pool_size, rate_bp, min_calls);
  rec.sample = DrawSample(seed, pool, static_cast<std::size_t>(rec.sample_size));
  rec.created_by = actor.username;
  rec.created_at = Now();
  XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(rec.id, store_->InsertSpotCheck(rec));
    const nlohmann::json after = {{"month", rec.month},
                                  {"seed", rec.seed},
                                  {"pool_size", rec.pool_size},
                                  {"sample_size", rec.sample_size},
                                  {"sample", rec.sample}};
    return AppendAudit(actor, "spot_check.draw", "spot_check", std::to_string(rec.id), rec.region_code, "",
                       after.dump());
  }));
  return ViewOfCheck(rec, *tree, ById(all), keys, false, {});
}

Result<SpotCheckView> App::GetSpotCheck(const Actor& actor, std::int64_t id, bool unmasked) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kRead));
  XJ_ASSIGN_OR_RETURN(std::optional<SpotCheckRecord> rec, store_->FindSpotCheck(id));
  if (!rec) return Status::NotFound("电话抽查不存在：" + std::to_string(id));
  XJ_ASSIGN_OR_RETURN(std::vector<VillageSupervisorRecord> all, store_->ListVillageSupervisors());
  const auto by_id = ById(all);
  XJ_ASSIGN_OR_RETURN(std::vector<SpotCheckCall> calls, store_->ListSpotCheckCalls(id, ""));
  // The caller of the sample needs the numbers: the spot-checker, or a role that may see personal data.
  const Action action = !unmasked                                 ? Action::kRead
                        : RoleMay(actor.role, Action::kSpotCheck) ? Action::kSpotCheck
                                                                  : Action::kReadPersonalData;
  XJ_RETURN_IF_ERROR(Authorize(actor, action, rec->region_code));
  XJ_ASSIGN_OR_RETURN(crypto::DataKeys keys, PersonalDataKeys());
  auto tree = regions();
  XJ_ASSIGN_OR_RETURN(SpotCheckView view, ViewOfCheck(*rec, *tree, by_id, keys, unmasked, std::move(calls)));
  if (unmasked) {
    std::lock_guard write(write_mu_);
    XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
      return AppendAudit(actor, "spot_check.unmask", "spot_check", std::to_string(id), rec->region_code, "",
                         "{\"persons\":" + std::to_string(view.sample.size()) + "}");
    }));
  }
  return view;
}

Result<std::vector<SpotCheckView>> App::ListSpotChecks(const Actor& actor, const std::string& region_code,
                                                       const std::string& month) {
  const std::string& region = region_code.empty() ? actor.region_code : region_code;
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kRead, region));
  if (!month.empty()) XJ_RETURN_IF_ERROR(MonthOf(month).status());
  auto tree = regions();
  const RegionIndex root = region.empty() ? kNoRegion : tree->Find(region);
  XJ_ASSIGN_OR_RETURN(std::vector<SpotCheckRecord> checks, store_->ListSpotChecks(month));
  XJ_ASSIGN_OR_RETURN(std::vector<VillageSupervisorRecord> all, store_->ListVillageSupervisors());
  XJ_ASSIGN_OR_RETURN(std::vector<SpotCheckCall> calls, store_->ListSpotCheckCalls(0, month));
  XJ_ASSIGN_OR_RETURN(crypto::DataKeys keys, PersonalDataKeys());
  const auto by_id = ById(all);
  std::vector<SpotCheckView> out;
  for (const SpotCheckRecord& r : checks) {
    const RegionIndex i = tree->Find(r.region_code);
    if (i == kNoRegion || (root != kNoRegion && !tree->Contains(root, i))) continue;
    std::vector<SpotCheckCall> mine;
    for (const SpotCheckCall& c : calls) {
      if (c.spot_check_id == r.id) mine.push_back(c);
    }
    XJ_ASSIGN_OR_RETURN(SpotCheckView v, ViewOfCheck(r, *tree, by_id, keys, false, std::move(mine)));
    v.calls.clear();
    out.push_back(std::move(v));
  }
  return out;
}

Result<SpotCheckCall> App::RecordSpotCheckCall(const Actor& actor, std::int64_t id, const NewSpotCheckCall& request) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kSpotCheck));
  XJ_ASSIGN_OR_RETURN(std::optional<SpotCheckRecord> rec, store_->FindSpotCheck(id));
  if (!rec) return Status::NotFound("电话抽查不存在：" + std::to_string(id));
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kSpotCheck, rec->region_code));
  if (std::find(rec->sample.begin(), rec->sample.end(), request.supervisor_id) == rec->sample.end()) {
    return Status::InvalidArgument("监督员 " + std::to_string(request.supervisor_id) + " 不在抽查 " +
                                   std::to_string(id) + " 的样本中")
        .WithReason("not_sampled");
  }
  auto called_at = ParseTimestampBound(request.called_at, BoundKind::kFrom);
  if (!called_at.ok()) {
    return Status::InvalidArgument("通话时间应为 YYYY-MM-DD 或 YYYY-MM-DDTHH:MM:SSZ：" + request.called_at)
        .WithReason("bad_called_at");
  }
  XJ_ASSIGN_OR_RETURN(Date first, MonthOf(rec->month));
  const auto day = Date::Parse(std::string_view(*called_at).substr(0, 10));
  if (!day.ok() || *day < first || *day > first.AddMonths(1).AddDays(-1) || *called_at > Now()) {
    return Status::InvalidArgument("通话时间 " + *called_at + " 应在 " + rec->month + " 月内且不晚于当前时间")
        .WithReason("bad_called_at");
  }
  if (!request.reached && (request.knows_duties || request.log_matches || request.problem_reported)) {
    return Status::InvalidArgument("未接通的电话不能记录熟悉职责、日志相符或反映问题").WithReason("unreached_outcome");
  }
  if (Utf8Chars(request.note) > kMaxNoteChars) {
    return Status::InvalidArgument("备注不超过 " + std::to_string(kMaxNoteChars) + " 个字").WithReason("bad_note");
  }
  SpotCheckCall call;
  call.spot_check_id = id;
  call.supervisor_id = request.supervisor_id;
  call.called_at = *called_at;
  call.reached = request.reached;
  call.knows_duties = request.knows_duties;
  call.log_matches = request.log_matches;
  call.problem_reported = request.problem_reported;
  call.note = request.note;
  call.created_by = actor.username;
  call.created_at = Now();
  std::lock_guard write(write_mu_);
  XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(call.id, store_->InsertSpotCheckCall(call));
    const nlohmann::json after = {{"supervisor_id", call.supervisor_id},
                                  {"called_at", call.called_at},
                                  {"reached", call.reached},
                                  {"knows_duties", call.knows_duties},
                                  {"log_matches", call.log_matches},
                                  {"problem_reported", call.problem_reported}};
    return AppendAudit(actor, "spot_check.call", "spot_check", std::to_string(id), rec->region_code, "", after.dump());
  }));
  return call;
}

Result<SpotCheckCoverageView> App::SpotCheckCoverage(const Actor& actor, const std::string& region_code,
                                                     const std::string& month) const {
  const std::string& region = region_code.empty() ? actor.region_code : region_code;
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kRead, region));
  auto tree = regions();
  const RegionIndex root = tree->Find(region);
  if (region.empty() || root == kNoRegion) {
    return Status::InvalidArgument("请指定统计抽查覆盖的区划（region）").WithReason("bad_level");
  }
  XJ_ASSIGN_OR_RETURN(Date first, MonthOf(month));
  XJ_ASSIGN_OR_RETURN(std::vector<SpotCheckRecord> checks, store_->ListSpotChecks(month));
  XJ_ASSIGN_OR_RETURN(std::vector<SpotCheckCall> calls, store_->ListSpotCheckCalls(0, month));
  XJ_ASSIGN_OR_RETURN(std::vector<VillageSupervisorRecord> all, store_->ListVillageSupervisors());
  // Active supervisors below each region: a unit that has not drawn owes the sample of this pool.
  std::map<RegionIndex, std::int64_t> active_below;
  for (const VillageSupervisorRecord& r : all) {
    if (r.status != kActive) continue;
    for (RegionIndex i = tree->Find(r.region_code); i != kNoRegion; i = tree->node(i).parent) ++active_below[i];
  }
  std::map<std::string, const SpotCheckRecord*> drawn;
  for (const SpotCheckRecord& c : checks) drawn.emplace(c.region_code, &c);
  std::shared_ptr<const PolicySet> policy;
  {
    std::shared_lock lock(state_mu_);
    policy = std::make_shared<const PolicySet>(engine_->policy());
  }
  std::vector<RegionLevel> levels;
  std::vector<UnitSpotCheck> units;
  for (RegionLevel level : {RegionLevel::kProvince, RegionLevel::kPrefecture, RegionLevel::kCounty}) {
    if (level < tree->node(root).region.level) continue;
    levels.push_back(level);
    for (RegionIndex i : tree->DescendantsAtLevel(root, level)) {
      UnitSpotCheck u;
      u.level = level;
      auto d = drawn.find(tree->node(i).region.code);
      if (d != drawn.end()) {
        u.drawn = true;
        u.target = d->second->sample_size;
        u.sample = d->second->sample;
        for (const SpotCheckCall& c : calls) {
          if (c.spot_check_id == d->second->id) u.calls.push_back(c);
        }
      } else {
        const std::vector<std::string> chain = tree->CodesToRoot(i);
        auto pool = active_below.find(i);
        u.target = SpotCheckSampleSize(pool == active_below.end() ? 0 : pool->second,
                                       policy->ValueIn(PolicyKey::kSpotCheckSampleRateBp, chain, first),
                                       policy->ValueIn(PolicyKey::kSpotCheckMinCalls, chain, first));
      }
      units.push_back(std::move(u));
    }
  }
  SpotCheckCoverageView out;
  out.region_code = region;
  out.month = month;
  out.levels = CountSpotCheckCoverage(levels, units);
  return out;
}

}  // namespace xj
