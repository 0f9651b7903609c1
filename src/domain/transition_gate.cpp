#include "domain/transition_gate.hpp"

namespace xj {

bool CountyStep(std::string_view action) {
  return action == "county_review" || action == "admit";
}

std::string MissingProcedures(const std::vector<ProcedureStatus>& procedures) {
  std::string missing;
  for (ProcedureKind k : AllProcedureKinds()) {
    bool done = false;
    for (const ProcedureStatus& p : procedures) done = done || (p.kind == k && p.complete && !p.document_ref.empty());
    if (!done) missing += (missing.empty() ? "" : "、") + std::string(ProcedureKindLabel(k));
  }
  return missing;
}

TransitionBlocker PostingGate(std::string_view action, const std::vector<Posting>& postings,
                              const std::vector<Objection>& objections, Date today) {
  if (!PostingRequiredFor(action)) return {};
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
      return {kBlockPosting, "公示期未满：公示至 " + running->end.ToString() + "，" +
                                 running->end.AddDays(1).ToString() + " 起方可办理"};
    }
    return {kBlockPosting, "尚未公示：须先在公示地点公示不少于规定天数"};
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
  if (!open.empty()) return {kBlockObjections, "公示期间有未处理的异议（须先登记处理结果）：" + open};
  return {};
}

std::vector<TransitionBlocker> TransitionBlockers(const Transition& t, const GateFacts& facts) {
  static const std::vector<ProcedureStatus> kNoProcedures;
  static const std::vector<Posting> kNoPostings;
  static const std::vector<Objection> kNoObjections;
  std::vector<TransitionBlocker> out;
  if (t.needs_procedures) {
    const std::string missing = MissingProcedures(facts.procedures ? *facts.procedures : kNoProcedures);
    if (!missing.empty()) {
      out.push_back({kBlockProcedures, "前置手续未完备：缺少" + missing + "（需标记完成并填写批复文号）"});
    }
  }
  if (t.action == "admit" && facts.joint_review && !facts.joint_review->complete()) {
    out.push_back({kBlockSignoffs, "联审联批未完成：" + facts.joint_review->Missing()});
  }
  TransitionBlocker posting = PostingGate(t.action, facts.postings ? *facts.postings : kNoPostings,
                                          facts.objections ? *facts.objections : kNoObjections, facts.today);
  if (!posting.message.empty()) out.push_back(std::move(posting));
  if (t.action == "roll_over" && facts.ledger_entries > 0) {
    // Only an unfunded project moves to next year's library: money already booked on it stays with this year.
    out.push_back({kBlockLedger, "已有 " + std::to_string(facts.ledger_entries) +
                                     " 条资金台账记录，已安排资金的项目不能结转下年（可撤项或继续实施）"});
  }
  return out;
}

}  // namespace xj
