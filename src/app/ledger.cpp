// Project and ledger use cases: imports, API batches, contracts and progress.
#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "app/app.hpp"
#include "app/import_support.hpp"
#include "domain/input_limits.hpp"
#include "io/ledger_import.hpp"
#include "io/project_import.hpp"

namespace xj {
namespace {

/// Places errors found after reading (domain rules) in the file's columns.
Status PlaceColumns(Status s, const std::function<int(const std::string&)>& column_of) {
  if (s.ok() || s.details().empty()) return s;
  std::vector<FieldError> placed = s.details();
  for (FieldError& e : placed) {
    if (e.column_index == 0 && !e.column.empty()) e.column_index = column_of(e.column);
  }
  return std::move(s).WithDetails(std::move(placed));
}

std::function<int(const std::string&)> ColumnsOf(const TableHeader& header) {
  return [header](const std::string& column) { return header.index(column) + 1; };
}

/// Reversals (冲销) named in a batch's audit row, at most: a file of reversals is rare and short.
constexpr std::size_t kAuditedReversals = 100;

/// The audit row of a ledger batch: its voucher numbers (BatchSummary) and, under "reversals",
/// each reversal's voucher, the voucher it reverses, its amount and its reason (the note), so
/// the audit trail shows them and finds the batch by either voucher (docs/definitions.md §18).
std::string LedgerAuditSummary(const std::vector<StoredEntry>& appended, const std::vector<std::string>& keys) {
  nlohmann::json j = nlohmann::json::parse(BatchSummary(keys));
  nlohmann::json reversals = nlohmann::json::array();
  for (const StoredEntry& e : appended) {
    if (e.entry.kind != EntryKind::kReverse || reversals.size() >= kAuditedReversals) continue;
    reversals.push_back({{"entry_id", e.entry.entry_id},
                         {"reverses", e.entry.reverses},
                         {"amount_fen", e.entry.amount.value()},
                         {"note", e.entry.note}});
  }
  if (!reversals.empty()) j["reversals"] = std::move(reversals);
  return j.dump();
}

}  // namespace

Result<ImportReport> App::ImportProjects(const Actor& actor, TableSource& source) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kWriteProjects));
  TableHeader header;
  XJ_ASSIGN_OR_RETURN(std::vector<ProjectRow> rows, ReadProjectRows(source, &header));
  std::lock_guard write(write_mu_);
  auto tree = regions();

  std::vector<std::string> codes;
  codes.reserve(rows.size());
  for (const ProjectRow& r : rows) codes.push_back(r.project.project_code);
  XJ_ASSIGN_OR_RETURN(std::vector<Project> existing, store_->FindProjects(codes));
  std::unordered_map<std::string, const Project*> stored;
  for (const Project& p : existing) stored.emplace(p.project_code, &p);

  ImportReport report;
  report.kind = "projects";
  report.rows = static_cast<int>(rows.size());
  std::vector<FieldError> errors;
  std::vector<FieldError> outside;
  std::vector<Project> fresh;
  for (ProjectRow& r : rows) {
    const Project& p = r.project;
    if (std::vector<FieldError> bounds = ProjectBoundProblems(p, options_.limits, r.row); !bounds.empty()) {
      for (FieldError& e : bounds) {
        e.sheet = source.sheet();
        e.column_index = header.index(e.column) + 1;
        errors.push_back(std::move(e));
      }
      continue;
    }
    if (auto it = stored.find(p.project_code); it != stored.end()) {
      if (*it->second == p) {
        ++report.unchanged;
      } else {
        errors.push_back({source.sheet(), r.row, "project_code", header.index("project_code") + 1, p.project_code,
                          "conflicts_existing", "项目编码已存在且内容不同"});
      }
      continue;
    }
    if (tree->Find(p.region_code) == kNoRegion) {
      errors.push_back({source.sheet(), r.row, "region_code", header.index("region_code") + 1, p.region_code,
                        "unknown_region", "区划代码不存在"});
      continue;
    }
    if (!InScope(actor, p.region_code)) {
      outside.push_back({source.sheet(), r.row, "region_code", header.index("region_code") + 1, p.region_code,
                         "out_of_scope", "区划不在本账户管辖范围内"});
      continue;
    }
    fresh.push_back(std::move(r.project));
  }
  if (!outside.empty()) return OutOfScope(std::move(outside));
  if (!errors.empty()) {
    // The message first: argument evaluation order would let the move empty `errors`.
    std::string message = "项目导入被拒绝：共" + std::to_string(errors.size()) + "处错误";
    return BoundRefusal(std::move(message), std::move(errors));
  }
  if (!fresh.empty()) {
    std::vector<std::string> keys;
    for (const Project& p : fresh) keys.push_back(p.project_code);
    XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
      XJ_RETURN_IF_ERROR(store_->InsertProjects(fresh));
      return AppendAudit(actor, "project.import", "project_batch", keys.front(), actor.region_code, "",
                         BatchSummary(keys));
    }));
  }
  report.inserted = static_cast<int>(fresh.size());
  std::unique_lock lock(state_mu_);
  for (const Project& p : fresh) {
    engine_->AddProject(p);
    catalog_->Upsert(p);
  }
  return report;
}

