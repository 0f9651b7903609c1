// The rules that decide money (issue #14), over HTTP and the CLI, on SQLite and PostgreSQL, on a
// small hand-made dataset (tests/fixtures/rules): plan membership, time progress of other fund
// years, 超进度拨款 with per-contract advance rates, retention and the defects-liability period,
// one ranking per incentive scheme, payments checked against the project, batches checked as a
// whole, flags as work items, national benchmarks. Every expected figure is worked out in the
// comment beside it. Tests run in order: later ones build on the entries earlier ones post.
//
// Fund year 2023, central funds, as of 2023-07-05 unless said otherwise. 甲一县 650101:
//   allocated A101 1,000,000; expended EA 150,000 + EB 350,000 (R8) + EC 100,000 (R1) = 600,000 → 60%
//   projects of 2023 in the plan: R1 started (03-01), R2 approved, R8 finished (02-01 … 06-01),
//     R10 approved → 4 (R3 in_library, R4 rejected, R5 rolled_over, R6 cancelled, R7 draft and
//     R9 in_library are not in the plan); started 2 → 50%; finished 1 → 25%
//   industry share: R1 400,000 (0101) + R8 500,000 (其他 / 加工流通项目 → industry by its
//     construction content) of R1 + R2 100,000 + R8 + R10 300,000 = 1,300,000 → 69.23%
//   超进度拨款: R8 contract 500,000 (02-01, policy advance 30%), progress 100% on 06-01: cap
//     min(max(30%, 100%), 97%) = 485,000 < paid 500,000 → 15,000 (on EB); R1 contract 400,000
//     (03-01, own advance 10%), no progress: cap 40,000 < paid 100,000 → 60,000 (on EC)
//     → 75,000; assessed = (600,000 − 75,000) ÷ 1,000,000 = 52.5%
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { startServer, cli, repoRoot } from '../lib/server.mjs'
import { xlsxRows } from '../lib/xlsx.mjs'

const fixture = (name) => path.join(repoRoot, 'tests', 'fixtures', 'rules', name)
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

let server, admin, finance, county, county2, pref, leader
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
      { username: 'county2', role: 'county_officer', region: '650102' },
      { username: 'pref', role: 'prefecture_officer', region: '650100' },
      { username: 'leader', role: 'leader', region: '650000' },
    ],
  })
  admin = await server.login('admin')
  finance = await server.login('finance')
  county = await server.login('county')
  county2 = await server.login('county2')
  pref = await server.login('pref')
  leader = await server.login('leader')
})
after(async () => {
  await server?.stop()
})

const json = async (res) => ({ status: res.status, body: await res.json() })
const get = async (p, client = admin) => json(await client.get(p))
const indicators = (region, year, asOf, client = admin) =>
  get(`/api/v1/indicators?region=${region}&year=${year}&as_of=${asOf}`, client)
const upload = (client, route, body, type = 'text/csv') =>
  client.fetch(route, { method: 'POST', body, headers: { 'Content-Type': type } })
const entry = (over) => ({
  entry_id: 'X', date: '2023-06-20', kind: 'expend', fund_source: 'central', fund_year: 2023,
  region_code: '650101', project_code: 'R1', amount_fen: 100, payee: '施工单位', payee_type: 'enterprise', ...over,
})
const version = async (code) => (await get(`/api/v1/projects/${code}`, county)).body.version

test('contracts and progress import as files (English or Chinese headers, CSV or XLSX), idempotently', async () => {
  // Chinese headers with units; R1's contract carries its own advance rate of 10%.
  const contracts = '项目编码,合同编号,合同金额（万元）,签订日期,预付款比例(%)\nR8,HT-R8,50,2023-02-01,\nR1,HT-R1,40,2023-03-01,10\n'
  const first = await json(await upload(county, '/api/v1/imports/contracts', contracts))
  assert.equal(first.status, 200, JSON.stringify(first.body))
  assert.deepEqual([first.body.kind, first.body.inserted, first.body.unchanged], ['contracts', 2, 0])
  const again = await json(await upload(county, '/api/v1/imports/contracts', contracts))
  assert.deepEqual([again.body.inserted, again.body.unchanged], [0, 2])
  // Errors name their row and column; nothing of the file is written.
  const cells = (body) => body.error.details.map((d) => `${d.row}:${d.column}:${d.code}`).sort()
  const malformed = await json(await upload(county, '/api/v1/imports/contracts', 'project_code,contract_no,amount,signed_on,advance_rate\nR1,HT-R1b,100,2023-13-01,120\n'))
  assert.equal(malformed.status, 400)
  assert.deepEqual(cells(malformed.body), ['2:advance_rate:invalid_percent', '2:signed_on:invalid_date'])
  const bad = 'project_code,contract_no,amount,signed_on,advance_rate\nR2,HT-R2,10000,2023-06-01,30\nNOPE,HT-X,100,2023-06-01,\nR8,HT-R8,60,2023-02-01,\n'
  const refused = await json(await upload(county, '/api/v1/imports/contracts', bad))
  assert.equal(refused.status, 400)
  assert.deepEqual(cells(refused.body), ['3:project_code:unknown_project', '4:contract_no:conflicts_existing'])
  assert.equal(refused.body.error.details.find((d) => d.code === 'unknown_project').column_index, 1)
  // Outside the caller's county: refused as a whole.
  assert.equal((await upload(county2, '/api/v1/imports/contracts', contracts)).status, 403)
  const detail = (await get('/api/v1/projects/R2', county)).body
  assert.deepEqual(detail.contracts, [])
  const r1 = (await get('/api/v1/projects/R1', county)).body
  assert.deepEqual(r1.contracts.map((c) => [c.contract_no, c.amount_fen, c.signed_on, c.advance_rate]), [['HT-R1', 40_000_000, '2023-03-01', 10]])

  // Progress of R8 as an XLSX workbook (形象进度(%) header, a serial date); a bad percentage refused.
  const xlsx = fs.readFileSync(path.join(repoRoot, 'tests', 'fixtures', 'xlsx', 'progress_good.xlsx'))
  const progress = await json(await upload(county, '/api/v1/imports/progress', xlsx, XLSX))
  assert.equal(progress.status, 200, JSON.stringify(progress.body))
  assert.deepEqual([progress.body.kind, progress.body.inserted], ['progress', 1])
  const progressAgain = await json(await upload(county, '/api/v1/imports/progress', 'project_code,date,progress\nR8,2023-06-01,100\n'))
  assert.deepEqual([progressAgain.body.inserted, progressAgain.body.unchanged], [0, 1])
  const badProgress = await json(await upload(county, '/api/v1/imports/progress', 'project_code,date,progress\nR8,2023-06-02,100.5\n'))
  assert.equal(badProgress.status, 400)
  assert.equal(badProgress.body.error.details[0].code, 'invalid_percent')
  assert.equal(badProgress.body.error.details[0].column, 'progress')
})

