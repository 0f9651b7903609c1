// Driving execution (issue #17): 领导包保 and its coverage, the monthly dispatch (月调度) with
// frozen snapshots. Figures and ranks come from the engine through App::Rank — the one ranking —
// and a snapshot stores them whole (docs/definitions.md §7).
#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>

#include "app/app.hpp"
#include "core/int128.hpp"

namespace xj {
namespace {

using nlohmann::json;

const std::string& TextField(const json& j, const char* name, Status& error) {
  static const std::string kEmpty;
  auto it = j.find(name);
  if (it == j.end() || !it->is_string()) {
    if (error.ok()) error = Status::Internal(std::string("调度记录缺少文本字段 ") + name);
    return kEmpty;
  }
  return it->get_ref<const std::string&>();
}

std::int64_t IntField(const json& j, const char* name, Status& error) {
  auto it = j.find(name);
  if (it == j.end() || !it->is_number_integer()) {
    if (error.ok()) error = Status::Internal(std::string("调度记录缺少整数字段 ") + name);
    return 0;
  }
  return it->get<std::int64_t>();
}

Date DateField(const json& j, const char* name, Status& error) {
  const std::string& text = TextField(j, name, error);
  if (!error.ok()) return Date();
  auto d = Date::Parse(text);
  if (!d.ok()) {
    error = Status::Internal(std::string("调度记录的日期无效 ") + name + "=" + text);
    return Date();
  }
  return *d;
}

json RatioDoc(Ratio r) {
  return json::array({r.num, r.den});
}

/// A 128-bit total: an integer while it fits 64 bits, else its decimal digits (never rounded).
json TotalDoc(FenTotal t) {
  if (t.fits_fen()) return static_cast<std::int64_t>(t.value());
  std::ostringstream digits;
  digits << t;
  return digits.str();
}

FenTotal TotalField(const json& j, const char* name, Status& error) {
  auto it = j.find(name);
  if (it != j.end() && it->is_number_integer()) return FenTotal(Fen(it->get<std::int64_t>()));
  if (it != j.end() && it->is_string()) {
    const std::string& text = it->get_ref<const std::string&>();
    const bool negative = !text.empty() && text[0] == '-';
    Int128 v = 0;
    bool ok = text.size() > (negative ? 1u : 0u) && text.size() <= 40;
    for (std::size_t i = negative ? 1 : 0; ok && i < text.size(); ++i) {
      ok = text[i] >= '0' && text[i] <= '9';
      v = v * 10 + (text[i] - '0');
    }
    if (ok) return FenTotal(negative ? -v : v);
  }
  if (error.ok()) error = Status::Internal(std::string("调度记录的金额字段无效 ") + name);
  return FenTotal();
}

Ratio RatioField(const json& j, const char* name, Status& error) {
  auto it = j.find(name);
  if (it == j.end() || !it->is_array() || it->size() != 2 || !(*it)[0].is_number_integer() ||
      !(*it)[1].is_number_integer()) {
    if (error.ok()) error = Status::Internal(std::string("调度记录的比值字段无效 ") + name);
    return Ratio{};
  }
  return Ratio{(*it)[0].get<std::int64_t>(), (*it)[1].get<std::int64_t>()};
}

json FiguresDoc(const Indicators& f) {
  return json{{"year", f.year},
              {"as_of", f.as_of.ToString()},
              {"fund_source", std::string(FundSourceName(f.fund_source))},
              {"projects_total", f.projects_total},
              {"projects_started", f.projects_started},
              {"projects_finished", f.projects_finished},
              {"start_rate", RatioDoc(f.start_rate)},
              {"completion_rate", RatioDoc(f.completion_rate)},
              {"start_rate_last_year", RatioDoc(f.start_rate_last_year)},
              {"allocated_fen", TotalDoc(f.allocated)},
              {"allocated_to_projects_fen", TotalDoc(f.allocated_to_projects)},
              {"disbursed_fen", TotalDoc(f.disbursed)},
              {"expended_fen", TotalDoc(f.expended)},
              {"disburse_as_expend_fen", TotalDoc(f.disburse_as_expend)},
              {"pay_ahead_fen", TotalDoc(f.pay_ahead)},
              {"expend_progress", RatioDoc(f.expend_progress)},
              {"expend_progress_last_year", RatioDoc(f.expend_progress_last_year)},
              {"assessed_progress", RatioDoc(f.assessed_progress)},
              {"distribute_progress", RatioDoc(f.distribute_progress)},
              {"time_progress", RatioDoc(f.time_progress)},
              {"industry_share", RatioDoc(f.industry_share)},
              {"industry_planned_fen", TotalDoc(f.industry_planned)},
              {"planned_total_fen", TotalDoc(f.planned_total)}};
}

Indicators FiguresFromDoc(const json& j, Status& e) {
  Indicators f;
  f.year = static_cast<int>(IntField(j, "year", e));
  f.as_of = DateField(j, "as_of", e);
  const std::string& source = TextField(j, "fund_source", e);
  if (auto s = ParseFundSource(source)) {
    f.fund_source = *s;
  } else if (e.ok()) {
    e = Status::Internal("调度记录的资金来源无效：" + source);
  }
  f.projects_total = IntField(j, "projects_total", e);
  f.projects_started = IntField(j, "projects_started", e);
  f.projects_finished = IntField(j, "projects_finished", e);
  f.start_rate = RatioField(j, "start_rate", e);
  f.completion_rate = RatioField(j, "completion_rate", e);
  f.start_rate_last_year = RatioField(j, "start_rate_last_year", e);
  f.allocated = TotalField(j, "allocated_fen", e);
  f.allocated_to_projects = TotalField(j, "allocated_to_projects_fen", e);
  f.disbursed = TotalField(j, "disbursed_fen", e);
  f.expended = TotalField(j, "expended_fen", e);
  f.disburse_as_expend = TotalField(j, "disburse_as_expend_fen", e);
  f.pay_ahead = TotalField(j, "pay_ahead_fen", e);
  f.expend_progress = RatioField(j, "expend_progress", e);
  f.expend_progress_last_year = RatioField(j, "expend_progress_last_year", e);
  f.assessed_progress = RatioField(j, "assessed_progress", e);
  f.distribute_progress = RatioField(j, "distribute_progress", e);
  f.time_progress = RatioField(j, "time_progress", e);
  f.industry_share = RatioField(j, "industry_share", e);
  f.industry_planned = TotalField(j, "industry_planned_fen", e);
  f.planned_total = TotalField(j, "planned_total_fen", e);
  return f;
}

template <typename T>
Result<T> Decoded(const std::string& kind, std::int64_t id, const std::string& doc, Result<T> (*decode)(const json&)) {
  json j = json::parse(doc, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return Status::Internal("调度记录不是 JSON 对象：" + kind + " id=" + std::to_string(id));
  }
  auto r = decode(j);
  if (!r.ok()) return Status::Internal(r.status().message() + "（" + kind + " id=" + std::to_string(id) + "）");
  return r;
}

/// The cut-off of `month` (its first day given): the policy's day, else the month's last day.
Date CutoffOf(Date first, const PolicySet& policy) {
  const int last = Date::DaysInMonth(first.year(), first.month());
  const std::int64_t day = policy.ValueAt(PolicyKey::kDispatchCutoffDay, first);
  return Date::FromYmd(first.year(), first.month(), day >= 1 && day <= last ? static_cast<int>(day) : last);
}

std::string CycleKey(const std::string& region_code, const std::string& month) {
  return "cycle:" + region_code + ":" + month;
}

/// The month before "2023-06" ("2023-05"), from its first day.
std::string PreviousMonth(Date first) {
  const Date prev = first.AddDays(-1);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", prev.year() % 10000, prev.month() % 100);
  return buf;
}

}  // namespace

const char* LeaderLevelName(LeaderLevel level) {
  switch (level) {
    case LeaderLevel::kRegion: return "region";
    case LeaderLevel::kPrefecture: return "prefecture";
    case LeaderLevel::kCounty: return "county";
  }
  return "region";
}

std::optional<LeaderLevel> ParseLeaderLevel(std::string_view name) {
  if (name == "region" || name == "自治区级") return LeaderLevel::kRegion;
  if (name == "prefecture" || name == "地市级") return LeaderLevel::kPrefecture;
  if (name == "county" || name == "县级") return LeaderLevel::kCounty;
  return std::nullopt;
}

const char* CycleStatusName(CycleStatus s) {
  switch (s) {
    case CycleStatus::kOpen: return "open";
    case CycleStatus::kReviewed: return "reviewed";
    case CycleStatus::kClosed: return "closed";
  }
  return "open";
}

Result<Date> ParseMonth(std::string_view month) {
  int y = 0, m = 0;
  if (month.size() != 7 || month[4] != '-' || std::sscanf(std::string(month).c_str(), "%4d-%2d", &y, &m) != 2 ||
      m < 1 || m > 12 || y < 2000 || y > 2100) {
    return Status::InvalidArgument("月份应为 YYYY-MM：" + std::string(month));
  }
  return Date::FromYmd(y, m, 1);
}

json ToDoc(const BaobaoAssignment& a) {
  return json{{"leader_name", a.leader_name},
              {"post", a.post},
              {"level", LeaderLevelName(a.level)},
              {"username", a.username},
              {"period_from", a.period_from.ToString()},
              {"period_to", a.period_to.ToString()},
              {"created_by", a.created_by},
              {"created_at", a.created_at}};
}

Result<BaobaoAssignment> BaobaoFromDoc(const json& j) {
  Status e;
  BaobaoAssignment a;
  a.leader_name = TextField(j, "leader_name", e);
  a.post = TextField(j, "post", e);
  const std::string& level = TextField(j, "level", e);
  auto parsed = ParseLeaderLevel(level);
  if (!parsed && e.ok()) e = Status::Internal("包保层级无效：" + level);
  a.level = parsed.value_or(LeaderLevel::kRegion);
  a.username = TextField(j, "username", e);
  a.period_from = DateField(j, "period_from", e);
  a.period_to = DateField(j, "period_to", e);
  a.created_by = TextField(j, "created_by", e);
  a.created_at = TextField(j, "created_at", e);
  if (!e.ok()) return e;
  return a;
}

json ToDoc(const DispatchCycle& c) {
  json reviews = json::array();
  for (const DispatchReview& r : c.reviews) {
    reviews.push_back({{"region_code", r.region_code}, {"reviewed_by", r.reviewed_by}, {"reviewed_at", r.reviewed_at}});
  }
  json filings = json::array();
  for (const DispatchFiling& f : c.filings) {
    filings.push_back({{"region_code", f.region_code},
                       {"explanation", f.explanation},
                       {"next_plan", f.next_plan},
                       {"filed_by", f.filed_by},
                       {"filed_at", f.filed_at}});
  }
  return json{{"month", c.month},
              {"cutoff", c.cutoff.ToString()},
              {"deadline", c.deadline.ToString()},
              {"watermark", c.watermark},
              {"opened_by", c.opened_by},
              {"opened_at", c.opened_at},
              {"status", CycleStatusName(c.status)},
              {"closed_by", c.closed_by},
              {"closed_at", c.closed_at},
              {"reviewers", c.reviewers},
              {"reviews", std::move(reviews)},
              {"filings", std::move(filings)}};
}

Result<DispatchCycle> CycleFromDoc(const json& j) {
  Status e;
  DispatchCycle c;
  c.month = TextField(j, "month", e);
  c.cutoff = DateField(j, "cutoff", e);
  c.deadline = DateField(j, "deadline", e);
  c.watermark = IntField(j, "watermark", e);
  c.opened_by = TextField(j, "opened_by", e);
  c.opened_at = TextField(j, "opened_at", e);
  const std::string& status = TextField(j, "status", e);
  if (status == "open") {
    c.status = CycleStatus::kOpen;
  } else if (status == "reviewed") {
    c.status = CycleStatus::kReviewed;
  } else if (status == "closed") {
    c.status = CycleStatus::kClosed;
  } else if (e.ok()) {
    e = Status::Internal("调度状态无效：" + status);
  }
  c.closed_by = TextField(j, "closed_by", e);
  c.closed_at = TextField(j, "closed_at", e);
  if (auto r = j.find("reviewers"); r != j.end() && r->is_array()) {
    for (const json& code : *r) {
      if (code.is_string()) c.reviewers.push_back(code.get<std::string>());
    }
  } else if (e.ok()) {
    e = Status::Internal("调度记录缺少 reviewers");
  }
  if (auto r = j.find("reviews"); r != j.end() && r->is_array()) {
    for (const json& x : *r) {
      if (!x.is_object()) continue;
      c.reviews.push_back(
          {TextField(x, "region_code", e), TextField(x, "reviewed_by", e), TextField(x, "reviewed_at", e)});
    }
  } else if (e.ok()) {
    e = Status::Internal("调度记录缺少 reviews");
  }
  auto it = j.find("filings");
  if (it == j.end() || !it->is_array()) {
    if (e.ok()) e = Status::Internal("调度记录缺少 filings");
  } else {
    for (const json& f : *it) {
      if (!f.is_object()) {
        if (e.ok()) e = Status::Internal("调度填报不是对象");
        continue;
      }
      c.filings.push_back({TextField(f, "region_code", e), TextField(f, "explanation", e), TextField(f, "next_plan", e),
                           TextField(f, "filed_by", e), TextField(f, "filed_at", e)});
    }
  }
  if (!e.ok()) return e;
  return c;
}

json ToDoc(const SnapshotRow& r) {
  return json{{"region_name", r.region_name},
              {"region_level", std::string(RegionLevelName(r.region_level))},
              {"rank", r.rank ? json(*r.rank) : json(nullptr)},
              {"rank_size", r.rank_size},
              {"figures", FiguresDoc(r.figures)}};
}

Result<SnapshotRow> SnapshotRowFromDoc(const json& j) {
  Status e;
  SnapshotRow r;
  r.region_name = TextField(j, "region_name", e);
  const std::string& level = TextField(j, "region_level", e);
  auto parsed = ParseRegionLevel(level);
  if (!parsed && e.ok()) e = Status::Internal("区划级别无效：" + level);
  r.region_level = parsed.value_or(RegionLevel::kCounty);
  auto rank = j.find("rank");
  if (rank != j.end() && rank->is_number_integer()) r.rank = rank->get<int>();
  r.rank_size = static_cast<int>(IntField(j, "rank_size", e));
  auto figures = j.find("figures");
  if (figures == j.end() || !figures->is_object()) {
    if (e.ok()) e = Status::Internal("快照行缺少 figures");
  } else {
    r.figures = FiguresFromDoc(*figures, e);
  }
  if (!e.ok()) return e;
  return r;
}

// --- 包保 ---

Result<BaobaoAssignment> App::AddBaobao(const Actor& actor, BaobaoAssignment a) {
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kManageDispatch, a.region_code));
  {
    auto tree = regions();
    const RegionIndex i = tree->Find(a.region_code);
    if (i == kNoRegion) return Status::NotFound("区划不存在：" + a.region_code);
    const Region& r = tree->node(i).region;
    if (a.level == LeaderLevel::kRegion && r.level != RegionLevel::kCounty) {
      return Status::InvalidArgument("自治区级领导包保县（区）：" + r.name + " 不是县级");
    }
    if (a.level != LeaderLevel::kRegion && !(r.level == RegionLevel::kTownship && r.key_township)) {
      return Status::InvalidArgument("地市级、县级领导包保重点乡镇：" + r.name + " 不是重点乡镇");
    }
    a.region_name = r.name;
    a.region_level = r.level;
  }
  std::vector<FieldError> problems;
  if (a.leader_name.empty()) problems.push_back({"", 0, "leader_name", 0, "", "required", "包保领导姓名必填"});
  if (a.post.empty()) problems.push_back({"", 0, "post", 0, "", "required", "职务必填"});
  CheckTextBound(a.leader_name, options_.limits.max_name_chars, 0, "leader_name", &problems);
  CheckTextBound(a.post, options_.limits.max_name_chars, 0, "post", &problems);
  if (a.period_to < a.period_from)
    problems.push_back(
        {"", 0, "period_to", 0, a.period_to.ToString(), "invalid_period", "包保期限的结束日期早于开始日期"});
  if (!problems.empty()) return BoundRefusal("包保信息不完整", std::move(problems));
  std::lock_guard write(write_mu_);
  a.created_by = actor.username;
  a.created_at = Now();
  const std::string doc = ToDoc(a).dump();
  XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(a.id, store_->InsertDispatchRecord({0, DispatchKind::kBaobao, a.region_code, "", 0, "", doc,
                                                            a.created_at, a.created_at}));
    return AppendAudit(actor, "baobao.create", "baobao", std::to_string(a.id), a.region_code, "", doc);
  }));
  return a;
}

