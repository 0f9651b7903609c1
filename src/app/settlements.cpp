// Incentive settlements (奖惩结算, issue #19): a run freezes the engine's one ranking
// (App::Rank, indicators.cpp) — never a second ranking — with its policy version and the
// ledger watermark, and reports what changed since the base run. docs/definitions.md §6.
#include "app/settlements.hpp"

#include <algorithm>
#include <map>

#include "app/app.hpp"
#include "core/ratio.hpp"

namespace xj {
namespace {

constexpr std::string_view kDraft = "draft";
constexpr std::string_view kApproved = "approved";

nlohmann::ordered_json OptionalInt(const std::optional<int>& v) {
  return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
}

// --- the stored documents (rows_json, changes_json): written and read only here ---

nlohmann::json StoredRows(const SettlementRun& run) {
  nlohmann::json scopes = nlohmann::json::array();
  for (const SettlementScope& s : run.scopes) {
    scopes.push_back({{"region_code", s.region_code},
                      {"region_name", s.region_name},
                      {"size", s.size},
                      {"top_n", s.top_n},
                      {"bottom_n", s.bottom_n},
                      {"amount_fen", s.amount_fen}});
  }
  nlohmann::json rows = nlohmann::json::array();
  for (const SettlementRow& r : run.rows) {
    auto opt = [](const auto& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
    rows.push_back({{"rank", opt(r.rank)},
                    {"region_code", r.region_code},
                    {"region_name", r.region_name},
                    {"incentive_fen", r.incentive_fen},
                    {"allocated_fen", r.allocated_fen},
                    {"expended_fen", r.expended_fen},
                    {"deducted_fen", r.deducted_fen},
                    {"expend_progress", opt(r.expend_progress)},
                    {"assessed_progress", opt(r.assessed_progress)},
                    {"scope_region_code", r.scope_region_code},
                    {"scope_size", r.scope_size}});
  }
  return {{"scopes", std::move(scopes)}, {"rows", std::move(rows)}};
}

nlohmann::json StoredChanges(const SettlementChanges& c) {
  nlohmann::json rows = nlohmann::json::array();
  for (const SettlementRowChange& r : c.rows) {
    auto opt = [](const auto& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
    rows.push_back({{"region_code", r.region_code},
                    {"region_name", r.region_name},
                    {"rank_before", opt(r.rank_before)},
                    {"rank_after", opt(r.rank_after)},
                    {"incentive_before_fen", r.incentive_before_fen},
                    {"incentive_after_fen", r.incentive_after_fen}});
  }
  nlohmann::json entries = nlohmann::json::array();
  for (const SettlementEntryChange& e : c.entries) {
    entries.push_back({{"seq", e.seq},
                       {"entry_id", e.entry_id},
                       {"kind", e.kind},
                       {"reason", e.reason},
                       {"date", e.date.ToString()},
                       {"region_code", e.region_code},
                       {"amount_fen", e.amount_fen},
                       {"reverses", e.reverses}});
  }
  return {{"base_run_id", c.base_run_id ? nlohmann::json(*c.base_run_id) : nlohmann::json(nullptr)},
          {"base_watermark_seq", c.base_watermark_seq},
          {"policy_changed", c.policy_changed},
          {"rows", std::move(rows)},
          {"entries", std::move(entries)}};
}

template <typename T>
std::optional<T> OptionalField(const nlohmann::json& j, const char* key) {
  const nlohmann::json& v = j.at(key);
  if (v.is_null()) return std::nullopt;
  return v.get<T>();
}

/// The run a record holds. Internal, naming the run and the column, for a document that does
/// not decode (nlohmann's type errors are caught here, nowhere else).
Result<SettlementRun> DecodeRun(const SettlementRunRecord& rec, const RegionTree& tree) {
  SettlementRun run;
  run.id = rec.id;
  run.region_code = rec.region_code;
  if (RegionIndex i = tree.Find(rec.region_code); i != kNoRegion) run.region_name = tree.node(i).region.name;
  run.year = rec.year;
  auto as_of = Date::Parse(rec.as_of);
  const auto metric = ParseRankMetric(rec.metric);
  if (!as_of.ok() || !metric || rec.fund_source < 0 || rec.fund_source > static_cast<int>(FundSource::kOther)) {
    return Status::Internal("结算批次 " + std::to_string(rec.id) + " 的截至日期、资金来源或排名指标损坏");
  }
  run.as_of = *as_of;
  run.fund_source = static_cast<FundSource>(rec.fund_source);
  run.metric = *metric;
  run.policy_version = rec.policy_version;
  run.watermark_seq = rec.watermark_seq;
  run.status = rec.status;
  run.run_by = rec.run_by;
  run.run_at = rec.run_at;
  run.approved_by = rec.approved_by;
  run.approved_at = rec.approved_at;
  const char* column = "rows_json";
  try {
    const nlohmann::json rows = nlohmann::json::parse(rec.rows_json);
    for (const nlohmann::json& s : rows.at("scopes")) {
      run.scopes.push_back({s.at("region_code").get<std::string>(), s.at("region_name").get<std::string>(),
                            s.at("size").get<int>(), s.at("top_n").get<int>(), s.at("bottom_n").get<int>(),
                            s.at("amount_fen").get<std::int64_t>()});
    }
    for (const nlohmann::json& r : rows.at("rows")) {
      SettlementRow row;
      row.rank = OptionalField<int>(r, "rank");
      row.region_code = r.at("region_code").get<std::string>();
      row.region_name = r.at("region_name").get<std::string>();
      row.incentive_fen = r.at("incentive_fen").get<std::int64_t>();
      row.allocated_fen = r.at("allocated_fen").get<std::int64_t>();
      row.expended_fen = r.at("expended_fen").get<std::int64_t>();
      row.deducted_fen = r.at("deducted_fen").get<std::int64_t>();
      row.expend_progress = OptionalField<std::int64_t>(r, "expend_progress");
      row.assessed_progress = OptionalField<std::int64_t>(r, "assessed_progress");
      row.scope_region_code = r.at("scope_region_code").get<std::string>();
      row.scope_size = r.at("scope_size").get<int>();
      run.rows.push_back(std::move(row));
    }
    column = "changes_json";
    const nlohmann::json c = nlohmann::json::parse(rec.changes_json);
    run.changes.base_run_id = OptionalField<std::int64_t>(c, "base_run_id");
    run.changes.base_watermark_seq = c.at("base_watermark_seq").get<std::int64_t>();
    run.changes.policy_changed = c.at("policy_changed").get<bool>();
    for (const nlohmann::json& r : c.at("rows")) {
      run.changes.rows.push_back({r.at("region_code").get<std::string>(), r.at("region_name").get<std::string>(),
                                  OptionalField<int>(r, "rank_before"), OptionalField<int>(r, "rank_after"),
                                  r.at("incentive_before_fen").get<std::int64_t>(),
                                  r.at("incentive_after_fen").get<std::int64_t>()});
    }
    for (const nlohmann::json& e : c.at("entries")) {
      auto date = Date::Parse(e.at("date").get<std::string>());
      if (!date.ok()) throw std::invalid_argument("date");
      run.changes.entries.push_back({e.at("seq").get<std::int64_t>(), e.at("entry_id").get<std::string>(),
                                     e.at("kind").get<std::string>(), e.at("reason").get<std::string>(), *date,
                                     e.at("region_code").get<std::string>(), e.at("amount_fen").get<std::int64_t>(),
                                     e.at("reverses").get<std::string>()});
    }
  } catch (const std::exception& e) {
    return Status::Internal("结算批次 " + std::to_string(rec.id) + " 的 " + column + " 损坏：" + e.what());
  }
  return run;
}

/// The policy version of a run: the latest effective date, on or before the as-of date, of an
/// incentive value (top N, bottom N, amount) of the general level or of a scheme owner; "default"
/// when only the built-in defaults apply.
std::string PolicyVersion(const std::vector<PolicyValue>& values, const std::vector<SettlementScope>& scopes,
                          Date as_of) {
  std::optional<Date> latest;
  for (const PolicyValue& v : values) {
    if (v.key != PolicyKey::kIncentiveTopN && v.key != PolicyKey::kIncentiveBottomN &&
        v.key != PolicyKey::kIncentiveAmountFen) {
      continue;
    }
    if (v.effective_from > as_of) continue;
    const bool applies = v.region_code.empty() || std::any_of(scopes.begin(), scopes.end(), [&](const auto& s) {
                           return s.region_code == v.region_code;
                         });
    if (applies && (!latest || v.effective_from > *latest)) latest = v.effective_from;
  }
  return latest ? latest->ToString() : std::string("default");
}

/// The county rows and policy that differ between the base run and the new one.
void CompareRuns(const SettlementRun& base, SettlementRun& run) {
  SettlementChanges& c = run.changes;
  c.base_run_id = base.id;
  c.base_watermark_seq = base.watermark_seq;
  c.policy_changed = base.policy_version != run.policy_version || base.scopes.size() != run.scopes.size();
  for (std::size_t i = 0; !c.policy_changed && i < base.scopes.size(); ++i) {
    const SettlementScope &a = base.scopes[i], &b = run.scopes[i];
    c.policy_changed = a.region_code != b.region_code || a.top_n != b.top_n || a.bottom_n != b.bottom_n ||
                       a.amount_fen != b.amount_fen;
  }
  std::map<std::string, const SettlementRow*> before;
  for (const SettlementRow& r : base.rows) before.emplace(r.region_code, &r);
  for (const SettlementRow& r : run.rows) {
    auto it = before.find(r.region_code);
    const std::optional<int> rank_before = it == before.end() ? std::nullopt : it->second->rank;
    const std::int64_t incentive_before = it == before.end() ? 0 : it->second->incentive_fen;
    if (it != before.end() && rank_before == r.rank && incentive_before == r.incentive_fen) continue;
    c.rows.push_back({r.region_code, r.region_name, rank_before, r.rank, incentive_before, r.incentive_fen});
  }
}

}  // namespace

std::string_view RankMetricName(RankMetric metric) {
  return metric == RankMetric::kAssessedProgress ? "assessed_progress" : "expend_progress";
}

std::optional<RankMetric> ParseRankMetric(std::string_view name) {
  if (name == "expend_progress") return RankMetric::kExpendProgress;
  if (name == "assessed_progress") return RankMetric::kAssessedProgress;
  return std::nullopt;
}

nlohmann::ordered_json HundredthsJson(const std::optional<std::int64_t>& hundredths) {
  return hundredths ? nlohmann::ordered_json(HundredthsToDouble(*hundredths)) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json SettlementJson(const SettlementRun& run) {
  nlohmann::ordered_json j;
  j["run_id"] = run.id;
  j["region_code"] = run.region_code;
  j["region_name"] = run.region_name;
  j["year"] = run.year;
  j["as_of"] = run.as_of.ToString();
  j["fund_source"] = FundSourceName(run.fund_source);
  j["metric"] = RankMetricName(run.metric);
  j["policy_version"] = run.policy_version;
  j["watermark_seq"] = run.watermark_seq;
  j["status"] = run.status;
  j["run_by"] = run.run_by;
  j["run_at"] = run.run_at;
  j["approved_by"] =
      run.approved_by.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(run.approved_by);
  j["approved_at"] =
      run.approved_at.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(run.approved_at);
  nlohmann::ordered_json scopes = nlohmann::ordered_json::array();
  for (const SettlementScope& s : run.scopes) {
    nlohmann::ordered_json o;
    o["region_code"] = s.region_code.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s.region_code);
    o["region_name"] = s.region_name;
    o["size"] = s.size;
    o["top_n"] = s.top_n;
    o["bottom_n"] = s.bottom_n;
    o["amount_fen"] = s.amount_fen;
    scopes.push_back(std::move(o));
  }
  j["scopes"] = std::move(scopes);
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const SettlementRow& r : run.rows) {
    nlohmann::ordered_json o;
    o["rank"] = OptionalInt(r.rank);
    o["region_code"] = r.region_code;
    o["region_name"] = r.region_name;
    o["incentive_fen"] = r.incentive_fen;
    o["allocated_fen"] = r.allocated_fen;
    o["expended_fen"] = r.expended_fen;
    o["deducted_fen"] = r.deducted_fen;
    o["expend_progress"] = HundredthsJson(r.expend_progress);
    o["assessed_progress"] = HundredthsJson(r.assessed_progress);
    o["scope_region_code"] =
        r.scope_region_code.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.scope_region_code);
    o["scope_size"] = r.scope_size;
    rows.push_back(std::move(o));
  }
  j["rows"] = std::move(rows);
  const SettlementChanges& c = run.changes;
  nlohmann::ordered_json changes;
  changes["base_run_id"] = c.base_run_id ? nlohmann::ordered_json(*c.base_run_id) : nlohmann::ordered_json(nullptr);
  changes["base_watermark_seq"] = c.base_watermark_seq;
  changes["policy_changed"] = c.policy_changed;
  nlohmann::ordered_json changed_rows = nlohmann::ordered_json::array();
  for (const SettlementRowChange& r : c.rows) {
    nlohmann::ordered_json o;
    o["region_code"] = r.region_code;
    o["region_name"] = r.region_name;
    o["rank_before"] = OptionalInt(r.rank_before);
    o["rank_after"] = OptionalInt(r.rank_after);
    o["incentive_before_fen"] = r.incentive_before_fen;
    o["incentive_after_fen"] = r.incentive_after_fen;
    changed_rows.push_back(std::move(o));
  }
  changes["rows"] = std::move(changed_rows);
  nlohmann::ordered_json entries = nlohmann::ordered_json::array();
  for (const SettlementEntryChange& e : c.entries) {
    nlohmann::ordered_json o;
    o["seq"] = e.seq;
    o["entry_id"] = e.entry_id;
    o["kind"] = e.kind;
    o["reason"] = e.reason;
    o["date"] = e.date.ToString();
    o["region_code"] = e.region_code;
    o["amount_fen"] = e.amount_fen;
    o["reverses"] = e.reverses.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(e.reverses);
    entries.push_back(std::move(o));
  }
  changes["entries"] = std::move(entries);
  j["changes"] = std::move(changes);
  return j;
}

nlohmann::ordered_json SettlementCliJson(const SettlementRun& run) {
  nlohmann::ordered_json j;
  j["run_id"] = run.id;
  j["region_code"] = run.region_code;
  j["year"] = run.year;
  j["as_of"] = run.as_of.ToString();
  j["policy_version"] = run.policy_version;
  j["status"] = run.status;
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const SettlementRow& r : run.rows) {
    nlohmann::ordered_json o;
    o["rank"] = OptionalInt(r.rank);
    o["region_code"] = r.region_code;
    o["incentive_fen"] = r.incentive_fen;
    rows.push_back(std::move(o));
  }
  j["rows"] = std::move(rows);
  return j;
}

