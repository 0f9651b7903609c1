#include "http/codecs.hpp"

namespace xj::http {

nlohmann::json ToJson(const RegionSummary& r) {
  nlohmann::json j = {
      {"code", r.region.code},
      {"name", r.region.name},
      {"level", RegionLevelName(r.region.level)},
      {"level_label", RegionLevelLabel(r.region.level)},
      {"parent_code", r.region.parent_code.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.region.parent_code)},
      {"key_township", r.region.key_township},
      {"child_count", r.child_count},
      {"descendant_count", r.descendant_count}};
  if (!r.region.former_name.empty()) j["former_name"] = r.region.former_name;
  return j;
}

nlohmann::json ToJson(const ImportReport& r) {
  return {
      {"kind", r.kind}, {"rows", r.rows}, {"inserted", r.inserted}, {"updated", r.updated}, {"unchanged", r.unchanged}};
}

OrderedJson PercentJson(Ratio r) {
  auto h = PercentHundredths(r);
  return h ? OrderedJson(HundredthsToDouble(*h)) : OrderedJson(nullptr);
}

OrderedJson PointsJson(Ratio a, Ratio b) {
  auto h = PointsDifferenceHundredths(a, b);
  return h ? OrderedJson(HundredthsToDouble(*h)) : OrderedJson(nullptr);
}

OrderedJson ToJson(const RegionIndicators& r) {
  const Indicators& f = r.figures;
  OrderedJson j;
  j["region_code"] = r.region.code;
  j["region_name"] = r.region.name;
  j["projects_total"] = f.projects_total;
  j["projects_started"] = f.projects_started;
  j["start_rate"] = PercentJson(f.start_rate);
  j["start_rate_yoy_pts"] = PointsJson(f.start_rate, f.start_rate_last_year);
  j["projects_finished"] = f.projects_finished;
  j["completion_rate"] = PercentJson(f.completion_rate);
  j["allocated_fen"] = f.allocated.value();
  j["expended_fen"] = f.expended.value();
  j["expend_progress"] = PercentJson(f.expend_progress);
  j["expend_progress_yoy_pts"] = PointsJson(f.expend_progress, f.expend_progress_last_year);
  j["assessed_progress"] = PercentJson(f.assessed_progress);
  j["time_progress"] = PercentJson(f.time_progress);
  const auto on_track = f.on_track();
  j["on_track"] = on_track ? OrderedJson(*on_track) : OrderedJson(nullptr);
  // Further figures of docs/definitions.md.
  j["region_level"] = RegionLevelName(r.region.level);
  j["year"] = f.year;
  j["as_of"] = f.as_of.ToString();
  j["fund_source"] = FundSourceName(f.fund_source);
  j["disbursed_fen"] = f.disbursed.value();
  j["allocated_to_projects_fen"] = f.allocated_to_projects.value();
  j["distribute_progress"] = PercentJson(f.distribute_progress);
  j["disburse_as_expend_fen"] = f.disburse_as_expend.value();
  j["pay_ahead_fen"] = f.pay_ahead.value();
  j["industry_planned_fen"] = f.industry_planned.value();
  j["planned_total_fen"] = f.planned_total.value();
  j["industry_share"] = PercentJson(f.industry_share);
  return j;
}

OrderedJson ToJson(const RankedRegion& r) {
  OrderedJson j;
  j["rank"] = r.rank;
  j["region_code"] = r.region->code;
  j["region_name"] = r.region->name;
  j["expend_progress"] = PercentJson(r.figures.expend_progress);
  j["assessed_progress"] = PercentJson(r.figures.assessed_progress);
  j["incentive_fen"] = r.incentive.value();
  j["allocated_fen"] = r.figures.allocated.value();
  j["expended_fen"] = r.figures.expended.value();
  return j;
}

namespace {

OrderedJson EntryFlagJson(const FlagsReport::Entry& e) {
  OrderedJson j;
  j["entry_id"] = e.flag.entry_id;
  j["date"] = e.flag.date.ToString();
  j["region_code"] = e.region.code;
  j["region_name"] = e.region.name;
  j["project_code"] = e.flag.project_code;
  j["fund_source"] = FundSourceName(e.flag.fund_source);
  j["fund_year"] = e.flag.fund_year;
  j["amount_fen"] = e.flag.amount.value();
  j["payee"] = e.flag.payee;
  return j;
}

OrderedJson PayAheadJson(const FlagsReport::PayAhead& p) {
  OrderedJson j;
  j["project_code"] = p.flag.project_code;
  j["project_name"] = p.flag.project_name;
  j["region_code"] = p.region.code;
  j["region_name"] = p.region.name;
  j["contract_fen"] = p.flag.status.contract.value();
  j["progress"] = HundredthsToDouble(p.flag.status.progress_bp);
  j["paid_fen"] = p.flag.status.paid.value();
  j["cap_fen"] = p.flag.status.cap.value();
  j["excess_fen"] = p.flag.status.excess.value();
  return j;
}

}  // namespace

