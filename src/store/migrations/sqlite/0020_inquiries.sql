-- Inquiries and determinations on flags (问询 → 认定, issue #18 point 6). Kept in step with
-- postgres/0020_inquiries.sql. One inquiry per flag (flag_kind, subject), addressed to the flag's
-- region (region_code); status sent 已发出 → answered 已答复 → determined 已认定, outcome confirmed
-- 认定违规 or rejected 认定不成立 once determined (domain/inquiry.hpp); version is raised by every step.
-- A rejected disburse_as_expend inquiry takes its entry out of the 以拨代支 deduction of assessed
-- progress (docs/definitions.md §11): the engine and `xianjie verify` read it.
CREATE TABLE inquiries (
  id               INTEGER PRIMARY KEY,
  flag_kind        TEXT NOT NULL CHECK (flag_kind IN ('disburse_as_expend', 'pay_ahead_of_progress', 'over_arranged')),
  subject          TEXT NOT NULL,
  province_code    TEXT NOT NULL,
  region_code      TEXT NOT NULL REFERENCES regions (code),
  project_code     TEXT NOT NULL DEFAULT '',
  amount_fen       INTEGER NOT NULL DEFAULT 0,
  questions        TEXT NOT NULL,
  due_on           TEXT,
  status           TEXT NOT NULL DEFAULT 'sent' CHECK (status IN ('sent', 'answered', 'determined')),
  sent_by          TEXT NOT NULL,
  sent_at          TEXT NOT NULL,
  answer           TEXT NOT NULL DEFAULT '',
  evidence         TEXT NOT NULL DEFAULT '',
  answered_by      TEXT NOT NULL DEFAULT '',
  answered_at      TEXT NOT NULL DEFAULT '',
  outcome          TEXT NOT NULL DEFAULT 'none' CHECK (outcome IN ('none', 'confirmed', 'rejected')),
  violation_type   TEXT NOT NULL DEFAULT '',
  recover_fen      INTEGER NOT NULL DEFAULT 0,
  reaccount_fen    INTEGER NOT NULL DEFAULT 0,
  measures         TEXT NOT NULL DEFAULT '',
  reason           TEXT NOT NULL DEFAULT '',
  determined_by    TEXT NOT NULL DEFAULT '',
  determined_at    TEXT NOT NULL DEFAULT '',
  version          INTEGER NOT NULL DEFAULT 1,
  updated_at       TEXT NOT NULL,
  UNIQUE (flag_kind, subject)
);
CREATE INDEX inquiries_region ON inquiries (region_code, status);

-- Every step taken on an inquiry (问询记录): who, when, from which state to which, and the note.
CREATE TABLE inquiry_events (
  id          INTEGER PRIMARY KEY,
  inquiry_id  INTEGER NOT NULL REFERENCES inquiries (id),
  action      TEXT NOT NULL,
  from_status TEXT NOT NULL,
  to_status   TEXT NOT NULL,
  actor       TEXT NOT NULL,
  at          TEXT NOT NULL,
  note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX inquiry_events_inquiry ON inquiry_events (inquiry_id);

-- The engine is built from the rejected 以拨代支 determinations: a change to one raises change_log
-- (migration 0012), so every server rebuilds (app/follow.cpp). Other steps change no figure.
CREATE TRIGGER inquiries_rejected_insert AFTER INSERT ON inquiries WHEN NEW.outcome = 'rejected'
BEGIN UPDATE change_log SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER inquiries_rejected_update AFTER UPDATE ON inquiries
WHEN NEW.outcome = 'rejected' OR OLD.outcome = 'rejected'
BEGIN UPDATE change_log SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER inquiries_rejected_delete AFTER DELETE ON inquiries WHEN OLD.outcome = 'rejected'
BEGIN UPDATE change_log SET counter = counter + 1 WHERE id = 1; END;
