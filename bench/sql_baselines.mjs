// The same answers the engine gives, computed by SQL over the raw rows, in SQLite,
// PostgreSQL and DuckDB. Usage: node sql_baselines.mjs SQLITE_FILE CSV_DIR [PG_URL]
// Prints one JSON object: {sqlite: {...}, postgresql: {...}, duckdb: {...}} with p50/p99 in µs.
import Database from 'better-sqlite3'
import { DuckDBInstance } from '@duckdb/node-api'
import pg from 'pg'
import path from 'node:path'

const [sqliteFile, csvDir, pgUrl] = process.argv.slice(2)
const ITER = Number(process.env.XIANJIE_BENCH_SQL_ITER || 5)
const AS_OF = ['2023-03-31', '2023-05-15', '2023-07-05', '2023-09-30', '2023-12-31']

// Entries are booked at counties in the benchmark data, so a county's figure is a GROUP BY
// region_code and a province's a GROUP BY province_code: the cheapest honest SQL for each query.
const q = (p) => ({
  root_children: [
    `SELECT province_code, SUM(CASE WHEN effective_kind = 1 THEN sign * amount_fen ELSE 0 END) AS allocated,
            SUM(CASE WHEN effective_kind = 3 THEN sign * amount_fen ELSE 0 END) AS expended
       FROM ledger_entries WHERE fund_year = 2023 AND fund_source = 1 AND entry_date <= ${p(1)} GROUP BY province_code`,
    `SELECT province_code, COUNT(*) AS total,
            SUM(CASE WHEN actual_start IS NOT NULL AND actual_start <= ${p(1)} THEN 1 ELSE 0 END) AS started
       FROM projects WHERE year = 2023 AND status <> 14 GROUP BY province_code`,
  ],
  province_counties: [
    `SELECT region_code, SUM(CASE WHEN effective_kind = 1 THEN sign * amount_fen ELSE 0 END) AS allocated,
            SUM(CASE WHEN effective_kind = 3 THEN sign * amount_fen ELSE 0 END) AS expended
       FROM ledger_entries WHERE fund_year = 2023 AND fund_source = 1 AND entry_date <= ${p(1)}
        AND province_code = ${p(2)} GROUP BY region_code`,
    `SELECT substr(region_code, 1, 6) AS county, COUNT(*) AS total,
            SUM(CASE WHEN actual_start IS NOT NULL AND actual_start <= ${p(1)} THEN 1 ELSE 0 END) AS started
       FROM projects WHERE year = 2023 AND status <> 14 AND province_code = ${p(2)} GROUP BY 1`,
  ],
  county_villages: [
    `SELECT region_code, COUNT(*) AS total,
            SUM(CASE WHEN actual_start IS NOT NULL AND actual_start <= ${p(1)} THEN 1 ELSE 0 END) AS started
       FROM projects WHERE year = 2023 AND status <> 14 AND province_code = ${p(2)}
        AND substr(region_code, 1, 6) = ${p(3)} AND length(region_code) = 12 GROUP BY region_code`,
  ],
  county_ranking: [
    `SELECT region_code, allocated, expended FROM (
       SELECT region_code, SUM(CASE WHEN effective_kind = 1 THEN sign * amount_fen ELSE 0 END) AS allocated,
              SUM(CASE WHEN effective_kind = 3 THEN sign * amount_fen ELSE 0 END) AS expended
         FROM ledger_entries WHERE fund_year = 2023 AND fund_source = 1 AND entry_date <= ${p(1)}
        GROUP BY region_code) t
      WHERE allocated > 0 ORDER BY expended * 1.0 / allocated DESC, expended DESC, region_code`,
  ],
})

const params = (i) => {
  const asOf = AS_OF[i % AS_OF.length]
  return [asOf, '540000', '540102']
}

function summarize(us) {
  us.sort((a, b) => a - b)
  const at = (f) => us[Math.min(us.length - 1, Math.floor(f * us.length))]
  return { p50_us: at(0.5), p99_us: at(0.99), n: us.length }
}

async function measure(run) {
  const out = {}
  for (const name of Object.keys(q(() => '?'))) {
    const us = []
    for (let i = 0; i < ITER; i++) {
      const t0 = process.hrtime.bigint()
      await run(name, params(i))
      us.push(Number(process.hrtime.bigint() - t0) / 1000)
    }
    out[name] = summarize(us)
  }
  return out
}

const result = {}

{ // SQLite: the product's own file, its own indexes.
  const db = new Database(sqliteFile, { readonly: true })
  const stmts = q(() => '?')
  const prepared = Object.fromEntries(Object.entries(stmts).map(([k, v]) => [k, v.map((s) => db.prepare(s))]))
  result.sqlite = await measure((name, p) => {
    for (const st of prepared[name]) st.all(...p.slice(0, st.source.split('?').length - 1))
  })
  db.close()
}

{ // DuckDB: columnar, in memory, loaded from the CSV export of the same rows.
  const instance = await DuckDBInstance.create(':memory:')
  const con = await instance.connect()
  const t0 = Date.now()
  await con.run(`CREATE TABLE ledger_entries AS SELECT * FROM read_csv('${path.join(csvDir, 'ledger.csv')}', header = true,
    columns = {'province_code': 'VARCHAR', 'region_code': 'VARCHAR', 'entry_date': 'VARCHAR', 'effective_kind': 'INTEGER',
               'sign': 'INTEGER', 'amount_fen': 'BIGINT', 'fund_year': 'INTEGER', 'fund_source': 'INTEGER'})`)
  await con.run(`CREATE TABLE projects AS SELECT * FROM read_csv('${path.join(csvDir, 'projects.csv')}', header = true,
    columns = {'province_code': 'VARCHAR', 'region_code': 'VARCHAR', 'year': 'INTEGER', 'status': 'INTEGER',
               'actual_start': 'VARCHAR'})`)
  result.duckdb_load_seconds = (Date.now() - t0) / 1000
  const stmts = q((i) => `$${i}`)
  result.duckdb = await measure(async (name, p) => {
    for (const sql of stmts[name]) {
      const n = (sql.match(/\$\d/g) || []).map((m) => Number(m.slice(1))).reduce((a, b) => Math.max(a, b), 0)
      await con.runAndReadAll(sql, p.slice(0, n))
    }
  })
}

if (pgUrl) { // PostgreSQL: the same rows loaded by COPY, indexed like the product's schema.
  const client = new pg.Client({ connectionString: pgUrl })
  await client.connect()
  const stmts = q((i) => `$${i}`)
  result.postgresql = await measure(async (name, p) => {
    for (const sql of stmts[name]) {
      const n = (sql.match(/\$\d/g) || []).map((m) => Number(m.slice(1))).reduce((a, b) => Math.max(a, b), 0)
      await client.query(sql, p.slice(0, n))
    }
  })
  await client.end()
}

console.log(JSON.stringify(result, null, 2))
