// The asset register and work relief (issue #20) over HTTP and the CLI, on SQLite and PostgreSQL,
// on a hand-made dataset (tests/fixtures/assets). Figures worked out beside each assertion.
//
// Projects: W1 (城关区 540102, central 1,000 元), W2 (540102, 2,000 元), W3 (桑珠孜区 540202, 1,000 元),
// all 以工代赈; H1 (540102, industry 0101, total 50,000 元) accepted, ready for the hand-over.
// Roster (workers.csv): 扎西 on W1, W2 and W3; 卓玛 (监测户, 搬迁户) and 次仁 (一般农户) on W1.
// Wages (wages.csv): 扎西 W1 03-10 100 元, W2 05-20 200 元, W3 08-01 300 元; 卓玛 W1 03-10 150 元;
//   次仁 W1 06-30 100.01 元.
//   First half of 2023 (01-01 … 06-30), 西藏: persons 扎西, 卓玛, 次仁 = 3 (扎西 once, on two projects);
//     wages 100 + 200 + 150 + 100.01 = 550.01 元 = 55,001 fen; per person 55,001 ÷ 3 = 18,333.67 → 18,334 fen.
//   Whole year: still 3 persons; 850.01 元 = 85,001 fen → 28,333.67 → 28,334 fen; 拉萨市 3 persons 55,001;
//     日喀则市 1 person (扎西) 30,000.
//   Labour share: W1 350.01 ÷ 1,000 = 35.00% meets 30%; W2 200 ÷ 2,000 = 10% does not; W3 300 ÷ 1,000 = 30%
//     exactly → meets.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import fs from 'node:fs'
import { startServer, cli, repoRoot } from '../lib/server.mjs'

const fixture = (name) => path.join(repoRoot, 'tests', 'fixtures', 'assets', name)
const ZHAXI = '540102199001011234'

let server, admin, county, county2, leader, finance, auditor
before(async () => {
  server = await startServer({
    setup: (db) => {
      const r = cli(['import', '--db', db, '--kind', 'projects', fixture('projects.csv')])
      if (r.status !== 0) throw new Error(r.stderr)
    },
    users: [
      { username: 'admin', role: 'admin', region: '540000' },
      { username: 'county', role: 'county_officer', region: '540102' },
      { username: 'county2', role: 'county_officer', region: '540202' },
      { username: 'leader', role: 'leader', region: '540000' },
      { username: 'finance', role: 'finance_officer', region: '540000' },
      { username: 'auditor', role: 'auditor', region: '540000' },
    ],
  })
  admin = await server.login('admin')
  county = await server.login('county')
  county2 = await server.login('county2')
  leader = await server.login('leader')
  finance = await server.login('finance')
  auditor = await server.login('auditor')
})
after(async () => {
  await server?.stop()
})

const json = async (res) => ({ status: res.status, body: await res.json() })
const get = async (p, client = leader) => json(await client.get(p))
const upload = (client, route, body) =>
  client.fetch(route, { method: 'POST', body, headers: { 'Content-Type': 'text/csv' } })

