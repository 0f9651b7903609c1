// Routes of village supervisors and phone spot checks (issue #18 points 4, 5). Thin: parse, one
// App call, encode.
#include "http/api_spot_checks.hpp"

#include "http/codecs.hpp"
#include "http/handler_support.hpp"
#include "http/json_response.hpp"
#include "http/params.hpp"

namespace xj::http {
namespace {

OrderedJson SupervisorJson(const VillageSupervisorView& v) {
  OrderedJson j;
  j["id"] = v.id;
  j["region_code"] = v.region_code;
  j["region_name"] = v.region_name;
  j["name"] = v.name;
  j["phone"] = v.phone;
  j["masked"] = v.masked;
  j["status"] = v.status;
  j["created_by"] = v.created_by;
  j["created_at"] = v.created_at;
  j["updated_at"] = v.updated_at;
  return j;
}

OrderedJson CallJson(const SpotCheckCall& c) {
  OrderedJson j;
  j["id"] = c.id;
  j["spot_check_id"] = c.spot_check_id;
  j["supervisor_id"] = c.supervisor_id;
  j["called_at"] = c.called_at;
  j["reached"] = c.reached;
  j["knows_duties"] = c.knows_duties;
  j["log_matches"] = c.log_matches;
  j["problem_reported"] = c.problem_reported;
  j["note"] = c.note;
  j["created_by"] = c.created_by;
  j["created_at"] = c.created_at;
  return j;
}

OrderedJson CheckJson(const SpotCheckView& v, bool with_calls) {
  OrderedJson j;
  j["id"] = v.id;
  j["region_code"] = v.region_code;
  j["region_name"] = v.region_name;
  j["level"] = RegionLevelName(v.level);
  j["month"] = v.month;
  j["seed"] = v.seed;
  j["pool_size"] = v.pool_size;
  j["sample_size"] = v.sample_size;
  OrderedJson sample = OrderedJson::array();
  for (const SampledSupervisor& s : v.sample) {
    OrderedJson m = SupervisorJson(s.supervisor);
    m["called"] = s.called;
    m["reached"] = s.reached;
    sample.push_back(std::move(m));
  }
  j["sample"] = std::move(sample);
  if (with_calls) {
    OrderedJson calls = OrderedJson::array();
    for (const SpotCheckCall& c : v.calls) calls.push_back(CallJson(c));
    j["calls"] = std::move(calls);
  }
  j["created_by"] = v.created_by;
  j["created_at"] = v.created_at;
  return j;
}

}  // namespace

void RegisterSpotCheckRoutes(Router& router, App& app) {
  router.Add("POST", "/api/v1/village-supervisors", AccessRule::Require(Action::kManageVillageSupervisors),
             [&app](Request& req) {
               if (!IsJsonBody(req)) return ErrorResponse(415, "unsupported_media_type", "请求体应为 application/json");
               auto body = JsonObjectBody(req);
               if (!body.ok()) return ErrorResponse(body.status());
               NewVillageSupervisor n;
               for (auto [field, out] : {std::pair{"region_code", &n.region_code}, std::pair{"name", &n.name},
                                         std::pair{"phone", &n.phone}, std::pair{"status", &n.status}}) {
                 auto text = TextField(*body, field, std::string_view(field) != "status");
                 if (!text.ok()) return ErrorResponse(text.status());
                 *out = *text;
               }
               auto view = app.AddVillageSupervisor(Caller(req), n);
               if (!view.ok()) return ErrorResponse(view.status());
               return OrderedJsonResponse(SupervisorJson(*view), 201);
             });

  router.Add("GET", "/api/v1/village-supervisors", AccessRule::Require(Action::kRead), [&app](Request& req) {
    VillageSupervisorQuery q;
    q.region_code = req.Query("region");
    q.status = req.Query("status");
    auto page = OptionalInt(req, "page", 1, 1'000'000);
    if (!page.ok()) return ErrorResponse(page.status());
    auto page_size = OptionalInt(req, "page_size", 1, 200);
    if (!page_size.ok()) return ErrorResponse(page_size.status());
    auto unmasked = UnmaskedParam(req);
    if (!unmasked.ok()) return ErrorResponse(unmasked.status());
    if (*page) q.page = static_cast<int>(**page);
    if (*page_size) q.page_size = static_cast<int>(**page_size);
    q.unmasked = *unmasked;
    auto list = app.ListVillageSupervisors(Caller(req), q);
    if (!list.ok()) return ErrorResponse(list.status());
    OrderedJson items = OrderedJson::array();
    for (const VillageSupervisorView& v : list->items) items.push_back(SupervisorJson(v));
    OrderedJson out;
    out["total"] = list->total;
    out["page"] = q.page;
    out["page_size"] = q.page_size;
    out["items"] = std::move(items);
    return OrderedJsonResponse(out);
  });

  router.Add("POST", "/api/v1/village-supervisors/{id}/status", AccessRule::Require(Action::kManageVillageSupervisors),
             [&app](Request& req) {
               if (!IsJsonBody(req)) return ErrorResponse(415, "unsupported_media_type", "请求体应为 application/json");
               auto id = PositiveIdParam(req, "村级监督员");
               if (!id.ok()) return ErrorResponse(id.status());
               auto body = JsonObjectBody(req);
               if (!body.ok()) return ErrorResponse(body.status());
               auto status = TextField(*body, "status", true);
               if (!status.ok()) return ErrorResponse(status.status());
               auto view = app.SetVillageSupervisorStatus(Caller(req), *id, *status);
               if (!view.ok()) return ErrorResponse(view.status());
               return OrderedJsonResponse(SupervisorJson(*view));
             });

  router.Add("POST", "/api/v1/spot-checks", AccessRule::Require(Action::kSpotCheck), [&app](Request& req) {
    if (!IsJsonBody(req)) return ErrorResponse(415, "unsupported_media_type", "请求体应为 application/json");
    auto body = JsonObjectBody(req);
    if (!body.ok()) return ErrorResponse(body.status());
    NewSpotCheck n;
    for (auto [field, out] :
         {std::pair{"region_code", &n.region_code}, std::pair{"month", &n.month}, std::pair{"seed", &n.seed}}) {
      auto text = TextField(*body, field, std::string_view(field) != "seed");
      if (!text.ok()) return ErrorResponse(text.status());
      *out = *text;
    }
    auto view = app.DrawSpotCheck(Caller(req), n);
    if (!view.ok()) return ErrorResponse(view.status());
    return OrderedJsonResponse(CheckJson(*view, true), 201);
  });

  // Before /{id}: the router takes the first pattern that matches.
  router.Add("GET", "/api/v1/spot-checks/coverage", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto c = app.SpotCheckCoverage(Caller(req), req.Query("region"), req.Query("month"));
    if (!c.ok()) return ErrorResponse(c.status());
    OrderedJson levels = OrderedJson::array();
    for (const SpotCheckLevelCoverage& l : c->levels) {
      OrderedJson j;
      j["level"] = RegionLevelName(l.level);
      j["units"] = l.units;
      j["units_drawn"] = l.units_drawn;
      j["sampled"] = l.sampled;
      j["called"] = l.called;
      j["reached"] = l.reached;
      j["knows_duties"] = l.knows_duties;
      j["log_matches"] = l.log_matches;
      j["problems_reported"] = l.problems_reported;
      j["target"] = l.target;
      j["coverage"] = PercentJson(l.coverage);
      levels.push_back(std::move(j));
    }
    OrderedJson out;
    out["region_code"] = c->region_code;
    out["month"] = c->month;
    out["levels"] = std::move(levels);
    return OrderedJsonResponse(out);
  });

