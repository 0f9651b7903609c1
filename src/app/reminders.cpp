// Weekly point-to-point reminders (点对点提醒, issue #17 point 3). The rules read the engine's
// figures (the one set: App::Rank's and ComputeIndicators' engine), the overdue report and the
// flags list; thresholds are policy data (docs/definitions.md §7).
#include "app/reminders.hpp"

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <map>
#include <set>

#include "app/app.hpp"
#include "core/int128.hpp"

namespace xj {
namespace {

using nlohmann::json;

std::string ReminderText(const json& j, const char* name, Status& e) {
  auto it = j.find(name);
  if (it == j.end() || !it->is_string()) {
    if (e.ok()) e = Status::Internal(std::string("提醒记录缺少文本字段 ") + name);
    return {};
  }
  return it->get<std::string>();
}

std::int64_t Int(const json& j, const char* name, Status& e) {
  auto it = j.find(name);
  if (it == j.end() || !it->is_number_integer()) {
    if (e.ok()) e = Status::Internal(std::string("提醒记录缺少整数字段 ") + name);
    return 0;
  }
  return it->get<std::int64_t>();
}

/// Monday of ISO week 1 of `year`: the Monday of the week holding 4 January.
Date IsoWeekOneMonday(int year) {
  const Date jan4 = Date::FromYmd(year, 1, 4);
  const int weekday = ((jan4.days() % 7) + 7 + 3) % 7;  // 0 = Monday (1970-01-01 was a Thursday)
  return jan4.AddDays(-weekday);
}

std::string DedupKey(const Reminder& r) {
  return "reminder:" + r.week + ":" + r.kind + ":" + r.target_region_code + ":" + r.project_code + ":" + r.subject +
         ":" + r.recipient.kind + ":" + r.recipient.name;
}

}  // namespace

bool BehindByMoreThan(Ratio time, Ratio done, std::int64_t threshold_bp) {
  const Int128 lhs = static_cast<Int128>(10000) *
                     (static_cast<Int128>(time.num) * done.den - static_cast<Int128>(done.num) * time.den);
  const Int128 rhs = static_cast<Int128>(threshold_bp) * time.den * done.den;
  return lhs > rhs;
}

Status LoggingSender::Send(const Reminder& r) {
  ++sent_;
  std::cerr << "[" << channel_ << "] 点对点提醒 " << r.week << " " << r.kind << " → " << r.recipient.name << "（"
            << r.recipient.region_code << "）" << (r.project_code.empty() ? "" : " 项目 " + r.project_code) << "\n";
  return Status::Ok();
}

Result<Date> ParseIsoWeek(std::string_view week) {
  int y = 0, w = 0;
  char tail = 0;
  if (week.size() != 8 || week[4] != '-' || week[5] != 'W' ||
      std::sscanf(std::string(week).c_str(), "%4d-W%2d%c", &y, &w, &tail) != 2 || y < 2000 || y > 2100 || w < 1) {
    return Status::InvalidArgument("周次应为 YYYY-Www：" + std::string(week));
  }
  const Date monday = IsoWeekOneMonday(y).AddDays(7 * (w - 1));
  if (IsoWeekOf(monday) != week) return Status::InvalidArgument("该年没有这一周：" + std::string(week));
  return monday;
}

std::string IsoWeekOf(Date d) {
  // The ISO year is the year of the week's Thursday.
  const int weekday = ((d.days() % 7) + 7 + 3) % 7;
  const Date thursday = d.AddDays(3 - weekday);
  const int year = thursday.year();
  const int week = (thursday.days() - IsoWeekOneMonday(year).days()) / 7 + 1;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-W%02d", year % 10000, week % 100);
  return buf;
}

json ToDoc(const Reminder& r) {
  json deliveries = json::array();
  for (const ReminderDelivery& d : r.deliveries) {
    deliveries.push_back({{"channel", d.channel}, {"status", d.status}, {"at", d.at}});
  }
  return json{
      {"week", r.week},
      {"kind", r.kind},
      {"target_region_name", r.target_region_name},
      {"project_code", r.project_code},
      {"subject", r.subject},
      {"recipient",
       {{"kind", r.recipient.kind},
        {"name", r.recipient.name},
        {"region_code", r.recipient.region_code},
        {"username", r.recipient.username}}},
      {"triggered_by",
       {{"metric", r.triggered_by.metric}, {"value", r.triggered_by.value}, {"threshold", r.triggered_by.threshold}}},
      {"status", r.status},
      {"acknowledged_by", r.acknowledged_by},
      {"acknowledged_at", r.acknowledged_at},
      {"reply", r.reply},
      {"created_at", r.created_at},
      {"deliveries", std::move(deliveries)}};
}

Result<Reminder> ReminderFromDoc(const json& j) {
  Status e;
  Reminder r;
  r.week = ReminderText(j, "week", e);
  r.kind = ReminderText(j, "kind", e);
  r.target_region_name = ReminderText(j, "target_region_name", e);
  r.project_code = ReminderText(j, "project_code", e);
  r.subject = ReminderText(j, "subject", e);
  auto rec = j.find("recipient");
  auto trig = j.find("triggered_by");
  if (rec == j.end() || !rec->is_object() || trig == j.end() || !trig->is_object()) {
    return Status::Internal("提醒记录缺少 recipient 或 triggered_by");
  }
  r.recipient = {ReminderText(*rec, "kind", e), ReminderText(*rec, "name", e), ReminderText(*rec, "region_code", e),
                 ReminderText(*rec, "username", e)};
  r.triggered_by = {ReminderText(*trig, "metric", e), Int(*trig, "value", e), Int(*trig, "threshold", e)};
  r.status = ReminderText(j, "status", e);
  r.acknowledged_by = ReminderText(j, "acknowledged_by", e);
  r.acknowledged_at = ReminderText(j, "acknowledged_at", e);
  r.reply = ReminderText(j, "reply", e);
  r.created_at = ReminderText(j, "created_at", e);
  if (auto d = j.find("deliveries"); d != j.end() && d->is_array()) {
    for (const json& x : *d) {
      if (x.is_object())
        r.deliveries.push_back({ReminderText(x, "channel", e), ReminderText(x, "status", e), ReminderText(x, "at", e)});
    }
  }
  if (r.status != "unread" && r.status != "acknowledged" && e.ok()) e = Status::Internal("提醒状态无效：" + r.status);
  if (!e.ok()) return e;
  return r;
}

void App::AddReminderSender(std::shared_ptr<ReminderSender> sender) {
  std::lock_guard write(write_mu_);
  senders_.push_back(std::move(sender));
}

bool App::IsRecipient(const Actor& actor, const Reminder& r) const {
  if (r.recipient.kind == "leader") return !r.recipient.username.empty() && actor.username == r.recipient.username;
  // A unit's reminders, and those of the 责任人 it employs, are answered by the unit's own people.
  return actor.user_id != 0 && actor.region_code == r.recipient.region_code && actor.role != Role::kLeader &&
         actor.role != Role::kAuditor;
}

Result<ReminderBatch> App::GenerateReminders(const Actor& actor, const std::string& region_code,
                                             const std::string& week) {
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kManageDispatch, region_code));
  XJ_ASSIGN_OR_RETURN(Date as_of, ParseIsoWeek(week));
  if (region_code.empty()) return Status::InvalidArgument("缺少 region");
  ReminderBatch batch;
  batch.region_code = region_code;
  batch.week = week;
  batch.as_of = as_of;
  // The 包保 leaders of each unit on the date.
  XJ_ASSIGN_OR_RETURN(std::vector<BaobaoAssignment> assignments, ListBaobao(Actor::System(), region_code));
  std::erase_if(assignments, [&](const BaobaoAssignment& a) { return a.period_from > as_of || as_of > a.period_to; });
  std::vector<Reminder> found;
  auto unit_of = [](const std::string& code, const std::string& name) {
    return ReminderRecipient{"unit", name, code, ""};
  };
  auto add = [&](Reminder base, std::vector<ReminderRecipient> recipients) {
    base.week = week;
    for (ReminderRecipient& to : recipients) {
      Reminder r = base;
      r.recipient = std::move(to);
      found.push_back(std::move(r));
    }
  };
  std::int64_t behind_bp = 0, not_started_days = 0, early_days = 0, early_not_started_days = 0;
  {
    std::shared_lock lock(state_mu_);
    const RegionTree& tree = engine_->tree();
    const PolicySet& policy = engine_->policy();
    behind_bp = policy.ValueAt(PolicyKey::kReminderBehindTimeBp, as_of);
    not_started_days = policy.ValueAt(PolicyKey::kReminderNotStartedDays, as_of);
    early_days = policy.ValueAt(PolicyKey::kSeasonEarlyDays, as_of);
    early_not_started_days = policy.ValueAt(PolicyKey::kReminderSeasonEarlyNotStartedDays, as_of);
    const RegionIndex root = tree.Find(region_code);
    if (root == kNoRegion) return Status::NotFound("区划不存在：" + region_code);
    // 1. A county whose central expenditure progress is behind time progress by more than X points.
    std::vector<RegionIndex> counties = tree.node(root).region.level == RegionLevel::kCounty
                                            ? std::vector<RegionIndex>{root}
                                            : tree.DescendantsAtLevel(root, RegionLevel::kCounty);
    for (RegionIndex c : counties) {
      const Indicators f = engine_->Compute(c, as_of.year(), as_of, FundSource::kCentral);
      if (!f.expend_progress.defined() || !f.time_progress.defined()) continue;
      if (!BehindByMoreThan(f.time_progress, f.expend_progress, behind_bp)) continue;
      const Region& county = tree.node(c).region;
      Reminder r;
      r.kind = ReminderKind::kCountyBehindTime;
      r.target_region_code = county.code;
      r.target_region_name = county.name;
      r.triggered_by = {"expend_progress_behind_time_pts",
                        PointsDifferenceHundredths(f.time_progress, f.expend_progress).value_or(0), behind_bp};
      std::vector<ReminderRecipient> to = {unit_of(county.code, county.name)};
      for (const BaobaoAssignment& a : assignments) {
        if (a.region_code == county.code) to.push_back({"leader", a.leader_name, county.code, a.username});
      }
      add(std::move(r), std::move(to));
    }
  }
  // 2. A project not started Y days after its planned start; 3. an overdue milestone.
  XJ_ASSIGN_OR_RETURN(OverdueReport overdue, Overdue(Actor::System(), region_code, as_of));
  // The construction season (docs/definitions.md §7): a start planned out of season is counted from
  // the season's opening; one planned in the season's first days is reminded sooner.
  std::map<std::string, SeasonOn> seasons;
  for (const LateStart& s : overdue.late_starts) {
    auto [at, added] = seasons.try_emplace(s.region_code);
    if (added) at->second = SeasonsOf(s.region_code);
    const ConstructionSeason season = at->second(s.planned_start);
    std::string metric = "days_since_planned_start";
    Date from = s.planned_start;
    std::int64_t threshold = not_started_days;
    if (!season.WholeYear()) {
      if (!season.Contains(from)) {
        from = season.Opening(from);
        metric = "days_since_season_opening";
      }
      if (from.days() - season.Opening(from).days() < early_days) threshold = early_not_started_days;
    }
    const std::int64_t days_late = as_of.days() - from.days();
    if (days_late <= 0 || days_late < threshold) continue;
    Reminder r;
    r.kind = ReminderKind::kProjectNotStarted;
    r.target_region_code = s.region_code;
    r.target_region_name = s.region_name;
    r.project_code = s.project_code;
    r.triggered_by = {metric, days_late, threshold};
    std::vector<ReminderRecipient> to = {unit_of(s.region_code, s.region_name)};
    if (!s.responsible_person.empty()) to.push_back({"person", s.responsible_person, s.region_code, ""});
    add(std::move(r), std::move(to));
  }
  for (const OverdueMilestone& m : overdue.milestones) {
    Reminder r;
    r.kind = ReminderKind::kMilestoneOverdue;
    r.target_region_code = m.region_code;
    r.target_region_name = m.region_name;
    r.project_code = m.project_code;
    r.subject = m.milestone.name;
    r.triggered_by = {"days_overdue", m.days_overdue, 0};
    std::vector<ReminderRecipient> to = {unit_of(m.region_code, m.region_name)};
    if (!m.responsible_person.empty()) to.push_back({"person", m.responsible_person, m.region_code, ""});
    add(std::move(r), std::move(to));
  }
  // 4. An unresolved 以拨代支 or 超进度拨款 flag.
  FlagQuery fq;
  fq.region_code = region_code;
  fq.as_of = as_of;
  XJ_ASSIGN_OR_RETURN(FlagsReport flags, Flags(Actor::System(), fq));
  for (const FlagItem& item : flags.items) {
    const Flag& f = item.flag;
    if (f.status == FlagStatus::kClosed) continue;
    // 5. An allocation received from the superior and passed on late (docs/definitions.md §12).
    if ((f.kind == FlagKind::kLateAllocation || f.kind == FlagKind::kLateDistribution) && item.timeliness) {
      const bool onward = f.kind == FlagKind::kLateAllocation;
      Reminder r;
      r.kind = onward ? ReminderKind::kLateAllocation : ReminderKind::kLateDistribution;
      r.target_region_code = item.region.code;
      r.target_region_name = item.region.name;
      r.subject = f.subject;
      r.triggered_by = {onward ? "days_to_allocation" : "days_to_distribution", item.timeliness->days,
                        item.timeliness->limit_days};
      std::vector<ReminderRecipient> to = {unit_of(item.region.code, item.region.name)};
      for (const BaobaoAssignment& a : assignments) {
        if (a.region_code == item.region.code) to.push_back({"leader", a.leader_name, item.region.code, a.username});
      }
      add(std::move(r), std::move(to));
      continue;
    }
    if (f.kind != FlagKind::kDisburseAsExpend && f.kind != FlagKind::kPayAheadOfProgress) continue;
    Reminder r;
    r.kind = ReminderKind::kFlagUnresolved;
    r.target_region_code = item.region.code;
    r.target_region_name = item.region.name;
    r.project_code = f.project_code;
    r.subject = f.kind + ":" + f.subject;
    r.triggered_by = {f.kind + "_fen", f.amount.value(), 0};
    add(std::move(r), {unit_of(item.region.code, item.region.name)});
  }

  std::lock_guard write(write_mu_);
  const std::string now = Now();
  XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
    for (Reminder& r : found) {
      r.created_at = now;
      r.deliveries.push_back({"in_app", "sent", now});  // the message centre reads the record itself
      for (const auto& sender : senders_) r.deliveries.push_back({sender->channel(), "pending", ""});
      XJ_ASSIGN_OR_RETURN(r.id, store_->InsertDispatchRecord({0, DispatchKind::kReminder, r.target_region_code, week, 0,
                                                              DedupKey(r), ToDoc(r).dump(), now, now}));
      if (r.id == 0) {
        ++batch.existing;
      } else {
        ++batch.created;
      }
    }
    return AppendAudit(actor, "reminder.generate", "reminder", region_code + ":" + week, region_code, "",
                       json{{"created", batch.created}, {"existing", batch.existing}}.dump());
  }));
  XJ_RETURN_IF_ERROR(DeliverOutboxLocked());
  // The week's reminders as stored (the earlier run's for those already there).
  ReminderQuery q;
  q.region_code = region_code;
  q.week = week;
  XJ_ASSIGN_OR_RETURN(batch.items, ReadReminders(q, nullptr));
  return batch;
}

