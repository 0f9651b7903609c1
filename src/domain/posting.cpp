#include "domain/posting.hpp"

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
  if (!PostingRequiredFor(action)) return "";
  const Posting* ended = nullptr;
  const Posting* running = nullptr;
  for (const Posting& p : postings) {
    if (p.stage != action) continue;
    if (p.end < today) {
      ended = &p;
    } else if (!running || p.end < running->end) {
      running = &p;
    }
  }
  if (!ended) {
    if (running) {
      return "公示期未满：公示至 " + running->end.ToString() + "，" + running->end.AddDays(1).ToString() +
             " 起方可办理";
    }
    return "尚未公示：须先在公示地点公示不少于规定天数";
  }
  std::string open;
  for (const Objection& o : objections) {
    if (o.resolved) continue;
    for (const Posting& p : postings) {
      if (p.id == o.posting_id && p.stage == action) {
        open += (open.empty() ? "" : "；") + o.received_on.ToString() + " " + o.text;
      }
    }
  }
  if (!open.empty()) return "公示期间有未处理的异议：" + open;
  return "";
}

}  // namespace xj
