// Work relief (以工代赈, issue #20 points 4 and 6): the rosters and wages of work-relief projects,
// with ID and phone numbers encrypted under the data key and counted by their blind index; the
// figures rolled up the region tree; each project's labour-pay share against the policy floor.
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "app/app.hpp"
#include "app/import_support.hpp"
#include "io/asset_import.hpp"

namespace xj {

Result<crypto::DataKeys> App::PersonalDataKeys() {
  std::lock_guard lock(data_keys_mu_);
  if (data_keys_) return *data_keys_;
  if (options_.data_key_file.empty()) {
    return Status::Unavailable("未配置个人信息密钥文件（--data-key-file 或 XIANJIE_DATA_KEY_FILE）")
        .WithReason("data_key_missing");
  }
  XJ_ASSIGN_OR_RETURN(crypto::DataKeys keys, crypto::LoadOrCreateDataKeys(options_.data_key_file));
  data_keys_ = keys;
  return keys;
}

namespace {

/// The projects named by `codes`, by code.
Result<std::map<std::string, Project>> ProjectsByCode(Store& store, const std::set<std::string>& codes) {
  XJ_ASSIGN_OR_RETURN(std::vector<Project> found, store.FindProjects({codes.begin(), codes.end()}));
  std::map<std::string, Project> out;
  for (Project& p : found) out.emplace(p.project_code, std::move(p));
  return out;
}

ReliefWorkerView ViewOfWorker(const StoredReliefWorker& w) {
  ReliefWorkerView v;
  v.id = w.id;
  v.project_code = w.project_code;
  v.region_code = w.region_code;
  v.name = w.name;
  v.household_status = w.household_status;
  v.relocated = w.relocated;
  v.village = w.village;
  v.team = w.team;
  return v;
}

}  // namespace

Result<ImportReport> App::ImportReliefWorkers(const Actor& actor, TableSource& source) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kWriteProjects));
  TableHeader header;
  XJ_ASSIGN_OR_RETURN(std::vector<WorkerRow> rows, ReadWorkerRows(source, &header));
  std::vector<std::pair<int, std::string>> refs;
  for (const WorkerRow& r : rows) refs.emplace_back(r.row, r.worker.project_code);
  std::vector<FieldError> errors;
  XJ_RETURN_IF_ERROR(ProjectsForReports(actor, source, header, refs, errors).status());
  if (!errors.empty()) return ImportRejected("务工人员", std::move(errors));
  std::vector<ReliefWorker> workers;
  for (WorkerRow& r : rows) workers.push_back(std::move(r.worker));
  return SaveReliefWorkers(actor, workers);
}

