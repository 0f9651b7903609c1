// Routes of issue #17: 领导包保 (assignments, coverage, 我包保的), the monthly dispatch (月调度),
// the weekly reminders and 约谈 (the graded list, interviews and their commitments).
// Registered from api.cpp by RegisterDispatchRoutes. Thin handlers: parse → one App call → encode.
// The figures of a snapshot row are encoded by the same ToJson(RegionIndicators) as
// `xianjie indicators`.
#include "http/api_dispatch.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "http/codecs.hpp"
#include "http/handler_support.hpp"
#include "http/json_response.hpp"
#include "http/params.hpp"

namespace xj::http {
namespace {

using OJ = nlohmann::ordered_json;

Result<std::string> StringField(const nlohmann::json& body, const char* name, bool required) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) {
    if (required) return Status::InvalidArgument(std::string("缺少字段 ") + name);
    return std::string();
  }
  if (!it->is_string()) return Status::InvalidArgument(std::string("字段 ") + name + " 应为字符串");
  return it->get<std::string>();
}

Result<BaobaoAssignment> BaobaoFromJson(const nlohmann::json& body) {
  BaobaoAssignment a;
  XJ_ASSIGN_OR_RETURN(a.region_code, StringField(body, "region_code", true));
  XJ_ASSIGN_OR_RETURN(a.leader_name, StringField(body, "leader_name", true));
  XJ_ASSIGN_OR_RETURN(a.post, StringField(body, "post", true));
  XJ_ASSIGN_OR_RETURN(std::string level, StringField(body, "level", true));
  auto parsed = ParseLeaderLevel(level);
  if (!parsed) return Status::InvalidArgument("level 应为 region|prefecture|county");
  a.level = *parsed;
  XJ_ASSIGN_OR_RETURN(a.username, StringField(body, "username", false));
  XJ_ASSIGN_OR_RETURN(std::string from, StringField(body, "period_from", true));
  XJ_ASSIGN_OR_RETURN(std::string to, StringField(body, "period_to", true));
  XJ_ASSIGN_OR_RETURN(a.period_from, Date::Parse(from));
  XJ_ASSIGN_OR_RETURN(a.period_to, Date::Parse(to));
  return a;
}

OJ FiguresJson(const std::string& code, const std::string& name, RegionLevel level, const Indicators& f) {
  Region r;
  r.code = code;
  r.name = name;
  r.level = level;
  return ToJson(RegionIndicators{r, f, std::nullopt});
}

OJ MyUnitJson(const MyUnit& u) {
  OJ j = ToJson(u.assignment);
  j["figures"] = FiguresJson(u.assignment.region_code, u.assignment.region_name, u.assignment.region_level, u.figures);
  j["rank"] = u.rank ? OJ(*u.rank) : OJ(nullptr);
  j["rank_size"] = u.rank_size;
  j["overdue_milestones"] = u.overdue_milestones;
  j["late_starts"] = u.late_starts;
  j["open_reminders"] = u.open_reminders;
  return j;
}

OJ CycleJson(const DispatchCycle& c) {
  OJ reviews = OJ::array();
  for (const DispatchReview& r : c.reviews) {
    reviews.push_back({{"region_code", r.region_code}, {"reviewed_by", r.reviewed_by}, {"reviewed_at", r.reviewed_at}});
  }
  OJ filings = OJ::array();
  for (const DispatchFiling& f : c.filings) {
    filings.push_back({{"region_code", f.region_code},
                       {"explanation", f.explanation},
                       {"next_plan", f.next_plan},
                       {"filed_by", f.filed_by},
                       {"filed_at", f.filed_at}});
  }
  auto text_or_null = [](const std::string& s) { return s.empty() ? OJ(nullptr) : OJ(s); };
  return OJ{{"region_code", c.region_code},
            {"month", c.month},
            {"cutoff", c.cutoff.ToString()},
            {"deadline", c.deadline.ToString()},
            {"status", CycleStatusName(c.status)},
            {"watermark", c.watermark},
            {"opened_by", c.opened_by},
            {"opened_at", c.opened_at},
            {"closed_by", text_or_null(c.closed_by)},
            {"closed_at", text_or_null(c.closed_at)},
            {"reviewers", c.reviewers},
            {"reviews", std::move(reviews)},
            {"filings", std::move(filings)}};
}

