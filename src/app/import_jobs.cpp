#include "app/import_jobs.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>

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

}  // namespace

namespace {

/// Every import kind: its name, the action it needs and its use case.
struct KindSpec {
  ImportKind kind;
  std::string_view name;
  Action action;
  Result<ImportReport> (App::*use_case)(const Actor&, TableSource&);
};
constexpr std::array<KindSpec, 9> kKinds = {{
    {ImportKind::kRegions, "regions", Action::kImportRegions, &App::ImportRegions},
    {ImportKind::kProjects, "projects", Action::kWriteProjects, &App::ImportProjects},
    {ImportKind::kLedger, "ledger", Action::kWriteLedger, &App::ImportLedger},
    {ImportKind::kContracts, "contracts", Action::kWriteProjects, &App::ImportContracts},
    {ImportKind::kProgress, "progress", Action::kWriteProjects, &App::ImportProgress},
    {ImportKind::kBenchmarks, "benchmarks", Action::kManageReferenceData, &App::ImportBenchmarks},
    {ImportKind::kAssets, "assets", Action::kWriteProjects, &App::ImportAssets},
    {ImportKind::kWorkers, "workers", Action::kWriteProjects, &App::ImportReliefWorkers},
    {ImportKind::kWages, "wages", Action::kWriteProjects, &App::ImportReliefWages},
}};

const KindSpec& SpecOf(ImportKind kind) {
  for (const KindSpec& k : kKinds) {
    if (k.kind == kind) return k;
  }
  return kKinds.back();
}

}  // namespace

std::string_view ImportKindName(ImportKind kind) {
  return SpecOf(kind).name;
}

std::optional<ImportKind> ParseImportKind(std::string_view name) {
  for (const KindSpec& k : kKinds) {
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
  }
  return "failed";
}

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
  std::string created_at, started_at, finished_at;
  std::optional<ImportReport> report;
  std::string error_code, error_message;
  std::vector<FieldError> errors;
  std::int64_t errors_total = 0;
  bool has_error_workbook = false;
};

ImportJobs::ImportJobs(App& app, ImportJobsOptions options)
    : app_(app), options_(std::move(options)), worker_([this] { Run(); }) {}

ImportJobs::~ImportJobs() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  worker_.join();
  std::lock_guard lock(mu_);
  for (auto& [id, job] : jobs_) {
    std::error_code ec;
    std::filesystem::remove_all(job->dir, ec);
  }
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
  std::lock_guard lock(mu_);
  jobs_.emplace(job->id, job);
  queue_.push_back(job);
  cv_.notify_all();
  return ViewOf(*job);
}

void ImportJobs::Run() {
  for (;;) {
    std::shared_ptr<Job> job;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [this] { return stop_ || !queue_.empty(); });
      if (stop_) return;
      job = queue_.front();
      queue_.pop_front();
      busy_ = true;
      job->state = JobState::kRunning;
      job->started_at = Stamp();
    }
    Execute(*job);
    std::lock_guard lock(mu_);
    busy_ = false;
    finished_order_.push_back(job->id);
    Forget();
    idle_cv_.notify_all();
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
  bool workbook = false;
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
    workbook = WriteErrorWorkbook((job.dir / "errors.xlsx").string(), head, source,
                                  GeneratedAtText(std::chrono::system_clock::now()))
                   .ok();
    errors = std::move(head);
  }
  std::error_code ec;
  std::filesystem::remove(upload, ec);

  std::lock_guard lock(mu_);
  job.finished_at = Stamp();
  job.rows_total = std::max(job.rows_total, job.rows_read.load());
  if (result.ok()) {
    job.state = JobState::kSucceeded;
    job.report = *result;
    job.rows_total = job.rows_read.load();
  } else {
    job.state = JobState::kFailed;
    job.error_code = status.code_name();
    job.error_message = status.message();
    job.errors_total = static_cast<std::int64_t>(std::max(status.details().size(), errors.size()));
    job.errors = std::move(errors);
    job.has_error_workbook = workbook;
  }
}

void ImportJobs::Forget() {
  while (finished_order_.size() > options_.history) {
    auto it = jobs_.find(finished_order_.front());
    if (it != jobs_.end()) {
      std::error_code ec;
      std::filesystem::remove_all(it->second->dir, ec);
      jobs_.erase(it);
    }
    finished_order_.pop_front();
  }
}

bool ImportJobs::Visible(const Actor& actor, const Job& job) const {
  if (actor.username == job.actor.username) return true;  // usernames are unique and never reused
  if (actor.role == Role::kSystem) return true;
  // An administrator sees the jobs of users homed inside their own scope: a county's admin
  // must not read another county's uploaded rows through its error workbook.
  return actor.role == Role::kAdmin && app_.InScope(actor, job.actor.region_code);
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
  v.finished_at = job.finished_at;
  v.rows_read = job.rows_read.load();
  v.rows_total = std::max(job.rows_total, v.rows_read);
  v.report = job.report;
  v.error_code = job.error_code;
  v.error_message = job.error_message;
  v.errors = job.errors;
  v.errors_total = job.errors_total;
  v.has_error_workbook = job.has_error_workbook;
  return v;
}

Result<ImportJobView> ImportJobs::Get(const Actor& actor, const std::string& id) const {
  std::lock_guard lock(mu_);
  auto it = jobs_.find(id);
  if (it == jobs_.end() || !Visible(actor, *it->second)) return Status::NotFound("导入任务不存在：" + id);
  return ViewOf(*it->second);
}

std::vector<ImportJobView> ImportJobs::List(const Actor& actor) const {
  std::lock_guard lock(mu_);
  std::vector<ImportJobView> out;
  for (const auto& [id, job] : jobs_) {
    if (Visible(actor, *job)) out.push_back(ViewOf(*job));
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.created_at > b.created_at; });
  return out;
}

Result<std::string> ImportJobs::ErrorWorkbook(const Actor& actor, const std::string& id) const {
  std::lock_guard lock(mu_);  // held while reading: Forget() cannot remove the file meanwhile
  auto it = jobs_.find(id);
  if (it == jobs_.end() || !Visible(actor, *it->second)) return Status::NotFound("导入任务不存在：" + id);
  if (!it->second->has_error_workbook) return Status::NotFound("该导入任务没有错误表");
  std::ifstream in(it->second->dir / "errors.xlsx", std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) return Status::Internal("无法读取错误表");
  return bytes.str();
}

void ImportJobs::WaitIdle() {
  std::unique_lock lock(mu_);
  idle_cv_.wait(lock, [this] { return queue_.empty() && !busy_; });
}

}  // namespace xj
