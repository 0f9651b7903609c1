// 年末支出进度预测 (issue #22 point 4, docs/definitions.md §21) over HTTP and the CLI, on the rules
// fixture's regions with a hand-made ledger (amounts in yuan). Target: 100 − 10 = 90.
//
// Fund year 2022 (central): 甲一县 650101 allocated 1,000, spent 400 by 07-01 and 400 more on 10-01:
//   40% on 07-05, 80% on 12-31 → ratio 2. 甲二县 650102 allocated 1,000, spent 500 by 06-01, 300 on
//   11-01: 50% → 80%, ratio 1.6. So 甲市 650100 and 测试省 650000: 900/2,000 = 45% → 1,600/2,000 = 80%,
//   ratio 16/9.
// Fund year 2023, as of 2023-07-05:
//   650101 1,000 allocated, 300 spent: 30% × 2 = 60.00 → misses 90.
//   650102 2,000 allocated, 1,000 spent: 50% × 1.6 = 80.00 → misses.
//   650103 1,000 allocated, 540 spent: 54%; no 2022 of its own → 甲市's ratio 16/9: 96.00, meets.
//   650201 1,000 allocated, nothing spent: 0% → 0 (basis 测试省: 乙市 has no 2022), misses.
//   650202 nothing allocated: no forecast (no_allocation).
//   甲市 4,000 allocated, 1,840 spent: 46% × 16/9 = 81.777… → 81.78. 乙市 0% → 0.
//   测试省 5,000, 1,840: 36.8% × 16/9 = 65.4222… → 65.42.
//   660101 (另一省) 1,000 allocated, 100 spent: 10%, no earlier year anywhere above it: no_history.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import os from 'node:os'
import path from 'node:path'
import fs from 'node:fs'
import { startServer, cli, repoRoot } from '../lib/server.mjs'

const LEDGER = [
  'entry_id,date,kind,fund_source,fund_year,region_code,project_code,amount,payee,payee_type,reverses,note',
  'F01,2022-01-10,allocate,central,2022,650101,P22A,1000,,,,',
  'F02,2022-07-01,expend,central,2022,650101,P22A,400,某公司,enterprise,,',
  'F03,2022-10-01,expend,central,2022,650101,P22A,400,某公司,enterprise,,',
  'F04,2022-01-10,allocate,central,2022,650102,P22B,1000,,,,',
  'F05,2022-06-01,expend,central,2022,650102,P22B,500,某公司,enterprise,,',
  'F06,2022-11-01,expend,central,2022,650102,P22B,300,某公司,enterprise,,',
  'F11,2023-01-10,allocate,central,2023,650101,P23A,1000,,,,',
  'F12,2023-06-01,expend,central,2023,650101,P23A,300,某公司,enterprise,,',
  'F13,2023-01-10,allocate,central,2023,650102,P23B,2000,,,,',
  'F14,2023-06-01,expend,central,2023,650102,P23B,1000,某公司,enterprise,,',
  'F15,2023-01-10,allocate,central,2023,650103,P23C,1000,,,,',
  'F16,2023-06-01,expend,central,2023,650103,P23C,540,某公司,enterprise,,',
  'F17,2023-01-10,allocate,central,2023,650201,P23D,1000,,,,',
  'F18,2023-01-10,allocate,central,2023,660101,P23E,1000,,,,',
  'F19,2023-03-01,expend,central,2023,660101,P23E,100,某公司,enterprise,,',
].join('\n') + '\n'
const PROJECTS = [
  'project_code,name,year,region_code,category,subcategory,total_investment,central_fund,other_fund,planned_start,planned_finish,actual_start,actual_finish,status',
  ...Object.entries({ P22A: [2022, '650101'], P22B: [2022, '650102'], P23A: [2023, '650101'], P23B: [2023, '650102'], P23C: [2023, '650103'], P23D: [2023, '650201'], P23E: [2023, '660101'] })
    .map(([code, [year, region]]) => `${code},项目${code},${year},${region},0301,,3000,3000,0,${year}-02-01,${year}-11-30,${year}-02-01,,started`),
].join('\n') + '\n'

