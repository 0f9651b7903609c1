#include "app/import_jobs.hpp"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "app/crypto.hpp"
#include "core/timestamp.hpp"
#include "io/error_workbook.hpp"
#include "io/table_file.hpp"

namespace xj {
namespace {

/// Counts the rows an import reads, for progress; notices the end of the file.
class CountingSource final : public TableSource {
 public:
  CountingSource(TableSource& inner, std::atomic<std::int64_t>& rows, std::atomic<bool>& ended)
      : inner_(inner), rows_(rows), ended_(ended) {}
  Result<std::optional<TableRow>> Next() override {
    auto next = inner_.Next();
    if (next.ok() && *next) {
      if (header_seen_) rows_.fetch_add(1, std::memory_order_relaxed);
      header_seen_ = true;
    } else {
      ended_ = true;
    }
    return next;
  }
  std::string sheet() const override { return inner_.sheet(); }
  std::string encoding() const override { return inner_.encoding(); }
  FormulaCells formula_cells() const override { return inner_.formula_cells(); }

 private:
  TableSource& inner_;
  std::atomic<std::int64_t>& rows_;
  std::atomic<bool>& ended_;
  bool header_seen_ = false;
};

std::string NewJobId() {
  static std::mutex mu;
  static std::mt19937_64 rng{std::random_device{}()};
  std::lock_guard lock(mu);
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(rng()));
  return buf;
}

std::string Stamp() {
  return FormatTimestamp(std::chrono::system_clock::now());
}

std::int64_t UnixNow() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

/// The default name of this process's jobs: the host and the process id.
std::string DefaultServerName() {
  char host[256] = {};
  if (::gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
  return std::string(host[0] ? host : "localhost") + ":pid" + std::to_string(::getpid());
}

constexpr std::string_view kStoppedMessage = "服务器已停止，导入任务已取消，未写入任何数据";

// The stored JSON forms of a report and of row errors (import_jobs.report_json, errors_json).
// The report keeps what the synchronous routes answer: the file's encoding and its formula cells.
std::string ReportJson(const ImportReport& r) {
  nlohmann::json j = {
      {"kind", r.kind}, {"rows", r.rows}, {"inserted", r.inserted}, {"updated", r.updated}, {"unchanged", r.unchanged}};
  if (!r.encoding.empty()) j["encoding"] = r.encoding;
  if (r.formula_cells.total > 0) {
    nlohmann::json cells = nlohmann::json::array();
    for (const FormulaCell& c : r.formula_cells.first) {
      cells.push_back(
          {{"sheet", c.sheet}, {"row", c.row}, {"column", c.column}, {"formula", c.formula}, {"value", c.value}});
    }
    j["formula_cells_total"] = r.formula_cells.total;
    j["formula_cells"] = std::move(cells);
  }
  return j.dump();
}

std::string ErrorsJson(const std::vector<FieldError>& errors, std::size_t max) {
  nlohmann::json out = nlohmann::json::array();
  for (std::size_t i = 0; i < errors.size() && i < max; ++i) {
    const FieldError& e = errors[i];
    out.push_back({{"sheet", e.sheet},
                   {"row", e.row},
                   {"column", e.column},
                   {"column_index", e.column_index},
                   {"value", e.value},
                   {"code", e.code},
                   {"message", e.message}});
  }
  return out.dump();
}

std::optional<ImportReport> ParseReport(const std::string& text) {
  if (text.empty()) return std::nullopt;
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object()) return std::nullopt;
  ImportReport r;
  r.kind = j.value("kind", "");
  r.rows = j.value("rows", 0);
  r.inserted = j.value("inserted", 0);
  r.updated = j.value("updated", 0);
  r.unchanged = j.value("unchanged", 0);
  r.encoding = j.value("encoding", "");
  r.formula_cells.total = j.value("formula_cells_total", std::int64_t{0});
  if (const auto cells = j.find("formula_cells"); cells != j.end() && cells->is_array()) {
    for (const nlohmann::json& c : *cells) {
      if (!c.is_object()) continue;
      r.formula_cells.first.push_back({c.value("sheet", ""), c.value("row", 0), c.value("column", ""),
                                       c.value("formula", ""), c.value("value", "")});
    }
  }
  return r;
}

std::vector<FieldError> ParseErrors(const std::string& text) {
  std::vector<FieldError> out;
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const nlohmann::json& e : j) {
    if (!e.is_object()) continue;
    out.push_back({e.value("sheet", ""), e.value("row", 0), e.value("column", ""), e.value("column_index", 0),
                   e.value("value", ""), e.value("code", ""), e.value("message", "")});
  }
  return out;
}