/// The body of a 填报: {region_code, explanation, next_plan}.
Result<DispatchFiling> FilingFromJson(const nlohmann::json& body) {
  DispatchFiling f;
  XJ_ASSIGN_OR_RETURN(f.region_code, StringField(body, "region_code", true));
  XJ_ASSIGN_OR_RETURN(f.explanation, StringField(body, "explanation", false));
  XJ_ASSIGN_OR_RETURN(f.next_plan, StringField(body, "next_plan", false));
  return f;
}

/// Points (hundredths) as a number like the API's other percentages; days and fen as integers.
OJ MetricValue(const std::string& metric, std::int64_t v) {
  if (metric.ends_with("_pts")) return HundredthsToDouble(v);
  return v;
}

/// A path segment of decimal digits (at most 18); nullopt otherwise.
std::optional<std::int64_t> PathNumber(const std::string& text) {
  if (text.empty() || text.size() > 18 ||
      !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  return std::stoll(text);
}

Result<std::vector<std::string>> NameList(const nlohmann::json& body, const char* name, bool required) {
  std::vector<std::string> out;
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) {
    if (required) return Status::InvalidArgument(std::string("缺少字段 ") + name);
    return out;
  }
  if (!it->is_array()) return Status::InvalidArgument(std::string("字段 ") + name + " 应为字符串数组");
  for (const auto& x : *it) {
    if (!x.is_string()) return Status::InvalidArgument(std::string("字段 ") + name + " 应为字符串数组");
    out.push_back(x.get<std::string>());
  }
  return out;
}

/// The body of an interview: {dispatch_region, month, region_code, grade, date, interviewer,
/// interviewees, attendees, commitments: [{text, deadline}]}.
Result<Interview> InterviewFromJson(const nlohmann::json& body) {
  Interview i;
  XJ_ASSIGN_OR_RETURN(i.dispatch_region, StringField(body, "dispatch_region", true));
  XJ_ASSIGN_OR_RETURN(i.month, StringField(body, "month", true));
  XJ_ASSIGN_OR_RETURN(i.region_code, StringField(body, "region_code", true));
  XJ_ASSIGN_OR_RETURN(std::string grade, StringField(body, "grade", true));
  auto parsed = ParseInterviewGrade(grade);
  if (!parsed) return Status::InvalidArgument("grade 应为 reminder_talk|interview|accountability");
  i.grade = *parsed;
  XJ_ASSIGN_OR_RETURN(std::string date, StringField(body, "date", true));
  XJ_ASSIGN_OR_RETURN(i.date, Date::Parse(date));
  XJ_ASSIGN_OR_RETURN(i.interviewer, StringField(body, "interviewer", false));
  XJ_ASSIGN_OR_RETURN(i.interviewees, NameList(body, "interviewees", false));
  XJ_ASSIGN_OR_RETURN(i.attendees, NameList(body, "attendees", false));
  auto it = body.find("commitments");
  if (it != body.end() && !it->is_null()) {
    if (!it->is_array()) return Status::InvalidArgument("字段 commitments 应为数组");
    for (const auto& c : *it) {
      if (!c.is_object()) return Status::InvalidArgument("commitments 的每一项应为 {text, deadline}");
      InterviewCommitment x;
      XJ_ASSIGN_OR_RETURN(x.text, StringField(c, "text", false));
      XJ_ASSIGN_OR_RETURN(std::string deadline, StringField(c, "deadline", true));
      XJ_ASSIGN_OR_RETURN(x.deadline, Date::Parse(deadline));
      i.commitments.push_back(std::move(x));
    }
  }
  return i;
}

Response ViewResponse(const Result<DispatchView>& v, int status = 200) {
  if (!v.ok()) return ErrorResponse(v.status());
  return OrderedJsonResponse(ToJson(*v), status);
}

}  // namespace

