-- Issue #16 point 3: a short-lived session cache on every server, invalidated through the store.
-- Kept in step with sqlite/0019_auth_log.sql. auth_log holds one counter, raised by statement triggers
-- in the same transaction as every change that can end a session or change what it may do: a session
-- revoked or deleted, a user changed or deleted. A touch of last_seen_at does not raise it.
CREATE TABLE auth_log (
  id      BIGINT PRIMARY KEY CHECK (id = 1),
  counter BIGINT NOT NULL
);
INSERT INTO auth_log (id, counter) VALUES (1, 0);
CREATE FUNCTION auth_log_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE auth_log SET counter = counter + 1 WHERE id = 1;
  RETURN NULL;
END $$;
CREATE TRIGGER sessions_auth_changed AFTER UPDATE OF revoked OR DELETE OR TRUNCATE ON sessions
FOR EACH STATEMENT EXECUTE FUNCTION auth_log_bump();
CREATE TRIGGER users_auth_changed AFTER UPDATE OR DELETE OR TRUNCATE ON users
FOR EACH STATEMENT EXECUTE FUNCTION auth_log_bump();