std::optional<JobState> ParseJobState(std::string_view name) {
  for (JobState s :
       {JobState::kQueued, JobState::kRunning, JobState::kSucceeded, JobState::kFailed, JobState::kCancelled}) {
    if (JobStateName(s) == name) return s;
  }
  return std::nullopt;
}

}  // namespace

namespace {

/// Every import kind: its name, the action it needs and its use case.
struct KindSpec {
  ImportKind kind;
  std::string_view name;
  Action action;
  Result<ImportReport> (App::*use_case)(const Actor&, TableSource&);
};
constexpr std::array<KindSpec, 10> kImportJobKinds = {{
    {ImportKind::kRegions, "regions", Action::kImportRegions, &App::ImportRegions},
    {ImportKind::kProjects, "projects", Action::kWriteProjects, &App::ImportProjects},
    {ImportKind::kLedger, "ledger", Action::kWriteLedger, &App::ImportLedger},
    {ImportKind::kContracts, "contracts", Action::kWriteProjects, &App::ImportContracts},
    {ImportKind::kProgress, "progress", Action::kWriteProjects, &App::ImportProgress},
    {ImportKind::kBenchmarks, "benchmarks", Action::kManageReferenceData, &App::ImportBenchmarks},
    {ImportKind::kAssets, "assets", Action::kWriteProjects, &App::ImportAssets},
    {ImportKind::kWorkers, "workers", Action::kWriteProjects, &App::ImportReliefWorkers},
    {ImportKind::kWages, "wages", Action::kWriteProjects, &App::ImportReliefWages},
    {ImportKind::kFactors, "factors", Action::kSettleIncentives, &App::ImportFactors},
}};

const KindSpec& SpecOf(ImportKind kind) {
  for (const KindSpec& k : kImportJobKinds) {
    if (k.kind == kind) return k;
  }
  return kImportJobKinds.back();
}

}  // namespace

std::string_view ImportKindName(ImportKind kind) {
  return SpecOf(kind).name;
}

std::optional<ImportKind> ParseImportKind(std::string_view name) {
  for (const KindSpec& k : kImportJobKinds) {
    if (k.name == name) return k.kind;
  }
  return std::nullopt;
}

Action ImportAction(ImportKind kind) {
  return SpecOf(kind).action;
}

namespace {

std::atomic<bool> g_imports_cancelled{false};

/// Ends the read with "cancelled" once imports are cancelled: the use case reads every row
/// before it writes, so nothing of the file is stored.
class CancellableSource final : public TableSource {
 public:
  explicit CancellableSource(TableSource& inner) : inner_(inner) {}
  Result<std::optional<TableRow>> Next() override {
    if (g_imports_cancelled.load(std::memory_order_relaxed)) {
      return Status::Unavailable("服务器正在停止，导入已取消，未写入任何数据").WithReason("cancelled");
    }
    return inner_.Next();
  }
  std::string sheet() const override { return inner_.sheet(); }
  std::string encoding() const override { return inner_.encoding(); }
  FormulaCells formula_cells() const override { return inner_.formula_cells(); }

 private:
  TableSource& inner_;
};

}  // namespace

void CancelImports() {
  g_imports_cancelled = true;
}

bool ImportsCancelled() {
  return g_imports_cancelled.load();
}

Result<ImportReport> RunImport(App& app, ImportKind kind, const Actor& actor, TableSource& source) {
  CancellableSource cancellable(source);
  Result<ImportReport> report = (app.*SpecOf(kind).use_case)(actor, cancellable);
  if (report.ok()) {
    report->encoding = source.encoding();
    report->formula_cells = source.formula_cells();
  }
  return report;
}