test('handing a project over creates its asset; 确权 is recorded and rolled up the region tree', async () => {
  const h1 = await get('/api/v1/projects/H1', county)
  const done = await json(await county.post('/api/v1/projects/H1/transition', { action: 'hand_over', date: '2023-09-01', version: h1.body.version }))
  assert.equal(done.status, 200, JSON.stringify(done.body))
  const assets = await get('/api/v1/assets?project=H1')
  assert.equal(assets.status, 200)
  assert.equal(assets.body.total, 1)
  const a = assets.body.items[0]
  assert.deepEqual([a.asset_code, a.asset_type, a.owner_level, a.original_value_fen, a.registered],
    ['H1-A1', 'operating', 'county', 5_000_000, false])
  // Earlier assets: a Chinese-header file with the value in 万元 (6 万元 光伏电站 in 桑珠孜区, registered).
  const file = '资产编码,资产名称,区划代码,资产类型,权属层级,所有权人,原值（万元）,管护责任人,是否确权,确权日期\n' +
    'ZC-3,光伏电站,540202,经营性,村,城南村,6,次仁,是,2023-05-01\n'
  const imported = await json(await upload(county2, '/api/v1/imports/assets', file))
  assert.equal(imported.status, 200, JSON.stringify(imported.body))
  assert.deepEqual([imported.body.kind, imported.body.inserted], ['assets', 1])
  // Out of 城关区's scope: refused; a bad type names its row and column.
  assert.equal((await upload(county, '/api/v1/imports/assets', file)).status, 403)
  const bad = await json(await upload(county2, '/api/v1/imports/assets', file.replace('经营性', '经营')))
  assert.equal(bad.status, 400)
  assert.deepEqual(bad.body.error.details.map((d) => `${d.row}:${d.column}:${d.code}`), ['2:asset_type:invalid_asset_type'])
  // 确权 of H1-A1; a second time is a conflict.
  const reg = await json(await county.post('/api/v1/assets/H1-A1/register', { date: '2023-10-01' }))
  assert.equal(reg.status, 200, JSON.stringify(reg.body))
  assert.deepEqual([reg.body.registered, reg.body.registered_on], [true, '2023-10-01'])
  assert.equal((await county.post('/api/v1/assets/H1-A1/register', {})).status, 409)
  // An asset entered through the API, not registered: 城关区 村道 40,000 元.
  const saved = await json(await county.post('/api/v1/assets', { items: [{ asset_code: 'ZC-4', name: '村道', region_code: '540102', asset_type: 'public_welfare', owner_level: 'village', original_value_fen: 4_000_000 }] }))
  assert.equal(saved.status, 201, JSON.stringify(saved.body))
  // 西藏: 3 assets, 2 registered → 66.67%; value 50,000 + 60,000 + 40,000 = 150,000 元, registered 110,000 → 73.33%.
  const progress = await get('/api/v1/assets/registration?region=540000')
  assert.equal(progress.status, 200)
  assert.deepEqual([progress.body.assets, progress.body.registered_assets, progress.body.value_fen, progress.body.registered_value_fen, progress.body.count_rate, progress.body.value_rate],
    [3, 2, 15_000_000, 11_000_000, 66.67, 73.33])
  const lhasa = progress.body.children.find((c) => c.region_code === '540100')
  assert.deepEqual([lhasa.assets, lhasa.value_rate], [2, 55.56]) // 50,000 ÷ 90,000
  // The CLI imports the template (its project XM-2022-001 does not exist: refused, nothing stored).
  const tpl = cli(['import', '--db', server.db, '--kind', 'assets', path.join(repoRoot, 'docs', 'templates', 'assets.csv')])
  assert.notEqual(tpl.status, 0)
  assert.match(tpl.stderr, /unknown_project/)
})

