-- Regions (行政区划). A tree by parent_code; levels 1 province … 5 village.
CREATE TABLE regions (
  code         TEXT PRIMARY KEY,
  name         TEXT NOT NULL CHECK (name <> ''),
  level        INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
  parent_code  TEXT REFERENCES regions (code) DEFERRABLE INITIALLY DEFERRED,
  key_township INTEGER NOT NULL DEFAULT 0 CHECK (key_township IN (0, 1)),
  former_name  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX regions_parent ON regions (parent_code);
