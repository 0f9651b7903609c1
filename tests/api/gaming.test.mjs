// Gaming detectors (数据造假/突击支出识别, issue #22 point 5, docs/definitions.md §20) through
// GET /api/v1/flags, one flag, a work step on a payee flag, the CLI `xianjie flags`, and the policy values
// that drive them (bad values refused, nothing stored; a changed limit changes the flags). Tests run in order.
//
// Regions of the rules fixture (甲市 650100: 650101–650103; 乙市 650200: 650201–650202). Fund year 2023,
// central, as of 2023-07-31, default policy. Amounts in yuan in the CSV, fen in the assertions:
//   cutoff_rush       ER1 12,345.67 on 06-28 (2 days before the 06-30 cut-off), reversed 07-03 → flagged,
//                     1,234,567 fen, dated 07-03. ER2 booked 06-25 (5 days before) and reversed 07-03 → not.
//   tender_split      S1 3,999,999.99 and S2 3,500,000.00 (650101, 0301, 建工甲) first paid 03-01 and 05-30
//                     (90 days) → flagged on S1: 749,999,999 fen, dated 05-30. S3 first paid 05-31 (91 days
//                     after S1) stays out.
//   payee_spread      路桥公司 paid 1,000.01 in 650101, 650102, 650103, 650201 (4 counties > 3) → flagged at
//                     650000 (the lowest region holding them), 400,004 fen, dated 04-10 (the fourth county).
//                     水利公司 paid in 3 counties → not.
//   month_end_round   650103: 20,000, 10,000, 30,000 on 06-28/29/30 (3 of 3 whole 万元) → flagged
//                     "650103@2023-06", 6,000,000 fen. 650101: two round ones at June's end → not.
//   gov_account_return G1 300,000 to 县财政专户 on 03-01 reversed 05-30 (90 days) → flagged, 30,000,000 fen.
//                     G2 reversed 05-31 (91 days) → not.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import os from 'node:os'
import path from 'node:path'
import fs from 'node:fs'
import { startServer, cli, repoRoot } from '../lib/server.mjs'

const PROJECTS =
  'project_code,name,year,region_code,category,subcategory,total_investment,central_fund,other_fund,planned_start,planned_finish,actual_start,actual_finish,status\n' +
  'S1,甲一县一号道路,2023,650101,0301,,3999999.99,3999999.99,0,2023-03-01,2023-10-31,2023-03-01,,started\n' +
  'S2,甲一县二号道路,2023,650101,0301,,3500000,3500000,0,2023-03-01,2023-10-31,2023-03-01,,started\n' +
  'S3,甲一县三号道路,2023,650101,0301,,3500000,3500000,0,2023-03-01,2023-10-31,2023-03-01,,started\n' +
  'Q1,甲一县产业项目,2023,650101,0101,,100000,100000,0,2023-01-01,2023-10-31,2023-01-01,,started\n' +
  'Q2,甲二县产业项目,2023,650102,0101,,100000,100000,0,2023-01-01,2023-10-31,2023-01-01,,started\n' +
  'Q3,甲三县产业项目,2023,650103,0101,,100000,100000,0,2023-01-01,2023-10-31,2023-01-01,,started\n' +
  'Q4,乙一县产业项目,2023,650201,0101,,100000,100000,0,2023-01-01,2023-10-31,2023-01-01,,started\n' +
  'Q5,乙二县产业项目,2023,650202,0101,,1000000,1000000,0,2023-01-01,2023-10-31,2023-01-01,,started\n'
const row = (id, date, kind, region, project, amount, payee = '', type = '', reverses = '') =>
  `${id},${date},${kind},central,2023,${region},${project},${amount},${payee},${type},${reverses},\n`
