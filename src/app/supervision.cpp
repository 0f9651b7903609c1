// Supervision in the field (督导, issue #18): visits, their findings and coverage
// (docs/definitions.md §9).
#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "app/app.hpp"
#include "domain/input_limits.hpp"

namespace xj {
namespace {

/// Longest title, team member name and finding description, in characters.
constexpr std::size_t kMaxTitleChars = 200;
constexpr std::size_t kMaxMemberNameChars = 50;
constexpr std::size_t kMaxDescriptionChars = 2000;
/// Most team members, covered regions, checked projects and findings of one visit.
constexpr std::size_t kMaxListItems = 500;

Status BadVisit(std::string message) {
  return Status::InvalidArgument(std::move(message)).WithReason("bad_visit");
}

/// The codes in order, each once.
std::vector<std::string> Distinct(const std::vector<std::string>& codes) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const std::string& c : codes) {
    if (seen.insert(c).second) out.push_back(c);
  }
  return out;
}

nlohmann::json ProjectsJson(const std::vector<CheckedProject>& projects) {
  nlohmann::json a = nlohmann::json::array();
  for (const CheckedProject& p : projects) {
    a.push_back({{"project_code", p.project_code}, {"region_code", p.region_code}, {"name", p.name}});
  }
  return a;
}

/// A stored visit read back; Internal when its JSON columns are not what the app writes.
Result<SupervisionVisitView> DecodeVisit(const SupervisionVisitRecord& rec, const RegionTree& tree) {
  SupervisionVisitView v;
  v.visit.id = rec.id;
  v.visit.region_code = rec.region_code;
  v.visit.title = rec.title;
  XJ_ASSIGN_OR_RETURN(v.visit.start_date, Date::Parse(rec.start_date));
  XJ_ASSIGN_OR_RETURN(v.visit.end_date, Date::Parse(rec.end_date));
  v.visit.created_by = rec.created_by;
  v.visit.created_at = rec.created_at;
  const auto name_of = [&](const std::string& code) {
    const RegionIndex i = tree.Find(code);
    return i == kNoRegion ? std::string() : tree.node(i).region.name;
  };
  v.region_name = name_of(rec.region_code);
  try {
    for (const auto& m : nlohmann::json::parse(rec.team_json)) v.visit.team.push_back(m.get<std::string>());
    for (const auto& r : nlohmann::json::parse(rec.regions_json)) {
      v.visit.region_codes.push_back(r.get<std::string>());
      v.regions.emplace_back(v.visit.region_codes.back(), name_of(v.visit.region_codes.back()));
    }
    for (const auto& p : nlohmann::json::parse(rec.projects_json)) {
      v.projects.push_back({p.at("project_code").get<std::string>(), p.at("region_code").get<std::string>(),
                            p.at("name").get<std::string>()});
      v.visit.project_codes.push_back(v.projects.back().project_code);
    }
  } catch (const nlohmann::json::exception& e) {
    return Status::Internal("督导记录 " + std::to_string(rec.id) + " 的 JSON 列无法读取：" + e.what());
  }
  return v;
}

/// Whether the visit's sending region or a place it covered lies in the subtree of `root`
/// (kNoRegion: anywhere).
bool Touches(const RegionTree& tree, RegionIndex root, const SupervisionVisitView& v) {
  auto inside = [&](const std::string& code) {
    const RegionIndex i = tree.Find(code);
    return i != kNoRegion && (root == kNoRegion || tree.Contains(root, i));
  };
  if (inside(v.visit.region_code)) return true;
  for (const std::string& r : v.visit.region_codes) {
    if (inside(r)) return true;
  }
  return std::any_of(v.projects.begin(), v.projects.end(),
                     [&](const CheckedProject& p) { return inside(p.region_code); });
}

