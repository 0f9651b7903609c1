#include "domain/posting.hpp"

#include "domain/transition_gate.hpp"

namespace xj {

bool PostingRequiredFor(std::string_view action) {
  // 县级审定入库 is announced before the project enters the library (村申报、乡审核、县审定，逐级公示).
  return action == "admit";
}

Date PostingEnd(Date start, int days) {
  return start.AddDays(days - 1);
}

std::string CheckPostingPeriod(int days, int min_days) {
  if (days < min_days) {
    return "公示期为 " + std::to_string(days) + " 天，不得少于 " + std::to_string(min_days) + " 天";
  }
  return "";
}

std::string PostingBlocker(std::string_view action, const std::vector<Posting>& postings,
                           const std::vector<Objection>& objections, Date today) {
  return PostingGate(action, postings, objections, today).message;
}

}  // namespace xj