Result<ImportReport> App::ImportLedger(const Actor& actor, TableSource& source) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kWriteLedger));
  TableHeader header;
  XJ_ASSIGN_OR_RETURN(std::vector<LedgerRow> rows, ReadLedgerRows(source, &header));
  std::vector<NumberedEntry> entries;
  entries.reserve(rows.size());
  for (LedgerRow& r : rows) entries.push_back({r.row, std::move(r.entry)});
  rows.clear();
  std::lock_guard write(write_mu_);
  return AppendLedger(actor, std::move(entries), ColumnsOf(header));
}

Result<ImportReport> App::PostLedger(const Actor& actor, std::vector<NumberedEntry> entries) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kWriteLedger));
  if (entries.empty()) return Status::InvalidArgument("没有要记录的凭证");
  std::lock_guard write(write_mu_);
  return AppendLedger(actor, std::move(entries), [](const std::string&) { return 0; });
}

Result<App::PreparedLedgerBatch> App::PrepareLedgerBatch(const Actor& actor, std::vector<NumberedEntry> entries,
                                                         const std::function<int(const std::string&)>& column_of) {
  // REQUIRES: write_mu_ held.
  auto tree = regions();
  auto column = [&](const std::string& name) { return column_of ? column_of(name) : 0; };
  std::vector<FieldError> outside;
  for (const NumberedEntry& n : entries) {
    if (tree->Find(n.entry.region_code) != kNoRegion && !InScope(actor, n.entry.region_code)) {
      outside.push_back({"", n.row, "region_code", column("region_code"), n.entry.region_code, "out_of_scope",
                         "区划不在本账户管辖范围内"});
    }
  }
  if (!outside.empty()) return OutOfScope(std::move(outside));
  std::vector<FieldError> bounds;
  for (const NumberedEntry& n : entries) {
    for (FieldError& e : EntryBoundProblems(n.entry, options_.limits, n.row)) bounds.push_back(std::move(e));
  }
  if (!bounds.empty()) {
    std::string message = "台账凭证超出输入限制：共" + std::to_string(bounds.size()) + "处";
    Status refused = BoundRefusal(std::move(message), std::move(bounds));
    return column_of ? PlaceColumns(std::move(refused), column_of) : refused;
  }
  std::vector<std::string> ids, reversed_ids, project_codes;
  std::unordered_set<std::string> seen_projects;
  for (const NumberedEntry& n : entries) {
    ids.push_back(n.entry.entry_id);
    if (!n.entry.reverses.empty()) {
      ids.push_back(n.entry.reverses);
      reversed_ids.push_back(n.entry.reverses);
    }
    if (!n.entry.project_code.empty() && seen_projects.insert(n.entry.project_code).second) {
      project_codes.push_back(n.entry.project_code);
    }
  }
  PreparedLedgerBatch out;
  LedgerLookups lookups;
  XJ_ASSIGN_OR_RETURN(std::vector<StoredEntry> stored, store_->FindEntries(ids));
  for (StoredEntry& s : stored) lookups.stored.emplace(s.entry.entry_id, std::move(s));
  XJ_ASSIGN_OR_RETURN(std::vector<std::string> reversed, store_->FindReversed(reversed_ids));
  lookups.already_reversed.insert(reversed.begin(), reversed.end());
  XJ_ASSIGN_OR_RETURN(std::vector<Project> projects, store_->FindProjects(project_codes));
  XJ_ASSIGN_OR_RETURN(std::vector<TransitionRecord> history, store_->FindTransitions(project_codes));
  std::unordered_map<std::string, const Project*> known_projects;
  for (const Project& p : projects) known_projects.emplace(p.project_code, &p);
  // An entry on a project books into that project's ledger: the project's region must lie in
  // scope too, not only the region the entry names.
  for (const NumberedEntry& n : entries) {
    auto p = known_projects.find(n.entry.project_code);
    if (p != known_projects.end() && !InScope(actor, p->second->region_code)) {
      outside.push_back({"", n.row, "project_code", column("project_code"), n.entry.project_code, "out_of_scope",
                         "项目所属区划不在本账户管辖范围内"});
    }
  }
  if (!outside.empty()) return OutOfScope(std::move(outside));
  std::unordered_map<std::string, std::vector<ProjectStep>> steps;
  for (const TransitionRecord& t : history) steps[t.project_code].push_back({t.from, t.to, t.on});
  lookups.region_exists = [&tree](const std::string& code) { return tree->Find(code) != kNoRegion; };
  lookups.project_exists = [&](const std::string& code) { return known_projects.count(code) > 0; };
  lookups.project_funded = [&](const std::string& code, Date date) {
    auto p = known_projects.find(code);
    if (p == known_projects.end()) return true;  // unknown_project is reported instead
    auto s = steps.find(code);
    return PaymentHasBasis(p->second->status, s == steps.end() ? std::vector<ProjectStep>{} : s->second, date);
  };

  Result<LedgerBatch> batch = CheckLedgerBatch(std::move(entries), lookups);
  if (!batch.ok()) return column_of ? PlaceColumns(batch.status(), column_of) : batch.status();
  out.batch = std::move(*batch);
  XJ_ASSIGN_OR_RETURN(out.flags, FlagsRaisedBy(out.batch.to_append, projects));
  out.stored = std::move(lookups.stored);
  return out;
}