Status CheckPeriod(const SupervisionQuery& q) {
  if (q.from && q.to && *q.from > *q.to) {
    return Status::InvalidArgument("起始日期 " + q.from->ToString() + " 晚于截止日期 " + q.to->ToString())
        .WithReason("bad_period");
  }
  return Status::Ok();
}

}  // namespace

Result<SupervisionVisitView> App::RecordSupervisionVisit(const Actor& actor, const NewSupervisionVisit& request) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kWriteSupervision));
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kWriteSupervision, request.region_code));
  if (request.title.empty() || Utf8Chars(request.title) > kMaxTitleChars) {
    return BadVisit("督导名称不能为空，且不超过 " + std::to_string(kMaxTitleChars) + " 个字");
  }
  if (request.team.empty()) return BadVisit("督导组成员不能为空");
  if (request.team.size() > kMaxListItems || request.region_codes.size() > kMaxListItems ||
      request.project_codes.size() > kMaxListItems || request.findings.size() > kMaxListItems) {
    return BadVisit("成员、区划、项目、问题各不超过 " + std::to_string(kMaxListItems) + " 项");
  }
  for (const std::string& m : request.team) {
    if (m.empty() || Utf8Chars(m) > kMaxMemberNameChars) {
      return BadVisit("督导组成员姓名不能为空，且不超过 " + std::to_string(kMaxMemberNameChars) + " 个字");
    }
  }
  if (request.end_date < request.start_date) {
    return BadVisit("结束日期 " + request.end_date.ToString() + " 早于开始日期 " + request.start_date.ToString());
  }
  if (request.region_codes.empty() && request.project_codes.empty()) {
    return BadVisit("督导须至少覆盖一个区划或一个项目");
  }
  auto tree = regions();
  const RegionIndex home = tree->Find(request.region_code);
  auto check_inside = [&](const std::string& code, const std::string& what) -> Status {
    const RegionIndex i = tree->Find(code);
    if (i == kNoRegion) return Status::InvalidArgument(what + "区划不存在：" + code).WithReason("unknown_region");
    if (!tree->Contains(home, i)) {
      return Status::InvalidArgument(what + "区划 " + code + " 不在督导派出单位 " + request.region_code + " 的辖区内")
          .WithReason("outside_visit_region");
    }
    return Status::Ok();
  };

  SupervisionVisitView view;
  SupervisionVisit& v = view.visit;
  v.region_code = request.region_code;
  v.title = request.title;
  v.team = request.team;
  v.start_date = request.start_date;
  v.end_date = request.end_date;
  v.region_codes = Distinct(request.region_codes);
  for (const std::string& code : v.region_codes) XJ_RETURN_IF_ERROR(check_inside(code, "覆盖"));

  // Projects: those checked and those findings name, looked up once.
  std::vector<std::string> wanted = Distinct(request.project_codes);
  v.project_codes = wanted;
  for (const SupervisionFinding& f : request.findings) {
    if (!f.project_code.empty()) wanted.push_back(f.project_code);
  }
  wanted = Distinct(wanted);
  XJ_ASSIGN_OR_RETURN(std::vector<Project> found, store_->FindProjects(wanted));
  std::map<std::string, Project> projects;
  for (Project& p : found) projects.emplace(p.project_code, std::move(p));
  auto project_of = [&](const std::string& code) -> Result<const Project*> {
    auto it = projects.find(code);
    if (it == projects.end()) return Status::InvalidArgument("项目不存在：" + code).WithReason("unknown_project");
    XJ_RETURN_IF_ERROR(check_inside(it->second.region_code, "项目 " + code + " 所在"));
    return &it->second;
  };
  for (const std::string& code : v.project_codes) {
    XJ_ASSIGN_OR_RETURN(const Project* p, project_of(code));
    view.projects.push_back({p->project_code, p->region_code, p->name});
  }
  for (std::size_t n = 0; n < request.findings.size(); ++n) {
    SupervisionFinding f = request.findings[n];
    const std::string which = "第 " + std::to_string(n + 1) + " 个问题";
    if (f.description.empty() || Utf8Chars(f.description) > kMaxDescriptionChars) {
      return Status::InvalidArgument(which + "的问题描述不能为空，且不超过 " + std::to_string(kMaxDescriptionChars) +
                                     " 个字")
          .WithReason("bad_finding");
    }
    const Project* p = nullptr;
    if (!f.project_code.empty()) {
      XJ_ASSIGN_OR_RETURN(p, project_of(f.project_code));
    }
    if (f.region_code.empty()) {
      if (!p) return Status::InvalidArgument(which + "须写明责任单位区划或项目").WithReason("bad_finding");
      f.region_code = p->region_code;
    }
    XJ_RETURN_IF_ERROR(check_inside(f.region_code, which + "的责任单位"));
    if (p && !tree->Contains(tree->Find(f.region_code), tree->Find(p->region_code))) {
      return Status::InvalidArgument(which + "的项目 " + p->project_code + " 不在责任单位 " + f.region_code +
                                     " 的辖区内")
          .WithReason("bad_finding");
    }
    v.findings.push_back(std::move(f));
  }
  v.created_by = actor.username;
  v.created_at = Now();
  view.region_name = tree->node(home).region.name;
  for (const std::string& code : v.region_codes)
    view.regions.emplace_back(code, tree->node(tree->Find(code)).region.name);

  SupervisionVisitRecord rec;
  rec.region_code = v.region_code;
  rec.title = v.title;
  rec.team_json = nlohmann::json(v.team).dump();
  rec.start_date = v.start_date.ToString();
  rec.end_date = v.end_date.ToString();
  rec.regions_json = nlohmann::json(v.region_codes).dump();
  rec.projects_json = ProjectsJson(view.projects).dump();
  rec.created_by = v.created_by;
  rec.created_at = v.created_at;

  std::lock_guard write(write_mu_);
  XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(v.id, store_->InsertSupervisionVisit(rec));
    for (SupervisionFinding& f : v.findings) {
      f.visit_id = v.id;
      XJ_ASSIGN_OR_RETURN(f.id, store_->InsertSupervisionFinding(f, v.created_at));
      Rectification item;
      item.finding_id = f.id;
      item.region_code = f.region_code;
      item.updated_at = v.created_at;
      XJ_RETURN_IF_ERROR(store_->InsertRectification(item));
    }
    nlohmann::json after = {{"title", v.title},
                            {"team", v.team},
                            {"start_date", rec.start_date},
                            {"end_date", rec.end_date},
                            {"regions", v.region_codes},
                            {"projects", v.project_codes},
                            {"findings", v.findings.size()}};
    return AppendAudit(actor, "supervision.visit", "supervision_visit", std::to_string(v.id), v.region_code, "",
                       after.dump());
  }));
  return view;
}

