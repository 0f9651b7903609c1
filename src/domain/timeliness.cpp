#include "domain/timeliness.hpp"

#include <algorithm>
#include <map>

namespace xj {
namespace timeliness_detail {

std::vector<ReceiptMeasure> Measure(std::vector<TimelinessReceipt> receipts, std::vector<OnwardMovement> onward,
                                    Date as_of) {
  std::erase_if(receipts, [&](const TimelinessReceipt& r) { return r.date > as_of; });
  std::sort(receipts.begin(), receipts.end(), [](const TimelinessReceipt& a, const TimelinessReceipt& b) {
    if (a.date != b.date) return a.date < b.date;
    return a.receipt_id < b.receipt_id;
  });
  // The cumulative amount passed on after each day it changes, up to as_of.
  std::map<Date, FenTotal> by_day;
  for (const OnwardMovement& m : onward) {
    if (m.date <= as_of) by_day[m.date] += m.amount;
  }
  std::vector<std::pair<Date, FenTotal>> cumulative;
  FenTotal running;
  for (const auto& [day, delta] : by_day) {
    running += delta;
    cumulative.emplace_back(day, running);
  }
  std::vector<ReceiptMeasure> out;
  FenTotal received;
  for (TimelinessReceipt& r : receipts) {
    received += r.amount;
    ReceiptMeasure m;
    m.receipt_id = std::move(r.receipt_id);
    m.date = r.date;
    m.amount = r.amount;
    m.cumulative = received;
    // The last day the cumulative rose to R_k without falling below it again.
    std::optional<Date> covered_since;
    for (const auto& [day, total] : cumulative) {
      if (total >= received) {
        if (!covered_since) covered_since = day;
      } else {
        covered_since.reset();
      }
    }
    if (covered_since) {
      m.done_on = std::max(*covered_since, m.date);
      m.days = m.done_on->days() - m.date.days();
    } else {
      m.days = as_of.days() - m.date.days();
    }
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace timeliness_detail

std::vector<ReceiptMeasure> MeasureTimeliness(std::vector<TimelinessReceipt> receipts,
                                              std::vector<OnwardMovement> onward, Date as_of, std::int64_t limit_days) {
  return MeasureTimeliness(std::move(receipts), std::move(onward), as_of,
                           [limit_days](const ReceiptMeasure&) { return limit_days; });
}

}  // namespace xj
