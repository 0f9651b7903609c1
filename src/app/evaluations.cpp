// 绩效评价 (issue #19 point 3): an evaluation per county and fund year on a pinned template
// version, engine items from the figures the system holds, manual items with evidence, and the
// steps county → prefecture → region, each in the evaluation's history and the audit trail.
// docs/definitions.md §15.
#include "app/evaluations.hpp"

#include <algorithm>
#include <map>
#include <mutex>

#include "app/app.hpp"
#include "core/ratio.hpp"

namespace xj {
namespace {

const EvaluationTemplate* TemplateOf(const EvaluationRecord& r) {
  return FindEvaluationTemplate(EvaluationTemplates(), r.template_version);
}

nlohmann::ordered_json Points(const std::optional<std::int64_t>& hundredths) {
  return hundredths ? nlohmann::ordered_json(HundredthsToDouble(*hundredths)) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json TextOrNull(const std::string& s) {
  return s.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s);
}

std::string PercentText(Ratio r) {
  auto h = PercentHundredths(r);
  return h ? FormatHundredths(*h) + "%" : std::string("无数据");
}

bool Blank(std::string_view s) {
  return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

/// The figure of each engine metric for one county, and how it is shown.
struct EngineFigures {
  std::map<EvaluationMetric, EvaluationFigure> figures;
  std::map<EvaluationMetric, std::string> texts;
};

/// Reads the engine's figures of a county for a fund year as of a date (docs/definitions.md §15).
Result<EngineFigures> ReadEngineFigures(const App& app, const Actor& actor, const std::string& county, int year,
                                        Date as_of) {
  EngineFigures out;
  XJ_ASSIGN_OR_RETURN(RegionIndicators ind,
                      app.ComputeIndicators(actor, IndicatorQuery{county, year, as_of, FundSource::kCentral}));
  const Indicators& f = ind.figures;
  auto share = [&](EvaluationMetric m, FenTotal part) {
    const Ratio r = RatioOf(part.value(), f.allocated.value());
    out.figures[m] = {r, std::nullopt};
    out.texts[m] = r.defined() ? PercentText(r) : "无数据（未下达资金）";
  };
  out.figures[EvaluationMetric::kExpendProgress] = {f.expend_progress, std::nullopt};
  out.texts[EvaluationMetric::kExpendProgress] = PercentText(f.expend_progress);
  out.figures[EvaluationMetric::kIndustryShare] = {f.industry_share, std::nullopt};
  out.texts[EvaluationMetric::kIndustryShare] = PercentText(f.industry_share);
  share(EvaluationMetric::kDisburseAsExpendShare, f.disburse_as_expend);
  share(EvaluationMetric::kPayAheadShare, f.pay_ahead);

  XJ_ASSIGN_OR_RETURN(TimelinessReport timeliness, app.Timeliness(actor, county, year, as_of));
  out.texts[EvaluationMetric::kTimelinessBreaches] = "无数据（未登记上级下达）";
  out.figures[EvaluationMetric::kTimelinessBreaches] = {};
  for (const UnitTimeliness& u : timeliness.units) {
    if (u.region.code != county || u.fund_year != year || u.receipts.empty()) continue;
    const std::int64_t late = u.late_allocation + u.late_distribution;
    out.figures[EvaluationMetric::kTimelinessBreaches] = {std::nullopt, late};
    out.texts[EvaluationMetric::kTimelinessBreaches] =
        std::to_string(u.receipts.size()) + " 笔下达，超期 " + std::to_string(late) + " 次";
  }

  SupervisionQuery sq{county, Date::FromYmd(year, 1, 1), Date::FromYmd(year, 12, 31)};
  XJ_ASSIGN_OR_RETURN(std::vector<RectificationRate> rates, app.RectificationRates(actor, sq));
  out.figures[EvaluationMetric::kRectificationRate] = {};
  out.texts[EvaluationMetric::kRectificationRate] = "无数据（年度无督导发现问题）";
  if (!rates.empty() && rates.front().findings > 0) {
    out.figures[EvaluationMetric::kRectificationRate] = {rates.front().rate, std::nullopt};
    out.texts[EvaluationMetric::kRectificationRate] = PercentText(rates.front().rate) + "（" +
                                                      std::to_string(rates.front().verified) + "/" +
                                                      std::to_string(rates.front().findings) + " 已销号）";
  }
  return out;
}

/// Scores an engine item from the figures into `rec` (source engine, or manual when the figure
/// does not exist — then a manual score of an earlier fallback is kept). Returns whether it changed.
bool ApplyEngine(const EvaluationItem& item, const EngineFigures& figures, EvaluationItemRecord& rec,
                 const std::string& at) {
  if (item.rule == EvaluationRule::kManual) return false;
  const EvaluationItemRecord before = rec;
  auto f = figures.figures.find(item.metric);
  const EvaluationFigure figure = f == figures.figures.end() ? EvaluationFigure{} : f->second;
  auto t = figures.texts.find(item.metric);
  rec.figure = t == figures.texts.end() ? std::string() : t->second;
  if (std::optional<std::int64_t> points = EngineItemPoints(item, figure)) {
    rec.source = "engine";
    rec.points = points;
    rec.evidence.clear();
    rec.self_points.reset();
    rec.adjust_reason.clear();
    rec.scored_by = "system";
    rec.scored_at = at;
  } else if (rec.source == "engine") {
    rec.source = "manual";  // the evaluator scores it with evidence
    rec.points.reset();
    rec.scored_by.clear();
    rec.scored_at.clear();
  }
  return rec.source != before.source || rec.points != before.points || rec.figure != before.figure;
}

nlohmann::ordered_json StepJson(const EvaluationStepRecord& s) {
  nlohmann::ordered_json j;
  j["step"] = s.step;
  j["from_status"] = s.from_status;
  j["to_status"] = s.to_status;
  j["actor"] = s.actor;
  j["at"] = s.at;
  j["note"] = s.note;
  return j;
}

nlohmann::ordered_json PartsJson(const EvaluationView& v) {
  nlohmann::ordered_json parts = nlohmann::ordered_json::array();
  for (EvaluationPart p : {EvaluationPart::kFundAllocation, EvaluationPart::kProjectManagement, EvaluationPart::kEffect,
                           EvaluationPart::kAdjustment}) {
    std::int64_t max = 0, min = 0;
    for (const EvaluationItemView& i : v.items) {
      if (i.item.part != p) continue;
      max += i.item.max_points;
      min += i.item.min_points;
    }
    nlohmann::ordered_json o;
    o["part"] = EvaluationPartName(p);
    o["label"] = EvaluationPartLabel(p);
    o["max_points"] = HundredthsToDouble(max);
    o["min_points"] = HundredthsToDouble(min);
    o["points"] = HundredthsToDouble(v.totals.parts[static_cast<int>(p) - 1]);
    parts.push_back(std::move(o));
  }
  return parts;
}

}  // namespace

nlohmann::ordered_json EvaluationSummaryJson(const EvaluationView& v) {
  const EvaluationRecord& r = v.record;
  nlohmann::ordered_json j;
  j["id"] = r.id;
  j["region_code"] = r.region_code;
  j["region_name"] = v.region_name;
  j["year"] = r.year;
  j["as_of"] = r.as_of;
  j["template_version"] = r.template_version;
  j["status"] = r.status;
  j["total"] = Points(r.total);
  j["grade"] = TextOrNull(r.grade);
  j["grade_label"] = TextOrNull(std::string(GradeLabel(r.grade)));
  j["max_total"] = HundredthsToDouble(v.max_total);
  j["unscored"] = v.totals.unscored;
  j["created_by"] = r.created_by;
  j["created_at"] = r.created_at;
  j["updated_at"] = r.updated_at;
  j["finalized_by"] = TextOrNull(r.finalized_by);
  j["finalized_at"] = TextOrNull(r.finalized_at);
  j["version"] = r.version;
  return j;
}

nlohmann::ordered_json EvaluationJson(const EvaluationView& v) {
  nlohmann::ordered_json j = EvaluationSummaryJson(v);
  j["template_title"] = v.template_title;
  j["bands"] = {{"excellent", HundredthsToDouble(v.bands.excellent)},
                {"good", HundredthsToDouble(v.bands.good)},
                {"pass", HundredthsToDouble(v.bands.pass)}};
  j["parts"] = PartsJson(v);
  nlohmann::ordered_json items = nlohmann::ordered_json::array();
  for (const EvaluationItemView& i : v.items) {
    nlohmann::ordered_json o;
    o["item_id"] = i.item.id;
    o["part"] = EvaluationPartName(i.item.part);
    o["name"] = i.item.name;
    o["criteria"] = i.item.criteria;
    o["rule"] = EvaluationRuleName(i.item.rule);
    o["metric"] = TextOrNull(std::string(EvaluationMetricName(i.item.metric)));
    o["max_points"] = HundredthsToDouble(i.item.max_points);
    o["min_points"] = HundredthsToDouble(i.item.min_points);
    o["source"] = i.score.source;
    o["figure"] = TextOrNull(i.score.figure);
    o["points"] = Points(i.score.points);
    o["evidence"] = i.score.evidence;
    o["self_points"] = Points(i.score.self_points);
    o["adjust_reason"] = i.score.adjust_reason;
    o["scored_by"] = TextOrNull(i.score.scored_by);
    o["scored_at"] = TextOrNull(i.score.scored_at);
    items.push_back(std::move(o));
  }
  j["items"] = std::move(items);
  nlohmann::ordered_json steps = nlohmann::ordered_json::array();
  for (const EvaluationStepRecord& s : v.steps) steps.push_back(StepJson(s));
  j["steps"] = std::move(steps);
  return j;
}

nlohmann::ordered_json EvaluationTemplateJson(const EvaluationTemplate& t) {
  nlohmann::ordered_json j;
  j["version"] = t.version;
  j["effective_from"] = t.effective_from.ToString();
  j["title"] = t.title;
  j["max_total"] = HundredthsToDouble(t.MaxTotal());
  nlohmann::ordered_json items = nlohmann::ordered_json::array();
  for (const EvaluationItem& i : t.items) {
    nlohmann::ordered_json o;
    o["item_id"] = i.id;
    o["part"] = EvaluationPartName(i.part);
    o["part_label"] = EvaluationPartLabel(i.part);
    o["name"] = i.name;
    o["criteria"] = i.criteria;
    o["rule"] = EvaluationRuleName(i.rule);
    o["metric"] = TextOrNull(std::string(EvaluationMetricName(i.metric)));
    o["max_points"] = HundredthsToDouble(i.max_points);
    o["min_points"] = HundredthsToDouble(i.min_points);
    if (i.rule == EvaluationRule::kLinear) {
      o["zero_at_percent"] = HundredthsToDouble(i.zero_at_bp);
      o["full_at_percent"] = HundredthsToDouble(i.full_at_bp);
    }
    if (i.rule == EvaluationRule::kPerCount) o["per_count"] = HundredthsToDouble(i.per_count);
    items.push_back(std::move(o));
  }
  j["items"] = std::move(items);
  return j;
}

// --- private helpers of the use cases, as free functions over App's public reads ---
namespace {

/// The level of the actor's home region; nullopt for the whole tree (the system actor, an admin at
/// the root of no region).
std::optional<RegionLevel> HomeLevel(const RegionTree& tree, const Actor& actor) {
  if (actor.region_code.empty()) return std::nullopt;
  const RegionIndex i = tree.Find(actor.region_code);
  if (i == kNoRegion) return std::nullopt;
  return tree.node(i).region.level;
}

/// PermissionDenied ("wrong_level") unless the actor works at `level` (the system actor may act at
/// every level).
Status RequireLevel(const RegionTree& tree, const Actor& actor, RegionLevel level, std::string_view what) {
  if (actor.role == Role::kSystem) return Status::Ok();
  std::optional<RegionLevel> home = HomeLevel(tree, actor);
  if (home == level) return Status::Ok();
  return Status::PermissionDenied(std::string(what) + "须由" + std::string(RegionLevelLabel(level)) + "业务人员办理")
      .WithReason("wrong_level");
}

}  // namespace

Result<const EvaluationTemplate*> App::FindEvaluationTemplateVersion(const Actor& actor,
                                                                     const std::string& version) const {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kRead));
  const EvaluationTemplate* t = version.empty() ? CurrentEvaluationTemplate(EvaluationTemplates(), Today())
                                                : FindEvaluationTemplate(EvaluationTemplates(), version);
  if (!t) return Status::NotFound("没有绩效评价模板版本：" + (version.empty() ? std::string("（当前）") : version));
  return t;
}

