-- Public postings (公示) become a typed table: the public page of a county reads only the
-- postings of its subtree through the region index, instead of every posting in the country.
-- Rows move from library_records (kind 'posting') keeping their ids, which objections refer to.
CREATE TABLE library_postings (
  id                   INTEGER PRIMARY KEY,
  province_code        TEXT NOT NULL,
  project_code         TEXT NOT NULL REFERENCES projects (project_code),
  region_code          TEXT NOT NULL,
  stage                TEXT NOT NULL,
  place                TEXT NOT NULL,
  start_date           TEXT NOT NULL,
  end_date             TEXT NOT NULL,
  hotline              TEXT NOT NULL,
  project_name         TEXT NOT NULL,
  region_name          TEXT NOT NULL,
  construction_content TEXT NOT NULL,
  total_investment_fen INTEGER NOT NULL,
  central_fund_fen     INTEGER NOT NULL,
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
  json_extract(doc, '$.stage'), json_extract(doc, '$.place'), json_extract(doc, '$.start'),
  json_extract(doc, '$.end'), json_extract(doc, '$.hotline'), json_extract(doc, '$.project_name'),
  json_extract(doc, '$.region_name'), json_extract(doc, '$.construction_content'),
  json_extract(doc, '$.total_investment_fen'), json_extract(doc, '$.central_fund_fen'),
  json_extract(doc, '$.implementing_unit'), json_extract(doc, '$.benefit_mechanism'),
  json_extract(doc, '$.households_linked'), json_extract(doc, '$.responsible_person'),
  json_extract(doc, '$.created_by'), json_extract(doc, '$.created_at')
FROM library_records WHERE kind = 'posting' ORDER BY id;
DELETE FROM library_records WHERE kind = 'posting';