Result<std::vector<BaobaoAssignment>> App::ListBaobao(const Actor& actor, const std::string& region_code) const {
  const std::string root_code = region_code.empty() ? actor.region_code : region_code;
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kRead, root_code));
  DispatchRecordQuery q;
  q.kind = DispatchKind::kBaobao;
  XJ_ASSIGN_OR_RETURN(std::vector<DispatchRecord> records, store_->FindDispatchRecords(q));
  auto tree = regions();
  const RegionIndex root = root_code.empty() ? kNoRegion : tree->Find(root_code);
  std::vector<BaobaoAssignment> out;
  for (const DispatchRecord& rec : records) {
    const RegionIndex i = tree->Find(rec.region_code);
    if (i == kNoRegion || (root != kNoRegion && !tree->Contains(root, i))) continue;
    XJ_ASSIGN_OR_RETURN(BaobaoAssignment a, Decoded<BaobaoAssignment>(rec.kind, rec.id, rec.doc, BaobaoFromDoc));
    a.id = rec.id;
    a.region_code = rec.region_code;
    a.region_name = tree->node(i).region.name;
    a.region_level = tree->node(i).region.level;
    out.push_back(std::move(a));
  }
  // Tree order, then oldest first.
  std::stable_sort(out.begin(), out.end(), [&](const BaobaoAssignment& x, const BaobaoAssignment& y) {
    return tree->Find(x.region_code) < tree->Find(y.region_code);
  });
  return out;
}

