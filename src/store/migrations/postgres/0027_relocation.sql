-- Relocation support (易地扶贫搬迁后续扶持, issue #20 point 5): sites and relocated households.
-- Kept in step with sqlite/0027_relocation.sql.

-- A relocation site (安置点); kind 1 集中安置, 2 分散安置. Its region owns the standards its households get.
CREATE TABLE relocation_sites (
  site_code          TEXT PRIMARY KEY CHECK (site_code <> ''),
  name               TEXT NOT NULL CHECK (name <> ''),
  region_code        TEXT NOT NULL REFERENCES regions (code),
  kind               INTEGER NOT NULL CHECK (kind BETWEEN 1 AND 2),
  planned_households BIGINT NOT NULL DEFAULT 0 CHECK (planned_households >= 0),
  planned_persons    BIGINT NOT NULL DEFAULT 0 CHECK (planned_persons >= 0),
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL
);
CREATE INDEX relocation_sites_region ON relocation_sites (region_code);

-- A relocated household (搬迁户), named by its head. person_index is the keyed hash (HMAC) of the head's
-- ID number (the blind index, one household per head); id_cipher the number encrypted with the data key,
-- as relief_workers. region_code is the site's. household_status 1 脱贫户, 2 监测户, 3 一般农户.
CREATE TABLE relocation_households (
  id               BIGSERIAL PRIMARY KEY,
  site_code        TEXT NOT NULL REFERENCES relocation_sites (site_code),
  region_code      TEXT NOT NULL REFERENCES regions (code),
  origin_village   TEXT NOT NULL DEFAULT '',
  head_name        TEXT NOT NULL CHECK (head_name <> ''),
  person_index     TEXT NOT NULL UNIQUE CHECK (person_index <> ''),
  id_cipher        TEXT NOT NULL,
  members          BIGINT NOT NULL CHECK (members >= 1),
  household_status INTEGER NOT NULL CHECK (household_status BETWEEN 1 AND 3),
  moved_in_on      TEXT NOT NULL,
  created_by       TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
);
CREATE INDEX relocation_households_site ON relocation_households (site_code);
CREATE INDEX relocation_households_region ON relocation_households (region_code);