Result<SupervisionVisitView> App::GetSupervisionVisit(const Actor& actor, std::int64_t id) const {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kRead));
  XJ_ASSIGN_OR_RETURN(std::optional<SupervisionVisitRecord> rec, store_->FindSupervisionVisit(id));
  if (!rec) return Status::NotFound("督导记录不存在：" + std::to_string(id));
  auto tree = regions();
  XJ_ASSIGN_OR_RETURN(SupervisionVisitView view, DecodeVisit(*rec, *tree));
  const RegionIndex scope = actor.region_code.empty() ? kNoRegion : tree->Find(actor.region_code);
  if (!actor.region_code.empty() && scope == kNoRegion) return Status::PermissionDenied("所属区划不存在");
  if (!Touches(*tree, scope, view)) {
    return Status::PermissionDenied("督导记录 " + std::to_string(id) + " 不在本人数据范围内");
  }
  XJ_ASSIGN_OR_RETURN(std::vector<SupervisionFinding> findings, store_->ListSupervisionFindings(id));
  for (SupervisionFinding& f : findings) {
    if (InScope(actor, f.region_code)) view.visit.findings.push_back(std::move(f));
  }
  return view;
}

Result<std::vector<SupervisionVisitView>> App::ListSupervisionVisits(const Actor& actor,
                                                                     const SupervisionQuery& query) const {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kRead));
  if (!query.region_code.empty()) XJ_RETURN_IF_ERROR(Authorize(actor, Action::kRead, query.region_code));
  XJ_RETURN_IF_ERROR(CheckPeriod(query));
  auto tree = regions();
  const std::string& within = query.region_code.empty() ? actor.region_code : query.region_code;
  const RegionIndex root = within.empty() ? kNoRegion : tree->Find(within);
  if (!within.empty() && root == kNoRegion) return Status::PermissionDenied("所属区划不存在");
  XJ_ASSIGN_OR_RETURN(
      std::vector<SupervisionVisitRecord> records,
      store_->ListSupervisionVisits(query.from ? query.from->ToString() : "", query.to ? query.to->ToString() : ""));
  std::vector<SupervisionVisitView> out;
  std::map<std::int64_t, std::size_t> at;
  for (const SupervisionVisitRecord& rec : records) {
    XJ_ASSIGN_OR_RETURN(SupervisionVisitView view, DecodeVisit(rec, *tree));
    if (!Touches(*tree, root, view)) continue;
    at.emplace(view.visit.id, out.size());
    out.push_back(std::move(view));
  }
  if (out.empty()) return out;
  XJ_ASSIGN_OR_RETURN(std::vector<SupervisionFinding> findings, store_->ListSupervisionFindings(0));
  for (SupervisionFinding& f : findings) {
    auto it = at.find(f.visit_id);
    if (it == at.end() || !InScope(actor, f.region_code)) continue;
    out[it->second].visit.findings.push_back(std::move(f));
  }
  return out;
}

