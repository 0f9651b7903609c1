-- Public postings (公示) become a typed table: the public page of a county reads only the
-- postings of its subtree through the region index, instead of every posting in the country.
-- Rows move from library_records (kind 'posting') keeping their ids, which objections refer to.
-- Kept in step with sqlite/0006_library_postings.sql.
CREATE TABLE library_postings (
  id                   BIGSERIAL PRIMARY KEY,
  province_code        TEXT NOT NULL,
  project_code         TEXT NOT NULL REFERENCES projects (project_code),
  region_code          TEXT NOT NULL,
  stage                TEXT NOT NULL,
  place                TEXT NOT NULL,
  start_date           DATE NOT NULL,
  end_date             DATE NOT NULL,
  hotline              TEXT NOT NULL,
  project_name         TEXT NOT NULL,
  region_name          TEXT NOT NULL,
  construction_content TEXT NOT NULL,
  total_investment_fen BIGINT NOT NULL,
  central_fund_fen     BIGINT NOT NULL,
  implementing_unit    TEXT NOT NULL,
  benefit_mechanism    TEXT NOT NULL,
  households_linked    INTEGER NOT NULL,
  responsible_person   TEXT NOT NULL,
  created_by           TEXT NOT NULL,
  created_at           TEXT NOT NULL
);
CREATE INDEX library_postings_region ON library_postings (region_code, id);
CREATE INDEX library_postings_project ON library_postings (project_code, id);

INSERT INTO library_postings
SELECT id, province_code, project_code, region_code,
  d->>'stage', d->>'place', (d->>'start')::date, (d->>'end')::date, d->>'hotline', d->>'project_name',
  d->>'region_name', d->>'construction_content', (d->>'total_investment_fen')::bigint,
  (d->>'central_fund_fen')::bigint, d->>'implementing_unit', d->>'benefit_mechanism',
  (d->>'households_linked')::integer, d->>'responsible_person', d->>'created_by', d->>'created_at'
FROM (SELECT id, province_code, project_code, region_code, doc::jsonb AS d FROM library_records
      WHERE kind = 'posting') r ORDER BY id;
DELETE FROM library_records WHERE kind = 'posting';
SELECT setval(pg_get_serial_sequence('library_postings', 'id'), m)
FROM (SELECT MAX(id) AS m FROM library_postings) x WHERE m IS NOT NULL;