test('plan membership decides start rate, completion rate and industry share; verify agrees', async () => {
  const { status, body } = await indicators('650101', 2023, '2023-07-05')
  assert.equal(status, 200)
  assert.equal(body.projects_total, 4)
  assert.equal(body.projects_started, 2)
  assert.equal(body.start_rate, 50)
  assert.equal(body.completion_rate, 25)
  assert.equal(body.industry_share, 69.23)
  assert.equal(body.expend_progress, 60)
  assert.equal(body.pay_ahead_fen, 7_500_000)
  assert.equal(body.assessed_progress, 52.5)
  // The same through the CLI, and `xianjie verify` recomputes every figure with SQL.
  const out = JSON.parse(cli(['indicators', '--db', server.db, '--region', '650101', '--year', '2023', '--as-of', '2023-07-05', '--format', 'json']).stdout)
  assert.equal(out.projects_total, 4)
  assert.equal(out.industry_share, 69.23)
  const verify = cli(['verify', '--db', server.db])
  assert.equal(verify.status, 0, verify.stdout + verify.stderr)
  // The compliance review counts the county's plan the same way: R8 is in it (industry by its
  // construction content, 其他 / 加工流通项目) → 900,000 of 1,300,000, as industry_share above; R3 (in the
  // library, 0101, 500,000) is not yet, so its review adds it → 1,400,000 of 1,800,000.
  const plan = async (code) => Object.values((await get(`/api/v1/projects/${code}/compliance`)).body.county_plan)
  assert.deepEqual(await plan('R8'), [90_000_000, 130_000_000])
  assert.deepEqual(await plan('R3'), [140_000_000, 180_000_000])
})

test('time progress of a past fund year is 100%, of a future one 0; on_track follows', async () => {
  // Fund year 2022 on 2023-07-05: the year is over → 100%; F102 990,000 of F101 1,000,000 = 99% → behind.
  const past = (await indicators('650101', 2022, '2023-07-05')).body
  assert.equal(past.time_progress, 100)
  assert.equal(past.expend_progress, 99)
  assert.equal(past.on_track, false)
  // Fund year 2024 on 2023-12-01: not begun → 0%; G101 500,000 allocated early, nothing spent: 0% ≥ 0%.
  const future = (await indicators('650101', 2024, '2023-12-01')).body
  assert.equal(future.time_progress, 0)
  assert.equal(future.expend_progress, 0)
  assert.equal(future.on_track, true)
  // The year itself: day 186 of 365 = 50.96%.
  assert.equal((await indicators('650101', 2023, '2023-07-05')).body.time_progress, 50.96)
})