Result<BaobaoCoverage> App::Coverage(const Actor& actor, const std::string& region_code,
                                     std::optional<Date> as_of_given) const {
  const Date as_of = as_of_given.value_or(Today());
  XJ_ASSIGN_OR_RETURN(std::vector<BaobaoAssignment> assignments, ListBaobao(actor, region_code));
  auto tree = regions();
  const std::string root_code = region_code.empty() ? actor.region_code : region_code;
  RegionIndex begin = 0, end = static_cast<RegionIndex>(tree->size());
  if (!root_code.empty()) {
    begin = tree->Find(root_code);
    end = tree->node(begin).subtree_end;
  }
  // Units with a leader of the right level whose period covers the date.
  std::set<std::string> covered;
  for (const BaobaoAssignment& a : assignments) {
    if (a.period_from > as_of || as_of > a.period_to) continue;
    const bool fits =
        a.region_level == RegionLevel::kCounty ? a.level == LeaderLevel::kRegion : a.level != LeaderLevel::kRegion;
    if (fits) covered.insert(a.region_code);
  }
  BaobaoCoverage out;
  out.as_of = as_of;
  for (RegionIndex i = begin; i < end; ++i) {
    const Region& r = tree->node(i).region;
    const bool county = r.level == RegionLevel::kCounty;
    const bool key_township = r.level == RegionLevel::kTownship && r.key_township;
    if (!county && !key_township) continue;
    const bool ok = covered.count(r.code) > 0;
    (county ? out.counties_total : out.key_townships_total) += 1;
    (county ? out.counties_covered : out.key_townships_covered) += ok ? 1 : 0;
    if (!ok) out.uncovered.push_back({r.code, r.name, r.level});
  }
  return out;
}