Result<SettlementRun> App::Settle(const Actor& actor, const SettlementRequest& request) {
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kSettleIncentives, request.region_code));
  if (request.year < 2000 || request.year > 2100) return Status::InvalidArgument("年度应在 2000–2100 之间");
  std::lock_guard write(write_mu_);
  // The engine first takes in everything the store holds, so the watermark names exactly the
  // entries the ranking counts: all with seq ≤ it (this process's own included), none above.
  XJ_RETURN_IF_ERROR(CatchUpLocked());
  SettlementRun run;
  run.watermark_seq = followed_seq_;
  IndicatorQuery query{request.region_code, request.year, request.as_of, request.fund_source};
  RankRequest rank_request;
  rank_request.level = RegionLevel::kCounty;
  rank_request.metric = request.metric;
  XJ_ASSIGN_OR_RETURN(Ranking ranking, Rank(actor, query, rank_request));
  XJ_ASSIGN_OR_RETURN(std::vector<PolicyValue> policies, store_->LoadPolicies());

  run.region_code = request.region_code;
  run.year = request.year;
  run.as_of = request.as_of;
  run.fund_source = request.fund_source;
  run.metric = request.metric;
  for (const RankingScope& s : ranking.scopes) {
    run.scopes.push_back({s.owner ? s.owner->code : "", s.owner ? s.owner->name : "全国", s.size, s.top_n, s.bottom_n,
                          s.amount.value()});
  }
  for (const RankedRegion& r : ranking.rows) {
    const SettlementScope& scope = run.scopes[r.scope];
    // A stored row holds 64-bit figures: a county's total past 2⁶³ fen is held there, never wrapped.
    run.rows.push_back({r.rank, r.region->code, r.region->name, r.incentive.value(),
                        ClampToFen(r.figures.allocated).value(), ClampToFen(r.figures.expended).value(),
                        ClampToFen(r.figures.disburse_as_expend + r.figures.pay_ahead).value(),
                        PercentHundredths(r.figures.expend_progress), PercentHundredths(r.figures.assessed_progress),
                        scope.region_code, scope.size});
  }
  run.policy_version = PolicyVersion(policies, run.scopes, request.as_of);
  run.status = std::string(kDraft);
  run.run_by = actor.username;
  run.run_at = Now();

  // The base: the last approved run of the same region, year, as-of date, source and metric,
  // else the latest such run.
  auto tree = regions();
  XJ_ASSIGN_OR_RETURN(std::vector<SettlementRunRecord> earlier,
                      store_->ListSettlementRuns(request.region_code, request.year));
  const SettlementRunRecord* base = nullptr;
  for (const SettlementRunRecord& e : earlier) {  // newest first
    if (e.as_of != run.as_of.ToString() || e.fund_source != static_cast<int>(run.fund_source) ||
        e.metric != RankMetricName(run.metric)) {
      continue;
    }
    if (e.status == kApproved) {
      base = &e;
      break;
    }
    if (!base) base = &e;
  }
  if (base) {
    XJ_ASSIGN_OR_RETURN(SettlementRun before, DecodeRun(*base, *tree));
    CompareRuns(before, run);
    // The entries the base had not seen that this run counts, in the schemes' regions.
    std::vector<RegionIndex> owners;
    bool everywhere = false;
    for (const SettlementScope& s : run.scopes) {
      if (s.region_code.empty()) everywhere = true;
      if (RegionIndex i = tree->Find(s.region_code); i != kNoRegion) owners.push_back(i);
    }
    XJ_ASSIGN_OR_RETURN(std::vector<StoredEntry> later, store_->EntriesAfter(before.watermark_seq));
    for (const StoredEntry& s : later) {
      const LedgerEntry& e = s.entry;
      if (s.seq > run.watermark_seq || e.fund_year != run.year || e.fund_source != run.fund_source ||
          e.date > run.as_of || e.kind == EntryKind::kDisburse) {
        continue;
      }
      const RegionIndex at = tree->Find(e.region_code);
      const bool in_scope = everywhere || std::any_of(owners.begin(), owners.end(), [&](RegionIndex o) {
                              return at != kNoRegion && tree->Contains(o, at);
                            });
      if (!in_scope) continue;
      run.changes.entries.push_back({s.seq, e.entry_id, std::string(EntryKindName(e.kind)),
                                     e.kind == EntryKind::kReverse ? "reversal" : "late_entry", e.date, e.region_code,
                                     e.amount.value(), e.reverses});
    }
  }

  SettlementRunRecord rec{0,
                          run.region_code,
                          run.year,
                          run.as_of.ToString(),
                          static_cast<int>(run.fund_source),
                          std::string(RankMetricName(run.metric)),
                          run.policy_version,
                          run.watermark_seq,
                          run.status,
                          run.run_by,
                          run.run_at,
                          "",
                          "",
                          run.changes.base_run_id,
                          StoredRows(run).dump(),
                          StoredChanges(run.changes).dump()};
  XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(run.id, store_->InsertSettlementRun(rec));
    nlohmann::json summary = {{"region_code", run.region_code},
                              {"year", run.year},
                              {"as_of", run.as_of.ToString()},
                              {"metric", RankMetricName(run.metric)},
                              {"policy_version", run.policy_version},
                              {"watermark_seq", run.watermark_seq},
                              {"rows", run.rows.size()}};
    return AppendAudit(actor, "settlement.run", "settlement", std::to_string(run.id), run.region_code, "",
                       summary.dump());
  }));
  if (RegionIndex i = tree->Find(run.region_code); i != kNoRegion) run.region_name = tree->node(i).region.name;
  return run;
}