Result<ImportReport> App::SaveReliefWorkers(const Actor& actor, const std::vector<ReliefWorker>& workers) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kWriteProjects));
  std::set<std::string> codes;
  for (const ReliefWorker& w : workers) {
    if (w.name.empty() || !NormalizeIdNumber(w.id_number)) {
      return Status::InvalidArgument("务工人员须有姓名和 18 位身份证号");
    }
    if (!w.phone.empty() && !NormalizePhone(w.phone)) {
      return Status::InvalidArgument("联系电话应为 7 到 20 位数字");
    }
    codes.insert(w.project_code);
  }
  XJ_ASSIGN_OR_RETURN(crypto::DataKeys keys, PersonalDataKeys());
  XJ_ASSIGN_OR_RETURN(auto projects, ProjectsByCode(*store_, codes));
  for (const std::string& code : codes) {
    auto p = projects.find(code);
    if (p == projects.end()) return Status::NotFound("项目不存在：" + code);
    XJ_RETURN_IF_ERROR(Authorize(actor, Action::kWriteProjects, p->second.region_code));
  }
  std::lock_guard write(write_mu_);
  std::map<std::pair<std::string, std::string>, StoredReliefWorker> stored;
  for (const std::string& code : codes) {
    XJ_ASSIGN_OR_RETURN(std::vector<StoredReliefWorker> rows, store_->FindReliefWorkers(code));
    for (StoredReliefWorker& s : rows) stored.emplace(std::make_pair(s.project_code, s.person_index), std::move(s));
  }
  ImportReport report;
  report.kind = "workers";
  report.rows = static_cast<int>(workers.size());
  std::vector<StoredReliefWorker> changed;
  std::vector<std::string> keys_audited;
  for (const ReliefWorker& w : workers) {
    const std::string id = *NormalizeIdNumber(w.id_number);
    const std::string phone = w.phone.empty() ? "" : *NormalizePhone(w.phone);
    StoredReliefWorker row;
    row.project_code = w.project_code;
    row.region_code = projects.at(w.project_code).region_code;
    row.person_index = crypto::BlindIndex(keys, id);
    row.name = w.name;
    row.household_status = w.household_status;
    row.relocated = w.relocated;
    row.village = w.village;
    row.team = w.team;
    auto it = stored.find({row.project_code, row.person_index});
    if (it != stored.end()) {
      const StoredReliefWorker& s = it->second;
      XJ_ASSIGN_OR_RETURN(std::string stored_phone, s.phone_cipher.empty()
                                                        ? Result<std::string>(std::string())
                                                        : crypto::DecryptField(keys, s.phone_cipher));
      if (s.name == row.name && s.household_status == row.household_status && s.relocated == row.relocated &&
          s.village == row.village && s.team == row.team && s.region_code == row.region_code && stored_phone == phone) {
        ++report.unchanged;
        continue;
      }
    }
    ++(it != stored.end() ? report.updated : report.inserted);
    row.id_cipher = crypto::EncryptField(keys, id);
    row.phone_cipher = phone.empty() ? "" : crypto::EncryptField(keys, phone);
    // The audit names the project and the person's blind index, never the number itself.
    keys_audited.push_back(row.project_code + "/" + row.person_index.substr(0, 16));
    changed.push_back(std::move(row));
  }
  if (changed.empty()) return report;
  XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
    XJ_RETURN_IF_ERROR(store_->UpsertReliefWorkers(changed, Now()));
    return AppendAudit(actor, "relief_worker.save", "relief_worker_batch", changed.front().project_code,
                       changed.front().region_code, "", BatchSummary(keys_audited));
  }));
  return report;
}

Result<ImportReport> App::ImportReliefWages(const Actor& actor, TableSource& source) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kWriteProjects));
  TableHeader header;
  XJ_ASSIGN_OR_RETURN(std::vector<WageRow> rows, ReadWageRows(source, &header));
  XJ_ASSIGN_OR_RETURN(crypto::DataKeys keys, PersonalDataKeys());
  std::vector<std::pair<int, std::string>> refs;
  for (const WageRow& r : rows) refs.emplace_back(r.row, r.wage.project_code);
  std::vector<FieldError> errors;
  XJ_ASSIGN_OR_RETURN(auto projects, ProjectsForReports(actor, source, header, refs, errors));
  std::set<std::pair<std::string, std::string>> roster;
  for (const auto& [code, project] : projects) {
    XJ_ASSIGN_OR_RETURN(std::vector<StoredReliefWorker> rows_of, store_->FindReliefWorkers(code));
    for (const StoredReliefWorker& s : rows_of) roster.emplace(s.project_code, s.person_index);
  }
  std::vector<ReliefWage> wages;
  for (WageRow& r : rows) {
    if (projects.count(r.wage.project_code) &&
        !roster.count({r.wage.project_code, crypto::BlindIndex(keys, r.wage.id_number)})) {
      errors.push_back({source.sheet(), r.row, "id_number", header.index("id_number") + 1, "", "unknown_worker",
                        "此人不在该项目的务工人员花名册中（请先导入务工人员）"});
    }
    wages.push_back(std::move(r.wage));
  }
  if (!errors.empty()) {
    std::stable_sort(errors.begin(), errors.end(),
                     [](const FieldError& a, const FieldError& b) { return a.row < b.row; });
    return ImportRejected("劳务报酬", std::move(errors));
  }
  return SaveReliefWages(actor, wages);
}

