#pragma once
/// Import jobs (导入任务): an uploaded CSV or XLSX file is imported on a worker thread while the
/// caller polls its progress (rows read / rows expected) and finally reads the result — the
/// counts of the ImportReport, or the row-level errors, also as an XLSX workbook in which the
/// offending cells are highlighted.
///
/// Jobs are kept in the store (import_jobs, migration 0016) with a bounded history of finished
/// jobs (ImportJobsOptions::history), so a job accepted by one server is polled through any
/// server of the same database. The server that accepted the upload runs the job (the file is
/// spooled on its disk) and writes its state, progress and outcome; while it runs, that server
/// answers the job from memory. A job whose server ended before it finished is recorded as
/// cancelled — by that server itself on SIGTERM, at the next start of a server of the same name
/// (TakeOver), or by any server once its heartbeat has lapsed (ImportJobsOptions::lease) — and
/// nothing of it is written: the import commits in one transaction or not at all.
/// A job is visible only to the user who submitted it, and to admins whose scope holds the
/// submitter's home region.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "app/app.hpp"
#include "io/table_file.hpp"

namespace xj {

/// The import kinds (docs/definitions.md §4, docs/operations.md).
enum class ImportKind {
  kRegions,
  kProjects,
  kLedger,
  kContracts,
  kProgress,
  kBenchmarks,
  kAssets,
  kWorkers,
  kWages,
  kFactors
};
/// "regions" | "projects" | "ledger" | "contracts" | "progress" | "benchmarks" | "assets" | "workers" | "wages" |
/// "factors".
std::string_view ImportKindName(ImportKind kind);
std::optional<ImportKind> ParseImportKind(std::string_view name);
/// The action a caller must be granted to import `kind` (the route's access rule).
Action ImportAction(ImportKind kind);
/// Runs the import use case of `kind` (the same one for the CLI, the HTTP upload and a job).
/// Fails with code "cancelled" (Unavailable) at the next row once CancelImports() was called, so
/// the use case writes nothing.
Result<ImportReport> RunImport(App& app, ImportKind kind, const Actor& actor, TableSource& source);
/// Cancels every running and later import of this process (SIGTERM): each fails at its next row
/// read, before its transaction, and a job so ended skips its error workbook. Thread-safe.
void CancelImports();
bool ImportsCancelled();

enum class JobState { kQueued, kRunning, kSucceeded, kFailed, kCancelled };
/// "queued" | "running" | "succeeded" | "failed" | "cancelled".
std::string_view JobStateName(JobState state);

/// What a poll shows of a job.
struct ImportJobView {
  std::string id;
  ImportKind kind = ImportKind::kLedger;
  JobState state = JobState::kQueued;
  /// "queued", "reading" (rows are being read), "writing" (checked and written), "done".
  std::string phase;
  std::string file_name;
  std::string format;  ///< "csv" | "xlsx"
  std::string owner;   ///< username of the submitter
  std::string created_at, started_at, finished_at;
  std::int64_t rows_read = 0;
  std::int64_t rows_total = 0;         ///< expected rows (estimate, ≥ rows_read once done); 0 = unknown
  std::optional<ImportReport> report;  ///< when succeeded
  std::string error_code;              ///< when failed: ErrorCodeName of the status; "cancelled"
  std::string error_message;
  std::vector<FieldError> errors;  ///< the first ImportJobsOptions::max_listed_errors row-level errors
  std::int64_t errors_total = 0;
  bool has_error_workbook = false;
};

struct ImportJobsOptions {
  std::filesystem::path work_dir = std::filesystem::temp_directory_path();  ///< uploads are spooled here
  std::size_t history = 50;     ///< finished jobs kept (oldest forgotten first)
  std::size_t max_queued = 64;  ///< TooManyRequests beyond this many waiting jobs of everyone
  /// TooManyRequests beyond this many waiting jobs of one user: one user's burst never fills the
  /// queue for the others (issue #13 point 3).
  std::size_t max_queued_per_user = 2;
  std::size_t max_errors = 10'000;        ///< row-level errors in the error workbook
  std::size_t max_listed_errors = 1'000;  ///< row-level errors kept in the store and shown by a poll
  /// Names the jobs this process runs (TakeOver sets it); empty: host name and process id.
  std::string server;
  /// How often the running job's progress is written to the store.
  std::chrono::milliseconds progress_interval{250};
  /// How often this process touches the heartbeat of its unfinished jobs and looks for jobs
  /// whose heartbeat has lapsed.
  std::chrono::milliseconds heartbeat_interval{5'000};
  /// An unfinished job whose heartbeat is older is recorded as cancelled by any server: its
  /// server is gone. Longer than any import's write transaction (on SQLite, a server's writes
  /// wait for its own running import).
  std::chrono::seconds lease{300};
};

/// Owns one worker thread and one that writes progress and heartbeats. Thread-safe. Destroy it
/// before the App it uses: the jobs of this process that did not finish are then recorded as
/// cancelled.
class ImportJobs {
 public:
  explicit ImportJobs(App& app, ImportJobsOptions options = {});
  ~ImportJobs();
  ImportJobs(const ImportJobs&) = delete;
  ImportJobs& operator=(const ImportJobs&) = delete;

