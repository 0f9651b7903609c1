// Routes of issue #20: the asset register (确权资产) and work relief (以工代赈). Registered from
// api.cpp by RegisterAssetRoutes. Thin handlers: parse → one App call → encode. Personal numbers
// leave the server masked unless a role granted read_personal_data asks for `unmasked=true`.
#include "http/api_assets.hpp"

#include "app/asset_codec.hpp"
#include "core/ratio.hpp"
#include "http/codecs.hpp"
#include "http/handler_support.hpp"
#include "http/json_response.hpp"
#include "http/params.hpp"

namespace xj::http {
namespace {

using OrderedJson = nlohmann::ordered_json;

OrderedJson AssetJson(const Asset& a) {
  return AssetToJson(a);
}

Result<std::int64_t> IntField(const nlohmann::json& j, const char* name, bool required, std::int64_t fallback) {
  auto it = j.find(name);
  if (it == j.end() || it->is_null()) {
    if (required) return Status::InvalidArgument(std::string("缺少字段 ") + name);
    return fallback;
  }
  if (!it->is_number_integer()) return Status::InvalidArgument(std::string("字段 ") + name + " 应为整数");
  return it->get<std::int64_t>();
}

Result<Asset> AssetFromJson(const nlohmann::json& j, bool region_required) {
  if (!j.is_object()) return Status::InvalidArgument("资产应为对象");
  Asset a;
  XJ_ASSIGN_OR_RETURN(a.asset_code, TextField(j, "asset_code", true));
  XJ_ASSIGN_OR_RETURN(a.name, TextField(j, "name", true));
  XJ_ASSIGN_OR_RETURN(a.region_code, TextField(j, "region_code", region_required));
  XJ_ASSIGN_OR_RETURN(std::string type, TextField(j, "asset_type", true));
  auto t = ParseAssetType(type);
  if (!t) return Status::InvalidArgument("asset_type 应为 operating|public_welfare|household");
  a.type = *t;
  XJ_ASSIGN_OR_RETURN(std::string level, TextField(j, "owner_level", true));
  auto l = ParseOwnerLevel(level);
  if (!l) {
    return Status::InvalidArgument("owner_level 应为 region|county|township|village|household");
  }
  a.owner_level = *l;
  XJ_ASSIGN_OR_RETURN(a.owner, TextField(j, "owner", false));
  XJ_ASSIGN_OR_RETURN(std::int64_t original, IntField(j, "original_value_fen", true, 0));
  XJ_ASSIGN_OR_RETURN(std::int64_t current, IntField(j, "current_value_fen", false, original));
  a.original_value = Fen(original);
  a.current_value = Fen(current);
  XJ_ASSIGN_OR_RETURN(a.location, TextField(j, "location", false));
  XJ_ASSIGN_OR_RETURN(a.operator_name, TextField(j, "operator", false));
  XJ_ASSIGN_OR_RETURN(a.custodian, TextField(j, "custodian", false));
  XJ_ASSIGN_OR_RETURN(a.project_code, TextField(j, "project_code", false));
  XJ_ASSIGN_OR_RETURN(a.fund_sources, TextField(j, "fund_sources", false));
  XJ_ASSIGN_OR_RETURN(std::string status, TextField(j, "status", false));
  if (!status.empty()) {
    auto s = ParseAssetStatus(status);
    if (!s) return Status::InvalidArgument("status 应为 in_use|idle|damaged|disposed");
    a.status = *s;
  }
  XJ_ASSIGN_OR_RETURN(a.registered, BoolField(j, "registered"));
  XJ_ASSIGN_OR_RETURN(std::string registered_on, TextField(j, "registered_on", false));
  if (!registered_on.empty()) {
    XJ_ASSIGN_OR_RETURN(a.registered_on, Date::Parse(registered_on));
  }
  return a;
}

/// `{"items": [...]}` or a bare array.
Result<nlohmann::json> Items(const Request& req) {
  XJ_ASSIGN_OR_RETURN(nlohmann::json body, ParseJsonBody(req));
  if (body.is_object()) {
    auto it = body.find("items");
    if (it == body.end() || !it->is_array()) return Status::InvalidArgument("缺少数组字段 items");
    return *it;
  }
  if (!body.is_array()) return Status::InvalidArgument("请求体应为数组或含 items 的对象");
  return body;
}

Result<ReliefWorker> WorkerFromJson(const nlohmann::json& j) {
  if (!j.is_object()) return Status::InvalidArgument("务工人员应为对象");
  ReliefWorker w;
  XJ_ASSIGN_OR_RETURN(w.project_code, TextField(j, "project_code", true));
  XJ_ASSIGN_OR_RETURN(w.name, TextField(j, "name", true));
  XJ_ASSIGN_OR_RETURN(std::string id, TextField(j, "id_number", true));
  auto normalized = NormalizeIdNumber(id);
  if (!normalized) {
    return Status::InvalidArgument("id_number 应为 18 位（17 位数字加一位数字或 X）");
  }
  w.id_number = *normalized;
  XJ_ASSIGN_OR_RETURN(w.phone, TextField(j, "phone", false));
  XJ_ASSIGN_OR_RETURN(std::string status, TextField(j, "household_status", true));
  auto s = ParseHouseholdStatus(status);
  if (!s) {
    return Status::InvalidArgument("household_status 应为 lifted|monitored|ordinary");
  }
  w.household_status = *s;
  XJ_ASSIGN_OR_RETURN(w.relocated, BoolField(j, "relocated"));
  XJ_ASSIGN_OR_RETURN(w.village, TextField(j, "village", false));
  XJ_ASSIGN_OR_RETURN(w.team, TextField(j, "team", false));
  return w;
}

Result<ReliefWage> WageFromJson(const nlohmann::json& j) {
  if (!j.is_object()) return Status::InvalidArgument("劳务报酬应为对象");
  ReliefWage w;
  XJ_ASSIGN_OR_RETURN(w.project_code, TextField(j, "project_code", true));
  XJ_ASSIGN_OR_RETURN(w.id_number, TextField(j, "id_number", true));
  XJ_ASSIGN_OR_RETURN(std::string paid_on, TextField(j, "paid_on", true));
  XJ_ASSIGN_OR_RETURN(w.paid_on, Date::Parse(paid_on));
  XJ_ASSIGN_OR_RETURN(std::int64_t amount, IntField(j, "amount_fen", true, 0));
  w.amount = Fen(amount);
  XJ_ASSIGN_OR_RETURN(std::int64_t days, IntField(j, "days", false, 0));
  if (days < 0 || days > 366) return Status::InvalidArgument("days 应为 0 到 366 的整数");
  w.days = static_cast<std::int32_t>(days);
  XJ_ASSIGN_OR_RETURN(std::string method, TextField(j, "method", false));
  if (!method.empty()) w.method = method;
  return w;
}

OrderedJson WorkerJson(const ReliefWorkerView& w) {
  return {{"id", w.id},
          {"project_code", w.project_code},
          {"region_code", w.region_code},
          {"name", w.name},
          {"id_number", w.id_number},
          {"phone", w.phone},
          {"household_status", HouseholdStatusName(w.household_status)},
          {"relocated", w.relocated},
          {"village", w.village},
          {"team", w.team},
          {"masked", w.masked}};
}

}  // namespace

OrderedJson AssetRegistrationJson(const AssetRegistration& r) {
  OrderedJson j;
  j["region_code"] = r.region_code;
  j["region_name"] = r.region_name;
  j["assets"] = r.assets;
  j["registered_assets"] = r.registered_assets;
  j["value_fen"] = r.value_fen;
  j["registered_value_fen"] = r.registered_value_fen;
  j["count_rate"] = PercentJson(r.count_rate);
  j["value_rate"] = PercentJson(r.value_rate);
  OrderedJson by_type = OrderedJson::array();
  for (const AssetRegistration::ByType& b : r.by_type) {
    by_type.push_back({{"asset_type", AssetTypeName(b.type)}, {"assets", b.assets}, {"value_fen", b.value_fen}});
  }
  j["by_type"] = std::move(by_type);
  return j;
}

OrderedJson WorkReliefSummaryJson(const WorkReliefSummary& s) {
  const WorkReliefFigures& f = s.figures;
  OrderedJson j;
  j["region_code"] = s.region_code;
  j["region_name"] = s.region_name;
  j["from"] = s.from ? OrderedJson(s.from->ToString()) : OrderedJson(nullptr);
  j["to"] = s.to ? OrderedJson(s.to->ToString()) : OrderedJson(nullptr);
  j["persons"] = f.persons;
  j["wages_fen"] = f.wages_fen;
  j["wages_per_person_fen"] = f.wages_per_person_fen;
  j["person_days"] = f.person_days;
  j["payments"] = f.payments;
  j["projects"] = f.projects;
  OrderedJson by_status = OrderedJson::array();
  for (const WorkReliefFigures::ByStatus& b : f.by_household_status) {
    by_status.push_back({{"household_status", HouseholdStatusName(b.status)},
                         {"persons", b.persons},
                         {"wages_fen", b.wages_fen},
                         {"persons_share", PercentJson(Ratio{b.persons, f.persons})}});
  }
  j["by_household_status"] = std::move(by_status);
  j["relocated_persons"] = f.relocated_persons;
  j["relocated_wages_fen"] = f.relocated_wages_fen;
  return j;
}

Result<std::vector<Asset>> AssetListFromJson(const nlohmann::json& j) {
  if (!j.is_array()) return Status::InvalidArgument("字段 assets 应为数组");
  std::vector<Asset> out;
  for (const nlohmann::json& item : j) {
    XJ_ASSIGN_OR_RETURN(Asset a, AssetFromJson(item, false));
    out.push_back(std::move(a));
  }
  return out;
}

void RegisterAssetRoutes(Router& router, App& app) {
  // --- the asset register (确权资产) ---
  router.Add("GET", "/api/v1/assets", AccessRule::Require(Action::kRead), [&app](Request& req) {
    AssetListQuery q;
    q.region_code = req.Query("region");
    q.project_code = req.Query("project");
    auto registered = OptionalBool(req, "registered");
    if (!registered.ok()) return ErrorResponse(registered.status());
    q.registered = *registered;
    if (const std::string type = req.Query("type"); !type.empty()) {
      q.type = ParseAssetType(type);
      if (!q.type) return ErrorResponse(Status::InvalidArgument("参数 type 应为 operating|public_welfare|household"));
    }
    auto rows = app.ListAssets(Caller(req), q);
    if (!rows.ok()) return ErrorResponse(rows.status());
    OrderedJson items = OrderedJson::array();
    std::int64_t value = 0;
    for (const Asset& a : *rows) {
      items.push_back(AssetJson(a));
      value += a.original_value.value();
    }
    return OrderedJsonResponse(OrderedJson{{"total", rows->size()}, {"value_fen", value}, {"items", std::move(items)}});
  });

  router.Add("POST", "/api/v1/assets", AccessRule::Require(Action::kWriteProjects), [&app](Request& req) {
    auto items = Items(req);
    if (!items.ok()) return ErrorResponse(items.status());
    std::vector<Asset> assets;
    for (const nlohmann::json& item : *items) {
      auto a = AssetFromJson(item, true);
      if (!a.ok()) return ErrorResponse(a.status());
      assets.push_back(std::move(*a));
    }
    if (assets.empty()) return ErrorResponse(Status::InvalidArgument("没有要保存的资产"));
    auto report = app.SaveAssets(Caller(req), assets);
    if (!report.ok()) return ErrorResponse(report.status());
    return JsonResponse(ToJson(*report), report->inserted + report->updated > 0 ? 201 : 200);
  });

  router.Add("GET", "/api/v1/assets/registration", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto r = app.AssetRegistrationOf(Caller(req), req.Query("region"));
    if (!r.ok()) return ErrorResponse(r.status());
    OrderedJson j = AssetRegistrationJson(*r);
    OrderedJson children = OrderedJson::array();
    for (const AssetRegistration& c : r->children) children.push_back(AssetRegistrationJson(c));
    j["children"] = std::move(children);
    return OrderedJsonResponse(j);
  });