let server, leader, county, dbUrl
before(async () => {
  server = await startServer({
    regions: false,
    setup: (db) => {
      dbUrl = db
      const regions = cli(['import', '--db', db, '--kind', 'regions', path.join(repoRoot, 'tests', 'fixtures', 'rules', 'regions.csv')])
      if (regions.status !== 0) throw new Error(`regions: ${regions.stderr}`)
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xj-forecast-'))
      for (const [kind, text] of [['projects', PROJECTS], ['ledger', LEDGER]]) {
        const file = path.join(dir, `${kind}.csv`)
        fs.writeFileSync(file, text)
        const r = cli(['import', '--db', db, '--kind', kind, file])
        if (r.status !== 0) throw new Error(`${kind}: ${r.stderr}`)
      }
    },
    users: [
      { username: 'leader', role: 'leader', region: '650000' },
      { username: 'county', role: 'county_officer', region: '650101' },
      { username: 'third', role: 'county_officer', region: '650103' },
      { username: 'other', role: 'leader', region: '660000' },
    ],
  })
  leader = await server.login('leader')
  county = await server.login('county')
})
after(async () => {
  await server?.stop()
})

const json = async (res) => ({ status: res.status, body: await res.json() })
const forecast = async (query, client = leader) => json(await client.get('/api/v1/forecast?' + query))
const row = (rows, code) => rows.find((r) => r.region_code === code)
const figures = (r) => [r.status, r.progress_now, r.forecast, r.low, r.high, r.will_miss]

test('the region and its children: progress now × the median ratio of the earlier years, flagged below 90', async () => {
  const r = await forecast('region=650000&year=2023&as_of=2023-07-05')
  assert.equal(r.status, 200, JSON.stringify(r.body))
  assert.deepEqual([r.body.region_code, r.body.year, r.body.as_of, r.body.year_end, r.body.target, r.body.behind_pts],
    ['650000', 2023, '2023-07-05', '2023-12-31', 90, 10])
  assert.deepEqual(r.body.items.map((i) => i.region_code), ['650000', '650100', '650200'])
  const province = row(r.body.items, '650000')
  assert.deepEqual(figures(province), ['forecast', 36.8, 65.42, 65.42, 65.42, true])
  assert.deepEqual(province.basis, { region_code: '650000', name: '测试省', years: [{ year: 2022, progress_same_day: 45, progress_year_end: 80 }] })
  assert.equal(province.reason, null)
  assert.deepEqual(figures(row(r.body.items, '650100')), ['forecast', 46, 81.78, 81.78, 81.78, true])
  const yi = row(r.body.items, '650200')
  assert.deepEqual(figures(yi), ['forecast', 0, 0, 0, 0, true])
  assert.equal(yi.basis.region_code, '650000') // 乙市 has no 2022: its parent's years
  // The counties predicted to miss, lowest first; 甲三县 (96.00) meets, 乙二县 has nothing allocated.
  assert.deepEqual(r.body.at_risk.map((c) => [c.region_code, c.parent_name, c.forecast]),
    [['650201', '乙市', 0], ['650101', '甲市', 60], ['650102', '甲市', 80]])
})

test('a county falls back to its parent’s years; the forecast is held to 100%', async () => {
  const r = await forecast('region=650100&year=2023&as_of=2023-07-05')
  assert.equal(r.status, 200)
  assert.deepEqual(figures(row(r.body.items, '650101')), ['forecast', 30, 60, 60, 60, true])
  assert.equal(row(r.body.items, '650101').basis.region_code, '650101')
  assert.deepEqual(figures(row(r.body.items, '650102')), ['forecast', 50, 80, 80, 80, true])
  const third = row(r.body.items, '650103')
  assert.deepEqual(figures(third), ['forecast', 54, 96, 96, 96, false])
  assert.deepEqual([third.basis.region_code, third.basis.name], ['650100', '甲市'])
})

