-- Import jobs kept in the store (issue #16 point 3). Kept in step with postgres/0016_import_jobs.sql.
-- A job (导入任务) is polled through any server: the server that accepted the upload runs it and
-- writes its state, progress and outcome here; the error workbook is kept as base64 text.
-- state queued|running|succeeded|failed|cancelled; phase queued|reading|writing|done.
-- server names the process running the job (host:port) and heartbeat (unix seconds) the last time
-- it touched the job while unfinished: a server restarted under the same name cancels, at start,
-- the jobs its previous process left unfinished, and any server cancels an unfinished job whose
-- heartbeat has lapsed (docs/operations.md "Import jobs"). Not copied by `xianjie copy`.
CREATE TABLE import_jobs (
  job_id         TEXT PRIMARY KEY CHECK (job_id <> ''),
  kind           TEXT NOT NULL,
  state          TEXT NOT NULL CHECK (state IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
  phase          TEXT NOT NULL CHECK (phase IN ('queued', 'reading', 'writing', 'done')),
  owner          TEXT NOT NULL,
  owner_region   TEXT NOT NULL,
  file_name      TEXT NOT NULL DEFAULT '',
  format         TEXT NOT NULL,
  server         TEXT NOT NULL,
  heartbeat      INTEGER NOT NULL,
  rows_read      INTEGER NOT NULL DEFAULT 0,
  rows_total     INTEGER NOT NULL DEFAULT 0,
  created_at     TEXT NOT NULL,
  started_at     TEXT NOT NULL DEFAULT '',
  finished_at    TEXT NOT NULL DEFAULT '',
  report_json    TEXT NOT NULL DEFAULT '',
  error_code     TEXT NOT NULL DEFAULT '',
  error_message  TEXT NOT NULL DEFAULT '',
  errors_json    TEXT NOT NULL DEFAULT '[]',
  errors_total   INTEGER NOT NULL DEFAULT 0,
  error_workbook TEXT NOT NULL DEFAULT ''
);
CREATE INDEX import_jobs_unfinished ON import_jobs (state, server);
