-- The rules that decide money (issue #14): incentive policies owned by a region, contracts'
-- own advance rates, users' departments, flags as work items, national benchmarks.

-- A policy value may belong to a region: an incentive scheme (奖惩) is owned by the region whose
-- counties it ranks. '' = every region (the defaults' level).
ALTER TABLE policies ADD COLUMN region_code TEXT NOT NULL DEFAULT '';
ALTER TABLE policies DROP CONSTRAINT policies_pkey;
ALTER TABLE policies ADD PRIMARY KEY (key, region_code, effective_from);

-- A contract may carry its own advance rate (预付款比例, bp); NULL = the policy's advance_cap_bp.
ALTER TABLE project_contracts ADD COLUMN advance_bp INTEGER CHECK (advance_bp BETWEEN 0 AND 10000);

-- The department (部门) a user signs off for in the joint review (联审联批); '' = none.
ALTER TABLE users ADD COLUMN department TEXT NOT NULL DEFAULT '';

-- Flags (问题预警) as work items. A flag is about a subject — a ledger entry or a project — of a
-- kind (disburse_as_expend, pay_ahead_of_progress, over_arranged, negative_list, and kinds later
-- issues add). Kinds raised at payment (over_arranged, negative_list) are stored when raised; the
-- kinds the engine computes as of a date get a row when somebody first acts on them.
CREATE TABLE flags (
  id            BIGSERIAL PRIMARY KEY,
  kind          TEXT NOT NULL CHECK (kind <> ''),
  subject_type  TEXT NOT NULL CHECK (subject_type IN ('entry', 'project')),
  subject       TEXT NOT NULL CHECK (subject <> ''),
  province_code TEXT NOT NULL,
  region_code   TEXT NOT NULL REFERENCES regions (code),
  project_code  TEXT NOT NULL DEFAULT '',
  fund_year     INTEGER,                   -- an entry's fund year and source (NULL for a project)
  fund_source   INTEGER,
  raised_on     DATE NOT NULL,
  cleared_on    DATE,
  amount_fen    BIGINT NOT NULL DEFAULT 0,
  detail        TEXT NOT NULL DEFAULT '',
  status        TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'explained', 'closed')),
  assignee      TEXT NOT NULL DEFAULT '',
  reason        TEXT NOT NULL DEFAULT '',
  updated_at    TEXT NOT NULL,
  version       BIGINT NOT NULL DEFAULT 1,
  UNIQUE (kind, subject)
);
CREATE INDEX flags_region ON flags (region_code, kind);

-- Every change of a flag: who, when, what (raise, assign, explain, close, reopen, update).
CREATE TABLE flag_events (
  id            BIGSERIAL PRIMARY KEY,
  flag_id       BIGINT NOT NULL REFERENCES flags (id),
  province_code TEXT NOT NULL,
  at            TEXT NOT NULL,
  actor         TEXT NOT NULL,
  action        TEXT NOT NULL,
  status        TEXT NOT NULL,
  assignee      TEXT NOT NULL DEFAULT '',
  reason        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX flag_events_flag ON flag_events (flag_id, id);

-- National benchmarks (全国平均) the wall chart compares with: a value per indicator and date.
CREATE TABLE benchmarks (
  indicator  TEXT NOT NULL CHECK (indicator IN ('start_rate', 'expend_progress')),
  bench_date DATE NOT NULL,
  value_bp   INTEGER NOT NULL CHECK (value_bp BETWEEN 0 AND 10000),
  PRIMARY KEY (indicator, bench_date)
);
