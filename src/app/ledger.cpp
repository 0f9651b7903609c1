// Project and ledger use cases: imports, API batches, contracts and progress.
#include <unordered_map>
#include <unordered_set>

#include "app/app.hpp"
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
  return Status::Rejected(s.message(), std::move(placed));
}

std::function<int(const std::string&)> ColumnsOf(const TableHeader& header) {
  return [header](const std::string& column) { return header.index(column) + 1; };
}

}  // namespace

Result<ImportReport> App::ImportProjects(const Actor& actor, TableSource& source) {
  (void)actor;
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
  std::vector<Project> fresh;
  for (ProjectRow& r : rows) {
    const Project& p = r.project;
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
    fresh.push_back(std::move(r.project));
  }
  if (!errors.empty()) {
    return Status::Rejected("项目导入被拒绝：共" + std::to_string(errors.size()) + "处错误", std::move(errors));
  }
  if (!fresh.empty()) XJ_RETURN_IF_ERROR(store_->InsertProjects(fresh));
  report.inserted = static_cast<int>(fresh.size());
  std::unique_lock lock(state_mu_);
  for (const Project& p : fresh) engine_->AddProject(p);
  return report;
}

Result<ImportReport> App::ImportLedger(const Actor& actor, TableSource& source) {
  (void)actor;
  TableHeader header;
  XJ_ASSIGN_OR_RETURN(std::vector<LedgerRow> rows, ReadLedgerRows(source, &header));
  std::vector<NumberedEntry> entries;
  entries.reserve(rows.size());
  for (LedgerRow& r : rows) entries.push_back({r.row, std::move(r.entry)});
  rows.clear();
  std::lock_guard write(write_mu_);
  return AppendLedger(std::move(entries), ColumnsOf(header));
}

Result<ImportReport> App::PostLedger(const Actor& actor, std::vector<NumberedEntry> entries) {
  (void)actor;
  if (entries.empty()) return Status::InvalidArgument("没有要记录的凭证");
  std::lock_guard write(write_mu_);
  return AppendLedger(std::move(entries), [](const std::string&) { return 0; });
}

Result<ImportReport> App::AppendLedger(std::vector<NumberedEntry> entries,
                                       const std::function<int(const std::string&)>& column_of) {
  // REQUIRES: write_mu_ held.
  auto tree = regions();
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
  LedgerLookups lookups;
  XJ_ASSIGN_OR_RETURN(std::vector<StoredEntry> stored, store_->FindEntries(ids));
  for (StoredEntry& s : stored) lookups.stored.emplace(s.entry.entry_id, std::move(s));
  XJ_ASSIGN_OR_RETURN(std::vector<std::string> reversed, store_->FindReversed(reversed_ids));
  lookups.already_reversed.insert(reversed.begin(), reversed.end());
  XJ_ASSIGN_OR_RETURN(std::vector<Project> projects, store_->FindProjects(project_codes));
  std::unordered_set<std::string> known_projects;
  for (const Project& p : projects) known_projects.insert(p.project_code);
  lookups.region_exists = [&tree](const std::string& code) { return tree->Find(code) != kNoRegion; };
  lookups.project_exists = [&known_projects](const std::string& code) { return known_projects.count(code) > 0; };

  ImportReport report;
  report.kind = "ledger";
  report.rows = static_cast<int>(entries.size());
  Result<LedgerBatch> batch = CheckLedgerBatch(std::move(entries), lookups);
  if (!batch.ok()) return PlaceColumns(batch.status(), column_of);
  report.unchanged = batch->unchanged;
  if (!batch->to_append.empty()) {
    XJ_ASSIGN_OR_RETURN(std::vector<StoredEntry> appended, store_->AppendEntries(std::move(batch->to_append)));
    report.inserted = static_cast<int>(appended.size());
    std::unique_lock lock(state_mu_);
    engine_->AddEntries(appended);
  }
  return report;
}

Status App::RecordContract(const Actor& actor, const ProjectContract& contract) {
  (void)actor;
  if (contract.amount.value() <= 0) return Status::InvalidArgument("合同金额必须大于0");
  if (contract.contract_no.empty()) return Status::InvalidArgument("合同编号不能为空");
  std::lock_guard write(write_mu_);
  XJ_ASSIGN_OR_RETURN(std::vector<Project> found, store_->FindProjects({contract.project_code}));
  if (found.empty()) return Status::NotFound("项目不存在：" + contract.project_code);
  XJ_RETURN_IF_ERROR(store_->InsertContract(contract));
  XJ_ASSIGN_OR_RETURN(std::vector<StoredEntry> entries, store_->ProjectEntries(contract.project_code));
  std::unique_lock lock(state_mu_);
  engine_->AddContract(contract, found.front(), entries);
  return Status::Ok();
}

Status App::RecordProgress(const Actor& actor, const ProgressReport& report) {
  (void)actor;
  constexpr std::int32_t kFullBp = 10'000;
  if (report.progress_hundredths < 0 || report.progress_hundredths > kFullBp) {
    return Status::InvalidArgument("形象进度应在 0 到 100 之间");
  }
  std::lock_guard write(write_mu_);
  XJ_ASSIGN_OR_RETURN(std::vector<Project> found, store_->FindProjects({report.project_code}));
  if (found.empty()) return Status::NotFound("项目不存在：" + report.project_code);
  XJ_RETURN_IF_ERROR(store_->InsertProgress(report));
  std::unique_lock lock(state_mu_);
  engine_->AddProgress(report);
  return Status::Ok();
}

}  // namespace xj