const LEDGER =
  'entry_id,date,kind,fund_source,fund_year,region_code,project_code,amount,payee,payee_type,reverses,note\n' +
  row('ER1', '2023-06-28', 'expend', '650102', 'Q2', '12345.67', '突击公司', 'enterprise') +
  row('ER2', '2023-06-25', 'expend', '650102', 'Q2', '12345.67', '突击公司', 'enterprise') +
  row('ER1R', '2023-07-03', 'reverse', '650102', 'Q2', '12345.67', '', '', 'ER1') +
  row('ER2R', '2023-07-03', 'reverse', '650102', 'Q2', '12345.67', '', '', 'ER2') +
  row('SP1', '2023-03-01', 'expend', '650101', 'S1', '1000000', '建工甲', 'enterprise') +
  row('SP2', '2023-05-30', 'expend', '650101', 'S2', '500000', '建工甲', 'enterprise') +
  row('SP3', '2023-05-31', 'expend', '650101', 'S3', '500000', '建工甲', 'enterprise') +
  row('LQ1', '2023-01-10', 'expend', '650101', 'Q1', '1000.01', '路桥公司', 'enterprise') +
  row('LQ2', '2023-02-10', 'expend', '650102', 'Q2', '1000.01', '路桥公司', 'enterprise') +
  row('LQ3', '2023-03-10', 'expend', '650103', 'Q3', '1000.01', '路桥公司', 'enterprise') +
  row('LQ4', '2023-04-10', 'expend', '650201', 'Q4', '1000.01', '路桥公司', 'enterprise') +
  row('SL1', '2023-01-11', 'expend', '650101', 'Q1', '1000.01', '水利公司', 'enterprise') +
  row('SL2', '2023-02-11', 'expend', '650102', 'Q2', '1000.01', '水利公司', 'enterprise') +
  row('SL3', '2023-03-11', 'expend', '650103', 'Q3', '1000.01', '水利公司', 'enterprise') +
  row('M1', '2023-06-28', 'expend', '650103', 'Q3', '20000', '某公司', 'enterprise') +
  row('M2', '2023-06-29', 'expend', '650103', 'Q3', '10000', '某公司', 'enterprise') +
  row('M3', '2023-06-30', 'expend', '650103', 'Q3', '30000', '某公司', 'enterprise') +
  row('N1', '2023-06-29', 'expend', '650101', 'Q1', '5000', '某公司', 'enterprise') +
  row('N2', '2023-06-30', 'expend', '650101', 'Q1', '5000', '某公司', 'enterprise') +
  row('G1', '2023-03-01', 'expend', '650202', 'Q5', '300000', '县财政专户', 'gov_account') +
  row('G2', '2023-03-01', 'expend', '650202', 'Q5', '300000', '县财政专户', 'gov_account') +
  row('G1R', '2023-05-30', 'reverse', '650202', 'Q5', '300000', '', '', 'G1') +
  row('G2R', '2023-05-31', 'reverse', '650202', 'Q5', '300000', '', '', 'G2')

const GAMING = ['cutoff_rush', 'tender_split', 'payee_spread', 'month_end_round', 'gov_account_return']