Result<ImportReport> App::AppendLedger(const Actor& actor, std::vector<NumberedEntry> entries,
                                       const std::function<int(const std::string&)>& column_of) {
  // REQUIRES: write_mu_ held.
  ImportReport report;
  report.kind = "ledger";
  report.rows = static_cast<int>(entries.size());
  XJ_ASSIGN_OR_RETURN(PreparedLedgerBatch prepared, PrepareLedgerBatch(actor, std::move(entries), column_of));
  LedgerBatch& batch = prepared.batch;
  report.unchanged = batch.unchanged;
  if (!batch.to_append.empty()) {
    std::vector<StoredEntry> appended;
    XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
      XJ_ASSIGN_OR_RETURN(appended, store_->AppendEntries(std::move(batch.to_append)));
      if (!prepared.flags.empty()) XJ_RETURN_IF_ERROR(store_->UpsertRaisedFlags(prepared.flags, Now()));
      std::vector<std::string> keys;
      keys.reserve(appended.size());
      for (const StoredEntry& e : appended) keys.push_back(e.entry.entry_id);
      return AppendAudit(actor, "ledger.append", "ledger_batch", keys.front(), actor.region_code, "",
                         LedgerAuditSummary(appended, keys));
    }));
    report.inserted = static_cast<int>(appended.size());
    // The engine finds a reversed payment by its seq: from the store, or from this batch.
    std::unordered_map<std::string, std::int64_t> seq_of;
    for (const StoredEntry& e : appended) seq_of.emplace(e.entry.entry_id, e.seq);
    for (StoredEntry& e : appended) {
      if (e.entry.kind != EntryKind::kReverse) continue;
      if (auto s = prepared.stored.find(e.entry.reverses); s != prepared.stored.end()) {
        e.reverses_seq = s->second.seq;
      } else if (auto b = seq_of.find(e.entry.reverses); b != seq_of.end()) {
        e.reverses_seq = b->second;
      }
    }
    {
      std::unique_lock lock(state_mu_);
      engine_->AddEntries(appended);
    }
    // The follower must not apply these again when it reads them back (follow.cpp).
    if (appended.front().seq == followed_seq_ + 1) {
      followed_seq_ = appended.back().seq;
    } else {
      for (const StoredEntry& e : appended) own_seqs_.insert(e.seq);
    }
  }
  return report;
}

