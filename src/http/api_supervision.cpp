// Routes of supervision in the field (督导, issue #18). Thin: parse, one App call, encode.
#include "http/api_supervision.hpp"

#include <tuple>

#include "app/excel_exports.hpp"
#include "http/api_excel.hpp"
#include "http/codecs.hpp"
#include "http/handler_support.hpp"
#include "http/json_response.hpp"
#include "http/params.hpp"

namespace xj::http {
namespace {

Result<std::vector<std::string>> Texts(const nlohmann::json& body, const char* key) {
  std::vector<std::string> out;
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) return out;
  if (!it->is_array()) return Status::InvalidArgument(std::string("字段 ") + key + " 应为字符串数组");
  for (const auto& v : *it) {
    if (!v.is_string()) return Status::InvalidArgument(std::string("字段 ") + key + " 应为字符串数组");
    out.push_back(v.get<std::string>());
  }
  return out;
}

Result<Date> RequiredDateField(const nlohmann::json& body, const char* key) {
  XJ_ASSIGN_OR_RETURN(std::string text, TextField(body, key, true));
  auto d = Date::Parse(text);
  if (!d.ok()) return Status::InvalidArgument(std::string("字段 ") + key + " 应为日期（YYYY-MM-DD）：" + text);
  return *d;
}

Result<NewSupervisionVisit> VisitFromJson(const nlohmann::json& body) {
  NewSupervisionVisit v;
  XJ_ASSIGN_OR_RETURN(v.region_code, TextField(body, "region_code", true));
  XJ_ASSIGN_OR_RETURN(v.title, TextField(body, "title", true));
  XJ_ASSIGN_OR_RETURN(v.team, Texts(body, "team"));
  XJ_ASSIGN_OR_RETURN(v.start_date, RequiredDateField(body, "start_date"));
  XJ_ASSIGN_OR_RETURN(v.end_date, RequiredDateField(body, "end_date"));
  XJ_ASSIGN_OR_RETURN(v.region_codes, Texts(body, "regions"));
  XJ_ASSIGN_OR_RETURN(v.project_codes, Texts(body, "projects"));
  auto findings = body.find("findings");
  if (findings != body.end() && !findings->is_null()) {
    if (!findings->is_array()) return Status::InvalidArgument("字段 findings 应为数组");
    for (const auto& f : *findings) {
      if (!f.is_object()) return Status::InvalidArgument("findings 的每一项应为对象");
      SupervisionFinding finding;
      XJ_ASSIGN_OR_RETURN(std::string category, TextField(f, "category", true));
      const auto parsed = ParseFindingCategory(category);
      if (!parsed) {
        return Status::InvalidArgument("未知的问题类别：" + category +
                                       "（fund_use|disburse_as_expend|progress|quality|asset_management|other）")
            .WithReason("unknown_category");
      }
      finding.category = *parsed;
      XJ_ASSIGN_OR_RETURN(finding.region_code, TextField(f, "region_code", false));
      XJ_ASSIGN_OR_RETURN(finding.project_code, TextField(f, "project_code", false));
      XJ_ASSIGN_OR_RETURN(finding.description, TextField(f, "description", true));
      v.findings.push_back(std::move(finding));
    }
  }
  return v;
}

nlohmann::ordered_json FindingJson(const SupervisionFinding& f) {
  nlohmann::ordered_json j;
  j["id"] = f.id;
  j["visit_id"] = f.visit_id;
  j["category"] = FindingCategoryName(f.category);
  j["category_label"] = FindingCategoryLabel(f.category);
  j["region_code"] = f.region_code;
  j["project_code"] = f.project_code;
  j["description"] = f.description;
  return j;
}

nlohmann::ordered_json VisitJson(const SupervisionVisitView& view) {
  const SupervisionVisit& v = view.visit;
  nlohmann::ordered_json j;
  j["id"] = v.id;
  j["region_code"] = v.region_code;
  j["region_name"] = view.region_name;
  j["title"] = v.title;
  j["team"] = v.team;
  j["start_date"] = v.start_date.ToString();
  j["end_date"] = v.end_date.ToString();
  nlohmann::ordered_json regions = nlohmann::ordered_json::array();
  for (const auto& [code, name] : view.regions) regions.push_back({{"region_code", code}, {"name", name}});
  j["regions"] = std::move(regions);
  nlohmann::ordered_json projects = nlohmann::ordered_json::array();
  for (const CheckedProject& p : view.projects) {
    projects.push_back({{"project_code", p.project_code}, {"region_code", p.region_code}, {"name", p.name}});
  }
  j["projects"] = std::move(projects);
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  for (const SupervisionFinding& f : v.findings) findings.push_back(FindingJson(f));
  j["findings"] = std::move(findings);
  j["created_by"] = v.created_by;
  j["created_at"] = v.created_at;
  return j;
}

Result<SupervisionQuery> ParseSupervisionQuery(const Request& req) {
  SupervisionQuery q;
  q.region_code = req.Query("region");
  XJ_ASSIGN_OR_RETURN(q.from, OptionalDate(req, "from"));
  XJ_ASSIGN_OR_RETURN(q.to, OptionalDate(req, "to"));
  return q;
}

nlohmann::ordered_json RectificationJson(const RectificationView& v) {
  const Rectification& r = v.item;
  nlohmann::ordered_json j;
  j["id"] = r.finding_id;
  j["status"] = RectificationStatusName(r.status);
  j["status_label"] = RectificationStatusLabel(r.status);
  j["region_code"] = r.region_code;
  j["region_name"] = v.region_name;
  j["finding"] = FindingJson(v.finding);
  j["visit_id"] = v.finding.visit_id;
  j["visit_title"] = v.visit_title;
  j["visit_start"] = v.visit_start.ToString();
  j["owner"] = r.owner;
  j["deadline"] = r.deadline ? nlohmann::ordered_json(r.deadline->ToString()) : nlohmann::ordered_json(nullptr);
  j["measures"] = r.measures;
  j["evidence"] = r.evidence;
  j["verification"] = r.verification;
  j["verified_by"] = r.verified_by;
  j["verified_at"] = r.verified_at;
  j["overdue"] = v.overdue;
  j["version"] = r.version;
  j["updated_at"] = r.updated_at;
  nlohmann::ordered_json events = nlohmann::ordered_json::array();
  for (const RectificationEvent& e : v.events) {
    events.push_back({{"action", e.action},
                      {"from_status", RectificationStatusName(e.from_status)},
                      {"to_status", RectificationStatusName(e.to_status)},
                      {"actor", e.actor},
                      {"at", e.at},
                      {"note", e.note}});
  }
  j["events"] = std::move(events);
  return j;
}

Result<RectificationRequest> StepFromJson(const nlohmann::json& body, RectificationActor by) {
  RectificationRequest r;
  XJ_ASSIGN_OR_RETURN(r.action, TextField(body, "action", true));
  const RectificationStep* step = FindRectificationStep(r.action);
  if (!step || step->by != by) {
    return Status::InvalidArgument(std::string("此处的整改操作应为 ") +
                                   (by == RectificationActor::kUnit ? "start|submit" : "assign|verify|return") + "：" +
                                   r.action)
        .WithReason("unknown_action");
  }
  auto version = body.find("version");
  if (version == body.end() || !version->is_number_integer()) return Status::InvalidArgument("缺少整数字段 version");
  r.version = version->get<std::int64_t>();
  for (auto [key, field] :
       {std::pair{"owner", &r.owner}, std::pair{"measures", &r.measures}, std::pair{"evidence", &r.evidence}}) {
    if (auto it = body.find(key); it != body.end() && !it->is_null()) {
      if (!it->is_string()) return Status::InvalidArgument(std::string("字段 ") + key + " 应为字符串");
      *field = it->get<std::string>();
    }
  }
  if (auto it = body.find("deadline"); it != body.end() && !it->is_null()) {
    XJ_ASSIGN_OR_RETURN(r.deadline, RequiredDateField(body, "deadline"));
  }
  XJ_ASSIGN_OR_RETURN(r.note, TextField(body, "note", false));
  return r;
}

}  // namespace

