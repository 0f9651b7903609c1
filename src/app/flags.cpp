// Flags as work items (问题预警): the list as of a date (engine-computed kinds merged with the
// kinds raised at payment and with every flag's work state), one flag with its history, the
// work steps, and the flags a ledger batch raises (over_arranged, negative_list).
#include <algorithm>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "app/app.hpp"

namespace xj {
namespace {

constexpr int kMaxFlagPageSize = 500;

std::string Yuan(FenTotal f) {
  return FormatYuan(f) + " 元";
}

/// Display order of the kinds (unknown kinds last).
int KindOrder(std::string_view kind) {
  int i = 0;
  for (std::string_view k : kFlagKinds) {
    if (k == kind) return i;
    ++i;
  }
  return i;
}

/// The work state of `stored` onto `item` (which holds what was found).
void Overlay(FlagItem& item, const Flag& stored) {
  Flag& f = item.flag;
  f.id = stored.id;
  f.status = stored.status;
  f.assignee = stored.assignee;
  f.reason = stored.reason;
  f.updated_at = stored.updated_at;
  f.version = stored.version;
}

/// The kinds of the gaming detectors (docs/definitions.md §20).
bool IsGamingKind(std::string_view kind) {
  return kind == FlagKind::kCutoffRush || kind == FlagKind::kTenderSplit || kind == FlagKind::kPayeeSpread ||
         kind == FlagKind::kMonthEndRound || kind == FlagKind::kGovAccountReturn;
}

/// Kinds the figures decide on each as-of date (a stored row holds only their work state).
bool IsComputedKind(std::string_view kind) {
  return kind == FlagKind::kDisburseAsExpend || kind == FlagKind::kPayAheadOfProgress ||
         kind == FlagKind::kLateAllocation || kind == FlagKind::kLateDistribution || IsGamingKind(kind);
}

std::string StateJson(const Flag& f) {
  return nlohmann::json{{"status", FlagStatusName(f.status)}, {"assignee", f.assignee}, {"reason", f.reason}}.dump();
}

}  // namespace

std::span<const FlagItem> FlagsReport::PageItems() const {
  if (page_size <= 0) return items;
  const std::size_t first = std::min(items.size(), static_cast<std::size_t>(page - 1) * page_size);
  const std::size_t last = std::min(items.size(), first + static_cast<std::size_t>(page_size));
  return std::span<const FlagItem>(items).subspan(first, last - first);
}

// ---------------------------------------------------------------- the list

Result<FlagsReport> App::Flags(const Actor& actor, const FlagQuery& q) const {
  const std::string region = q.region_code.empty() ? actor.region_code : q.region_code;
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kRead, region));
  if (!q.kind.empty() && !IsFlagKind(q.kind)) return Status::InvalidArgument("未知的预警类型：" + q.kind);
  std::optional<FlagStatus> status;
  if (!q.status.empty()) {
    status = ParseFlagStatus(q.status);
    if (!status) return Status::InvalidArgument("预警状态应为 open|explained|closed：" + q.status);
  }
  if (q.page < 1) return Status::InvalidArgument("page 应为正整数");
  if (q.page_size < 0 || q.page_size > kMaxFlagPageSize) {
    return Status::InvalidArgument("page_size 应在 1 到 " + std::to_string(kMaxFlagPageSize) + " 之间");
  }
  XJ_ASSIGN_OR_RETURN(std::vector<Flag> stored, store_->FindFlags({}));
  // 分配时效 (docs/definitions.md §12): central funds only.
  std::vector<FlagItem> items;
  if (!q.fund_source || *q.fund_source == FundSource::kCentral) {
    XJ_ASSIGN_OR_RETURN(TimelinessReport timeliness, ComputeTimeliness(region, q.fund_year, q.as_of));
    items = TimelinessFlags(timeliness);
  }
  {
    // 数据造假/突击支出识别 (docs/definitions.md §20), read from the store outside the state lock.
    auto tree = regions();
    RegionIndex root = kNoRegion;
    if (!region.empty()) {
      XJ_ASSIGN_OR_RETURN(root, ResolveRegion(*tree, region));
    }
    XJ_ASSIGN_OR_RETURN(std::vector<FlagItem> gaming, GamingFlags(*tree, root, q.fund_year, q.fund_source, q.as_of));
    items.insert(items.end(), std::make_move_iterator(gaming.begin()), std::make_move_iterator(gaming.end()));
  }
  std::map<std::pair<std::string, std::string>, const Flag*> state;  // (kind, subject) → stored row
  {
    std::shared_lock lock(state_mu_);
    const RegionTree& tree = engine_->tree();
    RegionIndex root = kNoRegion;
    if (!region.empty()) {
      XJ_ASSIGN_OR_RETURN(root, ResolveRegion(tree, region));
    }
    for (DisburseAsExpendFlag& f : engine_->DisburseAsExpendFlags(root, q.fund_year, q.as_of, q.fund_source)) {
      FlagItem item;
      item.region = tree.node(f.region).region;
      item.flag.kind = FlagKind::kDisburseAsExpend;
      item.flag.subject = f.entry_id;
      item.flag.region_code = item.region.code;
      item.flag.project_code = f.project_code;
      item.flag.fund_year = f.fund_year;
      item.flag.fund_source = f.fund_source;
      item.flag.raised_on = f.date;
      item.flag.amount = f.amount;
      item.flag.detail = "支出付至政府、财政专户或单位自有账户「" + f.payee + "」：以拨代支，不计为真实支出";
      item.payee = std::move(f.payee);
      items.push_back(std::move(item));
    }
    for (PayAheadFlag& f : engine_->PayAheadFlags(root, q.as_of)) {
      FlagItem item;
      item.region = tree.node(f.region).region;
      item.flag.kind = FlagKind::kPayAheadOfProgress;
      item.flag.subject = f.project_code;
      item.flag.region_code = item.region.code;
      item.flag.project_code = f.project_code;
      item.flag.raised_on = f.since;
      item.flag.amount = ClampToFen(f.status.excess);
      item.flag.detail = "合同 " + Yuan(f.status.contract) + "，形象进度 " + FormatHundredths(f.status.progress_bp) +
                         "%" + "，累计付款 " + Yuan(f.status.paid) + "，上限 " + Yuan(f.status.cap) +
                         (f.status.retention_held ? "（已扣质保金）" : "");
      item.project_name = std::move(f.project_name);
      item.pay_ahead = f.status;
      items.push_back(std::move(item));
    }
    for (const Flag& f : stored) {
      if (IsComputedKind(f.kind)) {
        state[{f.kind, f.subject}] = &f;  // the engine decides whether it holds; the row holds its work
        continue;
      }
      const RegionIndex at = tree.Find(f.region_code);
      if (at == kNoRegion || (root != kNoRegion && !tree.Contains(root, at))) continue;
      if (f.raised_on > q.as_of || (f.cleared_on && *f.cleared_on <= q.as_of) || f.amount.value() <= 0) continue;
      if (q.fund_year && f.fund_year && *f.fund_year != *q.fund_year) continue;
      if (q.fund_source && f.fund_source && *f.fund_source != *q.fund_source) continue;
      items.push_back({f, tree.node(at).region, "", "", std::nullopt, std::nullopt, std::nullopt});
    }
  }
  for (FlagItem& item : items) {
    if (auto it = state.find({item.flag.kind, item.flag.subject}); it != state.end()) Overlay(item, *it->second);
  }
  if (status) {
    std::erase_if(items, [&](const FlagItem& i) { return i.flag.status != *status; });
  }
  FlagsReport report;
  for (std::string_view k : kFlagKinds) report.summary.push_back({std::string(k), 0, FenTotal()});
  for (const FlagItem& i : items) {
    auto s = std::find_if(report.summary.begin(), report.summary.end(),
                          [&](const FlagKindSummary& k) { return k.kind == i.flag.kind; });
    if (s == report.summary.end()) s = report.summary.insert(report.summary.end(), {i.flag.kind, 0, FenTotal()});
    ++s->count;
    s->amount += i.flag.amount;
  }
  if (!q.kind.empty()) {
    std::erase_if(items, [&](const FlagItem& i) { return i.flag.kind != q.kind; });
  }
  std::sort(items.begin(), items.end(), [](const FlagItem& a, const FlagItem& b) {
    if (a.flag.raised_on != b.flag.raised_on) return a.flag.raised_on > b.flag.raised_on;
    if (a.flag.kind != b.flag.kind) return KindOrder(a.flag.kind) < KindOrder(b.flag.kind);
    return a.flag.subject < b.flag.subject;
  });
  report.items = std::move(items);
  report.page = q.page;
  report.page_size = q.page_size;
  return report;
}