Result<std::vector<MyUnit>> App::MyBaobao(const Actor& actor, std::optional<Date> as_of_given) const {
  const Date as_of = as_of_given.value_or(Today());
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kRead));
  DispatchRecordQuery q;
  q.kind = DispatchKind::kBaobao;
  XJ_ASSIGN_OR_RETURN(std::vector<DispatchRecord> records, store_->FindDispatchRecords(q));
  auto tree = regions();
  std::vector<MyUnit> out;
  for (const DispatchRecord& rec : records) {
    XJ_ASSIGN_OR_RETURN(BaobaoAssignment a, Decoded<BaobaoAssignment>(rec.kind, rec.id, rec.doc, BaobaoFromDoc));
    if (a.username.empty() || a.username != actor.username) continue;
    if (a.period_from > as_of || as_of > a.period_to) continue;
    const RegionIndex i = tree->Find(rec.region_code);
    if (i == kNoRegion) continue;
    a.id = rec.id;
    a.region_code = rec.region_code;
    a.region_name = tree->node(i).region.name;
    a.region_level = tree->node(i).region.level;
    MyUnit unit;
    unit.assignment = std::move(a);
    // The unit's place in the one ranking of its level (its scheme's), with its figures.
    IndicatorQuery iq{unit.assignment.region_code, as_of.year(), as_of, FundSource::kCentral};
    RankRequest request;
    request.level = unit.assignment.region_level;
    XJ_ASSIGN_OR_RETURN(Ranking ranking, Rank(Actor::System(), iq, request));
    for (const RankedRegion& row : ranking.rows) {
      if (row.region->code != unit.assignment.region_code) continue;
      unit.figures = row.figures;
      unit.rank = row.rank;
      unit.rank_size = ranking.scopes[row.scope].size;
    }
    XJ_ASSIGN_OR_RETURN(OverdueReport overdue, Overdue(Actor::System(), unit.assignment.region_code, as_of));
    unit.overdue_milestones = static_cast<int>(overdue.milestones.size());
    unit.late_starts = static_cast<int>(overdue.late_starts.size());
    // Open reminders: those of the unit's subtree nobody has acknowledged yet.
    ReminderQuery rq;
    rq.region_code = unit.assignment.region_code;
    rq.status = "unread";
    XJ_ASSIGN_OR_RETURN(std::vector<Reminder> open, ReadReminders(rq, nullptr));
    unit.open_reminders = static_cast<int>(open.size());
    out.push_back(std::move(unit));
  }
  return out;
}