Result<ImportReport> App::SaveReliefWages(const Actor& actor, const std::vector<ReliefWage>& wages) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kWriteProjects));
  std::set<std::string> codes;
  for (const ReliefWage& w : wages) {
    if (!NormalizeIdNumber(w.id_number)) {
      return Status::InvalidArgument("身份证号应为 18 位（17 位数字加一位数字或 X）");
    }
    if (w.amount <= Fen()) return Status::InvalidArgument("发放金额必须大于零");
    if (w.days < 0) return Status::InvalidArgument("务工天数不能为负数");
    if (!ParseWageMethod(w.method)) return Status::InvalidArgument("发放方式应为 bank|cash|other");
    codes.insert(w.project_code);
  }
  XJ_ASSIGN_OR_RETURN(crypto::DataKeys keys, PersonalDataKeys());
  XJ_ASSIGN_OR_RETURN(auto projects, ProjectsByCode(*store_, codes));
  for (const std::string& code : codes) {
    auto p = projects.find(code);
    if (p == projects.end()) return Status::NotFound("项目不存在：" + code);
    XJ_RETURN_IF_ERROR(Authorize(actor, Action::kWriteProjects, p->second.region_code));
  }
  std::lock_guard write(write_mu_);
  std::set<std::pair<std::string, std::string>> roster;
  for (const std::string& code : codes) {
    XJ_ASSIGN_OR_RETURN(std::vector<StoredReliefWorker> rows, store_->FindReliefWorkers(code));
    for (const StoredReliefWorker& s : rows) roster.emplace(s.project_code, s.person_index);
  }
  std::map<std::tuple<std::string, std::string, Date>, StoredWage> stored;
  XJ_ASSIGN_OR_RETURN(std::vector<StoredWage> existing, store_->FindReliefWages(std::nullopt, std::nullopt, ""));
  for (StoredWage& s : existing) {
    if (codes.count(s.fact.project_code)) {
      stored.emplace(std::make_tuple(s.fact.project_code, s.fact.person_index, s.fact.paid_on), std::move(s));
    }
  }
  ImportReport report;
  report.kind = "wages";
  report.rows = static_cast<int>(wages.size());
  std::vector<StoredWage> changed;
  std::vector<std::string> keys_audited;
  for (const ReliefWage& w : wages) {
    StoredWage row;
    row.fact.project_code = w.project_code;
    row.fact.region_code = projects.at(w.project_code).region_code;
    row.fact.person_index = crypto::BlindIndex(keys, *NormalizeIdNumber(w.id_number));
    row.fact.paid_on = w.paid_on;
    row.fact.amount_fen = w.amount.value();
    row.fact.days = w.days;
    row.detail.method = *ParseWageMethod(w.method);
    if (!roster.count({row.fact.project_code, row.fact.person_index})) {
      return Status::InvalidArgument("此人不在项目 " + w.project_code + " 的务工人员花名册中");
    }
    auto it = stored.find({row.fact.project_code, row.fact.person_index, row.fact.paid_on});
    if (it != stored.end()) {
      const StoredWage& s = it->second;
      if (s.fact.amount_fen == row.fact.amount_fen && s.fact.days == row.fact.days &&
          s.detail.method == row.detail.method && s.fact.region_code == row.fact.region_code) {
        ++report.unchanged;
        continue;
      }
    }
    ++(it != stored.end() ? report.updated : report.inserted);
    keys_audited.push_back(row.fact.project_code + "/" + row.fact.person_index.substr(0, 16) + "@" +
                           row.fact.paid_on.ToString());
    changed.push_back(std::move(row));
  }
  if (changed.empty()) return report;
  XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
    XJ_RETURN_IF_ERROR(store_->UpsertReliefWages(changed, Now()));
    return AppendAudit(actor, "relief_wage.save", "relief_wage_batch", changed.front().fact.project_code,
                       changed.front().fact.region_code, "", BatchSummary(keys_audited));
  }));
  return report;
}