// ---------------------------------------------------------------- one flag

Result<FlagDetail> App::FindFlag(const std::string& kind, const std::string& subject, Date as_of) const {
  if (!IsFlagKind(kind)) return Status::InvalidArgument("未知的预警类型：" + kind);
  FlagFilter filter;
  filter.kind = kind;
  filter.subject = subject;
  XJ_ASSIGN_OR_RETURN(std::vector<Flag> stored, store_->FindFlags(filter));
  FlagDetail d;
  FlagItem& item = d.item;
  bool found = false;
  if (kind == FlagKind::kDisburseAsExpend) {
    std::shared_lock lock(state_mu_);
    if (auto f = engine_->DisburseAsExpendEntry(subject)) {
      const Region& r = engine_->tree().node(f->region).region;
      item.region = r;
      item.flag = {0,
                   kind,
                   subject,
                   r.code,
                   f->project_code,
                   f->fund_year,
                   f->fund_source,
                   f->date,
                   std::nullopt,
                   f->amount,
                   "支出付至政府、财政专户或单位自有账户「" + f->payee + "」：以拨代支",
                   FlagStatus::kOpen,
                   "",
                   "",
                   "",
                   0};
      item.payee = f->payee;
      found = true;
    }
  } else if (kind == FlagKind::kPayAheadOfProgress) {
    XJ_ASSIGN_OR_RETURN(std::optional<StoredProject> project, store_->GetProject(subject));
    std::shared_lock lock(state_mu_);
    if (project) {
      if (auto s = engine_->PayAheadOf(subject, as_of); s && s->excess.value() > 0) {
        const RegionIndex at = engine_->tree().Find(project->project.region_code);
        if (at != kNoRegion) item.region = engine_->tree().node(at).region;
        item.flag = {0,
                     kind,
                     subject,
                     project->project.region_code,
                     subject,
                     std::nullopt,
                     std::nullopt,
                     as_of,
                     std::nullopt,
                     ClampToFen(s->excess),
                     "",
                     FlagStatus::kOpen,
                     "",
                     "",
                     "",
                     0};
        item.project_name = project->project.name;
        item.pay_ahead = *s;
        found = true;
      }
    }
  } else if (IsGamingKind(kind)) {
    auto tree = regions();
    XJ_ASSIGN_OR_RETURN(std::vector<FlagItem> gaming, GamingFlags(*tree, kNoRegion, std::nullopt, std::nullopt, as_of));
    for (FlagItem& f : gaming) {
      if (f.flag.kind != kind || f.flag.subject != subject) continue;
      item = std::move(f);
      found = true;
      break;
    }
  } else if (kind == FlagKind::kLateAllocation || kind == FlagKind::kLateDistribution) {
    XJ_ASSIGN_OR_RETURN(TimelinessReport timeliness, ComputeTimeliness("", std::nullopt, as_of));
    for (FlagItem& f : TimelinessFlags(timeliness)) {
      if (f.flag.kind != kind || f.flag.subject != subject) continue;
      item = std::move(f);
      found = true;
      break;
    }
  }
  if (!stored.empty()) {
    if (!found) {
      item.flag = stored.front();
      auto tree = regions();
      const RegionIndex at = tree->Find(item.flag.region_code);
      if (at != kNoRegion) item.region = tree->node(at).region;
    }
    Overlay(item, stored.front());
    found = true;
    XJ_ASSIGN_OR_RETURN(d.history, store_->FlagEvents(stored.front().id));
  }
  if (!found) return Status::NotFound("没有该预警：" + kind + " " + subject);
  return d;
}