test('workers and wages import (CLI and HTTP); persons are distinct people across projects and periods', async () => {
  const workers = cli(['import', '--db', server.db, '--kind', 'workers', fixture('workers.csv')])
  assert.equal(workers.status, 0, workers.stderr)
  assert.match(workers.stdout, /新增 5/)
  const wages = await json(await upload(county, '/api/v1/imports/wages', fs.readFileSync(fixture('wages.csv'), 'utf8')))
  assert.equal(wages.status, 403, 'W3 lies in 桑珠孜区, outside 城关区')
  const all = cli(['import', '--db', server.db, '--kind', 'wages', fixture('wages.csv')])
  assert.equal(all.status, 0, all.stderr)
  const again = cli(['import', '--db', server.db, '--kind', 'wages', fixture('wages.csv')])
  assert.match(again.stdout, /未变 5/)
  // Over HTTP, within 桑珠孜区: the same rows again change nothing.
  const w3 = await json(await upload(county2, '/api/v1/imports/workers', '项目编码,姓名,身份证号,户类型,是否搬迁户,所在村\nW3,扎西,540102199001011234,脱贫户,否,八廓村\n'))
  assert.equal(w3.status, 200, JSON.stringify(w3.body))
  assert.deepEqual([w3.body.kind, w3.body.unchanged], ['workers', 1])
  const p3 = await json(await upload(county2, '/api/v1/imports/wages', '项目编码,身份证号,发放日期,发放金额,务工天数,发放方式\nW3,540102199001011234,2023-08-01,300,15,现金\n'))
  assert.equal(p3.status, 200, JSON.stringify(p3.body))
  assert.deepEqual([p3.body.kind, p3.body.unchanged], ['wages', 1])
  // A malformed ID number: its row and column, never its text.
  const badId = await json(await upload(county2, '/api/v1/imports/workers', '项目编码,姓名,身份证号,户类型\nW3,扎西,54010219900101,脱贫户\n'))
  assert.equal(badId.status, 400)
  assert.deepEqual(badId.body.error.details.map((d) => [d.row, d.column, d.code, d.value]), [[2, 'id_number', 'invalid_id_number', '']])
  // A wage to somebody not on the roster: refused, the number not repeated.
  const unknown = await json(await upload(county, '/api/v1/imports/wages', '项目编码,身份证号,发放日期,发放金额\nW2,540102198505051111,2023-04-01,10\n'))
  assert.equal(unknown.status, 400)
  assert.deepEqual(unknown.body.error.details.map((d) => [d.row, d.column, d.code, d.value]), [[2, 'id_number', 'unknown_worker', '']])
  // Every error of a file at once, in row order: row 2 names a person not on W2's roster, row 3 a project that
  // does not exist.
  const both = await json(await upload(county, '/api/v1/imports/wages', '项目编码,身份证号,发放日期,发放金额\nW2,540102198505051111,2023-04-01,10\nWX,540102199001011234,2023-04-01,10\n'))
  assert.equal(both.status, 400)
  assert.deepEqual(both.body.error.details.map((d) => [d.row, d.column, d.code, d.value]),
    [[2, 'id_number', 'unknown_worker', ''], [3, 'project_code', 'unknown_project', 'WX']])
  const h1 = await get('/api/v1/work-relief/summary?region=540000&from=2023-01-01&to=2023-06-30')
  assert.equal(h1.status, 200, JSON.stringify(h1.body))
  assert.deepEqual([h1.body.persons, h1.body.wages_fen, h1.body.wages_per_person_fen], [3, 55_001, 18_334])
  assert.deepEqual(h1.body.by_household_status.map((b) => [b.household_status, b.persons, b.wages_fen]),
    [['lifted', 1, 30_000], ['monitored', 1, 15_000], ['ordinary', 1, 10_001]])
  assert.deepEqual([h1.body.relocated_persons, h1.body.relocated_wages_fen], [1, 15_000])
  const year = await get('/api/v1/work-relief/summary?region=540000&from=2023-01-01&to=2023-12-31')
  assert.deepEqual([year.body.persons, year.body.wages_fen, year.body.wages_per_person_fen], [3, 85_001, 28_334])
  const byCity = Object.fromEntries(year.body.children.map((c) => [c.region_code, [c.persons, c.wages_fen]]))
  assert.deepEqual([byCity['540100'], byCity['540200']], [[3, 55_001], [1, 30_000]])
  // A county officer sees its own county only.
  assert.equal((await get('/api/v1/work-relief/summary?region=540202', county)).status, 403)
  assert.equal((await get('/api/v1/work-relief/summary?region=540000&from=2023-07-01&to=2023-01-01')).status, 400)
})

