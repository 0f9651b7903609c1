-- Issue #16: every server's engine follows the store. Kept in step with postgres/0012_change_log.sql.
-- change_log holds one counter, raised by triggers in the same transaction as every change to a table
-- the in-memory engine or project list is built from (ledger entries are followed by their seq instead).
-- A server that sees the counter move rebuilds its engine; a CLI import, a demo load or another server's
-- write thus reaches every running server. Not copied by `xianjie copy` (each database counts its own).
CREATE TABLE change_log (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  counter INTEGER NOT NULL
);
INSERT INTO change_log (id, counter) VALUES (1, 0);
CREATE TRIGGER regions_changed_insert AFTER INSERT ON regions BEGIN UPDATE change_log SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER regions_changed_update AFTER UPDATE ON regions BEGIN UPDATE change_log SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER regions_changed_delete AFTER DELETE ON regions BEGIN UPDATE change_log SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER projects_changed_insert AFTER INSERT ON projects BEGIN UPDATE change_log SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER projects_changed_update AFTER UPDATE ON projects BEGIN UPDATE change_log SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER projects_changed_delete AFTER DELETE ON projects BEGIN UPDATE change_log SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER project_contracts_changed_insert AFTER INSERT ON project_contracts BEGIN UPDATE change_log SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER project_contracts_changed_update AFTER UPDATE ON project_contracts BEGIN UPDATE change_log SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER project_contracts_changed_delete AFTER DELETE ON project_contracts BEGIN UPDATE change_log SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER progress_reports_changed_insert AFTER INSERT ON progress_reports BEGIN UPDATE change_log SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER progress_reports_changed_update AFTER UPDATE ON progress_reports BEGIN UPDATE change_log SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER progress_reports_changed_delete AFTER DELETE ON progress_reports BEGIN UPDATE change_log SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER policies_changed_insert AFTER INSERT ON policies BEGIN UPDATE change_log SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER policies_changed_update AFTER UPDATE ON policies BEGIN UPDATE change_log SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER policies_changed_delete AFTER DELETE ON policies BEGIN UPDATE change_log SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER project_categories_changed_insert AFTER INSERT ON project_categories BEGIN UPDATE change_log SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER project_categories_changed_update AFTER UPDATE ON project_categories BEGIN UPDATE change_log SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER project_categories_changed_delete AFTER DELETE ON project_categories BEGIN UPDATE change_log SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER project_transitions_changed_insert AFTER INSERT ON project_transitions BEGIN UPDATE change_log SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER project_transitions_changed_update AFTER UPDATE ON project_transitions BEGIN UPDATE change_log SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER project_transitions_changed_delete AFTER DELETE ON project_transitions BEGIN UPDATE change_log SET counter = counter + 1 WHERE id = 1; END;
