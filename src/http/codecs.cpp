#include "http/codecs.hpp"

#include <algorithm>
#include <map>

#include "domain/transition_gate.hpp"

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
  nlohmann::json j = {
      {"kind", r.kind}, {"rows", r.rows}, {"inserted", r.inserted}, {"updated", r.updated}, {"unchanged", r.unchanged}};
  if (!r.encoding.empty()) j["encoding"] = r.encoding;
  if (r.formula_cells.total > 0) {
    nlohmann::json cells = nlohmann::json::array();
    for (const FormulaCell& c : r.formula_cells.first) {
      cells.push_back(
          {{"sheet", c.sheet}, {"row", c.row}, {"column", c.column}, {"formula", c.formula}, {"value", c.value}});
    }
    j["formula_cells_total"] = r.formula_cells.total;
    j["formula_cells"] = std::move(cells);
  }
  return j;
}

OrderedJson TotalJson(FenTotal total) {
  if (total.fits_fen()) return OrderedJson(static_cast<std::int64_t>(total.value()));
  return OrderedJson(static_cast<double>(total.value()));
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
  j["allocated_fen"] = TotalJson(f.allocated);
  j["expended_fen"] = TotalJson(f.expended);
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
  j["disbursed_fen"] = TotalJson(f.disbursed);
  j["allocated_to_projects_fen"] = TotalJson(f.allocated_to_projects);
  j["distribute_progress"] = PercentJson(f.distribute_progress);
  j["disburse_as_expend_fen"] = TotalJson(f.disburse_as_expend);
  j["pay_ahead_fen"] = TotalJson(f.pay_ahead);
  j["industry_planned_fen"] = TotalJson(f.industry_planned);
  j["planned_total_fen"] = TotalJson(f.planned_total);
  j["industry_share"] = PercentJson(f.industry_share);
  if (r.comparisons) {
    auto comparison = [](const FigureComparison& c) {
      OrderedJson out;
      out["national"] = c.national ? OrderedJson{{"value", HundredthsToDouble(c.national->value_bp)},
                                                 {"date", c.national->date.ToString()}}
                                   : OrderedJson(nullptr);
      out["best_earlier"] =
          c.best_year ? OrderedJson{{"value", PercentJson(c.best)}, {"year", *c.best_year}} : OrderedJson(nullptr);
      return out;
    };
    j["comparisons"] = OrderedJson{{"start_rate", comparison(r.comparisons->start_rate)},
                                   {"expend_progress", comparison(r.comparisons->expend_progress)}};
  }
  return j;
}

OrderedJson RankRowsJson(const Ranking& ranking) {
  OrderedJson rows = OrderedJson::array();
  for (const RankedRegion& r : ranking.rows) {
    const RankingScope& scope = ranking.scopes[r.scope];
    OrderedJson j;
    j["rank"] = r.rank ? OrderedJson(*r.rank) : OrderedJson(nullptr);
    j["region_code"] = r.region->code;
    j["region_name"] = r.region->name;
    j["expend_progress"] = PercentJson(r.figures.expend_progress);
    j["assessed_progress"] = PercentJson(r.figures.assessed_progress);
    j["incentive_fen"] = r.incentive.value();
    j["allocated_fen"] = TotalJson(r.figures.allocated);
    j["expended_fen"] = TotalJson(r.figures.expended);
    j["scope_region_code"] = scope.owner ? OrderedJson(scope.owner->code) : OrderedJson(nullptr);
    j["scope_size"] = scope.size;
    rows.push_back(std::move(j));
  }
  return rows;
}

OrderedJson ToJson(const Ranking& ranking) {
  OrderedJson scopes = OrderedJson::array();
  for (const RankingScope& s : ranking.scopes) {
    OrderedJson j;
    j["region_code"] = s.owner ? OrderedJson(s.owner->code) : OrderedJson(nullptr);
    j["region_name"] = s.owner ? OrderedJson(s.owner->name) : OrderedJson("全国");
    j["size"] = s.size;
    j["top_n"] = s.top_n;
    j["bottom_n"] = s.bottom_n;
    j["amount_fen"] = s.amount.value();
    scopes.push_back(std::move(j));
  }
  return OrderedJson{{"items", RankRowsJson(ranking)}, {"scopes", std::move(scopes)}};
}

