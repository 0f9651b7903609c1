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

/// Floor of `x` / 10,000 (toward −∞), so a fractional fen never hides an excess.
FenTotal FloorBp(Int128 x) {
  Int128 q = x / kBpPerUnit;
  if (x % kBpPerUnit != 0 && x < 0) --q;
  return FenTotal(q);
}

/// The contracts signed by some date, summed: the amount, the advance of contracts with
/// their own rate (fen × bp) and the amount of those taking the policy's rate.
struct SignedContracts {
  FenTotal amount;
  Int128 own_advance_x = 0;
  FenTotal policy_rate_amount;
  void Add(const ContractTerms& c) {
    amount += c.amount;
    if (c.advance_bp) {
      own_advance_x += static_cast<Int128>(c.amount.value()) * *c.advance_bp;
    } else {
      policy_rate_amount += c.amount;
    }
  }
  /// Σ advance rate × contract on `date`, in fen × bp.
  Int128 AdvanceX(const PolicySet& policy, Date date) const {
    return own_advance_x + policy_rate_amount.value() * policy.ValueAt(PolicyKey::kAdvanceCapBp, date);
  }
};

/// The cap on `date`: max(advance, progress × contract), at most (1 − retention) × contract
/// while the retention is held; rounded down once, to the fen.
FenTotal CapOf(const SignedContracts& c, std::int32_t progress_bp, const std::optional<Date>& accepted_on,
               const PolicySet& policy, Date date) {
  Int128 cap_x = std::max(c.AdvanceX(policy, date), c.amount.value() * progress_bp);
  if (RetentionHeld(accepted_on, policy, date)) {
    cap_x = std::min(cap_x, c.amount.value() * (kBpPerUnit - policy.ValueAt(PolicyKey::kRetentionBp, date)));
  }
  return FloorBp(cap_x);
}

}  // namespace

bool RetentionHeld(const std::optional<Date>& accepted_on, const PolicySet& policy, Date date) {
  if (!accepted_on) return true;
  const auto months = static_cast<int>(policy.ValueAt(PolicyKey::kDefectsLiabilityMonths, date));
  return date < accepted_on->AddMonths(std::max(months, 0));
}

PayAheadStatus EvaluatePayAhead(const PayAheadInput& input, const PolicySet& policy, Date date) {
  PayAheadStatus s;
  SignedContracts signed_by;
  for (const ContractTerms& c : input.contracts) {
    if (c.signed_on <= date) signed_by.Add(c);
  }
  s.contract = signed_by.amount;
  s.advance = FloorBp(signed_by.AdvanceX(policy, date));
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
  s.retention_held = RetentionHeld(input.accepted_on, policy, date);
  if (s.contract.value() <= 0) return s;
  s.cap = CapOf(signed_by, s.progress_bp, input.accepted_on, policy, date);
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
  std::map<std::int64_t, FenTotal> by_bucket;
  FenTotal left = s.excess;
  for (const ProjectPayment* p : counted) {
    if (left.value() <= 0) break;
    const FenTotal take = std::min(left, FenTotal(p->amount));
    by_bucket[p->bucket] += take;
    left -= take;
  }
  for (const auto& [bucket, amount] : by_bucket) out.push_back({bucket, amount});
  return out;
}

std::vector<Date> PayAheadEventDates(const PayAheadInput& input, const PolicySet& policy) {
  std::vector<Date> dates;
  for (const ContractTerms& c : input.contracts) dates.push_back(c.signed_on);
  for (const auto& r : input.progress) dates.push_back(r.first);
  for (const ProjectPayment& p : input.payments) {
    dates.push_back(p.date);
    if (p.reversed_on) dates.push_back(*p.reversed_on);
  }
  for (std::string_view key : {PolicyKey::kAdvanceCapBp, PolicyKey::kRetentionBp, PolicyKey::kDefectsLiabilityMonths}) {
    for (Date d : policy.ChangeDates(key)) dates.push_back(d);
  }
  if (input.accepted_on) {
    // The retention is released on acceptance + N months, for whichever N is in force then.
    for (std::int64_t months : policy.Values(PolicyKey::kDefectsLiabilityMonths)) {
      dates.push_back(input.accepted_on->AddMonths(static_cast<int>(std::max<std::int64_t>(months, 0))));
    }
  }
  std::sort(dates.begin(), dates.end());
  dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
  return dates;
}

std::vector<PayAheadChange> PayAheadChanges(const PayAheadInput& input, const PolicySet& policy) {
  // Step functions of the date, swept once: contracts signed, payments counted (from their
  // date until their reversal), and the latest progress report (the last one given of a day).
  std::vector<std::pair<Date, std::int64_t>> paid_steps;
  std::vector<const ContractTerms*> contract_steps;
  for (const ContractTerms& c : input.contracts) contract_steps.push_back(&c);
  for (const ProjectPayment& p : input.payments) {
    if (p.reversed_on && *p.reversed_on <= p.date) continue;  // never counts
    paid_steps.emplace_back(p.date, p.amount.value());
    if (p.reversed_on) paid_steps.emplace_back(*p.reversed_on, -p.amount.value());
  }
  std::vector<std::pair<Date, std::size_t>> reports;
  for (std::size_t i = 0; i < input.progress.size(); ++i) reports.emplace_back(input.progress[i].first, i);
  std::sort(contract_steps.begin(), contract_steps.end(),
            [](const ContractTerms* a, const ContractTerms* b) { return a->signed_on < b->signed_on; });
  std::sort(paid_steps.begin(), paid_steps.end());
  std::sort(reports.begin(), reports.end());

  std::vector<PayAheadChange> out;
  std::map<std::int64_t, FenTotal> prev;
  std::size_t ci = 0, pi = 0, ri = 0;
  SignedContracts contract;
  FenTotal paid;
  std::int32_t progress_bp = 0;
  for (Date d : PayAheadEventDates(input, policy)) {
    for (; ci < contract_steps.size() && contract_steps[ci]->signed_on <= d; ++ci) contract.Add(*contract_steps[ci]);
    for (; pi < paid_steps.size() && paid_steps[pi].first <= d; ++pi) paid += Fen(paid_steps[pi].second);
    for (; ri < reports.size() && reports[ri].first <= d; ++ri) progress_bp = input.progress[reports[ri].second].second;
    const bool excess =
        contract.amount.value() > 0 && paid > CapOf(contract, progress_bp, input.accepted_on, policy, d);
    if (!excess && prev.empty()) continue;
    std::map<std::int64_t, FenTotal> cur;
    if (excess) {
      for (const BucketAmount& b : AttributePayAhead(input, policy, d)) cur[b.bucket] = b.amount;
    }
    auto p = prev.begin();
    auto c = cur.begin();
    while (p != prev.end() || c != cur.end()) {  // both ascending by bucket
      if (c == cur.end() || (p != prev.end() && p->first < c->first)) {
        out.push_back({d, {p->first, -p->second}});
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
