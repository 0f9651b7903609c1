// 资金分配时效 (issue #19 point 5, docs/definitions.md §12) over HTTP and the CLI, on SQLite and
// PostgreSQL, on the rules fixture (tests/fixtures/rules). Tests run in order. Limits: default 30 days.
//
// Fund year 2023, central, amounts in fen:
//   甲市 650100 received P1 1,000,000 on 03-01 from the province.
//   It passed on C1 600,000 to 甲一县 650101 on 03-31 and C2 400,000 to 甲二县 650102 on 04-01:
//     the cumulative onward amount covers P1 on 04-01 → 31 days > 30: late_allocation P1.
//     As of 03-31 P1 is not done: 30 days running, within the limit.
//   Projects: R1 (650101) 600,000 on 04-30 → C1 distributed in 30 days (at the limit, no flag).
//     B1 (650102) 400,000 on 05-10, reversed 05-15, 400,000 again on 06-01 → C2 done on 06-01:
//     61 days (as of 05-12 it was done on 05-10: 39 days). Both breach: late_distribution C2.
//   甲市's subtree reaches 1,000,000 to projects for good on 06-01: P1 distributed in 92 days
//     (30 + 30 + 31 + 1): late_distribution P1.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import os from 'node:os'
import path from 'node:path'
import fs from 'node:fs'
import { startServer, cli, repoRoot } from '../lib/server.mjs'

const fixture = (name) => path.join(repoRoot, 'tests', 'fixtures', 'rules', name)
const LEDGER =
  'entry_id,date,kind,fund_source,fund_year,region_code,project_code,amount,payee,payee_type,reverses,note\n' +
  'T1,2023-04-30,allocate,central,2023,650101,R1,6000,,,,\n' +
  'T2,2023-05-10,allocate,central,2023,650102,B1,4000,,,,\n' +
  'T3,2023-05-15,reverse,central,2023,650102,B1,4000,,,T2,冲销\n' +
  'T4,2023-06-01,allocate,central,2023,650102,B1,4000,,,,\n'

let server, admin, finance, county, region
before(async () => {
  server = await startServer({
    regions: false,
    setup: (db) => {
      for (const kind of ['regions', 'projects', 'ledger']) {
        const r = cli(['import', '--db', db, '--kind', kind, fixture(`${kind}.csv`)])
        if (r.status !== 0) throw new Error(`${kind}: ${r.stderr}`)
      }
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'xj-timeliness-')), 'ledger.csv')
      fs.writeFileSync(file, LEDGER)
      const r = cli(['import', '--db', db, '--kind', 'ledger', file])
      if (r.status !== 0) throw new Error(`ledger: ${r.stderr}`)
    },
    users: [
      { username: 'admin', role: 'admin', region: '650000' },
      { username: 'finance', role: 'finance_officer', region: '650000' },
      { username: 'county', role: 'county_officer', region: '650101' },
      { username: 'region', role: 'region_officer', region: '650000' },
    ],
  })
  admin = await server.login('admin')
  finance = await server.login('finance')
  county = await server.login('county')
  region = await server.login('region')
})
after(async () => {
  await server?.stop()
})

const json = async (res) => ({ status: res.status, body: await res.json() })
const receipt = (receipt_id, region_code, date, amount_fen) => ({ receipt_id, region_code, fund_year: 2023, date, amount_fen })
const report = async (query, client = finance) => json(await client.get('/api/v1/timeliness?' + query))
const unit = (r, code) => r.body.units.find((u) => u.region_code === code)

test('receipts are recorded once, by receipt id; bad rows and other units are refused', async () => {
  const bad = await json(await finance.post('/api/v1/timeliness/receipts', { receipts: [receipt('X', '650100', '2023-03-01', 0)] }))
  assert.equal(bad.status, 400)
  assert.equal(bad.body.error.code, 'invalid_argument')
  const unknown = await json(await finance.post('/api/v1/timeliness/receipts', { receipts: [receipt('X', '999999', '2023-03-01', 1)] }))
  assert.equal(unknown.status, 400)
  const badDate = await json(await finance.post('/api/v1/timeliness/receipts', { receipts: [receipt('X', '650100', '2023-02-30', 1)] }))
  assert.equal(badDate.status, 400)
  const other = await json(await county.post('/api/v1/timeliness/receipts', { receipts: [receipt('X', '650100', '2023-03-01', 1)] }))
  assert.equal(other.status, 403)

  const receipts = [
    receipt('P1', '650100', '2023-03-01', 1_000_000),
    receipt('C1', '650101', '2023-03-31', 600_000),
    receipt('C2', '650102', '2023-04-01', 400_000),
  ]
  const first = await json(await finance.post('/api/v1/timeliness/receipts', { receipts }))
  assert.equal(first.status, 201, JSON.stringify(first.body))
  assert.deepEqual(first.body, { created: 3, existing: 0 })
  const again = await json(await finance.post('/api/v1/timeliness/receipts', { receipts }))
  assert.equal(again.status, 200)
  assert.deepEqual(again.body, { created: 0, existing: 3 })
})