  router.Add("GET", "/api/v1/spot-checks", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto list = app.ListSpotChecks(Caller(req), req.Query("region"), req.Query("month"));
    if (!list.ok()) return ErrorResponse(list.status());
    OrderedJson items = OrderedJson::array();
    for (const SpotCheckView& v : *list) items.push_back(CheckJson(v, false));
    OrderedJson out;
    out["total"] = list->size();
    out["items"] = std::move(items);
    return OrderedJsonResponse(out);
  });

  router.Add("GET", "/api/v1/spot-checks/{id}", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto id = PositiveIdParam(req, "电话抽查");
    if (!id.ok()) return ErrorResponse(id.status());
    auto unmasked = UnmaskedParam(req);
    if (!unmasked.ok()) return ErrorResponse(unmasked.status());
    auto view = app.GetSpotCheck(Caller(req), *id, *unmasked);
    if (!view.ok()) return ErrorResponse(view.status());
    return OrderedJsonResponse(CheckJson(*view, true));
  });

  router.Add("POST", "/api/v1/spot-checks/{id}/calls", AccessRule::Require(Action::kSpotCheck), [&app](Request& req) {
    if (!IsJsonBody(req)) return ErrorResponse(415, "unsupported_media_type", "请求体应为 application/json");
    auto id = PositiveIdParam(req, "电话抽查");
    if (!id.ok()) return ErrorResponse(id.status());
    auto body = JsonObjectBody(req);
    if (!body.ok()) return ErrorResponse(body.status());
    NewSpotCheckCall n;
    auto who = body->find("supervisor_id");
    if (who == body->end() || !who->is_number_integer()) {
      return ErrorResponse(Status::InvalidArgument("缺少整数字段 supervisor_id"));
    }
    n.supervisor_id = who->get<std::int64_t>();
    auto called_at = TextField(*body, "called_at", true);
    if (!called_at.ok()) return ErrorResponse(called_at.status());
    n.called_at = *called_at;
    if (auto reached = body->find("reached"); reached == body->end() || !reached->is_boolean()) {
      return ErrorResponse(Status::InvalidArgument("缺少布尔字段 reached（是否接通）"));
    }
    for (auto [field, out] :
         {std::pair{"reached", &n.reached}, std::pair{"knows_duties", &n.knows_duties},
          std::pair{"log_matches", &n.log_matches}, std::pair{"problem_reported", &n.problem_reported}}) {
      auto flag = BoolField(*body, field);
      if (!flag.ok()) return ErrorResponse(flag.status());
      *out = *flag;
    }
    auto note = TextField(*body, "note", false);
    if (!note.ok()) return ErrorResponse(note.status());
    n.note = *note;
    auto call = app.RecordSpotCheckCall(Caller(req), *id, n);
    if (!call.ok()) return ErrorResponse(call.status());
    return OrderedJsonResponse(CallJson(*call), 201);
  });
}

}  // namespace xj::http
