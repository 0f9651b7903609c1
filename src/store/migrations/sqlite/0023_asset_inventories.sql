-- 清产核资 (issue #20 point 2): inventory campaigns over the asset register, one check per asset,
-- and the register's history of changes. Kept in step with postgres/0023_asset_inventories.sql.

-- A campaign covers the subtree of region_code for one period (one campaign per region and period);
-- closed = 1 once every asset is checked and every difference approved.
CREATE TABLE asset_inventories (
  id          INTEGER PRIMARY KEY,
  region_code TEXT NOT NULL REFERENCES regions (code),
  name        TEXT NOT NULL CHECK (name <> ''),
  period      TEXT NOT NULL CHECK (period <> ''),
  closed      INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1)),
  opened_by   TEXT NOT NULL,
  opened_at   TEXT NOT NULL,
  closed_by   TEXT NOT NULL DEFAULT '',
  closed_at   TEXT NOT NULL DEFAULT '',
  UNIQUE (region_code, period)
);

-- One asset's check in a campaign, taken when the campaign opens with the register's value and
-- status then (value_before_fen, status_before). outcome pending|found|missing|damaged|value_changed;
-- review none|pending|approved|returned (domain/asset_inventory.hpp); version raised by every change.
CREATE TABLE asset_inventory_checks (
  inventory_id     INTEGER NOT NULL REFERENCES asset_inventories (id),
  asset_code       TEXT NOT NULL REFERENCES assets (asset_code),
  asset_name       TEXT NOT NULL,
  region_code      TEXT NOT NULL REFERENCES regions (code),
  value_before_fen INTEGER NOT NULL CHECK (value_before_fen >= 0),
  status_before    TEXT NOT NULL,
  outcome          TEXT NOT NULL DEFAULT 'pending'
                   CHECK (outcome IN ('pending', 'found', 'missing', 'damaged', 'value_changed')),
  value_after_fen  INTEGER CHECK (value_after_fen >= 0),
  explanation      TEXT NOT NULL DEFAULT '',
  checked_by       TEXT NOT NULL DEFAULT '',
  checked_at       TEXT NOT NULL DEFAULT '',
  review           TEXT NOT NULL DEFAULT 'none' CHECK (review IN ('none', 'pending', 'approved', 'returned')),
  reviewed_by      TEXT NOT NULL DEFAULT '',
  reviewed_at      TEXT NOT NULL DEFAULT '',
  review_note      TEXT NOT NULL DEFAULT '',
  version          INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (inventory_id, asset_code)
);
CREATE INDEX asset_inventory_checks_asset ON asset_inventory_checks (asset_code);

-- The register's history (资产变动记录): every change of an asset's current value or status made by
-- an approved inventory difference (source 'inventory', reference the campaign id).
CREATE TABLE asset_changes (
  id                 INTEGER PRIMARY KEY,
  asset_code         TEXT NOT NULL REFERENCES assets (asset_code),
  changed_at         TEXT NOT NULL,
  changed_by         TEXT NOT NULL,
  source             TEXT NOT NULL,
  reference          TEXT NOT NULL DEFAULT '',
  value_before_fen   INTEGER NOT NULL,
  value_after_fen    INTEGER NOT NULL,
  status_before      TEXT NOT NULL,
  status_after       TEXT NOT NULL,
  note               TEXT NOT NULL DEFAULT ''
);
CREATE INDEX asset_changes_asset ON asset_changes (asset_code);