test('超进度拨款: the larger of advance and progress, less the retention until the defects-liability period ends', async () => {
  const flags = (await get('/api/v1/flags?region=650101&as_of=2023-07-05&kind=pay_ahead_of_progress')).body
  const byProject = Object.fromEntries(flags.items.map((f) => [f.project_code, f]))
  assert.deepEqual(Object.keys(byProject).sort(), ['R1', 'R8'])
  assert.deepEqual([byProject.R8.contract_fen, byProject.R8.cap_fen, byProject.R8.paid_fen, byProject.R8.amount_fen],
    [50_000_000, 48_500_000, 50_000_000, 1_500_000])
  assert.equal(byProject.R8.retention_held, true)
  assert.equal(byProject.R8.date, '2023-06-10')  // ahead since EB
  assert.deepEqual([byProject.R1.advance_fen, byProject.R1.cap_fen, byProject.R1.amount_fen], [4_000_000, 4_000_000, 6_000_000])
  // 竣工验收 of R8 on 2023-06-20: 24 months later (2025-06-20) the retention is released.
  const accept = await json(await county.post('/api/v1/projects/R8/transition', { action: 'accept', date: '2023-06-20', version: await version('R8') }))
  assert.equal(accept.status, 200, JSON.stringify(accept.body))
  assert.equal((await indicators('650101', 2023, '2025-06-19')).body.pay_ahead_fen, 7_500_000)
  assert.equal((await indicators('650101', 2023, '2025-06-20')).body.pay_ahead_fen, 6_000_000)  // R1's only
  const r8 = (await get('/api/v1/projects/R8', county)).body
  assert.equal(r8.pay_ahead.excess_fen, 0)  // today is past 2025-06-20
  assert.equal(r8.pay_ahead.retention_held, false)
  // The policy's period is data: 12 months from 2024-01-01 releases it on 2024-06-20 instead.
  const policy = await admin.post('/api/v1/library/policies', { key: 'defects_liability_months', value: 12, effective_from: '2024-01-01', note: '测试' })
  assert.equal(policy.status, 201)
  assert.equal((await indicators('650101', 2023, '2024-06-19')).body.pay_ahead_fen, 7_500_000)
  assert.equal((await indicators('650101', 2023, '2024-06-20')).body.pay_ahead_fen, 6_000_000)
  const verify = cli(['verify', '--db', server.db])
  assert.equal(verify.status, 0, verify.stdout + verify.stderr)
})

test('one ranking per incentive scheme, seen the same from every subtree', async () => {
  // 2023 central expend progress: 乙一县 80%, 甲一县 60%, 乙二县 50%, 甲二县 30%, 甲三县 no allocation;
  // 丙一县 90% in another province (its own scheme). Default scheme: top 10, bottom 10 — with 4
  // ranked counties all 4 are rewarded, none penalised.
  const q = 'year=2023&as_of=2023-07-05'
  const province = (await get(`/api/v1/rankings?region=650000&${q}`)).body
  assert.deepEqual(province.items.map((r) => [r.region_code, r.rank, r.incentive_fen]), [
    ['650201', 1, 2_000_000_000], ['650101', 2, 2_000_000_000], ['650202', 3, 2_000_000_000],
    ['650102', 4, 2_000_000_000], ['650103', null, 0]])
  assert.ok(province.items.every((r) => r.scope_region_code === '650000' && r.scope_size === 4))
  assert.deepEqual(province.scopes, [{ region_code: '650000', region_name: '测试省', size: 4, top_n: 10, bottom_n: 10, amount_fen: 2_000_000_000 }])
  // The province's own scheme from 2023-01-01: top 1, bottom 1, the general amount.
  for (const key of ['incentive_top_n', 'incentive_bottom_n']) {
    const r = await admin.post('/api/v1/library/policies', { key, value: 1, effective_from: '2023-01-01', region_code: '650000' })
    assert.equal(r.status, 201, await r.clone().text())
  }
  const bad = await json(await admin.post('/api/v1/library/policies', { key: 'retention_bp', value: 1, effective_from: '2023-01-01', region_code: '650000' }))
  assert.equal(bad.status, 400)
  const ranked = (await get(`/api/v1/rankings?region=650000&${q}`)).body
  assert.deepEqual(ranked.items.map((r) => [r.region_code, r.rank, r.incentive_fen]), [
    ['650201', 1, 2_000_000_000], ['650101', 2, 0], ['650202', 3, 0], ['650102', 4, -2_000_000_000], ['650103', null, 0]])
  assert.deepEqual([ranked.scopes[0].top_n, ranked.scopes[0].bottom_n], [1, 1])
  // 甲市 sees its three counties at their places in the province's ranking, not re-ranked.
  const prefecture = (await get(`/api/v1/rankings?region=650100&${q}`, pref)).body
  assert.deepEqual(prefecture.items.map((r) => [r.region_code, r.rank, r.incentive_fen, r.scope_region_code, r.scope_size]), [
    ['650101', 2, 0, '650000', 4], ['650102', 4, -2_000_000_000, '650000', 4], ['650103', null, 0, '650000', 4]])
  // A county officer sees their own county's place: 4th of 4, penalised.
  const own = (await get(`/api/v1/rankings?region=650102&${q}`, county2)).body
  assert.deepEqual(own.items.map((r) => [r.region_code, r.rank, r.incentive_fen, r.scope_size]), [['650102', 4, -2_000_000_000, 4]])
  assert.equal((await get(`/api/v1/rankings?region=650000&${q}`, county2)).status, 403)
  // The CLI gives the same rows; another province is ranked in its own scheme (default N, amount).
  const rows = JSON.parse(cli(['rank', '--db', server.db, '--region', '650100', '--year', '2023', '--as-of', '2023-07-05', '--format', 'json']).stdout)
  assert.deepEqual(rows.map((r) => [r.region_code, r.rank, r.scope_size]), [['650101', 2, 4], ['650102', 4, 4], ['650103', null, 4]])
  const all = JSON.parse(cli(['rank', '--db', server.db, '--year', '2023', '--as-of', '2023-07-05', '--format', 'json']).stdout)
  assert.deepEqual(all.filter((r) => r.region_code === '660101').map((r) => [r.rank, r.incentive_fen, r.scope_region_code, r.scope_size]),
    [[1, 2_000_000_000, '660000', 1]])
  // The export follows the scheme's N and amount, and the scope ranking (never re-ranked in 甲市).
  const xlsx = await pref.get(`/api/v1/exports/rankings.xlsx?region=650100&${q}`)
  assert.equal(xlsx.status, 200)
  const sheet = xlsxRows(await xlsx.arrayBuffer())
  assert.ok(sheet.some((r) => r.some((c) => c.includes('测试省共4个参与排名，前1名奖励、后1名扣减各 20,000,000.00 元'))),
    JSON.stringify(sheet.slice(0, 3)))
  const body = sheet.filter((r) => /^6501\d\d$/.test(r[2] ?? ''))
  assert.deepEqual(body.map((r) => [r[0], r[1], r[2], Number(r[10]), r[11] ?? '']), [
    ['2', '测试省（共4）', '650101', 0, ''], ['4', '测试省（共4）', '650102', -20_000_000, '扣减'], ['未排名', '测试省（共4）', '650103', 0, '']])
})