OrderedJson ToJson(const ReceiptMeasure& m) {
  return OrderedJson{{"receipt_id", m.receipt_id},
                     {"received_on", m.date.ToString()},
                     {"amount_fen", m.amount.value()},
                     {"cumulative_fen", TotalJson(m.cumulative)},
                     {"done_on", m.done_on ? OrderedJson(m.done_on->ToString()) : OrderedJson(nullptr)},
                     {"days", m.days},
                     {"limit_days", m.limit_days},
                     {"breach", m.breach}};
}

OrderedJson ToJson(const TimelinessReport& r) {
  OrderedJson units = OrderedJson::array();
  for (const UnitTimeliness& u : r.units) {
    OrderedJson receipts = OrderedJson::array();
    for (const ReceiptTimeliness& t : u.receipts) {
      receipts.push_back(OrderedJson{{"receipt_id", t.receipt.receipt_id},
                                     {"date", t.receipt.date.ToString()},
                                     {"amount_fen", t.receipt.amount.value()},
                                     {"cumulative_fen", TotalJson(t.cumulative)},
                                     {"note", t.receipt.note},
                                     {"allocation", t.allocation ? ToJson(*t.allocation) : OrderedJson(nullptr)},
                                     {"distribution", ToJson(t.distribution)}});
    }
    units.push_back(OrderedJson{{"region_code", u.region.code},
                                {"region_name", u.region.name},
                                {"level", RegionLevelName(u.region.level)},
                                {"fund_year", u.fund_year},
                                {"late_allocation", u.late_allocation},
                                {"late_distribution", u.late_distribution},
                                {"receipts", std::move(receipts)}});
  }
  return OrderedJson{
      {"region_code", r.region_code}, {"year", r.year}, {"as_of", r.as_of.ToString()}, {"units", std::move(units)}};
}

namespace {
/// The evidence of a flag of docs/definitions.md §20: the rule's measures, the entries and projects
/// involved (amounts in fen) and the ledger filter that lists them.
OrderedJson GamingEvidenceJson(const GamingFinding& f) {
  OrderedJson measures = OrderedJson::object();
  for (const GamingMeasure& m : f.measures) measures[m.name] = m.value;
  OrderedJson entries = OrderedJson::array();
  for (const GamingEntry& e : f.entries) {
    entries.push_back(OrderedJson{{"entry_id", e.entry_id},
                                  {"date", e.date.ToString()},
                                  {"kind", EntryKindName(e.kind)},
                                  {"amount_fen", e.amount.value()},
                                  {"payee", e.payee},
                                  {"payee_type", PayeeTypeName(e.payee_type)},
                                  {"region_code", e.region_code},
                                  {"project_code", e.project_code},
                                  {"reverses", e.reverses}});
  }
  OrderedJson projects = OrderedJson::array();
  for (const GamingProjectEvidence& p : f.projects) {
    projects.push_back(OrderedJson{
        {"project_code", p.project_code},
        {"name", p.name},
        {"region_code", p.region_code},
        {"category", p.category},
        {"total_investment_fen", p.total_investment.value()},
        {"first_paid_on", p.first_paid_on ? OrderedJson(p.first_paid_on->ToString()) : OrderedJson(nullptr)},
        {"paid_fen", p.paid.value()}});
  }
  const GamingLedgerLink& l = f.ledger;
  auto date = [](const std::optional<Date>& d) { return d ? OrderedJson(d->ToString()) : OrderedJson(nullptr); };
  return OrderedJson{
      {"cutoff", date(f.cutoff)},
      {"measures", std::move(measures)},
      {"entries", std::move(entries)},
      {"projects", std::move(projects)},
      {"counties", f.counties},
      {"ledger", OrderedJson{{"region", l.region_code},
                             {"q", l.text},
                             {"kind", l.kind ? OrderedJson(EntryKindName(*l.kind)) : OrderedJson(nullptr)},
                             {"from", date(l.from)},
                             {"to", date(l.to)}}}};
}
}  // namespace