Result<FlagDetail> App::GetFlag(const Actor& actor, const std::string& kind, const std::string& subject,
                                std::optional<Date> as_of) const {
  XJ_ASSIGN_OR_RETURN(FlagDetail d, FindFlag(kind, subject, as_of.value_or(Today())));
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kRead, d.item.flag.region_code));
  return d;
}

Result<FlagDetail> App::ActOnFlag(const Actor& actor, const std::string& kind, const std::string& subject,
                                  const FlagActionRequest& request, std::optional<Date> as_of) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kHandleFlags));
  {
    std::lock_guard write(write_mu_);
    XJ_ASSIGN_OR_RETURN(FlagDetail d, FindFlag(kind, subject, as_of.value_or(Today())));
    const Flag before = d.item.flag;
    XJ_RETURN_IF_ERROR(Authorize(actor, Action::kHandleFlags, before.region_code));
    if (request.expected_version && *request.expected_version != before.version) {
      return Status::Conflict("预警已被他人处理（当前版本 " + std::to_string(before.version) + "，请求版本 " +
                              std::to_string(*request.expected_version) + "），请刷新后重试");
    }
    XJ_ASSIGN_OR_RETURN(FlagStatus next,
                        ApplyFlagAction(before.status, request.action, request.reason, request.assignee));
    Flag after = before;
    after.status = next;
    after.updated_at = Now();
    if (request.action == FlagAction::kAssign) {
      XJ_ASSIGN_OR_RETURN(std::optional<UserRecord> user, store_->FindUserByName(request.assignee));
      Actor assignee;
      if (user) assignee = Actor{user->username, user->role, user->region_code, "", user->id, "", 0, user->department};
      if (!user || user->disabled || !InScope(assignee, before.region_code)) {
        return Status::InvalidArgument("负责人须为启用的账户，且其管辖范围包含该预警的区划：" + request.assignee);
      }
      after.assignee = request.assignee;
      if (!request.reason.empty()) after.reason = request.reason;
    } else {
      after.reason = request.reason;
    }
    XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
      if (after.id == 0) {
        after.version = 1;
        XJ_ASSIGN_OR_RETURN(after.id, store_->InsertFlag(after));
      } else {
        XJ_RETURN_IF_ERROR(store_->UpdateFlagState(after, before.version));
      }
      XJ_RETURN_IF_ERROR(store_->AppendFlagEvent(
          {after.id, after.updated_at, actor.username, request.action, after.status, after.assignee, request.reason}));
      return AppendAudit(actor, "flag." + std::string(FlagActionName(request.action)), "flag", kind + ":" + subject,
                         before.region_code, StateJson(before), StateJson(after));
    }));
  }
  return GetFlag(actor, kind, subject, as_of);
}