test('payments need a basis in the plan; reversals are always accepted; an expenditure says whom it paid', async () => {
  const post = (body) => finance.post('/api/v1/ledger', body)
  // R3 is in the library, not funded: refused, named project_not_funded, nothing written.
  const unfunded = await json(await post(entry({ entry_id: 'P-R3', project_code: 'R3' })))
  assert.equal(unfunded.status, 409)
  assert.equal(unfunded.body.error.code, 'project_not_funded')
  assert.deepEqual([unfunded.body.error.details[0].column, unfunded.body.error.details[0].code], ['project_code', 'project_not_funded'])
  // R6 was imported as cancelled (no dated history): cancelled from the start.
  assert.equal((await post(entry({ entry_id: 'P-R6', project_code: 'R6', kind: 'disburse' }))).status, 409)
  // R10 is cancelled on 2023-05-01: payments before and on that day stand, later ones are refused.
  const cancel = await json(await county.post('/api/v1/projects/R10/transition', { action: 'cancel', reason: '选址变更', date: '2023-05-01', version: await version('R10') }))
  assert.equal(cancel.status, 200, JSON.stringify(cancel.body))
  assert.equal((await post(entry({ entry_id: 'P-R10-a', project_code: 'R10', date: '2023-04-30', amount_fen: 1000 }))).status, 201)
  assert.equal((await post(entry({ entry_id: 'P-R10-b', project_code: 'R10', date: '2023-05-01', amount_fen: 1000 }))).status, 201)
  assert.equal((await post(entry({ entry_id: 'P-R10-c', project_code: 'R10', date: '2023-05-02', amount_fen: 1000 }))).status, 409)
  // …and a reversal of a payment on the cancelled project is accepted.
  const reversal = await post(entry({ entry_id: 'P-R10-a-rev', kind: 'reverse', project_code: '', reverses: 'P-R10-a', date: '2023-06-01', amount_fen: 1000, payee: '', payee_type: '' }))
  assert.equal(reversal.status, 201, await reversal.clone().text())
  // An expenditure with a blank payee type is refused, not counted as real spending.
  const blank = await json(await post(entry({ entry_id: 'P-BLANK', payee_type: '' })))
  assert.equal(blank.status, 400)
  assert.deepEqual([blank.body.error.details[0].column, blank.body.error.details[0].code], ['payee_type', 'payee_type_required'])
  // Both problems in one batch: every one reported, each with its row.
  const mixed = await json(await post([entry({ entry_id: 'M1', project_code: 'R3' }), entry({ entry_id: 'M2', payee_type: '' })]))
  assert.equal(mixed.status, 400)
  assert.deepEqual(mixed.body.error.details.map((d) => `${d.row}:${d.code}`), ['1:project_not_funded', '2:payee_type_required'])
  // A file: the refusal names row and column, all-or-nothing.
  const file = 'entry_id,date,kind,fund_source,fund_year,region_code,project_code,amount,payee,payee_type\n' +
    'F-OK,2023-06-01,expend,central,2023,650101,R1,1,某公司,enterprise\nF-BAD,2023-06-01,disburse,central,2023,650101,R7,1,某公司,enterprise\n'
  const refused = await json(await upload(finance, '/api/v1/imports/ledger', file))
  assert.equal(refused.status, 409)
  assert.deepEqual([refused.body.error.details[0].row, refused.body.error.details[0].column_index], [3, 7])
  const list = (await get('/api/v1/ledger?region=650101&q=F-OK', finance)).body
  assert.equal(list.total, 0)
  // The CLI import refuses the same file the same way.
  const tmp = path.join(fs.mkdtempSync(path.join(repoRoot, 'build', 'rules-')), 'ledger.csv')
  fs.writeFileSync(tmp, file)
  const r = cli(['import', '--db', server.db, '--kind', 'ledger', tmp])
  assert.notEqual(r.status, 0)
  assert.match(r.stderr, /project_not_funded/)
})