Result<EvaluationView> App::CreateEvaluation(const Actor& actor, const NewEvaluation& request) {
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kSelfEvaluate, request.region_code));
  if (request.year < 2000 || request.year > 2100) {
    return Status::InvalidArgument("年度应在 2000–2100 之间").WithReason("bad_year");
  }
  auto tree = regions();
  const RegionIndex at = tree->Find(request.region_code);
  if (at == kNoRegion) return Status::NotFound("区划不存在：" + request.region_code);
  if (tree->node(at).region.level != RegionLevel::kCounty) {
    return Status::InvalidArgument("绩效评价以县为单位：" + request.region_code + " 不是县级区划")
        .WithReason("not_a_county");
  }
  const Date today = Today();
  const EvaluationTemplate* tmpl = CurrentEvaluationTemplate(EvaluationTemplates(), today);
  if (!tmpl) return Status::Internal("没有生效的绩效评价模板");
  const Date year_end = Date::FromYmd(request.year, 12, 31);
  const Date as_of = request.as_of ? *request.as_of : std::min(today, year_end);

  XJ_ASSIGN_OR_RETURN(EngineFigures figures, ReadEngineFigures(*this, actor, request.region_code, request.year, as_of));
  const std::string now = Now();
  EvaluationRecord rec;
  rec.region_code = request.region_code;
  rec.year = request.year;
  rec.as_of = as_of.ToString();
  rec.template_version = tmpl->version;
  rec.status = std::string(kEvaluationSelf);
  rec.created_by = actor.username;
  rec.created_at = now;
  rec.updated_at = now;
  std::vector<EvaluationItemRecord> items;
  for (const EvaluationItem& item : tmpl->items) {
    EvaluationItemRecord r;
    r.item_id = item.id;
    r.source = "manual";
    ApplyEngine(item, figures, r, now);
    items.push_back(std::move(r));
  }

  std::lock_guard write(write_mu_);
  std::int64_t id = 0;
  XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
    auto inserted = store_->InsertEvaluation(rec, items);
    if (!inserted.ok() && inserted.status().code() == ErrorCode::kAlreadyExists) {
      return Status::AlreadyExists(tree->node(at).region.name + " " + std::to_string(request.year) +
                                   " 年度已有绩效评价")
          .WithReason("evaluation_exists");
    }
    XJ_RETURN_IF_ERROR(inserted.status());
    id = *inserted;
    XJ_RETURN_IF_ERROR(
        store_->AppendEvaluationStep({0, id, "create", "", rec.status, actor.username, now, ""}).status());
    nlohmann::json after = {{"region_code", rec.region_code},
                            {"year", rec.year},
                            {"as_of", rec.as_of},
                            {"template_version", rec.template_version}};
    return AppendAudit(actor, "evaluation.create", "evaluation", std::to_string(id), rec.region_code, "", after.dump());
  }));
  return GetEvaluation(actor, id);
}

