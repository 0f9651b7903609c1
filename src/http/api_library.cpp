// Routes of the project library (项目库) beyond list/detail/transition: the library sheet,
// compliance review, joint review, batch steps, public postings, village plans, backward
// scheduling, and the reference data administrators keep. Thin: parse, one App call, encode.
#include "http/api_library.hpp"

#include <stdexcept>

#include "app/project_links.hpp"
#include "app/region_search.hpp"
#include "http/codecs.hpp"
#include "http/handler_support.hpp"
#include "http/json_response.hpp"
#include "http/params.hpp"

namespace xj::http {
namespace {

Result<std::int64_t> Integer(const nlohmann::json& j, const char* name, std::int64_t fallback) {
  auto it = j.find(name);
  if (it == j.end() || it->is_null()) return fallback;
  if (!it->is_number_integer()) return Status::InvalidArgument(std::string("字段 ") + name + " 应为整数");
  if (it->is_number_unsigned() && it->get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)) {
    return Status::Rejected(std::string("字段 ") + name + " 超出范围",
                            {FieldError{"", 0, name, 0, it->dump(), "value_out_of_range", "数值超出范围"}})
        .WithReason("value_out_of_range");
  }
  return it->get<std::int64_t>();
}

Result<std::optional<Date>> OptDate(const nlohmann::json& j, const char* name) {
  XJ_ASSIGN_OR_RETURN(std::string s, TextField(j, name));
  if (s.empty()) return std::optional<Date>{};
  XJ_ASSIGN_OR_RETURN(Date d, Date::Parse(s));
  return std::optional<Date>(d);
}

/// The project columns and library sheet of a create/edit request.
Result<ProjectInput> ProjectInputFromJson(const nlohmann::json& j) {
  ProjectInput in;
  Project& p = in.project;
  XJ_ASSIGN_OR_RETURN(p.project_code, TextField(j, "project_code"));
  XJ_ASSIGN_OR_RETURN(p.name, TextField(j, "name"));
  XJ_ASSIGN_OR_RETURN(std::int64_t year, Integer(j, "year", 0));
  p.year = static_cast<int>(std::clamp<std::int64_t>(year, -1, 10000));
  XJ_ASSIGN_OR_RETURN(p.region_code, TextField(j, "region_code"));
  XJ_ASSIGN_OR_RETURN(p.category, TextField(j, "category"));
  XJ_ASSIGN_OR_RETURN(p.subcategory, TextField(j, "subcategory"));
  XJ_ASSIGN_OR_RETURN(std::int64_t total, Integer(j, "total_investment_fen", 0));
  XJ_ASSIGN_OR_RETURN(std::int64_t central, Integer(j, "central_fund_fen", 0));
  XJ_ASSIGN_OR_RETURN(std::int64_t other, Integer(j, "other_fund_fen", 0));
  p.total_investment = Fen(total);
  p.central_fund = Fen(central);
  p.other_fund = Fen(other);
  XJ_ASSIGN_OR_RETURN(p.planned_start, OptDate(j, "planned_start"));
  XJ_ASSIGN_OR_RETURN(p.planned_finish, OptDate(j, "planned_finish"));
  XJ_ASSIGN_OR_RETURN(p.responsible_person, TextField(j, "responsible_person"));
  XJ_ASSIGN_OR_RETURN(p.gov_infrastructure, BoolField(j, "gov_infrastructure"));
  XJ_ASSIGN_OR_RETURN(p.low_skill, BoolField(j, "low_skill"));
  XJ_ASSIGN_OR_RETURN(p.work_relief, BoolField(j, "work_relief"));
  if (auto it = j.find("sheet"); it != j.end() && !it->is_null()) {
    XJ_ASSIGN_OR_RETURN(in.details, ProjectDetailsFromJson(*it));
  }
  return in;
}

OrderedJson ToOrdered(const nlohmann::json& j) {
  return OrderedJson::parse(j.dump());
}

OrderedJson CheckJson(const ComplianceCheck& c) {
  OrderedJson findings = OrderedJson::array();
  for (const ComplianceFinding& f : c.findings) findings.push_back(ToOrdered(ToJson(f)));
  return {{"on", c.on.ToString()},
          {"passed", c.passed},
          {"findings", std::move(findings)},
          {"county_plan",
           {{"industry_fen", TotalJson(c.county_plan.industry)}, {"total_fen", TotalJson(c.county_plan.total)}}}};
}

nlohmann::json FieldErrorsJson(const std::vector<FieldError>& errors) {
  nlohmann::json out = nlohmann::json::array();
  for (const FieldError& e : errors) {
    out.push_back({{"row", e.row}, {"column", e.column}, {"value", e.value}, {"code", e.code}, {"message", e.message}});
  }
  return out;
}

}  // namespace