  /// Names this process's jobs `server` from now on and records as cancelled the jobs an earlier
  /// process of that name left unfinished (it is gone: this one holds its address) and those
  /// whose heartbeat has lapsed. `xianjie serve` calls it once it listens, before any Submit.
  Status TakeOver(std::string server);

  /// Spools `data` to a file, records the job in the store and queues its import. The route admitting the upload checks
  /// the role's grant; the App use case the job runs checks role and scope again (a refusal is the job's result).
  /// TooManyRequests when the queue is full; the store's error when it cannot be recorded. `hint` is the file name or
  /// Content-Type used, with the first bytes, to tell XLSX from CSV; `options` how it is read.
  Result<ImportJobView> Submit(const Actor& actor, ImportKind kind, std::string_view data, std::string file_name,
                               std::string hint, TableOptions options = {});
  /// NotFound for an unknown id and for a job of another user (unless the actor is an admin
  /// whose scope holds that user's home region). A job of this process from memory, any other
  /// from the store.
  Result<ImportJobView> Get(const Actor& actor, const std::string& id) const;
  /// The actor's jobs, newest first (for an admin, every job of users homed in their scope).
  Result<std::vector<ImportJobView>> List(const Actor& actor) const;
  /// The bytes of the error workbook (.xlsx) of a failed job (NotFound when it has none).
  Result<std::string> ErrorWorkbook(const Actor& actor, const std::string& id) const;
  /// Blocks until the queue is empty, the worker idle and every outcome written (tests, shutdown).
  void WaitIdle();

 private:
  struct Job;
  void Run();
  void Report();
  void Execute(Job& job);
  /// Writes a finished job's outcome to the store (retried a few times; logged when it fails).
  void Finish(const ImportJobRecord& record, const std::string& workbook);
  bool Visible(const Actor& actor, std::string_view owner, std::string_view owner_region) const;
  ImportJobView ViewOf(const Job& job) const;      // REQUIRES: mu_ held
  ImportJobRecord RecordOf(const Job& job) const;  // REQUIRES: mu_ held
  std::string Server() const;

  App& app_;
  ImportJobsOptions options_;  // server GUARDED_BY(mu_)
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::condition_variable idle_cv_;
  std::condition_variable report_cv_;
  /// The jobs of this process not yet finished (queued or running).
  std::map<std::string, std::shared_ptr<Job>> jobs_;  // GUARDED_BY(mu_)
  std::deque<std::shared_ptr<Job>> queue_;            // GUARDED_BY(mu_)
  std::shared_ptr<Job> running_;                      // GUARDED_BY(mu_)
  bool stop_ = false;                                 // GUARDED_BY(mu_)
  std::thread worker_;
  std::thread reporter_;
};

}  // namespace xj