// --- 月调度 ---

Result<std::optional<DispatchCycle>> App::FindCycle(const std::string& region_code, const std::string& month) const {
  DispatchRecordQuery q;
  q.kind = DispatchKind::kCycle;
  q.period = month;
  q.region_code = region_code;
  XJ_ASSIGN_OR_RETURN(std::vector<DispatchRecord> records, store_->FindDispatchRecords(q));
  if (records.empty()) return std::optional<DispatchCycle>();
  const DispatchRecord& rec = records.front();
  XJ_ASSIGN_OR_RETURN(DispatchCycle c, Decoded<DispatchCycle>(rec.kind, rec.id, rec.doc, CycleFromDoc));
  c.id = rec.id;
  c.region_code = rec.region_code;
  return std::optional<DispatchCycle>(std::move(c));
}

Result<DispatchView> App::ViewOfCycle(const Actor& actor, DispatchCycle cycle) const {
  (void)actor;
  auto rows_of = [&](std::int64_t cycle_id) -> Result<std::vector<SnapshotRow>> {
    DispatchRecordQuery q;
    q.kind = DispatchKind::kSnapshotRow;
    q.ref_id = cycle_id;
    XJ_ASSIGN_OR_RETURN(std::vector<DispatchRecord> records, store_->FindDispatchRecords(q));
    std::vector<SnapshotRow> rows;
    for (const DispatchRecord& rec : records) {
      XJ_ASSIGN_OR_RETURN(SnapshotRow r, Decoded<SnapshotRow>(rec.kind, rec.id, rec.doc, SnapshotRowFromDoc));
      r.region_code = rec.region_code;
      rows.push_back(std::move(r));
    }
    return rows;
  };
  DispatchView view;
  XJ_ASSIGN_OR_RETURN(view.rows, rows_of(cycle.id));
  XJ_ASSIGN_OR_RETURN(Date first, ParseMonth(cycle.month));
  XJ_ASSIGN_OR_RETURN(std::optional<DispatchCycle> previous, FindCycle(cycle.region_code, PreviousMonth(first)));
  std::map<std::string, SnapshotRow> previous_rows;
  if (previous) {
    XJ_ASSIGN_OR_RETURN(std::vector<SnapshotRow> rows, rows_of(previous->id));
    for (SnapshotRow& r : rows) previous_rows.emplace(r.region_code, std::move(r));
  }
  {
    std::shared_lock lock(state_mu_);
    const RegionTree& tree = engine_->tree();
    for (const SnapshotRow& r : view.rows) {
      const RegionIndex i = tree.Find(r.region_code);
      view.live.push_back(i == kNoRegion ? Indicators{}
                                         : engine_->Compute(i, r.figures.year, r.figures.as_of, r.figures.fund_source));
      auto prev = previous_rows.find(r.region_code);
      view.previous.push_back(prev == previous_rows.end() ? std::nullopt : std::optional<SnapshotRow>(prev->second));
    }
  }
  view.cycle = std::move(cycle);
  return view;
}