let server, admin, finance, county
before(async () => {
  server = await startServer({
    regions: false,
    setup: (db) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xj-gaming-'))
      const steps = [
        ['regions', path.join(repoRoot, 'tests', 'fixtures', 'rules', 'regions.csv')],
        ['projects', path.join(dir, 'projects.csv'), PROJECTS],
        ['ledger', path.join(dir, 'ledger.csv'), LEDGER],
      ]
      for (const [kind, file, text] of steps) {
        if (text) fs.writeFileSync(file, text)
        const r = cli(['import', '--db', db, '--kind', kind, file])
        if (r.status !== 0) throw new Error(`${kind}: ${r.stdout} ${r.stderr}`)
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
})
after(async () => {
  await server?.stop()
})

const json = async (res) => ({ status: res.status, body: await res.json() })
const flags = async (query, client = finance) => json(await client.get('/api/v1/flags?' + query))
const gamingOf = (body) =>
  body.items.filter((i) => GAMING.includes(i.kind)).map((i) => [i.kind, i.subject, i.subject_type, i.region_code, i.date, i.amount_fen])

test('each detector raises its planted flag, and only it, on the as-of date', async () => {
  const r = await flags('region=650000&year=2023&as_of=2023-07-31')
  assert.equal(r.status, 200, JSON.stringify(r.body))
  assert.deepEqual(
    gamingOf(r.body).sort((a, b) => a[0].localeCompare(b[0])),
    [
      ['cutoff_rush', 'ER1', 'entry', '650102', '2023-07-03', 1_234_567],
      ['gov_account_return', 'G1', 'entry', '650202', '2023-05-30', 30_000_000],
      ['month_end_round', '650103@2023-06', 'region', '650103', '2023-06-30', 6_000_000],
      ['payee_spread', '路桥公司', 'payee', '650000', '2023-04-10', 400_004],
      ['tender_split', 'S1', 'project', '650101', '2023-05-30', 749_999_999],
    ],
  )
  const summary = Object.fromEntries(r.body.summary.map((s) => [s.kind, [s.label, s.count, s.amount_fen]]))
  assert.deepEqual(summary.cutoff_rush, ['截止前突击支出', 1, 1_234_567])
  assert.deepEqual(summary.tender_split, ['化整为零规避招标', 1, 749_999_999])
  assert.deepEqual(summary.payee_spread, ['收款方跨县跨项目', 1, 400_004])
  assert.deepEqual(summary.month_end_round, ['月末整数支出集中', 1, 6_000_000])
  assert.deepEqual(summary.gov_account_return, ['以拨代支回流', 1, 30_000_000])
  assert.equal(r.body.tender_split_total_fen, 749_999_999)

  // The evidence: entries, projects and the ledger filter to drill through to.
  const by = Object.fromEntries(r.body.items.filter((i) => GAMING.includes(i.kind)).map((i) => [i.kind, i]))
  const rush = by.cutoff_rush.evidence
  assert.equal(rush.cutoff, '2023-06-30')
  assert.deepEqual(rush.measures, { days_before_cutoff: 2, days_after_cutoff: 3 })
  assert.deepEqual(rush.entries.map((e) => [e.entry_id, e.kind, e.amount_fen]), [['ER1', 'expend', 1_234_567], ['ER1R', 'reverse', 1_234_567]])
  assert.deepEqual(rush.ledger, { region: '', q: 'ER1', kind: null, from: null, to: null })
  const split = by.tender_split.evidence
  assert.deepEqual(split.projects.map((p) => [p.project_code, p.total_investment_fen, p.first_paid_on, p.paid_fen]), [
    ['S1', 399_999_999, '2023-03-01', 100_000_000],
    ['S2', 350_000_000, '2023-05-30', 50_000_000],
  ])
  assert.deepEqual(split.measures, { parts: 2, span_days: 90, threshold_fen: 400_000_000 })
  assert.equal(by.tender_split.payee, '建工甲')
  assert.deepEqual(split.ledger, { region: '650101', q: '建工甲', kind: 'expend', from: '2023-03-01', to: '2023-05-30' })
  const listed = await json(await finance.get('/api/v1/ledger?region=650101&q=' + encodeURIComponent('建工甲') + '&kind=expend&from=2023-03-01&to=2023-05-30'))
  assert.deepEqual(listed.body.items.map((e) => e.entry_id).sort(), ['SP1', 'SP2'])
  const spread = by.payee_spread.evidence
  assert.deepEqual(spread.counties, ['650101', '650102', '650103', '650201'])
  assert.deepEqual(spread.ledger, { region: '', q: '路桥公司', kind: 'expend', from: '2022-08-01', to: '2023-07-31' })
  const month = by.month_end_round.evidence
  assert.deepEqual(month.measures, { round_count: 3, month_end_count: 3, share_bp: 10000 })
  assert.deepEqual(month.ledger, { region: '650103', q: '', kind: 'expend', from: '2023-06-28', to: '2023-06-30' })
  assert.deepEqual(by.gov_account_return.evidence.measures, { days_parked: 90 })

  // One kind at a time; the as-of date before the reversals shows neither reversal rule.
  const onlySplit = await flags('region=650000&year=2023&as_of=2023-07-31&kind=tender_split')
  assert.deepEqual(onlySplit.body.items.map((i) => i.subject), ['S1'])
  const early = await flags('region=650000&year=2023&as_of=2023-05-29')
  assert.deepEqual(gamingOf(early.body).map((g) => g[0]).sort(), ['payee_spread'])
})

test('a county sees the flags of its own subtree only; a payee across counties is its superior’s', async () => {
  const r = await flags('region=650101&year=2023&as_of=2023-07-31', county)
  assert.equal(r.status, 200)
  assert.deepEqual(gamingOf(r.body).map((g) => [g[0], g[1]]), [['tender_split', 'S1']])
  const other = await json(await county.get('/api/v1/flags/payee_spread/' + encodeURIComponent('路桥公司') + '?as_of=2023-07-31'))
  assert.equal(other.status, 403)
})

test('one payee flag can be opened, explained and keeps its work state', async () => {
  const url = '/api/v1/flags/payee_spread/' + encodeURIComponent('路桥公司')
  const one = await json(await finance.get(url + '?as_of=2023-07-31'))
  assert.equal(one.status, 200, JSON.stringify(one.body))
  assert.equal(one.body.amount_fen, 400_004)
  assert.equal(one.body.evidence.entries.length, 4)
  const explained = await json(await finance.post(url + '/actions?as_of=2023-07-31', { action: 'explain', reason: '同一中标单位承建四县道路，已核实合同' }))
  assert.equal(explained.status, 200, JSON.stringify(explained.body))
  assert.equal(explained.body.status, 'explained')
  const month = await json(await finance.post('/api/v1/flags/month_end_round/650103%402023-06/actions?as_of=2023-07-31', { action: 'close', reason: '月末集中付款已核实' }))
  assert.equal(month.status, 200, JSON.stringify(month.body))
  const r = await flags('region=650000&year=2023&as_of=2023-07-31&kind=payee_spread')
  assert.deepEqual(r.body.items.map((i) => [i.subject, i.status, i.subject_type]), [['路桥公司', 'explained', 'payee']])
  const missing = await json(await finance.get('/api/v1/flags/cutoff_rush/ER2?as_of=2023-07-31'))
  assert.equal(missing.status, 404)
})

test('the CLI lists the same flags', () => {
  const r = cli(['flags', '--db', server.db, '--region', '650000', '--year', '2023', '--as-of', '2023-07-31', '--format', 'json'])
  assert.equal(r.status, 0, r.stderr)
  const body = JSON.parse(r.stdout)
  assert.deepEqual(
    gamingOf(body).map((g) => [g[0], g[1], g[5]]).sort((a, b) => a[0].localeCompare(b[0])),
    [
      ['cutoff_rush', 'ER1', 1_234_567],
      ['gov_account_return', 'G1', 30_000_000],
      ['month_end_round', '650103@2023-06', 6_000_000],
      ['payee_spread', '路桥公司', 400_004],
      ['tender_split', 'S1', 749_999_999],
    ],
  )
  const rows = cli(['flags', '--db', server.db, '--region', '650000', '--year', '2023', '--as-of', '2023-07-31', '--kind', 'month_end_round', '--format', 'csv'])
  assert.equal(rows.status, 0, rows.stderr)
  assert.match(rows.stdout, /month_end_round,650103@2023-06,2023-06-30,650103/)
})

test('bad policy values are refused with a clear error and change nothing', async () => {
  const before = await json(await admin.get('/api/v1/library/policies'))
  const bad = [
    [{ key: 'gaming_payee_max_counties', value: 0, effective_from: '2023-01-01' }, /gaming_payee_max_counties 应为正整数/],
    [{ key: 'gaming_round_share_bp', value: 10001, effective_from: '2023-01-01' }, /gaming_round_share_bp 不得超过 10000/],
    [{ key: 'gaming_month_end_days', value: 29, effective_from: '2023-01-01' }, /gaming_month_end_days 应在 1 到 28 之间/],
    [{ key: 'gaming_round_unit_fen', value: 99, effective_from: '2023-01-01' }, /gaming_round_unit_fen 应至少为 100 分/],
    [{ key: 'gaming_split_window_days', value: -5, effective_from: '2023-01-01' }, /不得为负/],
    [{ key: 'gaming_payee_max_counties', value: 5, effective_from: '2023-01-01', region_code: '650100' }, /可以属于某一区划/],
  ]
  for (const [body, message] of bad) {
    const r = await json(await admin.post('/api/v1/library/policies', body))
    assert.equal(r.status, 400, JSON.stringify(body))
    assert.equal(r.body.error.code, 'invalid_argument')
    assert.match(r.body.error.message, message)
  }
  const after = await json(await admin.get('/api/v1/library/policies'))
  assert.deepEqual(after.body, before.body)
  const still = await flags('region=650000&year=2023&as_of=2023-07-31')
  assert.equal(gamingOf(still.body).length, 5)
})

test('a policy value changes the flags: four counties allowed, the payee spread is no more', async () => {
  const set = await json(await admin.post('/api/v1/library/policies', { key: 'gaming_payee_max_counties', value: 4, effective_from: '2023-01-01', note: '测试' }))
  assert.ok([200, 201].includes(set.status), JSON.stringify(set.body))
  const r = await flags('region=650000&year=2023&as_of=2023-07-31')
  assert.deepEqual(gamingOf(r.body).map((g) => g[0]).sort(), ['cutoff_rush', 'gov_account_return', 'month_end_round', 'tender_split'])
  // In force from its date only: before it, three counties is still the limit.
  const setLater = await json(await admin.post('/api/v1/library/policies', { key: 'gaming_return_window_days', value: 89, effective_from: '2023-07-31' }))
  assert.ok([200, 201].includes(setLater.status))
  const later = await flags('region=650000&year=2023&as_of=2023-07-31&kind=gov_account_return')
  assert.equal(later.body.items.length, 0)
  const earlier = await flags('region=650000&year=2023&as_of=2023-07-30&kind=gov_account_return')
  assert.deepEqual(earlier.body.items.map((i) => i.subject), ['G1'])
})

test('an entry booked later is seen at once: a rush and its reversal posted now raise a new flag', async () => {
  const base = { fund_source: 'central', fund_year: 2023, region_code: '650102', project_code: 'Q2', amount_fen: 765_432 }
  const before = await flags('region=650000&year=2023&as_of=2023-07-31&kind=cutoff_rush')
  assert.deepEqual(before.body.items.map((i) => i.subject), ['ER1'])
  const spent = { ...base, entry_id: 'ER3', date: '2023-06-30', kind: 'expend', payee: '突击公司', payee_type: 'enterprise' }
  assert.equal((await finance.post('/api/v1/ledger', spent)).status, 201)
  assert.equal((await finance.post('/api/v1/ledger', { ...base, entry_id: 'ER3R', date: '2023-07-01', kind: 'reverse', reverses: 'ER3' })).status, 201)
  const after = await flags('region=650000&year=2023&as_of=2023-07-31&kind=cutoff_rush')
  assert.deepEqual(after.body.items.map((i) => [i.subject, i.date, i.amount_fen, i.evidence.measures.days_before_cutoff, i.evidence.measures.days_after_cutoff]), [
    ['ER1', '2023-07-03', 1_234_567, 2, 3],
    ['ER3', '2023-07-01', 765_432, 0, 1],
  ].sort((a, b) => b[1].localeCompare(a[1])))
})
