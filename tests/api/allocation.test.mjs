// Allocation by factors (issue #19 point 4, docs/definitions.md §10), over HTTP and the CLI, on
// SQLite and PostgreSQL, on the rules fixture (tests/fixtures/rules). Tests run in order.
//
// Factors of 2023: each of the five counties has 100 rural population and nothing else; 甲三县
// 650103 is a 国家乡村振兴重点帮扶县 (default tilt +10%). With every other factor 0 only the rural
// population counts, whatever its weight: index 1 : 1 : 1.1 : 1 : 1 (Σ 5.1).
// Pool 1,000,000,000 yuan = 100,000 万元 = 10¹¹ fen for 2024.
//  - Without an approved settlement of 2023: need = 10¹¹ × 1/5.1 = 19,607,843,137 fen (×4) and
//    10¹¹ × 1.1/5.1 = 21,568,627,450 fen → 19607.84 ×4 and 21568.63 万元 → whole 19607 ×4 + 21568 =
//    99,996; the 4 万元 left go to the four remainders .84 → 19608 ×4 and 21568.
//  - With the approved settlement of 2023 (650201 +20,000,000 yuan, 650102 −20,000,000 yuan, as
//    settlements.test.mjs): provisional 650101 19,607,843,137, 650102 17,607,843,137, 650103
//    21,568,627,450, 650201 21,607,843,137, 650202 19,607,843,137 (Σ 99,999,999,998; rescaled to
//    the pool the same, truncated) → whole 19607, 17607, 21568, 21607, 19607 = 99,996; remainders
//    .8431374 (650201) > .8431373 9 (650101 = 650202, a tie: the lower code first) > .8431373 5
//    (650102) > .627 (650103): the 4 万元 left go to 650201, 650101, 650202, 650102.
//  - What-if tilt 0: all five equal, need 2 × 10¹⁰ each → 20000, 18000, 20000, 22000, 20000 万元.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import os from 'node:os'
import path from 'node:path'
import fs from 'node:fs'
import { startServer, cli, repoRoot } from '../lib/server.mjs'
import { xlsxRows } from '../lib/xlsx.mjs'

const fixture = (name) => path.join(repoRoot, 'tests', 'fixtures', 'rules', name)
const WAN = 1_000_000
const FACTORS =
  '区划代码,年度,农村人口,脱贫人口,监测对象,面积（平方公里）,重点帮扶县,绩效评价得分\n' +
  '650101,2023,100,0,0,0,0,\n650102,2023,100,0,0,0,0,\n650103,2023,100,0,0,0,是,\n' +
  '650201,2023,100,0,0,0,0,\n650202,2023,100,0,0,0,否,\n'

let server, admin, finance, county
before(async () => {
  server = await startServer({
    regions: false,
    setup: (db) => {
      for (const kind of ['regions', 'projects', 'ledger']) {
        const r = cli(['import', '--db', db, '--kind', kind, fixture(`${kind}.csv`)])
        if (r.status !== 0) throw new Error(`${kind}: ${r.stderr}`)
      }
    },
    users: [
      { username: 'admin', role: 'admin', region: '650000' },
      { username: 'finance', role: 'finance_officer', region: '650000' },
      { username: 'county', role: 'county_officer', region: '650101' },
    ],
  })
  admin = await server.login('admin')
  finance = await server.login('finance')
  county = await server.login('county')
  for (const key of ['incentive_top_n', 'incentive_bottom_n']) {
    const r = await admin.post('/api/v1/library/policies', { key, value: 1, effective_from: '2023-01-01', region_code: '650000' })
    assert.equal(r.status, 201, await r.clone().text())
  }
})
after(async () => {
  await server?.stop()
})

const json = async (res) => ({ status: res.status, body: await res.json() })
const upload = (client, route, body) =>
  client.fetch(route, { method: 'POST', body, headers: { 'Content-Type': 'text/csv' } })
const amounts = (counties) => counties.map((c) => [c.region_code, c.amount_fen / WAN])
const allocate = (...extra) =>
  cli(['allocate', '--db', server.db, '--region', '650000', '--year', '2024', '--pool', '1000000000', ...extra])