OrderedJson ToJson(const FlagItem& item) {
  const Flag& f = item.flag;
  const bool entry = FlagSubjectType(f.kind) == "entry";
  OrderedJson j;
  j["id"] = f.id > 0 ? OrderedJson(f.id) : OrderedJson(nullptr);
  j["kind"] = f.kind;
  j["kind_label"] = FlagKindLabel(f.kind);
  j["subject_type"] = FlagSubjectType(f.kind);
  j["subject"] = f.subject;
  j["entry_id"] = entry ? OrderedJson(f.subject) : OrderedJson(nullptr);
  j["project_code"] = f.project_code;
  j["project_name"] = item.project_name;
  j["region_code"] = item.region.code;
  j["region_name"] = item.region.name;
  j["fund_year"] = f.fund_year ? OrderedJson(*f.fund_year) : OrderedJson(nullptr);
  j["fund_source"] = f.fund_source ? OrderedJson(FundSourceName(*f.fund_source)) : OrderedJson(nullptr);
  j["date"] = f.raised_on.ToString();
  j["cleared_on"] = f.cleared_on ? OrderedJson(f.cleared_on->ToString()) : OrderedJson(nullptr);
  j["amount_fen"] = f.amount.value();
  j["detail"] = f.detail;
  j["status"] = FlagStatusName(f.status);
  j["status_label"] = FlagStatusLabel(f.status);
  j["assignee"] = f.assignee;
  j["reason"] = f.reason;
  j["updated_at"] = f.updated_at;
  j["version"] = f.version;
  if (f.kind == FlagKind::kDisburseAsExpend) j["payee"] = item.payee;
  if (item.pay_ahead) {
    const PayAheadStatus& s = *item.pay_ahead;
    j["contract_fen"] = TotalJson(s.contract);
    j["advance_fen"] = TotalJson(s.advance);
    j["progress"] = HundredthsToDouble(s.progress_bp);
    j["paid_fen"] = TotalJson(s.paid);
    j["cap_fen"] = TotalJson(s.cap);
    j["excess_fen"] = TotalJson(s.excess);
    j["retention_held"] = s.retention_held;
  }
  if (item.timeliness) j["timeliness"] = ToJson(*item.timeliness);
  if (item.gaming) {
    j["payee"] = item.payee;
    j["evidence"] = GamingEvidenceJson(*item.gaming);
  }
  return j;
}

OrderedJson ToJson(const FlagsReport& r) {
  OrderedJson out;
  OrderedJson items = OrderedJson::array();
  for (const FlagItem& i : r.PageItems()) items.push_back(ToJson(i));
  out["items"] = std::move(items);
  out["total"] = r.items.size();
  out["page"] = r.page;
  out["page_size"] = r.page_size > 0 ? r.page_size : static_cast<int>(r.items.size());
  OrderedJson summary = OrderedJson::array();
  for (const FlagKindSummary& s : r.summary) {
    summary.push_back(OrderedJson{
        {"kind", s.kind}, {"label", FlagKindLabel(s.kind)}, {"count", s.count}, {"amount_fen", TotalJson(s.amount)}});
  }
  out["summary"] = std::move(summary);
  // Every matching flag grouped by kind (not paged), with each kind's total.
  const std::map<std::string_view, std::string_view> totals = {
      {FlagKind::kDisburseAsExpend, "disburse_as_expend_total_fen"},
      {FlagKind::kPayAheadOfProgress, "pay_ahead_total_fen"},
      {FlagKind::kOverArranged, "over_arranged_total_fen"},
      {FlagKind::kNegativeList, "negative_list_total_fen"},
      {FlagKind::kLateAllocation, "late_allocation_total_fen"},
      {FlagKind::kLateDistribution, "late_distribution_total_fen"},
      {FlagKind::kCutoffRush, "cutoff_rush_total_fen"},
      {FlagKind::kTenderSplit, "tender_split_total_fen"},
      {FlagKind::kPayeeSpread, "payee_spread_total_fen"},
      {FlagKind::kMonthEndRound, "month_end_round_total_fen"},
      {FlagKind::kGovAccountReturn, "gov_account_return_total_fen"}};
  for (std::string_view kind : kFlagKinds) {
    std::vector<const FlagItem*> of_kind;
    for (const FlagItem& i : r.items) {
      if (i.flag.kind == kind) of_kind.push_back(&i);
    }
    // Each group in its own order, as these lists were before flags became work items: entries
    // oldest first, projects by the largest amount.
    const bool entries = FlagSubjectType(kind) == "entry";
    std::sort(of_kind.begin(), of_kind.end(), [entries](const FlagItem* a, const FlagItem* b) {
      if (entries && a->flag.raised_on != b->flag.raised_on) return a->flag.raised_on < b->flag.raised_on;
      if (!entries && a->flag.amount != b->flag.amount) return a->flag.amount > b->flag.amount;
      return a->flag.subject < b->flag.subject;
    });
    OrderedJson group = OrderedJson::array();
    FenTotal total;
    for (const FlagItem* i : of_kind) {
      group.push_back(ToJson(*i));
      total += i->flag.amount;
    }
    // The 超进度拨款 group keeps its first name, pay_ahead.
    out[kind == FlagKind::kPayAheadOfProgress ? "pay_ahead" : std::string(kind)] = std::move(group);
    out[std::string(totals.at(kind))] = TotalJson(total);
  }
  return out;
}