std::string_view JobStateName(JobState state) {
  switch (state) {
    case JobState::kQueued: return "queued";
    case JobState::kRunning: return "running";
    case JobState::kSucceeded: return "succeeded";
    case JobState::kFailed: return "failed";
    case JobState::kCancelled: return "cancelled";
  }
  return "failed";
}

/// A job of this process until its outcome is written to the store.
struct ImportJobs::Job {
  std::string id;
  ImportKind kind = ImportKind::kLedger;
  Actor actor;
  std::string file_name;
  std::string hint;
  TableOptions options;
  std::filesystem::path dir;  // holds upload.bin, then errors.xlsx
  std::atomic<std::int64_t> rows_read{0};
  std::atomic<bool> ended{false};
  // The fields below are GUARDED_BY(ImportJobs::mu_).
  JobState state = JobState::kQueued;
  std::string format;
  std::int64_t rows_total = 0;
  std::string created_at, started_at;
};

ImportJobs::ImportJobs(App& app, ImportJobsOptions options) : app_(app), options_(std::move(options)) {
  if (options_.server.empty()) options_.server = DefaultServerName();
  worker_ = std::thread([this] { Run(); });
  reporter_ = std::thread([this] { Report(); });
}

ImportJobs::~ImportJobs() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  report_cv_.notify_all();
  worker_.join();
  reporter_.join();
  // Jobs still queued never ran: recorded as cancelled, their uploads removed.
  std::vector<std::shared_ptr<Job>> left;
  {
    std::lock_guard lock(mu_);
    for (auto& [id, job] : jobs_) left.push_back(job);
    jobs_.clear();
  }
  for (const std::shared_ptr<Job>& job : left) {
    ImportJobRecord record;
    {
      std::lock_guard lock(mu_);
      record = RecordOf(*job);
    }
    record.state = JobStateName(JobState::kCancelled);
    record.phase = "done";
    record.finished_at = Stamp();
    record.error_code = "cancelled";
    record.error_message = kStoppedMessage;
    Finish(record, "");
    std::error_code ec;
    std::filesystem::remove_all(job->dir, ec);
  }
}

std::string ImportJobs::Server() const {
  std::lock_guard lock(mu_);
  return options_.server;
}

Status ImportJobs::TakeOver(std::string server) {
  {
    std::lock_guard lock(mu_);
    options_.server = server;
  }
  const std::int64_t lapsed = UnixNow() - options_.lease.count();
  XJ_ASSIGN_OR_RETURN(std::int64_t cancelled, app_.store().CancelImportJobs(server, lapsed, Stamp(), kStoppedMessage));
  if (cancelled > 0) {
    std::cerr << "导入任务：" << cancelled << " 个未完成的任务（其服务器已停止）记为已取消，未写入任何数据"
              << std::endl;
  }
  return Status::Ok();
}

Result<ImportJobView> ImportJobs::Submit(const Actor& actor, ImportKind kind, std::string_view data,
                                         std::string file_name, std::string hint, TableOptions options) {
  {
    std::lock_guard lock(mu_);
    const auto own = std::count_if(queue_.begin(), queue_.end(),
                                   [&](const std::shared_ptr<Job>& j) { return j->actor.username == actor.username; });
    if (static_cast<std::size_t>(own) >= options_.max_queued_per_user) {
      return Status::TooManyRequests("您已有 " + std::to_string(own) + " 个导入任务在排队，请等它们开始后再提交");
    }
    if (queue_.size() >= options_.max_queued) return Status::TooManyRequests("导入任务排队已满，请稍后再试");
  }
  auto job = std::make_shared<Job>();
  job->id = NewJobId();
  job->kind = kind;
  job->actor = actor;
  job->file_name = std::move(file_name);
  // The Content-Type and the file name both count (a browser may send a generic type).
  job->options = options;
  job->hint = hint.empty() ? job->file_name : job->file_name.empty() ? hint : hint + ";" + job->file_name;
  job->created_at = Stamp();
  job->format = TableFormatName(DetectTableFormat(data.substr(0, 8), job->hint));
  job->dir = options_.work_dir / ("xianjie-import-" + job->id);
  std::error_code ec;
  std::filesystem::create_directories(job->dir, ec);
  if (ec) return Status::Unavailable("无法创建导入临时目录：" + ec.message());
  {
    std::ofstream out(job->dir / "upload.bin", std::ios::binary);
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    if (!out) {
      std::filesystem::remove_all(job->dir, ec);
      return Status::Unavailable("无法保存上传文件（磁盘已满？）");
    }
  }
  ImportJobRecord record;
  {
    std::lock_guard lock(mu_);
    record = RecordOf(*job);
  }
  if (Status s = app_.store().InsertImportJob(record); !s.ok()) {
    std::filesystem::remove_all(job->dir, ec);
    return s;
  }
  std::lock_guard lock(mu_);
  jobs_.emplace(job->id, job);
  queue_.push_back(job);
  cv_.notify_all();
  return ViewOf(*job);
}