test('entered through the API: a worker and a wage; the labour share against the 30% floor', async () => {
  const w = await json(await county.post('/api/v1/work-relief/workers', { items: [{ project_code: 'W2', name: '次仁', id_number: '540102198505051111', household_status: 'ordinary' }] }))
  assert.equal(w.status, 201, JSON.stringify(w.body))
  const wage = await json(await county.post('/api/v1/work-relief/wages', { items: [{ project_code: 'W2', id_number: '540102198505051111', paid_on: '2023-07-15', amount_fen: 100, days: 1 }] }))
  assert.equal(wage.status, 201, JSON.stringify(wage.body))
  // 次仁 paid on W1 and W2: still one person; the year: 85,001 + 100 = 85,101 ÷ 3 = 28,367 fen.
  const year = await get('/api/v1/work-relief/summary?region=540000&from=2023-01-01&to=2023-12-31')
  assert.deepEqual([year.body.persons, year.body.wages_fen, year.body.wages_per_person_fen], [3, 85_101, 28_367])
  const shares = await get('/api/v1/work-relief/projects?region=540000')
  assert.equal(shares.status, 200)
  const byCode = Object.fromEntries(shares.body.items.map((s) => [s.project_code, [s.wages_fen, s.labour_share, s.minimum_share, s.meets_minimum]]))
  // W1 35,001 ÷ 100,000 = 35.00%; W2 20,100 ÷ 200,000 = 10.05%; W3 30,000 ÷ 100,000 = 30% exactly → meets.
  assert.deepEqual(byCode, { W1: [35_001, 35, 30, true], W2: [20_100, 10.05, 30, false], W3: [30_000, 30, 30, true] })
  const list = await get('/api/v1/work-relief/projects/W2/wages')
  assert.equal(list.status, 200)
  assert.deepEqual(list.body.items.map((x) => [x.name, x.id_number, x.amount_fen]),
    [['扎西', '5401**********1234', 20_000], ['次仁', '5401**********1111', 100]])
})

test('numbers are masked except for the roles that need them; an unmasked view is audited; never in the log', async () => {
  const masked = await get('/api/v1/work-relief/projects/W1/workers')
  assert.equal(masked.status, 200)
  const zhaxi = masked.body.items.find((w) => w.name === '扎西')
  assert.deepEqual([zhaxi.id_number, zhaxi.phone, zhaxi.masked, zhaxi.household_status], ['5401**********1234', '1380***1234', true, 'lifted'])
  assert.equal(masked.body.items.find((w) => w.name === '卓玛').id_number, '5401**********567X')
  // leader, auditor, admin: refused unmasked; the county officer and the finance officer see the numbers.
  for (const c of [leader, auditor, admin]) assert.equal((await c.get('/api/v1/work-relief/projects/W1/workers?unmasked=true')).status, 403)
  const clear = await get('/api/v1/work-relief/projects/W1/workers?unmasked=true', county)
  assert.equal(clear.status, 200)
  assert.equal(clear.body.items.find((w) => w.name === '扎西').id_number, ZHAXI)
  assert.equal((await finance.get('/api/v1/work-relief/projects/W1/workers?unmasked=true')).status, 200)
  const audit = await get('/api/v1/audit?entity=project:W1&page_size=100', auditor)
  assert.equal(audit.status, 200)
  const views = audit.body.items.filter((r) => r.action === 'relief_worker.unmask')
  assert.deepEqual(views.map((r) => r.actor).sort(), ['county', 'finance'])
  const everything = await get('/api/v1/audit?page_size=500', auditor)
  assert.ok(!JSON.stringify(everything.body).includes(ZHAXI), 'an ID number in the audit trail')
  assert.ok(!server.stderr().includes(ZHAXI), 'an ID number in the server log')
})

test('import jobs of the three kinds are accepted', async () => {
  for (const [kind, client, body] of [
    ['assets', county, '资产编码,资产名称,区划代码,资产类型,权属层级,原值\nZC-J1,村道,540102,公益性,村,100\n'],
    ['workers', county, '项目编码,姓名,身份证号,户类型\nW1,拉巴,540102199303031234,一般农户\n'],
    ['wages', county, '项目编码,身份证号,发放日期,发放金额\nW1,540102199001011234,2023-09-01,10\n'],
  ]) {
    const res = await client.fetch(`/api/v1/imports/${kind}/jobs`, { method: 'POST', body, headers: { 'Content-Type': 'text/csv' } })
    assert.equal(res.status, 202, `${kind}: ${await res.clone().text()}`)
    // A user may have two jobs waiting (import_jobs.hpp): on a loaded machine the worker may not
    // have started the first two yet when the third arrives, so each is seen started first.
    const { job_id: id } = await res.json()
    let state = 'queued'
    for (let i = 0; i < 400 && state === 'queued'; i++) {
      if (i) await new Promise((r) => setTimeout(r, 50))
      state = (await (await client.get(`/api/v1/imports/jobs/${id}`)).json()).state
    }
    assert.notEqual(state, 'queued', `${kind}: the job never started`)
  }
})