Result<SupervisionCoverage> App::CoverSupervision(const Actor& actor, const SupervisionQuery& query) const {
  const std::string& region = query.region_code.empty() ? actor.region_code : query.region_code;
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kRead, region));
  XJ_RETURN_IF_ERROR(CheckPeriod(query));
  auto tree = regions();
  const RegionIndex root = region.empty() ? kNoRegion : tree->Find(region);
  XJ_ASSIGN_OR_RETURN(
      std::vector<SupervisionVisitRecord> records,
      store_->ListSupervisionVisits(query.from ? query.from->ToString() : "", query.to ? query.to->ToString() : ""));
  std::vector<CoveredPlaces> places;
  for (const SupervisionVisitRecord& rec : records) {
    XJ_ASSIGN_OR_RETURN(SupervisionVisitView view, DecodeVisit(rec, *tree));
    CoveredPlaces p;
    for (const std::string& code : view.visit.region_codes) p.regions.push_back(tree->Find(code));
    for (const CheckedProject& c : view.projects) p.projects.emplace_back(c.project_code, tree->Find(c.region_code));
    places.push_back(std::move(p));
  }
  return CountCoverage(*tree, root, places);
}

// --- rectification (问题整改, issue #18 point 2) ---

namespace {

/// The findings, items and visits the rectification use cases read, indexed.
struct RectificationData {
  std::map<std::int64_t, SupervisionVisitRecord> visits;  ///< starting in the period
  std::map<std::int64_t, SupervisionFinding> findings;
  std::vector<Rectification> items;
};

Result<RectificationData> ReadRectificationData(Store& store, const std::optional<Date>& from,
                                                const std::optional<Date>& to) {
  RectificationData d;
  XJ_ASSIGN_OR_RETURN(std::vector<SupervisionVisitRecord> visits,
                      store.ListSupervisionVisits(from ? from->ToString() : "", to ? to->ToString() : ""));
  for (SupervisionVisitRecord& v : visits) d.visits.emplace(v.id, std::move(v));
  XJ_ASSIGN_OR_RETURN(std::vector<SupervisionFinding> findings, store.ListSupervisionFindings(0));
  for (SupervisionFinding& f : findings) d.findings.emplace(f.id, std::move(f));
  XJ_ASSIGN_OR_RETURN(d.items, store.ListRectifications());
  return d;
}

RectificationView RectificationViewOf(const Rectification& item, const SupervisionFinding& finding,
                                      const SupervisionVisitRecord& visit, const RegionTree& tree, Date today) {
  RectificationView v;
  v.item = item;
  v.finding = finding;
  v.visit_title = visit.title;
  if (auto d = Date::Parse(visit.start_date); d.ok()) v.visit_start = *d;
  const RegionIndex i = tree.Find(item.region_code);
  v.region_name = i == kNoRegion ? std::string() : tree.node(i).region.name;
  v.overdue = IsOverdue(item, today);
  return v;
}

}  // namespace