Result<DispatchView> App::OpenDispatch(const Actor& actor, const std::string& region_code, const std::string& month) {
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kManageDispatch, region_code));
  XJ_ASSIGN_OR_RETURN(Date first, ParseMonth(month));
  std::vector<RegionLevel> levels;
  std::vector<std::string> reviewers;
  {
    auto tree = regions();
    const RegionIndex root = tree->Find(region_code);
    if (root == kNoRegion) return Status::NotFound("区划不存在：" + region_code);
    const RegionLevel level = tree->node(root).region.level;
    if (level >= RegionLevel::kCounty) return Status::InvalidArgument("月调度由自治区或地市开展：" + region_code);
    for (int l = static_cast<int>(level) + 1; l <= static_cast<int>(RegionLevel::kCounty); ++l) {
      levels.push_back(static_cast<RegionLevel>(l));
    }
    // The prefectures review a region's dispatch; a prefecture reviews its own.
    if (level == RegionLevel::kPrefecture) {
      reviewers.push_back(region_code);
    } else {
      for (RegionIndex c : tree->node(root).children) reviewers.push_back(tree->node(c).region.code);
    }
  }
  std::lock_guard write(write_mu_);
  XJ_ASSIGN_OR_RETURN(std::optional<DispatchCycle> existing, FindCycle(region_code, month));
  if (existing) return Status::AlreadyExists("本月调度已开启：" + region_code + " " + month);
  DispatchCycle cycle;
  cycle.region_code = region_code;
  cycle.month = month;
  {
    std::shared_lock lock(state_mu_);
    cycle.cutoff = CutoffOf(first, engine_->policy());
  }
  {
    std::shared_lock lock(state_mu_);
    cycle.deadline =
        cycle.cutoff.AddDays(static_cast<int>(engine_->policy().ValueAt(PolicyKey::kDispatchFilingDays, first)));
  }
  cycle.watermark = std::max(followed_seq_, own_seqs_.empty() ? std::int64_t{0} : *own_seqs_.rbegin());
  cycle.opened_by = actor.username;
  cycle.opened_at = Now();
  cycle.reviewers = std::move(reviewers);
  // Every unit below, level by level, with its figures and rank in the one ranking.
  std::vector<SnapshotRow> rows;
  const IndicatorQuery iq{region_code, first.year(), cycle.cutoff, FundSource::kCentral};
  for (RegionLevel level : levels) {
    RankRequest request;
    request.level = level;
    XJ_ASSIGN_OR_RETURN(Ranking ranking, Rank(Actor::System(), iq, request));
    for (const RankedRegion& r : ranking.rows) {
      rows.push_back(
          {r.region->code, r.region->name, r.region->level, r.figures, r.rank, ranking.scopes[r.scope].size});
    }
  }
  // A ranking carries the money figures it ranks by; the snapshot keeps every figure of
  // `xianjie indicators` (projects and start rate included), so month-over-month start rates exist.
  {
    std::shared_lock lock(state_mu_);
    const RegionTree& tree = engine_->tree();
    for (SnapshotRow& r : rows) {
      const RegionIndex i = tree.Find(r.region_code);
      if (i != kNoRegion) r.figures = engine_->Compute(i, iq.year, iq.as_of, iq.fund_source);
    }
  }
  {
    auto tree = regions();
    std::stable_sort(rows.begin(), rows.end(), [&](const SnapshotRow& a, const SnapshotRow& b) {
      return tree->Find(a.region_code) < tree->Find(b.region_code);
    });
  }
  const std::string doc = ToDoc(cycle).dump();
  XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(
        cycle.id, store_->InsertDispatchRecord({0, DispatchKind::kCycle, region_code, month, 0,
                                                CycleKey(region_code, month), doc, cycle.opened_at, cycle.opened_at}));
    if (cycle.id == 0) return Status::AlreadyExists("本月调度已开启：" + region_code + " " + month);
    for (const SnapshotRow& r : rows) {
      XJ_ASSIGN_OR_RETURN(std::int64_t id,
                          store_->InsertDispatchRecord({0, DispatchKind::kSnapshotRow, r.region_code, month, cycle.id,
                                                        "", ToDoc(r).dump(), cycle.opened_at, cycle.opened_at}));
      (void)id;
    }
    return AppendAudit(actor, "dispatch.open", "dispatch", region_code + ":" + month, region_code, "", doc);
  }));
  return ViewOfCycle(actor, std::move(cycle));
}

