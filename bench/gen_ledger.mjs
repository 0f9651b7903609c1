// Writes a valid ledger CSV of N rows against an existing database (its projects and
// counties), for the import benchmarks. Usage: node gen_ledger.mjs SQLITE_FILE N TAG > out.csv
// Rows cycle 下达 → 拨付 → 支出 on real projects of fund year 2023 (central funds), dated
// from 2023-08-01 on; ids are TAG-000000… so a run never collides with the data it joins.
import Database from 'better-sqlite3'
import fs from 'node:fs'

const [file, nText, tag] = process.argv.slice(2)
const n = Number(nText)
if (!file || !Number.isInteger(n) || n <= 0 || !tag) {
  console.error('usage: node gen_ledger.mjs SQLITE_FILE N TAG')
  process.exit(2)
}
const db = new Database(file, { readonly: true })
const projects = db.prepare('SELECT project_code, region_code FROM projects WHERE year = 2023 AND status <> 14 LIMIT 20000').all()
if (projects.length === 0) throw new Error('no 2023 projects in ' + file)
const day0 = Date.UTC(2023, 7, 1)
const kinds = ['allocate', 'disburse', 'expend']
const out = fs.createWriteStream('/dev/stdout')
const lines = ['entry_id,date,kind,fund_source,fund_year,region_code,project_code,amount,payee,payee_type']
const flush = () => {
  out.write(lines.join('\n') + '\n')
  lines.length = 0
}
for (let i = 0; i < n; i++) {
  const p = projects[Math.floor(i / 3) % projects.length]
  const kind = kinds[i % 3]
  const date = new Date(day0 + (i % 120) * 86400000).toISOString().slice(0, 10)
  const yuan = (1000 + (i % 9000)).toString() + '.' + String(i % 100).padStart(2, '0')
  const payee = kind === 'expend' ? '某建筑工程有限公司,enterprise' : ','
  lines.push(`${tag}-${String(i).padStart(7, '0')},${date},${kind},central,2023,${p.region_code},${p.project_code},${yuan},${payee}`)
  if (lines.length >= 10000) flush()
}
flush()
out.end()