OJ ToJson(const BaobaoAssignment& a) {
  return OJ{{"id", a.id},
            {"region_code", a.region_code},
            {"region_name", a.region_name},
            {"region_level", RegionLevelName(a.region_level)},
            {"leader_name", a.leader_name},
            {"post", a.post},
            {"level", LeaderLevelName(a.level)},
            {"username", a.username.empty() ? OJ(nullptr) : OJ(a.username)},
            {"period_from", a.period_from.ToString()},
            {"period_to", a.period_to.ToString()},
            {"created_by", a.created_by},
            {"created_at", a.created_at}};
}

OJ ToJson(const Reminder& r) {
  auto text_or_null = [](const std::string& s) { return s.empty() ? OJ(nullptr) : OJ(s); };
  OJ deliveries = OJ::array();
  for (const ReminderDelivery& d : r.deliveries) {
    deliveries.push_back({{"channel", d.channel}, {"status", d.status}, {"at", text_or_null(d.at)}});
  }
  return OJ{
      {"id", r.id},
      {"week", r.week},
      {"kind", r.kind},
      {"target_region_code", r.target_region_code},
      {"target_region_name", r.target_region_name},
      {"project_code", text_or_null(r.project_code)},
      {"subject", text_or_null(r.subject)},
      {"recipient", {{"kind", r.recipient.kind}, {"name", r.recipient.name}, {"region_code", r.recipient.region_code}}},
      {"triggered_by",
       {{"metric", r.triggered_by.metric},
        {"value", MetricValue(r.triggered_by.metric, r.triggered_by.value)},
        {"threshold", MetricValue(r.triggered_by.metric, r.triggered_by.threshold)}}},
      {"status", r.status},
      {"acknowledged_by", text_or_null(r.acknowledged_by)},
      {"acknowledged_at", text_or_null(r.acknowledged_at)},
      {"reply", text_or_null(r.reply)},
      {"created_at", r.created_at},
      {"deliveries", std::move(deliveries)}};
}

OJ ToJson(const BaobaoCoverage& c) {
  OJ uncovered = OJ::array();
  for (const UncoveredUnit& u : c.uncovered) {
    uncovered.push_back({{"region_code", u.region_code}, {"name", u.name}, {"level", RegionLevelName(u.level)}});
  }
  return OJ{{"as_of", c.as_of.ToString()},
            {"counties_total", c.counties_total},
            {"counties_covered", c.counties_covered},
            {"key_townships_total", c.key_townships_total},
            {"key_townships_covered", c.key_townships_covered},
            {"uncovered", std::move(uncovered)}};
}

OJ ToJson(const DispatchView& v) {
  OJ j = CycleJson(v.cycle);
  OJ rows = OJ::array();
  for (std::size_t i = 0; i < v.rows.size(); ++i) {
    const SnapshotRow& r = v.rows[i];
    OJ row{{"region_code", r.region_code},
           {"region_name", r.region_name},
           {"region_level", RegionLevelName(r.region_level)},
           {"rank", r.rank ? OJ(*r.rank) : OJ(nullptr)},
           {"rank_size", r.rank_size},
           {"figures", FiguresJson(r.region_code, r.region_name, r.region_level, r.figures)},
           {"live", FiguresJson(r.region_code, r.region_name, r.region_level, v.live[i])}};
    if (v.previous[i]) {
      const SnapshotRow& p = *v.previous[i];
      row["previous"] = OJ{{"expend_progress", PercentJson(p.figures.expend_progress)},
                           {"start_rate", PercentJson(p.figures.start_rate)},
                           {"rank", p.rank ? OJ(*p.rank) : OJ(nullptr)}};
      row["expend_progress_mom_pts"] = PointsJson(r.figures.expend_progress, p.figures.expend_progress);
      row["start_rate_mom_pts"] = PointsJson(r.figures.start_rate, p.figures.start_rate);
    } else {
      row["previous"] = nullptr;
      row["expend_progress_mom_pts"] = nullptr;
      row["start_rate_mom_pts"] = nullptr;
    }
    rows.push_back(std::move(row));
  }
  j["rows"] = std::move(rows);
  return j;
}