Result<DispatchView> App::GetDispatch(const Actor& actor, const std::string& region_code,
                                      const std::string& month) const {
  // The dispatching region's people see the whole snapshot; a unit below sees its own part.
  const bool whole = Authorize(actor, Action::kRead, region_code).ok();
  if (!whole) {
    XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kRead));
    auto tree = regions();
    const RegionIndex cycle_region = tree->Find(region_code);
    const RegionIndex home = tree->Find(actor.region_code);
    if (cycle_region == kNoRegion) return Status::NotFound("区划不存在：" + region_code);
    if (home == kNoRegion || !tree->Contains(cycle_region, home)) {
      return Status::PermissionDenied("区划 " + region_code + " 超出数据范围");
    }
  }
  XJ_RETURN_IF_ERROR(ParseMonth(month).status());
  XJ_ASSIGN_OR_RETURN(std::optional<DispatchCycle> cycle, FindCycle(region_code, month));
  if (!cycle) return Status::NotFound("本月调度尚未开启：" + region_code + " " + month);
  XJ_ASSIGN_OR_RETURN(DispatchView view, ViewOfCycle(actor, std::move(*cycle)));
  if (!whole) {
    DispatchView part;
    part.cycle = std::move(view.cycle);
    for (std::size_t i = 0; i < view.rows.size(); ++i) {
      if (!InScope(actor, view.rows[i].region_code)) continue;
      part.rows.push_back(std::move(view.rows[i]));
      part.live.push_back(view.live[i]);
      part.previous.push_back(std::move(view.previous[i]));
    }
    std::erase_if(part.cycle.filings, [&](const DispatchFiling& f) { return !InScope(actor, f.region_code); });
    return part;
  }
  return view;
}

Result<std::vector<DispatchCycle>> App::ListDispatches(const Actor& actor, const std::string& region_code) const {
  const std::string root_code = region_code.empty() ? actor.region_code : region_code;
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kRead, root_code));
  DispatchRecordQuery q;
  q.kind = DispatchKind::kCycle;
  XJ_ASSIGN_OR_RETURN(std::vector<DispatchRecord> records, store_->FindDispatchRecords(q));
  auto tree = regions();
  const RegionIndex root = root_code.empty() ? kNoRegion : tree->Find(root_code);
  std::vector<DispatchCycle> out;
  for (const DispatchRecord& rec : records) {
    const RegionIndex i = tree->Find(rec.region_code);
    // A unit sees the cycles of the regions above it too: they dispatch it.
    if (i == kNoRegion || (root != kNoRegion && !tree->Contains(root, i) && !tree->Contains(i, root))) continue;
    XJ_ASSIGN_OR_RETURN(DispatchCycle c, Decoded<DispatchCycle>(rec.kind, rec.id, rec.doc, CycleFromDoc));
    c.id = rec.id;
    c.region_code = rec.region_code;
    if (root != kNoRegion && !tree->Contains(root, i)) {
      std::erase_if(c.filings, [&](const DispatchFiling& f) { return !InScope(actor, f.region_code); });
    }
    out.push_back(std::move(c));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const DispatchCycle& a, const DispatchCycle& b) { return a.month > b.month; });
  return out;
}

namespace {

/// The reviewing unit of the cycle whose part `unit` is: the reviewer that contains it.
std::string ReviewerOf(const RegionTree& tree, const DispatchCycle& cycle, const std::string& unit) {
  const RegionIndex u = tree.Find(unit);
  for (const std::string& r : cycle.reviewers) {
    const RegionIndex ri = tree.Find(r);
    if (ri != kNoRegion && u != kNoRegion && tree.Contains(ri, u)) return r;
  }
  return {};
}

bool HasReviewed(const DispatchCycle& cycle, const std::string& reviewer) {
  return std::any_of(cycle.reviews.begin(), cycle.reviews.end(),
                     [&](const DispatchReview& r) { return r.region_code == reviewer; });
}

}  // namespace

