#include "domain/pay_ahead.hpp"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>

namespace xj {
namespace domain_pay_ahead_test {

/// The definition PayAheadChanges must equal: AttributePayAhead on every event date, diffed
/// with the previous event date's (buckets ascending).
std::vector<PayAheadChange> DiffOfAttributions(const PayAheadInput& input, const PolicySet& policy) {
  std::vector<PayAheadChange> out;
  std::map<std::int64_t, FenTotal> prev;
  for (Date d : PayAheadEventDates(input, policy)) {
    std::map<std::int64_t, FenTotal> cur;
    for (const BucketAmount& b : AttributePayAhead(input, policy, d)) cur[b.bucket] = b.amount;
    std::set<std::int64_t> buckets;
    for (const auto& [k, v] : prev) buckets.insert(k);
    for (const auto& [k, v] : cur) buckets.insert(k);
    for (std::int64_t k : buckets) {
      const FenTotal delta = (cur.count(k) ? cur[k] : FenTotal()) - (prev.count(k) ? prev[k] : FenTotal());
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
        c.date.ToString() + " b" + std::to_string(c.delta.bucket) + " " + Int128ToString(c.delta.amount.value()) + "; ";
  }
  return s;
}

TEST(PayAheadChangesTest, HandWorkedProjectOverTime) {
  // Default policy: advance cap 30 %, retention 3 %. Contract 1,000,000 fen signed 03-01.
  PayAheadInput in;
  const Date d0 = Date::FromYmd(2023, 3, 1);
  in.contracts = {{d0, Fen(1'000'000), std::nullopt}};
  in.payments = {{1, d0.AddDays(1), Fen(900'000), std::nullopt, 7},    // 03-02, bucket 7
                 {2, d0.AddDays(2), Fen(200'000), d0.AddDays(5), 8}};  // 03-03, bucket 8, reversed 03-06
  in.progress = {{d0.AddDays(10), 9'000}};                             // 90 % on 03-11
  // 03-02: cap max(30 %, 0 %) = 300,000, paid 900,000 → 600,000 on the latest payment (bucket 7).
  // 03-03: paid 1,100,000 → 800,000: the 03-03 payment first (200,000 to bucket 8), the rest stays.
  // 03-06: the reversal → 600,000 again, bucket 8 back to 0.
  // 03-11: cap max(30 %, 90 %) = 900,000 (under 97 %) = paid → nothing in excess.
  const std::vector<PayAheadChange> changes = PayAheadChanges(in, PolicySet::Defaults());
  EXPECT_EQ(Describe(changes),
            "2023-03-02 b7 600000; 2023-03-03 b8 200000; 2023-03-06 b8 -200000; 2023-03-11 b7 -600000; ");
}

TEST(PayAheadTest, CapIsTheLargerOfAdvanceAndProgressNotTheirSum) {
  // Contract 1,000,000 fen, progress 50 %: cap max(300,000, 500,000) = 500,000. Paid 600,000 →
  // 100,000 ahead (the old advance + progress − retention rule allowed 770,000).
  PayAheadInput in;
  const Date d0 = Date::FromYmd(2023, 3, 1);
  in.contracts = {{d0, Fen(1'000'000), std::nullopt}};
  in.progress = {{d0, 5'000}};
  in.payments = {{1, d0.AddDays(1), Fen(600'000), std::nullopt, 1}};
  const PayAheadStatus s = EvaluatePayAhead(in, PolicySet::Defaults(), d0.AddDays(1));
  EXPECT_EQ(s.cap, Fen(500'000));
  EXPECT_EQ(s.excess, Fen(100'000));
  // Progress 20 % is under the advance rate: the advance (300,000) is the cap.
  in.progress = {{d0, 2'000}};
  EXPECT_EQ(EvaluatePayAhead(in, PolicySet::Defaults(), d0.AddDays(1)).cap, Fen(300'000));
}

TEST(PayAheadTest, EachContractMayCarryItsOwnAdvanceRate) {
  // Two contracts signed 03-01: 600,000 fen at its own 10 %, 400,000 fen at the policy's 30 %.
  // Advance = 60,000 + 120,000 = 180,000; no progress yet, so the cap is 180,000. Paid 200,000
  // → 20,000 ahead. Progress 25 % of 1,000,000 = 250,000 then lifts the cap above the payment.
  PayAheadInput in;
  const Date d0 = Date::FromYmd(2023, 3, 1);
  in.contracts = {{d0, Fen(600'000), 1'000}, {d0, Fen(400'000), std::nullopt}};
  in.payments = {{1, d0.AddDays(1), Fen(200'000), std::nullopt, 1}};
  PayAheadStatus s = EvaluatePayAhead(in, PolicySet::Defaults(), d0.AddDays(1));
  EXPECT_EQ(s.contract, Fen(1'000'000));
  EXPECT_EQ(s.advance, Fen(180'000));
  EXPECT_EQ(s.cap, Fen(180'000));
  EXPECT_EQ(s.excess, Fen(20'000));
  in.progress = {{d0.AddDays(2), 2'500}};
  EXPECT_EQ(EvaluatePayAhead(in, PolicySet::Defaults(), d0.AddDays(2)).excess, Fen());
  // A policy change of the default rate moves only the contract without its own rate.
  const PolicySet higher = PolicySet::WithChanges({{std::string(PolicyKey::kAdvanceCapBp), d0.AddDays(1), 4'000}});
  EXPECT_EQ(EvaluatePayAhead(in, higher, d0.AddDays(1)).advance, Fen(220'000));
}

TEST(PayAheadTest, RetentionHeldUntilTheDefectsLiabilityPeriodEnds) {
  // Contract 1,000,000 fen signed 2023-03-01; 100 % progress on 2023-10-01; 竣工验收 2023-10-20.
  // Paid 300,000 on 03-02 and 700,000 on 10-05 = the whole contract. Until 2025-10-20 (24 months
  // after acceptance) the cap is 97 % = 970,000: 30,000 ahead, on the 10-05 payment. From
  // 2025-10-20 on the retention is released: cap 1,000,000, nothing ahead. (The old rule
  // allowed 127 % of the contract at completion.)
  PayAheadInput in;
  in.contracts = {{Date::FromYmd(2023, 3, 1), Fen(1'000'000), std::nullopt}};
  in.progress = {{Date::FromYmd(2023, 10, 1), 10'000}};
  in.payments = {{1, Date::FromYmd(2023, 3, 2), Fen(300'000), std::nullopt, 1},
                 {2, Date::FromYmd(2023, 10, 5), Fen(700'000), std::nullopt, 2}};
  in.accepted_on = Date::FromYmd(2023, 10, 20);
  const PolicySet policy = PolicySet::Defaults();
  PayAheadStatus before = EvaluatePayAhead(in, policy, Date::FromYmd(2025, 10, 19));
  EXPECT_TRUE(before.retention_held);
  EXPECT_EQ(before.cap, Fen(970'000));
  EXPECT_EQ(before.excess, Fen(30'000));
  PayAheadStatus after = EvaluatePayAhead(in, policy, Date::FromYmd(2025, 10, 20));
  EXPECT_FALSE(after.retention_held);
  EXPECT_EQ(after.cap, Fen(1'000'000));
  EXPECT_EQ(after.excess, Fen());
  EXPECT_EQ(Describe(PayAheadChanges(in, policy)), "2023-10-05 b2 30000; 2025-10-20 b2 -30000; ");

  // Without a recorded acceptance the retention is held for good.
  in.accepted_on.reset();
  EXPECT_EQ(EvaluatePayAhead(in, policy, Date::FromYmd(2030, 1, 1)).excess, Fen(30'000));

  // A shorter period in force on the day it would end releases it earlier: 12 months from
  // 2024-06-01 → released on 2024-10-20.
  in.accepted_on = Date::FromYmd(2023, 10, 20);
  const PolicySet shorter =
      PolicySet::WithChanges({{std::string(PolicyKey::kDefectsLiabilityMonths), Date::FromYmd(2024, 6, 1), 12}});
  EXPECT_EQ(EvaluatePayAhead(in, shorter, Date::FromYmd(2024, 10, 19)).excess, Fen(30'000));
  EXPECT_EQ(EvaluatePayAhead(in, shorter, Date::FromYmd(2024, 10, 20)).excess, Fen());
  EXPECT_EQ(Describe(PayAheadChanges(in, shorter)), "2023-10-05 b2 30000; 2024-10-20 b2 -30000; ");
}

TEST(PayAheadChangesTest, EqualsTheDiffOfAttributionsOnRandomProjects) {
  std::mt19937_64 rng(20261128);
  auto pick = [&](int lo, int hi) { return static_cast<int>(rng() % static_cast<unsigned>(hi - lo + 1)) + lo; };
  const Date start = Date::FromYmd(2024, 2, 20);  // spans 29 February
  int with_changes = 0;
  for (int iteration = 0; iteration < 3'000; ++iteration) {
    PayAheadInput in;
    for (int i = pick(0, 3); i > 0; --i)
      in.contracts.push_back({start.AddDays(pick(0, 40)), Fen(pick(1, 5) * 100'000),
                              pick(0, 1) ? std::optional<std::int32_t>(pick(0, 5'000)) : std::nullopt});
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
    if (pick(0, 2) == 0) in.accepted_on = start.AddDays(pick(0, 40));
    if (pick(0, 2) == 0) {
      policy_changes.push_back(
          {std::string(PolicyKey::kDefectsLiabilityMonths), start.AddDays(pick(0, 60)), pick(0, 2)});
    }
    const PolicySet policy = PolicySet::WithChanges(policy_changes);
    const std::vector<PayAheadChange> fast = PayAheadChanges(in, policy);
    const std::vector<PayAheadChange> slow = DiffOfAttributions(in, policy);
    ASSERT_EQ(Describe(fast), Describe(slow)) << "iteration " << iteration;
    if (!slow.empty()) ++with_changes;
  }
  EXPECT_GT(with_changes, 300);  // the comparison saw real excesses, not only empty schedules
}

}  // namespace domain_pay_ahead_test
}  // namespace xj
