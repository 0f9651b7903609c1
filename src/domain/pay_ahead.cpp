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
  const std::int64_t share_bp =
      policy.ValueAt(PolicyKey::kAdvanceCapBp, date) + s.progress_bp - policy.ValueAt(PolicyKey::kRetentionBp, date);
  const Int128 cap_x = static_cast<Int128>(s.contract.value()) * share_bp;
  // Floor division (toward −∞) so a fractional fen never hides an excess.
  Int128 q = cap_x / kBpPerUnit;
  if (cap_x % kBpPerUnit != 0 && cap_x < 0) --q;
  s.cap = Fen(static_cast<std::int64_t>(q));
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

}  // namespace xj
