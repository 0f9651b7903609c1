-- Supervision visits (督导, issue #18). Kept in step with sqlite/0021_supervision.sql.
-- A visit is sent by one level (region_code) for a span of days; team_json is the members' names
-- (leader first) and regions_json / projects_json the region and project codes it covered, each
-- a JSON array of strings the app writes. Coverage is counted by the app (docs/definitions.md §9).
CREATE TABLE supervision_visits (
  id            BIGSERIAL PRIMARY KEY,
  region_code   TEXT NOT NULL REFERENCES regions (code),
  title         TEXT NOT NULL CHECK (title <> ''),
  team_json     TEXT NOT NULL,
  start_date    TEXT NOT NULL,
  end_date      TEXT NOT NULL CHECK (end_date >= start_date),
  regions_json  TEXT NOT NULL,
  projects_json TEXT NOT NULL,
  created_by    TEXT NOT NULL,
  created_at    TEXT NOT NULL
);
CREATE INDEX supervision_visits_start ON supervision_visits (start_date);

-- What a visit found (督导发现的问题): category 1 资金使用, 2 以拨代支, 3 项目进度, 4 工程质量,
-- 5 资产管理, 6 其他; the unit's region and, when it concerns one, the project.
CREATE TABLE supervision_findings (
  id           BIGSERIAL PRIMARY KEY,
  visit_id     BIGINT NOT NULL REFERENCES supervision_visits (id),
  category     INTEGER NOT NULL CHECK (category BETWEEN 1 AND 6),
  region_code  TEXT NOT NULL REFERENCES regions (code),
  project_code TEXT NOT NULL DEFAULT '',
  description  TEXT NOT NULL CHECK (description <> ''),
  created_at   TEXT NOT NULL
);
CREATE INDEX supervision_findings_visit ON supervision_findings (visit_id);
CREATE INDEX supervision_findings_region ON supervision_findings (region_code);