Status App::DeliverOutboxLocked() {
  if (senders_.empty()) return Status::Ok();
  DispatchRecordQuery q;
  q.kind = DispatchKind::kReminder;
  XJ_ASSIGN_OR_RETURN(std::vector<DispatchRecord> records, store_->FindDispatchRecords(q));
  for (const DispatchRecord& rec : records) {
    json j = json::parse(rec.doc, nullptr, false);
    if (j.is_discarded()) return Status::Internal("提醒记录不是 JSON：id=" + std::to_string(rec.id));
    XJ_ASSIGN_OR_RETURN(Reminder r, ReminderFromDoc(j));
    r.id = rec.id;
    r.target_region_code = rec.region_code;
    bool changed = false;
    for (ReminderDelivery& d : r.deliveries) {
      if (d.status != "pending") continue;
      for (const auto& sender : senders_) {
        if (sender->channel() != d.channel) continue;
        d.status = sender->Send(r).ok() ? "sent" : "failed";
        d.at = Now();
        changed = true;
      }
    }
    if (changed) XJ_RETURN_IF_ERROR(store_->UpdateDispatchRecord(rec.id, ToDoc(r).dump(), Now()));
  }
  return Status::Ok();
}

Result<std::vector<Reminder>> App::ReadReminders(const ReminderQuery& query, const Actor* mine) const {
  DispatchRecordQuery q;
  q.kind = DispatchKind::kReminder;
  if (!query.week.empty()) q.period = query.week;
  XJ_ASSIGN_OR_RETURN(std::vector<DispatchRecord> records, store_->FindDispatchRecords(q));
  auto tree = regions();
  const RegionIndex root = query.region_code.empty() ? kNoRegion : tree->Find(query.region_code);
  std::vector<Reminder> out;
  for (const DispatchRecord& rec : records) {
    const RegionIndex i = tree->Find(rec.region_code);
    if (root != kNoRegion && (i == kNoRegion || !tree->Contains(root, i))) continue;
    json j = json::parse(rec.doc, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      return Status::Internal("提醒记录不是 JSON 对象：id=" + std::to_string(rec.id));
    }
    auto r = ReminderFromDoc(j);
    if (!r.ok()) return Status::Internal(r.status().message() + "（reminder id=" + std::to_string(rec.id) + "）");
    r->id = rec.id;
    r->target_region_code = rec.region_code;
    if (!query.status.empty() && r->status != query.status) continue;
    if (mine && !IsRecipient(*mine, *r)) continue;
    out.push_back(std::move(*r));
  }
  return out;
}

