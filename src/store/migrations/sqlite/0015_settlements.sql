-- Incentive settlements (奖惩结算, issue #19). Kept in step with postgres/0015_settlements.sql.
-- A run freezes the engine's ranking of a region's counties on an as-of date: every row (rank,
-- incentive), the policy version, the ledger seq the engine had applied (watermark) and, against the
-- run it was compared with (base_run_id), what changed and why. Runs are never deleted; only the
-- status moves, once, from draft to approved (by another user), and an approved run never changes.
CREATE TABLE settlement_runs (
  id             INTEGER PRIMARY KEY,
  region_code    TEXT NOT NULL REFERENCES regions (code),
  year           INTEGER NOT NULL,
  as_of          TEXT NOT NULL,
  fund_source    INTEGER NOT NULL,
  metric         TEXT NOT NULL CHECK (metric IN ('expend_progress', 'assessed_progress')),
  policy_version TEXT NOT NULL,
  watermark_seq  INTEGER NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('draft', 'approved')),
  run_by         TEXT NOT NULL,
  run_at         TEXT NOT NULL,
  approved_by    TEXT NOT NULL DEFAULT '',
  approved_at    TEXT NOT NULL DEFAULT '',
  base_run_id    INTEGER,
  rows_json      TEXT NOT NULL,
  changes_json   TEXT NOT NULL
);
CREATE INDEX settlement_runs_region ON settlement_runs (region_code, year);
CREATE TRIGGER settlement_runs_approved_update BEFORE UPDATE ON settlement_runs WHEN OLD.status = 'approved'
BEGIN SELECT RAISE(ABORT, 'settlement run approved: immutable'); END;
CREATE TRIGGER settlement_runs_delete BEFORE DELETE ON settlement_runs
BEGIN SELECT RAISE(ABORT, 'settlement runs are never deleted'); END;