// ---------------------------------------------------------------- raised at payment

Result<std::vector<Flag>> App::FlagsRaisedBy(const std::vector<StoredEntry>& batch,
                                             const std::vector<Project>& projects) {
  std::vector<Flag> out;
  // negative_list: an entry whose purpose (备注) names a use the negative list forbids.
  XJ_ASSIGN_OR_RETURN(std::vector<ReferenceItem> negative, ReferenceData(Actor::System(), "negative"));
  const ReferenceCatalog catalog(std::move(negative));
  std::map<Date, std::vector<ReferenceItem>> in_force;  // batches come with few distinct dates
  std::map<std::string, std::size_t> raised_entry;      // entry id → index in out
  for (const StoredEntry& se : batch) {
    const LedgerEntry& e = se.entry;
    if ((e.kind != EntryKind::kDisburse && e.kind != EntryKind::kExpend) || e.note.empty()) continue;
    auto items = in_force.find(e.date);
    if (items == in_force.end()) {
      items = in_force.emplace(e.date, catalog.InForce(ReferenceKind::kNegative, e.date)).first;
    }
    std::vector<NegativeListHit> hits = FindNegativeListHits(e.note, items->second);
    if (hits.empty()) continue;
    std::string detail = "用途「" + e.note + "」涉及负面清单";
    for (const NegativeListHit& h : hits)
      detail += "「" + h.item.text + "」（" + h.item.code + "，识别词「" + h.keyword + "」）";
    raised_entry[e.entry_id] = out.size();
    out.push_back({0, std::string(FlagKind::kNegativeList), e.entry_id, e.region_code, e.project_code, e.fund_year,
                   e.fund_source, e.date, std::nullopt, e.amount, std::move(detail), FlagStatus::kOpen, "", "", "", 0});
  }
  // A reversal clears the negative_list flag of the entry it cancels, from its own date.
  std::map<std::string, Flag> stored_negative;  // loaded at the first reversal (such flags are few)
  bool negative_loaded = false;
  for (const StoredEntry& se : batch) {
    const LedgerEntry& e = se.entry;
    if (e.kind != EntryKind::kReverse) continue;
    if (auto it = raised_entry.find(e.reverses); it != raised_entry.end()) {
      out[it->second].cleared_on = e.date;
      continue;
    }
    if (!negative_loaded) {
      FlagFilter filter;
      filter.kind = std::string(FlagKind::kNegativeList);
      XJ_ASSIGN_OR_RETURN(std::vector<Flag> stored, store_->FindFlags(filter));
      for (Flag& f : stored) stored_negative.emplace(f.subject, std::move(f));
      negative_loaded = true;
    }
    if (auto it = stored_negative.find(e.reverses); it != stored_negative.end()) {
      Flag f = it->second;
      f.cleared_on = e.date;
      out.push_back(std::move(f));
    }
  }

  // over_arranged: the projects the batch moves money on, before and after it.
  std::map<std::string, ProjectMoney> money;
  std::map<std::string, Date> latest;  // the latest entry date of the batch per project
  for (const StoredEntry& se : batch) {
    const std::string& code = se.entry.project_code;
    if (code.empty()) continue;
    ProjectMoney& m = money[code];
    m.project_code = code;
    const FenTotal delta(se.effective.sign * static_cast<Int128>(se.entry.amount.value()));
    if (se.effective.kind == EntryKind::kAllocate) {
      m.allocated += delta;
      m.any_allocation = true;
    } else if (se.effective.kind == EntryKind::kExpend) {
      m.expended += delta;
    }
    Date& d = latest[code];
    d = std::max(d, se.entry.date);
  }
  if (money.empty()) return out;
  std::vector<std::string> codes;
  for (const auto& [code, m] : money) codes.push_back(code);
  XJ_ASSIGN_OR_RETURN(std::vector<ProjectMoney> before, store_->ProjectMoneyOf(codes));
  for (const ProjectMoney& b : before) {
    ProjectMoney& m = money[b.project_code];
    m.allocated += b.allocated;
    m.expended += b.expended;
    m.any_allocation = m.any_allocation || b.any_allocation;
  }
  FlagFilter filter;
  filter.kind = std::string(FlagKind::kOverArranged);
  XJ_ASSIGN_OR_RETURN(std::vector<Flag> known, store_->FindFlags(filter));
  std::map<std::string, const Flag*> known_by_project;
  for (const Flag& f : known) known_by_project[f.subject] = &f;
  for (const Project& p : projects) {
    auto m = money.find(p.project_code);
    if (m == money.end()) continue;
    const FenTotal planned = FenTotal(p.central_fund) + p.other_fund;
    const FenTotal excess =
        OverArrangedExcess(m->second.expended, m->second.allocated, m->second.any_allocation, planned);
    auto k = known_by_project.find(p.project_code);
    const bool held = k != known_by_project.end() && !k->second->cleared_on;
    if (excess.value() <= 0 && !held) continue;
    // Dated, over the project's whole ledger and this batch: the totals above say whether the
    // project is over now, the history says since when (or until when), whatever order the
    // entries came in (docs/definitions.md, over_arranged).
    XJ_ASSIGN_OR_RETURN(std::vector<StoredEntry> stored, store_->ProjectEntries(p.project_code));
    std::vector<ProjectMovement> moves;
    auto add = [&moves](const StoredEntry& se) {
      const FenTotal delta(se.effective.sign * static_cast<Int128>(se.entry.amount.value()));
      if (se.effective.kind == EntryKind::kAllocate) {
        moves.push_back({se.entry.date, delta, FenTotal(), true});
      } else if (se.effective.kind == EntryKind::kExpend) {
        moves.push_back({se.entry.date, FenTotal(), delta, false});
      }
    };
    for (const StoredEntry& se : stored) add(se);
    for (const StoredEntry& se : batch) {
      if (se.entry.project_code == p.project_code) add(se);
    }
    const OverArrangedRun run = SweepOverArranged(std::move(moves), planned);
    const Date last = latest[p.project_code];
    const bool clears = excess.value() <= 0;
    // Cleared: the flag keeps the excess it last had, and holds until the day it cleared.
    Flag f{0,
           std::string(FlagKind::kOverArranged),
           p.project_code,
           p.region_code,
           p.project_code,
           std::nullopt,
           std::nullopt,
           clears ? run.raised_on.value_or(k->second->raised_on) : run.raised_on.value_or(last),
           clears ? std::optional<Date>(run.cleared_on.value_or(last)) : std::nullopt,
           clears ? (run.raised_on ? ClampToFen(run.last_excess) : k->second->amount) : ClampToFen(excess),
           clears ? k->second->detail + "；" + run.cleared_on.value_or(last).ToString() + " 起累计支出已在安排资金以内"
                  : "项目「" + p.name + "」累计支出 " + Yuan(run.expended) + "，超过安排资金 " + Yuan(run.arranged) +
                        "（" + (m->second.any_allocation ? "下达到项目的资金" : "项目计划资金") + "）",
           FlagStatus::kOpen,
           "",
           "",
           "",
           0};
    out.push_back(std::move(f));
  }
  return out;
}

Result<LedgerCheck> App::CheckLedgerEntries(const Actor& actor, std::vector<NumberedEntry> entries) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kWriteLedger));
  if (entries.empty()) return Status::InvalidArgument("没有要检查的凭证");
  std::lock_guard write(write_mu_);
  LedgerCheck check;
  Result<PreparedLedgerBatch> prepared = PrepareLedgerBatch(actor, std::move(entries), {});
  if (!prepared.ok()) {
    if (prepared.status().code() == ErrorCode::kPermissionDenied) return prepared.status();
    check.refusal = prepared.status();
    return check;
  }
  for (Flag& f : prepared->flags) {
    if (f.amount.value() > 0 && !f.cleared_on) check.warnings.push_back(std::move(f));
  }
  return check;
}

}  // namespace xj