Result<std::vector<Reminder>> App::ListReminders(const Actor& actor, const ReminderQuery& query) const {
  if (!query.status.empty() && query.status != "unread" && query.status != "acknowledged") {
    return Status::InvalidArgument("status 应为 unread|acknowledged");
  }
  if (!query.week.empty()) XJ_RETURN_IF_ERROR(ParseIsoWeek(query.week).status());
  if (query.mine) {
    // The message centre: what the caller may acknowledge, wherever it is addressed.
    XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kRead));
    ReminderQuery q = query;
    q.region_code.clear();
    return ReadReminders(q, &actor);
  }
  ReminderQuery q = query;
  if (q.region_code.empty()) q.region_code = actor.region_code;
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kRead, q.region_code));
  return ReadReminders(q, nullptr);
}

Result<Reminder> App::AcknowledgeReminder(const Actor& actor, std::int64_t id, const std::string& reply) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kRead));
  {
    std::vector<FieldError> problems;
    CheckTextBound(reply, options_.limits.max_note_chars, 0, "reply", &problems);
    if (!problems.empty()) return BoundRefusal("回复超出输入限制", std::move(problems));
  }
  std::lock_guard write(write_mu_);
  DispatchRecordQuery q;
  q.kind = DispatchKind::kReminder;
  q.id = id;
  XJ_ASSIGN_OR_RETURN(std::vector<DispatchRecord> records, store_->FindDispatchRecords(q));
  if (records.empty()) return Status::NotFound("提醒不存在：" + std::to_string(id));
  json j = json::parse(records[0].doc, nullptr, false);
  if (j.is_discarded()) return Status::Internal("提醒记录不是 JSON：id=" + std::to_string(id));
  XJ_ASSIGN_OR_RETURN(Reminder r, ReminderFromDoc(j));
  r.id = id;
  r.target_region_code = records[0].region_code;
  // Somebody else's reminder is none of the caller's business: 404 outside scope, 403 inside.
  if (!IsRecipient(actor, r)) {
    if (!InScope(actor, r.target_region_code)) return Status::NotFound("提醒不存在：" + std::to_string(id));
    return Status::PermissionDenied("只有提醒的接收人可以签收");
  }
  if (r.status == "acknowledged" && reply.empty()) return Status::Conflict("提醒已签收");
  const std::string before = records[0].doc;
  const std::string now = Now();
  if (r.status != "acknowledged") {
    r.status = "acknowledged";
    r.acknowledged_by = actor.username;
    r.acknowledged_at = now;
  }
  if (!reply.empty()) r.reply = reply;
  const std::string after = ToDoc(r).dump();
  XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
    XJ_RETURN_IF_ERROR(store_->UpdateDispatchRecord(id, after, now));
    return AppendAudit(actor, "reminder.acknowledge", "reminder", std::to_string(id), r.target_region_code, before,
                       after);
  }));
  return r;
}

}  // namespace xj