Result<EvaluationView> App::GetEvaluation(const Actor& actor, std::int64_t id) const {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kRead));
  XJ_ASSIGN_OR_RETURN(std::optional<EvaluationRecord> rec, store_->FindEvaluation(id));
  if (!rec) return Status::NotFound("绩效评价不存在：" + std::to_string(id));
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kRead, rec->region_code));
  const EvaluationTemplate* tmpl = TemplateOf(*rec);
  if (!tmpl) return Status::Internal("绩效评价 " + std::to_string(id) + " 的模板版本不存在：" + rec->template_version);
  XJ_ASSIGN_OR_RETURN(std::vector<EvaluationItemRecord> scores, store_->ListEvaluationItems(id));
  EvaluationView v;
  v.record = *rec;
  auto tree = regions();
  const RegionIndex at = tree->Find(rec->region_code);
  if (at != kNoRegion) v.region_name = tree->node(at).region.name;
  v.template_title = tmpl->title;
  v.max_total = tmpl->MaxTotal();
  std::vector<ItemPoints> points;
  for (const EvaluationItem& item : tmpl->items) {
    auto s =
        std::find_if(scores.begin(), scores.end(), [&](const EvaluationItemRecord& r) { return r.item_id == item.id; });
    if (s == scores.end()) return Status::Internal("绩效评价 " + std::to_string(id) + " 缺少评分项 " + item.id);
    v.items.push_back({item, *s});
    points.push_back({item.id, s->points});
  }
  v.totals = SumEvaluation(*tmpl, points);
  {
    std::shared_lock lock(state_mu_);
    const PolicySet& policy = engine_->policy();
    const std::vector<std::string> chain = at == kNoRegion ? std::vector<std::string>{} : tree->CodesToRoot(at);
    auto date = Date::Parse(rec->as_of);
    const Date on = date.ok() ? *date : Today();
    v.bands = {policy.ValueIn(PolicyKey::kEvaluationGradeExcellentPoints, chain, on),
               policy.ValueIn(PolicyKey::kEvaluationGradeGoodPoints, chain, on),
               policy.ValueIn(PolicyKey::kEvaluationGradePassPoints, chain, on)};
  }
  XJ_ASSIGN_OR_RETURN(v.steps, store_->ListEvaluationSteps(id));
  return v;
}