Result<std::vector<RectificationView>> App::ListRectifications(const Actor& actor,
                                                               const RectificationQuery& query) const {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kRead));
  if (!query.region_code.empty()) XJ_RETURN_IF_ERROR(Authorize(actor, Action::kRead, query.region_code));
  std::optional<RectificationStatus> status;
  if (!query.status.empty()) {
    status = ParseRectificationStatus(query.status);
    if (!status) {
      return Status::InvalidArgument("未知的整改状态：" + query.status +
                                     "（open|rectifying|submitted|verified|returned）")
          .WithReason("unknown_status");
    }
  }
  XJ_RETURN_IF_ERROR(CheckPeriod(SupervisionQuery{"", query.from, query.to}));
  auto tree = regions();
  const std::string& within = query.region_code.empty() ? actor.region_code : query.region_code;
  const RegionIndex root = within.empty() ? kNoRegion : tree->Find(within);
  if (!within.empty() && root == kNoRegion) return Status::PermissionDenied("所属区划不存在");
  XJ_ASSIGN_OR_RETURN(RectificationData d, ReadRectificationData(*store_, query.from, query.to));
  const Date today = Today();
  std::vector<RectificationView> out;
  for (const Rectification& item : d.items) {
    auto f = d.findings.find(item.finding_id);
    if (f == d.findings.end()) continue;
    auto v = d.visits.find(f->second.visit_id);
    if (v == d.visits.end()) continue;
    const RegionIndex at = tree->Find(item.region_code);
    if (at == kNoRegion || (root != kNoRegion && !tree->Contains(root, at)) || !InScope(actor, item.region_code)) {
      continue;
    }
    if (status && item.status != *status) continue;
    RectificationView view = RectificationViewOf(item, f->second, v->second, *tree, today);
    if (query.overdue_only && !view.overdue) continue;
    out.push_back(std::move(view));
  }
  return out;
}

Result<RectificationView> App::GetRectification(const Actor& actor, std::int64_t finding_id) const {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kRead));
  XJ_ASSIGN_OR_RETURN(std::optional<Rectification> item, store_->FindRectification(finding_id));
  if (!item) return Status::NotFound("整改事项不存在：" + std::to_string(finding_id));
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kRead, item->region_code));
  XJ_ASSIGN_OR_RETURN(std::optional<SupervisionFinding> finding, store_->FindSupervisionFinding(finding_id));
  if (!finding) return Status::Internal("整改事项 " + std::to_string(finding_id) + " 没有对应的问题");
  XJ_ASSIGN_OR_RETURN(std::optional<SupervisionVisitRecord> visit, store_->FindSupervisionVisit(finding->visit_id));
  if (!visit) return Status::Internal("问题 " + std::to_string(finding_id) + " 没有对应的督导记录");
  RectificationView view = RectificationViewOf(*item, *finding, *visit, *regions(), Today());
  XJ_ASSIGN_OR_RETURN(view.events, store_->ListRectificationEvents(finding_id));
  return view;
}

