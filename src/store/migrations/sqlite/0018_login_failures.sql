-- Failed logins kept in the store (issue #16 point 3, issue #13 point 4), so that every server of a
-- database throttles on the same failures. Kept in step with postgres/0018_login_failures.sql.
-- One row per failed attempt (at_ms: unix milliseconds). A successful login of the username sets
-- user_cleared on all its rows (they no longer count for the username) and pair_cleared on its rows
-- from that address; every row still counts for its address. Rows older than the throttle's window
-- are deleted as new failures come. Not copied by `xianjie copy`.
CREATE TABLE login_failures (
  id           INTEGER PRIMARY KEY,
  username     TEXT NOT NULL,
  address      TEXT NOT NULL,
  at_ms        INTEGER NOT NULL,
  user_cleared INTEGER NOT NULL DEFAULT 0 CHECK (user_cleared IN (0, 1)),
  pair_cleared INTEGER NOT NULL DEFAULT 0 CHECK (pair_cleared IN (0, 1))
);
CREATE INDEX login_failures_username ON login_failures (username, at_ms);
CREATE INDEX login_failures_address ON login_failures (address, at_ms);
CREATE INDEX login_failures_at ON login_failures (at_ms);
