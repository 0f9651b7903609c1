-- Lasting benefit (issue #20): the asset register (确权资产) and work relief (以工代赈).
-- Kept in step with sqlite/0013_assets_work_relief.sql.

-- An asset formed by a project (扶贫/衔接项目资产): created when the project is handed over
-- (资产移交) or imported. asset_type 1 经营性, 2 公益性, 3 到户类; owner_level 1 区 … 5 户;
-- status in_use|idle|damaged|disposed; registered = 1 once ownership is confirmed (确权).
CREATE TABLE assets (
  asset_code          TEXT PRIMARY KEY CHECK (asset_code <> ''),
  name                TEXT NOT NULL CHECK (name <> ''),
  region_code         TEXT NOT NULL REFERENCES regions (code),
  asset_type          INTEGER NOT NULL CHECK (asset_type BETWEEN 1 AND 3),
  owner_level         INTEGER NOT NULL CHECK (owner_level BETWEEN 1 AND 5),
  owner               TEXT NOT NULL DEFAULT '',
  original_value_fen  BIGINT NOT NULL CHECK (original_value_fen >= 0),
  current_value_fen   BIGINT NOT NULL CHECK (current_value_fen >= 0),
  location            TEXT NOT NULL DEFAULT '',
  operator            TEXT NOT NULL DEFAULT '',
  custodian           TEXT NOT NULL DEFAULT '',
  project_code        TEXT NOT NULL DEFAULT '',
  fund_sources        TEXT NOT NULL DEFAULT '',
  status              TEXT NOT NULL DEFAULT 'in_use' CHECK (status IN ('in_use', 'idle', 'damaged', 'disposed')),
  registered          INTEGER NOT NULL DEFAULT 0 CHECK (registered IN (0, 1)),
  registered_on       TEXT,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
);
CREATE INDEX assets_region ON assets (region_code);
CREATE INDEX assets_project ON assets (project_code);

-- The roster of a work-relief project (以工代赈务工人员). person_index is the keyed hash (HMAC) of
-- the ID number — the blind index that counts distinct people; id_cipher and phone_cipher are
-- the ID and phone numbers encrypted with the data key (docs/operations.md), never in clear.
-- household_status 1 脱贫户, 2 监测户, 3 一般农户; relocated = 搬迁户.
CREATE TABLE relief_workers (
  id               BIGSERIAL PRIMARY KEY,
  project_code     TEXT NOT NULL REFERENCES projects (project_code),
  region_code      TEXT NOT NULL REFERENCES regions (code),
  person_index     TEXT NOT NULL CHECK (person_index <> ''),
  id_cipher        TEXT NOT NULL,
  phone_cipher     TEXT NOT NULL DEFAULT '',
  name             TEXT NOT NULL CHECK (name <> ''),
  household_status INTEGER NOT NULL CHECK (household_status BETWEEN 1 AND 3),
  relocated        INTEGER NOT NULL DEFAULT 0 CHECK (relocated IN (0, 1)),
  village          TEXT NOT NULL DEFAULT '',
  team             TEXT NOT NULL DEFAULT '',
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  UNIQUE (project_code, person_index)
);
CREATE INDEX relief_workers_person ON relief_workers (person_index);
CREATE INDEX relief_workers_region ON relief_workers (region_code);

-- Wages paid to a worker of a project (劳务报酬发放): one row per project × person × date.
CREATE TABLE relief_wages (
  id           BIGSERIAL PRIMARY KEY,
  project_code TEXT NOT NULL REFERENCES projects (project_code),
  region_code  TEXT NOT NULL REFERENCES regions (code),
  person_index TEXT NOT NULL,
  paid_on      TEXT NOT NULL,
  amount_fen   BIGINT NOT NULL CHECK (amount_fen > 0),
  days         INTEGER NOT NULL DEFAULT 0 CHECK (days >= 0),
  method       TEXT NOT NULL DEFAULT 'bank' CHECK (method IN ('bank', 'cash', 'other')),
  created_at   TEXT NOT NULL,
  UNIQUE (project_code, person_index, paid_on)
);
CREATE INDEX relief_wages_region ON relief_wages (region_code, paid_on);