test('a batch is checked as a whole: a reversal may come before the entry it cancels', async () => {
  const before = (await indicators('650101', 2023, '2023-07-05')).body.expended_fen
  const batch = [
    entry({ entry_id: 'W-REV', kind: 'reverse', project_code: '', reverses: 'W-1', amount_fen: 5000, date: '2023-06-22', payee: '', payee_type: '' }),
    entry({ entry_id: 'W-1', amount_fen: 5000, date: '2023-06-21' }),
  ]
  const r = await json(await finance.post('/api/v1/ledger', batch))
  assert.equal(r.status, 201, JSON.stringify(r.body))
  assert.equal(r.body.inserted, 2)
  assert.equal((await indicators('650101', 2023, '2023-07-05')).body.expended_fen, before)  // + 5,000 − 5,000 fen
  assert.equal((await indicators('650101', 2023, '2023-06-21')).body.expended_fen, before + 5000)
  // A file sorted by project, not by date: the reversal row first.
  const file = 'entry_id,date,kind,fund_source,fund_year,region_code,project_code,amount,payee,payee_type,reverses\n' +
    'V-REV,2023-06-25,reverse,central,2023,650101,R1,2.00,,,V-1\nV-1,2023-06-24,expend,central,2023,650101,R1,2.00,某公司,enterprise,\n'
  const imported = await json(await upload(finance, '/api/v1/imports/ledger', file))
  assert.equal(imported.status, 200, JSON.stringify(imported.body))
  assert.equal(imported.body.inserted, 2)
  // Only a reference found neither in the store nor in the batch is an error.
  const missing = await json(await finance.post('/api/v1/ledger', [entry({ entry_id: 'W-REV2', kind: 'reverse', project_code: '', reverses: 'NOWHERE', payee_type: '' })]))
  assert.equal(missing.status, 400)
  assert.equal(missing.body.error.details[0].code, 'unknown_reversed_entry')
  const verify = cli(['verify', '--db', server.db])
  assert.equal(verify.status, 0, verify.stdout + verify.stderr)
})

test('over_arranged and negative_list are flagged, not refused; the entry form is warned first', async () => {
  // R2 (approved) has no allocation naming it: its planned 100,000 is what is arranged.
  // 70,000 on 06-01, then 50,000 on 06-05 → 120,000 spent → 20,000 over, raised on 06-05.
  assert.equal((await finance.post('/api/v1/ledger', entry({ entry_id: 'OA-1', project_code: 'R2', amount_fen: 7_000_000, date: '2023-06-01' }))).status, 201)
  const check = (await json(await finance.post('/api/v1/ledger/check', entry({ entry_id: 'OA-2', project_code: 'R2', amount_fen: 5_000_000, date: '2023-06-05' })))).body
  assert.equal(check.ok, true)
  assert.deepEqual(check.warnings.map((w) => [w.kind, w.subject, w.amount_fen]), [['over_arranged', 'R2', 2_000_000]])
  assert.equal((await get('/api/v1/ledger?region=650101&q=OA-2', finance)).body.total, 0)  // the check saved nothing
  assert.equal((await finance.post('/api/v1/ledger', entry({ entry_id: 'OA-2', project_code: 'R2', amount_fen: 5_000_000, date: '2023-06-05' }))).status, 201)
  const over = (await get('/api/v1/flags?region=650101&as_of=2023-07-05&kind=over_arranged')).body
  assert.deepEqual(over.items.map((f) => [f.subject, f.amount_fen, f.date, f.status]), [['R2', 2_000_000, '2023-06-05', 'open']])
  assert.equal((await get('/api/v1/flags?region=650101&as_of=2023-06-04&kind=over_arranged')).body.items.length, 0)
  // The check warns about a refusal too, without saving.
  const refusal = (await json(await finance.post('/api/v1/ledger/check', entry({ entry_id: 'C-R3', project_code: 'R3' })))).body
  assert.equal(refusal.ok, false)
  assert.equal(refusal.error.code, 'project_not_funded')

  // A purpose on the negative list (车辆, N02): flagged with the entry's amount.
  const neg = entry({ entry_id: 'NEG-1', amount_fen: 3_000_000, date: '2023-06-20', note: '购置办公车辆' })
  const warned = (await json(await finance.post('/api/v1/ledger/check', neg))).body
  assert.deepEqual(warned.warnings.map((w) => [w.kind, w.subject, w.amount_fen]), [['negative_list', 'NEG-1', 3_000_000]])
  assert.match(warned.warnings[0].detail, /N02/)
  assert.equal((await finance.post('/api/v1/ledger', neg)).status, 201)
  const flags = (await get('/api/v1/flags?region=650000&as_of=2023-07-05')).body
  assert.deepEqual(flags.negative_list.map((f) => [f.entry_id, f.amount_fen, f.status]), [['NEG-1', 3_000_000, 'open']])
  assert.equal(flags.over_arranged_total_fen, 2_000_000)
  assert.deepEqual(flags.summary.map((s) => [s.kind, s.count]),
    [['disburse_as_expend', 0], ['pay_ahead_of_progress', 2], ['over_arranged', 1], ['negative_list', 1], ['late_allocation', 0], ['late_distribution', 0],
      ['cutoff_rush', 0], ['tender_split', 0], ['payee_spread', 1], ['month_end_round', 0], ['gov_account_return', 0]])
  // The CLI lists them too.
  const cliFlags = JSON.parse(cli(['flags', '--db', server.db, '--region', '650101', '--as-of', '2023-07-05', '--kind', 'over_arranged', '--format', 'json']).stdout)
  assert.deepEqual(cliFlags.items.map((f) => [f.subject, f.amount_fen]), [['R2', 2_000_000]])

  // An allocation naming R2 (150,000 on 07-03) arranges enough: the flag clears from that day.
  assert.equal((await finance.post('/api/v1/ledger', entry({ entry_id: 'OA-ALLOC', kind: 'allocate', project_code: 'R2', amount_fen: 15_000_000, date: '2023-07-03', payee: '', payee_type: '' }))).status, 201)
  assert.equal((await get('/api/v1/flags?region=650101&as_of=2023-07-05&kind=over_arranged')).body.items.length, 0)
  assert.deepEqual((await get('/api/v1/flags?region=650101&as_of=2023-07-02&kind=over_arranged')).body.items.map((f) => f.amount_fen), [2_000_000])
})