Result<RectificationView> App::ActOnRectification(const Actor& actor, std::int64_t finding_id,
                                                  const RectificationRequest& request) {
  const RectificationStep* named = FindRectificationStep(request.action);
  if (!named) {
    return Status::InvalidArgument("未知的整改操作：" + request.action + "（assign|start|submit|verify|return）")
        .WithReason("unknown_action");
  }
  const Action needed = named->by == RectificationActor::kUnit ? Action::kAnswerSupervision : Action::kWriteSupervision;
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, needed));
  std::lock_guard write(write_mu_);
  XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(std::optional<Rectification> item, store_->FindRectification(finding_id));
    if (!item) return Status::NotFound("整改事项不存在：" + std::to_string(finding_id));
    XJ_RETURN_IF_ERROR(Authorize(actor, needed, item->region_code));
    XJ_ASSIGN_OR_RETURN(const RectificationStep* step, CheckRectificationStep(*item, request));
    Rectification after = ApplyRectificationStep(*item, *step, request);
    after.updated_at = Now();
    if (step->action == "verify") {
      after.verified_by = actor.username;
      after.verified_at = after.updated_at;
    }
    XJ_RETURN_IF_ERROR(store_->UpdateRectification(after, item->version));
    RectificationEvent e;
    e.finding_id = finding_id;
    e.action = std::string(step->action);
    e.from_status = item->status;
    e.to_status = after.status;
    e.actor = actor.username;
    e.at = after.updated_at;
    e.note = request.note;
    XJ_RETURN_IF_ERROR(store_->InsertRectificationEvent(e));
    auto snapshot = [](const Rectification& r) {
      return nlohmann::json{{"status", RectificationStatusName(r.status)},
                            {"owner", r.owner},
                            {"deadline", r.deadline ? r.deadline->ToString() : ""},
                            {"measures", r.measures},
                            {"evidence", r.evidence},
                            {"verification", r.verification},
                            {"version", r.version}}
          .dump();
    };
    return AppendAudit(actor, "rectification." + e.action, "rectification", std::to_string(finding_id),
                       item->region_code, snapshot(*item), snapshot(after));
  }));
  return GetRectification(actor, finding_id);
}

Result<std::vector<RectificationRate>> App::RectificationRates(const Actor& actor,
                                                               const SupervisionQuery& query) const {
  const std::string& region = query.region_code.empty() ? actor.region_code : query.region_code;
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kRead, region));
  XJ_RETURN_IF_ERROR(CheckPeriod(query));
  auto tree = regions();
  std::vector<std::pair<std::string, std::string>> rows;  // code, name: the region, then its children
  {
    const RegionIndex i = tree->Find(region);
    rows.emplace_back(region, i == kNoRegion ? std::string("全部") : tree->node(i).region.name);
    XJ_ASSIGN_OR_RETURN(std::vector<RegionSummary> children, RegionChildren(actor, region));
    for (const RegionSummary& c : children) rows.emplace_back(c.region.code, c.region.name);
  }
  XJ_ASSIGN_OR_RETURN(RectificationData d, ReadRectificationData(*store_, query.from, query.to));
  const Date today = Today();
  std::vector<RectificationRate> out;
  for (const auto& [code, name] : rows) {
    const RegionIndex root = code.empty() ? kNoRegion : tree->Find(code);
    RectificationRate r;
    r.region_code = code;
    r.name = name;
    for (const Rectification& item : d.items) {
      auto f = d.findings.find(item.finding_id);
      if (f == d.findings.end() || !d.visits.contains(f->second.visit_id)) continue;
      const RegionIndex at = tree->Find(item.region_code);
      if (at == kNoRegion || (root != kNoRegion && !tree->Contains(root, at))) continue;
      ++r.findings;
      if (item.status == RectificationStatus::kVerified) ++r.verified;
      if (IsOverdue(item, today)) ++r.overdue;
    }
    r.rate = Ratio{r.verified, r.findings};
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace xj
