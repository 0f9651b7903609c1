-- Classification and plans of operating assets, their income and its distribution (issue #20 point 3).
-- Kept in step with postgres/0026_asset_plans.sql.

-- The label of each class as policy data (巩固/提升/盘活/另起炉灶 by default; 巩固/升级/盘活/调整 fits too).
CREATE TABLE asset_class_labels (
  asset_class TEXT PRIMARY KEY CHECK (asset_class IN ('consolidate', 'upgrade', 'revitalize', 'restart')),
  label       TEXT NOT NULL CHECK (label <> ''),
  updated_at  TEXT NOT NULL
);
INSERT INTO asset_class_labels (asset_class, label, updated_at) VALUES
  ('consolidate', '巩固', ''), ('upgrade', '提升', ''), ('revitalize', '盘活', ''), ('restart', '另起炉灶', '');

-- An operating asset's class, plan and follow-up date (one row per asset).
CREATE TABLE asset_plans (
  asset_code   TEXT PRIMARY KEY REFERENCES assets (asset_code),
  asset_class  TEXT NOT NULL CHECK (asset_class IN ('consolidate', 'upgrade', 'revitalize', 'restart')),
  plan         TEXT NOT NULL,
  follow_up_on TEXT,
  updated_by   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);

-- Income of an asset (资产收益; negative for a loss) and its distribution (收益分配) with the village
-- meeting's decision (decided_on, decision).
CREATE TABLE asset_incomes (
  id           INTEGER PRIMARY KEY,
  asset_code   TEXT NOT NULL REFERENCES assets (asset_code),
  received_on  TEXT NOT NULL,
  amount_fen   INTEGER NOT NULL CHECK (amount_fen <> 0),
  distribution TEXT NOT NULL DEFAULT '',
  decided_on   TEXT,
  decision     TEXT NOT NULL DEFAULT '',
  created_by   TEXT NOT NULL,
  created_at   TEXT NOT NULL
);
CREATE INDEX asset_incomes_asset ON asset_incomes (asset_code, received_on);
