-- 绩效评价 steps (issue #19 point 3). Kept in step with postgres/0032_evaluation_steps.sql.
-- Every step of an evaluation — created, scored, submitted, reviewed, returned, finalized — with
-- who took it, when, the status before and after and the note (a return's reason). Append-only.
CREATE TABLE evaluation_steps (
  id            INTEGER PRIMARY KEY,
  evaluation_id INTEGER NOT NULL REFERENCES evaluations (id),
  step          TEXT NOT NULL CHECK (step IN ('create', 'score', 'submit', 'review', 'return', 'finalize')),
  from_status   TEXT NOT NULL,
  to_status     TEXT NOT NULL,
  actor         TEXT NOT NULL,
  at            TEXT NOT NULL,
  note          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX evaluation_steps_evaluation ON evaluation_steps (evaluation_id);
CREATE TRIGGER evaluation_steps_update BEFORE UPDATE ON evaluation_steps
BEGIN SELECT RAISE(ABORT, 'evaluation steps are never changed'); END;
CREATE TRIGGER evaluation_steps_delete BEFORE DELETE ON evaluation_steps
BEGIN SELECT RAISE(ABORT, 'evaluation steps are never deleted'); END;
