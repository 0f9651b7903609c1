-- The project library (项目库): the history of every lifecycle step and the
-- pre-procedures (前置手续) that gate the arrangement of funds.
CREATE TABLE project_transitions (
  id            INTEGER PRIMARY KEY,
  province_code TEXT NOT NULL,
  project_code  TEXT NOT NULL REFERENCES projects (project_code),
  action        TEXT NOT NULL,
  from_state    INTEGER NOT NULL,
  to_state      INTEGER NOT NULL,
  actor         TEXT NOT NULL,
  at            TEXT NOT NULL,
  on_date       TEXT NOT NULL,
  reason        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX project_transitions_project ON project_transitions (project_code, id);

CREATE TABLE project_procedures (
  province_code TEXT NOT NULL,
  project_code  TEXT NOT NULL REFERENCES projects (project_code),
  kind          INTEGER NOT NULL CHECK (kind BETWEEN 1 AND 4),
  complete      INTEGER NOT NULL DEFAULT 0 CHECK (complete IN (0, 1)),
  document_ref  TEXT NOT NULL DEFAULT '',
  updated_at    TEXT NOT NULL,
  PRIMARY KEY (project_code, kind)
);