OJ ToJson(const InterviewList& l) {
  OJ items = OJ::array();
  for (const InterviewCandidate& c : l.items) {
    OJ reasons = OJ::array();
    if (c.reasons.bottom_n) reasons.push_back("bottom_n");
    if (c.reasons.behind_time_at_quarter_end) reasons.push_back("behind_time_at_quarter_end");
    items.push_back({{"region_code", c.region_code},
                     {"region_name", c.region_name},
                     {"rank", c.rank ? OJ(*c.rank) : OJ(nullptr)},
                     {"rank_size", c.rank_size},
                     {"expend_progress", PercentJson(c.expend_progress)},
                     {"time_progress", PercentJson(c.time_progress)},
                     {"behind_time_pts", PointsJson(c.time_progress, c.expend_progress)},
                     {"reasons", std::move(reasons)},
                     {"streak", c.streak},
                     {"grade", InterviewGradeName(c.grade)}});
  }
  return OJ{{"region_code", l.region_code},
            {"month", l.month},
            {"quarter_end", l.quarter_end},
            {"bottom_n", l.bottom_n},
            {"behind_time_pts", HundredthsToDouble(l.behind_time_bp)},
            {"items", std::move(items)}};
}

OJ ToJson(const Interview& i) {
  auto text_or_null = [](const std::string& s) { return s.empty() ? OJ(nullptr) : OJ(s); };
  OJ commitments = OJ::array();
  for (std::size_t k = 0; k < i.commitments.size(); ++k) {
    const InterviewCommitment& c = i.commitments[k];
    commitments.push_back({{"index", k},
                           {"text", c.text},
                           {"deadline", c.deadline.ToString()},
                           {"status", c.closed ? "closed" : "open"},
                           {"closed_by", text_or_null(c.closed_by)},
                           {"closed_at", text_or_null(c.closed_at)},
                           {"note", text_or_null(c.note)}});
  }
  OJ followup = nullptr;
  if (i.next_month) {
    followup = OJ{{"month", *i.next_month},
                  {"expend_progress_before", PercentJson(i.progress_before)},
                  {"expend_progress_after", PercentJson(i.progress_after)},
                  {"change_pts", PointsJson(i.progress_after, i.progress_before)},
                  {"improved", i.improved ? OJ(*i.improved) : OJ(nullptr)}};
  }
  return OJ{{"id", i.id},
            {"region_code", i.region_code},
            {"region_name", i.region_name},
            {"dispatch_region", i.dispatch_region},
            {"month", i.month},
            {"grade", InterviewGradeName(i.grade)},
            {"date", i.date.ToString()},
            {"interviewer", i.interviewer},
            {"interviewees", i.interviewees},
            {"attendees", i.attendees},
            {"commitments", std::move(commitments)},
            {"status", InterviewClosed(i) ? "closed" : "open"},
            {"created_by", i.created_by},
            {"created_at", i.created_at},
            {"followup", std::move(followup)}};
}