Result<std::vector<EvaluationView>> App::ListEvaluations(const Actor& actor, const std::string& region_code,
                                                         int year) const {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kRead));
  const std::string& region = region_code.empty() ? actor.region_code : region_code;
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kRead, region));
  auto tree = regions();
  const RegionIndex root = region.empty() ? kNoRegion : tree->Find(region);
  XJ_ASSIGN_OR_RETURN(std::vector<EvaluationRecord> records, store_->ListEvaluations(year));
  std::vector<EvaluationView> out;
  for (const EvaluationRecord& r : records) {
    const RegionIndex at = tree->Find(r.region_code);
    if (at == kNoRegion || (root != kNoRegion && !tree->Contains(root, at)) || !InScope(actor, r.region_code)) {
      continue;
    }
    XJ_ASSIGN_OR_RETURN(EvaluationView v, GetEvaluation(actor, r.id));
    v.steps.clear();
    out.push_back(std::move(v));
  }
  return out;
}

Result<EvaluationView> App::ScoreEvaluation(const Actor& actor, std::int64_t id,
                                            const std::vector<EvaluationScore>& scores, std::int64_t version,
                                            bool adjust) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, adjust ? Action::kReviewEvaluation : Action::kSelfEvaluate));
  if (scores.empty()) return Status::InvalidArgument("没有评分项").WithReason("missing_field");
  std::lock_guard write(write_mu_);
  XJ_ASSIGN_OR_RETURN(EvaluationView v, GetEvaluation(actor, id));
  const EvaluationRecord& rec = v.record;
  auto tree = regions();
  XJ_RETURN_IF_ERROR(Authorize(actor, adjust ? Action::kReviewEvaluation : Action::kSelfEvaluate, rec.region_code));
  if (rec.status == kEvaluationFinal) {
    return Status::Conflict("绩效评价已终审，不可更改").WithReason("evaluation_final");
  }
  if (rec.status != (adjust ? kEvaluationSubmitted : kEvaluationSelf)) {
    return Status::Conflict(std::string("当前环节（") + rec.status + "）不能" + (adjust ? "复核调整评分" : "自评评分"))
        .WithReason("wrong_step");
  }
  if (adjust) XJ_RETURN_IF_ERROR(RequireLevel(*tree, actor, RegionLevel::kPrefecture, "复核调整评分"));
  const bool adjusting = adjust;
  if (version != 0 && version != rec.version) {
    return Status::Conflict("绩效评价已被他人修改，请刷新后重试").WithReason("stale_version");
  }
  const std::string now = Now();
  std::vector<EvaluationItemRecord> changed;
  nlohmann::json before = nlohmann::json::array(), after = nlohmann::json::array();
  for (const EvaluationScore& s : scores) {
    auto it = std::find_if(v.items.begin(), v.items.end(),
                           [&](const EvaluationItemView& i) { return i.item.id == s.item_id; });
    if (it == v.items.end()) {
      return Status::InvalidArgument("模板 " + rec.template_version + " 没有评分项：" + s.item_id)
          .WithReason("unknown_item");
    }
    if (it->score.source != "manual") {
      return Status::InvalidArgument("评分项 " + s.item_id + "（" + it->item.name + "）由系统按数据计算，不能人工评分")
          .WithReason("engine_item");
    }
    EvaluationItemRecord r = it->score;
    for (const EvaluationItemRecord& c : changed) {
      if (c.item_id == r.item_id) r = c;  // the same item twice: the later score wins
    }
    const std::string evidence = Blank(s.evidence) ? r.evidence : s.evidence;
    XJ_RETURN_IF_ERROR(CheckManualScore(it->item, s.points, adjusting ? evidence : s.evidence));
    if (adjusting) {
      if (Blank(s.reason)) {
        return Status::InvalidArgument("复核调整评分项 " + s.item_id + " 须说明理由").WithReason("missing_reason");
      }
      if (!r.self_points) r.self_points = r.points;
      r.adjust_reason = s.reason;
    }
    before.push_back({{"item_id", r.item_id}, {"points", r.points ? nlohmann::json(*r.points) : nlohmann::json()}});
    r.points = s.points;
    r.evidence = evidence;
    r.scored_by = actor.username;
    r.scored_at = now;
    after.push_back({{"item_id", r.item_id}, {"points", s.points}, {"evidence", r.evidence}, {"reason", s.reason}});
    std::erase_if(changed, [&](const EvaluationItemRecord& c) { return c.item_id == r.item_id; });
    changed.push_back(std::move(r));
  }
  // The new totals.
  std::vector<ItemPoints> points;
  for (const EvaluationItemView& i : v.items) {
    auto c = std::find_if(changed.begin(), changed.end(),
                          [&](const EvaluationItemRecord& r) { return r.item_id == i.item.id; });
    points.push_back({i.item.id, c != changed.end() ? c->points : i.score.points});
  }
  const EvaluationTemplate* tmpl = TemplateOf(rec);
  const EvaluationTotals totals = SumEvaluation(*tmpl, points);
  EvaluationRecord next = rec;
  next.total = totals.unscored == 0 ? std::optional<std::int64_t>(totals.total) : std::nullopt;
  next.grade = next.total ? std::string(GradeOf(*next.total, v.bands)) : std::string();
  next.updated_at = now;
  std::string note;
  for (const EvaluationItemRecord& c : changed) note += (note.empty() ? "" : "、") + c.item_id;
  XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
    for (const EvaluationItemRecord& c : changed) XJ_RETURN_IF_ERROR(store_->UpdateEvaluationItem(c));
    XJ_RETURN_IF_ERROR(store_->UpdateEvaluation(next, rec.version));
    XJ_RETURN_IF_ERROR(
        store_->AppendEvaluationStep({0, id, "score", rec.status, rec.status, actor.username, now, note}).status());
    return AppendAudit(actor, adjusting ? "evaluation.adjust" : "evaluation.score", "evaluation", std::to_string(id),
                       rec.region_code, before.dump(), after.dump());
  }));
  return GetEvaluation(actor, id);
}

