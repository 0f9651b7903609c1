// Contracts and physical-progress reports given as files (import kinds `contracts`, `progress`):
// all-or-nothing, idempotent, every refusal with its row and column.
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "app/app.hpp"
#include "app/import_support.hpp"
#include "io/report_import.hpp"

namespace xj {
namespace {}  // namespace

Result<std::map<std::string, Project>> App::ProjectsForReports(const Actor& actor, const TableSource& source,
                                                               const TableHeader& header,
                                                               const std::vector<std::pair<int, std::string>>& rows,
                                                               std::vector<FieldError>& errors) const {
  std::set<std::string> wanted;
  for (const auto& [row, code] : rows) wanted.insert(code);
  XJ_ASSIGN_OR_RETURN(std::vector<Project> found, store_->FindProjects({wanted.begin(), wanted.end()}));
  std::map<std::string, Project> by_code;
  for (Project& p : found) by_code.emplace(p.project_code, std::move(p));
  std::vector<FieldError> outside;
  for (const auto& [row, code] : rows) {
    auto it = by_code.find(code);
    const FieldError at{source.sheet(), row, "project_code", header.index("project_code") + 1, code, "", ""};
    if (it == by_code.end()) {
      FieldError e = at;
      e.code = "unknown_project";
      e.message = "项目编码不存在";
      errors.push_back(std::move(e));
    } else if (!InScope(actor, it->second.region_code)) {
      FieldError e = at;
      e.code = "out_of_scope";
      e.message = "项目不在本账户管辖范围内";
      outside.push_back(std::move(e));
    }
  }
  if (!outside.empty()) return OutOfScope(outside);
  return by_code;
}

Result<ImportReport> App::ImportContracts(const Actor& actor, TableSource& source) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kWriteProjects));
  TableHeader header;
  XJ_ASSIGN_OR_RETURN(std::vector<ContractRow> rows, ReadContractRows(source, &header));
  std::lock_guard write(write_mu_);
  std::vector<std::pair<int, std::string>> refs;
  for (const ContractRow& r : rows) refs.emplace_back(r.row, r.contract.project_code);
  std::vector<FieldError> errors;
  XJ_ASSIGN_OR_RETURN(auto projects, ProjectsForReports(actor, source, header, refs, errors));

  ImportReport report;
  report.kind = "contracts";
  report.rows = static_cast<int>(rows.size());
  std::map<std::string, std::vector<ProjectContract>> stored;
  std::vector<ProjectContract> fresh;
  for (const ContractRow& r : rows) {
    const ProjectContract& k = r.contract;
    if (!projects.count(k.project_code)) continue;
    auto [it, first] = stored.try_emplace(k.project_code);
    if (first) {
      XJ_ASSIGN_OR_RETURN(it->second, store_->ProjectContracts(k.project_code));
    }
    const ProjectContract* same_no = nullptr;
    for (const ProjectContract& s : it->second) {
      if (s.contract_no == k.contract_no) same_no = &s;
    }
    if (!same_no) {
      fresh.push_back(k);
    } else if (*same_no == k) {
      ++report.unchanged;
    } else {
      errors.push_back({source.sheet(), r.row, "contract_no", header.index("contract_no") + 1, k.contract_no,
                        "conflicts_existing", "该项目已有此合同编号且内容不同：合同不能修改，补充合同请用新编号"});
    }
  }
  if (!errors.empty()) return ImportRejected("合同", std::move(errors));
  XJ_RETURN_IF_ERROR(RecordContracts(actor, fresh, projects));
  report.inserted = static_cast<int>(fresh.size());
  return report;
}

Status App::RecordContracts(const Actor& actor, const std::vector<ProjectContract>& contracts,
                            const std::map<std::string, Project>& projects) {
  // REQUIRES: write_mu_ held; every contract's project in `projects`.
  if (contracts.empty()) return Status::Ok();
  XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
    for (const ProjectContract& k : contracts) {
      XJ_RETURN_IF_ERROR(store_->InsertContract(k));
      nlohmann::json after = {
          {"contract_no", k.contract_no}, {"amount_fen", k.amount.value()}, {"signed_on", k.signed_on.ToString()}};
      if (k.advance_bp) after["advance_bp"] = *k.advance_bp;
      XJ_RETURN_IF_ERROR(AppendAudit(actor, "project.contract", "project", k.project_code,
                                     projects.at(k.project_code).region_code, "", after.dump()));
    }
    return Status::Ok();
  }));
  for (const ProjectContract& k : contracts) {
    XJ_ASSIGN_OR_RETURN(std::vector<StoredEntry> entries, store_->ProjectEntries(k.project_code));
    std::unique_lock lock(state_mu_);
    engine_->AddContract(k, projects.at(k.project_code), entries);
  }
  return Status::Ok();
}

Result<ImportReport> App::ImportProgress(const Actor& actor, TableSource& source) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kWriteProjects));
  TableHeader header;
  XJ_ASSIGN_OR_RETURN(std::vector<ProgressRow> rows, ReadProgressRows(source, &header));
  std::lock_guard write(write_mu_);
  std::vector<std::pair<int, std::string>> refs;
  for (const ProgressRow& r : rows) refs.emplace_back(r.row, r.report.project_code);
  std::vector<FieldError> errors;
  XJ_ASSIGN_OR_RETURN(auto projects, ProjectsForReports(actor, source, header, refs, errors));
  if (!errors.empty()) return ImportRejected("形象进度", std::move(errors));

  ImportReport report;
  report.kind = "progress";
  report.rows = static_cast<int>(rows.size());
  std::map<std::string, std::vector<ProgressReport>> stored;
  std::vector<ProgressReport> fresh;
  for (const ProgressRow& r : rows) {
    auto [it, first] = stored.try_emplace(r.report.project_code);
    if (first) {
      XJ_ASSIGN_OR_RETURN(it->second, store_->ProjectProgress(r.report.project_code));
    }
    bool known = false;
    for (const ProgressReport& s : it->second) known = known || s == r.report;
    if (known) {
      ++report.unchanged;
    } else {
      fresh.push_back(r.report);
      it->second.push_back(r.report);  // the same row twice in a file is one report
    }
  }
  XJ_RETURN_IF_ERROR(RecordProgressReports(actor, fresh, projects));
  report.inserted = static_cast<int>(fresh.size());
  return report;
}

Status App::RecordProgressReports(const Actor& actor, const std::vector<ProgressReport>& reports,
                                  const std::map<std::string, Project>& projects) {
  // REQUIRES: write_mu_ held; every report's project in `projects`.
  if (reports.empty()) return Status::Ok();
  XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
    for (const ProgressReport& r : reports) {
      XJ_RETURN_IF_ERROR(store_->InsertProgress(r));
      const nlohmann::json after = {
          {"date", r.date.ToString()}, {"progress_bp", r.progress_hundredths}, {"note", r.note}};
      XJ_RETURN_IF_ERROR(AppendAudit(actor, "project.progress", "project", r.project_code,
                                     projects.at(r.project_code).region_code, "", after.dump()));
    }
    return Status::Ok();
  }));
  std::unique_lock lock(state_mu_);
  for (const ProgressReport& r : reports) engine_->AddProgress(r);
  return Status::Ok();
}

}  // namespace xj
