-- 绩效评价 steps (issue #19 point 3). Kept in step with sqlite/0032_evaluation_steps.sql.
-- Every step of an evaluation — created, scored, submitted, reviewed, returned, finalized — with
-- who took it, when, the status before and after and the note (a return's reason). Append-only.
CREATE TABLE evaluation_steps (
  id            BIGSERIAL PRIMARY KEY,
  evaluation_id BIGINT NOT NULL REFERENCES evaluations (id),
  step          TEXT NOT NULL CHECK (step IN ('create', 'score', 'submit', 'review', 'return', 'finalize')),
  from_status   TEXT NOT NULL,
  to_status     TEXT NOT NULL,
  actor         TEXT NOT NULL,
  at            TEXT NOT NULL,
  note          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX evaluation_steps_evaluation ON evaluation_steps (evaluation_id);
CREATE FUNCTION evaluation_steps_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'evaluation steps are never changed or deleted';
END $$;
CREATE TRIGGER evaluation_steps_guard BEFORE UPDATE OR DELETE ON evaluation_steps
  FOR EACH ROW EXECUTE FUNCTION evaluation_steps_guard();