Result<SettlementRun> App::GetSettlement(const Actor& actor, std::int64_t id) const {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kRead));
  XJ_ASSIGN_OR_RETURN(std::optional<SettlementRunRecord> rec, store_->FindSettlementRun(id));
  if (!rec) return Status::NotFound("结算批次不存在：" + std::to_string(id));
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kRead, rec->region_code));
  return DecodeRun(*rec, *regions());
}

Result<std::vector<SettlementRun>> App::ListSettlements(const Actor& actor, const std::string& region_code,
                                                        int year) const {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kRead));
  if (!region_code.empty()) XJ_RETURN_IF_ERROR(Authorize(actor, Action::kRead, region_code));
  XJ_ASSIGN_OR_RETURN(std::vector<SettlementRunRecord> records, store_->ListSettlementRuns(region_code, year));
  auto tree = regions();
  std::vector<SettlementRun> out;
  for (const SettlementRunRecord& rec : records) {
    if (!InScope(actor, rec.region_code)) continue;
    XJ_ASSIGN_OR_RETURN(SettlementRun run, DecodeRun(rec, *tree));
    out.push_back(std::move(run));
  }
  return out;
}

Result<SettlementRun> App::ApproveSettlement(const Actor& actor, std::int64_t id) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kSettleIncentives));
  std::lock_guard write(write_mu_);
  SettlementRun run;
  XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(std::optional<SettlementRunRecord> rec, store_->FindSettlementRun(id));
    if (!rec) return Status::NotFound("结算批次不存在：" + std::to_string(id));
    XJ_RETURN_IF_ERROR(Authorize(actor, Action::kSettleIncentives, rec->region_code));
    if (rec->status == kApproved) {
      return Status::Conflict("结算批次 " + std::to_string(id) + " 已由 " + rec->approved_by + " 审批，不可更改")
          .WithReason("already_approved");
    }
    if (rec->run_by == actor.username) {
      return Status::PermissionDenied("结算批次须由运行人以外的用户审批").WithReason("same_user");
    }
    rec->status = std::string(kApproved);
    rec->approved_by = actor.username;
    rec->approved_at = Now();
    XJ_RETURN_IF_ERROR(store_->ApproveSettlementRun(id, rec->approved_by, rec->approved_at));
    XJ_ASSIGN_OR_RETURN(run, DecodeRun(*rec, *regions()));
    return AppendAudit(actor, "settlement.approve", "settlement", std::to_string(id), rec->region_code,
                       nlohmann::json{{"status", kDraft}}.dump(),
                       nlohmann::json{{"status", kApproved}, {"approved_by", rec->approved_by}}.dump());
  }));
  return run;
}

Result<SettlementRun> DecodeSettlementRun(const SettlementRunRecord& rec, const RegionTree& tree) {
  return DecodeRun(rec, tree);
}

}  // namespace xj