Result<DispatchView> App::FileDispatch(const Actor& actor, const std::string& region_code, const std::string& month,
                                       DispatchFiling filing) {
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kFileDispatch, filing.region_code));
  XJ_RETURN_IF_ERROR(ParseMonth(month).status());
  std::vector<FieldError> problems;
  if (filing.explanation.empty()) problems.push_back({"", 0, "explanation", 0, "", "required", "滞后原因说明必填"});
  if (filing.next_plan.empty()) problems.push_back({"", 0, "next_plan", 0, "", "required", "下月计划必填"});
  CheckTextBound(filing.explanation, options_.limits.max_note_chars, 0, "explanation", &problems);
  CheckTextBound(filing.next_plan, options_.limits.max_note_chars, 0, "next_plan", &problems);
  if (!problems.empty()) return BoundRefusal("填报不完整", std::move(problems));
  std::lock_guard write(write_mu_);
  XJ_ASSIGN_OR_RETURN(std::optional<DispatchCycle> cycle, FindCycle(region_code, month));
  if (!cycle) return Status::NotFound("本月调度尚未开启：" + region_code + " " + month);
  DispatchRecordQuery rq;
  rq.kind = DispatchKind::kSnapshotRow;
  rq.ref_id = cycle->id;
  rq.region_code = filing.region_code;
  XJ_ASSIGN_OR_RETURN(std::vector<DispatchRecord> unit_rows, store_->FindDispatchRecords(rq));
  if (unit_rows.empty()) return Status::InvalidArgument("该单位不在本次调度范围内：" + filing.region_code);
  if (cycle->status != CycleStatus::kOpen || HasReviewed(*cycle, ReviewerOf(*regions(), *cycle, filing.region_code))) {
    return Status::Conflict("本单位的调度填报已审核，不能再修改");
  }
  if (Today() > cycle->deadline) return Status::Conflict("已过填报截止日期 " + cycle->deadline.ToString());
  const std::string before = ToDoc(*cycle).dump();
  filing.filed_by = actor.username;
  filing.filed_at = Now();
  std::erase_if(cycle->filings, [&](const DispatchFiling& f) { return f.region_code == filing.region_code; });
  cycle->filings.push_back(filing);
  const std::string after = ToDoc(*cycle).dump();
  XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
    XJ_RETURN_IF_ERROR(store_->UpdateDispatchRecord(cycle->id, after, filing.filed_at));
    return AppendAudit(actor, "dispatch.file", "dispatch", region_code + ":" + month, filing.region_code, before,
                       after);
  }));
  return ViewOfCycle(actor, std::move(*cycle));
}

Result<DispatchView> App::ReviewDispatch(const Actor& actor, const std::string& region_code, const std::string& month,
                                         const std::string& reviewer) {
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kManageDispatch, reviewer));
  XJ_RETURN_IF_ERROR(ParseMonth(month).status());
  std::lock_guard write(write_mu_);
  XJ_ASSIGN_OR_RETURN(std::optional<DispatchCycle> cycle, FindCycle(region_code, month));
  if (!cycle) return Status::NotFound("本月调度尚未开启：" + region_code + " " + month);
  if (std::find(cycle->reviewers.begin(), cycle->reviewers.end(), reviewer) == cycle->reviewers.end()) {
    return Status::InvalidArgument("该单位不审核本次调度：" + reviewer);
  }
  if (cycle->status != CycleStatus::kOpen || HasReviewed(*cycle, reviewer)) {
    return Status::Conflict("已审核：" + reviewer);
  }
  const std::string before = ToDoc(*cycle).dump();
  const std::string now = Now();
  cycle->reviews.push_back({reviewer, actor.username, now});
  if (std::all_of(cycle->reviewers.begin(), cycle->reviewers.end(),
                  [&](const std::string& r) { return HasReviewed(*cycle, r); })) {
    cycle->status = CycleStatus::kReviewed;
  }
  const std::string after = ToDoc(*cycle).dump();
  XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
    XJ_RETURN_IF_ERROR(store_->UpdateDispatchRecord(cycle->id, after, now));
    return AppendAudit(actor, "dispatch.review", "dispatch", region_code + ":" + month, reviewer, before, after);
  }));
  return ViewOfCycle(actor, std::move(*cycle));
}

Result<DispatchView> App::CloseDispatch(const Actor& actor, const std::string& region_code, const std::string& month) {
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kManageDispatch, region_code));
  XJ_RETURN_IF_ERROR(ParseMonth(month).status());
  std::lock_guard write(write_mu_);
  XJ_ASSIGN_OR_RETURN(std::optional<DispatchCycle> cycle, FindCycle(region_code, month));
  if (!cycle) return Status::NotFound("本月调度尚未开启：" + region_code + " " + month);
  if (cycle->status != CycleStatus::kReviewed) {
    return Status::Conflict(std::string("调度状态为 ") + CycleStatusName(cycle->status) + "，须全部审核后才能关闭");
  }
  const std::string before = ToDoc(*cycle).dump();
  cycle->status = CycleStatus::kClosed;
  cycle->closed_by = actor.username;
  cycle->closed_at = Now();
  const std::string after = ToDoc(*cycle).dump();
  XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
    XJ_RETURN_IF_ERROR(store_->UpdateDispatchRecord(cycle->id, after, cycle->closed_at));
    return AppendAudit(actor, "dispatch.close", "dispatch", region_code + ":" + month, region_code, before, after);
  }));
  return ViewOfCycle(actor, std::move(*cycle));
}

}  // namespace xj
