// 约谈 (issue #17 point 4) over HTTP: the graded list of a dispatch from the policy's rules,
// escalation across dispatches, interviews recorded with commitments followed to closure, and the
// next dispatch's follow-up. Tests run in order.
//
// tests/fixtures/dispatch (see dispatch.test.mjs): central funds of 2023 allocated 城关区 1,000,000,
// 林周县 2,000,000 (01-10); expended 城关区 200,000 (05-20), 林周县 1,000,000 (05-10); 桑珠孜区
// nothing (unranked). Policy here: interview_bottom_n = 1; interview_behind_time_bp 2000 (default).
//   April (cut-off 04-30): both 0.00%; tie → lower code: 城关区 1, 林周县 2 of 2 → 林周县 bottom.
//   May (05-31): 城关区 20.00% rank 2, 林周县 50.00% rank 1 → 城关区 bottom, streak 1 (April: rank 1).
//   June (06-30, quarter end): time 181 ÷ 365 = 49.59%; 城关区 20.00% is 29.59 points behind > 20
//     and bottom → streak 2 (May) → 约谈; 林周县 50.00% is ahead of time, rank 1 → not listed.
//   July (07-31): E4 300,000 for 城关区 (07-15) → 50.00%; tie with 林周县 50.00% → larger
//     expenditure first: 林周县 1, 城关区 2 → bottom, streak 3 → 问责建议. The June interview's
//     follow-up: 20.00% → 50.00%, +30.00 points, improved.
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
const open = async (month) => json(await region.fetch(`/api/v1/dispatch/540000/${month}`, { method: 'POST' }))
const listed = (list) => list.items.map((c) => [c.region_code, c.rank, c.streak, c.grade, c.reasons])
const interview = (over) => ({
  dispatch_region: '540000', month: '2023-06', region_code: '540102', grade: 'interview', date: '2023-07-10',
  interviewer: '自治区乡村振兴局局长', interviewees: ['城关区分管副区长'], attendees: ['拉萨市乡村振兴局'],
  commitments: [{ text: '7月底前完成大棚项目进度款支付', deadline: '2023-07-31' }, { text: '建立周调度台账', deadline: '2023-08-15' }],
  ...over,
})

test('约谈名单: bottom N and behind time at a quarter end, graded by the streak of dispatches', async () => {
  const policy = await post('/api/v1/library/policies', { key: 'interview_bottom_n', value: 1, effective_from: '2023-01-01' }, admin)
  assert.equal(policy.status, 201, JSON.stringify(policy.body))
  for (const month of ['2023-04', '2023-05', '2023-06']) assert.equal((await open(month)).status, 201, month)

  const april = await get('/api/v1/interviews/candidates?region=540000&month=2023-04')
  assert.equal(april.status, 200, JSON.stringify(april.body))
  assert.deepEqual([april.body.quarter_end, april.body.bottom_n, april.body.behind_time_pts], [false, 1, 20])
  // Rank 2 of 2 is in the bottom 1; rank 1 (= ranked − N) is not; the unranked 桑珠孜区 never is.
  assert.deepEqual(listed(april.body), [['540121', 2, 1, 'reminder_talk', ['bottom_n']]])

  const may = await get('/api/v1/interviews/candidates?region=540000&month=2023-05')
  assert.deepEqual(listed(may.body), [['540102', 2, 1, 'reminder_talk', ['bottom_n']]])

  const june = await get('/api/v1/interviews/candidates?region=540000&month=2023-06')
  assert.equal(june.body.quarter_end, true)
  assert.deepEqual(listed(june.body), [['540102', 2, 2, 'interview', ['bottom_n', 'behind_time_at_quarter_end']]])
  const cg = june.body.items[0]
  assert.deepEqual([cg.region_name, cg.expend_progress, cg.time_progress, cg.behind_time_pts], ['城关区', 20, 49.59, 29.59])

  // Scope: a county reads its own row of the province's list, another county none.
  assert.deepEqual(listed((await get('/api/v1/interviews/candidates?region=540000&month=2023-06', county)).body), listed(june.body))
  assert.deepEqual((await get('/api/v1/interviews/candidates?region=540000&month=2023-06', county2)).body.items, [])
  assert.equal((await get('/api/v1/interviews/candidates?region=540000&month=2023-09')).status, 404)
  assert.equal((await get('/api/v1/interviews/candidates?region=540000&month=2023-13')).status, 400)
  assert.equal((await get('/api/v1/interviews/candidates?region=540200&month=2023-06', county)).status, 403)
})