void ImportJobs::Run() {
  for (;;) {
    std::shared_ptr<Job> job;
    ImportJobRecord started;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [this] { return stop_ || !queue_.empty(); });
      if (stop_) return;
      job = queue_.front();
      queue_.pop_front();
      running_ = job;
      job->state = JobState::kRunning;
      job->started_at = Stamp();
      started = RecordOf(*job);
    }
    // Seen as running through every server at once; later progress follows from Report().
    if (Status s = app_.store().UpdateImportJobProgress(started); !s.ok()) {
      std::cerr << "导入任务 " << job->id << "：无法记录开始：" << s.ToString() << std::endl;
    }
    Execute(*job);
    std::lock_guard lock(mu_);
    running_.reset();
    jobs_.erase(job->id);
    idle_cv_.notify_all();
  }
}

void ImportJobs::Report() {
  std::int64_t saved_rows = -1;
  std::string saved_id, saved_phase;
  auto last_beat = std::chrono::steady_clock::now();
  std::unique_lock lock(mu_);
  while (!stop_) {
    report_cv_.wait_for(lock, options_.progress_interval, [this] { return stop_; });
    if (stop_) break;
    std::optional<ImportJobRecord> progress;
    if (running_) {
      ImportJobRecord r = RecordOf(*running_);
      if (r.job_id != saved_id || r.rows_read != saved_rows || r.phase != saved_phase) {
        saved_id = r.job_id;
        saved_rows = r.rows_read;
        saved_phase = r.phase;
        progress = std::move(r);
      }
    }
    const auto now = std::chrono::steady_clock::now();
    const bool beat = now - last_beat >= options_.heartbeat_interval;
    if (beat) last_beat = now;
    const std::string server = options_.server;
    lock.unlock();
    // Failures are left to the next round (the store may be busy or briefly away).
    if (progress) (void)app_.store().UpdateImportJobProgress(*progress);
    if (beat) {
      const std::int64_t unix_now = UnixNow();
      (void)app_.store().TouchImportJobs(server, unix_now);
      // Jobs of a server gone for good: never "running" forever.
      (void)app_.store().CancelImportJobs("", unix_now - options_.lease.count(), Stamp(), kStoppedMessage);
    }
    lock.lock();
  }
}