Status App::RecordContract(const Actor& actor, const ProjectContract& contract) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kWriteProjects));
  if (contract.amount.value() <= 0) return Status::InvalidArgument("合同金额必须大于0");
  {
    std::vector<FieldError> bounds;
    CheckAmountBound(contract.amount, options_.limits, 0, "amount_fen", &bounds);
    CheckCodeBound(contract.contract_no, options_.limits, 0, "contract_no", &bounds);
    if (!bounds.empty()) return BoundRefusal("合同超出输入限制", std::move(bounds));
  }
  if (contract.contract_no.empty()) return Status::InvalidArgument("合同编号不能为空");
  constexpr std::int32_t kFullBp = 10'000;
  if (contract.advance_bp && (*contract.advance_bp < 0 || *contract.advance_bp > kFullBp)) {
    return Status::InvalidArgument("预付款比例应在 0 到 100 之间");
  }
  std::lock_guard write(write_mu_);
  XJ_ASSIGN_OR_RETURN(std::vector<Project> found, store_->FindProjects({contract.project_code}));
  if (found.empty()) return Status::NotFound("项目不存在：" + contract.project_code);
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kWriteProjects, found.front().region_code));
  XJ_ASSIGN_OR_RETURN(std::vector<ProjectContract> stored, store_->ProjectContracts(contract.project_code));
  for (const ProjectContract& s : stored) {
    if (s.contract_no != contract.contract_no) continue;
    if (s == contract) return Status::Ok();  // the same contract again changes nothing
    return Status::AlreadyExists("该项目已有合同编号 " + contract.contract_no +
                                 " 且内容不同：合同不能修改，补充合同请用新编号");
  }
  return RecordContracts(actor, {contract}, {{contract.project_code, found.front()}});
}

Status App::RecordProgress(const Actor& actor, const ProgressReport& report) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kWriteProjects));
  constexpr std::int32_t kFullBp = 10'000;
  if (report.progress_hundredths < 0 || report.progress_hundredths > kFullBp) {
    return Status::Rejected("形象进度应在 0 到 100 之间",
                            {FieldError{"", 0, "progress", 0, std::to_string(report.progress_hundredths),
                                        "value_out_of_range", "形象进度应在 0 到 100 之间"}})
        .WithReason("value_out_of_range");
  }
  {
    std::vector<FieldError> bounds;
    CheckTextBound(report.note, options_.limits.max_note_chars, 0, "note", &bounds);
    if (!bounds.empty()) return BoundRefusal("形象进度备注过长", std::move(bounds));
  }
  std::lock_guard write(write_mu_);
  XJ_ASSIGN_OR_RETURN(std::vector<Project> found, store_->FindProjects({report.project_code}));
  if (found.empty()) return Status::NotFound("项目不存在：" + report.project_code);
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kWriteProjects, found.front().region_code));
  return RecordProgressReports(actor, {report}, {{report.project_code, found.front()}});
}

}  // namespace xj

