-- Projects, the append-only fund ledger, contracts, physical progress, policies.
-- province_code is the distribution key of every province-partitioned table.
-- Kept in step with sqlite/0002_ledger.sql: same tables, columns and constraints;
-- BIGINT money, DATE dates, BIGSERIAL keys.
CREATE TABLE projects (
  project_code         TEXT PRIMARY KEY,
  province_code        TEXT NOT NULL,
  name                 TEXT NOT NULL CHECK (name <> ''),
  year                 INTEGER NOT NULL,
  region_code          TEXT NOT NULL REFERENCES regions (code),
  category             TEXT NOT NULL DEFAULT '',
  subcategory          TEXT NOT NULL DEFAULT '',
  total_investment_fen BIGINT NOT NULL DEFAULT 0,
  central_fund_fen     BIGINT NOT NULL DEFAULT 0,
  other_fund_fen       BIGINT NOT NULL DEFAULT 0,
  planned_start        DATE,
  planned_finish       DATE,
  actual_start         DATE,
  actual_finish        DATE,
  status               INTEGER NOT NULL,
  responsible_person   TEXT NOT NULL DEFAULT '',
  gov_infrastructure   INTEGER NOT NULL DEFAULT 0,
  low_skill            INTEGER NOT NULL DEFAULT 0,
  work_relief          INTEGER NOT NULL DEFAULT 0,
  version              INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX projects_region_year ON projects (region_code, year);
CREATE INDEX projects_year ON projects (year, status);

CREATE TABLE ledger_entries (
  seq            BIGSERIAL PRIMARY KEY,
  entry_id       TEXT NOT NULL UNIQUE,
  province_code  TEXT NOT NULL,
  entry_date     DATE NOT NULL,
  kind           INTEGER NOT NULL CHECK (kind BETWEEN 1 AND 4),
  fund_source    INTEGER NOT NULL CHECK (fund_source BETWEEN 1 AND 6),
  fund_year      INTEGER NOT NULL,
  region_code    TEXT NOT NULL REFERENCES regions (code),
  project_code   TEXT REFERENCES projects (project_code),
  amount_fen     BIGINT NOT NULL CHECK (amount_fen > 0),
  payee          TEXT NOT NULL DEFAULT '',
  payee_type     INTEGER NOT NULL DEFAULT 0,
  reverses       TEXT REFERENCES ledger_entries (entry_id),
  note           TEXT NOT NULL DEFAULT '',
  -- the kind a reversal cancels (never 4) and the sign it counts with
  effective_kind INTEGER NOT NULL CHECK (effective_kind BETWEEN 1 AND 3),
  effective_payee_type INTEGER NOT NULL DEFAULT 0,
  sign           INTEGER NOT NULL CHECK (sign IN (-1, 1))
);
CREATE UNIQUE INDEX ledger_one_reversal ON ledger_entries (reverses) WHERE reverses IS NOT NULL;
CREATE INDEX ledger_project ON ledger_entries (project_code) WHERE project_code IS NOT NULL;
CREATE INDEX ledger_year_region ON ledger_entries (fund_year, region_code);
CREATE FUNCTION ledger_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'ledger entries are append-only'; END $$;
CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE OR DELETE ON ledger_entries
FOR EACH ROW EXECUTE FUNCTION ledger_entries_append_only();
CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries
FOR EACH STATEMENT EXECUTE FUNCTION ledger_entries_append_only();

CREATE TABLE project_contracts (
  id            BIGSERIAL PRIMARY KEY,
  province_code TEXT NOT NULL,
  project_code  TEXT NOT NULL REFERENCES projects (project_code),
  contract_no   TEXT NOT NULL,
  amount_fen    BIGINT NOT NULL CHECK (amount_fen > 0),
  signed_on     DATE NOT NULL,
  UNIQUE (project_code, contract_no)
);

CREATE TABLE progress_reports (
  id                  BIGSERIAL PRIMARY KEY,
  province_code       TEXT NOT NULL,
  project_code        TEXT NOT NULL REFERENCES projects (project_code),
  report_date         DATE NOT NULL,
  progress_hundredths INTEGER NOT NULL CHECK (progress_hundredths BETWEEN 0 AND 10000),
  note                TEXT NOT NULL DEFAULT ''
);
CREATE INDEX progress_project ON progress_reports (project_code, report_date);

CREATE TABLE policies (
  key            TEXT NOT NULL,
  effective_from DATE NOT NULL,
  value          BIGINT NOT NULL,
  note           TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (key, effective_from)
);

-- The national project-type catalogue (项目类型); industry = 1 counts toward 产业占比.
-- Versioned reference data: a new version is a new row with a later effective_from.
CREATE TABLE project_categories (
  code           TEXT NOT NULL,
  level1         TEXT NOT NULL,
  level2         TEXT NOT NULL,
  industry       INTEGER NOT NULL CHECK (industry IN (0, 1)),
  effective_from DATE NOT NULL,
  PRIMARY KEY (code, effective_from)
);
INSERT INTO project_categories (code, level1, level2, industry, effective_from) VALUES
  ('0101', '产业发展', '生产项目', 1, '2000-01-01'),
  ('0102', '产业发展', '加工流通项目', 1, '2000-01-01'),
  ('0103', '产业发展', '配套设施项目', 1, '2000-01-01'),
  ('0104', '产业发展', '产业服务支撑项目', 1, '2000-01-01'),
  ('0105', '产业发展', '金融保险配套项目', 1, '2000-01-01'),
  ('0201', '就业项目', '务工补助', 0, '2000-01-01'),
  ('0202', '就业项目', '就业创业补助与技能培训', 0, '2000-01-01'),
  ('0203', '就业项目', '公益性岗位', 0, '2000-01-01'),
  ('0301', '乡村建设行动', '农村基础设施（道路、供水、电力、清洁能源、数字乡村、村级综合服务设施）', 0, '2000-01-01'),
  ('0302', '乡村建设行动', '人居环境整治（卫生厕所、污水、垃圾、村容村貌）', 0, '2000-01-01'),
  ('0303', '乡村建设行动', '农村公共服务', 0, '2000-01-01'),
  ('0401', '易地搬迁后扶', '安置点配套设施', 0, '2000-01-01'),
  ('0402', '易地搬迁后扶', '搬迁群众就业帮扶（含跨区域就业交通补助）', 0, '2000-01-01'),
  ('0403', '易地搬迁后扶', '搬迁群众产业发展', 1, '2000-01-01'),
  ('0501', '巩固三保障成果', '住房安全', 0, '2000-01-01'),
  ('0502', '巩固三保障成果', '教育（雨露计划等）', 0, '2000-01-01'),
  ('0503', '巩固三保障成果', '健康', 0, '2000-01-01'),
  ('0601', '乡村治理和精神文明建设', '乡村治理与文明乡风', 0, '2000-01-01'),
  ('0701', '项目管理费', '项目管理费', 0, '2000-01-01'),
  ('0801', '其他', '其他', 0, '2000-01-01');
