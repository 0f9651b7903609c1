// Routes of issue #20 point 5 (易地搬迁后续扶持). Thin: parse, one App call, encode.
#include "http/api_relocation.hpp"

#include "http/codecs.hpp"
#include "http/handler_support.hpp"
#include "http/json_response.hpp"
#include "http/params.hpp"

namespace xj::http {
namespace {

OrderedJson SiteJson(const RelocationSite& s) {
  return {{"site_code", s.site_code},
          {"name", s.name},
          {"region_code", s.region_code},
          {"kind", SiteKindName(s.kind)},
          {"kind_label", SiteKindLabel(s.kind)},
          {"planned_households", s.planned_households},
          {"planned_persons", s.planned_persons},
          {"created_at", s.created_at},
          {"updated_at", s.updated_at}};
}

OrderedJson HouseholdJson(const RelocationHouseholdView& h) {
  return {{"id", h.id},
          {"site_code", h.site_code},
          {"region_code", h.region_code},
          {"origin_village", h.origin_village},
          {"head_name", h.head_name},
          {"id_number", h.id_number},
          {"masked", h.masked},
          {"members", h.members},
          {"household_status", HouseholdStatusName(h.household_status)},
          {"moved_in_on", h.moved_in_on.ToString()}};
}

OrderedJson StandardJson(const SubsidyStandard& s) {
  return {{"kind", SubsidyKindName(s.kind)},
          {"label", SubsidyKindLabel(s.kind)},
          {"basis", SubsidyBasisName(s.basis)},
          {"standard_fen", s.standard_fen},
          {"raise_bp", s.raise_bp},
          {"unit_fen", s.unit_fen}};
}

OrderedJson SubsidyJson(const RelocationSubsidy& s) {
  return {{"id", s.id},
          {"household_id", s.household_id},
          {"region_code", s.region_code},
          {"kind", SubsidyKindName(s.kind)},
          {"label", SubsidyKindLabel(s.kind)},
          {"basis", SubsidyBasisName(BasisOf(s.kind))},
          {"basis_on", s.basis_on.ToString()},
          {"persons", s.persons},
          {"standard_fen", s.standard_fen},
          {"raise_bp", s.raise_bp},
          {"unit_fen", s.unit_fen},
          {"amount_fen", s.amount_fen},
          {"state", SubsidyStateName(s.state)},
          {"paid_on", DateJson(s.paid_on)},
          {"paid_fen", s.paid_fen},
          {"method", s.method},
          {"created_by", s.created_by},
          {"created_at", s.created_at},
          {"paid_by", s.paid_by}};
}

OrderedJson SummaryJson(const RelocationSummary& s) {
  return {
      {"region_code", s.region_code},  {"region_name", s.region_name},           {"from", DateJson(s.from)},
      {"to", DateJson(s.to)},          {"households", s.figures.households},     {"persons", s.figures.persons},
      {"claims", s.figures.claims},    {"computed_fen", s.figures.computed_fen}, {"paid_claims", s.figures.paid_claims},
      {"paid_fen", s.figures.paid_fen}};
}

/// An integer field: absent or null is nullopt; another type InvalidArgument naming it.
Result<std::optional<std::int64_t>> OptionalIntField(const nlohmann::json& j, const char* name) {
  auto it = j.find(name);
  if (it == j.end() || it->is_null()) return std::optional<std::int64_t>();
  if (!it->is_number_integer() ||
      (it->is_number_unsigned() && it->get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX))) {
    return Status::InvalidArgument(std::string("字段 ") + name + " 应为整数").WithReason("bad_number");
  }
  return std::optional<std::int64_t>(it->get<std::int64_t>());
}

Result<std::optional<Date>> OptionalDateField(const nlohmann::json& j, const char* key) {
  XJ_ASSIGN_OR_RETURN(std::string text, TextField(j, key, false));
  if (text.empty()) return std::optional<Date>();
  auto d = Date::Parse(text);
  if (!d.ok()) {
    return Status::InvalidArgument(std::string("字段 ") + key + " 应为日期（YYYY-MM-DD）：" + text)
        .WithReason("bad_date");
  }
  return std::optional<Date>(*d);
}

Result<RelocationSite> SiteFromJson(const nlohmann::json& body) {
  RelocationSite s;
  XJ_ASSIGN_OR_RETURN(s.site_code, TextField(body, "site_code", false));
  XJ_ASSIGN_OR_RETURN(s.name, TextField(body, "name", false));
  XJ_ASSIGN_OR_RETURN(s.region_code, TextField(body, "region_code", true));
  XJ_ASSIGN_OR_RETURN(std::string kind, TextField(body, "kind", true));
  auto k = ParseSiteKind(kind);
  if (!k) {
    return Status::InvalidArgument("安置方式应为 concentrated（集中）或 dispersed（分散）：" + kind)
        .WithReason("bad_kind");
  }
  s.kind = *k;
  XJ_ASSIGN_OR_RETURN(std::optional<std::int64_t> households, OptionalIntField(body, "planned_households"));
  XJ_ASSIGN_OR_RETURN(std::optional<std::int64_t> persons, OptionalIntField(body, "planned_persons"));
  s.planned_households = households.value_or(0);
  s.planned_persons = persons.value_or(0);
  return s;
}

Result<NewRelocationHousehold> HouseholdFromJson(const nlohmann::json& body) {
  NewRelocationHousehold h;
  XJ_ASSIGN_OR_RETURN(h.site_code, TextField(body, "site_code", true));
  XJ_ASSIGN_OR_RETURN(h.origin_village, TextField(body, "origin_village", false));
  XJ_ASSIGN_OR_RETURN(h.head_name, TextField(body, "head_name", false));
  XJ_ASSIGN_OR_RETURN(h.id_number, TextField(body, "id_number", false));
  XJ_ASSIGN_OR_RETURN(std::optional<std::int64_t> members, OptionalIntField(body, "members"));
  h.members = members.value_or(0);
  XJ_ASSIGN_OR_RETURN(std::string status, TextField(body, "household_status", true));
  auto st = ParseHouseholdStatus(status);
  if (!st) {
    return Status::InvalidArgument(
               "户类型应为 lifted（脱贫户）、monitored（监测户）或 ordinary（同步搬迁的一般农户）：" + status)
        .WithReason("bad_status");
  }
  h.household_status = *st;
  XJ_ASSIGN_OR_RETURN(h.moved_in_on, OptionalDateField(body, "moved_in_on"));
  return h;
}

}  // namespace

