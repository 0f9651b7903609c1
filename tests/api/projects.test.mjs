// The project library over HTTP: list filters and paging over a region subtree, detail,
// lifecycle steps with optimistic concurrency, pre-procedures, and the figures following.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, cli } from '../lib/server.mjs'

let server, officer, county, leader, signers
before(async () => {
  server = await startServer({
    demo: true,
    users: [
      { username: 'region', role: 'region_officer', region: '540000' },
      { username: 'chengguan', role: 'county_officer', region: '540102' },
      { username: 'leader', role: 'leader', region: '540000' },
      // 联审联批 is signed by a user of the department itself.
      { username: 'fgw', role: 'county_officer', region: '540102', department: '发展改革委' },
      { username: 'czj', role: 'county_officer', region: '540102', department: '财政局' },
    ],
  })
  officer = await server.login('region')
  county = await server.login('chengguan')
  leader = await server.login('leader')
  signers = { 发展改革委: await server.login('fgw'), 财政局: await server.login('czj') }
})
after(async () => {
  await server?.stop()
})

const json = async (res) => ({ status: res.status, body: await res.json() })

test('lists projects of a subtree with filters and pages', async () => {
  const all = await json(await leader.get('/api/v1/projects?region=540000&year=2023&page_size=50'))
  assert.equal(all.status, 200)
  assert.equal(all.body.total, 3912) // 3,900 plus 12 cancelled
  assert.equal(all.body.items.length, 50)
  const lhasa = await json(await leader.get('/api/v1/projects?region=540100&year=2023'))
  assert.ok(lhasa.body.total > 0 && lhasa.body.total < 3912)
  assert.ok(lhasa.body.items.every((p) => p.region_code.startsWith('5401')))
  const cancelled = await json(await leader.get('/api/v1/projects?region=540000&year=2023&state=cancelled'))
  assert.equal(cancelled.body.total, 12)
  const approved = await json(await leader.get('/api/v1/projects?region=540000&year=2023&state=资金已安排'))
  assert.equal(approved.body.total, 10) // the ten not started by 2023-07-05
  const search = await json(await leader.get(`/api/v1/projects?region=540000&q=${encodeURIComponent('牦牛养殖')}`))
  assert.ok(search.body.total > 0)
  assert.ok(search.body.items.every((p) => p.name.includes('牦牛养殖')))
  const page2 = await json(await leader.get('/api/v1/projects?region=540000&year=2023&page=2&page_size=50'))
  assert.notEqual(page2.body.items[0].project_code, all.body.items[0].project_code)
  const mine = await json(await county.get('/api/v1/projects'))
  assert.ok(mine.body.items.every((p) => p.region_code.startsWith('540102')))
  assert.equal((await county.get('/api/v1/projects?region=540103')).status, 403)
  assert.equal((await leader.get('/api/v1/projects?page_size=500')).status, 400)
  assert.equal((await leader.get('/api/v1/projects?state=flying')).status, 400)
})

