// Incentive settlements (issue #19 point 1), over HTTP and the CLI, on SQLite and PostgreSQL, on
// the rules fixture (tests/fixtures/rules). Tests run in order: later ones build on earlier runs.
//
// Fund year 2023, central funds, as of 2023-07-05. Expend progress: 乙一县 650201 80%, 甲一县
// 650101 60%, 乙二县 650202 50%, 甲二县 650102 30%, 甲三县 650103 nothing allocated (unranked).
// 测试省 650000 owns a scheme from 2023-01-01: top 1, bottom 1, the default ±20,000,000 yuan
// (2,000,000,000 fen). So 650201 +2e9, 650101 0, 650202 0, 650102 −2e9, 650103 unranked 0.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import os from 'node:os'
import path from 'node:path'
import fs from 'node:fs'
import { startServer, cli, repoRoot } from '../lib/server.mjs'
import { xlsxRows } from '../lib/xlsx.mjs'

const fixture = (name) => path.join(repoRoot, 'tests', 'fixtures', 'rules', name)

let server, admin, finance, county, pref
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
      { username: 'pref', role: 'prefecture_officer', region: '650100' },
    ],
  })
  admin = await server.login('admin')
  finance = await server.login('finance')
  county = await server.login('county')
  pref = await server.login('pref')
  for (const key of ['incentive_top_n', 'incentive_bottom_n']) {
    const r = await admin.post('/api/v1/library/policies', { key, value: 1, effective_from: '2023-01-01', region_code: '650000' })
    assert.equal(r.status, 201, await r.clone().text())
  }
})
after(async () => {
  await server?.stop()
})

const json = async (res) => ({ status: res.status, body: await res.json() })
const request = { region_code: '650000', year: 2023, as_of: '2023-07-05' }
const ranked = (rows) => rows.map((r) => [r.region_code, r.rank, r.incentive_fen])
const expected = [
  ['650201', 1, 2_000_000_000], ['650101', 2, 0], ['650202', 3, 0], ['650102', 4, -2_000_000_000], ['650103', null, 0]]
let cliRun, apiRun

test('xianjie settle prints exactly the run and its rows', () => {
  const r = cli(['settle', '--db', server.db, '--region', '650000', '--year', '2023', '--as-of', '2023-07-05'])
  assert.equal(r.status, 0, r.stderr)
  cliRun = JSON.parse(r.stdout)
  assert.deepEqual(Object.keys(cliRun), ['run_id', 'region_code', 'year', 'as_of', 'policy_version', 'status', 'rows'])
  assert.deepEqual([cliRun.region_code, cliRun.year, cliRun.as_of, cliRun.policy_version, cliRun.status],
    ['650000', 2023, '2023-07-05', '2023-01-01', 'draft'])
  assert.ok(cliRun.rows.every((row) => Object.keys(row).join() === 'rank,region_code,incentive_fen'))
  assert.deepEqual(ranked(cliRun.rows), expected)
  // A bad date or an unknown region is refused with a message, exit code 2 / 1.
  const bad = cli(['settle', '--db', server.db, '--region', '650000', '--year', '2023', '--as-of', '2023-13-01'])
  assert.equal(bad.status, 2, bad.stderr)
  const unknown = cli(['settle', '--db', server.db, '--region', '659999', '--year', '2023', '--as-of', '2023-07-05'])
  assert.notEqual(unknown.status, 0)
})

