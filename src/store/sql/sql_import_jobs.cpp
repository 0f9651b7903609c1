// SqlStore: import jobs (migration 0016_import_jobs.sql).
#include "store/sql/entities.hpp"
#include "store/sql/fields.hpp"
#include "store/sql/sql_store.hpp"

namespace xj::sql {
namespace {

constexpr std::string_view kJobColumns =
    "job_id, kind, state, phase, owner, owner_region, file_name, format, server, heartbeat, rows_read, rows_total, "
    "created_at, started_at, finished_at, report_json, error_code, error_message, errors_json, errors_total, "
    "CASE WHEN error_workbook <> '' THEN 1 ELSE 0 END";
constexpr const char kInsertJob[] =
    "INSERT INTO import_jobs (job_id, kind, state, phase, owner, owner_region, file_name, format, server, heartbeat, "
    "rows_read, rows_total, created_at, started_at, finished_at, report_json, error_code, error_message, "
    "errors_json, errors_total) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, "
    "$18, $19, $20)";
// Progress never moves a job that is finished (by its server, or cancelled by another).
constexpr const char kUpdateProgress[] =
    "UPDATE import_jobs SET state = $2, phase = $3, format = $4, heartbeat = $5, rows_read = $6, rows_total = $7, "
    "started_at = $8 WHERE job_id = $1 AND state IN ('queued', 'running')";
// The outcome is written as the job's server saw it, over a cancellation another server recorded
// after the heartbeat lapsed (docs/operations.md "Import jobs").
constexpr const char kFinishJob[] =
    "UPDATE import_jobs SET state = $2, phase = 'done', format = $3, heartbeat = $4, rows_read = $5, "
    "rows_total = $6, started_at = $7, finished_at = $8, report_json = $9, error_code = $10, error_message = $11, "
    "errors_json = $12, errors_total = $13, error_workbook = $14 WHERE job_id = $1";
const std::string kSelectJob = Concat({"SELECT ", kJobColumns, " FROM import_jobs WHERE job_id = $1"});
const std::string kSelectJobs =
    Concat({"SELECT ", kJobColumns, " FROM import_jobs ORDER BY created_at DESC, job_id DESC"});
constexpr const char kSelectWorkbook[] = "SELECT error_workbook FROM import_jobs WHERE job_id = $1";
constexpr const char kCancelJobs[] =
    "UPDATE import_jobs SET state = 'cancelled', phase = 'done', finished_at = $3, error_code = 'cancelled', "
    "error_message = $4 WHERE state IN ('queued', 'running') AND (server = $1 OR heartbeat < $2)";
constexpr const char kTouchJobs[] =
    "UPDATE import_jobs SET heartbeat = $2 WHERE server = $1 AND state IN ('queued', 'running')";
constexpr const char kPruneJobs[] =
    "DELETE FROM import_jobs WHERE state IN ('succeeded', 'failed', 'cancelled') AND job_id NOT IN (SELECT job_id "
    "FROM import_jobs WHERE state IN ('succeeded', 'failed', 'cancelled') ORDER BY finished_at DESC, job_id DESC "
    "LIMIT $1)";

Result<ImportJobRecord> ReadJob(const Row& row) {
  Fields f(row, "import_jobs", "job_id=" + std::string(row.Text(0)));
  ImportJobRecord j;
  j.job_id = f.Text(0);
  j.kind = f.Text(1);
  j.state = f.Text(2);
  j.phase = f.Text(3);
  j.owner = f.Text(4);
  j.owner_region = f.Text(5);
  j.file_name = f.Text(6);
  j.format = f.Text(7);
  j.server = f.Text(8);
  j.heartbeat = f.Int(9);
  j.rows_read = f.Int(10);
  j.rows_total = f.Int(11);
  j.created_at = f.Text(12);
  j.started_at = f.Text(13);
  j.finished_at = f.Text(14);
  j.report_json = f.Text(15);
  j.error_code = f.Text(16);
  j.error_message = f.Text(17);
  j.errors_json = f.Text(18);
  j.errors_total = f.Int(19);
  j.has_error_workbook = f.Bool(20);
  XJ_RETURN_IF_ERROR(f.status());
  return j;
}

}  // namespace

Status SqlStore::InsertImportJob(const ImportJobRecord& j) {
  return Write([&](Conn& c) {
    return c
        .Exec(kInsertJob,
              {j.job_id,      j.kind,        j.state,      j.phase,         j.owner,       j.owner_region, j.file_name,
               j.format,      j.server,      j.heartbeat,  j.rows_read,     j.rows_total,  j.created_at,   j.started_at,
               j.finished_at, j.report_json, j.error_code, j.error_message, j.errors_json, j.errors_total})
        .status();
  });
}

Status SqlStore::UpdateImportJobProgress(const ImportJobRecord& j) {
  return Write([&](Conn& c) {
    return c
        .Exec(kUpdateProgress,
              {j.job_id, j.state, j.phase, j.format, j.heartbeat, j.rows_read, j.rows_total, j.started_at})
        .status();
  });
}

Status SqlStore::FinishImportJob(const ImportJobRecord& j, const std::string& error_workbook) {
  return Write([&](Conn& c) -> Status {
    XJ_ASSIGN_OR_RETURN(std::int64_t changed,
                        c.Exec(kFinishJob, {j.job_id, j.state, j.format, j.heartbeat, j.rows_read, j.rows_total,
                                            j.started_at, j.finished_at, j.report_json, j.error_code, j.error_message,
                                            j.errors_json, j.errors_total, error_workbook}));
    if (changed != 1) return Status::NotFound("导入任务不存在：" + j.job_id);
    return Status::Ok();
  });
}

Result<std::optional<ImportJobRecord>> SqlStore::FindImportJob(std::string_view job_id) {
  std::vector<ImportJobRecord> found;
  XJ_RETURN_IF_ERROR(
      Read([&](Conn& c) { return CollectRows(c, kSelectJob.c_str(), {std::string(job_id)}, ReadJob, found); }));
  if (found.empty()) return std::optional<ImportJobRecord>();
  return std::optional<ImportJobRecord>(std::move(found.front()));
}

Result<std::vector<ImportJobRecord>> SqlStore::ListImportJobs() {
  std::vector<ImportJobRecord> out;
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) { return CollectRows(c, kSelectJobs.c_str(), {}, ReadJob, out); }));
  return out;
}

Result<std::string> SqlStore::ImportJobErrorWorkbook(std::string_view job_id) {
  std::string out;
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) {
    return c.Query(kSelectWorkbook, {std::string(job_id)}, [&](const Row& row) {
      out = std::string(row.Text(0));
      return Status::Ok();
    });
  }));
  return out;
}

Result<std::int64_t> SqlStore::CancelImportJobs(std::string_view server, std::int64_t heartbeat_before,
                                                std::string_view finished_at, std::string_view message) {
  std::int64_t changed = 0;
  XJ_RETURN_IF_ERROR(Write([&](Conn& c) -> Status {
    XJ_ASSIGN_OR_RETURN(changed, c.Exec(kCancelJobs, {std::string(server), heartbeat_before, std::string(finished_at),
                                                      std::string(message)}));
    return Status::Ok();
  }));
  return changed;
}

Status SqlStore::TouchImportJobs(std::string_view server, std::int64_t heartbeat) {
  return Write([&](Conn& c) { return c.Exec(kTouchJobs, {std::string(server), heartbeat}).status(); });
}

Status SqlStore::PruneImportJobs(std::int64_t keep_finished) {
  return Write([&](Conn& c) { return c.Exec(kPruneJobs, {keep_finished}).status(); });
}

}  // namespace xj::sql