let recorded
test('约谈记录: recorded by the dispatching side; every missing part refused by column', async () => {
  const bad = await post('/api/v1/interviews', interview({
    interviewer: '', interviewees: [], commitments: [{ text: '', deadline: '2023-07-01' }],
  }))
  assert.equal(bad.status, 400, JSON.stringify(bad.body))
  assert.deepEqual(bad.body.error.details.map((d) => d.column),
    ['interviewer', 'interviewees', 'commitments[0].text', 'commitments[0].deadline'])
  assert.deepEqual((await post('/api/v1/interviews', interview({ commitments: [] }))).body.error.details.map((d) => d.column), ['commitments'])
  assert.equal((await post('/api/v1/interviews', interview({ grade: 'warning' }))).status, 400)
  // A key township is no county of the snapshot; a month without a dispatch is not found.
  assert.equal((await post('/api/v1/interviews', interview({ region_code: '540102001' }))).status, 400)
  assert.equal((await post('/api/v1/interviews', interview({ month: '2023-09' }))).status, 404)
  // A county does not interview itself; a prefecture only its own counties; a leader only reads.
  assert.equal((await post('/api/v1/interviews', interview(), county)).status, 403)
  assert.equal((await post('/api/v1/interviews', interview(), shigatse)).status, 403)
  assert.equal((await post('/api/v1/interviews', interview(), leader1)).status, 403)
  assert.equal((await get('/api/v1/interviews?region=540000')).body.total, 0)

  const saved = await post('/api/v1/interviews', interview())
  assert.equal(saved.status, 201, JSON.stringify(saved.body))
  recorded = saved.body
  assert.deepEqual([recorded.region_name, recorded.grade, recorded.status, recorded.created_by, recorded.followup],
    ['城关区', 'interview', 'open', 'region', null])
  assert.deepEqual(recorded.commitments.map((c) => [c.index, c.deadline, c.status]), [[0, '2023-07-31', 'open'], [1, '2023-08-15', 'open']])

  // Role-scoped lists: the region and the county see it, another county does not.
  assert.deepEqual((await get('/api/v1/interviews', county)).body.items.map((i) => i.id), [recorded.id])
  assert.equal((await get('/api/v1/interviews', county2)).body.total, 0)
  assert.equal((await get('/api/v1/interviews?region=540102', county2)).status, 403)
})

test('承诺销号: the county closes its commitments; the interview closes with the last', async () => {
  const close = (index, body, client = county) => post(`/api/v1/interviews/${recorded.id}/commitments/${index}/close`, body, client)
  assert.equal((await close(0, { note: '已支付' }, county2)).status, 404)
  assert.equal((await close(0, { note: '已支付' }, leader1)).status, 403)
  assert.equal((await close(5, { note: '已支付' })).status, 404)
  const empty = await close(0, { note: '' })
  assert.deepEqual([empty.status, empty.body.error.details[0].column], [400, 'note'])

  const first = await close(0, { note: '7月25日已支付进度款30万元' })
  assert.equal(first.status, 200, JSON.stringify(first.body))
  assert.deepEqual([first.body.commitments[0].status, first.body.commitments[0].closed_by, first.body.status], ['closed', 'county', 'open'])
  assert.deepEqual([(await close(0, { note: '再次' })).status], [409])
  const last = await close(1, { note: '台账已建立' }, lhasa)
  assert.deepEqual([last.status, last.body.commitments[1].closed_by, last.body.status], [200, 'lhasa', 'closed'])

  const audit = await get('/api/v1/audit?entity=interview', admin)
  assert.deepEqual(audit.body.items.map((i) => i.action).sort(),
    ['interview.commitment_close', 'interview.commitment_close', 'interview.create'])
})

test('next dispatch: escalation to 问责建议 and the interview follow-up from snapshots', async () => {
  const late = await post('/api/v1/ledger', {
    entry_id: 'E4', date: '2023-07-15', kind: 'expend', fund_source: 'central', fund_year: 2023,
    region_code: '540102', project_code: 'Q1', amount_fen: 30_000_000, payee: '西藏高原建设工程有限公司', payee_type: 'enterprise',
  }, finance)
  assert.equal(late.status, 201, JSON.stringify(late.body))
  // June's list is read from snapshots: the July entry changes nothing in it.
  assert.deepEqual(listed((await get('/api/v1/interviews/candidates?region=540000&month=2023-06')).body),
    [['540102', 2, 2, 'interview', ['bottom_n', 'behind_time_at_quarter_end']]])
  assert.equal((await open('2023-07')).status, 201)

  const july = await get('/api/v1/interviews/candidates?region=540000&month=2023-07')
  assert.deepEqual(listed(july.body), [['540102', 2, 3, 'accountability', ['bottom_n']]])
  assert.equal(july.body.items[0].expend_progress, 50)

  const [i] = (await get('/api/v1/interviews?region=540000')).body.items
  assert.deepEqual(i.followup, { month: '2023-07', expend_progress_before: 20, expend_progress_after: 50, change_pts: 30, improved: true })
})
