-- Rectification of supervision findings (问题整改, issue #18 point 2). Kept in step with
-- sqlite/0022_rectifications.sql. One item per finding (finding_id), in the finding's unit
-- (region_code); status open 待整改 → rectifying 整改中 → submitted 已提交 → verified 已销号, or
-- returned 已退回 (domain/rectification.hpp); version is raised by every step. Findings recorded
-- before this migration get their item here, open.
CREATE TABLE rectifications (
  finding_id   BIGINT PRIMARY KEY REFERENCES supervision_findings (id),
  region_code  TEXT NOT NULL REFERENCES regions (code),
  status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'rectifying', 'submitted', 'verified', 'returned')),
  owner        TEXT NOT NULL DEFAULT '',
  deadline     TEXT,
  measures     TEXT NOT NULL DEFAULT '',
  evidence     TEXT NOT NULL DEFAULT '',
  verification TEXT NOT NULL DEFAULT '',
  verified_by  TEXT NOT NULL DEFAULT '',
  verified_at  TEXT NOT NULL DEFAULT '',
  version      INTEGER NOT NULL DEFAULT 1,
  updated_at   TEXT NOT NULL
);
CREATE INDEX rectifications_region ON rectifications (region_code);
INSERT INTO rectifications (finding_id, region_code, updated_at)
  SELECT id, region_code, created_at FROM supervision_findings;

-- Every step taken on an item (整改记录): who, when, from which state to which, and the note.
CREATE TABLE rectification_events (
  id          BIGSERIAL PRIMARY KEY,
  finding_id  BIGINT NOT NULL REFERENCES rectifications (finding_id),
  action      TEXT NOT NULL,
  from_status TEXT NOT NULL,
  to_status   TEXT NOT NULL,
  actor       TEXT NOT NULL,
  at          TEXT NOT NULL,
  note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX rectification_events_finding ON rectification_events (finding_id);