void ImportJobs::Execute(Job& job) {
  const std::string upload = (job.dir / "upload.bin").string();
  Result<ImportReport> result = Status::Internal("unreachable");
  auto opened = OpenTableFile(upload, job.hint, job.options);
  if (opened.ok()) {
    {
      std::lock_guard lock(mu_);
      job.rows_total = std::max<std::int64_t>(0, opened->estimated_rows - 1);  // less the header
      job.format = TableFormatName(opened->format);
    }
    CountingSource counting(*opened->source, job.rows_read, job.ended);
    result = RunImport(app_, job.kind, job.actor, counting);
  } else {
    result = opened.status();
  }

  const Status status = result.status();
  std::vector<FieldError> errors = status.details();
  std::string workbook;
  const bool cancelled = !status.ok() && status.code_name() == "cancelled";
  if (cancelled) {
    // Optional work is skipped on the way out; the log records what was cancelled.
    std::cerr << "导入任务 " << job.id << "（" << ImportKindName(job.kind) << "，" << job.actor.username
              << "）已取消：服务器正在停止，未写入任何数据" << std::endl;
  }
  if (!status.ok() && !cancelled) {
    // A refusal without row errors (permission, a store failure) still gets its one-line table.
    if (errors.empty()) errors.push_back({"", 0, "", 0, "", status.code_name(), status.message()});
    const std::size_t kept = std::min(errors.size(), options_.max_errors);
    std::vector<FieldError> head(errors.begin(), errors.begin() + static_cast<std::ptrdiff_t>(kept));
    auto original = OpenTableFile(upload, job.hint);
    TableSource* source = original.ok() ? original->source.get() : nullptr;
    const std::filesystem::path book = job.dir / "errors.xlsx";
    if (WriteErrorWorkbook(book.string(), head, source, GeneratedAtText(std::chrono::system_clock::now()),
                           ImportKindName(job.kind))
            .ok()) {
      std::ifstream in(book, std::ios::binary);
      std::ostringstream bytes;
      bytes << in.rdbuf();
      if (in) workbook = crypto::Base64Encode(bytes.str());
    }
    errors = std::move(head);
  }
  std::error_code ec;
  std::filesystem::remove_all(job.dir, ec);

  // The local job stays running until its outcome is in the store (a poll meanwhile reads it
  // from memory as running); then Run() forgets it and polls read the store.
  ImportJobRecord record;
  {
    std::lock_guard lock(mu_);
    job.rows_total = std::max(job.rows_total, job.rows_read.load());
    record = RecordOf(job);
  }
  const JobState state = result.ok() ? JobState::kSucceeded : cancelled ? JobState::kCancelled : JobState::kFailed;
  record.state = JobStateName(state);
  if (result.ok()) record.rows_total = record.rows_read;
  record.phase = "done";
  record.finished_at = Stamp();
  if (result.ok()) {
    record.report_json = ReportJson(*result);
  } else {
    record.error_code = status.code_name();
    record.error_message = status.message();
    record.errors_total = static_cast<std::int64_t>(std::max(status.details().size(), errors.size()));
    record.errors_json = ErrorsJson(errors, options_.max_listed_errors);
  }
  Finish(record, workbook);
}

