// Driving execution (issue #17) over HTTP and the CLI, on SQLite and PostgreSQL: 领导包保 and its
// coverage with a gap, 我包保的, the monthly dispatch's frozen snapshot under a late entry,
// month-over-month change from snapshots, 填报 → 审核 → 关闭. Tests run in order.
//
// tests/fixtures/dispatch: 西藏 → 拉萨市 (城关区 with key township 蔡公堂乡 and ordinary 八廓街道;
// 林周县 with key township 春堆乡) and 日喀则市 (桑珠孜区). Central funds of 2023:
//   城关区 allocated 1,000,000, expended E1 200,000 (05-20)         → 20.00% at 05-31
//   林周县 allocated 2,000,000, expended E2 1,000,000 (05-10)       → 50.00%
//   桑珠孜区 nothing allocated                                       → null, unranked
//   拉萨市 (1,200,000 ÷ 3,000,000)                                  → 40.00%
// County ranking (one scheme, the province's): 林周县 1, 城关区 2 of 2.
// Late entry E3 100,000 for 城关区 dated 05-25: live 30.00%, May's snapshot stays 20.00%;
// June's snapshot 30.00% → +10.00 points month over month; 林周县 50.00% → 0.00.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import { startServer, cli, repoRoot } from '../lib/server.mjs'

const fixture = (name) => path.join(repoRoot, 'tests', 'fixtures', 'dispatch', name)

let server, region, lhasa, shigatse, county, county2, finance, leader1, admin
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
      { username: 'region', role: 'region_officer', region: '540000' },
      { username: 'lhasa', role: 'prefecture_officer', region: '540100' },
      { username: 'shigatse', role: 'prefecture_officer', region: '540200' },
      { username: 'county', role: 'county_officer', region: '540102' },
      { username: 'county2', role: 'county_officer', region: '540202' },
      { username: 'finance', role: 'finance_officer', region: '540000' },
      { username: 'leader1', role: 'leader', region: '540000' },
      { username: 'admin', role: 'admin', region: '540000' },
    ],
  })
  region = await server.login('region')
  lhasa = await server.login('lhasa')
  shigatse = await server.login('shigatse')
  county = await server.login('county')
  county2 = await server.login('county2')
  finance = await server.login('finance')
  leader1 = await server.login('leader1')
  admin = await server.login('admin')
})
after(async () => {
  await server?.stop()
})

const json = async (res) => ({ status: res.status, body: await res.json() })
const get = async (p, client = region) => json(await client.get(p))
const post = async (p, body, client = region) => json(await client.post(p, body))
const assignment = (over) => ({
  region_code: '540102', leader_name: '张三', post: '自治区副主席', level: 'region',
  period_from: '2023-01-01', period_to: '2023-12-31', ...over,
})
const row = (view, code) => view.rows.find((r) => r.region_code === code)

test('包保: assignments of the right level; coverage lists the gap', async () => {
  const a = await post('/api/v1/baobao', assignment({ username: 'leader1' }))
  assert.equal(a.status, 201, JSON.stringify(a.body))
  assert.deepEqual([a.body.region_name, a.body.region_level, a.body.level, a.body.username], ['城关区', 'county', 'region', 'leader1'])
  assert.equal((await post('/api/v1/baobao', assignment({ region_code: '540121', leader_name: '李四' }))).status, 201)
  assert.equal((await post('/api/v1/baobao', assignment({ region_code: '540102001', leader_name: '王五', post: '拉萨市副市长', level: 'prefecture' }), lhasa)).status, 201)

  // Refusals: a regional leader on a township, a leader on an ordinary township, an unknown
  // level, a county officer (no dispatch rights), a prefecture outside its own subtree.
  const wrong = await post('/api/v1/baobao', assignment({ region_code: '540121001' }))
  assert.deepEqual([wrong.status, wrong.body.error.code], [400, 'invalid_argument'])
  assert.equal((await post('/api/v1/baobao', assignment({ region_code: '540102002', level: 'county' }))).status, 400)
  assert.equal((await post('/api/v1/baobao', assignment({ level: 'village' }))).status, 400)
  const missing = await post('/api/v1/baobao', assignment({ leader_name: '' }))
  assert.deepEqual([missing.status, missing.body.error.details[0].column], [400, 'leader_name'])
  assert.equal((await post('/api/v1/baobao', assignment(), county)).status, 403)
  assert.equal((await post('/api/v1/baobao', assignment({ region_code: '540121001', level: 'prefecture' }), shigatse)).status, 403)

  // Counties: 城关区, 林周县 covered, 桑珠孜区 not; key townships: 蔡公堂乡 covered, 春堆乡 not.
  const c = await get('/api/v1/baobao/coverage?region=540000&as_of=2023-06-30')
  assert.equal(c.status, 200, JSON.stringify(c.body))
  assert.deepEqual(c.body, {
    as_of: '2023-06-30', counties_total: 3, counties_covered: 2, key_townships_total: 2, key_townships_covered: 1,
    uncovered: [
      { region_code: '540121001', name: '春堆乡', level: 'township' },
      { region_code: '540202', name: '桑珠孜区', level: 'county' },
    ],
  })
  // After the period nobody covers anything.
  const later = await get('/api/v1/baobao/coverage?region=540000&as_of=2024-01-01')
  assert.deepEqual([later.body.counties_covered, later.body.key_townships_covered, later.body.uncovered.length], [0, 0, 5])
  // A prefecture sees its own subtree; the list is scoped.
  const own = await get('/api/v1/baobao/coverage?region=540200&as_of=2023-06-30', shigatse)
  assert.deepEqual([own.body.counties_total, own.body.counties_covered], [1, 0])
  assert.equal((await get('/api/v1/baobao/coverage?region=540100', shigatse)).status, 403)
  const list = await get('/api/v1/baobao?region=540100')
  assert.deepEqual(list.body.items.map((i) => i.region_code), ['540102', '540102001', '540121'])
  assert.equal(list.body.total, 3)

  // The CLI answers the same.
  const out = cli(['baobao', 'coverage', '--db', server.db, '--region', '540000', '--as-of', '2023-06-30'])
  assert.equal(out.status, 0, out.stderr)
  assert.deepEqual(JSON.parse(out.stdout), c.body)
})