void RegisterDispatchRoutes(Router& router, App& app) {
  // --- 领导包保 ---
  router.Add("GET", "/api/v1/baobao", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto rows = app.ListBaobao(Caller(req), req.Query("region"));
    if (!rows.ok()) return ErrorResponse(rows.status());
    OJ items = OJ::array();
    for (const BaobaoAssignment& a : *rows) items.push_back(ToJson(a));
    return OrderedJsonResponse(OJ{{"items", std::move(items)}, {"total", rows->size()}});
  });

  router.Add("POST", "/api/v1/baobao", AccessRule::Require(Action::kManageDispatch), [&app](Request& req) {
    auto body = JsonObjectBody(req);
    if (!body.ok()) return ErrorResponse(body.status());
    auto a = BaobaoFromJson(*body);
    if (!a.ok()) return ErrorResponse(a.status());
    auto saved = app.AddBaobao(Caller(req), std::move(*a));
    if (!saved.ok()) return ErrorResponse(saved.status());
    return OrderedJsonResponse(ToJson(*saved), 201);
  });

  router.Add("GET", "/api/v1/baobao/coverage", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto as_of = OptionalDate(req, "as_of");
    if (!as_of.ok()) return ErrorResponse(as_of.status());
    auto c = app.Coverage(Caller(req), req.Query("region"), *as_of);
    if (!c.ok()) return ErrorResponse(c.status());
    return OrderedJsonResponse(ToJson(*c));
  });

  router.Add("GET", "/api/v1/baobao/mine", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto as_of = OptionalDate(req, "as_of");
    if (!as_of.ok()) return ErrorResponse(as_of.status());
    auto units = app.MyBaobao(Caller(req), *as_of);
    if (!units.ok()) return ErrorResponse(units.status());
    OJ items = OJ::array();
    for (const MyUnit& u : *units) items.push_back(MyUnitJson(u));
    return OrderedJsonResponse(OJ{{"items", std::move(items)}});
  });

  // --- 点对点提醒 ---
  router.Add("POST", "/api/v1/reminders/generate", AccessRule::Require(Action::kManageDispatch), [&app](Request& req) {
    auto body = JsonObjectBody(req);
    if (!body.ok()) return ErrorResponse(body.status());
    auto region = StringField(*body, "region", true);
    if (!region.ok()) return ErrorResponse(region.status());
    auto week = StringField(*body, "week", true);
    if (!week.ok()) return ErrorResponse(week.status());
    auto batch = app.GenerateReminders(Caller(req), *region, *week);
    if (!batch.ok()) return ErrorResponse(batch.status());
    OJ items = OJ::array();
    for (const Reminder& r : batch->items) items.push_back(ToJson(r));
    return OrderedJsonResponse(OJ{{"region", batch->region_code},
                                  {"week", batch->week},
                                  {"as_of", batch->as_of.ToString()},
                                  {"created", batch->created},
                                  {"existing", batch->existing},
                                  {"items", std::move(items)}},
                               batch->created > 0 ? 201 : 200);
  });

  router.Add("GET", "/api/v1/reminders", AccessRule::Require(Action::kRead), [&app](Request& req) {
    ReminderQuery q;
    q.region_code = req.Query("region");
    q.week = req.Query("week");
    q.status = req.Query("status");
    const std::string mine = req.Query("mine");
    if (!mine.empty() && mine != "1" && mine != "true" && mine != "0" && mine != "false") {
      return ErrorResponse(Status::InvalidArgument("mine 应为 1|0"));
    }
    q.mine = mine == "1" || mine == "true";
    auto rows = app.ListReminders(Caller(req), q);
    if (!rows.ok()) return ErrorResponse(rows.status());
    OJ items = OJ::array();
    std::int64_t unread = 0;
    for (const Reminder& r : *rows) {
      unread += r.status == "unread" ? 1 : 0;
      items.push_back(ToJson(r));
    }
    return OrderedJsonResponse(OJ{{"items", std::move(items)}, {"total", rows->size()}, {"unread", unread}});
  });

  router.Add("POST", "/api/v1/reminders/{id}/acknowledge", AccessRule::Require(Action::kRead), [&app](Request& req) {
    const auto id = PathNumber(req.path_params["id"]);
    if (!id) return ErrorResponse(Status::NotFound("提醒不存在：" + req.path_params["id"]));
    std::string reply;
    if (!req.body.empty()) {
      auto body = JsonObjectBody(req);
      if (!body.ok()) return ErrorResponse(body.status());
      auto r = StringField(*body, "reply", false);
      if (!r.ok()) return ErrorResponse(r.status());
      reply = *r;
    }
    auto r = app.AcknowledgeReminder(Caller(req), *id, reply);
    if (!r.ok()) return ErrorResponse(r.status());
    return OrderedJsonResponse(ToJson(*r));
  });

  // --- 月调度 ---
  router.Add("GET", "/api/v1/dispatch", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto cycles = app.ListDispatches(Caller(req), req.Query("region"));
    if (!cycles.ok()) return ErrorResponse(cycles.status());
    OJ items = OJ::array();
    for (const DispatchCycle& c : *cycles) items.push_back(CycleJson(c));
    return OrderedJsonResponse(OJ{{"items", std::move(items)}});
  });

  router.Add(
      "POST", "/api/v1/dispatch/{region}/{month}", AccessRule::Require(Action::kManageDispatch), [&app](Request& req) {
        return ViewResponse(app.OpenDispatch(Caller(req), req.path_params["region"], req.path_params["month"]), 201);
      });

  router.Add("GET", "/api/v1/dispatch/{region}/{month}", AccessRule::Require(Action::kRead), [&app](Request& req) {
    return ViewResponse(app.GetDispatch(Caller(req), req.path_params["region"], req.path_params["month"]));
  });

  router.Add("POST", "/api/v1/dispatch/{region}/{month}/filings", AccessRule::Require(Action::kFileDispatch),
             [&app](Request& req) {
               auto body = JsonObjectBody(req);
               if (!body.ok()) return ErrorResponse(body.status());
               auto filing = FilingFromJson(*body);
               if (!filing.ok()) return ErrorResponse(filing.status());
               return ViewResponse(app.FileDispatch(Caller(req), req.path_params["region"], req.path_params["month"],
                                                    std::move(*filing)));
             });

  router.Add("POST", "/api/v1/dispatch/{region}/{month}/review", AccessRule::Require(Action::kManageDispatch),
             [&app](Request& req) {
               auto body = JsonObjectBody(req);
               if (!body.ok()) return ErrorResponse(body.status());
               auto reviewer = StringField(*body, "region_code", true);
               if (!reviewer.ok()) return ErrorResponse(reviewer.status());
               return ViewResponse(
                   app.ReviewDispatch(Caller(req), req.path_params["region"], req.path_params["month"], *reviewer));
             });

  router.Add("POST", "/api/v1/dispatch/{region}/{month}/close", AccessRule::Require(Action::kManageDispatch),
             [&app](Request& req) {
               return ViewResponse(app.CloseDispatch(Caller(req), req.path_params["region"], req.path_params["month"]));
             });

  // --- 约谈 ---
  router.Add("GET", "/api/v1/interviews/candidates", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto list = app.InterviewCandidates(Caller(req), req.Query("region"), req.Query("month"));
    if (!list.ok()) return ErrorResponse(list.status());
    return OrderedJsonResponse(ToJson(*list));
  });

  router.Add("GET", "/api/v1/interviews", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto rows = app.ListInterviews(Caller(req), req.Query("region"));
    if (!rows.ok()) return ErrorResponse(rows.status());
    OJ items = OJ::array();
    for (const Interview& i : *rows) items.push_back(ToJson(i));
    return OrderedJsonResponse(OJ{{"items", std::move(items)}, {"total", rows->size()}});
  });

  router.Add("POST", "/api/v1/interviews", AccessRule::Require(Action::kManageDispatch), [&app](Request& req) {
    auto body = JsonObjectBody(req);
    if (!body.ok()) return ErrorResponse(body.status());
    auto i = InterviewFromJson(*body);
    if (!i.ok()) return ErrorResponse(i.status());
    auto saved = app.RecordInterview(Caller(req), std::move(*i));
    if (!saved.ok()) return ErrorResponse(saved.status());
    return OrderedJsonResponse(ToJson(*saved), 201);
  });

  router.Add("POST", "/api/v1/interviews/{id}/commitments/{index}/close", AccessRule::Require(Action::kFileDispatch),
             [&app](Request& req) {
               auto id = PathNumber(req.path_params["id"]);
               auto index = PathNumber(req.path_params["index"]);
               if (!id || !index) return ErrorResponse(Status::NotFound("约谈承诺不存在"));
               auto body = JsonObjectBody(req);
               if (!body.ok()) return ErrorResponse(body.status());
               auto note = StringField(*body, "note", false);
               if (!note.ok()) return ErrorResponse(note.status());
               auto i = app.CloseCommitment(Caller(req), *id, static_cast<std::size_t>(*index), *note);
               if (!i.ok()) return ErrorResponse(i.status());
               return OrderedJsonResponse(ToJson(*i));
             });
}

}  // namespace xj::http