test('flags are work items: assign, explain, close with a reason, reopen — with a history', async () => {
  const base = '/api/v1/flags/negative_list/NEG-1'
  const act = async (client, body) => json(await client.post(`${base}/actions`, body))
  // A leader reads but does not handle flags.
  assert.equal((await leader.post(`${base}/actions`, { action: 'assign', assignee: 'county' })).status, 403)
  const assigned = await act(finance, { action: 'assign', assignee: 'county', version: 1 })
  assert.equal(assigned.status, 200, JSON.stringify(assigned.body))
  assert.deepEqual([assigned.body.status, assigned.body.assignee, assigned.body.version], ['open', 'county', 2])
  // The assignee must be a user whose scope covers the flag.
  assert.equal((await act(finance, { action: 'assign', assignee: 'county2' })).status, 400)
  assert.equal((await act(finance, { action: 'assign', assignee: 'nobody' })).status, 400)
  assert.equal((await act(county, { action: 'close' })).status, 400)  // a reason is required
  assert.equal((await act(county, { action: 'explain', reason: '为村集体运输设备，非办公用车', version: 1 })).status, 409)  // stale
  const explained = await act(county, { action: 'explain', reason: '为村集体运输设备，非办公用车', version: 2 })
  assert.equal(explained.body.status, 'explained')
  assert.equal((await act(county, { action: 'reopen', reason: 'x' })).status, 409)  // only a closed flag reopens
  const closed = await act(finance, { action: 'close', reason: '已核实，用途合规' })
  assert.deepEqual([closed.body.status, closed.body.reason], ['closed', '已核实，用途合规'])
  assert.equal((await act(finance, { action: 'assign', assignee: 'county' })).status, 409)
  const reopened = await act(finance, { action: 'reopen', reason: '审计要求补充凭证' })
  assert.equal(reopened.body.status, 'open')
  const detail = (await get(base)).body
  assert.deepEqual(detail.history.map((h) => [h.action, h.status, h.actor]), [
    ['assign', 'open', 'finance'], ['explain', 'explained', 'county'], ['close', 'closed', 'finance'], ['reopen', 'open', 'finance']])
  // A flag the engine computes (超进度拨款 of R1) becomes a stored work item when first handled.
  // Today R1 has EC 100,000 and NEG-1 30,000 paid against a cap of 40,000: 90,000 ahead.
  const r1 = await json(await county.post('/api/v1/flags/pay_ahead_of_progress/R1/actions', { action: 'explain', reason: '合同约定预付 10%，已补签补充协议' }))
  assert.equal(r1.status, 200, JSON.stringify(r1.body))
  assert.deepEqual([r1.body.id > 0, r1.body.status, r1.body.amount_fen, r1.body.version], [true, 'explained', 9_000_000, 1])
  assert.equal((await json(await county.post('/api/v1/flags/pay_ahead_of_progress/NOPE/actions', { action: 'explain', reason: 'x' }))).status, 404)
  assert.equal((await json(await county.post('/api/v1/flags/vibes/R1/actions', { action: 'explain', reason: 'x' }))).status, 400)
  // A 超进度拨款 flag of a past date: R8 was 15,000 ahead on 2023-07-05 but has no excess today (its retention
  // was released on 2025-06-20), so it is found, and handled, as of the date the list showed it.
  assert.equal((await get('/api/v1/flags/pay_ahead_of_progress/R8')).status, 404)
  const r8Then = await get('/api/v1/flags/pay_ahead_of_progress/R8?as_of=2023-07-05')
  assert.equal(r8Then.status, 200, JSON.stringify(r8Then.body))
  assert.deepEqual([r8Then.body.amount_fen, r8Then.body.status, r8Then.body.history.length], [1_500_000, 'open', 0])
  assert.equal((await get('/api/v1/flags/pay_ahead_of_progress/R8?as_of=2023-13-01')).status, 400)
  assert.equal((await json(await county.post('/api/v1/flags/pay_ahead_of_progress/R8/actions', { action: 'assign', assignee: 'county' }))).status, 404)
  const r8Assigned = await json(await county.post('/api/v1/flags/pay_ahead_of_progress/R8/actions?as_of=2023-07-05', { action: 'assign', assignee: 'county' }))
  assert.equal(r8Assigned.status, 200, JSON.stringify(r8Assigned.body))
  assert.deepEqual([r8Assigned.body.status, r8Assigned.body.assignee, r8Assigned.body.amount_fen, r8Assigned.body.version], ['open', 'county', 1_500_000, 1])
  // Once handled it is a stored work item, found on any date with its history.
  assert.deepEqual((await get('/api/v1/flags/pay_ahead_of_progress/R8')).body.history.map((h) => h.action), ['assign'])
  // The list filters by status, kind and region, and pages.
  const explainedList = (await get('/api/v1/flags?region=650000&as_of=2023-07-05&status=explained')).body
  assert.deepEqual(explainedList.items.map((f) => [f.kind, f.subject]), [['pay_ahead_of_progress', 'R1']])
  // As of 2023-07-05: 超进度拨款 R1 and R8, negative_list NEG-1 (over_arranged R2 cleared on 07-03), and
  // payee_spread 施工单位: the fixture's one payee is paid in five counties (650101, 650102, 650201, 650202,
  // 660101 > 3, docs/definitions.md §20), listed at 650000 (the counties lie under two provinces: the first's).
  const page = (await get('/api/v1/flags?region=650000&as_of=2023-07-05&page=2&page_size=1')).body
  assert.equal(page.total, 4)
  assert.equal(page.items.length, 1)
  assert.equal((await get('/api/v1/flags?region=650000&as_of=2023-07-05&status=vibes')).status, 400)
  assert.equal((await get('/api/v1/flags?region=650102&as_of=2023-07-05')).body.total, 0)
  const open = JSON.parse(cli(['flags', '--db', server.db, '--region', '650000', '--as-of', '2023-07-05', '--status', 'open', '--format', 'json']).stdout)
  assert.deepEqual(open.items.map((f) => f.subject).sort(), ['NEG-1', 'R8', '施工单位'])
})