test('我包保的: the leader sees their county with its figures and place in the ranking', async () => {
  const mine = await get('/api/v1/baobao/mine?as_of=2023-05-31', leader1)
  assert.equal(mine.status, 200, JSON.stringify(mine.body))
  assert.equal(mine.body.items.length, 1)
  const u = mine.body.items[0]
  assert.deepEqual([u.region_code, u.figures.expend_progress, u.rank, u.rank_size], ['540102', 20, 2, 2])
  assert.equal((await get('/api/v1/baobao/mine?as_of=2023-05-31', county)).body.items.length, 0)
})

test('月调度: the snapshot is frozen under a late entry; month over month from snapshots', async () => {
  const may = await json(await region.fetch('/api/v1/dispatch/540000/2023-05', { method: 'POST' }))
  assert.equal(may.status, 201, JSON.stringify(may.body))
  assert.deepEqual([may.body.month, may.body.cutoff, may.body.status, may.body.opened_by], ['2023-05', '2023-05-31', 'open', 'region'])
  assert.ok(may.body.watermark >= 4)
  assert.deepEqual(may.body.reviewers, ['540100', '540200'])
  assert.deepEqual(may.body.rows.map((r) => r.region_code), ['540100', '540102', '540121', '540200', '540202'])
  assert.deepEqual([row(may.body, '540102').figures.expend_progress, row(may.body, '540102').rank], [20, 2])
  assert.deepEqual([row(may.body, '540121').figures.expend_progress, row(may.body, '540121').rank], [50, 1])
  assert.deepEqual([row(may.body, '540202').figures.expend_progress, row(may.body, '540202').rank], [null, null])
  assert.deepEqual([row(may.body, '540100').figures.expend_progress, row(may.body, '540100').rank], [40, 1])
  assert.equal(row(may.body, '540102').previous, null)

  const again = await json(await region.fetch('/api/v1/dispatch/540000/2023-05', { method: 'POST' }))
  assert.deepEqual([again.status, again.body.error.code], [409, 'already_exists'])
  assert.equal((await json(await county.fetch('/api/v1/dispatch/540000/2023-05', { method: 'POST' }))).status, 403)
  assert.equal((await json(await region.fetch('/api/v1/dispatch/540000/2023-13', { method: 'POST' }))).status, 400)

  // The late entry, dated inside May.
  const late = await post('/api/v1/ledger', {
    entry_id: 'E3', date: '2023-05-25', kind: 'expend', fund_source: 'central', fund_year: 2023,
    region_code: '540102', project_code: 'Q1', amount_fen: 10_000_000, payee: '西藏高原建设工程有限公司', payee_type: 'enterprise',
  }, finance)
  assert.equal(late.status, 201, JSON.stringify(late.body))
  const frozen = await get('/api/v1/dispatch/540000/2023-05')
  assert.equal(frozen.status, 200)
  assert.equal(row(frozen.body, '540102').figures.expend_progress, 20)
  assert.equal(row(frozen.body, '540102').figures.expended_fen, 20_000_000)
  assert.equal(row(frozen.body, '540102').live.expend_progress, 30)
  const live = await get('/api/v1/indicators?region=540102&year=2023&as_of=2023-05-31')
  assert.equal(live.body.expend_progress, 30)

  const june = await json(await region.fetch('/api/v1/dispatch/540000/2023-06', { method: 'POST' }))
  assert.equal(june.status, 201)
  const cg = row(june.body, '540102')
  assert.deepEqual([cg.figures.expend_progress, cg.previous.expend_progress, cg.expend_progress_mom_pts], [30, 20, 10])
  assert.equal(row(june.body, '540121').expend_progress_mom_pts, 0)

  // A county reads its own part of the province's dispatch; the list shows the cycles above it.
  const part = await get('/api/v1/dispatch/540000/2023-06', county)
  assert.deepEqual(part.body.rows.map((r) => r.region_code), ['540102'])
  const cycles = await get('/api/v1/dispatch?region=540102', county)
  assert.deepEqual(cycles.body.items.map((c) => c.month), ['2023-06', '2023-05'])
  assert.equal((await get('/api/v1/dispatch/540000/2023-07')).status, 404)

  const shown = cli(['dispatch', 'show', '--db', server.db, '--region', '540000', '--month', '2023-05'])
  assert.equal(shown.status, 0, shown.stderr)
  assert.equal(row(JSON.parse(shown.stdout), '540102').figures.expend_progress, 20)
})