void RegisterSupervisionRoutes(Router& router, App& app) {
  router.Add("POST", "/api/v1/supervision/visits", AccessRule::Require(Action::kWriteSupervision),
             [&app](Request& req) {
               if (!IsJsonBody(req)) {
                 return ErrorResponse(415, "unsupported_media_type", "请求体应为 application/json");
               }
               auto body = JsonObjectBody(req);
               if (!body.ok()) return ErrorResponse(body.status());
               auto request = VisitFromJson(*body);
               if (!request.ok()) return ErrorResponse(request.status());
               auto visit = app.RecordSupervisionVisit(Caller(req), *request);
               if (!visit.ok()) return ErrorResponse(visit.status());
               return OrderedJsonResponse(VisitJson(*visit), 201);
             });

  router.Add("GET", "/api/v1/supervision/visits", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto q = ParseSupervisionQuery(req);
    if (!q.ok()) return ErrorResponse(q.status());
    auto visits = app.ListSupervisionVisits(Caller(req), *q);
    if (!visits.ok()) return ErrorResponse(visits.status());
    nlohmann::ordered_json items = nlohmann::ordered_json::array();
    for (const SupervisionVisitView& v : *visits) items.push_back(VisitJson(v));
    nlohmann::ordered_json out;
    out["total"] = visits->size();
    out["items"] = std::move(items);
    return OrderedJsonResponse(out);
  });

  router.Add("GET", "/api/v1/supervision/visits/{id}", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto id = PositiveIdParam(req, "督导记录");
    if (!id.ok()) return ErrorResponse(id.status());
    auto visit = app.GetSupervisionVisit(Caller(req), *id);
    if (!visit.ok()) return ErrorResponse(visit.status());
    return OrderedJsonResponse(VisitJson(*visit));
  });

  router.Add("GET", "/api/v1/supervision/coverage", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto q = ParseSupervisionQuery(req);
    if (!q.ok()) return ErrorResponse(q.status());
    auto c = app.CoverSupervision(Caller(req), *q);
    if (!c.ok()) return ErrorResponse(c.status());
    nlohmann::ordered_json out;
    out["visits"] = c->visits;
    out["prefectures_covered"] = c->prefectures_covered;
    out["counties_covered"] = c->counties_covered;
    out["projects_checked"] = c->projects_checked;
    return OrderedJsonResponse(out);
  });

  router.Add(
      "GET", "/api/v1/exports/supervision-coverage.xlsx", AccessRule::Require(Action::kRead), [&app](Request& req) {
        auto q = ParseSupervisionQuery(req);
        if (!q.ok()) return ErrorResponse(q.status());
        return ExportFile(
            req, [&](const ExportTarget& target) { return ExportSupervisionCoverage(app, Caller(req), *q, target); },
            "督导覆盖-" + (q->region_code.empty() ? std::string("本辖区") : q->region_code) + ".xlsx");
      });
  // --- rectification (问题整改, issue #18 point 2) ---
  router.Add("GET", "/api/v1/supervision/rectifications", AccessRule::Require(Action::kRead), [&app](Request& req) {
    RectificationQuery q;
    q.region_code = req.Query("region");
    q.status = req.Query("status");
    q.overdue_only = req.Query("overdue") == "1" || req.Query("overdue") == "true";
    auto from = OptionalDate(req, "from");
    if (!from.ok()) return ErrorResponse(from.status());
    auto to = OptionalDate(req, "to");
    if (!to.ok()) return ErrorResponse(to.status());
    q.from = *from;
    q.to = *to;
    auto items = app.ListRectifications(Caller(req), q);
    if (!items.ok()) return ErrorResponse(items.status());
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const RectificationView& v : *items) list.push_back(RectificationJson(v));
    nlohmann::ordered_json out;
    out["total"] = items->size();
    out["items"] = std::move(list);
    return OrderedJsonResponse(out);
  });

  router.Add("GET", "/api/v1/supervision/rectifications/{id}", AccessRule::Require(Action::kRead),
             [&app](Request& req) {
               auto id = PositiveIdParam(req, "整改事项");
               if (!id.ok()) return ErrorResponse(id.status());
               auto item = app.GetRectification(Caller(req), *id);
               if (!item.ok()) return ErrorResponse(item.status());
               return OrderedJsonResponse(RectificationJson(*item));
             });

  for (auto [path, action, by] : {std::tuple{"/api/v1/supervision/rectifications/{id}/rectify",
                                             Action::kAnswerSupervision, RectificationActor::kUnit},
                                  std::tuple{"/api/v1/supervision/rectifications/{id}/review",
                                             Action::kWriteSupervision, RectificationActor::kSupervisor}}) {
    // clang 14 (the sanitized build) cannot capture a structured binding: copy it first.
    const RectificationActor actor_side = by;
    router.Add("POST", path, AccessRule::Require(action), [&app, actor_side](Request& req) {
      if (!IsJsonBody(req)) return ErrorResponse(415, "unsupported_media_type", "请求体应为 application/json");
      auto id = PositiveIdParam(req, "整改事项");
      if (!id.ok()) return ErrorResponse(id.status());
      auto body = JsonObjectBody(req);
      if (!body.ok()) return ErrorResponse(body.status());
      auto step = StepFromJson(*body, actor_side);
      if (!step.ok()) return ErrorResponse(step.status());
      auto item = app.ActOnRectification(Caller(req), *id, *step);
      if (!item.ok()) return ErrorResponse(item.status());
      return OrderedJsonResponse(RectificationJson(*item));
    });
  }

  router.Add("GET", "/api/v1/supervision/rectification-rates", AccessRule::Require(Action::kRead),
             [&app](Request& req) {
               auto q = ParseSupervisionQuery(req);
               if (!q.ok()) return ErrorResponse(q.status());
               auto rates = app.RectificationRates(Caller(req), *q);
               if (!rates.ok()) return ErrorResponse(rates.status());
               nlohmann::ordered_json items = nlohmann::ordered_json::array();
               for (const RectificationRate& r : *rates) {
                 nlohmann::ordered_json j;
                 j["region_code"] = r.region_code;
                 j["name"] = r.name;
                 j["findings"] = r.findings;
                 j["verified"] = r.verified;
                 j["overdue"] = r.overdue;
                 j["rate"] = PercentJson(r.rate);
                 items.push_back(std::move(j));
               }
               return OrderedJsonResponse(nlohmann::ordered_json{{"items", std::move(items)}});
             });
}

}  // namespace xj::http
