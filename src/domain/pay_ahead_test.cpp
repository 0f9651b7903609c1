#include "domain/pay_ahead.hpp"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>

namespace xj {
namespace {

/// The definition PayAheadChanges must equal: AttributePayAhead on every event date, diffed
/// with the previous event date's (buckets ascending).
std::vector<PayAheadChange> DiffOfAttributions(const PayAheadInput& input, const PolicySet& policy) {
  std::vector<PayAheadChange> out;
  std::map<std::int64_t, Fen> prev;
  for (Date d : PayAheadEventDates(input, policy)) {
    std::map<std::int64_t, Fen> cur;
    for (const BucketAmount& b : AttributePayAhead(input, policy, d)) cur[b.bucket] = b.amount;
    std::set<std::int64_t> buckets;
    for (const auto& [k, v] : prev) buckets.insert(k);
    for (const auto& [k, v] : cur) buckets.insert(k);
    for (std::int64_t k : buckets) {
      const Fen delta = (cur.count(k) ? cur[k] : Fen()) - (prev.count(k) ? prev[k] : Fen());
      if (delta.value() != 0) out.push_back({d, {k, delta}});
    }
    prev = std::move(cur);
  }
  return out;
}

std::string Describe(const std::vector<PayAheadChange>& changes) {
  std::string s;
  for (const PayAheadChange& c : changes) {
    s +=
        c.date.ToString() + " b" + std::to_string(c.delta.bucket) + " " + std::to_string(c.delta.amount.value()) + "; ";
  }
  return s;
}

TEST(PayAheadChangesTest, HandWorkedProjectOverTime) {
  // Default policy: advance cap 30 %, retention 3 %. Contract 1,000,000 fen signed 03-01.
  PayAheadInput in;
  const Date d0 = Date::FromYmd(2023, 3, 1);
  in.contracts = {{d0, Fen(1'000'000)}};
  in.payments = {{1, d0.AddDays(1), Fen(900'000), std::nullopt, 7},    // 03-02, bucket 7
                 {2, d0.AddDays(2), Fen(200'000), d0.AddDays(5), 8}};  // 03-03, bucket 8, reversed 03-06
  in.progress = {{d0.AddDays(10), 9'000}};                             // 90 % on 03-11
  // 03-02: cap 27 % = 270,000, paid 900,000 → 630,000 on the latest payment (bucket 7).
  // 03-03: paid 1,100,000 → 830,000: the 03-03 payment first (200,000 to bucket 8), the rest stays.
  // 03-06: the reversal → 630,000 again, bucket 8 back to 0.
  // 03-11: cap 117 % = 1,170,000 ≥ 900,000 → nothing in excess.
  const std::vector<PayAheadChange> changes = PayAheadChanges(in, PolicySet::Defaults());
  EXPECT_EQ(Describe(changes),
            "2023-03-02 b7 630000; 2023-03-03 b8 200000; 2023-03-06 b8 -200000; 2023-03-11 b7 -630000; ");
}

TEST(PayAheadChangesTest, EqualsTheDiffOfAttributionsOnRandomProjects) {
  std::mt19937_64 rng(20261128);
  auto pick = [&](int lo, int hi) { return static_cast<int>(rng() % static_cast<unsigned>(hi - lo + 1)) + lo; };
  const Date start = Date::FromYmd(2024, 2, 20);  // spans 29 February
  int with_changes = 0;
  for (int iteration = 0; iteration < 3'000; ++iteration) {
    PayAheadInput in;
    for (int i = pick(0, 3); i > 0; --i)
      in.contracts.emplace_back(start.AddDays(pick(0, 40)), Fen(pick(1, 5) * 100'000));
    for (int i = pick(0, 4); i > 0; --i) {
      in.progress.emplace_back(start.AddDays(pick(0, 40)), static_cast<std::int32_t>(pick(0, 10'000)));
    }
    for (int i = pick(0, 12); i > 0; --i) {
      ProjectPayment p;
      p.seq = pick(1, 1'000);
      p.date = start.AddDays(pick(0, 40));
      p.amount = Fen(pick(1, 300'000));
      if (pick(0, 3) == 0) p.reversed_on = start.AddDays(pick(0, 45));  // sometimes even before the payment
      p.bucket = pick(1, 3);
      in.payments.push_back(p);
    }
    std::vector<PolicyChange> policy_changes;
    if (pick(0, 2) == 0) {
      policy_changes.push_back({std::string(PolicyKey::kAdvanceCapBp), start.AddDays(pick(0, 40)), pick(0, 5'000)});
    }
    if (pick(0, 2) == 0) {
      policy_changes.push_back({std::string(PolicyKey::kRetentionBp), start.AddDays(pick(0, 40)), pick(0, 1'000)});
    }
    const PolicySet policy = PolicySet::WithChanges(policy_changes);
    const std::vector<PayAheadChange> fast = PayAheadChanges(in, policy);
    const std::vector<PayAheadChange> slow = DiffOfAttributions(in, policy);
    ASSERT_EQ(Describe(fast), Describe(slow)) << "iteration " << iteration;
    if (!slow.empty()) ++with_changes;
  }
  EXPECT_GT(with_changes, 300);  // the comparison saw real excesses, not only empty schedules
}

}  // namespace
}  // namespace xj