test('one 文号 allocating to several units is one receipt per unit; a changed one is a conflict and writes nothing', async () => {
  const doc = (region, amount, date = '2024-03-01') => ({ ...receipt('DOC-2024-9', region, date, amount), fund_year: 2024 })
  const both = await json(await finance.post('/api/v1/timeliness/receipts', { receipts: [doc('650101', 700), doc('650102', 300)] }))
  assert.equal(both.status, 201, JSON.stringify(both.body))
  assert.deepEqual(both.body, { created: 2, existing: 0 })
  const again = await json(await finance.post('/api/v1/timeliness/receipts', { receipts: [doc('650102', 300)] }))
  assert.deepEqual([again.status, again.body], [200, { created: 0, existing: 1 }])
  // The same unit and 文号 with another amount (or date) beside a new receipt: 409, neither written.
  const fresh = { ...receipt('DOC-2024-10', '650101', '2024-04-01', 50), fund_year: 2024 }
  for (const changed of [doc('650101', 701), doc('650101', 700, '2024-03-02')]) {
    const conflict = await json(await finance.post('/api/v1/timeliness/receipts', { receipts: [fresh, changed] }))
    assert.equal(conflict.status, 409, JSON.stringify(conflict.body))
    assert.equal(conflict.body.error.code, 'conflict')
    assert.match(conflict.body.error.message, /DOC-2024-9 已为 650101 登记/)
  }
  const stillNew = await json(await finance.post('/api/v1/timeliness/receipts', { receipts: [fresh] }))
  assert.deepEqual([stillNew.status, stillNew.body], [201, { created: 1, existing: 0 }])
  // Twice in one batch for one unit is a row error; once each for two units is not.
  const twice = await json(await finance.post('/api/v1/timeliness/receipts', { receipts: [doc('650100', 1), doc('650100', 1)] }))
  assert.equal(twice.status, 400)
  assert.equal(twice.body.error.details[0].row, 2)
  const report2024 = await report('region=650000&year=2024&as_of=2024-12-31')
  assert.equal(report2024.status, 200)
  assert.deepEqual(
    report2024.body.units.map((u) => [u.region_code, u.receipts.map((r) => [r.receipt_id, r.amount_fen])]),
    [['650101', [['DOC-2024-9', 700], ['DOC-2024-10', 50]]], ['650102', [['DOC-2024-9', 300]]]],
  )
})

test('the report measures days per unit, at the limit and one day over, with a reversal', async () => {
  const r = await report('region=650000&year=2023&as_of=2023-06-30')
  assert.equal(r.status, 200, JSON.stringify(r.body))
  assert.deepEqual(r.body.units.map((u) => u.region_code), ['650100', '650101', '650102'])
  const p1 = unit(r, '650100').receipts[0]
  assert.deepEqual([p1.allocation.done_on, p1.allocation.days, p1.allocation.limit_days, p1.allocation.breach], ['2023-04-01', 31, 30, true])
  assert.deepEqual([p1.distribution.done_on, p1.distribution.days, p1.distribution.breach], ['2023-06-01', 92, true])
  const c1 = unit(r, '650101')
  assert.equal(c1.receipts[0].allocation, null) // a county's onward allocation is not measured
  assert.deepEqual([c1.receipts[0].distribution.done_on, c1.receipts[0].distribution.days, c1.receipts[0].distribution.breach], ['2023-04-30', 30, false])
  assert.deepEqual([c1.late_allocation, c1.late_distribution], [0, 0])
  const c2 = unit(r, '650102').receipts[0].distribution
  assert.deepEqual([c2.done_on, c2.days, c2.breach], ['2023-06-01', 61, true])
  assert.deepEqual([unit(r, '650100').late_allocation, unit(r, '650100').late_distribution], [1, 1])

  // Before the reversal the allocation of 05-10 counted: done on 05-10, 39 days.
  const early = await report('region=650102&year=2023&as_of=2023-05-12')
  assert.deepEqual([unit(early, '650102').receipts[0].distribution.done_on, unit(early, '650102').receipts[0].distribution.days], ['2023-05-10', 39])
  // As of 03-31 甲市 has passed on 600,000 of 1,000,000: not done, 30 days running, within the limit.
  const atLimit = await report('region=650100&year=2023&as_of=2023-03-31')
  const running = unit(atLimit, '650100').receipts[0].allocation
  assert.deepEqual([running.done_on, running.days, running.breach], [null, 30, false])
  // Only units with a receipt dated on or before the as-of date are reported: on 03-31 甲二县's of 04-01
  // is still ahead (it was listed with no receipts before).
  const beforeC2 = await report('region=650000&year=2023&as_of=2023-03-31')
  assert.deepEqual(beforeC2.body.units.map((u) => u.region_code), ['650100', '650101'])
  assert.ok(beforeC2.body.units.every((u) => u.receipts.length > 0))
})