test('national benchmarks: entered by an administrator or imported; the wall chart compares with them', async () => {
  const file = 'date,indicator,value\n2023-06-30,start_rate,45.5\n2023-06-30,expend_progress,48\n2022-06-30,expend_progress,30\n'
  const imported = await json(await upload(admin, '/api/v1/imports/benchmarks', file))
  assert.equal(imported.status, 200, JSON.stringify(imported.body))
  assert.deepEqual([imported.body.kind, imported.body.inserted], ['benchmarks', 3])
  assert.equal((await upload(finance, '/api/v1/imports/benchmarks', file)).status, 403)
  const chinese = await json(await upload(admin, '/api/v1/imports/benchmarks', '日期,指标,数值(%)\n2023-06-30,开工率,46\n2023-07-31,支出进度,abc\n'))
  assert.equal(chinese.status, 400)
  assert.deepEqual(chinese.body.error.details.map((d) => `${d.row}:${d.column}:${d.code}`), ['3:value:invalid_percent'])
  const posted = await json(await admin.post('/api/v1/benchmarks', { indicator: 'start_rate', date: '2023-06-30', value: 46 }))
  assert.deepEqual([posted.status, posted.body.updated], [201, 1])
  const list = (await get('/api/v1/benchmarks', leader)).body.items
  assert.deepEqual(list.map((b) => [b.indicator, b.date, b.value]),
    [['expend_progress', '2022-06-30', 30], ['expend_progress', '2023-06-30', 48], ['start_rate', '2023-06-30', 46]])
  // 甲一县 on 2023-07-05: expend progress against the latest national value of the year (48% on
  // 06-30) and its own best earlier year (2022 on 2022-07-05: F102 is dated 12-20, so 0%).
  const ind = (await indicators('650101', 2023, '2023-07-05')).body
  assert.deepEqual(ind.comparisons.expend_progress.national, { value: 48, date: '2023-06-30' })
  assert.deepEqual(ind.comparisons.expend_progress.best_earlier, { value: 0, year: 2022 })
  assert.deepEqual(ind.comparisons.start_rate.national, { value: 46, date: '2023-06-30' })
  // 2022's plan has R11 (started 2022-03-01): 100% — the best earlier start rate.
  assert.deepEqual(ind.comparisons.start_rate.best_earlier, { value: 100, year: 2022 })
  // No national value dated in 2023 before 06-30: none.
  assert.equal((await indicators('650101', 2023, '2023-06-29')).body.comparisons.start_rate.national, null)
})

