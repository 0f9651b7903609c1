// Inquiries and determinations on flags (问询 → 认定, issue #18 point 6): finance (or a
// supervisor) sends an inquiry on a flag, the county answers, finance determines; a rejected
// 以拨代支 determination takes the entry out of assessed progress's deduction (docs/definitions.md §11).
#include <algorithm>

#include <nlohmann/json.hpp>

#include "app/app.hpp"

namespace xj {
namespace {

/// The county holding `at` (itself when it is a county or lies above one).
RegionIndex UnitOf(const RegionTree& tree, RegionIndex at) {
  for (RegionIndex i = at; i != kNoRegion; i = tree.node(i).parent) {
    if (tree.node(i).region.level == RegionLevel::kCounty) return i;
  }
  return at;
}

InquiryView InquiryViewOf(const Inquiry& q, const RegionTree& tree, Date today) {
  InquiryView v;
  v.inquiry = q;
  const RegionIndex at = tree.Find(q.region_code);
  if (at != kNoRegion) {
    v.region_name = tree.node(at).region.name;
    const RegionIndex unit = UnitOf(tree, at);
    v.unit_code = tree.node(unit).region.code;
    v.unit_name = tree.node(unit).region.name;
  }
  v.overdue = q.status == InquiryStatus::kSent && q.due_on && *q.due_on < today;
  return v;
}

std::string Snapshot(const Inquiry& q) {
  return nlohmann::json{{"status", InquiryStatusName(q.status)},
                        {"answer", q.answer},
                        {"evidence", q.evidence},
                        {"outcome", InquiryOutcomeName(q.outcome)},
                        {"violation_type", q.violation_type},
                        {"recover_fen", q.recover_amount.value()},
                        {"reaccount_fen", q.reaccount_amount.value()},
                        {"measures", q.measures},
                        {"reason", q.reason},
                        {"version", q.version}}
      .dump();
}

}  // namespace

Result<InquiryView> App::SendInquiry(const Actor& actor, const NewInquiry& request) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kSendInquiry));
  if (!IsInquiryFlagKind(request.flag_kind)) {
    return Status::InvalidArgument("只能对以拨代支、超进度拨款、超安排支出预警发出问询：" + request.flag_kind)
        .WithReason("unsupported_kind");
  }
  if (request.subject.empty()) return Status::MissingField("须写明预警对象（subject：凭证号或项目编码）");
  if (request.questions.empty()) return Status::MissingField("须写明问询事项（questions）");
  std::int64_t id = 0;
  {
    std::lock_guard write(write_mu_);
    XJ_ASSIGN_OR_RETURN(FlagDetail flag, FindFlag(request.flag_kind, request.subject, Today()));
    const Flag& f = flag.item.flag;
    XJ_RETURN_IF_ERROR(Authorize(actor, Action::kSendInquiry, f.region_code));
    XJ_ASSIGN_OR_RETURN(std::vector<Inquiry> known, store_->ListInquiries());
    for (const Inquiry& k : known) {
      if (k.flag_kind == request.flag_kind && k.subject == request.subject) {
        return Status::AlreadyExists("该预警已有问询单 " + std::to_string(k.id)).WithReason("inquiry_exists");
      }
    }
    Inquiry q;
    q.flag_kind = request.flag_kind;
    q.subject = request.subject;
    q.region_code = f.region_code;
    q.project_code = f.project_code;
    q.amount = f.amount;
    q.questions = request.questions;
    q.due_on = request.due_on;
    q.sent_by = actor.username;
    q.sent_at = Now();
    q.updated_at = q.sent_at;
    XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
      XJ_ASSIGN_OR_RETURN(id, store_->InsertInquiry(q));
      q.id = id;
      XJ_RETURN_IF_ERROR(store_->InsertInquiryEvent(
          {0, id, "send", InquiryStatus::kSent, InquiryStatus::kSent, actor.username, q.sent_at, q.questions}));
      return AppendAudit(actor, "inquiry.send", "inquiry", std::to_string(id), q.region_code, "", Snapshot(q));
    }));
  }
  return GetInquiry(actor, id);
}