test('breaches are flags with their evidence, and reminders', async () => {
  const f = await json(await finance.get('/api/v1/flags?region=650000&as_of=2023-06-30'))
  assert.equal(f.status, 200, JSON.stringify(f.body))
  assert.deepEqual(f.body.late_allocation.map((x) => x.subject), ['P1'])
  assert.deepEqual(f.body.late_distribution.map((x) => [x.subject, x.region_code]).sort(), [['C2', '650102'], ['P1', '650100']])
  const late = f.body.late_allocation[0]
  assert.deepEqual([late.date, late.amount_fen, late.fund_year, late.subject_type], ['2023-04-01', 1_000_000, 2023, 'entry'])
  assert.deepEqual(late.timeliness, {
    receipt_id: 'P1', received_on: '2023-03-01', amount_fen: 1_000_000, cumulative_fen: 1_000_000,
    done_on: '2023-04-01', days: 31, limit_days: 30, breach: true,
  })
  assert.equal(f.body.late_allocation_total_fen, 1_000_000)
  assert.equal(f.body.late_distribution_total_fen, 1_400_000)
  // Only central funds; the kind filter and the one flag.
  const provincial = await json(await finance.get('/api/v1/flags?region=650000&as_of=2023-06-30&fund_source=provincial'))
  assert.equal(provincial.body.late_allocation.length, 0)
  const one = await json(await finance.get('/api/v1/flags/late_allocation/P1?as_of=2023-06-30'))
  assert.equal(one.status, 200, JSON.stringify(one.body))
  assert.equal(one.body.timeliness.days, 31)
  // As of 03-31 nothing is late yet.
  const none = await json(await finance.get('/api/v1/flags?region=650000&as_of=2023-03-31&kind=late_allocation'))
  assert.equal(none.body.late_allocation.length, 0)

  const gen = await json(await region.post('/api/v1/reminders/generate', { region: '650000', week: '2023-W26' }))
  assert.equal(gen.status, 201, JSON.stringify(gen.body))
  const lateReminders = gen.body.items.filter((x) => x.kind === 'late_allocation' || x.kind === 'late_distribution')
  assert.deepEqual(
    lateReminders.map((x) => [x.kind, x.target_region_code, x.subject, x.triggered_by.metric, x.triggered_by.value, x.triggered_by.threshold]).sort(),
    [
      ['late_allocation', '650100', 'P1', 'days_to_allocation', 31, 30],
      ['late_distribution', '650100', 'P1', 'days_to_distribution', 92, 30],
      ['late_distribution', '650102', 'C2', 'days_to_distribution', 61, 30],
    ].sort())
})

test('a regional limit applies below its owner', async () => {
  const r = await admin.post('/api/v1/library/policies', { key: 'allocation_timeliness_limit_days', value: 31, effective_from: '2023-01-01', region_code: '650100' })
  assert.equal(r.status, 201, await r.clone().text())
  const after = await report('region=650100&year=2023&as_of=2023-06-30')
  const p1 = unit(after, '650100').receipts[0].allocation
  assert.deepEqual([p1.days, p1.limit_days, p1.breach], [31, 31, false])
})

test('the CLI prints the same report', async () => {
  const r = cli(['timeliness', '--db', server.db, '--region', '650100', '--year', '2023', '--as-of', '2023-06-30'])
  assert.equal(r.status, 0, r.stderr)
  const body = JSON.parse(r.stdout)
  assert.equal(body.units[0].region_code, '650100')
  assert.equal(body.units[0].receipts[0].distribution.days, 92)
  const bad = cli(['timeliness', '--db', server.db, '--region', '999999', '--year', '2023', '--as-of', '2023-06-30'])
  assert.notEqual(bad.status, 0)
})

test('errors are JSON with a stable code', async () => {
  const unknown = await report('region=999999&year=2023&as_of=2023-06-30')
  assert.deepEqual([unknown.status, unknown.body.error.code], [404, 'not_found'])
  const badDate = await report('region=650000&year=2023&as_of=2023-13-01')
  assert.deepEqual([badDate.status, badDate.body.error.code], [400, 'invalid_argument'])
  const badYear = await report('region=650000&year=20x3&as_of=2023-06-30')
  assert.deepEqual([badYear.status, badYear.body.error.code], [400, 'invalid_argument'])
  const outside = await report('region=650100&year=2023&as_of=2023-06-30', county)
  assert.deepEqual([outside.status, outside.body.error.code], [403, 'permission_denied'])
  const own = await report('year=2023&as_of=2023-06-30', county)
  assert.equal(own.status, 200)
  assert.deepEqual(own.body.units.map((u) => u.region_code), ['650101'])
})
