-- Incentive settlements (奖惩结算, issue #19). Kept in step with sqlite/0015_settlements.sql.
-- A run freezes the engine's ranking of a region's counties on an as-of date: every row (rank,
-- incentive), the policy version, the ledger seq the engine had applied (watermark) and, against the
-- run it was compared with (base_run_id), what changed and why. Runs are never deleted; only the
-- status moves, once, from draft to approved (by another user), and an approved run never changes.
CREATE TABLE settlement_runs (
  id             BIGSERIAL PRIMARY KEY,
  region_code    TEXT NOT NULL REFERENCES regions (code),
  year           INTEGER NOT NULL,
  as_of          TEXT NOT NULL,
  fund_source    INTEGER NOT NULL,
  metric         TEXT NOT NULL CHECK (metric IN ('expend_progress', 'assessed_progress')),
  policy_version TEXT NOT NULL,
  watermark_seq  BIGINT NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('draft', 'approved')),
  run_by         TEXT NOT NULL,
  run_at         TEXT NOT NULL,
  approved_by    TEXT NOT NULL DEFAULT '',
  approved_at    TEXT NOT NULL DEFAULT '',
  base_run_id    BIGINT,
  rows_json      TEXT NOT NULL,
  changes_json   TEXT NOT NULL
);
CREATE INDEX settlement_runs_region ON settlement_runs (region_code, year);
CREATE FUNCTION settlement_runs_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'settlement runs are never deleted'; END IF;
  IF OLD.status = 'approved' THEN RAISE EXCEPTION 'settlement run approved: immutable'; END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER settlement_runs_guard BEFORE UPDATE OR DELETE ON settlement_runs
  FOR EACH ROW EXECUTE FUNCTION settlement_runs_guard();