Result<std::vector<ReliefWorkerView>> App::ReliefWorkers(const Actor& actor, const std::string& project_code,
                                                         bool unmasked) {
  XJ_ASSIGN_OR_RETURN(std::optional<StoredProject> project, store_->GetProject(project_code));
  if (!project) return Status::NotFound("项目不存在：" + project_code);
  const std::string& region = project->project.region_code;
  XJ_RETURN_IF_ERROR(Authorize(actor, unmasked ? Action::kReadPersonalData : Action::kRead, region));
  XJ_ASSIGN_OR_RETURN(crypto::DataKeys keys, PersonalDataKeys());
  XJ_ASSIGN_OR_RETURN(std::vector<StoredReliefWorker> rows, store_->FindReliefWorkers(project_code));
  std::vector<ReliefWorkerView> out;
  for (const StoredReliefWorker& w : rows) {
    ReliefWorkerView v = ViewOfWorker(w);
    XJ_ASSIGN_OR_RETURN(std::string id, crypto::DecryptField(keys, w.id_cipher));
    std::string phone;
    if (!w.phone_cipher.empty()) {
      XJ_ASSIGN_OR_RETURN(phone, crypto::DecryptField(keys, w.phone_cipher));
    }
    v.masked = !unmasked;
    v.id_number = unmasked ? id : MaskNumber(id);
    v.phone = unmasked ? phone : (phone.empty() ? "" : MaskNumber(phone));
    out.push_back(std::move(v));
  }
  if (unmasked) {
    // Every unmasked view is audited: who saw which project's roster, how many people.
    std::lock_guard write(write_mu_);
    XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
      return AppendAudit(actor, "relief_worker.unmask", "project", project_code, region, "",
                         "{\"persons\":" + std::to_string(out.size()) + "}");
    }));
  }
  return out;
}

Result<std::vector<ReliefWageView>> App::ReliefWages(const Actor& actor, const std::string& project_code) {
  XJ_ASSIGN_OR_RETURN(std::optional<StoredProject> project, store_->GetProject(project_code));
  if (!project) return Status::NotFound("项目不存在：" + project_code);
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kRead, project->project.region_code));
  XJ_ASSIGN_OR_RETURN(crypto::DataKeys keys, PersonalDataKeys());
  XJ_ASSIGN_OR_RETURN(std::vector<StoredReliefWorker> roster, store_->FindReliefWorkers(project_code));
  std::map<std::string, const StoredReliefWorker*> by_person;
  for (const StoredReliefWorker& w : roster) by_person[w.person_index] = &w;
  XJ_ASSIGN_OR_RETURN(std::vector<StoredWage> wages, store_->FindReliefWages(std::nullopt, std::nullopt, project_code));
  std::vector<ReliefWageView> out;
  for (const StoredWage& w : wages) {
    ReliefWageView v;
    v.id = w.id;
    v.project_code = w.fact.project_code;
    v.region_code = w.fact.region_code;
    if (auto it = by_person.find(w.fact.person_index); it != by_person.end()) {
      v.name = it->second->name;
      XJ_ASSIGN_OR_RETURN(std::string id, crypto::DecryptField(keys, it->second->id_cipher));
      v.id_number = MaskNumber(id);
    }
    v.paid_on = w.fact.paid_on;
    v.amount_fen = w.fact.amount_fen;
    v.days = w.fact.days;
    v.method = w.detail.method;
    out.push_back(std::move(v));
  }
  return out;
}