test('填报 → 审核 → 关闭: units file until their prefecture reviews; the region closes', async () => {
  // May's deadline (06-10) is long past.
  const tooLate = await post('/api/v1/dispatch/540000/2023-05/filings', { region_code: '540102', explanation: '说明', next_plan: '计划' }, county)
  assert.deepEqual([tooLate.status, tooLate.body.error.code], [409, 'conflict'])
  // This month's dispatch is open for filing.
  const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7) // the server's month is Beijing's
  assert.equal((await json(await region.fetch(`/api/v1/dispatch/540000/${month}`, { method: 'POST' }))).status, 201)
  const base = `/api/v1/dispatch/540000/${month}`
  const filed = await post(`${base}/filings`, { region_code: '540102', explanation: '二季度集中开工', next_plan: '完成招标' }, county)
  assert.equal(filed.status, 200, JSON.stringify(filed.body))
  assert.deepEqual(filed.body.filings.map((f) => [f.region_code, f.filed_by]), [['540102', 'county']])
  assert.equal((await post(`${base}/filings`, { region_code: '540102', explanation: 'x', next_plan: 'y' }, county2)).status, 403)
  const empty = await post(`${base}/filings`, { region_code: '540102', explanation: '', next_plan: '' }, county)
  assert.deepEqual([empty.status, empty.body.error.details.map((d) => d.column)], [400, ['explanation', 'next_plan']])

  assert.equal((await post(`${base}/close`, {})).status, 409)
  assert.equal((await post(`${base}/review`, { region_code: '540100' }, shigatse)).status, 403)
  const r1 = await post(`${base}/review`, { region_code: '540100' }, lhasa)
  assert.equal(r1.status, 200, JSON.stringify(r1.body))
  assert.equal(r1.body.status, 'open')
  assert.equal((await post(`${base}/filings`, { region_code: '540102', explanation: 'x', next_plan: 'y' }, county)).status, 409)
  const r2 = await post(`${base}/review`, { region_code: '540200' }, shigatse)
  assert.equal(r2.body.status, 'reviewed')
  assert.equal((await post(`${base}/close`, {}, lhasa)).status, 403)
  const closed = await post(`${base}/close`, {})
  assert.deepEqual([closed.status, closed.body.status, closed.body.closed_by], [200, 'closed', 'region'])

  // Every step is in the audit trail.
  const audit = await get('/api/v1/audit?entity=dispatch', admin)
  assert.equal(audit.status, 200, JSON.stringify(audit.body))
  const actions = audit.body.items.map((i) => i.action)
  for (const a of ['dispatch.open', 'dispatch.file', 'dispatch.review', 'dispatch.close']) assert.ok(actions.includes(a), a)
})

