#pragma once
/// 资金分配时效 (docs/definitions.md §12): how many days a unit takes to pass on what its superior
/// allocated to it — to its own children (onward allocation) and to projects (distribution).
/// Pure: the app feeds the receipts and the onward movements.

#include <concepts>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/money.hpp"

namespace xj {

/// One allocation a unit received from its superior (上级下达): its document id, date and amount.
struct TimelinessReceipt {
  std::string receipt_id;
  Date date;
  Fen amount;  ///< > 0
};

/// One change of the cumulative amount passed on (an onward allocation, a reversal of one: negative).
struct OnwardMovement {
  Date date;
  FenTotal amount;
};

/// How one receipt was passed on, as of a date.
struct ReceiptMeasure {
  std::string receipt_id;
  Date date;
  Fen amount;
  FenTotal cumulative;          ///< Σ received up to and including this receipt (date, then id order)
  std::optional<Date> done_on;  ///< the day the cumulative amount passed on covered `cumulative` for good
  std::int64_t days = 0;        ///< done_on − date, or as_of − date while not done (days running)
  std::int64_t limit_days = 0;
  bool breach = false;  ///< days > limit_days (day `limit_days` itself is within the limit)
};

/// Measures every receipt dated on or before `as_of` against the movements dated on or before it
/// (docs/definitions.md §12): receipts in date order (then id) cover the cumulative received
/// R_k; receipt k is passed on on the first day e from which the cumulative passed on O(d) ≥ R_k
/// holds on every day up to `as_of` — never before its own date (e earlier: 0 days). While
/// O(as_of) < R_k it is not done and its days run to `as_of`. `limit_of(receipt)` is the limit in
/// days for that receipt. Receipts and movements may come in any order.
template <class LimitOf>
requires std::invocable<LimitOf, const ReceiptMeasure&> std::vector<ReceiptMeasure> MeasureTimeliness(
    std::vector<TimelinessReceipt> receipts, std::vector<OnwardMovement> onward, Date as_of, LimitOf limit_of);

/// The same with one limit for every receipt.
std::vector<ReceiptMeasure> MeasureTimeliness(std::vector<TimelinessReceipt> receipts,
                                              std::vector<OnwardMovement> onward, Date as_of, std::int64_t limit_days);

namespace timeliness_detail {
/// The measures without limits (limit_days 0, breach false).
std::vector<ReceiptMeasure> Measure(std::vector<TimelinessReceipt> receipts, std::vector<OnwardMovement> onward,
                                    Date as_of);
}  // namespace timeliness_detail

template <class LimitOf>
requires std::invocable<LimitOf, const ReceiptMeasure&> std::vector<ReceiptMeasure> MeasureTimeliness(
    std::vector<TimelinessReceipt> receipts, std::vector<OnwardMovement> onward, Date as_of, LimitOf limit_of) {
  std::vector<ReceiptMeasure> out = timeliness_detail::Measure(std::move(receipts), std::move(onward), as_of);
  for (ReceiptMeasure& m : out) {
    m.limit_days = limit_of(m);
    m.breach = m.days > m.limit_days;
  }
  return out;
}

}  // namespace xj
