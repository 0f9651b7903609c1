#include "domain/gaming.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "core/int128.hpp"

namespace xj {
namespace {

/// The most entries, and projects, a payee_spread or month_end_round finding lists as evidence: the
/// measures count them all and the ledger link shows them all (a list of flags stays small).
constexpr std::size_t kGamingMaxEvidence = 20;

std::string GamingYuan(Fen f) {
  return FormatYuan(f) + " 元";
}

/// The reversals dated ≤ as_of, by the entry they cancel (the earliest when there are several).
std::unordered_map<std::string, const GamingEntry*> ReversalsAsOf(const GamingInput& in) {
  std::unordered_map<std::string, const GamingEntry*> out;
  for (const GamingEntry& e : in.entries) {
    if (e.kind != EntryKind::kReverse || e.reverses.empty() || e.date > in.as_of) continue;
    auto [it, fresh] = out.emplace(e.reverses, &e);
    if (!fresh && e.date < it->second->date) it->second = &e;
  }
  return out;
}

/// The expenditures dated ≤ as_of not reversed by then, in ledger order.
std::vector<const GamingEntry*> StandingExpenditures(const GamingInput& in) {
  const auto reversed = ReversalsAsOf(in);
  std::vector<const GamingEntry*> out;
  for (const GamingEntry& e : in.entries) {
    if (e.kind != EntryKind::kExpend || e.date > in.as_of || reversed.contains(e.entry_id)) continue;
    out.push_back(&e);
  }
  return out;
}

std::string MonthKey(Date d) {
  return d.ToString().substr(0, 7);
}

/// Findings of the two "reversed later" rules: each expenditure matched with the reversal cancelling it.
template <typename Match>
std::vector<GamingFinding> ReversedExpenditures(const GamingInput& in, Match match) {
  const auto reversed = ReversalsAsOf(in);
  std::vector<GamingFinding> out;
  for (const GamingEntry& e : in.entries) {
    if (e.kind != EntryKind::kExpend || e.date > in.as_of) continue;
    auto r = reversed.find(e.entry_id);
    if (r == reversed.end()) continue;
    if (std::optional<GamingFinding> f = match(e, *r->second)) out.push_back(std::move(*f));
  }
  return out;
}

GamingFinding EntryFinding(std::string_view kind, const GamingEntry& e, const GamingEntry& reversal) {
  GamingFinding f;
  f.kind = std::string(kind);
  f.subject = e.entry_id;
  f.region_code = e.region_code;
  f.project_code = e.project_code;
  f.fund_year = e.fund_year;
  f.fund_source = e.fund_source;
  f.raised_on = reversal.date;
  f.amount = e.amount;
  f.entries = {e, reversal};
  f.ledger.text = e.entry_id;
  return f;
}

}  // namespace

GamingPolicy GamingPolicy::At(const PolicySet& policy, Date date) {
  GamingPolicy p;
  p.cutoff_day = policy.ValueAt(PolicyKey::kDispatchCutoffDay, date);
  p.rush_days = policy.ValueAt(PolicyKey::kGamingCutoffRushDays, date);
  p.reversal_days = policy.ValueAt(PolicyKey::kGamingCutoffReversalDays, date);
  p.tender_threshold_fen = policy.ValueAt(PolicyKey::kWorkReliefThresholdFen, date);
  p.split_window_days = policy.ValueAt(PolicyKey::kGamingSplitWindowDays, date);
  p.split_margin_bp = policy.ValueAt(PolicyKey::kGamingSplitMarginBp, date);
  p.payee_max_counties = policy.ValueAt(PolicyKey::kGamingPayeeMaxCounties, date);
  p.payee_max_projects = policy.ValueAt(PolicyKey::kGamingPayeeMaxProjects, date);
  p.payee_window_days = policy.ValueAt(PolicyKey::kGamingPayeeWindowDays, date);
  p.round_unit_fen = policy.ValueAt(PolicyKey::kGamingRoundUnitFen, date);
  p.month_end_days = policy.ValueAt(PolicyKey::kGamingMonthEndDays, date);
  p.round_min_count = policy.ValueAt(PolicyKey::kGamingRoundMinCount, date);
  p.round_share_bp = policy.ValueAt(PolicyKey::kGamingRoundShareBp, date);
  p.return_window_days = policy.ValueAt(PolicyKey::kGamingReturnWindowDays, date);
  return p;
}

Date RankingCutoffOn(Date date, std::int64_t cutoff_day) {
  auto cutoff_of = [cutoff_day](int year, int month) {
    const int last = Date::DaysInMonth(year, month);
    return Date::FromYmd(year, month, cutoff_day >= 1 && cutoff_day <= last ? static_cast<int>(cutoff_day) : last);
  };
  const Date same = cutoff_of(date.year(), date.month());
  if (date <= same) return same;
  const Date next = Date::FromYmd(date.year(), date.month(), 1).AddMonths(1);
  return cutoff_of(next.year(), next.month());
}

// ---------------------------------------------------------------- 截止前突击支出

std::vector<GamingFinding> DetectCutoffRush(const GamingInput& in, const GamingPolicy& p) {
  return ReversedExpenditures(in, [&](const GamingEntry& e, const GamingEntry& r) -> std::optional<GamingFinding> {
    if (e.payee_type == PayeeType::kGovAccount) return std::nullopt;  // 以拨代支回流's
    const Date cutoff = RankingCutoffOn(e.date, p.cutoff_day);
    const int before = cutoff.days() - e.date.days();
    const int after = r.date.days() - cutoff.days();
    if (before >= p.rush_days || after < 1 || after > p.reversal_days) return std::nullopt;
    GamingFinding f = EntryFinding(FlagKind::kCutoffRush, e, r);
    f.cutoff = cutoff;
    f.measures = {{"days_before_cutoff", before}, {"days_after_cutoff", after}};
    f.detail = "支出 " + GamingYuan(e.amount) + " 于排名截止日 " + cutoff.ToString() + " 前 " + std::to_string(before) +
               " 天（" + e.date.ToString() + "）记账，截止日后 " + std::to_string(after) + " 天（" + r.date.ToString() +
               "）由 " + r.entry_id + " 冲销";
    return f;
  });
}

// ---------------------------------------------------------------- 以拨代支回流

std::vector<GamingFinding> DetectGovAccountReturn(const GamingInput& in, const GamingPolicy& p) {
  return ReversedExpenditures(in, [&](const GamingEntry& e, const GamingEntry& r) -> std::optional<GamingFinding> {
    if (e.payee_type != PayeeType::kGovAccount) return std::nullopt;
    const int parked = r.date.days() - e.date.days();
    if (parked < 1 || parked > p.return_window_days) return std::nullopt;
    GamingFinding f = EntryFinding(FlagKind::kGovAccountReturn, e, r);
    f.measures = {{"days_parked", parked}};
    f.detail = "支出 " + GamingYuan(e.amount) + " 于 " + e.date.ToString() + " 付至政府或单位账户「" + e.payee +
               "」（以拨代支），" + std::to_string(parked) + " 天后（" + r.date.ToString() + "）由 " + r.entry_id +
               " 冲销回流";
    return f;
  });
}

// ---------------------------------------------------------------- 化整为零规避招标

std::vector<GamingFinding> DetectTenderSplit(const GamingInput& in, const GamingPolicy& p) {
  std::vector<GamingFinding> out;
  const std::int64_t threshold = p.tender_threshold_fen;
  if (threshold <= 0) return out;
  std::unordered_map<std::string, const GamingProject*> candidates;
  for (const GamingProject& project : in.projects) {
    const std::int64_t total = project.total_investment.value();
    if (total >= threshold) continue;
    if (static_cast<Int128>(total) * 10000 < static_cast<Int128>(threshold) * (10000 - p.split_margin_bp)) continue;
    candidates.emplace(project.project_code, &project);
  }
  if (candidates.empty()) return out;
  // (project, contractor) → the first payment and the net paid.
  struct Paid {
    const GamingEntry* first = nullptr;
    Fen total;
  };
  std::map<std::pair<std::string, std::string>, Paid> paid;
  for (const GamingEntry* e : StandingExpenditures(in)) {
    if (e->payee.empty() || e->payee_type == PayeeType::kGovAccount || !candidates.contains(e->project_code)) continue;
    Paid& x = paid[{e->project_code, e->payee}];
    if (!x.first || std::tie(e->date, e->entry_id) < std::tie(x.first->date, x.first->entry_id)) x.first = e;
    x.total += e->amount;
  }
  // (village, category, contractor) → its projects by first payment.
  using GroupKey = std::tuple<std::string, std::string, std::string>;
  std::map<GroupKey, std::vector<std::pair<const GamingProject*, const Paid*>>> groups;
  for (const auto& [key, x] : paid) {
    const GamingProject* project = candidates.at(key.first);
    groups[{project->region_code, project->category, key.second}].push_back({project, &x});
  }
  std::set<std::string> subjects;
  for (auto& [key, members] : groups) {
    std::sort(members.begin(), members.end(), [](const auto& a, const auto& b) {
      return std::tie(a.second->first->date, a.first->project_code) <
             std::tie(b.second->first->date, b.first->project_code);
    });
    for (std::size_t i = 0; i < members.size();) {
      const Date start = members[i].second->first->date;
      std::size_t end = i + 1;
      while (end < members.size() && members[end].second->first->date.days() - start.days() <= p.split_window_days) {
        ++end;
      }
      Int128 sum = 0;
      for (std::size_t k = i; k < end; ++k) sum += members[k].first->total_investment.value();
      if (end - i >= 2 && sum >= threshold && subjects.insert(members[i].first->project_code).second) {
        const std::string& contractor = std::get<2>(key);
        GamingFinding f;
        f.kind = std::string(FlagKind::kTenderSplit);
        f.subject = members[i].first->project_code;
        f.region_code = members[i].first->region_code;
        f.project_code = members[i].first->project_code;
        const Date last = members[end - 1].second->first->date;
        f.raised_on = last;
        f.amount = ClampToFen(FenTotal(sum));
        std::string codes;
        for (std::size_t k = i; k < end; ++k) {
          const auto& [project, x] = members[k];
          f.projects.push_back({project->project_code, project->name, project->region_code, project->category,
                                project->total_investment, x->first->date, x->total});
          f.entries.push_back(*x->first);
          codes +=
              (codes.empty() ? "" : "、") + project->project_code + "（" + GamingYuan(project->total_investment) + "）";
        }
        f.measures = {{"parts", static_cast<std::int64_t>(end - i)},
                      {"span_days", last.days() - start.days()},
                      {"threshold_fen", threshold}};
        // Payments are booked to the county or to the village: the ledger lists the county's.
        f.ledger = {members[i].second->first->county_code, contractor, EntryKind::kExpend, start, last};
        f.detail = "同一村、同一类别「" + std::get<1>(key) + "」、同一施工方「" + contractor + "」的 " +
                   std::to_string(end - i) + " 个项目 " + codes + " 均低于招标限额 " + GamingYuan(Fen(threshold)) +
                   "，合计 " + GamingYuan(f.amount) + "，首笔付款在 " + std::to_string(last.days() - start.days()) +
                   " 天内";
        out.push_back(std::move(f));
      }
      i = end;
    }
  }
  return out;
}

// ---------------------------------------------------------------- 收款方跨县跨项目

std::vector<GamingFinding> DetectPayeeSpread(const GamingInput& in, const GamingPolicy& p) {
  std::vector<GamingFinding> out;
  const Date from = in.as_of.AddDays(static_cast<int>(1 - p.payee_window_days));
  std::map<std::string, std::vector<const GamingEntry*>> by_payee;
  for (const GamingEntry* e : StandingExpenditures(in)) {
    if (e->payee.empty() || e->payee_type == PayeeType::kGovAccount || e->date < from) continue;
    by_payee[e->payee].push_back(e);
  }
  std::unordered_map<std::string, const GamingProject*> projects;
  for (const GamingProject& project : in.projects) projects.emplace(project.project_code, &project);
  for (auto& [payee, entries] : by_payee) {
    std::sort(entries.begin(), entries.end(), [](const GamingEntry* a, const GamingEntry* b) {
      return std::tie(a->date, a->entry_id) < std::tie(b->date, b->entry_id);
    });
    std::set<std::string> counties;
    std::map<std::string, Fen> by_project;
    std::optional<Date> exceeded;
    Fen total;
    for (const GamingEntry* e : entries) {
      counties.insert(e->county_code);
      if (!e->project_code.empty()) by_project[e->project_code] += e->amount;
      total += e->amount;
      const bool over = static_cast<std::int64_t>(counties.size()) > p.payee_max_counties ||
                        static_cast<std::int64_t>(by_project.size()) > p.payee_max_projects;
      if (over && !exceeded) exceeded = e->date;
    }
    if (!exceeded) continue;
    GamingFinding f;
    f.kind = std::string(FlagKind::kPayeeSpread);
    f.subject = payee;
    f.raised_on = *exceeded;
    f.amount = total;
    f.counties.assign(counties.begin(), counties.end());
    std::vector<std::pair<std::string, Fen>> paid(by_project.begin(), by_project.end());
    std::stable_sort(paid.begin(), paid.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    if (paid.size() > kGamingMaxEvidence) paid.resize(kGamingMaxEvidence);
    for (const auto& [code, amount] : paid) {
      auto it = projects.find(code);
      GamingProjectEvidence ev{code, "", "", "", Fen(), std::nullopt, amount};
      if (it != projects.end()) {
        ev.name = it->second->name;
        ev.region_code = it->second->region_code;
        ev.category = it->second->category;
        ev.total_investment = it->second->total_investment;
      }
      f.projects.push_back(std::move(ev));
    }
    for (std::size_t k = 0; k < entries.size() && k < kGamingMaxEvidence; ++k) f.entries.push_back(*entries[k]);
    f.measures = {{"counties", static_cast<std::int64_t>(counties.size())},
                  {"projects", static_cast<std::int64_t>(by_project.size())},
                  {"entries", static_cast<std::int64_t>(entries.size())},
                  {"max_counties", p.payee_max_counties},
                  {"max_projects", p.payee_max_projects}};
    f.ledger = {"", payee, EntryKind::kExpend, from, in.as_of};
    f.detail = "收款方「" + payee + "」在 " + from.ToString() + " 至 " + in.as_of.ToString() + " 收到 " +
               std::to_string(counties.size()) + " 个县、" + std::to_string(by_project.size()) + " 个项目的支出共 " +
               GamingYuan(total) + "（上限 " + std::to_string(p.payee_max_counties) + " 个县、" +
               std::to_string(p.payee_max_projects) + " 个项目）";
    out.push_back(std::move(f));
  }
  return out;
}

// ---------------------------------------------------------------- 月末整数支出集中

std::vector<GamingFinding> DetectMonthEndRound(const GamingInput& in, const GamingPolicy& p) {
  struct CountyMonth {
    std::int64_t month_end = 0;  // expenditures in the month-end window
    std::vector<const GamingEntry*> round;
    Date window_from, month_last;
  };
  std::map<std::pair<std::string, std::string>, CountyMonth> groups;
  for (const GamingEntry* e : StandingExpenditures(in)) {
    const Date last =
        Date::FromYmd(e->date.year(), e->date.month(), Date::DaysInMonth(e->date.year(), e->date.month()));
    const Date window_from = last.AddDays(static_cast<int>(1 - p.month_end_days));
    if (e->date < window_from) continue;
    CountyMonth& g = groups[{e->county_code, MonthKey(e->date)}];
    g.window_from = window_from;
    g.month_last = last;
    ++g.month_end;
    if (p.round_unit_fen > 0 && e->amount.value() % p.round_unit_fen == 0) g.round.push_back(e);
  }
  std::vector<GamingFinding> out;
  for (auto& [key, g] : groups) {
    const auto round = static_cast<std::int64_t>(g.round.size());
    if (round < p.round_min_count || round * 10000 < p.round_share_bp * g.month_end) continue;
    std::sort(g.round.begin(), g.round.end(), [](const GamingEntry* a, const GamingEntry* b) {
      return std::tie(a->date, a->entry_id) < std::tie(b->date, b->entry_id);
    });
    GamingFinding f;
    f.kind = std::string(FlagKind::kMonthEndRound);
    f.subject = key.first + "@" + key.second;
    f.region_code = key.first;
    f.raised_on = g.round.back()->date;
    for (const GamingEntry* e : g.round) {
      f.amount += e->amount;
      if (f.entries.size() < kGamingMaxEvidence) f.entries.push_back(*e);
    }
    const std::int64_t share_bp = round * 10000 / g.month_end;
    f.measures = {{"round_count", round}, {"month_end_count", g.month_end}, {"share_bp", share_bp}};
    f.ledger = {key.first, "", EntryKind::kExpend, g.window_from, g.month_last};
    f.detail = key.second + " 月末 " + std::to_string(p.month_end_days) + " 天（" + g.window_from.ToString() + " 至 " +
               g.month_last.ToString() + "）的 " + std::to_string(g.month_end) + " 笔支出中 " + std::to_string(round) +
               " 笔为 " + GamingYuan(Fen(p.round_unit_fen)) + " 的整数倍，合计 " + GamingYuan(f.amount);
    out.push_back(std::move(f));
  }
  return out;
}

std::vector<GamingFinding> DetectGaming(const GamingInput& in, const GamingPolicy& p) {
  std::vector<GamingFinding> out = DetectCutoffRush(in, p);
  for (auto* detect : {&DetectTenderSplit, &DetectPayeeSpread, &DetectMonthEndRound, &DetectGovAccountReturn}) {
    std::vector<GamingFinding> more = detect(in, p);
    out.insert(out.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
  }
  return out;
}

}  // namespace xj