  router.Add("POST", "/api/v1/assets/{code}/register", AccessRule::Require(Action::kWriteProjects),
             [&app](Request& req) {
               auto body = JsonObjectBody(req);
               if (!body.ok()) return ErrorResponse(body.status());
               Date on = Today();
               if (auto it = body->find("date"); it != body->end() && it->is_string()) {
                 auto d = Date::Parse(it->get<std::string>());
                 if (!d.ok()) return ErrorResponse(d.status());
                 on = *d;
               }
               auto a = app.RegisterAsset(Caller(req), req.path_params["code"], on);
               if (!a.ok()) return ErrorResponse(a.status());
               return OrderedJsonResponse(AssetJson(*a));
             });

  // --- work relief (以工代赈) ---
  router.Add("GET", "/api/v1/work-relief/summary", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto from = OptionalDate(req, "from");
    if (!from.ok()) return ErrorResponse(from.status());
    auto to = OptionalDate(req, "to");
    if (!to.ok()) return ErrorResponse(to.status());
    auto s = app.WorkReliefSummaryOf(Caller(req), req.Query("region"), *from, *to);
    if (!s.ok()) return ErrorResponse(s.status());
    OrderedJson j = WorkReliefSummaryJson(*s);
    OrderedJson children = OrderedJson::array();
    for (const WorkReliefSummary& c : s->children) children.push_back(WorkReliefSummaryJson(c));
    j["children"] = std::move(children);
    return OrderedJsonResponse(j);
  });

  router.Add("GET", "/api/v1/work-relief/projects", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto rows = app.LabourShares(Caller(req), req.Query("region"));
    if (!rows.ok()) return ErrorResponse(rows.status());
    OrderedJson items = OrderedJson::array();
    for (const LabourShare& s : *rows) {
      items.push_back({{"project_code", s.project_code},
                       {"name", s.name},
                       {"region_code", s.region_code},
                       {"central_fund_fen", s.central_fund_fen},
                       {"wages_fen", s.wages_fen},
                       {"persons", s.persons},
                       {"labour_share", PercentJson(s.share)},
                       {"minimum_share", HundredthsToDouble(s.minimum_bp)},
                       {"meets_minimum", s.meets_minimum}});
    }
    return OrderedJsonResponse(OrderedJson{{"total", rows->size()}, {"items", std::move(items)}});
  });

  router.Add("GET", "/api/v1/work-relief/projects/{code}/workers", AccessRule::Require(Action::kRead),
             [&app](Request& req) {
               auto unmasked = UnmaskedParam(req);
               if (!unmasked.ok()) return ErrorResponse(unmasked.status());
               auto rows = app.ReliefWorkers(Caller(req), req.path_params["code"], *unmasked);
               if (!rows.ok()) return ErrorResponse(rows.status());
               OrderedJson items = OrderedJson::array();
               for (const ReliefWorkerView& w : *rows) items.push_back(WorkerJson(w));
               return OrderedJsonResponse(OrderedJson{{"total", rows->size()}, {"items", std::move(items)}});
             });

  router.Add("GET", "/api/v1/work-relief/projects/{code}/wages", AccessRule::Require(Action::kRead),
             [&app](Request& req) {
               auto rows = app.ReliefWages(Caller(req), req.path_params["code"]);
               if (!rows.ok()) return ErrorResponse(rows.status());
               OrderedJson items = OrderedJson::array();
               for (const ReliefWageView& w : *rows) {
                 items.push_back({{"id", w.id},
                                  {"project_code", w.project_code},
                                  {"name", w.name},
                                  {"id_number", w.id_number},
                                  {"paid_on", w.paid_on.ToString()},
                                  {"amount_fen", w.amount_fen},
                                  {"days", w.days},
                                  {"method", w.method}});
               }
               return OrderedJsonResponse(OrderedJson{{"total", rows->size()}, {"items", std::move(items)}});
             });

  router.Add("POST", "/api/v1/work-relief/workers", AccessRule::Require(Action::kWriteProjects), [&app](Request& req) {
    auto items = Items(req);
    if (!items.ok()) return ErrorResponse(items.status());
    std::vector<ReliefWorker> workers;
    for (const nlohmann::json& item : *items) {
      auto w = WorkerFromJson(item);
      if (!w.ok()) return ErrorResponse(w.status());
      workers.push_back(std::move(*w));
    }
    if (workers.empty()) return ErrorResponse(Status::InvalidArgument("没有要保存的务工人员"));
    auto report = app.SaveReliefWorkers(Caller(req), workers);
    if (!report.ok()) return ErrorResponse(report.status());
    return JsonResponse(ToJson(*report), report->inserted + report->updated > 0 ? 201 : 200);
  });

  router.Add("POST", "/api/v1/work-relief/wages", AccessRule::Require(Action::kWriteProjects), [&app](Request& req) {
    auto items = Items(req);
    if (!items.ok()) return ErrorResponse(items.status());
    std::vector<ReliefWage> wages;
    for (const nlohmann::json& item : *items) {
      auto w = WageFromJson(item);
      if (!w.ok()) return ErrorResponse(w.status());
      wages.push_back(std::move(*w));
    }
    if (wages.empty()) return ErrorResponse(Status::InvalidArgument("没有要保存的劳务报酬"));
    auto report = app.SaveReliefWages(Caller(req), wages);
    if (!report.ok()) return ErrorResponse(report.status());
    return JsonResponse(ToJson(*report), report->inserted + report->updated > 0 ? 201 : 200);
  });
}

}  // namespace xj::http