namespace xj {

Result<LedgerFilter> App::LedgerFilterOf(const Actor& actor, const LedgerListQuery& q) const {
  const std::string region = q.region_code.empty() ? actor.region_code : q.region_code;
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kRead, region));
  LedgerFilter f;
  f.fund_year = q.year;
  if (!q.fund_source.empty()) {
    f.fund_source = ParseFundSource(q.fund_source);
    if (!f.fund_source) return Status::InvalidArgument("未知的资金来源：" + q.fund_source);
  }
  if (!q.kind.empty()) {
    f.kind = ParseEntryKind(q.kind);
    if (!f.kind) return Status::InvalidArgument("未知的凭证类型：" + q.kind);
  }
  if (q.from && q.to && *q.to < *q.from) return Status::InvalidArgument("截止日期早于起始日期");
  f.project_code = q.project_code;
  f.from = q.from;
  f.to = q.to;
  f.text = q.text;
  // The subtree as a list of codes, unless it is the whole tree (then no region filter at all).
  {
    std::shared_lock lock(state_mu_);
    const RegionTree& tree = engine_->tree();
    if (!region.empty()) {
      XJ_ASSIGN_OR_RETURN(RegionIndex root, ResolveRegion(tree, region));
      const RegionIndex end = tree.node(root).subtree_end;
      if (!(root == 0 && static_cast<std::size_t>(end) == tree.size())) {
        for (RegionIndex i = root; i < end; ++i) f.region_codes.push_back(tree.node(i).region.code);
      }
    }
  }
  return f;
}

Result<LedgerList> App::ListLedger(const Actor& actor, const LedgerListQuery& q) const {
  constexpr int kMaxPageSize = 200;
  XJ_ASSIGN_OR_RETURN(LedgerFilter f, LedgerFilterOf(actor, q));
  if (q.page < 1) return Status::InvalidArgument("page 应为正整数");
  if (q.page_size < 1 || q.page_size > kMaxPageSize) {
    return Status::InvalidArgument("page_size 应在 1 到 " + std::to_string(kMaxPageSize) + " 之间");
  }
  f.limit = q.page_size;
  f.offset = static_cast<std::int64_t>(q.page - 1) * q.page_size;
  XJ_ASSIGN_OR_RETURN(LedgerPage page, store_->ListLedger(f));
  LedgerList out;
  out.total = page.total;
  out.page = q.page;
  out.page_size = q.page_size;
  std::shared_lock lock(state_mu_);
  const RegionTree& tree = engine_->tree();
  for (ListedEntry& r : page.items) {
    const RegionIndex i = tree.Find(r.stored.entry.region_code);
    out.items.push_back({std::move(r), i == kNoRegion ? Region{} : tree.node(i).region});
  }
  return out;
}

Status App::ScanLedgerList(const Actor& actor, const LedgerListQuery& q,
                           const std::function<Status(const LedgerListItem&)>& fn) const {
  constexpr std::int64_t kPage = 2'000;
  XJ_ASSIGN_OR_RETURN(LedgerFilter f, LedgerFilterOf(actor, q));
  f.oldest_first = true;
  f.count_total = false;
  f.with_reversed_by = false;  // the export's columns are the interchange format: no 被冲销 column
  f.limit = kPage;
  for (;;) {
    XJ_ASSIGN_OR_RETURN(LedgerPage page, store_->ListLedger(f));
    const std::shared_ptr<const RegionTree> tree = regions();
    for (ListedEntry& r : page.items) {
      f.after_seq = r.stored.seq;
      const RegionIndex i = tree->Find(r.stored.entry.region_code);
      XJ_RETURN_IF_ERROR(fn({std::move(r), i == kNoRegion ? Region{} : tree->node(i).region}));
    }
    if (static_cast<std::int64_t>(page.items.size()) < kPage) return Status::Ok();
  }
}

}  // namespace xj
