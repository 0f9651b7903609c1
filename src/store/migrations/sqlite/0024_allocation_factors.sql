-- Issue #19 point 4: allocation factors (分配因素) per county and year, imported (kind `factors`)
-- and read by the allocation by factors (docs/definitions.md §10). Kept in step with
-- postgres/0024_allocation_factors.sql.
CREATE TABLE allocation_factors (
  region_code          TEXT    NOT NULL,
  year                 INTEGER NOT NULL,
  rural_population     INTEGER NOT NULL CHECK (rural_population >= 0),
  lifted_population    INTEGER NOT NULL CHECK (lifted_population >= 0),
  monitored_population INTEGER NOT NULL CHECK (monitored_population >= 0),
  area_hundredths_km2  INTEGER NOT NULL CHECK (area_hundredths_km2 >= 0),
  key_county           INTEGER NOT NULL CHECK (key_county IN (0, 1)),
  performance_score_bp INTEGER CHECK (performance_score_bp BETWEEN 0 AND 10000),
  PRIMARY KEY (region_code, year)
);