test('POST /api/v1/settlements stores the run with its watermark; another user approves it once', async () => {
  const created = await json(await finance.post('/api/v1/settlements', request))
  assert.equal(created.status, 201, JSON.stringify(created.body))
  apiRun = created.body
  assert.deepEqual(ranked(apiRun.rows), expected)
  assert.equal(apiRun.status, 'draft')
  assert.equal(apiRun.run_by, 'finance')
  assert.equal(apiRun.approved_by, null)
  assert.equal(apiRun.watermark_seq, 15) // the fixture's 15 ledger entries
  assert.equal(apiRun.policy_version, '2023-01-01')
  assert.deepEqual(apiRun.scopes, [{ region_code: '650000', region_name: '测试省', size: 4, top_n: 1, bottom_n: 1, amount_fen: 2_000_000_000 }])
  assert.equal(apiRun.rows[0].expend_progress, 80)
  // Nothing changed since the CLI's run (the base: no run is approved yet, so the latest).
  assert.equal(apiRun.changes.base_run_id, cliRun.run_id)
  assert.deepEqual([apiRun.changes.rows, apiRun.changes.entries, apiRun.changes.policy_changed], [[], [], false])

  const same = await json(await finance.post(`/api/v1/settlements/${apiRun.run_id}/approve`))
  assert.equal(same.status, 403)
  assert.equal(same.body.error.code, 'same_user')
  const approved = await json(await admin.post(`/api/v1/settlements/${apiRun.run_id}/approve`))
  assert.equal(approved.status, 200, JSON.stringify(approved.body))
  assert.deepEqual([approved.body.status, approved.body.approved_by], ['approved', 'admin'])
  const again = await json(await finance.post(`/api/v1/settlements/${apiRun.run_id}/approve`))
  assert.equal(again.status, 409)
  assert.equal(again.body.error.code, 'already_approved')

  // Who may: a county officer may not settle; a prefecture officer not the province; bad input is 400.
  assert.equal((await county.post('/api/v1/settlements', { ...request, region_code: '650101' })).status, 403)
  assert.equal((await pref.post('/api/v1/settlements', request)).status, 403)
  const bad = await json(await finance.post('/api/v1/settlements', { ...request, metric: 'speed' }))
  assert.equal(bad.status, 400)
  assert.equal((await finance.post('/api/v1/settlements', { ...request, as_of: '2023-02-30' })).status, 400)
  assert.equal((await admin.get('/api/v1/settlements/999999')).status, 404)
  assert.equal((await admin.post('/api/v1/settlements/999999/approve')).status, 404)
})

test('a re-run names the late entries and reversals since the approved run, which stays as it was', async () => {
  // Entered now, dated before the as-of date: 甲二县 spends 600,000 more (30% → 90%, first);
  // 乙二县's E202 is reversed (50% → 0%, last). An entry after the as-of date counts for nothing.
  const entry = (over) => ({
    date: '2023-06-20', kind: 'expend', fund_source: 'central', fund_year: 2023, region_code: '650102',
    project_code: 'B1', payee: '施工单位', payee_type: 'enterprise', ...over,
  })
  for (const e of [
    entry({ entry_id: 'S-LATE', amount_fen: 60_000_000 }),
    entry({ entry_id: 'S-REV', kind: 'reverse', region_code: '650202', project_code: '', reverses: 'E202', amount_fen: 50_000_000, payee: '', payee_type: '' }),
    entry({ entry_id: 'S-AFTER', date: '2023-08-01', amount_fen: 100 }),
  ]) {
    const r = await finance.post('/api/v1/ledger', e)
    assert.equal(r.status, 201, await r.clone().text())
  }
  const rerun = await json(await finance.post('/api/v1/settlements', request))
  assert.equal(rerun.status, 201)
  // 甲二县 90% +2e9, 乙一县 80% 0, 甲一县 60% 0, 乙二县 0% −2e9.
  assert.deepEqual(ranked(rerun.body.rows), [
    ['650102', 1, 2_000_000_000], ['650201', 2, 0], ['650101', 3, 0], ['650202', 4, -2_000_000_000], ['650103', null, 0]])
  const c = rerun.body.changes
  assert.equal(c.base_run_id, apiRun.run_id) // the approved run
  assert.equal(c.base_watermark_seq, 15)
  assert.equal(rerun.body.watermark_seq, 18)
  assert.deepEqual(c.rows.map((r) => [r.region_code, r.rank_before, r.rank_after, r.incentive_before_fen, r.incentive_after_fen]), [
    ['650102', 4, 1, -2_000_000_000, 2_000_000_000], ['650201', 1, 2, 2_000_000_000, 0], ['650101', 2, 3, 0, 0],
    ['650202', 3, 4, 0, -2_000_000_000]])
  assert.deepEqual(c.entries.map((e) => [e.entry_id, e.reason, e.amount_fen, e.reverses]), [
    ['S-LATE', 'late_entry', 60_000_000, null], ['S-REV', 'reversal', 50_000_000, 'E202']])
  // The approved run reads back unchanged.
  const stored = await json(await admin.get(`/api/v1/settlements/${apiRun.run_id}`))
  assert.equal(stored.status, 200)
  assert.deepEqual(ranked(stored.body.rows), expected)
  assert.equal(stored.body.status, 'approved')
})