test('a lifecycle step with the right version moves the project and the start rate; a stale one gets 409', async () => {
  const { body: list } = await json(await leader.get('/api/v1/projects?region=540000&year=2023&state=approved&page_size=1'))
  const code = list.items[0].project_code
  const before = (await json(await leader.get('/api/v1/indicators?region=540000&year=2023&as_of=2023-07-05'))).body
  const { body: detail } = await json(await officer.get(`/api/v1/projects/${code}`))
  assert.equal(detail.status, 'approved')
  assert.ok(detail.allowed_actions.some((a) => a.action === 'start'))
  assert.equal(detail.procedures.length, 4)
  const step = (client, body) => client.post(`/api/v1/projects/${code}/transition`, body)
  // Two officers race with the same version: exactly one wins.
  const [a, b] = await Promise.all([
    step(officer, { action: 'start', date: '2023-07-01', version: detail.version }),
    step(officer, { action: 'start', date: '2023-07-01', version: detail.version }),
  ])
  assert.deepEqual([a.status, b.status].sort(), [200, 409])
  const after = (await json(await leader.get('/api/v1/indicators?region=540000&year=2023&as_of=2023-07-05'))).body
  assert.equal(after.projects_started, before.projects_started + 1)
  assert.equal(after.start_rate, 99.77) // 3891 / 3900
  const { body: started } = await json(await leader.get(`/api/v1/projects/${code}`))
  assert.equal(started.status, 'started')
  assert.equal(started.actual_start, '2023-07-01')
  assert.equal(started.version, detail.version + 1)
  assert.equal(started.transitions.at(-1).action, 'start')
  assert.equal(started.transitions.at(-1).actor, 'region')
  // The wrong step names the current state; a reader may not act; reasons are required where due.
  const wrong = await json(await step(officer, { action: 'plan', version: started.version }))
  assert.equal(wrong.status, 409)
  assert.match(wrong.body.error.message, /项目当前状态为「开工」，不能执行「纳入年度计划」/)
  assert.equal((await step(leader, { action: 'finish', version: started.version })).status, 403)
  assert.deepEqual((await json(await leader.get(`/api/v1/projects/${code}`))).body.allowed_actions, [])
  assert.equal((await step(officer, { action: 'finish', version: 'x' })).status, 400)
})

test('funds can be arranged only when every pre-procedure has a document number', async () => {
  // A fresh library project walks the procedure up to the plan.
  const csv = 'project_code,name,year,region_code,category\nLIB-1,城关区八廓街道牦牛养殖项目,2024,540102,0101\n'
  const imported = await officer.fetch('/api/v1/imports/projects', { method: 'POST', body: csv, headers: { 'Content-Type': 'text/csv' } })
  assert.equal(imported.status, 200, await imported.clone().text())
  let version = 1
  for (const action of ['submit', 'township_approve', 'county_review', 'admit', 'plan']) {
    if (action === 'admit') {
      // 城关区 requires its departments' sign-offs and a finished posting before admission.
      for (const department of ['发展改革委', '财政局']) {
        const s = await signers[department].post('/api/v1/projects/LIB-1/signoffs', { department, decision: 'approve' })
        assert.equal(s.status, 201, await s.clone().text())
      }
      const start = new Date(Date.now() - 30 * 86400_000).toISOString().slice(0, 10)
      const p = await county.post('/api/v1/projects/LIB-1/postings', { place: '村务公开栏', start, days: 10 })
      assert.equal(p.status, 201, await p.clone().text())
    }
    const r = await json(await county.post('/api/v1/projects/LIB-1/transition', { action, version }))
    assert.equal(r.status, 200, JSON.stringify(r.body))
    version = r.body.version
  }
  const blocked = await json(await county.post('/api/v1/projects/LIB-1/transition', { action: 'arrange_funds', version }))
  assert.equal(blocked.status, 409)
  assert.match(blocked.body.error.message, /用地手续/)
  assert.equal((await county.fetch('/api/v1/projects/LIB-1/procedures/land', { method: 'PUT', json: { complete: true } })).status, 400)
  for (const kind of ['land', 'environment', 'feasibility', 'tender_or_work_relief']) {
    const r = await county.fetch(`/api/v1/projects/LIB-1/procedures/${kind}`, { method: 'PUT', json: { complete: true, document_ref: `城发〔2024〕${kind}` } })
    assert.equal(r.status, 200)
  }
  const ok = await json(await county.post('/api/v1/projects/LIB-1/transition', { action: 'arrange_funds', version }))
  assert.equal(ok.status, 200, JSON.stringify(ok.body))
  assert.equal(ok.body.status, 'approved')
  assert.ok(ok.body.procedures.every((p) => p.complete))
  const cancel = await json(await county.post('/api/v1/projects/LIB-1/transition', { action: 'cancel', version: ok.body.version }))
  assert.equal(cancel.status, 400) // a reason is required
  assert.equal((await leader.get('/api/v1/projects/NOPE')).status, 404)
})
