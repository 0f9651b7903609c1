// Admission blockers before the click (issue #21 point 4): every allowed action of the project
// detail carries what still blocks it, computed by the guards the step runs — a missing
// sign-off, a posting not ended (with its end date), an open objection, missing pre-procedures —
// and the refusal of the step says the same words. Demo data of 城关区 (540102).
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer } from '../lib/server.mjs'
import { beijingDate } from '../lib/dates.mjs'

let server, county, other, leader, township
const signers = {}
before(async () => {
  server = await startServer({
    demo: true,
    users: [
      { username: 'chengguan', role: 'county_officer', region: '540102' },
      { username: 'duilongdeqing', role: 'county_officer', region: '540103' },
      { username: 'leader', role: 'leader', region: '540000' },
      { username: 'bakuo', role: 'township_officer', region: '540102001' },
      { username: 'fgw', role: 'county_officer', region: '540102', department: '发展改革委' },
      { username: 'czj', role: 'county_officer', region: '540102', department: '财政局' },
    ],
  })
  county = await server.login('chengguan')
  other = await server.login('duilongdeqing')
  leader = await server.login('leader')
  township = await server.login('bakuo')
  signers['发展改革委'] = await server.login('fgw')
  signers['财政局'] = await server.login('czj')
})
after(async () => {
  await server?.stop()
})

const json = async (res) => ({ status: res.status, body: await res.json() })
const detail = async (code) => {
  const r = await json(await county.get(`/api/v1/projects/${code}`))
  assert.equal(r.status, 200, JSON.stringify(r.body))
  return r.body
}
const action = (d, name) => {
  const a = d.allowed_actions.find((x) => x.action === name)
  assert.ok(a, `${name} not offered from ${d.status}`)
  return a
}
const kinds = (a) => a.blockers.map((b) => b.kind)
const step = (code, body) => county.post(`/api/v1/projects/${code}/transition`, body)
// The server's 今天 is the Beijing date (docs/definitions.md §5): from 16:00 UTC the next day.
const daysAgo = (n) => beijingDate(-n)
// No internal state or action code reaches the user.
const codeFree = (text) => assert.doesNotMatch(text, /[a-z]{3,}_[a-z]+|\b(draft|submitted|planned|approved|started|admit|plan)\b/, text)

test('a mature project offers admission unblocked, and the step goes through', async () => {
  const d = await detail('XZ2024540102L001')
  assert.equal(d.status, 'county_reviewed')
  assert.deepEqual(kinds(action(d, 'admit')), [])
  assert.deepEqual(kinds(action(d, 'reject')), [])
  const admitted = await json(await step('XZ2024540102L001', { action: 'admit', version: d.version }))
  assert.equal(admitted.status, 200, JSON.stringify(admitted.body))
  // From in_library the next steps have no gate of their own.
  assert.deepEqual(admitted.body.allowed_actions.map((a) => [a.action, a.blockers.length]), [['plan', 0], ['roll_over', 0], ['cancel', 0]])
})

test('an open objection blocks admission, named with its date and text; the refusal says the same', async () => {
  const d = await detail('XZ2024540102L002')
  const admit = action(d, 'admit')
  assert.deepEqual(kinds(admit), ['objections'])
  assert.match(admit.blockers[0].message, /未处理的异议.*温室选址占用基本农田/)
  codeFree(admit.blockers[0].message)
  const refused = await json(await step('XZ2024540102L002', { action: 'admit', version: d.version }))
  assert.equal(refused.status, 409)
  assert.equal(refused.body.error.code, 'conflict')
  assert.ok(refused.body.error.message.includes(admit.blockers[0].message), refused.body.error.message)
  assert.doesNotMatch(refused.body.error.message, /刷新/)
  codeFree(refused.body.error.message)
})