test('the factors import is all-or-nothing with row and column; the template imports', async () => {
  const bad = await json(await upload(finance, '/api/v1/imports/factors',
    FACTORS + '650101,2023,1,1,1,1,0,\n650100,2024,x,1,1,1.234,2,\n'))
  assert.equal(bad.status, 400)
  assert.deepEqual(bad.body.error.details.map((e) => [e.row, e.column, e.code]), [
    [7, 'region_code', 'duplicate_row'], [8, 'rural_population', 'invalid_count'], [8, 'area', 'invalid_area'],
    [8, 'key_county', 'invalid_flag']])
  const notCounty = await json(await upload(finance, '/api/v1/imports/factors', '区划代码,年度,农村人口,脱贫人口,监测对象,面积\n650100,2023,1,1,1,1\n659999,2023,1,1,1,1\n'))
  assert.equal(notCounty.status, 400)
  assert.deepEqual(notCounty.body.error.details.map((e) => [e.row, e.column, e.code]), [
    [2, 'region_code', 'not_county'], [3, 'region_code', 'unknown_region']])
  // Nothing was written.
  const none = allocate()
  assert.equal(none.status, 2, none.stderr)
  assert.match(none.stderr, /分配因素缺少以下县：650101/)
  // A county officer may not import (no settlement right); the CLI refuses a bad file with the row.
  assert.equal((await upload(county, '/api/v1/imports/factors', FACTORS)).status, 403)
  const file = path.join(os.tmpdir(), `xj-factors-${process.pid}.csv`)
  fs.writeFileSync(file, FACTORS.replace('650103,2023,100', '650103,2023,-1'))
  const cliBad = cli(['import', '--db', server.db, '--kind', 'factors', file])
  assert.notEqual(cliBad.status, 0)
  assert.match(cliBad.stderr, /rural_population|农村人口/)
  fs.writeFileSync(file, FACTORS)
  const ok = cli(['import', '--db', server.db, '--kind', 'factors', file])
  assert.equal(ok.status, 0, ok.stderr)
  assert.match(ok.stdout, /新增 5/)
  fs.rmSync(file, { force: true })
  const again = await json(await upload(finance, '/api/v1/imports/factors', FACTORS))
  assert.equal(again.status, 200, JSON.stringify(again.body))
  assert.deepEqual([again.body.inserted, again.body.unchanged], [0, 5])
  const job = await finance.fetch('/api/v1/imports/factors/jobs', { method: 'POST', body: FACTORS, headers: { 'Content-Type': 'text/csv' } })
  assert.equal(job.status, 202, await job.text())
})

test('xianjie allocate prints exactly {year, pool_fen, total_fen, counties} summing to the pool', () => {
  const r = allocate()
  assert.equal(r.status, 0, r.stderr)
  const out = JSON.parse(r.stdout)
  assert.deepEqual(Object.keys(out), ['year', 'pool_fen', 'total_fen', 'counties'])
  assert.deepEqual([out.year, out.pool_fen, out.total_fen], [2024, 100_000 * WAN, 100_000 * WAN])
  assert.ok(out.counties.every((c) => Object.keys(c).join() === 'region_code,amount_fen,factors'))
  assert.deepEqual(amounts(out.counties),
    [['650101', 19608], ['650102', 19608], ['650103', 21568], ['650201', 19608], ['650202', 19608]])
  assert.deepEqual(out.counties[2].factors, {
    rural_population: 100, lifted_population: 0, monitored_population: 0, area_km2: 0, key_county: true,
    performance_score: null, incentive_fen: 0, deducted_fen: 0 })
  // A pool that is not a whole number of 万元 is refused by name (exit 2).
  const odd = cli(['allocate', '--db', server.db, '--region', '650000', '--year', '2024', '--pool', '1000005000'])
  assert.equal(odd.status, 2)
  assert.match(odd.stderr, /整万元/)
})