Result<std::vector<InquiryView>> App::ListInquiries(const Actor& actor, const InquiryQuery& query) const {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kRead));
  if (!query.region_code.empty()) XJ_RETURN_IF_ERROR(Authorize(actor, Action::kRead, query.region_code));
  std::optional<InquiryStatus> status;
  if (!query.status.empty()) {
    status = ParseInquiryStatus(query.status);
    if (!status) {
      return Status::InvalidArgument("未知的问询状态：" + query.status + "（sent|answered|determined）")
          .WithReason("unknown_status");
    }
  }
  std::optional<InquiryOutcome> outcome;
  if (!query.outcome.empty()) {
    outcome = ParseInquiryOutcome(query.outcome);
    if (!outcome) {
      return Status::InvalidArgument("未知的认定结论：" + query.outcome + "（none|confirmed|rejected）")
          .WithReason("unknown_outcome");
    }
  }
  if (!query.flag_kind.empty() && !IsInquiryFlagKind(query.flag_kind)) {
    return Status::InvalidArgument("未知的问询预警类型：" + query.flag_kind).WithReason("unsupported_kind");
  }
  auto tree = regions();
  const std::string& within = query.region_code.empty() ? actor.region_code : query.region_code;
  const RegionIndex root = within.empty() ? kNoRegion : tree->Find(within);
  if (!within.empty() && root == kNoRegion) return Status::PermissionDenied("所属区划不存在");
  XJ_ASSIGN_OR_RETURN(std::vector<Inquiry> all, store_->ListInquiries());
  const Date today = Today();
  std::vector<InquiryView> out;
  for (const Inquiry& q : all) {
    const RegionIndex at = tree->Find(q.region_code);
    if (at == kNoRegion || (root != kNoRegion && !tree->Contains(root, at)) || !InScope(actor, q.region_code)) {
      continue;
    }
    if (status && q.status != *status) continue;
    if (outcome && q.outcome != *outcome) continue;
    if (!query.flag_kind.empty() && q.flag_kind != query.flag_kind) continue;
    out.push_back(InquiryViewOf(q, *tree, today));
  }
  std::reverse(out.begin(), out.end());
  return out;
}

Result<InquiryView> App::GetInquiry(const Actor& actor, std::int64_t id) const {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kRead));
  XJ_ASSIGN_OR_RETURN(std::optional<Inquiry> q, store_->FindInquiry(id));
  if (!q) return Status::NotFound("问询单不存在：" + std::to_string(id));
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kRead, q->region_code));
  InquiryView view = InquiryViewOf(*q, *regions(), Today());
  XJ_ASSIGN_OR_RETURN(view.events, store_->ListInquiryEvents(id));
  return view;
}

Result<InquiryView> App::AnswerInquiry(const Actor& actor, std::int64_t id, const InquiryAnswer& answer) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kAnswerSupervision));
  {
    std::lock_guard write(write_mu_);
    XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
      XJ_ASSIGN_OR_RETURN(std::optional<Inquiry> q, store_->FindInquiry(id));
      if (!q) return Status::NotFound("问询单不存在：" + std::to_string(id));
      XJ_RETURN_IF_ERROR(Authorize(actor, Action::kAnswerSupervision, q->region_code));
      // The unit addressed answers: the actor's home lies within it (the county or below).
      auto tree = regions();
      const RegionIndex at = tree->Find(q->region_code);
      if (at == kNoRegion) return Status::Internal("问询单 " + std::to_string(id) + " 的区划不存在：" + q->region_code);
      const RegionIndex home = tree->Find(actor.region_code);
      if (actor.role != Role::kSystem && (home == kNoRegion || !tree->Contains(UnitOf(*tree, at), home))) {
        return Status::PermissionDenied("问询单由被问询的县级单位答复：" + tree->node(UnitOf(*tree, at)).region.name);
      }
      XJ_ASSIGN_OR_RETURN(Inquiry after, xj::AnswerInquiry(*q, answer));
      after.answered_by = actor.username;
      after.answered_at = Now();
      after.updated_at = after.answered_at;
      XJ_RETURN_IF_ERROR(store_->UpdateInquiry(after, q->version));
      XJ_RETURN_IF_ERROR(store_->InsertInquiryEvent(
          {0, id, "answer", q->status, after.status, actor.username, after.answered_at, answer.answer}));
      return AppendAudit(actor, "inquiry.answer", "inquiry", std::to_string(id), q->region_code, Snapshot(*q),
                         Snapshot(after));
    }));
  }
  return GetInquiry(actor, id);
}

