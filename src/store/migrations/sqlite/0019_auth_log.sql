-- Issue #16 point 3: a short-lived session cache on every server, invalidated through the store.
-- Kept in step with postgres/0019_auth_log.sql. auth_log holds one counter, raised in the same
-- transaction as every change that can end a session or change what it may do: a session revoked
-- or deleted (logout, password change, reset, disable), a user changed or deleted. A server whose
-- follower sees it move drops its cached sessions; a touch of last_seen_at does not raise it.
-- Not copied by `xianjie copy` (each database counts its own).
CREATE TABLE auth_log (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  counter INTEGER NOT NULL
);
INSERT INTO auth_log (id, counter) VALUES (1, 0);
CREATE TRIGGER sessions_revoked AFTER UPDATE OF revoked ON sessions BEGIN UPDATE auth_log SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER sessions_deleted AFTER DELETE ON sessions BEGIN UPDATE auth_log SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER users_auth_changed_update AFTER UPDATE ON users BEGIN UPDATE auth_log SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER users_auth_changed_delete AFTER DELETE ON users BEGIN UPDATE auth_log SET counter = counter + 1 WHERE id = 1; END;