void ImportJobs::Finish(const ImportJobRecord& record, const std::string& workbook) {
  Store& store = app_.store();
  for (int attempt = 0;; ++attempt) {
    Status s = store.FinishImportJob(record, workbook);
    if (s.ok()) break;
    if (attempt == 2) {
      std::cerr << "导入任务 " << record.job_id << "：无法记录结果（" << record.state << "）：" << s.ToString()
                << std::endl;
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  (void)store.PruneImportJobs(static_cast<std::int64_t>(options_.history));
}

bool ImportJobs::Visible(const Actor& actor, std::string_view owner, std::string_view owner_region) const {
  if (actor.username == owner) return true;  // usernames are unique and never reused
  if (actor.role == Role::kSystem) return true;
  // An administrator sees the jobs of users homed inside their own scope: a county's admin
  // must not read another county's uploaded rows through its error workbook.
  return actor.role == Role::kAdmin && app_.InScope(actor, std::string(owner_region));
}

ImportJobRecord ImportJobs::RecordOf(const Job& job) const {
  ImportJobRecord r;
  r.job_id = job.id;
  r.kind = ImportKindName(job.kind);
  r.state = JobStateName(job.state);
  switch (job.state) {
    case JobState::kQueued: r.phase = "queued"; break;
    case JobState::kRunning: r.phase = job.ended.load() ? "writing" : "reading"; break;
    default: r.phase = "done"; break;
  }
  r.owner = job.actor.username;
  r.owner_region = job.actor.region_code;
  r.file_name = job.file_name;
  r.format = job.format;
  r.server = options_.server;
  r.heartbeat = UnixNow();
  r.rows_read = job.rows_read.load();
  r.rows_total = std::max(job.rows_total, r.rows_read);
  r.created_at = job.created_at;
  r.started_at = job.started_at;
  return r;
}

ImportJobView ImportJobs::ViewOf(const Job& job) const {
  ImportJobView v;
  v.id = job.id;
  v.kind = job.kind;
  v.state = job.state;
  const bool ended = job.ended.load();
  switch (job.state) {
    case JobState::kQueued: v.phase = "queued"; break;
    case JobState::kRunning: v.phase = ended ? "writing" : "reading"; break;
    default: v.phase = "done"; break;
  }
  v.file_name = job.file_name;
  v.format = job.format;
  v.owner = job.actor.username;
  v.created_at = job.created_at;
  v.started_at = job.started_at;
  v.rows_read = job.rows_read.load();
  v.rows_total = std::max(job.rows_total, v.rows_read);
  return v;
}

namespace {

/// What a poll shows of a stored job.
ImportJobView ViewOfRecord(const ImportJobRecord& r) {
  ImportJobView v;
  v.id = r.job_id;
  v.kind = ParseImportKind(r.kind).value_or(ImportKind::kLedger);
  v.state = ParseJobState(r.state).value_or(JobState::kFailed);
  v.phase = r.phase;
  v.file_name = r.file_name;
  v.format = r.format;
  v.owner = r.owner;
  v.created_at = r.created_at;
  v.started_at = r.started_at;
  v.finished_at = r.finished_at;
  v.rows_read = r.rows_read;
  v.rows_total = std::max(r.rows_total, r.rows_read);
  v.report = ParseReport(r.report_json);
  v.error_code = r.error_code;
  v.error_message = r.error_message;
  v.errors = ParseErrors(r.errors_json);
  v.errors_total = r.errors_total;
  v.has_error_workbook = r.has_error_workbook;
  return v;
}

}  // namespace

Result<ImportJobView> ImportJobs::Get(const Actor& actor, const std::string& id) const {
  {
    std::lock_guard lock(mu_);
    auto it = jobs_.find(id);
    if (it != jobs_.end()) {
      if (!Visible(actor, it->second->actor.username, it->second->actor.region_code)) {
        return Status::NotFound("导入任务不存在：" + id);
      }
      return ViewOf(*it->second);
    }
  }
  XJ_ASSIGN_OR_RETURN(std::optional<ImportJobRecord> record, app_.store().FindImportJob(id));
  if (!record || !Visible(actor, record->owner, record->owner_region)) {
    return Status::NotFound("导入任务不存在：" + id);
  }
  return ViewOfRecord(*record);
}

Result<std::vector<ImportJobView>> ImportJobs::List(const Actor& actor) const {
  XJ_ASSIGN_OR_RETURN(std::vector<ImportJobRecord> records, app_.store().ListImportJobs());
  std::vector<ImportJobView> out;
  std::lock_guard lock(mu_);
  for (const ImportJobRecord& r : records) {
    if (!Visible(actor, r.owner, r.owner_region)) continue;
    auto local = jobs_.find(r.job_id);
    out.push_back(local != jobs_.end() ? ViewOf(*local->second) : ViewOfRecord(r));
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.created_at > b.created_at; });
  return out;
}

Result<std::string> ImportJobs::ErrorWorkbook(const Actor& actor, const std::string& id) const {
  XJ_ASSIGN_OR_RETURN(std::optional<ImportJobRecord> record, app_.store().FindImportJob(id));
  if (!record || !Visible(actor, record->owner, record->owner_region)) {
    return Status::NotFound("导入任务不存在：" + id);
  }
  if (!record->has_error_workbook) return Status::NotFound("该导入任务没有错误表");
  XJ_ASSIGN_OR_RETURN(std::string encoded, app_.store().ImportJobErrorWorkbook(id));
  auto bytes = crypto::Base64Decode(encoded);
  if (!bytes.ok()) return Status::Internal("无法读取错误表");
  return std::move(bytes).value();
}

void ImportJobs::WaitIdle() {
  std::unique_lock lock(mu_);
  idle_cv_.wait(lock, [this] { return queue_.empty() && !running_; });
}

}  // namespace xj