OrderedJson ToJson(const LedgerCheck& c) {
  OrderedJson j;
  j["ok"] = c.refusal.ok();
  if (c.refusal.ok()) {
    j["error"] = nullptr;
  } else {
    OrderedJson details = OrderedJson::array();
    for (const FieldError& e : c.refusal.details()) {
      details.push_back(OrderedJson{
          {"row", e.row}, {"column", e.column}, {"value", e.value}, {"code", e.code}, {"message", e.message}});
    }
    j["error"] =
        OrderedJson{{"code", c.refusal.code_name()}, {"message", c.refusal.message()}, {"details", std::move(details)}};
  }
  OrderedJson warnings = OrderedJson::array();
  for (const Flag& f : c.warnings) {
    warnings.push_back(OrderedJson{{"kind", f.kind},
                                   {"kind_label", FlagKindLabel(f.kind)},
                                   {"subject", f.subject},
                                   {"project_code", f.project_code},
                                   {"amount_fen", f.amount.value()},
                                   {"detail", f.detail}});
  }
  j["warnings"] = std::move(warnings);
  return j;
}

OrderedJson ToJson(const FlagDetail& d) {
  OrderedJson j = ToJson(d.item);
  OrderedJson history = OrderedJson::array();
  for (const FlagEvent& e : d.history) {
    history.push_back(OrderedJson{{"at", e.at},
                                  {"actor", e.actor},
                                  {"action", FlagActionName(e.action)},
                                  {"status", FlagStatusName(e.status)},
                                  {"assignee", e.assignee},
                                  {"reason", e.reason}});
  }
  j["history"] = std::move(history);
  return j;
}

OrderedJson DateJson(const std::optional<Date>& d) {
  return d ? OrderedJson(d->ToString()) : OrderedJson(nullptr);
}

namespace {

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
  for (const AllowedAction& a : d.allowed) {
    OrderedJson blockers = OrderedJson::array();
    for (const TransitionBlocker& b : a.blockers) {
      blockers.push_back(OrderedJson{{"kind", b.kind}, {"message", b.message}});
    }
    actions.push_back(OrderedJson{{"action", a.transition->action},
                                  {"label", a.transition->label},
                                  {"reason_required", a.transition->reason_required},
                                  {"blockers", std::move(blockers)}});
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
  OrderedJson contracts = OrderedJson::array();
  for (const ProjectContract& c : d.contracts) {
    contracts.push_back(OrderedJson{
        {"contract_no", c.contract_no},
        {"amount_fen", c.amount.value()},
        {"signed_on", c.signed_on.ToString()},
        {"advance_rate", c.advance_bp ? OrderedJson(HundredthsToDouble(*c.advance_bp)) : OrderedJson(nullptr)}});
  }
  j["contracts"] = std::move(contracts);
  OrderedJson progress = OrderedJson::array();
  for (const ProgressReport& r : d.progress) {
    progress.push_back(OrderedJson{
        {"date", r.date.ToString()}, {"progress", HundredthsToDouble(r.progress_hundredths)}, {"note", r.note}});
  }
  j["progress"] = std::move(progress);
  if (d.pay_ahead) {
    const PayAheadStatus& s = *d.pay_ahead;
    j["pay_ahead"] = OrderedJson{{"contract_fen", TotalJson(s.contract)},
                                 {"advance_fen", TotalJson(s.advance)},
                                 {"progress", HundredthsToDouble(s.progress_bp)},
                                 {"paid_fen", TotalJson(s.paid)},
                                 {"cap_fen", TotalJson(s.cap)},
                                 {"excess_fen", TotalJson(s.excess)},
                                 {"retention_held", s.retention_held}};
  } else {
    j["pay_ahead"] = nullptr;
  }
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
  for (const FlagItem& i : r.items) {
    OrderedJson j;
    j["type"] = i.flag.kind;
    j["code"] = i.flag.subject;
    j["date"] = i.flag.raised_on.ToString();
    j["region_code"] = i.region.code;
    j["region_name"] = i.region.name;
    j["project_code"] = i.flag.project_code;
    j["amount_fen"] = i.flag.amount.value();
    j["status"] = FlagStatusName(i.flag.status);
    j["assignee"] = i.flag.assignee;
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
          {"created_at", u.created_at},
          {"department", u.department}};
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