test('a running posting blocks admission until the day after its end date', async () => {
  const d = await detail('XZ2024540102L005')
  const admit = action(d, 'admit')
  assert.deepEqual(kinds(admit), ['posting'])
  const end = d.postings.find((p) => p.stage === 'admit').end
  const next = new Date(Date.parse(`${end}T00:00:00Z`) + 86400_000).toISOString().slice(0, 10)
  assert.equal(admit.blockers[0].message, `公示期未满：公示至 ${end}，${next} 起方可办理`)
  const refused = await json(await step('XZ2024540102L005', { action: 'admit', version: d.version }))
  assert.equal(refused.status, 409)
  assert.ok(refused.body.error.message.includes(admit.blockers[0].message), refused.body.error.message)
  assert.doesNotMatch(refused.body.error.message, /刷新/)
})

test('missing sign-offs and posting, then missing pre-procedures, each shown before the step and cleared by the fix', async () => {
  const code = 'BLK-1'
  const csv = `project_code,name,year,region_code,category\n${code},城关区八廓街道牦牛养殖项目,2024,540102,0101\n`
  const imported = await county.fetch('/api/v1/imports/projects', { method: 'POST', body: csv, headers: { 'Content-Type': 'text/csv' } })
  assert.equal(imported.status, 200, await imported.clone().text())
  let version = 1
  for (const a of ['submit', 'township_approve', 'county_review']) {
    const r = await json(await step(code, { action: a, version }))
    assert.equal(r.status, 200, JSON.stringify(r.body))
    version = r.body.version
  }
  let d = await detail(code)
  let admit = action(d, 'admit')
  assert.deepEqual(kinds(admit), ['signoffs', 'posting'])
  assert.equal(admit.blockers[0].message, '联审联批未完成：尚未会签：发展改革委、财政局')
  assert.match(admit.blockers[1].message, /尚未公示/)
  for (const b of admit.blockers) codeFree(b.message)
  const refused = await json(await step(code, { action: 'admit', version }))
  assert.equal(refused.status, 409)
  assert.equal(refused.body.error.code, 'conflict')
  for (const b of admit.blockers) assert.ok(refused.body.error.message.includes(b.message), refused.body.error.message)
  codeFree(refused.body.error.message)

  const signed = await json(await signers['发展改革委'].post(`/api/v1/projects/${code}/signoffs`, { department: '发展改革委', decision: 'approve' }))
  assert.equal(signed.status, 201)
  // The answer of the sign-off is a project detail too: its blockers are already current.
  assert.equal(action(signed.body, 'admit').blockers[0].message, '联审联批未完成：尚未会签：财政局')
  await signers['财政局'].post(`/api/v1/projects/${code}/signoffs`, { department: '财政局', decision: 'approve' })
  assert.deepEqual(kinds(action(await detail(code), 'admit')), ['posting'])
  assert.equal((await county.post(`/api/v1/projects/${code}/postings`, { place: '村务公开栏', start: daysAgo(30), days: 10 })).status, 201)
  d = await detail(code)
  assert.deepEqual(kinds(action(d, 'admit')), [])
  for (const a of ['admit', 'plan']) {
    const r = await json(await step(code, { action: a, version: d.version }))
    assert.equal(r.status, 200, JSON.stringify(r.body))
    d = r.body
  }
  const arrange = action(d, 'arrange_funds')
  assert.deepEqual(kinds(arrange), ['procedures'])
  assert.equal(arrange.blockers[0].message, '前置手续未完备：缺少用地手续、环评、可研/初设批复、招标或以工代赈决定（需标记完成并填写批复文号）')
  assert.deepEqual(kinds(action(d, 'cancel')), [])
  const blocked = await json(await step(code, { action: 'arrange_funds', version: d.version }))
  assert.equal(blocked.status, 409)
  assert.equal(blocked.body.error.message, `项目当前状态为「纳入年度计划」，${arrange.blockers[0].message}`)
  // Fields of the wrong type are a 400 naming the field (the fuzzer once found "complete":"…" threw), and change nothing.
  for (const body of [{ complete: '城发〔2024〕1号' }, { complete: true, document_ref: 7 }]) {
    const bad = await json(await county.fetch(`/api/v1/projects/${code}/procedures/land`, { method: 'PUT', json: body }))
    assert.equal(bad.status, 400, JSON.stringify(bad.body))
    assert.equal(bad.body.error.code, 'invalid_argument')
  }
  assert.equal(action(await detail(code), 'arrange_funds').blockers[0].message, arrange.blockers[0].message)
  for (const kind of ['land', 'environment', 'feasibility']) {
    const r = await county.fetch(`/api/v1/projects/${code}/procedures/${kind}`, { method: 'PUT', json: { complete: true, document_ref: `城发〔2024〕${kind}` } })
    assert.equal(r.status, 200)
  }
  assert.equal(action(await detail(code), 'arrange_funds').blockers[0].message, '前置手续未完备：缺少招标或以工代赈决定（需标记完成并填写批复文号）')
  await county.fetch(`/api/v1/projects/${code}/procedures/tender_or_work_relief`, { method: 'PUT', json: { complete: true, document_ref: '城发〔2024〕9号' } })
  d = await detail(code)
  assert.deepEqual(kinds(action(d, 'arrange_funds')), [])
  const ok = await json(await step(code, { action: 'arrange_funds', version: d.version }))
  assert.equal(ok.status, 200, JSON.stringify(ok.body))
  assert.equal(ok.body.status, 'approved')
})

