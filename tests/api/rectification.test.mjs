// Rectification of supervision findings (问题整改, issue #18 point 2) over HTTP on SQLite and
// PostgreSQL: every state transition allowed and refused, who may take each step, stale versions,
// overdue items and the rectification rate (docs/definitions.md §9), all hand-computed below.
//
// One visit of 西藏 (2023-03-01) finds F1 in 城关区 540102 and F2 in 桑珠孜区 540202.
// F1 goes open → rectifying → submitted → returned → submitted → verified (versions 1 … 6).
// F2 is assigned a deadline of 2023-04-30 and stays open: overdue (the server's today is past it).
// Rates, visits starting in 2023: 西藏 2 findings, 1 verified → 50%; 拉萨市 1/1 → 100%;
// 日喀则市 0/1 → 0%, 1 overdue; 昌都市 no findings → null.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer } from '../lib/server.mjs'

let server, sup, county, county2, leader, admin
let f1, f2
before(async () => {
  server = await startServer({
    users: [
      { username: 'sup', role: 'supervisor', region: '540000' },
      { username: 'county', role: 'county_officer', region: '540102' },
      { username: 'county2', role: 'county_officer', region: '540202' },
      { username: 'leader', role: 'leader', region: '540000' },
      { username: 'admin', role: 'admin', region: '540000' },
    ],
  })
  sup = await server.login('sup')
  county = await server.login('county')
  county2 = await server.login('county2')
  leader = await server.login('leader')
  admin = await server.login('admin')
  const res = await sup.post('/api/v1/supervision/visits', {
    region_code: '540000', title: '2023年第一批督导', team: ['张三'], start_date: '2023-03-01', end_date: '2023-03-05',
    regions: ['540102', '540202'],
    findings: [
      { category: 'fund_use', region_code: '540102', description: '资金闲置' },
      { category: 'progress', region_code: '540202', description: '开工滞后' },
    ],
  })
  const visit = await res.json()
  assert.equal(res.status, 201, JSON.stringify(visit))
  ;[f1, f2] = visit.findings.map((f) => f.id)
})
after(async () => {
  await server?.stop()
})

const json = async (res) => ({ status: res.status, body: await res.json() })
const rectify = async (client, id, body) => json(await client.post(`/api/v1/supervision/rectifications/${id}/rectify`, body))
const review = async (client, id, body) => json(await client.post(`/api/v1/supervision/rectifications/${id}/review`, body))
const refused = (res, status, code) => {
  assert.equal(res.status, status, JSON.stringify(res.body))
  assert.equal(res.body.error.code, code, JSON.stringify(res.body))
}

test('every finding becomes an open item; a county sees only its own', async () => {
  const mine = await json(await county.get('/api/v1/supervision/rectifications'))
  assert.deepEqual(mine.body.items.map((i) => [i.id, i.status, i.region_code, i.finding.category]), [[f1, 'open', '540102', 'fund_use']])
  const all = await json(await leader.get('/api/v1/supervision/rectifications'))
  assert.equal(all.body.total, 2)
  assert.equal((await county.get(`/api/v1/supervision/rectifications/${f2}`)).status, 403)
  assert.equal((await county.get('/api/v1/supervision/rectifications/999999')).status, 404)
  refused(await json(await leader.get('/api/v1/supervision/rectifications?status=closed')), 400, 'unknown_status')
})

