#include "app/library_codec.hpp"

namespace xj {
namespace {

using nlohmann::json;

Status Bad(const std::string& field, const std::string& why) {
  return Status::InvalidArgument("字段 " + field + " " + why);
}

Result<std::string> Str(const json& j, const char* name, bool required = false) {
  auto it = j.find(name);
  if (it == j.end() || it->is_null()) {
    if (required) return Bad(name, "必填");
    return std::string();
  }
  if (!it->is_string()) return Bad(name, "应为字符串");
  return it->get<std::string>();
}

Result<std::int64_t> Int(const json& j, const char* name, std::int64_t min = 0) {
  auto it = j.find(name);
  if (it == j.end() || it->is_null()) return std::int64_t{0};
  if (!it->is_number_integer()) return Bad(name, "应为整数");
  const std::int64_t v = it->get<std::int64_t>();
  if (v < min) return Bad(name, "不得小于 " + std::to_string(min));
  return v;
}

Result<bool> Bool(const json& j, const char* name) {
  auto it = j.find(name);
  if (it == j.end() || it->is_null()) return false;
  if (!it->is_boolean()) return Bad(name, "应为 true 或 false");
  return it->get<bool>();
}

Result<std::optional<Date>> OptDate(const json& j, const char* name) {
  XJ_ASSIGN_OR_RETURN(std::string s, Str(j, name));
  if (s.empty()) return std::optional<Date>{};
  auto d = Date::Parse(s);
  if (!d.ok()) return Bad(name, "应为 YYYY-MM-DD 日期：" + s);
  return std::optional<Date>(*d);
}

Result<Date> ReqDate(const json& j, const char* name) {
  XJ_ASSIGN_OR_RETURN(std::optional<Date> d, OptDate(j, name));
  if (!d) return Bad(name, "必填");
  return *d;
}

Result<const json*> Array(const json& j, const char* name) {
  auto it = j.find(name);
  if (it == j.end() || it->is_null()) return static_cast<const json*>(nullptr);
  if (!it->is_array()) return Bad(name, "应为数组");
  return &*it;
}

json DateJson(const std::optional<Date>& d) {
  return d ? json(d->ToString()) : json(nullptr);
}

}  // namespace

nlohmann::json ToJson(const Milestone& m) {
  return {{"name", m.name},
          {"duration_days", m.duration_days},
          {"planned", DateJson(m.planned)},
          {"actual", DateJson(m.actual)}};
}

nlohmann::json ToJson(const ProjectDetails& d) {
  json funds = json::array();
  for (const FundShare& f : d.funds)
    funds.push_back({{"source", FundSourceName(f.source)}, {"amount_fen", f.amount.value()}});
  json targets = json::array();
  for (const PerformanceTarget& t : d.targets) {
    targets.push_back({{"kind", IndicatorKindName(t.kind)}, {"name", t.name}, {"target", t.target}});
  }
  json milestones = json::array();
  for (const Milestone& m : d.milestones) milestones.push_back(ToJson(m));
  return {{"funds", funds},
          {"implementing_unit", d.implementing_unit},
          {"construction_content", d.construction_content},
          {"fund_uses", d.fund_uses},
          {"benefit_mechanism", d.benefit_mechanism},
          {"households_exited", d.households_exited},
          {"households_monitored", d.households_monitored},
          {"targets", targets},
          {"milestones", milestones},
          {"task_book", d.task_book},
          {"roadmap", d.roadmap},
          {"responsible_contact", d.responsible_contact},
          {"procurement", ProcurementName(d.procurement)},
          {"work_relief_considered", d.work_relief_considered},
          {"work_relief_note", d.work_relief_note},
          {"village_plan_id", d.village_plan_id}};
}

Result<ProjectDetails> ProjectDetailsFromJson(const nlohmann::json& j) {
  if (!j.is_object()) return Status::InvalidArgument("项目库填报内容应为 JSON 对象");
  ProjectDetails d;
  XJ_ASSIGN_OR_RETURN(const json* funds, Array(j, "funds"));
  if (funds) {
    for (const json& f : *funds) {
      if (!f.is_object()) return Bad("funds", "的每一项应为对象");
      XJ_ASSIGN_OR_RETURN(std::string source, Str(f, "source", true));
      auto s = ParseFundSource(source);
      if (!s) return Bad("funds.source", "未知的资金来源：" + source);
      XJ_ASSIGN_OR_RETURN(std::int64_t amount, Int(f, "amount_fen"));
      d.funds.push_back({*s, Fen(amount)});
    }
  }
  XJ_ASSIGN_OR_RETURN(d.implementing_unit, Str(j, "implementing_unit"));
  XJ_ASSIGN_OR_RETURN(d.construction_content, Str(j, "construction_content"));
  XJ_ASSIGN_OR_RETURN(d.fund_uses, Str(j, "fund_uses"));
  XJ_ASSIGN_OR_RETURN(d.benefit_mechanism, Str(j, "benefit_mechanism"));
  XJ_ASSIGN_OR_RETURN(std::int64_t exited, Int(j, "households_exited"));
  XJ_ASSIGN_OR_RETURN(std::int64_t monitored, Int(j, "households_monitored"));
  if (exited > 10'000'000 || monitored > 10'000'000) return Bad("households_*", "超出合理范围");
  d.households_exited = static_cast<std::int32_t>(exited);
  d.households_monitored = static_cast<std::int32_t>(monitored);
  XJ_ASSIGN_OR_RETURN(const json* targets, Array(j, "targets"));
  if (targets) {
    for (const json& t : *targets) {
      if (!t.is_object()) return Bad("targets", "的每一项应为对象");
      XJ_ASSIGN_OR_RETURN(std::string kind, Str(t, "kind", true));
      auto k = ParseIndicatorKind(kind);
      if (!k) return Bad("targets.kind", "应为 output、benefit 或 satisfaction：" + kind);
      PerformanceTarget pt;
      pt.kind = *k;
      XJ_ASSIGN_OR_RETURN(pt.name, Str(t, "name", true));
      XJ_ASSIGN_OR_RETURN(pt.target, Str(t, "target"));
      d.targets.push_back(std::move(pt));
    }
  }
  XJ_ASSIGN_OR_RETURN(const json* milestones, Array(j, "milestones"));
  if (milestones) {
    for (const json& m : *milestones) {
      if (!m.is_object()) return Bad("milestones", "的每一项应为对象");
      Milestone ms;
      XJ_ASSIGN_OR_RETURN(ms.name, Str(m, "name", true));
      XJ_ASSIGN_OR_RETURN(std::int64_t days, Int(m, "duration_days"));
      if (days > 3660) return Bad("milestones.duration_days", "超出合理范围");
      ms.duration_days = static_cast<int>(days);
      XJ_ASSIGN_OR_RETURN(ms.planned, OptDate(m, "planned"));
      XJ_ASSIGN_OR_RETURN(ms.actual, OptDate(m, "actual"));
      d.milestones.push_back(std::move(ms));
    }
  }
  XJ_ASSIGN_OR_RETURN(d.task_book, Str(j, "task_book"));
  XJ_ASSIGN_OR_RETURN(d.roadmap, Str(j, "roadmap"));
  XJ_ASSIGN_OR_RETURN(d.responsible_contact, Str(j, "responsible_contact"));
  XJ_ASSIGN_OR_RETURN(std::string procurement, Str(j, "procurement"));
  if (!procurement.empty()) {
    auto p = ParseProcurement(procurement);
    if (!p) return Bad("procurement", "应为 undecided、tender、work_relief 或 direct：" + procurement);
    d.procurement = *p;
  }
  XJ_ASSIGN_OR_RETURN(d.work_relief_considered, Bool(j, "work_relief_considered"));
  XJ_ASSIGN_OR_RETURN(d.work_relief_note, Str(j, "work_relief_note"));
  XJ_ASSIGN_OR_RETURN(d.village_plan_id, Int(j, "village_plan_id"));
  return d;
}

nlohmann::json ToJson(const ReferenceItem& r) {
  return {{"kind", r.kind},
          {"code", r.code},
          {"effective_from", r.effective_from.ToString()},
          {"retired", r.retired},
          {"department", r.department},
          {"category_code", r.category_code},
          {"text", r.text},
          {"keywords", r.keywords},
          {"source", r.source}};
}

Result<ReferenceItem> ReferenceItemFromJson(const nlohmann::json& j) {
  if (!j.is_object()) return Status::InvalidArgument("参考数据应为 JSON 对象");
  ReferenceItem r;
  XJ_ASSIGN_OR_RETURN(r.kind, Str(j, "kind"));
  XJ_ASSIGN_OR_RETURN(r.code, Str(j, "code", true));
  XJ_ASSIGN_OR_RETURN(r.effective_from, ReqDate(j, "effective_from"));
  XJ_ASSIGN_OR_RETURN(r.retired, Bool(j, "retired"));
  XJ_ASSIGN_OR_RETURN(r.department, Str(j, "department"));
  XJ_ASSIGN_OR_RETURN(r.category_code, Str(j, "category_code"));
  XJ_ASSIGN_OR_RETURN(r.text, Str(j, "text"));
  XJ_ASSIGN_OR_RETURN(r.source, Str(j, "source"));
  XJ_ASSIGN_OR_RETURN(const json* kw, Array(j, "keywords"));
  if (kw) {
    for (const json& k : *kw) {
      if (!k.is_string()) return Bad("keywords", "应为字符串数组");
      if (!k.get<std::string>().empty()) r.keywords.push_back(k.get<std::string>());
    }
  }
  return r;
}

nlohmann::json ToJson(const ReviewDepartments& r) {
  return {{"county_code", r.county_code}, {"category_code", r.category_code}, {"departments", r.departments}};
}

Result<ReviewDepartments> ReviewDepartmentsFromJson(const nlohmann::json& j) {
  if (!j.is_object()) return Status::InvalidArgument("会签部门配置应为 JSON 对象");
  ReviewDepartments r;
  XJ_ASSIGN_OR_RETURN(r.county_code, Str(j, "county_code", true));
  XJ_ASSIGN_OR_RETURN(r.category_code, Str(j, "category_code", true));
  XJ_ASSIGN_OR_RETURN(const json* d, Array(j, "departments"));
  if (d) {
    for (const json& k : *d) {
      if (!k.is_string() || k.get<std::string>().empty()) return Bad("departments", "应为非空字符串数组");
      r.departments.push_back(k.get<std::string>());
    }
  }
  return r;
}

nlohmann::json ToJson(const Signoff& s) {
  return {{"department", s.department},
          {"decision", SignoffDecisionName(s.decision)},
          {"comment", s.comment},
          {"actor", s.actor},
          {"at", s.at}};
}

Result<Signoff> SignoffFromJson(const nlohmann::json& j) {
  if (!j.is_object()) return Status::InvalidArgument("会签意见应为 JSON 对象");
  Signoff s;
  XJ_ASSIGN_OR_RETURN(s.department, Str(j, "department", true));
  XJ_ASSIGN_OR_RETURN(std::string decision, Str(j, "decision", true));
  auto d = ParseSignoffDecision(decision);
  if (!d) return Bad("decision", "应为 approve 或 return：" + decision);
  s.decision = *d;
  XJ_ASSIGN_OR_RETURN(s.comment, Str(j, "comment"));
  XJ_ASSIGN_OR_RETURN(s.actor, Str(j, "actor"));
  XJ_ASSIGN_OR_RETURN(s.at, Str(j, "at"));
  return s;
}

nlohmann::json ToJson(const ComplianceFinding& f) {
  return {{"rule", f.rule}, {"ref_code", f.ref_code}, {"blocking", f.blocking}, {"message", f.message}};
}

nlohmann::json ToJson(const ComplianceReview& r) {
  json findings = json::array();
  for (const ComplianceFinding& f : r.findings) findings.push_back(ToJson(f));
  return {{"on", r.on}, {"actor", r.actor}, {"at", r.at}, {"passed", r.passed}, {"findings", findings}};
}

Result<ComplianceReview> ComplianceReviewFromJson(const nlohmann::json& j) {
  ComplianceReview r;
  XJ_ASSIGN_OR_RETURN(r.on, Str(j, "on"));
  XJ_ASSIGN_OR_RETURN(r.actor, Str(j, "actor"));
  XJ_ASSIGN_OR_RETURN(r.at, Str(j, "at"));
  XJ_ASSIGN_OR_RETURN(r.passed, Bool(j, "passed"));
  XJ_ASSIGN_OR_RETURN(const json* f, Array(j, "findings"));
  if (f) {
    for (const json& x : *f) {
      ComplianceFinding cf;
      XJ_ASSIGN_OR_RETURN(cf.rule, Str(x, "rule"));
      XJ_ASSIGN_OR_RETURN(cf.ref_code, Str(x, "ref_code"));
      XJ_ASSIGN_OR_RETURN(cf.blocking, Bool(x, "blocking"));
      XJ_ASSIGN_OR_RETURN(cf.message, Str(x, "message"));
      r.findings.push_back(std::move(cf));
    }
  }
  return r;
}

nlohmann::json ToJson(const Posting& p) {
  return {{"id", p.id},
          {"project_code", p.project_code},
          {"region_code", p.region_code},
          {"stage", p.stage},
          {"place", p.place},
          {"start", p.start.ToString()},
          {"end", p.end.ToString()},
          {"hotline", p.hotline},
          {"project_name", p.project_name},
          {"region_name", p.region_name},
          {"construction_content", p.construction_content},
          {"total_investment_fen", p.total_investment.value()},
          {"central_fund_fen", p.central_fund.value()},
          {"implementing_unit", p.implementing_unit},
          {"benefit_mechanism", p.benefit_mechanism},
          {"households_linked", p.households_linked},
          {"responsible_person", p.responsible_person},
          {"created_by", p.created_by},
          {"created_at", p.created_at}};
}

Result<Posting> PostingFromJson(const nlohmann::json& j) {
  Posting p;
  XJ_ASSIGN_OR_RETURN(p.id, Int(j, "id"));
  XJ_ASSIGN_OR_RETURN(p.project_code, Str(j, "project_code"));
  XJ_ASSIGN_OR_RETURN(p.region_code, Str(j, "region_code"));
  XJ_ASSIGN_OR_RETURN(p.stage, Str(j, "stage"));
  XJ_ASSIGN_OR_RETURN(p.place, Str(j, "place"));
  XJ_ASSIGN_OR_RETURN(p.start, ReqDate(j, "start"));
  XJ_ASSIGN_OR_RETURN(p.end, ReqDate(j, "end"));
  XJ_ASSIGN_OR_RETURN(p.hotline, Str(j, "hotline"));
  XJ_ASSIGN_OR_RETURN(p.project_name, Str(j, "project_name"));
  XJ_ASSIGN_OR_RETURN(p.region_name, Str(j, "region_name"));
  XJ_ASSIGN_OR_RETURN(p.construction_content, Str(j, "construction_content"));
  XJ_ASSIGN_OR_RETURN(std::int64_t total, Int(j, "total_investment_fen"));
  XJ_ASSIGN_OR_RETURN(std::int64_t central, Int(j, "central_fund_fen"));
  p.total_investment = Fen(total);
  p.central_fund = Fen(central);
  XJ_ASSIGN_OR_RETURN(p.implementing_unit, Str(j, "implementing_unit"));
  XJ_ASSIGN_OR_RETURN(p.benefit_mechanism, Str(j, "benefit_mechanism"));
  XJ_ASSIGN_OR_RETURN(std::int64_t households, Int(j, "households_linked"));
  p.households_linked = static_cast<std::int32_t>(households);
  XJ_ASSIGN_OR_RETURN(p.responsible_person, Str(j, "responsible_person"));
  XJ_ASSIGN_OR_RETURN(p.created_by, Str(j, "created_by"));
  XJ_ASSIGN_OR_RETURN(p.created_at, Str(j, "created_at"));
  return p;
}

nlohmann::json ToJson(const Objection& o) {
  return {{"id", o.id},
          {"posting_id", o.posting_id},
          {"project_code", o.project_code},
          {"received_on", o.received_on.ToString()},
          {"text", o.text},
          {"resolved", o.resolved},
          {"resolution", o.resolution},
          {"resolved_on", DateJson(o.resolved_on)}};
}

Result<Objection> ObjectionFromJson(const nlohmann::json& j) {
  Objection o;
  XJ_ASSIGN_OR_RETURN(o.id, Int(j, "id"));
  XJ_ASSIGN_OR_RETURN(o.posting_id, Int(j, "posting_id"));
  XJ_ASSIGN_OR_RETURN(o.project_code, Str(j, "project_code"));
  XJ_ASSIGN_OR_RETURN(o.received_on, ReqDate(j, "received_on"));
  XJ_ASSIGN_OR_RETURN(o.text, Str(j, "text"));
  XJ_ASSIGN_OR_RETURN(o.resolved, Bool(j, "resolved"));
  XJ_ASSIGN_OR_RETURN(o.resolution, Str(j, "resolution"));
  XJ_ASSIGN_OR_RETURN(o.resolved_on, OptDate(j, "resolved_on"));
  return o;
}

nlohmann::json ToJson(const VillagePlan& v) {
  return {{"id", v.id},       {"village_code", v.village_code}, {"year", v.year}, {"title", v.title},
          {"goals", v.goals}, {"updated_at", v.updated_at}};
}

Result<VillagePlan> VillagePlanFromJson(const nlohmann::json& j) {
  if (!j.is_object()) return Status::InvalidArgument("一村一策应为 JSON 对象");
  VillagePlan v;
  XJ_ASSIGN_OR_RETURN(v.id, Int(j, "id"));
  XJ_ASSIGN_OR_RETURN(v.village_code, Str(j, "village_code", true));
  XJ_ASSIGN_OR_RETURN(std::int64_t year, Int(j, "year"));
  v.year = static_cast<int>(year);
  XJ_ASSIGN_OR_RETURN(v.title, Str(j, "title", true));
  XJ_ASSIGN_OR_RETURN(v.goals, Str(j, "goals"));
  XJ_ASSIGN_OR_RETURN(v.updated_at, Str(j, "updated_at"));
  return v;
}

Result<nlohmann::json> ParseStoredDoc(const std::string& text) {
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded()) return Status::Internal("项目库记录已损坏（JSON 无法解析）");
  return j;
}

Status DamagedRecord(const LibraryRecord& r, const Status& why) {
  return Status::Internal("项目库记录已损坏：" + r.kind + " #" + std::to_string(r.id) + "（" + why.message() + "）");
}

}  // namespace xj
