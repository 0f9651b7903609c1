-- Phone spot checks (电话抽查, issue #18 point 5). Kept in step with sqlite/0030_spot_checks.sql.
-- One draw per drawing region and month (YYYY-MM): the seed (16 hex digits), the size of the pool
-- it drew from and the sample size the policy required (docs/definitions.md §9); the sample in
-- draw order; the calls made to sampled supervisors, with their outcome (0/1 flags).
CREATE TABLE spot_checks (
  id          BIGSERIAL PRIMARY KEY,
  region_code TEXT NOT NULL REFERENCES regions (code),
  month       TEXT NOT NULL CHECK (length(month) = 7),
  seed        TEXT NOT NULL CHECK (length(seed) = 16),
  pool_size   INTEGER NOT NULL CHECK (pool_size >= 0),
  sample_size INTEGER NOT NULL CHECK (sample_size >= 0 AND sample_size <= pool_size),
  created_by  TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  UNIQUE (region_code, month)
);
CREATE INDEX spot_checks_month ON spot_checks (month);

CREATE TABLE spot_check_samples (
  spot_check_id BIGINT NOT NULL REFERENCES spot_checks (id),
  draw_order    INTEGER NOT NULL CHECK (draw_order >= 0),
  supervisor_id BIGINT NOT NULL REFERENCES village_supervisors (id),
  PRIMARY KEY (spot_check_id, draw_order),
  UNIQUE (spot_check_id, supervisor_id)
);

CREATE TABLE spot_check_calls (
  id               BIGSERIAL PRIMARY KEY,
  spot_check_id    BIGINT NOT NULL REFERENCES spot_checks (id),
  supervisor_id    BIGINT NOT NULL REFERENCES village_supervisors (id),
  called_at        TEXT NOT NULL,
  reached          INTEGER NOT NULL CHECK (reached IN (0, 1)),
  knows_duties     INTEGER NOT NULL CHECK (knows_duties IN (0, 1)),
  log_matches      INTEGER NOT NULL CHECK (log_matches IN (0, 1)),
  problem_reported INTEGER NOT NULL CHECK (problem_reported IN (0, 1)),
  note             TEXT NOT NULL DEFAULT '',
  created_by       TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  CHECK (reached = 1 OR (knows_duties = 0 AND log_matches = 0 AND problem_reported = 0))
);
CREATE INDEX spot_check_calls_check ON spot_check_calls (spot_check_id);
