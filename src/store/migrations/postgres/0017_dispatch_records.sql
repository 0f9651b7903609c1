-- Driving execution (issue #17): 领导包保 assignments, monthly dispatch cycles (月调度) and their
-- frozen snapshot rows, weekly point-to-point reminders and interviews (约谈), as typed documents —
-- one kind per record type (app/dispatch_codec). Kept in step with sqlite/0017_dispatch_records.sql.
-- `period` is the month (2023-06) or ISO week (2023-W27) a record belongs to, '' when none;
-- `ref_id` the record it belongs to (a snapshot row's cycle), 0 when none; `dedup_key`, when not
-- empty, is unique: opening a cycle or generating a week's reminders twice inserts nothing.
-- No change_log trigger: the engine is not built from this table.
CREATE TABLE dispatch_records (
  id          BIGSERIAL PRIMARY KEY,
  kind        TEXT NOT NULL,
  region_code TEXT NOT NULL DEFAULT '',
  period      TEXT NOT NULL DEFAULT '',
  ref_id      BIGINT NOT NULL DEFAULT 0,
  dedup_key   TEXT NOT NULL DEFAULT '',
  doc         TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX dispatch_records_kind ON dispatch_records (kind, period, region_code, id);
CREATE INDEX dispatch_records_ref ON dispatch_records (kind, ref_id, id);
CREATE UNIQUE INDEX dispatch_records_dedup ON dispatch_records (dedup_key) WHERE dedup_key <> '';
