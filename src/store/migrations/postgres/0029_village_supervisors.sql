-- Village supervisors (村级监督员, issue #18 point 4). Kept in step with sqlite/0029_village_supervisors.sql.
-- One or more per village (region_code, a region of level village). The phone number is personal
-- data: phone_cipher is its encryption under the data key and phone_index its blind index
-- (app/crypto.hpp, as relief_workers' numbers), so one number is registered once per village.
CREATE TABLE village_supervisors (
  id           BIGSERIAL PRIMARY KEY,
  region_code  TEXT NOT NULL REFERENCES regions (code),
  name         TEXT NOT NULL CHECK (name <> ''),
  phone_cipher TEXT NOT NULL,
  phone_index  TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('active', 'inactive')),
  created_by   TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  UNIQUE (region_code, phone_index)
);
CREATE INDEX village_supervisors_region ON village_supervisors (region_code);