test('the approved settlement of the year before moves the money; a preview takes what-if weights', async () => {
  const run = await json(await finance.post('/api/v1/settlements', { region_code: '650000', year: 2023, as_of: '2023-07-05' }))
  assert.equal(run.status, 201, JSON.stringify(run.body))
  const body = { region_code: '650000', year: 2024, pool_fen: 100_000 * WAN }
  const draft = await json(await finance.post('/api/v1/allocations/preview', body))
  assert.equal(draft.status, 200, JSON.stringify(draft.body))
  assert.equal(draft.body.counties[0].settlement_run_id, null) // a draft run counts for nothing
  assert.equal((await admin.post(`/api/v1/settlements/${run.body.run_id}/approve`, {})).status, 200)

  const settled = await json(await finance.post('/api/v1/allocations/preview', body))
  assert.equal(settled.status, 200)
  assert.deepEqual(amounts(settled.body.counties),
    [['650101', 19608], ['650102', 17608], ['650103', 21568], ['650201', 21608], ['650202', 19608]])
  assert.equal(settled.body.total_fen, 100_000 * WAN)
  assert.equal(settled.body.policy_date, '2024-01-01')
  assert.equal(settled.body.policy.allocation_key_county_tilt_bp, 1000)
  const c103 = settled.body.counties[2]
  assert.equal(c103.need_fen, 21_568_627_450)
  assert.equal(c103.contributions.key_county_tilt_fen, Math.floor(21_568_627_450 * 0.1 / 1.1))
  assert.equal(settled.body.counties[3].factors.incentive_fen, 2_000_000_000)
  assert.equal(settled.body.counties[3].settlement_run_id, run.body.run_id)
  const cli2 = JSON.parse(allocate().stdout)
  assert.deepEqual(amounts(cli2.counties), amounts(settled.body.counties))

  const whatIf = await json(await finance.post('/api/v1/allocations/preview', { ...body, what_if: { allocation_key_county_tilt_bp: 0 } }))
  assert.equal(whatIf.status, 200)
  assert.equal(whatIf.body.what_if, true)
  assert.deepEqual(amounts(whatIf.body.counties),
    [['650101', 20000], ['650102', 18000], ['650103', 20000], ['650201', 22000], ['650202', 20000]])
  // Nothing was saved: the same preview without what-if answers as before.
  assert.deepEqual(amounts((await json(await finance.post('/api/v1/allocations/preview', body))).body.counties),
    amounts(settled.body.counties))
})

test('bad previews are refused by name; scope is checked', async () => {
  const post = async (b) => json(await finance.post('/api/v1/allocations/preview', b))
  const base = { region_code: '650000', year: 2024, pool_fen: 100_000 * WAN }
  const odd = await post({ ...base, pool_fen: 100_000 * WAN + 1 })
  assert.deepEqual([odd.status, odd.body.error.code], [400, 'pool_not_whole_wan'])
  const unknown = await post({ ...base, what_if: { incentive_top_n: 3 } })
  assert.equal(unknown.status, 400)
  assert.match(unknown.body.error.message, /incentive_top_n/)
  const weight = await post({ ...base, what_if: { allocation_floor_bp: 10_001 } })
  assert.deepEqual([weight.status, weight.body.error.code], [400, 'invalid_weight'])
  const floors = await post({ ...base, what_if: { allocation_floor_bp: 2500 } })
  assert.deepEqual([floors.status, floors.body.error.code], [400, 'floor_cap_infeasible'])
  const missing = await post({ ...base, year: 2025 })
  assert.deepEqual([missing.status, missing.body.error.code], [400, 'factors_missing'])
  assert.equal((await post({ region_code: '650000', year: 2024 })).status, 400)
  assert.equal((await county.post('/api/v1/allocations/preview', base)).status, 403)
})

test('the XLSX export adds up to the pool', async () => {
  const res = await finance.get('/api/v1/exports/allocation.xlsx?region=650000&year=2024&pool_fen=100000000000')
  assert.equal(res.status, 200)
  const rows = xlsxRows(await res.arrayBuffer())
  const counties = rows.filter((r) => /^65\d{4}$/.test(r[0] ?? ''))
  assert.deepEqual(counties.map((r) => [r[0], Number(r[16])]), [
    ['650101', 196_080_000], ['650102', 176_080_000], ['650103', 215_680_000], ['650201', 216_080_000],
    ['650202', 196_080_000]])
  const total = rows.find((r) => r.includes('合计'))
  assert.equal(Number(total.at(-1)), 1_000_000_000)
  assert.equal((await finance.get('/api/v1/exports/allocation.xlsx?region=650000&year=2024&pool_fen=1')).status, 400)
  // An out-of-range weight is the allocation's own refusal, named as the preview names it.
  const weight = await finance.get('/api/v1/exports/allocation.xlsx?region=650000&year=2024&pool_fen=100000000000' +
    '&allocation_floor_bp=10001')
  assert.deepEqual([weight.status, (await weight.json()).error.code], [400, 'invalid_weight'])
  assert.equal((await county.get('/api/v1/exports/allocation.xlsx?region=650000&year=2024&pool_fen=100000000000')).status, 403)
  const out = path.join(os.tmpdir(), `xj-allocation-${process.pid}.xlsx`)
  const written = allocate('--xlsx', out)
  assert.equal(written.status, 0, written.stderr)
  assert.equal(xlsxRows(fs.readFileSync(out)).filter((r) => /^65\d{4}$/.test(r[0] ?? '')).length, 5)
  fs.rmSync(out, { force: true })
})
