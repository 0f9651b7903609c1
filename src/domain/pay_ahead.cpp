#include "domain/pay_ahead.hpp"

#include <algorithm>
#include <map>

#include "core/int128.hpp"

namespace xj {
namespace {

constexpr std::int64_t kBpPerUnit = 10'000;

bool Counts(const ProjectPayment& p, Date date) {
  return p.date <= date && !(p.reversed_on && *p.reversed_on <= date);
}

/// Advance cap + completed work − retention of `contract`, rounded down to the fen.
Fen CapOf(Fen contract, std::int32_t progress_bp, const PolicySet& policy, Date date) {
  const std::int64_t share_bp =
      policy.ValueAt(PolicyKey::kAdvanceCapBp, date) + progress_bp - policy.ValueAt(PolicyKey::kRetentionBp, date);
  const Int128 cap_x = static_cast<Int128>(contract.value()) * share_bp;
  // Floor division (toward −∞) so a fractional fen never hides an excess.
  Int128 q = cap_x / kBpPerUnit;
  if (cap_x % kBpPerUnit != 0 && cap_x < 0) --q;
  return Fen(static_cast<std::int64_t>(q));
}

}  // namespace

PayAheadStatus EvaluatePayAhead(const PayAheadInput& input, const PolicySet& policy, Date date) {
  PayAheadStatus s;
  for (const auto& [signed_on, amount] : input.contracts) {
    if (signed_on <= date) s.contract += amount;
  }
  std::optional<Date> latest;
  for (const auto& [reported_on, bp] : input.progress) {
    if (reported_on <= date && (!latest || reported_on >= *latest)) {
      latest = reported_on;
      s.progress_bp = bp;
    }
  }
  for (const ProjectPayment& p : input.payments) {
    if (Counts(p, date)) s.paid += p.amount;
  }
  if (s.contract.value() <= 0) return s;
  s.cap = CapOf(s.contract, s.progress_bp, policy, date);
  if (s.paid > s.cap) s.excess = s.paid - s.cap;
  return s;
}

std::vector<BucketAmount> AttributePayAhead(const PayAheadInput& input, const PolicySet& policy, Date date) {
  const PayAheadStatus s = EvaluatePayAhead(input, policy, date);
  std::vector<BucketAmount> out;
  if (s.excess.value() <= 0) return out;
  std::vector<const ProjectPayment*> counted;
  for (const ProjectPayment& p : input.payments) {
    if (Counts(p, date)) counted.push_back(&p);
  }
  std::sort(counted.begin(), counted.end(), [](const ProjectPayment* a, const ProjectPayment* b) {
    return a->date != b->date ? a->date > b->date : a->seq > b->seq;
  });
  std::map<std::int64_t, Fen> by_bucket;
  Fen left = s.excess;
  for (const ProjectPayment* p : counted) {
    if (left.value() <= 0) break;
    const Fen take = std::min(left, p->amount);
    by_bucket[p->bucket] += take;
    left -= take;
  }
  for (const auto& [bucket, amount] : by_bucket) out.push_back({bucket, amount});
  return out;
}

std::vector<Date> PayAheadEventDates(const PayAheadInput& input, const PolicySet& policy) {
  std::vector<Date> dates;
  for (const auto& c : input.contracts) dates.push_back(c.first);
  for (const auto& r : input.progress) dates.push_back(r.first);
  for (const ProjectPayment& p : input.payments) {
    dates.push_back(p.date);
    if (p.reversed_on) dates.push_back(*p.reversed_on);
  }
  for (std::string_view key : {PolicyKey::kAdvanceCapBp, PolicyKey::kRetentionBp}) {
    for (Date d : policy.ChangeDates(key)) dates.push_back(d);
  }
  std::sort(dates.begin(), dates.end());
  dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
  return dates;
}

std::vector<PayAheadChange> PayAheadChanges(const PayAheadInput& input, const PolicySet& policy) {
  // Step functions of the date, swept once: contracts signed, payments counted (from their
  // date until their reversal), and the latest progress report (the last one given of a day).
  std::vector<std::pair<Date, std::int64_t>> contract_steps, paid_steps;
  for (const auto& [signed_on, amount] : input.contracts) contract_steps.emplace_back(signed_on, amount.value());
  for (const ProjectPayment& p : input.payments) {
    if (p.reversed_on && *p.reversed_on <= p.date) continue;  // never counts
    paid_steps.emplace_back(p.date, p.amount.value());
    if (p.reversed_on) paid_steps.emplace_back(*p.reversed_on, -p.amount.value());
  }
  std::vector<std::pair<Date, std::size_t>> reports;
  for (std::size_t i = 0; i < input.progress.size(); ++i) reports.emplace_back(input.progress[i].first, i);
  std::sort(contract_steps.begin(), contract_steps.end());
  std::sort(paid_steps.begin(), paid_steps.end());
  std::sort(reports.begin(), reports.end());

  std::vector<PayAheadChange> out;
  std::map<std::int64_t, Fen> prev;
  std::size_t ci = 0, pi = 0, ri = 0;
  Fen contract, paid;
  std::int32_t progress_bp = 0;
  for (Date d : PayAheadEventDates(input, policy)) {
    for (; ci < contract_steps.size() && contract_steps[ci].first <= d; ++ci)
      contract += Fen(contract_steps[ci].second);
    for (; pi < paid_steps.size() && paid_steps[pi].first <= d; ++pi) paid += Fen(paid_steps[pi].second);
    for (; ri < reports.size() && reports[ri].first <= d; ++ri) progress_bp = input.progress[reports[ri].second].second;
    const bool excess = contract.value() > 0 && paid > CapOf(contract, progress_bp, policy, d);
    if (!excess && prev.empty()) continue;
    std::map<std::int64_t, Fen> cur;
    if (excess) {
      for (const BucketAmount& b : AttributePayAhead(input, policy, d)) cur[b.bucket] = b.amount;
    }
    auto p = prev.begin();
    auto c = cur.begin();
    while (p != prev.end() || c != cur.end()) {  // both ascending by bucket
      if (c == cur.end() || (p != prev.end() && p->first < c->first)) {
        out.push_back({d, {p->first, Fen() - p->second}});
        ++p;
      } else if (p == prev.end() || c->first < p->first) {
        out.push_back({d, {c->first, c->second}});
        ++c;
      } else {
        if (c->second != p->second) out.push_back({d, {c->first, c->second - p->second}});
        ++p;
        ++c;
      }
    }
    prev = std::move(cur);
  }
  return out;
}

}  // namespace xj