test('GET /api/v1/settlements lists the runs of a region and year, newest first, within the scope', async () => {
  const list = await json(await admin.get('/api/v1/settlements?region=650000&year=2023'))
  assert.equal(list.status, 200)
  assert.equal(list.body.total, 3)
  assert.deepEqual(list.body.items.map((r) => r.status), ['draft', 'approved', 'draft'])
  assert.equal(list.body.items[2].run_id, cliRun.run_id)
  assert.equal((await json(await admin.get('/api/v1/settlements?region=650000&year=2022'))).body.total, 0)
  // A county officer sees no run of the province, nor reads one.
  assert.equal((await county.get('/api/v1/settlements?region=650000')).status, 403)
  assert.equal((await json(await county.get('/api/v1/settlements'))).body.total, 0)
  assert.equal((await county.get(`/api/v1/settlements/${apiRun.run_id}`)).status, 403)
  assert.equal((await admin.get('/api/v1/settlements?year=1900')).status, 400)
  // The export: sheet 结算批次 lists the three runs (newest first) with their totals in yuan.
  const xlsx = await admin.get('/api/v1/exports/settlements.xlsx?region=650000&year=2023')
  assert.equal(xlsx.status, 200)
  const sheet = xlsxRows(await xlsx.arrayBuffer())
  const runs = sheet.filter((r) => /^\d+$/.test(r[0] ?? '') && r[1] === '650000')
  assert.deepEqual(runs.map((r) => [Number(r[0]), r[8], Number(r[13]), Number(r[14])]), [
    [runs[0] && Number(runs[0][0]), '待审批', 20_000_000, -20_000_000], [apiRun.run_id, '已审批', 20_000_000, -20_000_000],
    [cliRun.run_id, '待审批', 20_000_000, -20_000_000]])
  // Times in the file are Beijing time (UTC+8) and the header says so; the API keeps UTC.
  const beijing = (utc) => new Date(Date.parse(utc) + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ')
  assert.ok(sheet.some((r) => r[10] === '运行时间（北京时间）' && r[12] === '审批时间（北京时间）'))
  for (const item of list.body.items) {
    const row = runs.find((r) => Number(r[0]) === item.run_id)
    assert.equal(row[10], beijing(item.run_at), `run ${item.run_id}`)
    assert.equal(row[12] ?? '', item.approved_at ? beijing(item.approved_at) : '', `run ${item.run_id}`)
  }
  assert.equal((await county.get('/api/v1/exports/settlements.xlsx?region=650000')).status, 403)
  const out = path.join(os.tmpdir(), `xj-settlements-${process.pid}.xlsx`)
  const exported = cli(['export', 'settlements', '--db', server.db, '--region', '650000', '--year', '2023', '--out', out])
  assert.equal(exported.status, 0, exported.stderr)
  assert.equal(xlsxRows(fs.readFileSync(out)).filter((r) => r[1] === '650000').length, 3)
  fs.rmSync(out, { force: true })
})

test('what-if: policy keys changed by name, ranked beside the current policy, nothing saved', async () => {
  // Now (as of 2023-07-05, after the entries above): 甲二县 90%, 乙一县 80%, 甲一县 60%, 乙二县 0%.
  // Top 2 at 1,000,000 yuan each: 甲二县 and 乙一县 +1e8 fen, 乙二县 −1e8; the current policy pays
  // +2e9 to 甲二县 and −2e9 to 乙二县 (net 0).
  const before = (await json(await admin.get('/api/v1/settlements?region=650000'))).body.total
  const r = await json(await pref.post('/api/v1/rankings/what-if', {
    region_code: '650000', year: 2023, as_of: '2023-07-05', what_if: { incentive_top_n: 2, incentive_amount_fen: 100_000_000 },
  }))
  assert.equal(r.status, 403) // a prefecture officer may not look at the province's ranking
  const w = await json(await admin.post('/api/v1/rankings/what-if', {
    region_code: '650000', year: 2023, as_of: '2023-07-05', what_if: { incentive_top_n: 2, incentive_amount_fen: 100_000_000 },
  }))
  assert.equal(w.status, 200, JSON.stringify(w.body))
  assert.deepEqual(w.body.what_if, { incentive_top_n: 2, incentive_amount_fen: 100_000_000 })
  assert.deepEqual(w.body.rows.map((x) => [x.region_code, x.rank, x.incentive_fen, x.what_if_rank, x.what_if_incentive_fen]), [
    ['650102', 1, 2_000_000_000, 1, 100_000_000], ['650201', 2, 0, 2, 100_000_000], ['650101', 3, 0, 3, 0],
    ['650202', 4, -2_000_000_000, 4, -100_000_000], ['650103', null, 0, null, 0]])
  assert.deepEqual([w.body.current.total_fen, w.body.simulated.total_fen], [0, 100_000_000])
  assert.deepEqual([w.body.simulated.scopes[0].top_n, w.body.simulated.scopes[0].bottom_n, w.body.current.scopes[0].top_n], [2, 1, 1])
  // Unknown keys and bad values are refused by name.
  const bad = await json(await admin.post('/api/v1/rankings/what-if', { year: 2023, as_of: '2023-07-05', what_if: { top: 3 } }))
  assert.equal(bad.status, 400)
  assert.match(bad.body.error.message, /未知的模拟参数：top/)
  assert.equal((await admin.post('/api/v1/rankings/what-if', { year: 2023, as_of: '2023-07-05', what_if: { incentive_top_n: -1 } })).status, 400)
  assert.equal((await admin.post('/api/v1/rankings/what-if', { year: 2023, as_of: '2023-07-05', what_if: {} })).status, 400)

  // The CLI: an earlier cut-off date (2023-05-31, before the late entries and EB): 乙一县 80%,
  // 乙二县 50%, 甲二县 30%, 甲一县 25% (150,000 + 100,000 of 1,000,000).
  const out = cli(['rank', '--db', server.db, '--region', '650000', '--year', '2023', '--as-of', '2023-07-05',
    '--what-if', 'as_of=2023-05-31', 'metric=expend_progress', '--format', 'json'])
  assert.equal(out.status, 0, out.stderr)
  const cliRows = JSON.parse(out.stdout).rows
  assert.deepEqual(cliRows.map((x) => [x.region_code, x.rank, x.incentive_fen, x.what_if_rank, x.what_if_incentive_fen, x.what_if_progress]), [
    ['650201', 2, 0, 1, 2_000_000_000, 80], ['650202', 4, -2_000_000_000, 2, 0, 50], ['650102', 1, 2_000_000_000, 3, 0, 30],
    ['650101', 3, 0, 4, -2_000_000_000, 25], ['650103', null, 0, null, 0, null]])
  const unknown = cli(['rank', '--db', server.db, '--year', '2023', '--as-of', '2023-07-05', '--what-if', 'speed=3'])
  assert.equal(unknown.status, 2)
  assert.match(unknown.stderr, /未知的模拟参数：speed/)
  // Nothing was saved: no run, no policy value.
  assert.equal((await json(await admin.get('/api/v1/settlements?region=650000'))).body.total, before)
  const policies = (await json(await admin.get('/api/v1/library/policies'))).body
  assert.ok(!JSON.stringify(policies).includes('100000000'))
})