Result<EvaluationView> App::StepEvaluation(const Actor& actor, std::int64_t id, const EvaluationStep& step) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, step.step == "submit" ? Action::kSelfEvaluate : Action::kReviewEvaluation));
  if (step.step != "submit" && step.step != "review" && step.step != "return" && step.step != "finalize") {
    return Status::InvalidArgument("未知的环节：" + step.step + "（应为 submit、review、return 或 finalize）")
        .WithReason("unknown_step");
  }
  std::lock_guard write(write_mu_);
  XJ_ASSIGN_OR_RETURN(EvaluationView v, GetEvaluation(actor, id));
  const EvaluationRecord& rec = v.record;
  auto tree = regions();
  if (rec.status == kEvaluationFinal) {
    return Status::Conflict("绩效评价已终审，不可更改").WithReason("evaluation_final");
  }
  auto wrong_step = [&]() {
    return Status::Conflict("当前环节（" + rec.status + "）不能" + step.step).WithReason("wrong_step");
  };
  // The state first, then the level: a step the status does not allow is wrong_step for everyone.
  std::string to;
  RegionLevel level = RegionLevel::kCounty;
  Action action = Action::kReviewEvaluation;
  if (step.step == "submit") {
    action = Action::kSelfEvaluate;
    if (rec.status != kEvaluationSelf) return wrong_step();
    to = std::string(kEvaluationSubmitted);
  } else if (step.step == "review") {
    if (rec.status != kEvaluationSubmitted) return wrong_step();
    level = RegionLevel::kPrefecture;
    to = std::string(kEvaluationReviewed);
  } else if (step.step == "finalize") {
    if (rec.status != kEvaluationReviewed) return wrong_step();
    level = RegionLevel::kProvince;
    to = std::string(kEvaluationFinal);
  } else {  // return: by the level whose step it is
    if (rec.status == kEvaluationSubmitted) {
      level = RegionLevel::kPrefecture;
    } else if (rec.status == kEvaluationReviewed) {
      level = RegionLevel::kProvince;
    } else {
      return wrong_step();
    }
    to = std::string(kEvaluationSelf);
  }
  XJ_RETURN_IF_ERROR(Authorize(actor, action, rec.region_code));
  if (action == Action::kReviewEvaluation) {
    XJ_RETURN_IF_ERROR(RequireLevel(*tree, actor, level,
                                    step.step == "review"     ? "复核"
                                    : step.step == "finalize" ? "审定"
                                                              : "退回"));
  }
  if (step.step == "return" && Blank(step.note)) {
    return Status::InvalidArgument("退回须说明理由").WithReason("missing_reason");
  }
  if (step.version != 0 && step.version != rec.version) {
    return Status::Conflict("绩效评价已被他人修改，请刷新后重试").WithReason("stale_version");
  }
  const std::string now = Now();
  std::vector<EvaluationItemRecord> changed;
  std::vector<ItemPoints> points;
  if (step.step == "submit") {
    // The county submits the figures as they stand: engine items are read again.
    auto as_of = Date::Parse(rec.as_of);
    if (!as_of.ok()) return Status::Internal("绩效评价 " + std::to_string(id) + " 的 as_of 无效：" + rec.as_of);
    XJ_ASSIGN_OR_RETURN(EngineFigures figures, ReadEngineFigures(*this, actor, rec.region_code, rec.year, *as_of));
    for (EvaluationItemView& i : v.items) {
      if (ApplyEngine(i.item, figures, i.score, now)) changed.push_back(i.score);
    }
  }
  for (const EvaluationItemView& i : v.items) points.push_back({i.item.id, i.score.points});
  const EvaluationTotals totals = SumEvaluation(*TemplateOf(rec), points);
  if (step.step == "submit" && totals.unscored > 0) {
    std::string missing;
    for (const EvaluationItemView& i : v.items) {
      if (!i.score.points) missing += (missing.empty() ? "" : "、") + i.item.id;
    }
    return Status::Conflict("尚有评分项未评分：" + missing).WithReason("unscored_items");
  }
  EvaluationRecord next = rec;
  next.status = to;
  next.total = totals.unscored == 0 ? std::optional<std::int64_t>(totals.total) : std::nullopt;
  next.grade = next.total ? std::string(GradeOf(*next.total, v.bands)) : std::string();
  next.updated_at = now;
  if (to == kEvaluationFinal) {
    next.finalized_by = actor.username;
    next.finalized_at = now;
  }
  XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
    for (const EvaluationItemRecord& c : changed) XJ_RETURN_IF_ERROR(store_->UpdateEvaluationItem(c));
    XJ_RETURN_IF_ERROR(store_->UpdateEvaluation(next, rec.version));
    XJ_RETURN_IF_ERROR(
        store_->AppendEvaluationStep({0, id, step.step, rec.status, to, actor.username, now, step.note}).status());
    nlohmann::json after = {{"status", to}, {"note", step.note}};
    if (next.total) after["total"] = *next.total;
    if (!next.grade.empty()) after["grade"] = next.grade;
    return AppendAudit(actor, "evaluation." + step.step, "evaluation", std::to_string(id), rec.region_code,
                       nlohmann::json{{"status", rec.status}}.dump(), after.dump());
  }));
  return GetEvaluation(actor, id);
}

}  // namespace xj
