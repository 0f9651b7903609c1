#include "analytics/indicator_engine.hpp"

#include <algorithm>
#include <set>
#include <thread>

namespace xj {
namespace {

constexpr int kYearShift = 3;     // fund source takes the low 3 bits
constexpr int kRegionShift = 16;  // fund year takes bits 3..15
constexpr std::size_t kCompactMin = 512;

std::uint32_t SubKey(int fund_year, FundSource source) {
  return (static_cast<std::uint32_t>(fund_year) << kYearShift) | static_cast<std::uint32_t>(source);
}

std::int64_t PayBucket(RegionIndex region, int fund_year, FundSource source) {
  return (static_cast<std::int64_t>(region) << kRegionShift) | SubKey(fund_year, source);
}

std::uint64_t StatsKey(RegionIndex region, int year) {
  return (static_cast<std::uint64_t>(region) << kRegionShift) | static_cast<std::uint32_t>(year);
}

void InsertSorted(std::vector<std::int32_t>& v, std::int32_t x) {
  v.insert(std::upper_bound(v.begin(), v.end(), x), x);
}

void EraseOne(std::vector<std::int32_t>& v, std::int32_t x) {
  auto it = std::lower_bound(v.begin(), v.end(), x);
  if (it != v.end() && *it == x) v.erase(it);
}

std::int64_t CountUpTo(const std::vector<std::int32_t>& v, Date as_of) {
  return std::upper_bound(v.begin(), v.end(), as_of.days()) - v.begin();
}

/// Calls `push(piece)` with 64-bit pieces summing to `amount` (one piece unless |amount| ≥ 2⁶³):
/// pending deltas stay 16 bytes while the totals they add up to are 128 bits.
template <typename Push>
void InPieces(Int128 amount, Push push) {
  constexpr auto kMax = static_cast<Int128>(INT64_MAX);
  constexpr auto kMin = static_cast<Int128>(INT64_MIN);
  while (amount > kMax || amount < kMin) {
    const Int128 piece = amount > 0 ? kMax : kMin;
    push(static_cast<std::int64_t>(piece));
    amount -= piece;
  }
  push(static_cast<std::int64_t>(amount));
}

}  // namespace

IndicatorEngine::GovExpend IndicatorEngine::GovExpendOf(const LedgerFact& f, RegionIndex region,
                                                        std::optional<Date> reversed_on) {
  return {{std::string(f.entry_id), f.date, region, std::string(f.project_code), f.fund_source, f.fund_year, f.amount,
           std::string(f.payee)},
          f.seq,
          reversed_on};
}

std::optional<bool> Indicators::on_track() const {
  if (!expend_progress.defined()) return std::nullopt;
  return CompareRatios(expend_progress, time_progress) >= 0;
}

Ratio TimeProgress(Date as_of, int fund_year) {
  const int days = Date::DaysInYear(fund_year);
  if (as_of.year() > fund_year) return {days, days};
  if (as_of.year() < fund_year) return {0, days};
  return {as_of.day_of_year(), days};
}

IndicatorEngine::IndicatorEngine(std::shared_ptr<const RegionTree> tree, CategoryCatalogue catalogue, PolicySet policy)
    : tree_(std::move(tree)), catalogue_(std::move(catalogue)), policy_(std::move(policy)) {}

const CumulativeSeries* IndicatorEngine::FindSeries(RegionIndex region, std::uint32_t sub) const {
  auto it = series_slots_.find(sub);
  if (it == series_slots_.end()) return nullptr;
  const std::int32_t slot = it->second[static_cast<std::size_t>(region)];
  return slot < 0 ? nullptr : &series_[static_cast<std::size_t>(slot)];
}

CumulativeSeries& IndicatorEngine::SeriesAt(RegionIndex region, std::uint32_t sub) {
  auto it = series_slots_.find(sub);
  if (it == series_slots_.end()) it = series_slots_.emplace(sub, std::vector<std::int32_t>(tree_->size(), -1)).first;
  std::int32_t& slot = it->second[static_cast<std::size_t>(region)];
  if (slot < 0) {
    slot = static_cast<std::int32_t>(series_.size());
    series_.emplace_back();
  }
  return series_[static_cast<std::size_t>(slot)];
}

void IndicatorEngine::Compact(PendingSeries& p) {
  auto& d = p.deltas;
  std::sort(d.begin(), d.end(), [](const SparseDelta& a, const SparseDelta& b) {
    return a.day != b.day ? a.day < b.day : a.metric < b.metric;
  });
  std::size_t out = 0;
  for (std::size_t i = 0; i < d.size(); ++i) {
    std::int64_t merged = 0;
    if (out > 0 && d[out - 1].day == d[i].day && d[out - 1].metric == d[i].metric &&
        !__builtin_add_overflow(d[out - 1].amount, d[i].amount, &merged)) {
      d[out - 1].amount = merged;  // two pieces whose sum would not fit 64 bits stay apart
    } else {
      d[out++] = d[i];
    }
  }
  d.resize(out);
  p.compacted = out;
}

// ---------------------------------------------------------------- projects

void IndicatorEngine::AddProjectStats(const Project& p, int sign) {
  if (!InYearPlan(p.status)) return;
  const RegionIndex region = tree_->Find(p.region_code);
  if (region == kNoRegion) return;
  const bool industry = catalogue_.IsIndustry(p.category, p.subcategory);
  for (RegionIndex n = region; n != kNoRegion; n = tree_->node(n).parent) {
    ProjectStats& s = projects_[StatsKey(n, p.year)];
    s.total += sign;
    s.planned_total += sign * static_cast<Int128>(p.central_fund.value());
    if (industry) s.planned_industry += sign * static_cast<Int128>(p.central_fund.value());
    if (p.actual_start) {
      if (!finished_) {
        s.starts.push_back(p.actual_start->days());
      } else if (sign > 0) {
        InsertSorted(s.starts, p.actual_start->days());
      } else {
        EraseOne(s.starts, p.actual_start->days());
      }
    }
    if (p.actual_finish) {
      if (!finished_) {
        s.finishes.push_back(p.actual_finish->days());
      } else if (sign > 0) {
        InsertSorted(s.finishes, p.actual_finish->days());
      } else {
        EraseOne(s.finishes, p.actual_finish->days());
      }
    }
  }
}

void IndicatorEngine::LoadProject(const Project& p) {
  AddProjectStats(p, +1);
  if (auto it = tracked_.find(p.project_code); it != tracked_.end()) {
    it->second.name = p.name;
    it->second.region = tree_->Find(p.region_code);
  }
}

void IndicatorEngine::AddProject(const Project& p) {
  LoadProject(p);
}
void IndicatorEngine::RemoveProject(const Project& p) {
  AddProjectStats(p, -1);
}

void IndicatorEngine::LoadContract(const ProjectContract& c) {
  tracked_[c.project_code].input.contracts.push_back({c.signed_on, c.amount, c.advance_bp});
  last_tracked_code_.clear();  // a "not tracked" answer may be stale now
}

void IndicatorEngine::LoadProgress(const ProgressReport& r) {
  // Progress without a contract still matters once a contract arrives.
  tracked_[r.project_code].input.progress.emplace_back(r.date, r.progress_hundredths);
  last_tracked_code_.clear();
}

void IndicatorEngine::LoadAcceptance(const std::string& project_code, Date accepted_on) {
  // Like progress, an acceptance matters once a contract arrives.
  tracked_[project_code].input.accepted_on = accepted_on;
  last_tracked_code_.clear();
}

// ---------------------------------------------------------------- ledger

void IndicatorEngine::AddToSeries(RegionIndex region, int fund_year, FundSource source, Date date, Metric metric,
                                  Int128 amount) {
  if (amount == 0) return;
  if (!finished_) {
    InPieces(amount, [&](std::int64_t piece) {
      shards_[0].Pend(PayBucket(region, fund_year, source), region, SubKey(fund_year, source),
                      {date.days(), static_cast<std::int32_t>(metric), piece});
    });
    return;
  }
  for (RegionIndex n = region; n != kNoRegion; n = tree_->node(n).parent) {
    SeriesAt(n, SubKey(fund_year, source)).Add(date, metric, amount);
  }
}

void IndicatorEngine::LoadShard::Pend(std::int64_t key, RegionIndex region, std::uint32_t sub, SparseDelta delta) {
  if (key != last_pending_key) {
    last_pending = &pending[region][sub];
    last_pending_key = key;
  }
  PendingSeries& p = *last_pending;
  p.deltas.push_back(delta);
  if (p.deltas.size() >= std::max(kCompactMin, 2 * p.compacted)) Compact(p);
}

RegionIndex IndicatorEngine::FindRegion(std::string_view code) {
  if (last_region_ != kNoRegion && code == last_region_code_) return last_region_;
  last_region_code_.assign(code);
  last_region_ = tree_->Find(code);
  return last_region_;
}

RegionIndex IndicatorEngine::FindRegion(LoadShard& shard, std::string_view code) const {
  if (shard.last_region != kNoRegion && code == shard.last_region_code) return shard.last_region;
  shard.last_region_code.assign(code);
  shard.last_region = tree_->Find(code);
  return shard.last_region;
}

void IndicatorEngine::BookFact(const LedgerFact& f, RegionIndex region, LoadShard* shard) {
  // Widened before the sign: −INT64_MIN would not fit.
  const Int128 amount = f.effective.sign * static_cast<Int128>(f.amount.value());
  if (amount == 0) return;
  const std::int64_t key = PayBucket(region, f.fund_year, f.fund_source);
  const std::uint32_t sub = SubKey(f.fund_year, f.fund_source);
  auto add = [&](Metric metric) {
    if (shard) {
      InPieces(amount, [&](std::int64_t piece) {
        shard->Pend(key, region, sub, {f.date.days(), static_cast<std::int32_t>(metric), piece});
      });
    } else {
      AddToSeries(region, f.fund_year, f.fund_source, f.date, metric, amount);
    }
  };
  switch (f.effective.kind) {
    case EntryKind::kAllocate:
      add(Metric::kAllocate);
      if (!f.project_code.empty()) add(Metric::kAllocateToProject);
      break;
    case EntryKind::kDisburse: add(Metric::kDisburse); break;
    case EntryKind::kExpend:
      add(Metric::kExpend);
      if (f.effective.payee_type == PayeeType::kGovAccount) add(Metric::kExpendGovAccount);
      break;
    case EntryKind::kReverse: break;  // never an effective kind
  }
}

std::optional<Date> IndicatorEngine::ReversalDateOf(std::int64_t seq) const {
  if (seq < 0 || static_cast<std::uint64_t>(seq) >= reversed_seq_.size() ||
      !reversed_seq_[static_cast<std::size_t>(seq)]) {
    return std::nullopt;
  }
  auto it = reversal_dates_.find(seq);
  return it == reversal_dates_.end() ? std::nullopt : std::optional<Date>(it->second);
}

IndicatorEngine::TrackedProject* IndicatorEngine::TrackFact(const LedgerFact& f, RegionIndex region) {
  if (f.effective.kind != EntryKind::kExpend) return nullptr;
  if (f.effective.payee_type == PayeeType::kGovAccount) {
    if (f.kind == EntryKind::kExpend) {
      gov_by_seq_[f.seq] = gov_expends_.size();
      gov_expends_.push_back(GovExpendOf(f, region, std::nullopt));
      if (cleared_entries_.count(gov_expends_.back().flag.entry_id)) ClearGovExpend(gov_expends_.back());
    } else if (auto it = gov_by_seq_.find(f.reverses_seq); it != gov_by_seq_.end()) {
      GovExpend& g = gov_expends_[it->second];
      g.reversed_on = f.date;
      // BookFact took the reversal off the 以拨代支 figure, which no longer held this entry.
      if (g.cleared)
        AddToSeries(region, f.fund_year, f.fund_source, f.date, Metric::kExpendGovAccount, f.amount.value());
    }
    return nullptr;  // 以拨代支, not a payment to the contractor
  }
  if (f.project_code.empty()) return nullptr;
  // Entries of a project come in runs: remember the last lookup.
  if (f.project_code != last_tracked_code_) {
    last_tracked_code_.assign(f.project_code);
    auto found = tracked_.find(f.project_code);
    last_tracked_ = found == tracked_.end() ? nullptr : &found->second;
  }
  if (!last_tracked_) return nullptr;
  TrackedProject* tracked = last_tracked_;
  auto& payments = tracked->input.payments;
  if (f.kind == EntryKind::kExpend) {
    payments.push_back({f.seq, f.date, f.amount, std::nullopt, PayBucket(region, f.fund_year, f.fund_source)});
    return tracked;
  }
  // A reversal after loading: mark the payment it cancels (bulk loads know the date already).
  for (ProjectPayment& p : payments) {
    if (p.seq == f.reverses_seq) {
      p.reversed_on = f.date;
      return tracked;
    }
  }
  return nullptr;
}

void IndicatorEngine::LoadReversalDates(const std::vector<std::pair<std::int64_t, Date>>& reversed) {
  reversal_dates_.reserve(reversed.size());
  for (const auto& [seq, date] : reversed) {
    if (seq < 0) continue;
    reversal_dates_.emplace(seq, date);
    if (static_cast<std::uint64_t>(seq) >= reversed_seq_.size())
      reversed_seq_.resize(static_cast<std::size_t>(seq) + 1);
    reversed_seq_[static_cast<std::size_t>(seq)] = true;
  }
}

void IndicatorEngine::PrepareShards(int shards) {
  shards_.resize(static_cast<std::size_t>(std::max(shards, 1)));
}

void IndicatorEngine::LoadFact(int shard_index, const LedgerFact& f) {
  LoadShard& shard = shards_[static_cast<std::size_t>(shard_index)];
  const RegionIndex region = FindRegion(shard, f.region_code);
  if (region == kNoRegion) return;
  BookFact(f, region, &shard);
  TrackLoadedFact(shard, f, region);
}

void IndicatorEngine::TrackLoadedFact(LoadShard& shard, const LedgerFact& f, RegionIndex region) {
  // Reversals need nothing here: the dates of reversed entries were loaded up front.
  if (f.kind != EntryKind::kExpend) return;
  if (f.effective.payee_type == PayeeType::kGovAccount) {
    shard.gov_expends.push_back(GovExpendOf(f, region, ReversalDateOf(f.seq)));
    return;  // 以拨代支, not a payment to the contractor
  }
  if (f.project_code.empty()) return;
  if (f.project_code != shard.last_tracked_code) {  // entries of a project come in runs
    shard.last_tracked_code.assign(f.project_code);
    auto found = tracked_.find(f.project_code);
    shard.last_tracked = found == tracked_.end() ? nullptr : &found->second;
  }
  if (!shard.last_tracked) return;
  TrackedProject& t = *shard.last_tracked;
  const ProjectPayment payment{f.seq, f.date, f.amount, ReversalDateOf(f.seq),
                               PayBucket(region, f.fund_year, f.fund_source)};
  while (t.loading.test_and_set(std::memory_order_acquire)) {
  }
  t.input.payments.push_back(payment);
  t.loading.clear(std::memory_order_release);
}

void IndicatorEngine::AddEntries(const std::vector<StoredEntry>& entries) {
  std::set<TrackedProject*> touched;
  for (const StoredEntry& se : entries) {
    const LedgerFact f = FactOf(se);
    const RegionIndex region = FindRegion(f.region_code);
    if (region == kNoRegion) continue;
    BookFact(f, region, nullptr);
    if (TrackedProject* t = TrackFact(f, region)) touched.insert(t);
  }
  for (TrackedProject* t : touched) RecomputePayAhead(*t);
}

void IndicatorEngine::ClearGovExpend(GovExpend& g) {
  const DisburseAsExpendFlag& f = g.flag;
  AddToSeries(f.region, f.fund_year, f.fund_source, f.date, Metric::kExpendGovAccount, -Int128{f.amount.value()});
  if (g.reversed_on) {
    AddToSeries(f.region, f.fund_year, f.fund_source, *g.reversed_on, Metric::kExpendGovAccount, f.amount.value());
  }
  g.cleared = true;
}

void IndicatorEngine::ClearDisburseAsExpend(const std::vector<std::string>& entry_ids) {
  std::unordered_set<std::string_view> fresh;
  for (const std::string& id : entry_ids) {
    if (cleared_entries_.insert(id).second) fresh.insert(id);
  }
  if (fresh.empty()) return;
  for (GovExpend& g : gov_expends_) {
    if (!g.cleared && fresh.count(g.flag.entry_id)) ClearGovExpend(g);
  }
}

// ---------------------------------------------------------------- 超进度拨款

std::vector<std::pair<std::int32_t, BucketAmount>> IndicatorEngine::PayAheadDeltas(const TrackedProject& t) const {
  std::vector<std::pair<std::int32_t, BucketAmount>> applied;
  for (const PayAheadChange& c : PayAheadChanges(t.input, policy_)) applied.push_back({c.date.days(), c.delta});
  return applied;
}

void IndicatorEngine::BookPayAhead(TrackedProject& t, std::vector<std::pair<std::int32_t, BucketAmount>> applied) {
  auto book = [&](std::int32_t day, const BucketAmount& b, int sign) {
    const auto region = static_cast<RegionIndex>(b.bucket >> kRegionShift);
    const auto sub = static_cast<std::uint32_t>(b.bucket & ((1 << kRegionShift) - 1));
    const int fund_year = static_cast<int>(sub >> kYearShift);
    const auto source = static_cast<FundSource>(sub & ((1u << kYearShift) - 1));
    AddToSeries(region, fund_year, source, Date::FromDays(day), Metric::kPayAhead, sign * b.amount.value());
  };
  for (const auto& [day, b] : t.applied) book(day, b, -1);
  t.applied = std::move(applied);
  for (const auto& [day, b] : t.applied) book(day, b, +1);
}

void IndicatorEngine::RecomputePayAhead(TrackedProject& t) {
  BookPayAhead(t, PayAheadDeltas(t));
}

void IndicatorEngine::AddContract(const ProjectContract& c, const Project& project,
                                  const std::vector<StoredEntry>& project_entries) {
  const bool fresh = !tracked_.count(c.project_code);
  TrackedProject& t = tracked_[c.project_code];
  last_tracked_code_.clear();
  t.name = project.name;
  t.region = tree_->Find(project.region_code);
  t.input.contracts.push_back({c.signed_on, c.amount, c.advance_bp});
  if (fresh || t.input.payments.empty()) {
    // First time tracked: its payments come from the store, reversals resolved by id.
    std::unordered_map<std::string, Date> reversed;
    for (const StoredEntry& se : project_entries) {
      if (se.entry.kind == EntryKind::kReverse) reversed.emplace(se.entry.reverses, se.entry.date);
    }
    for (const StoredEntry& se : project_entries) {
      if (se.entry.kind != EntryKind::kExpend || se.effective.payee_type == PayeeType::kGovAccount) continue;
      const RegionIndex region = tree_->Find(se.entry.region_code);
      if (region == kNoRegion) continue;
      auto r = reversed.find(se.entry.entry_id);
      t.input.payments.push_back({se.seq, se.entry.date, se.entry.amount,
                                  r == reversed.end() ? std::nullopt : std::optional<Date>(r->second),
                                  PayBucket(region, se.entry.fund_year, se.entry.fund_source)});
    }
  }
  RecomputePayAhead(t);
}

void IndicatorEngine::AddProgress(const ProgressReport& r) {
  TrackedProject& t = tracked_[r.project_code];
  last_tracked_code_.clear();
  t.input.progress.emplace_back(r.date, r.progress_hundredths);
  RecomputePayAhead(t);
}

void IndicatorEngine::AddAcceptance(const std::string& project_code, Date accepted_on) {
  TrackedProject& t = tracked_[project_code];
  last_tracked_code_.clear();
  t.input.accepted_on = accepted_on;
  RecomputePayAhead(t);
}

// ---------------------------------------------------------------- finish

void IndicatorEngine::Finish(int threads) {
  // 以拨代支 entries in shard order, indexed by seq for reversals booked later.
  std::size_t gov_count = gov_expends_.size();
  for (const LoadShard& shard : shards_) gov_count += shard.gov_expends.size();
  gov_expends_.reserve(gov_count);
  gov_by_seq_.reserve(gov_count);
  for (LoadShard& shard : shards_) {
    for (GovExpend& g : shard.gov_expends) {
      gov_by_seq_[g.seq] = gov_expends_.size();
      gov_expends_.push_back(std::move(g));
    }
    std::vector<GovExpend>().swap(shard.gov_expends);
  }
  // 超进度拨款: each project's deltas are independent (computed on `threads` threads),
  // booked one by one.
  std::vector<TrackedProject*> contracted;
  for (auto& [code, t] : tracked_) {
    if (!t.input.contracts.empty()) contracted.push_back(&t);
  }
  std::vector<std::vector<std::pair<std::int32_t, BucketAmount>>> deltas(contracted.size());
  const std::size_t workers = std::clamp<std::size_t>(static_cast<std::size_t>(threads), 1, 8);
  {
    std::vector<std::thread> pool;
    for (std::size_t w = 1; w < workers; ++w) {
      pool.emplace_back([&, w] {
        for (std::size_t i = w; i < contracted.size(); i += workers) deltas[i] = PayAheadDeltas(*contracted[i]);
      });
    }
    for (std::size_t i = 0; i < contracted.size(); i += workers) deltas[i] = PayAheadDeltas(*contracted[i]);
    for (std::thread& t : pool) t.join();
  }
  for (std::size_t i = 0; i < contracted.size(); ++i) BookPayAhead(*contracted[i], std::move(deltas[i]));
  for (auto& [key, s] : projects_) {
    std::sort(s.starts.begin(), s.starts.end());
    std::sort(s.finishes.begin(), s.finishes.end());
  }
  // Every shard's deltas into shard 0's.
  auto& pending = shards_[0].pending;
  for (std::size_t k = 1; k < shards_.size(); ++k) {
    for (auto& [region, subs] : shards_[k].pending) {
      for (auto& [sub, pend] : subs) {
        PendingSeries& into = pending[region][sub];
        if (into.deltas.empty()) {
          into = std::move(pend);
        } else {
          into.deltas.insert(into.deltas.end(), pend.deltas.begin(), pend.deltas.end());
        }
      }
    }
  }
  shards_.resize(1);
  RollUp();
  shards_.clear();
  shards_.resize(1);
  reversal_dates_.clear();
  std::vector<bool>().swap(reversed_seq_);
  finished_ = true;
}

void IndicatorEngine::RollUp() {
  auto& pending = shards_[0].pending;
  // Children have larger depth-first indices than their parents: walking the
  // indices downwards finishes every child before its parent needs it.
  for (auto i = static_cast<RegionIndex>(tree_->size()) - 1; i >= 0; --i) {
    auto own = pending.find(i);
    if (own == pending.end()) continue;
    const RegionIndex parent = tree_->node(i).parent;
    for (auto& [sub, pend] : own->second) {
      Compact(pend);
      std::vector<SeriesDelta> dense;
      for (const SparseDelta& d : pend.deltas) {
        if (dense.empty() || dense.back().day != d.day) dense.push_back({d.day, {}});
        dense.back().values[static_cast<std::size_t>(d.metric)] += d.amount;
      }
      std::vector<SparseDelta>().swap(pend.deltas);
      if (parent != kNoRegion) {
        PendingSeries& up = pending[parent][sub];
        for (const SeriesDelta& d : dense) {
          for (int m = 0; m < kMetricCount; ++m) {
            if (d.values[m] != 0)
              InPieces(d.values[m], [&](std::int64_t piece) { up.deltas.push_back({d.day, m, piece}); });
          }
        }
        if (up.deltas.size() >= std::max(kCompactMin, 2 * up.compacted)) Compact(up);
      }
      SeriesAt(i, sub) = CumulativeSeries::FromDeltas(std::move(dense));
    }
    pending.erase(own);
  }
}

// ---------------------------------------------------------------- queries

MetricValues IndicatorEngine::SumsAsOf(RegionIndex region, int year, Date as_of, FundSource source) const {
  const CumulativeSeries* series = FindSeries(region, SubKey(year, source));
  return series ? series->AsOf(as_of) : MetricValues{};
}

const IndicatorEngine::ProjectStats* IndicatorEngine::StatsFor(RegionIndex region, int year) const {
  auto it = projects_.find(StatsKey(region, year));
  return it == projects_.end() ? nullptr : &it->second;
}

Indicators IndicatorEngine::Compute(RegionIndex region, int year, Date as_of, FundSource source) const {
  Indicators r;
  r.region = region;
  r.year = year;
  r.as_of = as_of;
  r.fund_source = source;
  const Date last_year_as_of = as_of.SameDayInYear(as_of.year() - 1);

  if (const ProjectStats* s = StatsFor(region, year)) {
    r.projects_total = s->total;
    r.projects_started = CountUpTo(s->starts, as_of);
    r.projects_finished = CountUpTo(s->finishes, as_of);
    r.planned_total = FenTotal(s->planned_total);
    r.industry_planned = FenTotal(s->planned_industry);
  }
  r.start_rate = {r.projects_started, r.projects_total};
  r.completion_rate = {r.projects_finished, r.projects_total};
  r.industry_share = RatioOf(r.industry_planned.value(), r.planned_total.value());
  if (const ProjectStats* s = StatsFor(region, year - 1)) {
    r.start_rate_last_year = {CountUpTo(s->starts, last_year_as_of), s->total};
  }

  const Indicators money = ComputeMoney(region, year, as_of, source);
  r.allocated = money.allocated;
  r.allocated_to_projects = money.allocated_to_projects;
  r.disbursed = money.disbursed;
  r.expended = money.expended;
  r.disburse_as_expend = money.disburse_as_expend;
  r.pay_ahead = money.pay_ahead;
  r.expend_progress = money.expend_progress;
  r.assessed_progress = money.assessed_progress;
  r.distribute_progress = money.distribute_progress;
  r.time_progress = money.time_progress;
  const MetricValues lv = SumsAsOf(region, year - 1, last_year_as_of, source);
  r.expend_progress_last_year = RatioOf(lv[static_cast<int>(Metric::kExpend)], lv[static_cast<int>(Metric::kAllocate)]);
  return r;
}

Indicators IndicatorEngine::ComputeMoney(RegionIndex region, int year, Date as_of, FundSource source) const {
  Indicators r;
  r.region = region;
  r.year = year;
  r.as_of = as_of;
  r.fund_source = source;
  const MetricValues v = SumsAsOf(region, year, as_of, source);
  auto at = [&](Metric m) { return v[static_cast<int>(m)]; };
  r.allocated = FenTotal(at(Metric::kAllocate));
  r.allocated_to_projects = FenTotal(at(Metric::kAllocateToProject));
  r.disbursed = FenTotal(at(Metric::kDisburse));
  r.expended = FenTotal(at(Metric::kExpend));
  r.disburse_as_expend = FenTotal(at(Metric::kExpendGovAccount));
  r.pay_ahead = FenTotal(at(Metric::kPayAhead));
  r.expend_progress = RatioOf(r.expended.value(), r.allocated.value());
  r.assessed_progress = RatioOf((r.expended - r.disburse_as_expend - r.pay_ahead).value(), r.allocated.value());
  r.distribute_progress = RatioOf(r.allocated_to_projects.value(), r.allocated.value());
  r.time_progress = TimeProgress(as_of, year);
  return r;
}

std::vector<RankRow> IndicatorEngine::Rank(const std::vector<RegionIndex>& units, int year, Date as_of,
                                           FundSource source, const RankOptions& options) const {
  // Sort small keys, not the figures: a national ranking orders ~3,000 units per call.
  struct Key {
    Ratio metric;
    FenTotal expended;
    std::int32_t code_order;
    std::size_t unit;
  };
  std::vector<Indicators> figures;
  figures.reserve(units.size());
  std::vector<Key> keys;
  keys.reserve(units.size());
  for (std::size_t k = 0; k < units.size(); ++k) {
    figures.push_back(ComputeMoney(units[k], year, as_of, source));
    const Indicators& f = figures.back();
    keys.push_back({options.metric == RankMetric::kAssessedProgress ? f.assessed_progress : f.expend_progress,
                    f.expended, tree_->node(units[k]).code_order, k});
  }
  std::sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
    if (a.metric.defined() != b.metric.defined()) return a.metric.defined();  // undefined progress ranks last
    if (a.metric.defined()) {
      const int c = CompareRatios(a.metric, b.metric);
      if (c != 0) return c > 0;
    }
    if (a.expended != b.expended) return a.expended > b.expended;
    return a.code_order < b.code_order;
  });
  // Incentives go to units with a defined figure only: top N first, then the
  // bottom N of those not already rewarded.
  std::size_t defined = 0;
  while (defined < keys.size() && keys[defined].metric.defined()) ++defined;
  const std::size_t top = std::min<std::size_t>(static_cast<std::size_t>(std::max(options.top, 0)), defined);
  const std::size_t bottom =
      std::min<std::size_t>(static_cast<std::size_t>(std::max(options.bottom, 0)), defined - top);
  std::vector<RankRow> rows;
  rows.reserve(keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) {
    Fen incentive;
    if (i < top) incentive = options.amount;
    if (i < defined && i >= defined - bottom) incentive = -options.amount;
    const int rank = i < defined ? static_cast<int>(i) + 1 : 0;
    rows.push_back({rank, units[keys[i].unit], std::move(figures[keys[i].unit]), incentive});
  }
  return rows;
}

