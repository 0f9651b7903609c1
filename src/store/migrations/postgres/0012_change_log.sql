-- Issue #16: every server's engine follows the store. Kept in step with sqlite/0012_change_log.sql.
-- change_log holds one counter, raised by statement triggers in the same transaction as every change to a
-- table the in-memory engine or project list is built from (ledger entries are followed by their seq).
CREATE TABLE change_log (
  id      BIGINT PRIMARY KEY CHECK (id = 1),
  counter BIGINT NOT NULL
);
INSERT INTO change_log (id, counter) VALUES (1, 0);
CREATE FUNCTION change_log_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE change_log SET counter = counter + 1 WHERE id = 1;
  RETURN NULL;
END $$;
CREATE TRIGGER regions_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON regions
FOR EACH STATEMENT EXECUTE FUNCTION change_log_bump();
CREATE TRIGGER projects_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON projects
FOR EACH STATEMENT EXECUTE FUNCTION change_log_bump();
CREATE TRIGGER project_contracts_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON project_contracts
FOR EACH STATEMENT EXECUTE FUNCTION change_log_bump();
CREATE TRIGGER progress_reports_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON progress_reports
FOR EACH STATEMENT EXECUTE FUNCTION change_log_bump();
CREATE TRIGGER policies_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON policies
FOR EACH STATEMENT EXECUTE FUNCTION change_log_bump();
CREATE TRIGGER project_categories_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON project_categories
FOR EACH STATEMENT EXECUTE FUNCTION change_log_bump();
CREATE TRIGGER project_transitions_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON project_transitions
FOR EACH STATEMENT EXECUTE FUNCTION change_log_bump();