test('the lifecycle: each step allowed from its states only, by its side, with what it needs', async () => {
  // Who: the supervisor cannot rectify, the county cannot review, another county cannot touch F1.
  refused(await rectify(sup, f1, { action: 'start', version: 1 }), 403, 'permission_denied')
  refused(await review(county, f1, { action: 'assign', version: 1, owner: '李四' }), 403, 'permission_denied')
  refused(await rectify(county2, f1, { action: 'start', version: 1, owner: '王五', deadline: '2023-04-30', measures: 'x' }), 403, 'permission_denied')
  refused(await review(sup, f1, { action: 'start', version: 1 }), 400, 'unknown_action')
  // open: start needs owner, deadline and measures; submit, verify and return are refused.
  refused(await rectify(county, f1, { action: 'start', version: 1, measures: '盘活资金' }), 400, 'missing_field')
  refused(await rectify(county, f1, { action: 'submit', version: 1, evidence: '凭证' }), 409, 'bad_transition')
  refused(await review(sup, f1, { action: 'verify', version: 1, note: '好' }), 409, 'bad_transition')
  refused(await review(sup, f1, { action: 'return', version: 1, note: '不行' }), 409, 'bad_transition')
  let r = await rectify(county, f1, { action: 'start', version: 1, owner: '李四', deadline: '2023-04-30', measures: '盘活闲置资金' })
  assert.equal(r.status, 200, JSON.stringify(r.body))
  assert.deepEqual([r.body.status, r.body.version, r.body.owner, r.body.deadline], ['rectifying', 2, '李四', '2023-04-30'])
  // rectifying: a stale version and a second start are refused; submit needs evidence.
  refused(await rectify(county, f1, { action: 'submit', version: 1, evidence: '凭证' }), 409, 'stale_version')
  refused(await rectify(county, f1, { action: 'start', version: 2, measures: 'x' }), 409, 'bad_transition')
  refused(await review(sup, f1, { action: 'verify', version: 2, note: '好' }), 409, 'bad_transition')
  refused(await rectify(county, f1, { action: 'submit', version: 2 }), 400, 'missing_field')
  r = await rectify(county, f1, { action: 'submit', version: 2, evidence: '资金已拨付至项目账户' })
  assert.deepEqual([r.status, r.body.status, r.body.version], [200, 'submitted', 3])
  // submitted: the unit can do nothing; return needs a reason.
  refused(await rectify(county, f1, { action: 'submit', version: 3, evidence: '再交' }), 409, 'bad_transition')
  refused(await review(sup, f1, { action: 'return', version: 3 }), 400, 'missing_field')
  r = await review(sup, f1, { action: 'return', version: 3, note: '缺支付凭证' })
  assert.deepEqual([r.status, r.body.status, r.body.version, r.body.verification], [200, 'returned', 4, '缺支付凭证'])
  // returned: verify is refused; the unit submits again; verify needs a note, then 销号.
  refused(await review(sup, f1, { action: 'verify', version: 4, note: '好' }), 409, 'bad_transition')
  r = await rectify(county, f1, { action: 'submit', version: 4, evidence: '补充支付凭证' })
  assert.deepEqual([r.status, r.body.status, r.body.version], [200, 'submitted', 5])
  refused(await review(sup, f1, { action: 'verify', version: 5 }), 400, 'missing_field')
  r = await review(sup, f1, { action: 'verify', version: 5, note: '整改到位，予以销号' })
  assert.deepEqual([r.status, r.body.status, r.body.version, r.body.verified_by, r.body.overdue], [200, 'verified', 6, 'sup', false])
  // verified is final.
  for (const [fn, action] of [[review, 'verify'], [review, 'return'], [review, 'assign'], [rectify, 'start'], [rectify, 'submit']]) {
    refused(await fn(fn === review ? sup : county, f1, { action, version: 6, note: 'x', owner: 'x', evidence: 'x', measures: 'x' }), 409, 'bad_transition')
  }
  const one = await json(await county.get(`/api/v1/supervision/rectifications/${f1}`))
  assert.deepEqual(one.body.events.map((e) => [e.action, e.from_status, e.to_status, e.actor]), [
    ['start', 'open', 'rectifying', 'county'], ['submit', 'rectifying', 'submitted', 'county'],
    ['return', 'submitted', 'returned', 'sup'], ['submit', 'returned', 'submitted', 'county'],
    ['verify', 'submitted', 'verified', 'sup']])
  const audit = await json(await admin.get(`/api/v1/audit?entity=rectification:${f1}`))
  assert.equal(audit.body.total, 5)
})

test('an item past its deadline is overdue; rates per unit are hand-computed', async () => {
  refused(await review(sup, f2, { action: 'assign', version: 1 }), 400, 'missing_field')
  const r = await review(sup, f2, { action: 'assign', version: 1, owner: '王五', deadline: '2023-04-30' })
  assert.deepEqual([r.status, r.body.status, r.body.version, r.body.overdue], [200, 'open', 2, true])
  const overdue = await json(await leader.get('/api/v1/supervision/rectifications?overdue=1'))
  assert.deepEqual(overdue.body.items.map((i) => i.id), [f2])
  const rates = await json(await leader.get('/api/v1/supervision/rectification-rates?region=540000&from=2023-01-01&to=2023-12-31'))
  const by = Object.fromEntries(rates.body.items.map((i) => [i.region_code, [i.findings, i.verified, i.overdue, i.rate]]))
  assert.deepEqual(by['540000'], [2, 1, 1, 50])
  assert.deepEqual(by['540100'], [1, 1, 0, 100])
  assert.deepEqual(by['540200'], [1, 0, 1, 0])
  assert.deepEqual(by['540300'], [0, 0, 0, null])
  // A period without visits has no findings.
  const later = await json(await leader.get('/api/v1/supervision/rectification-rates?region=540000&from=2024-01-01'))
  assert.deepEqual(later.body.items[0], { region_code: '540000', name: '西藏自治区', findings: 0, verified: 0, overdue: 0, rate: null })
  assert.equal((await county.get('/api/v1/supervision/rectification-rates?region=540000')).status, 403)
})
