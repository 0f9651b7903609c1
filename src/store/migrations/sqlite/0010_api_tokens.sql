-- API tokens of service accounts (API 令牌, issue #24). token_hash = hex SHA-256 of the whole
-- token; the token itself is never stored. A token is revoked by setting revoked_at, never deleted,
-- so the audit trail's "api_token" rows always name an existing token.
CREATE TABLE api_tokens (
  id           INTEGER PRIMARY KEY,
  token_hash   TEXT NOT NULL UNIQUE,
  prefix       TEXT NOT NULL,
  account      TEXT NOT NULL CHECK (account <> ''),
  role         INTEGER NOT NULL CHECK (role BETWEEN 2 AND 9),
  region_code  TEXT NOT NULL REFERENCES regions (code),
  allowed_ips  TEXT NOT NULL DEFAULT '',
  created_by   TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  expires_at   TEXT NOT NULL,
  revoked_at   TEXT NOT NULL DEFAULT '',
  last_used_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX api_tokens_account ON api_tokens (account);
