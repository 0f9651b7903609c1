-- 绩效评价 (performance evaluation, issue #19 point 3). Kept in step with sqlite/0031_evaluations.sql.
-- One evaluation per county and fund year, scored on the template version it was created with
-- (domain/evaluation: the versions are data there; template_version pins one). Its items: one row
-- per item of that version — the engine's figure and points, or an evaluator's points with the
-- evidence note, and a prefecture's adjustment with its reason (docs/definitions.md §15). The
-- status moves self_evaluation → submitted → reviewed → final (or back to self_evaluation);
-- a final evaluation and its items never change, and nothing is ever deleted.
CREATE TABLE evaluations (
  id               BIGSERIAL PRIMARY KEY,
  region_code      TEXT NOT NULL REFERENCES regions (code),
  year             INTEGER NOT NULL,
  as_of            TEXT NOT NULL,
  template_version TEXT NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('self_evaluation', 'submitted', 'reviewed', 'final')),
  total            BIGINT,
  grade            TEXT NOT NULL DEFAULT '',
  created_by       TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  finalized_by     TEXT NOT NULL DEFAULT '',
  finalized_at     TEXT NOT NULL DEFAULT '',
  version          BIGINT NOT NULL DEFAULT 1,
  UNIQUE (region_code, year)
);
CREATE INDEX evaluations_year ON evaluations (year);
CREATE FUNCTION evaluations_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'evaluations are never deleted'; END IF;
  IF OLD.status = 'final' THEN RAISE EXCEPTION 'evaluation final: immutable'; END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER evaluations_guard BEFORE UPDATE OR DELETE ON evaluations
  FOR EACH ROW EXECUTE FUNCTION evaluations_guard();

CREATE TABLE evaluation_items (
  evaluation_id  BIGINT NOT NULL REFERENCES evaluations (id),
  item_id        TEXT NOT NULL,
  source         TEXT NOT NULL CHECK (source IN ('engine', 'manual')),
  figure         TEXT NOT NULL DEFAULT '',
  points         BIGINT,
  evidence       TEXT NOT NULL DEFAULT '',
  self_points    BIGINT,
  adjust_reason  TEXT NOT NULL DEFAULT '',
  scored_by      TEXT NOT NULL DEFAULT '',
  scored_at      TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (evaluation_id, item_id)
);
CREATE FUNCTION evaluation_items_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'evaluation items are never deleted'; END IF;
  IF (SELECT status FROM evaluations WHERE id = OLD.evaluation_id) = 'final' THEN
    RAISE EXCEPTION 'evaluation final: immutable';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER evaluation_items_guard BEFORE UPDATE OR DELETE ON evaluation_items
  FOR EACH ROW EXECUTE FUNCTION evaluation_items_guard();