test('a stale version is the only refusal that advises a refresh; unknown and out-of-scope projects are refused', async () => {
  const d = await detail('XZ2024540102L005')
  const stale = await json(await step('XZ2024540102L005', { action: 'reject', reason: '退回', version: d.version - 1 }))
  assert.equal(stale.status, 409)
  assert.equal(stale.body.error.code, 'stale_version')
  assert.match(stale.body.error.message, /请刷新后重试/)
  assert.equal((await detail('XZ2024540102L005')).version, d.version)
  const missing = await json(await county.get('/api/v1/projects/NOPE-404'))
  assert.equal(missing.status, 404)
  assert.equal(missing.body.error.code, 'not_found')
  const outside = await json(await other.get('/api/v1/projects/XZ2024540102L005'))
  assert.equal(outside.status, 403)
  assert.equal(outside.body.error.code, 'permission_denied')
  // A reader is offered no steps, hence no blockers.
  const read = await json(await leader.get('/api/v1/projects/XZ2024540102L005'))
  assert.equal(read.status, 200)
  assert.deepEqual(read.body.allowed_actions, [])
})

test('the county’s own steps are offered only to a caller who may take them', async () => {
  const code = 'BLK-TOWNSHIP'
  const csv = `project_code,name,year,region_code,category\n${code},八廓街道牦牛养殖项目,2024,540102001,0101\n`
  const imported = await township.fetch('/api/v1/imports/projects', { method: 'POST', body: csv, headers: { 'Content-Type': 'text/csv' } })
  assert.equal(imported.status, 200, await imported.clone().text())
  let version = 1
  for (const a of ['submit', 'township_approve']) {
    const r = await json(await township.post(`/api/v1/projects/${code}/transition`, { action: a, version }))
    assert.equal(r.status, 200, JSON.stringify(r.body))
    version = r.body.version
    if (a === 'submit') assert.deepEqual(r.body.allowed_actions.map((x) => x.action), ['township_approve', 'reject'])
  }
  const mine = await json(await township.get(`/api/v1/projects/${code}`))
  assert.deepEqual(mine.body.allowed_actions.map((x) => x.action), ['reject'])
  assert.equal((await township.post(`/api/v1/projects/${code}/transition`, { action: 'county_review', version })).status, 403)
  assert.deepEqual((await detail(code)).allowed_actions.map((x) => x.action), ['county_review', 'reject'])
})
