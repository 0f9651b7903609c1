-- Relocation support (issue #20 point 5): subsidy claims computed per household and their payment.
-- Kept in step with sqlite/0028_relocation_subsidies.sql.

-- One claim: the kind, the basis date whose standard it used (standard_fen, raise_bp, unit_fen as in force
-- then for the site's region), the persons it covers and the amount (unit × persons or the unit per
-- household, docs/definitions.md §13); state computed → paid with the payment's date, amount and method.
CREATE TABLE relocation_subsidies (
  id           BIGSERIAL PRIMARY KEY,
  household_id BIGINT NOT NULL REFERENCES relocation_households (id),
  region_code  TEXT NOT NULL REFERENCES regions (code),
  kind         TEXT NOT NULL CHECK (kind IN ('cross_region_travel', 'startup', 'skills_training')),
  basis_on     TEXT NOT NULL,
  persons      BIGINT NOT NULL CHECK (persons >= 1),
  standard_fen BIGINT NOT NULL CHECK (standard_fen >= 0),
  raise_bp     BIGINT NOT NULL CHECK (raise_bp >= 0),
  unit_fen     BIGINT NOT NULL CHECK (unit_fen >= 0),
  amount_fen   BIGINT NOT NULL CHECK (amount_fen >= 0),
  state        TEXT NOT NULL DEFAULT 'computed' CHECK (state IN ('computed', 'paid')),
  paid_on      TEXT,
  paid_fen     BIGINT NOT NULL DEFAULT 0 CHECK (paid_fen >= 0),
  method       TEXT NOT NULL DEFAULT '' CHECK (method IN ('', 'bank', 'cash', 'other')),
  created_by   TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  paid_by      TEXT NOT NULL DEFAULT '',
  updated_at   TEXT NOT NULL,
  UNIQUE (household_id, kind, basis_on)
);
CREATE INDEX relocation_subsidies_region ON relocation_subsidies (region_code, basis_on);