test('contracts, progress and benchmarks import as jobs too: a repeated file changes nothing, a bad one fails by row', async () => {
  const waitJob = async (client, id) => {
    for (let i = 0; i < 200; i++) {
      const job = (await get(`/api/v1/imports/jobs/${id}`, client)).body
      if (job.state === 'succeeded' || job.state === 'failed') return job
      await new Promise((r) => setTimeout(r, 50))
    }
    throw new Error('job did not finish')
  }
  const submit = async (client, kind, body) => {
    const res = await upload(client, `/api/v1/imports/${kind}/jobs?file_name=${kind}.csv`, body)
    assert.equal(res.status, 202, await res.clone().text())
    return waitJob(client, (await res.json()).job_id)
  }
  // The files of the first tests again: every row already stored.
  const contracts = await submit(county, 'contracts', 'project_code,contract_no,amount,signed_on,advance_rate\nR8,HT-R8,500000.00,2023-02-01,\n')
  assert.deepEqual([contracts.state, contracts.kind, contracts.report.unchanged], ['succeeded', 'contracts', 1])
  const progress = await submit(county, 'progress', 'project_code,date,progress\nR8,2023-06-01,100\n')
  assert.deepEqual([progress.state, progress.report.unchanged], ['succeeded', 1])
  const benchmarks = await submit(admin, 'benchmarks', 'date,indicator,value\n2023-06-30,expend_progress,48\n')
  assert.deepEqual([benchmarks.state, benchmarks.report.unchanged], ['succeeded', 1])
  // A bad row fails the job with its row and column; a role without the import is refused at once.
  const failed = await submit(county, 'progress', 'project_code,date,progress\nR8,2023-06-02,101\n')
  assert.equal(failed.state, 'failed')
  assert.deepEqual(failed.errors.map((e) => `${e.row}:${e.column}:${e.code}`), ['2:progress:invalid_percent'])
  assert.equal((await upload(finance, '/api/v1/imports/benchmarks/jobs?file_name=b.csv', 'date,indicator,value\n')).status, 403)
})

test('over_arranged is dated where the overspending began, whatever order the entries come in', async () => {
  // B1 (甲二县, planned 1,000,000, no allocation naming it) has E102 300,000 spent on 05-01.
  // An allocation of 400,000 on 06-01 becomes what is arranged; 80,000 more on 09-01 → 380,000: not over.
  const post = async (body) => json(await finance.post('/api/v1/ledger', body))
  const b1 = (over) => entry({ region_code: '650102', project_code: 'B1', ...over })
  const first = await post([b1({ entry_id: 'BD-ALLOC', kind: 'allocate', amount_fen: 40_000_000, date: '2023-06-01', payee: '', payee_type: '' }),
    b1({ entry_id: 'BD-1', amount_fen: 8_000_000, date: '2023-09-01' })])
  assert.equal(first.status, 201, JSON.stringify(first.body))
  const over = async (asOf) => (await get(`/api/v1/flags?region=650102&as_of=${asOf}&kind=over_arranged`)).body.items
    .map((f) => [f.subject, f.amount_fen, f.date])
  assert.deepEqual(await over('2023-12-31'), [])
  // Then a back-dated payment of 50,000 on 04-01: 04-01 50,000 and 05-01 350,000 against the planned
  // 1,000,000; from 06-01 against the 400,000 allocated: 350,000, then 430,000 on 09-01 → 30,000 over
  // from 09-01 — not from 04-01, the date of the entry that was written last.
  const check = (await json(await finance.post('/api/v1/ledger/check', b1({ entry_id: 'BD-2', amount_fen: 5_000_000, date: '2023-04-01' })))).body
  assert.deepEqual(check.warnings.map((w) => [w.kind, w.subject, w.amount_fen]), [['over_arranged', 'B1', 3_000_000]])
  assert.match(check.warnings[0].detail, /累计支出 430,000\.00 元，超过安排资金 400,000\.00 元/)
  assert.equal((await post(b1({ entry_id: 'BD-2', amount_fen: 5_000_000, date: '2023-04-01' }))).status, 201)
  assert.deepEqual(await over('2023-08-31'), [])
  assert.deepEqual(await over('2023-09-01'), [['B1', 3_000_000, '2023-09-01']])
  const flag = (await get('/api/v1/flags/over_arranged/B1?as_of=2023-09-01')).body
  assert.match(flag.detail, /累计支出 430,000\.00 元，超过安排资金 400,000\.00 元（下达到项目的资金）/)
  // The same through the CLI, on the same store.
  const cliFlags = JSON.parse(cli(['flags', '--db', server.db, '--region', '650102', '--as-of', '2023-07-05', '--kind', 'over_arranged', '--format', 'json']).stdout)
  assert.deepEqual(cliFlags.items, [])
  // A back-dated allocation of 100,000 on 08-01 arranges 500,000 before the 09-01 payment: the flag clears
  // from 08-01, before it was raised, so it shows on no date.
  assert.equal((await post(b1({ entry_id: 'BD-ALLOC2', kind: 'allocate', amount_fen: 10_000_000, date: '2023-08-01', payee: '', payee_type: '' }))).status, 201)
  assert.deepEqual(await over('2023-09-01'), [])
  assert.deepEqual(await over('2023-12-31'), [])
  const verify = cli(['verify', '--db', server.db])
  assert.equal(verify.status, 0, verify.stdout + verify.stderr)
})