Result<InquiryView> App::DetermineInquiry(const Actor& actor, std::int64_t id,
                                          const InquiryDetermination& determination) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kDetermineInquiry));
  {
    std::lock_guard write(write_mu_);
    XJ_ASSIGN_OR_RETURN(std::optional<Inquiry> q, store_->FindInquiry(id));
    if (!q) return Status::NotFound("问询单不存在：" + std::to_string(id));
    XJ_RETURN_IF_ERROR(Authorize(actor, Action::kDetermineInquiry, q->region_code));
    XJ_ASSIGN_OR_RETURN(Inquiry after, xj::DetermineInquiry(*q, determination));
    after.determined_by = actor.username;
    after.determined_at = Now();
    after.updated_at = after.determined_at;
    // A rejected flag is closed with the determination's reason (its work state, flags.cpp).
    std::optional<Flag> flag_before;
    if (after.outcome == InquiryOutcome::kRejected) {
      // A project's flag may no longer hold today (its excess gone): nothing is left to close then.
      Result<FlagDetail> d = FindFlag(q->flag_kind, q->subject, Today());
      if (!d.ok() && d.status().code() != ErrorCode::kNotFound) return d.status();
      if (d.ok() && d->item.flag.status != FlagStatus::kClosed) flag_before = d->item.flag;
    }
    XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
      XJ_RETURN_IF_ERROR(store_->UpdateInquiry(after, q->version));
      XJ_RETURN_IF_ERROR(
          store_->InsertInquiryEvent({0, id, "determine", q->status, after.status, actor.username, after.determined_at,
                                      std::string(InquiryOutcomeName(after.outcome)) + "：" + after.reason}));
      XJ_RETURN_IF_ERROR(AppendAudit(actor, "inquiry.determine", "inquiry", std::to_string(id), q->region_code,
                                     Snapshot(*q), Snapshot(after)));
      if (!flag_before) return Status::Ok();
      Flag flag = *flag_before;
      flag.status = FlagStatus::kClosed;
      flag.reason = "问询 " + std::to_string(id) + " 认定不成立：" + after.reason;
      flag.updated_at = after.determined_at;
      if (flag.id == 0) {
        flag.version = 1;
        XJ_ASSIGN_OR_RETURN(flag.id, store_->InsertFlag(flag));
      } else {
        XJ_RETURN_IF_ERROR(store_->UpdateFlagState(flag, flag_before->version));
      }
      XJ_RETURN_IF_ERROR(store_->AppendFlagEvent(
          {flag.id, flag.updated_at, actor.username, FlagAction::kClose, flag.status, flag.assignee, flag.reason}));
      auto state = [](const Flag& f) {
        return nlohmann::json{{"status", FlagStatusName(f.status)}, {"assignee", f.assignee}, {"reason", f.reason}}
            .dump();
      };
      return AppendAudit(actor, "flag.close", "flag", q->flag_kind + ":" + q->subject, q->region_code,
                         state(*flag_before), state(flag));
    }));
    if (ClearsDisburseAsExpend(after)) {
      std::unique_lock lock(state_mu_);
      engine_->ClearDisburseAsExpend({after.subject});
    }
  }
  return GetInquiry(actor, id);
}

}  // namespace xj