// 2023-W27, as of Monday 07-03: time progress 184 ÷ 365 = 50.41%. 城关区 (E1 + E3 = 300,000 of
// 1,000,000) is behind by 20.41 points > 10: reminded, to the county and to its 包保 leader
// (leader1). 林周县 (50.00%) is 0.41 behind; 桑珠孜区 has no figure. No project is late.
test('点对点提醒: generated once per week, listed, acknowledged by the recipient only', async () => {
  const first = await post('/api/v1/reminders/generate', { region: '540000', week: '2023-W27' })
  assert.equal(first.status, 201, JSON.stringify(first.body))
  assert.deepEqual([first.body.as_of, first.body.created, first.body.existing], ['2023-07-03', 2, 0])
  assert.deepEqual(first.body.items.map((r) => [r.kind, r.target_region_code, r.project_code, r.recipient.kind, r.recipient.name]), [
    ['county_behind_time', '540102', null, 'unit', '城关区'],
    ['county_behind_time', '540102', null, 'leader', '张三'],
  ])
  assert.deepEqual(first.body.items[0].triggered_by, { metric: 'expend_progress_behind_time_pts', value: 20.41, threshold: 10 })
  assert.equal(first.body.items[0].status, 'unread')
  const again = await post('/api/v1/reminders/generate', { region: '540000', week: '2023-W27' })
  assert.deepEqual([again.status, again.body.created, again.body.existing], [200, 0, 2])
  assert.equal((await post('/api/v1/reminders/generate', { region: '540000', week: '2023-W60' })).status, 400)
  assert.equal((await post('/api/v1/reminders/generate', { region: '540102', week: '2023-W27' }, county)).status, 403)

  const box = await get('/api/v1/reminders?mine=1', county)
  assert.deepEqual([box.body.total, box.body.unread, box.body.items[0].recipient.kind], [1, 1, 'unit'])
  const [toUnit, toLeader] = first.body.items
  const ack = (id, client, body) => client.fetch(`/api/v1/reminders/${id}/acknowledge`, { method: 'POST', json: body })
  assert.equal((await ack(toUnit.id, county2, {})).status, 404)
  assert.equal((await ack(toUnit.id, leader1, {})).status, 403)
  assert.equal((await ack(toLeader.id, county, {})).status, 403)
  const done = await json(await ack(toUnit.id, county, { reply: '本周完成两笔支出' }))
  assert.equal(done.status, 200, JSON.stringify(done.body))
  assert.deepEqual([done.body.status, done.body.acknowledged_by, done.body.reply], ['acknowledged', 'county', '本周完成两笔支出'])
  assert.equal((await ack(toUnit.id, county, {})).status, 409)
  // The sender sees who has not acknowledged: the leader.
  const open = await get('/api/v1/reminders?region=540000&week=2023-W27&status=unread')
  assert.deepEqual(open.body.items.map((r) => r.recipient.name), ['张三'])
  assert.equal((await ack(toLeader.id, leader1, {})).status, 200)
  assert.equal((await get('/api/v1/reminders?mine=1&status=unread', leader1)).body.total, 0)
})

// 施工季 (docs/definitions.md §7): 日喀则市 owns June–October from 2020. 30 in-season days before
// 2024-06-20 for 桑珠孜区: 06-19 … 06-01 (19), then 2023's October 31 … 21 (11) → start 2023-10-21.
// A deadline of 2024-12-10 is out of season (warned); its 30 days are 10-31 … 10-02 → 2024-10-02.
test('施工季: backward scheduling counts in-season days of the unit and warns of an out-of-season deadline', async () => {
  for (const [key, value] of [['construction_season_start_month', 6], ['construction_season_end_month', 10]]) {
    const r = await post('/api/v1/library/policies', { key, value, effective_from: '2020-01-01', region_code: '540200' }, admin)
    assert.ok(r.status < 300, JSON.stringify(r.body))
  }
  const bad = await post('/api/v1/library/policies', { key: 'construction_season_start_month', value: 13, effective_from: '2020-01-01', region_code: '540200' }, admin)
  assert.deepEqual([bad.status, bad.body.error.code], [400, 'invalid_argument'])
  const schedule = (body, client = county2) => post('/api/v1/library/schedule', body, client)
  const work = [{ name: '施工', duration_days: 30 }]
  const inSeason = await schedule({ deadline: '2024-06-20', milestones: work, region_code: '540202' })
  assert.equal(inSeason.status, 200, JSON.stringify(inSeason.body))
  assert.equal(inSeason.body.start, '2023-10-21')
  assert.deepEqual(inSeason.body.season, { start_month: 6, end_month: 10 })
  assert.deepEqual(inSeason.body.warnings, [])
  const late = await schedule({ deadline: '2024-12-10', milestones: work, region_code: '540202' })
  assert.equal(late.body.start, '2024-10-02')
  assert.deepEqual(late.body.warnings.map((w) => [w.code, w.milestone, w.date]), [['outside_season', '施工', '2024-12-10']])
  // Without a unit: calendar days, no season.
  const calendar = await schedule({ deadline: '2024-06-20', milestones: work })
  assert.deepEqual([calendar.body.start, calendar.body.season], ['2024-05-21', null])
  // 城关区 keeps the whole year: the calendar's dates.
  assert.equal((await schedule({ deadline: '2024-06-20', milestones: work, region_code: '540102' }, county)).body.start, '2024-05-21')
  assert.equal((await schedule({ deadline: '2024-06-20', milestones: work, region_code: '540202' }, county)).status, 403)
  assert.equal((await schedule({ deadline: '2024-06-20', milestones: work, region_code: '549999' }, admin)).status, 404)
  assert.equal((await schedule({ deadline: '2024-06-20', milestones: work, region_code: 540202 })).status, 400)
})