std::vector<DisburseAsExpendFlag> IndicatorEngine::DisburseAsExpendFlags(RegionIndex root, std::optional<int> fund_year,
                                                                         Date as_of,
                                                                         std::optional<FundSource> source) const {
  std::vector<DisburseAsExpendFlag> out;
  for (const GovExpend& g : gov_expends_) {
    const DisburseAsExpendFlag& f = g.flag;
    if (root != kNoRegion && !tree_->Contains(root, f.region)) continue;
    if (fund_year && f.fund_year != *fund_year) continue;
    if (source && f.fund_source != *source) continue;
    if (g.cleared || f.date > as_of || (g.reversed_on && *g.reversed_on <= as_of)) continue;
    out.push_back(f);
  }
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return a.date != b.date ? a.date < b.date : a.entry_id < b.entry_id; });
  return out;
}

std::optional<DisburseAsExpendFlag> IndicatorEngine::DisburseAsExpendEntry(std::string_view entry_id) const {
  for (const GovExpend& g : gov_expends_) {
    if (g.flag.entry_id == entry_id) return g.flag;
  }
  return std::nullopt;
}

std::vector<PayAheadFlag> IndicatorEngine::PayAheadFlags(RegionIndex root, Date as_of) const {
  std::vector<PayAheadFlag> out;
  for (const auto& [code, t] : tracked_) {
    if (t.input.contracts.empty() || t.region == kNoRegion) continue;
    if (root != kNoRegion && !tree_->Contains(root, t.region)) continue;
    PayAheadStatus s = EvaluatePayAhead(t.input, policy_, as_of);
    if (s.excess.value() <= 0) continue;
    // The booked changes are dated and in date order: the last rise from nothing is the start.
    Date since = as_of;
    Int128 total = 0;
    for (std::size_t i = 0; i < t.applied.size() && t.applied[i].first <= as_of.days();) {
      const std::int32_t day = t.applied[i].first;
      const bool was_clear = total <= 0;
      for (; i < t.applied.size() && t.applied[i].first == day; ++i) total += t.applied[i].second.amount.value();
      if (was_clear && total > 0) since = Date::FromDays(day);
    }
    out.push_back({code, t.name, t.region, s, since});
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.status.excess != b.status.excess ? a.status.excess > b.status.excess : a.project_code < b.project_code;
  });
  return out;
}

std::optional<PayAheadStatus> IndicatorEngine::PayAheadOf(const std::string& project_code, Date date) const {
  auto it = tracked_.find(project_code);
  if (it == tracked_.end() || it->second.input.contracts.empty()) return std::nullopt;
  return EvaluatePayAhead(it->second.input, policy_, date);
}

IndicatorEngine::PlanFunds IndicatorEngine::PlanFundsOf(RegionIndex region, int year) const {
  const ProjectStats* s = StatsFor(region, year);
  if (!s) return {};
  return {FenTotal(s->planned_industry), FenTotal(s->planned_total)};
}

std::size_t IndicatorEngine::series_points() const {
  std::size_t n = 0;
  for (const CumulativeSeries& s : series_) n += s.points();
  return n;
}

}  // namespace xj
