#pragma once
/// The stored form of an import job (导入任务, migration 0016): what any server answers when the
/// job is polled. The report and the row errors are JSON documents the app writes and reads
/// (app/import_jobs.cpp); the store only keeps them.

#include <cstdint>
#include <string>

namespace xj {

struct ImportJobRecord {
  std::string job_id;
  std::string kind;          ///< ImportKindName
  std::string state;         ///< queued|running|succeeded|failed|cancelled
  std::string phase;         ///< queued|reading|writing|done
  std::string owner;         ///< username of the submitter
  std::string owner_region;  ///< the submitter's home region: admins whose scope holds it see the job
  std::string file_name;
  std::string format;          ///< csv|xlsx
  std::string server;          ///< the process that runs the job (host:port for `xianjie serve`)
  std::int64_t heartbeat = 0;  ///< unix seconds its server last touched it while unfinished
  std::int64_t rows_read = 0;
  std::int64_t rows_total = 0;
  std::string created_at, started_at, finished_at;  ///< started/finished empty until then
  std::string report_json;                          ///< the ImportReport once succeeded, empty otherwise
  std::string error_code, error_message;
  std::string errors_json = "[]";  ///< the first row-level errors, a JSON array
  std::int64_t errors_total = 0;
  bool has_error_workbook = false;  ///< read only: error_workbook is not empty
};

}  // namespace xj