OrderedJson ToJson(const FlagsReport& r) {
  OrderedJson out;
  OrderedJson entries = OrderedJson::array();
  std::int64_t entry_total = 0, pay_total = 0;
  for (const auto& e : r.disburse_as_expend) {
    entries.push_back(EntryFlagJson(e));
    entry_total += e.flag.amount.value();
  }
  OrderedJson projects = OrderedJson::array();
  for (const auto& p : r.pay_ahead) {
    projects.push_back(PayAheadJson(p));
    pay_total += p.flag.status.excess.value();
  }
  out["disburse_as_expend"] = std::move(entries);
  out["disburse_as_expend_total_fen"] = entry_total;
  out["pay_ahead"] = std::move(projects);
  out["pay_ahead_total_fen"] = pay_total;
  return out;
}

namespace {

OrderedJson DateJson(const std::optional<Date>& d) {
  return d ? OrderedJson(d->ToString()) : OrderedJson(nullptr);
}

OrderedJson ProjectJson(const Project& p, const Region& region) {
  OrderedJson j;
  j["project_code"] = p.project_code;
  j["name"] = p.name;
  j["year"] = p.year;
  j["region_code"] = p.region_code;
  j["region_name"] = region.name;
  j["category"] = p.category;
  j["subcategory"] = p.subcategory;
  j["total_investment_fen"] = p.total_investment.value();
  j["central_fund_fen"] = p.central_fund.value();
  j["other_fund_fen"] = p.other_fund.value();
  j["planned_start"] = DateJson(p.planned_start);
  j["planned_finish"] = DateJson(p.planned_finish);
  j["actual_start"] = DateJson(p.actual_start);
  j["actual_finish"] = DateJson(p.actual_finish);
  j["status"] = ProjectStateName(p.status);
  j["status_label"] = ProjectStateLabel(p.status);
  j["responsible_person"] = p.responsible_person;
  j["gov_infrastructure"] = p.gov_infrastructure;
  j["low_skill"] = p.low_skill;
  j["work_relief"] = p.work_relief;
  return j;
}

}  // namespace

OrderedJson ToJson(const ProjectList& page) {
  OrderedJson items = OrderedJson::array();
  for (const ProjectListItem& it : page.items) {
    const ProjectRowView& r = it.row;
    OrderedJson j;
    j["project_code"] = r.project_code;
    j["name"] = r.name;
    j["year"] = r.year;
    j["region_code"] = it.region.code;
    j["region_name"] = it.region.name;
    j["category"] = r.category;
    j["status"] = ProjectStateName(r.status);
    j["status_label"] = ProjectStateLabel(r.status);
    j["central_fund_fen"] = r.central_fund.value();
    j["total_investment_fen"] = r.total_investment.value();
    j["responsible_person"] = r.responsible_person;
    items.push_back(std::move(j));
  }
  OrderedJson out;
  out["items"] = std::move(items);
  out["total"] = page.total;
  out["page"] = page.page;
  out["page_size"] = page.page_size;
  return out;
}

OrderedJson ToJson(const LedgerList& page) {
  OrderedJson items = OrderedJson::array();
  for (const LedgerListItem& it : page.items) {
    const StoredEntry& s = it.row.stored;
    const LedgerEntry& e = s.entry;
    OrderedJson j;
    j["seq"] = s.seq;
    j["entry_id"] = e.entry_id;
    j["date"] = e.date.ToString();
    j["kind"] = EntryKindName(e.kind);
    j["kind_label"] = EntryKindLabel(e.kind);
    j["fund_source"] = FundSourceName(e.fund_source);
    j["fund_year"] = e.fund_year;
    j["region_code"] = e.region_code;
    j["region_name"] = it.region.name;
    j["project_code"] = e.project_code;
    j["amount_fen"] = e.amount.value();
    j["payee"] = e.payee;
    j["payee_type"] = PayeeTypeName(e.payee_type);
    j["reverses"] = e.reverses;
    j["note"] = e.note;
    j["reversed_by"] = it.row.reversed_by;
    items.push_back(std::move(j));
  }
  OrderedJson out;
  out["items"] = std::move(items);
  out["total"] = page.total;
  out["page"] = page.page;
  out["page_size"] = page.page_size;
  return out;
}