test('no forecast without an allocation or without any earlier year, with the reason', async () => {
  const none = await forecast('region=650202&year=2023&as_of=2023-07-05')
  assert.equal(none.status, 200)
  const unit = none.body.items[0]
  assert.deepEqual(figures(unit), ['no_allocation', null, null, null, null, null])
  assert.equal(unit.reason.code, 'no_allocation')
  const other = await forecast('region=660000&year=2023&as_of=2023-07-05', await server.login('other'))
  assert.equal(other.status, 200)
  const lone = row(other.body.items, '660000')
  assert.deepEqual(figures(lone), ['no_history', 10, null, null, null, null])
  assert.equal(lone.basis, null)
  assert.equal(lone.reason.code, 'no_history')
  assert.match(lone.reason.message, /不作预测/)
  assert.deepEqual(other.body.at_risk, [])
})

test('after 31 December the year-end figure itself', async () => {
  const r = await forecast('region=650101&year=2023&as_of=2024-01-05')
  assert.equal(r.status, 200)
  assert.deepEqual(figures(r.body.items[0]), ['actual', 30, 30, 30, 30, true])
})

test('errors: no region, a bad date or year, an unknown region, outside the caller’s scope', async () => {
  const cases = [
    ['year=2023&as_of=2023-07-05', leader, 400, 'missing_field'],
    ['region=650000&year=2023&as_of=2023-02-30', leader, 400, 'invalid_argument'],
    ['region=650000&year=1999&as_of=2023-07-05', leader, 400, 'invalid_argument'],
    ['region=659999&year=2023&as_of=2023-07-05', leader, 404, 'not_found'],
    ['region=650100&year=2023&as_of=2023-07-05', county, 403, 'permission_denied'],
    ['region=660000&year=2023&as_of=2023-07-05', leader, 403, 'permission_denied'],
  ]
  for (const [query, client, status, code] of cases) {
    const r = await forecast(query, client)
    assert.equal(r.status, status, `${query}: ${JSON.stringify(r.body)}`)
    assert.equal(r.body.error.code, code, query)
  }
  const anonymous = await fetch(`${server.baseUrl}/api/v1/forecast?region=650000&year=2023&as_of=2023-07-05`)
  assert.equal(anonymous.status, 401)
})

test('the CLI prints the same JSON, a flat table, and refuses a bad date', () => {
  const r = cli(['forecast', '--db', dbUrl, '--region', '650100', '--year', '2023', '--as-of', '2023-07-05'])
  assert.equal(r.status, 0, r.stderr)
  const body = JSON.parse(r.stdout)
  assert.deepEqual(body.items.map((i) => [i.region_code, i.forecast]), [['650100', 81.78], ['650101', 60], ['650102', 80], ['650103', 96]])
  const table = cli(['forecast', '--db', dbUrl, '--region', '650100', '--year', '2023', '--as-of', '2023-07-05', '--format', 'table'])
  assert.equal(table.status, 0, table.stderr)
  assert.match(table.stdout, /甲三县/)
  assert.match(table.stdout, /甲市 2022/)
  const bad = cli(['forecast', '--db', dbUrl, '--region', '650100', '--year', '2023', '--as-of', '2023-13-01'])
  assert.notEqual(bad.status, 0)
  assert.match(bad.stderr, /日期/)
})

test('a county officer sees the years of a parent basis but not the parent’s figures', async () => {
  const own = await forecast('region=650101&year=2023&as_of=2023-07-05', county)
  assert.equal(own.status, 200)
  assert.deepEqual(own.body.items[0].basis.years, [{ year: 2022, progress_same_day: 40, progress_year_end: 80 }])
  const third = await json(await (await server.login('third')).get('/api/v1/forecast?region=650103&year=2023&as_of=2023-07-05'))
  assert.equal(third.status, 200)
  assert.equal(third.body.items[0].forecast, 96)
  assert.deepEqual(third.body.items[0].basis, { region_code: '650100', name: '甲市', years: [{ year: 2022, progress_same_day: null, progress_year_end: null }] })
})