void RegisterRelocationRoutes(Router& router, App& app) {
  router.Add("GET", "/api/v1/relocation/sites", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto sites = app.RelocationSites(Caller(req), req.Query("region"));
    if (!sites.ok()) return ErrorResponse(sites.status());
    OrderedJson items = OrderedJson::array();
    for (const RelocationSite& s : *sites) items.push_back(SiteJson(s));
    return OrderedJsonResponse(OrderedJson{{"total", sites->size()}, {"items", std::move(items)}});
  });

  router.Add("POST", "/api/v1/relocation/sites", AccessRule::Require(Action::kWriteRelocation), [&app](Request& req) {
    auto body = JsonObjectBody(req);
    if (!body.ok()) return ErrorResponse(body.status());
    auto site = SiteFromJson(*body);
    if (!site.ok()) return ErrorResponse(site.status());
    auto saved = app.SaveRelocationSite(Caller(req), *site);
    if (!saved.ok()) return ErrorResponse(saved.status());
    return OrderedJsonResponse(SiteJson(*saved), 201);
  });

  router.Add("GET", "/api/v1/relocation/households", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto unmasked = UnmaskedParam(req);
    if (!unmasked.ok()) return ErrorResponse(unmasked.status());
    RelocationHouseholdQuery q{req.Query("region"), req.Query("site")};
    auto rows = app.RelocationHouseholds(Caller(req), q, *unmasked);
    if (!rows.ok()) return ErrorResponse(rows.status());
    OrderedJson items = OrderedJson::array();
    for (const RelocationHouseholdView& h : *rows) items.push_back(HouseholdJson(h));
    return OrderedJsonResponse(OrderedJson{{"total", rows->size()}, {"items", std::move(items)}});
  });

  router.Add("POST", "/api/v1/relocation/households", AccessRule::Require(Action::kWriteRelocation),
             [&app](Request& req) {
               auto body = JsonObjectBody(req);
               if (!body.ok()) return ErrorResponse(body.status());
               auto h = HouseholdFromJson(*body);
               if (!h.ok()) return ErrorResponse(h.status());
               auto saved = app.AddRelocationHousehold(Caller(req), *h);
               if (!saved.ok()) return ErrorResponse(saved.status());
               return OrderedJsonResponse(HouseholdJson(*saved), 201);
             });

  router.Add("GET", "/api/v1/relocation/standards", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto date = OptionalDate(req, "date");
    if (!date.ok()) return ErrorResponse(date.status());
    if (!*date) return ErrorResponse(Status::InvalidArgument("缺少参数 date").WithReason("bad_date"));
    auto standards = app.RelocationStandards(Caller(req), req.Query("region"), **date);
    if (!standards.ok()) return ErrorResponse(standards.status());
    OrderedJson items = OrderedJson::array();
    for (const SubsidyStandard& s : *standards) items.push_back(StandardJson(s));
    return OrderedJsonResponse(OrderedJson{{"date", (*date)->ToString()}, {"items", std::move(items)}});
  });

  router.Add("GET", "/api/v1/relocation/subsidies", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto household = OptionalInt(req, "household", 1, INT64_MAX);
    if (!household.ok()) return ErrorResponse(household.status());
    auto rows = app.RelocationSubsidies(Caller(req), req.Query("region"), household->value_or(0));
    if (!rows.ok()) return ErrorResponse(rows.status());
    OrderedJson items = OrderedJson::array();
    for (const RelocationSubsidy& s : *rows) items.push_back(SubsidyJson(s));
    return OrderedJsonResponse(OrderedJson{{"total", rows->size()}, {"items", std::move(items)}});
  });

  router.Add(
      "POST", "/api/v1/relocation/subsidies", AccessRule::Require(Action::kWriteRelocation), [&app](Request& req) {
        auto body = JsonObjectBody(req);
        if (!body.ok()) return ErrorResponse(body.status());
        SubsidyRequest r;
        auto household = OptionalIntField(*body, "household_id");
        if (!household.ok()) return ErrorResponse(household.status());
        r.household_id = household->value_or(0);
        auto kind = TextField(*body, "kind", true);
        if (!kind.ok()) return ErrorResponse(kind.status());
        auto k = ParseSubsidyKind(*kind);
        if (!k) {
          return ErrorResponse(
              Status::InvalidArgument("未知的扶持类别：" + *kind + "（cross_region_travel|startup|skills_training）")
                  .WithReason("unknown_kind"));
        }
        r.kind = *k;
        auto basis = OptionalDateField(*body, "basis_on");
        if (!basis.ok()) return ErrorResponse(basis.status());
        r.basis_on = *basis;
        auto persons = OptionalIntField(*body, "persons");
        if (!persons.ok()) return ErrorResponse(persons.status());
        r.persons = *persons;
        auto s = app.ComputeRelocationSubsidy(Caller(req), r);
        if (!s.ok()) return ErrorResponse(s.status());
        return OrderedJsonResponse(SubsidyJson(*s), 201);
      });

  router.Add("POST", "/api/v1/relocation/subsidies/{id}/pay", AccessRule::Require(Action::kPayRelocationSubsidy),
             [&app](Request& req) {
               auto id = PositiveIdParam(req, "补贴");
               if (!id.ok()) return ErrorResponse(id.status());
               auto body = JsonObjectBody(req);
               if (!body.ok()) return ErrorResponse(body.status());
               SubsidyPayment p;
               auto paid_on = OptionalDateField(*body, "paid_on");
               if (!paid_on.ok()) return ErrorResponse(paid_on.status());
               p.paid_on = *paid_on;
               auto amount = OptionalIntField(*body, "paid_fen");
               if (!amount.ok()) return ErrorResponse(amount.status());
               if (!*amount)
                 return ErrorResponse(Status::InvalidArgument("缺少字段 paid_fen").WithReason("bad_number"));
               p.paid_fen = **amount;
               auto method = TextField(*body, "method", false);
               if (!method.ok()) return ErrorResponse(method.status());
               if (!method->empty()) p.method = *method;
               auto s = app.PayRelocationSubsidy(Caller(req), *id, p);
               if (!s.ok()) return ErrorResponse(s.status());
               return OrderedJsonResponse(SubsidyJson(*s));
             });

  router.Add("GET", "/api/v1/relocation/summary", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto from = OptionalDate(req, "from");
    if (!from.ok()) return ErrorResponse(from.status());
    auto to = OptionalDate(req, "to");
    if (!to.ok()) return ErrorResponse(to.status());
    auto s = app.RelocationSummaryOf(Caller(req), req.Query("region"), *from, *to);
    if (!s.ok()) return ErrorResponse(s.status());
    OrderedJson j = SummaryJson(*s);
    OrderedJson children = OrderedJson::array();
    for (const RelocationSummary& c : s->children) children.push_back(SummaryJson(c));
    j["children"] = std::move(children);
    return OrderedJsonResponse(j);
  });
}

}  // namespace xj::http