Result<WorkReliefSummary> App::WorkReliefSummaryOf(const Actor& actor, const std::string& region_code,
                                                   std::optional<Date> from, std::optional<Date> to) {
  const std::string code = region_code.empty() ? actor.region_code : region_code;
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kRead, code));
  if (from && to && *to < *from) return Status::InvalidArgument("结束日期不能早于开始日期");
  auto tree = regions();
  XJ_ASSIGN_OR_RETURN(std::vector<StoredWage> wages, store_->FindReliefWages(from, to, ""));
  XJ_ASSIGN_OR_RETURN(std::vector<StoredReliefWorker> roster, store_->FindReliefWorkers(""));
  // A person's household status and relocation: those of the person's latest roster row.
  std::map<std::string, PersonFact> latest;
  for (const StoredReliefWorker& w : roster) latest[w.person_index] = {w.person_index, w.household_status, w.relocated};
  std::vector<PersonFact> persons;
  for (const auto& entry : latest) persons.push_back(entry.second);
  auto summary_of = [&](RegionIndex root) {
    WorkReliefSummary s;
    if (root != kNoRegion) {
      s.region_code = tree->node(root).region.code;
      s.region_name = tree->node(root).region.name;
    }
    s.from = from;
    s.to = to;
    std::vector<WageFact> facts;
    for (const StoredWage& w : wages) {
      const RegionIndex i = tree->Find(w.fact.region_code);
      if (i == kNoRegion || (root != kNoRegion && !tree->Contains(root, i))) continue;
      facts.push_back(w.fact);
    }
    s.figures = SummarizeWages(facts, persons);
    return s;
  };
  const RegionIndex root = code.empty() ? kNoRegion : tree->Find(code);
  WorkReliefSummary out = summary_of(root);
  const std::vector<RegionIndex> children = root == kNoRegion ? tree->roots() : tree->node(root).children;
  for (RegionIndex c : children) out.children.push_back(summary_of(c));
  return out;
}

Result<std::vector<LabourShare>> App::LabourShares(const Actor& actor, const std::string& region_code) {
  const std::string code = region_code.empty() ? actor.region_code : region_code;
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kRead, code));
  auto tree = regions();
  const RegionIndex root = code.empty() ? kNoRegion : tree->Find(code);
  XJ_ASSIGN_OR_RETURN(std::vector<StoredWage> wages, store_->FindReliefWages(std::nullopt, std::nullopt, ""));
  std::map<std::string, std::pair<std::int64_t, std::set<std::string>>> paid;  // project → wages, persons
  for (const StoredWage& w : wages) {
    auto& [sum, people] = paid[w.fact.project_code];
    sum += w.fact.amount_fen;
    people.insert(w.fact.person_index);
  }
  std::vector<Project> projects;
  XJ_RETURN_IF_ERROR(store_->ScanProjects([&](const Project& p) {
    if (!p.work_relief && !paid.count(p.project_code)) return;
    const RegionIndex i = tree->Find(p.region_code);
    if (i == kNoRegion || (root != kNoRegion && !tree->Contains(root, i))) return;
    projects.push_back(p);
  }));
  std::int64_t minimum_bp = 0;
  {
    std::shared_lock lock(state_mu_);
    minimum_bp = engine_->policy().ValueAt(PolicyKey::kWorkReliefLabourShareMinBp, Today());
  }
  constexpr std::int64_t kFullBp = 10'000;
  std::vector<LabourShare> out;
  for (const Project& p : projects) {
    LabourShare s;
    s.project_code = p.project_code;
    s.name = p.name;
    s.region_code = p.region_code;
    s.central_fund_fen = p.central_fund.value();
    if (auto it = paid.find(p.project_code); it != paid.end()) {
      s.wages_fen = it->second.first;
      s.persons = static_cast<std::int64_t>(it->second.second.size());
    }
    s.share = Ratio{s.wages_fen, s.central_fund_fen};
    s.minimum_bp = minimum_bp;
    // wages ÷ central ≥ minimum_bp ÷ 10000, compared exactly in integers.
    s.meets_minimum = s.central_fund_fen > 0 && s.wages_fen * kFullBp >= minimum_bp * s.central_fund_fen;
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace xj