void RegisterLibraryRoutes(Router& router, App& app) {
  // --- the library sheet (项目填报) ---
  router.Add("POST", "/api/v1/projects", AccessRule::Require(Action::kWriteProjects), [&app](Request& req) {
    auto body = JsonObjectBody(req);
    if (!body.ok()) return ErrorResponse(body.status());
    auto input = ProjectInputFromJson(*body);
    if (!input.ok()) return ErrorResponse(input.status());
    auto d = app.CreateProject(Caller(req), std::move(*input));
    if (!d.ok()) return ErrorResponse(d.status());
    return OrderedJsonResponse(ToJson(*d), 201);
  });

  router.Add("PUT", "/api/v1/projects/{code}", AccessRule::Require(Action::kWriteProjects), [&app](Request& req) {
    auto body = JsonObjectBody(req);
    if (!body.ok()) return ErrorResponse(body.status());
    auto version = body->find("version");
    if (version == body->end() || !version->is_number_integer()) {
      return ErrorResponse(Status::InvalidArgument("缺少整数字段 version（乐观并发控制）"));
    }
    auto input = ProjectInputFromJson(*body);
    if (!input.ok()) return ErrorResponse(input.status());
    auto d = app.EditProject(Caller(req), req.path_params["code"], std::move(*input), version->get<std::int64_t>());
    if (!d.ok()) return ErrorResponse(d.status());
    return OrderedJsonResponse(ToJson(*d));
  });

  router.Add("GET", "/api/v1/projects/{code}/compliance", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto c = app.CheckCompliance(Caller(req), req.path_params["code"]);
    if (!c.ok()) return ErrorResponse(c.status());
    return OrderedJsonResponse(CheckJson(*c));
  });

  // --- joint review (联审联批) and batch steps (成熟一批、审核一批) ---
  router.Add("POST", "/api/v1/projects/{code}/signoffs", AccessRule::Require(Action::kWriteProjects),
             [&app](Request& req) {
               auto body = JsonObjectBody(req);
               if (!body.ok()) return ErrorResponse(body.status());
               auto s = SignoffFromJson(*body);
               if (!s.ok()) return ErrorResponse(s.status());
               auto d = app.RecordSignoff(Caller(req), req.path_params["code"], std::move(*s));
               if (!d.ok()) return ErrorResponse(d.status());
               return OrderedJsonResponse(ToJson(*d), 201);
             });

  router.Add("GET", "/api/v1/library/review-departments", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto config = app.ReviewConfig(Caller(req), req.Query("county"));
    if (!config.ok()) return ErrorResponse(config.status());
    nlohmann::json items = nlohmann::json::array();
    for (const ReviewDepartments& c : *config) items.push_back(ToJson(c));
    return JsonResponse({{"items", items}});
  });

  router.Add("PUT", "/api/v1/library/review-departments", AccessRule::Require(Action::kWriteProjects),
             [&app](Request& req) {
               auto body = JsonObjectBody(req);
               if (!body.ok()) return ErrorResponse(body.status());
               auto c = ReviewDepartmentsFromJson(*body);
               if (!c.ok()) return ErrorResponse(c.status());
               if (Status s = app.SetReviewConfig(Caller(req), *c); !s.ok()) return ErrorResponse(s);
               return JsonResponse(ToJson(*c));
             });

  router.Add(
      "POST", "/api/v1/library/batch-transition", AccessRule::Require(Action::kWriteProjects), [&app](Request& req) {
        auto body = JsonObjectBody(req);
        if (!body.ok()) return ErrorResponse(body.status());
        auto action = TextField(*body, "action", true);
        if (!action.ok()) return ErrorResponse(action.status());
        auto reason = TextField(*body, "reason");
        if (!reason.ok()) return ErrorResponse(reason.status());
        std::vector<std::string> codes;
        auto it = body->find("codes");
        if (it == body->end() || !it->is_array()) {
          return ErrorResponse(Status::InvalidArgument("缺少字符串数组字段 codes"));
        }
        for (const auto& c : *it) {
          if (!c.is_string()) return ErrorResponse(Status::InvalidArgument("codes 应为字符串数组"));
          codes.push_back(c.get<std::string>());
        }
        auto outcomes = app.BatchTransition(Caller(req), codes, *action, *reason);
        if (!outcomes.ok()) return ErrorResponse(outcomes.status());
        nlohmann::json items = nlohmann::json::array();
        int succeeded = 0;
        for (const BatchOutcome& o : *outcomes) {
          succeeded += o.ok ? 1 : 0;
          nlohmann::json j = {{"project_code", o.project_code}, {"ok", o.ok}, {"state", ProjectStateName(o.state)}};
          if (!o.ok) {
            j["error"] = {{"code", o.error_code}, {"message", o.message}};
            if (!o.details.empty()) j["error"]["details"] = FieldErrorsJson(o.details);
          }
          items.push_back(std::move(j));
        }
        return JsonResponse(
            {{"items", items}, {"succeeded", succeeded}, {"failed", static_cast<int>(outcomes->size()) - succeeded}});
      });

  // --- public posting (公告公示) ---
  router.Add("POST", "/api/v1/projects/{code}/postings", AccessRule::Require(Action::kWriteProjects),
             [&app](Request& req) {
               auto body = JsonObjectBody(req);
               if (!body.ok()) return ErrorResponse(body.status());
               PostingRequest r;
               auto stage = TextField(*body, "stage");
               auto place = TextField(*body, "place", true);
               auto days = Integer(*body, "days", 0);
               auto start = OptDate(*body, "start");
               if (!stage.ok()) return ErrorResponse(stage.status());
               if (!place.ok()) return ErrorResponse(place.status());
               if (!days.ok()) return ErrorResponse(days.status());
               if (!start.ok()) return ErrorResponse(start.status());
               if (!stage->empty()) r.stage = *stage;
               r.place = *place;
               r.days = static_cast<int>(std::clamp<std::int64_t>(*days, -1, 100000));
               r.start = start->value_or(Today());
               auto p = app.CreatePosting(Caller(req), req.path_params["code"], r);
               if (!p.ok()) return ErrorResponse(p.status());
               return JsonResponse(ToJson(*p), 201);
             });

  router.Add("POST", "/api/v1/projects/{code}/objections", AccessRule::Require(Action::kWriteProjects),
             [&app](Request& req) {
               auto body = JsonObjectBody(req);
               if (!body.ok()) return ErrorResponse(body.status());
               auto posting = Integer(*body, "posting_id", 0);
               auto text = TextField(*body, "text");
               auto received = OptDate(*body, "received_on");
               if (!posting.ok()) return ErrorResponse(posting.status());
               if (!text.ok()) return ErrorResponse(text.status());
               if (!received.ok()) return ErrorResponse(received.status());
               Objection o;
               o.text = *text;
               o.received_on = received->value_or(Today());
               auto r = app.RecordObjection(Caller(req), req.path_params["code"], *posting, std::move(o));
               if (!r.ok()) return ErrorResponse(r.status());
               return JsonResponse(ToJson(*r), 201);
             });

  router.Add("POST", "/api/v1/projects/{code}/objections/{id}/resolve", AccessRule::Require(Action::kWriteProjects),
             [&app](Request& req) {
               auto body = JsonObjectBody(req);
               if (!body.ok()) return ErrorResponse(body.status());
               auto resolution = TextField(*body, "resolution");
               if (!resolution.ok()) return ErrorResponse(resolution.status());
               std::int64_t id = 0;
               try {
                 id = std::stoll(req.path_params["id"]);
               } catch (const std::exception&) {
                 return ErrorResponse(Status::InvalidArgument("异议编号应为整数"));
               }
               auto r = app.ResolveObjection(Caller(req), req.path_params["code"], id, *resolution);
               if (!r.ok()) return ErrorResponse(r.status());
               return JsonResponse(ToJson(*r));
             });

  // Public and read-only: announced projects of a region, for the public without login.
  router.Add("GET", "/api/v1/public/postings", AccessRule::Public(), [&app](Request& req) {
    auto postings = app.PublicPostings(req.Query("region"));
    if (!postings.ok()) return ErrorResponse(postings.status());
    nlohmann::json items = nlohmann::json::array();
    const Date today = Today();
    const auto tree = app.regions();
    for (const Posting& p : *postings) {
      nlohmann::json j = ToJson(p);
      j.erase("created_by");
      j["active"] = p.start <= today && today <= p.end;
      nlohmann::json path = nlohmann::json::array();
      for (const Region& r : RegionPath(*tree, tree->Find(p.region_code))) {
        path.push_back({{"code", r.code}, {"name", r.name}, {"level", RegionLevelName(r.level)}});
      }
      j["region_path"] = std::move(path);
      items.push_back(std::move(j));
    }
    return JsonResponse({{"items", items}, {"hotline", kSupervisionHotline}});
  });

  // --- village plans (一村一策) ---
  router.Add("GET", "/api/v1/library/village-plans", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto plans = app.VillagePlans(Caller(req), req.Query("region"));
    if (!plans.ok()) return ErrorResponse(plans.status());
    nlohmann::json items = nlohmann::json::array();
    int without = 0;
    for (const VillagePlanView& v : *plans) {
      nlohmann::json j = ToJson(v.plan);
      j["village_name"] = v.village_name;
      j["project_codes"] = v.project_codes;
      j["has_projects"] = !v.project_codes.empty();
      without += v.project_codes.empty() ? 1 : 0;
      items.push_back(std::move(j));
    }
    return JsonResponse({{"items", items}, {"without_projects", without}});
  });

  router.Add("POST", "/api/v1/library/village-plans", AccessRule::Require(Action::kWriteProjects),
             [&app](Request& req) {
               auto body = JsonObjectBody(req);
               if (!body.ok()) return ErrorResponse(body.status());
               auto plan = VillagePlanFromJson(*body);
               if (!plan.ok()) return ErrorResponse(plan.status());
               const bool created = plan->id == 0;
               auto saved = app.SaveVillagePlan(Caller(req), std::move(*plan));
               if (!saved.ok()) return ErrorResponse(saved.status());
               return JsonResponse(ToJson(*saved), created ? 201 : 200);
             });

  // --- backward scheduling (倒排工期) ---
  router.Add("POST", "/api/v1/library/schedule", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto body = JsonObjectBody(req);
    if (!body.ok()) return ErrorResponse(body.status());
    auto deadline = OptDate(*body, "deadline");
    if (!deadline.ok()) return ErrorResponse(deadline.status());
    if (!*deadline) return ErrorResponse(Status::InvalidArgument("缺少日期字段 deadline"));
    auto sheet = ProjectDetailsFromJson(nlohmann::json{{"milestones", body->value("milestones", nlohmann::json())}});
    if (!sheet.ok()) return ErrorResponse(sheet.status());
    const auto region = body->find("region_code");
    if (region != body->end() && !region->is_null() && !region->is_string()) {
      return ErrorResponse(Status::InvalidArgument("region_code 应为字符串"));
    }
    const std::string region_code = region != body->end() && region->is_string() ? region->get<std::string>() : "";
    auto proposal = app.ProposeSchedule(Caller(req), std::move(sheet->milestones), **deadline, region_code);
    if (!proposal.ok()) return ErrorResponse(proposal.status());
    nlohmann::json ms = nlohmann::json::array();
    for (const Milestone& m : proposal->milestones) ms.push_back(ToJson(m));
    nlohmann::json warnings = nlohmann::json::array();
    for (const ScheduleWarning& w : proposal->warnings) {
      warnings.push_back({{"code", "outside_season"},
                          {"milestone", w.milestone},
                          {"date", w.date.ToString()},
                          {"message", "节点「" + w.milestone + "」的日期 " + w.date.ToString() + " 不在施工季内"}});
    }
    nlohmann::json season = nullptr;
    if (!region_code.empty()) {
      const ConstructionSeason s = app.SeasonOf(region_code, **deadline);
      season = {{"start_month", s.start_month}, {"end_month", s.end_month}};
    }
    return JsonResponse(
        {{"start", proposal->start.ToString()}, {"milestones", ms}, {"season", season}, {"warnings", warnings}});
  });

  router.Add("GET", "/api/v1/library/overdue", AccessRule::Require(Action::kRead), [&app](Request& req) {
    Date as_of = Today();
    if (!req.Query("as_of").empty()) {
      auto d = Date::Parse(req.Query("as_of"));
      if (!d.ok()) return ErrorResponse(d.status());
      as_of = *d;
    }
    auto report = app.Overdue(Caller(req), req.Query("region"), as_of);
    if (!report.ok()) return ErrorResponse(report.status());
    nlohmann::json milestones = nlohmann::json::array();
    for (const OverdueMilestone& m : report->milestones) {
      milestones.push_back({{"project_code", m.project_code},
                            {"project_name", m.project_name},
                            {"region_code", m.region_code},
                            {"region_name", m.region_name},
                            {"responsible_person", m.responsible_person},
                            {"milestone", ToJson(m.milestone)},
                            {"days_overdue", m.days_overdue}});
    }
    nlohmann::json late = nlohmann::json::array();
    for (const LateStart& l : report->late_starts) {
      late.push_back({{"project_code", l.project_code},
                      {"project_name", l.project_name},
                      {"region_code", l.region_code},
                      {"region_name", l.region_name},
                      {"responsible_person", l.responsible_person},
                      {"status", ProjectStateName(l.state)},
                      {"planned_start", l.planned_start.ToString()},
                      {"days_late", l.days_late}});
    }
    return JsonResponse({{"as_of", as_of.ToString()}, {"milestones", milestones}, {"late_starts", late}});
  });

  // --- reference data (参考数据): the guideline catalogue, the negative list, policy thresholds ---
  router.Add("GET", "/api/v1/library/reference", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto items = app.ReferenceData(Caller(req), req.Query("kind"));
    if (!items.ok()) return ErrorResponse(items.status());
    nlohmann::json out = nlohmann::json::array();
    for (const ReferenceItem& r : *items) out.push_back(ToJson(r));
    return JsonResponse({{"items", out}});
  });

  router.Add("POST", "/api/v1/library/reference", AccessRule::Require(Action::kManageReferenceData),
             [&app](Request& req) {
               auto body = JsonObjectBody(req);
               if (!body.ok()) return ErrorResponse(body.status());
               auto item = ReferenceItemFromJson(*body);
               if (!item.ok()) return ErrorResponse(item.status());
               if (Status s = app.AddReferenceItem(Caller(req), *item); !s.ok()) return ErrorResponse(s);
               return JsonResponse(ToJson(*item), 201);
             });

  // The numbering rule of project codes (项目编码规则, docs/definitions.md §19) as the form shows it.
  router.Add("GET", "/api/v1/library/code-format", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto year = OptionalInt(req, "year", 2000, 2100);
    if (!year.ok()) return ErrorResponse(year.status());
    const Date today = Today();
    auto f = ProjectCodeFormatFor(app, Caller(req), req.Query("region"),
                                  *year ? static_cast<int>(**year) : today.year(), today);
    if (!f.ok()) return ErrorResponse(f.status());
    return JsonResponse({{"rule", f->rule},
                         {"pattern", f->pattern},
                         {"county_code", f->county},
                         {"year", f->year},
                         {"effective_from", f->effective_from ? f->effective_from->ToString() : ""}});
  });

  router.Add("GET", "/api/v1/library/policies", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto values = app.Policies(Caller(req));
    if (!values.ok()) return ErrorResponse(values.status());
    nlohmann::json out = nlohmann::json::array();
    for (const PolicyValue& v : *values) {
      out.push_back({{"key", v.key},
                     {"value", v.value},
                     {"effective_from", v.effective_from.ToString()},
                     {"note", v.note},
                     {"region_code", v.region_code}});
    }
    return JsonResponse({{"items", out}});
  });

  router.Add("POST", "/api/v1/library/policies", AccessRule::Require(Action::kManageReferenceData),
             [&app](Request& req) {
               auto body = JsonObjectBody(req);
               if (!body.ok()) return ErrorResponse(body.status());
               PolicyValue v;
               auto key = TextField(*body, "key", true);
               auto value = Integer(*body, "value", -1);
               auto from = OptDate(*body, "effective_from");
               auto note = TextField(*body, "note");
               auto region = TextField(*body, "region_code");
               if (!region.ok()) return ErrorResponse(region.status());
               if (!key.ok()) return ErrorResponse(key.status());
               if (!value.ok()) return ErrorResponse(value.status());
               if (!from.ok()) return ErrorResponse(from.status());
               if (!note.ok()) return ErrorResponse(note.status());
               if (!*from) return ErrorResponse(Status::InvalidArgument("缺少日期字段 effective_from"));
               v.key = *key;
               v.value = *value;
               v.effective_from = **from;
               v.note = *note;
               v.region_code = *region;
               if (Status s = app.AddPolicy(Caller(req), v); !s.ok()) return ErrorResponse(s);
               return JsonResponse({{"key", v.key},
                                    {"value", v.value},
                                    {"effective_from", v.effective_from.ToString()},
                                    {"region_code", v.region_code}},
                                   201);
             });
}

}  // namespace xj::http
