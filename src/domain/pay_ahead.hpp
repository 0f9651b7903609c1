#pragma once
/// 超进度拨款 (payment ahead of physical progress), docs/definitions.md: cumulative payments
/// on a contracted project beyond max(advance rate × contract, latest progress × contract),
/// and never beyond contract × (1 − retention) until the defects-liability period (缺陷责任期)
/// after 竣工验收 has ended.

#include <cstdint>
#include <optional>
#include <vector>

#include "core/date.hpp"
#include "core/money.hpp"
#include "domain/policy.hpp"

namespace xj {

/// One payment (an `expend` to a non-government payee) on the project.
struct ProjectPayment {
  std::int64_t seq = 0;  ///< commit order; breaks ties between same-day payments
  Date date;
  Fen amount;
  std::optional<Date> reversed_on;  ///< the payment stops counting from this date
  std::int64_t bucket = 0;          ///< caller's label (region, fund source, fund year) the flagged share is booked to
};

/// One signed contract as the check sees it.
struct ContractTerms {
  Date signed_on;
  Fen amount;
  std::optional<std::int32_t> advance_bp;  ///< its own advance rate (预付款比例); the policy's when absent
};

/// Everything the check needs about one project.
struct PayAheadInput {
  std::vector<ContractTerms> contracts;
  std::vector<std::pair<Date, std::int32_t>> progress;  ///< report date, progress in bp (45.5% = 4550), in report order
  std::vector<ProjectPayment> payments;
  /// The date of 竣工验收 (the `accept` step), when recorded: the defects-liability period runs
  /// from it. Without it the retention is held.
  std::optional<Date> accepted_on;
};

/// The state of the check on one date.
struct PayAheadStatus {
  FenTotal contract;             ///< Σ contracts signed on or before the date
  std::int32_t progress_bp = 0;  ///< latest report on or before the date (0 when none)
  FenTotal paid;                 ///< Σ payments counted on the date
  FenTotal advance;              ///< Σ advance rate × contract (each contract's own rate or the policy's)
  FenTotal cap;                  ///< max(advance, progress × contract), at most contract × (1 − retention)
                                 ///< while the retention is held; rounded down to the fen
  FenTotal excess;               ///< max(0, paid − cap); 0 when no contract is signed yet
  bool retention_held = true;    ///< the defects-liability period has not ended (or no 竣工验收 yet)
};

/// Whether the retention is still held on `date`: no 竣工验收 recorded, or `date` is before
/// the acceptance date + the policy's defects-liability months (as in force on `date`).
bool RetentionHeld(const std::optional<Date>& accepted_on, const PolicySet& policy, Date date);

/// The check as of `date`. Without a signed contract nothing can be judged: excess 0.
PayAheadStatus EvaluatePayAhead(const PayAheadInput& input, const PolicySet& policy, Date date);

/// The excess booked to buckets: the payments that went over the cap are the latest
/// ones (latest date first, then latest seq), so the excess is attributed to them.
struct BucketAmount {
  std::int64_t bucket = 0;
  FenTotal amount;
};
std::vector<BucketAmount> AttributePayAhead(const PayAheadInput& input, const PolicySet& policy, Date date);

/// Every date on which the result can change: payment, reversal, contract, progress,
/// policy-change and retention-release dates, ascending and unique.
std::vector<Date> PayAheadEventDates(const PayAheadInput& input, const PolicySet& policy);

/// A change of the excess attributed to one bucket, from `date` on.
struct PayAheadChange {
  Date date;
  BucketAmount delta;
};
/// How the attributed excess changes over time: on each event date, for each bucket whose
/// AttributePayAhead amount differs from the previous event date's, the difference (buckets
/// ascending). One sweep over the dates: a date on which nothing is in excess costs O(1).
std::vector<PayAheadChange> PayAheadChanges(const PayAheadInput& input, const PolicySet& policy);

}  // namespace xj