OrderedJson ToJson(const ProjectDetail& d) {
  OrderedJson j = ProjectJson(d.stored.project, d.region);
  j["version"] = d.stored.version;
  OrderedJson actions = OrderedJson::array();
  for (const Transition* t : d.allowed) {
    actions.push_back(OrderedJson{{"action", t->action}, {"label", t->label}, {"reason_required", t->reason_required}});
  }
  j["allowed_actions"] = std::move(actions);
  OrderedJson history = OrderedJson::array();
  for (const TransitionRecord& t : d.transitions) {
    history.push_back(OrderedJson{{"action", t.action},
                                  {"from", ProjectStateName(t.from)},
                                  {"to", ProjectStateName(t.to)},
                                  {"actor", t.actor},
                                  {"at", t.at},
                                  {"date", t.on.ToString()},
                                  {"reason", t.reason}});
  }
  j["transitions"] = std::move(history);
  OrderedJson procedures = OrderedJson::array();
  for (ProcedureKind k : AllProcedureKinds()) {
    ProcedureStatus s{k, false, ""};
    for (const ProcedureStatus& p : d.procedures) {
      if (p.kind == k) s = p;
    }
    procedures.push_back(OrderedJson{{"kind", ProcedureKindName(k)},
                                     {"label", ProcedureKindLabel(k)},
                                     {"complete", s.complete},
                                     {"document_ref", s.document_ref}});
  }
  j["procedures"] = std::move(procedures);
  OrderedJson ledger = OrderedJson::array();
  for (const StoredEntry& e : d.ledger) {
    ledger.push_back(OrderedJson{{"entry_id", e.entry.entry_id},
                                 {"date", e.entry.date.ToString()},
                                 {"kind", EntryKindName(e.entry.kind)},
                                 {"fund_source", FundSourceName(e.entry.fund_source)},
                                 {"fund_year", e.entry.fund_year},
                                 {"amount_fen", e.entry.amount.value()},
                                 {"payee", e.entry.payee},
                                 {"payee_type", PayeeTypeName(e.entry.payee_type)},
                                 {"reverses", e.entry.reverses}});
  }
  j["ledger"] = std::move(ledger);
  AddLibraryJson(j, d);
  return j;
}

void AddLibraryJson(OrderedJson& j, const ProjectDetail& d) {
  // The library records keep their stored (app/library_codec) shape.
  auto ordered = [](const nlohmann::json& v) { return OrderedJson::parse(v.dump()); };
  j["sheet"] = ordered(ToJson(d.details));
  j["compliance"] = d.compliance ? ordered(ToJson(*d.compliance)) : OrderedJson(nullptr);
  OrderedJson jr;
  jr["complete"] = d.joint_review.complete();
  jr["required"] = d.joint_review.required;
  jr["approved"] = d.joint_review.approved;
  jr["returned"] = d.joint_review.returned;
  jr["pending"] = d.joint_review.pending;
  OrderedJson signoffs = OrderedJson::array();
  for (const Signoff& s : d.signoffs) signoffs.push_back(ordered(ToJson(s)));
  jr["signoffs"] = std::move(signoffs);
  j["joint_review"] = std::move(jr);
  OrderedJson postings = OrderedJson::array();
  for (const Posting& p : d.postings) {
    OrderedJson pj = ordered(ToJson(p));
    OrderedJson objections = OrderedJson::array();
    for (const Objection& o : d.objections) {
      if (o.posting_id == p.id) objections.push_back(ordered(ToJson(o)));
    }
    pj["objections"] = std::move(objections);
    postings.push_back(std::move(pj));
  }
  j["postings"] = std::move(postings);
  j["village_plan"] = d.village_plan ? ordered(ToJson(*d.village_plan)) : OrderedJson(nullptr);
}

OrderedJson FlagRows(const FlagsReport& r) {
  OrderedJson rows = OrderedJson::array();
  for (const auto& e : r.disburse_as_expend) {
    OrderedJson j;
    j["type"] = "disburse_as_expend";
    j["code"] = e.flag.entry_id;
    j["date"] = e.flag.date.ToString();
    j["region_code"] = e.region.code;
    j["region_name"] = e.region.name;
    j["project_code"] = e.flag.project_code;
    j["amount_fen"] = e.flag.amount.value();
    rows.push_back(std::move(j));
  }
  for (const auto& p : r.pay_ahead) {
    OrderedJson j;
    j["type"] = "pay_ahead_of_progress";
    j["code"] = p.flag.project_code;
    j["date"] = "";
    j["region_code"] = p.region.code;
    j["region_name"] = p.region.name;
    j["project_code"] = p.flag.project_code;
    j["amount_fen"] = p.flag.status.excess.value();
    rows.push_back(std::move(j));
  }
  return rows;
}

}  // namespace xj::http

namespace xj::http {
namespace {
nlohmann::json Snapshot(const std::string& text) {
  if (text.empty()) return nullptr;
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  return j.is_discarded() ? nlohmann::json(text) : j;
}
}  // namespace

nlohmann::json ToJson(const UserView& u) {
  return {{"id", u.id},
          {"username", u.username},
          {"role", RoleName(u.role)},
          {"role_label", RoleLabel(u.role)},
          {"region_code", u.region_code},
          {"region_name", u.region_name},
          {"disabled", u.disabled},
          {"created_at", u.created_at}};
}

nlohmann::json ToJson(const AuditRecord& r) {
  return {{"seq", r.seq},
          {"at", r.at},
          {"actor", r.actor},
          {"actor_role", r.actor_role},
          {"address", r.address},
          {"action", r.action},
          {"entity_type", r.entity_type},
          {"entity_id", r.entity_id},
          {"region_code", r.region_code},
          {"before", Snapshot(r.before)},
          {"after", Snapshot(r.after)},
          {"prev_hash", r.prev_hash},
          {"hash", r.hash}};
}

}  // namespace xj::http
