// Classification and plans of operating assets, income with its distribution, yield and the idle or
// loss-making list (issue #20 point 3) over HTTP on SQLite and PostgreSQL. Figures by hand:
//
// Operating assets: P1 城关区 540102 200,000 元; P2 540102 50,000 元, idle; P3 桑珠孜区 540202 100,000 元.
// Public welfare: G1 540102.
// Income 2026: P1 12,000 元 (06-30, distributed by the meeting of 07-05) + 3,000 元 (12-31) = 15,000 元 → 15,000 ÷
//   200,000 = 7.50%; P3 −2,000 元 (a loss) → −2.00%; P2 none. 2025: P1 5,000 元 (not in 2026).
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer } from '../lib/server.mjs'

let server, admin, county, county2, leader
before(async () => {
  server = await startServer({
    users: [
      { username: 'admin', role: 'admin', region: '540000' },
      { username: 'county', role: 'county_officer', region: '540102' },
      { username: 'county2', role: 'county_officer', region: '540202' },
      { username: 'region', role: 'region_officer', region: '540000' },
      { username: 'leader', role: 'leader', region: '540000' },
    ],
  })
  admin = await server.login('admin')
  county = await server.login('county')
  county2 = await server.login('county2')
  leader = await server.login('leader')
  const region = await server.login('region')
  const asset = (code, regionCode, fen, type = 'operating', status = 'in_use') =>
    ({ asset_code: code, name: `资产${code}`, region_code: regionCode, asset_type: type, owner_level: 'village', original_value_fen: fen, status })
  const saved = await region.post('/api/v1/assets', {
    items: [asset('P1', '540102', 20_000_000), asset('P2', '540102', 5_000_000, 'operating', 'idle'),
      asset('P3', '540202', 10_000_000), asset('G1', '540102', 1_000_000, 'public_welfare')],
  })
  assert.equal(saved.status, 201, await saved.text())
})
after(async () => {
  await server?.stop()
})

const json = async (res) => ({ status: res.status, body: await res.json() })
const put = async (client, path, body) => json(await client.fetch(path, { method: 'PUT', json: body }))

test('class labels are policy data: defaults, then the national wording', async () => {
  const labels = await json(await county.get('/api/v1/asset-classes'))
  assert.equal(labels.status, 200)
  assert.deepEqual(labels.body.items.map((l) => l.label), ['巩固', '提升', '盘活', '另起炉灶'])
  assert.equal((await put(county, '/api/v1/asset-classes', { items: [{ asset_class: 'upgrade', label: '升级' }] })).status, 403)
  const changed = await put(admin, '/api/v1/asset-classes', { items: [{ asset_class: 'upgrade', label: '升级' }, { asset_class: 'restart', label: '调整' }] })
  assert.equal(changed.status, 200, JSON.stringify(changed.body))
  assert.deepEqual(changed.body.items.map((l) => l.label), ['巩固', '升级', '盘活', '调整'])
  const bad = await put(admin, '/api/v1/asset-classes', { items: [{ asset_class: 'grow', label: 'x' }] })
  assert.deepEqual([bad.status, bad.body.error.code], [400, 'unknown_class'])
})

test('plans, income with the meeting decision, yield and the idle or loss-making list', async () => {
  const plan = await put(county, '/api/v1/assets/P1/plan', { asset_class: 'upgrade', plan: '扩大养殖规模', follow_up_on: '2027-03-01' })
  assert.equal(plan.status, 200, JSON.stringify(plan.body))
  assert.deepEqual([plan.body.asset_class, plan.body.follow_up_on, plan.body.updated_by], ['upgrade', '2027-03-01', 'county'])
  assert.equal((await put(county, '/api/v1/assets/P2/plan', { asset_class: 'revitalize', plan: '招商出租' })).status, 200)
  const welfare = await put(county, '/api/v1/assets/G1/plan', { asset_class: 'consolidate', plan: 'x' })
  assert.deepEqual([welfare.status, welfare.body.error.code], [400, 'not_operating'])
  assert.equal((await put(county2, '/api/v1/assets/P1/plan', { asset_class: 'consolidate', plan: 'x' })).status, 403)

  const income = async (client, code, body) => json(await client.fetch(`/api/v1/assets/${code}/incomes`, { method: 'POST', json: body }))
  const first = await income(county, 'P1', { received_on: '2026-06-30', amount_fen: 1_200_000, distribution: '60%分红给脱贫户，40%留村集体', decided_on: '2026-07-05', decision: '村民代表会议决议〔2026〕3号' })
  assert.equal(first.status, 201, JSON.stringify(first.body))
  assert.deepEqual([first.body.decided_on, first.body.decision], ['2026-07-05', '村民代表会议决议〔2026〕3号'])
  assert.equal((await income(county, 'P1', { received_on: '2026-12-31', amount_fen: 300_000 })).status, 201)
  assert.equal((await income(county, 'P1', { received_on: '2025-12-31', amount_fen: 500_000 })).status, 201)
  assert.equal((await income(county2, 'P3', { received_on: '2026-05-01', amount_fen: -200_000 })).status, 201)
  const noDecision = await income(county, 'P1', { received_on: '2026-08-01', amount_fen: 100, distribution: '分红' })
  assert.deepEqual([noDecision.status, noDecision.body.error.code], [400, 'decision_required'])
  const zero = await income(county, 'P1', { received_on: '2026-08-01', amount_fen: 0 })
  assert.deepEqual([zero.status, zero.body.error.code], [400, 'zero_income'])
  assert.equal((await income(county2, 'P1', { received_on: '2026-08-01', amount_fen: 100 })).status, 403)
  const listed = await json(await leader.get('/api/v1/assets/P1/incomes'))
  assert.equal(listed.status, 200)
  assert.deepEqual(listed.body.items.map((i) => i.received_on), ['2025-12-31', '2026-06-30', '2026-12-31'])

  const y2026 = await json(await leader.get('/api/v1/asset-yields?region=540000&from=2026-01-01&to=2026-12-31'))
  assert.equal(y2026.status, 200, JSON.stringify(y2026.body))
  assert.deepEqual(y2026.body.items.map((y) => [y.asset_code, y.asset_class, y.income_fen, y.yield, y.idle, y.loss, y.no_income]), [
    ['P1', 'upgrade', 1_500_000, 7.5, false, false, false],
    ['P2', 'revitalize', 0, 0, true, false, true],
    ['P3', null, -200_000, -2, false, true, false],
  ])
  const attention = await json(await leader.get('/api/v1/asset-yields?region=540000&from=2026-01-01&to=2026-12-31&attention=true'))
  assert.deepEqual(attention.body.items.map((y) => y.asset_code), ['P2', 'P3'])
  // Whole time: P1 20,000 ÷ 200,000 = 10%; a county sees its own assets only.
  const mine = await json(await county.get('/api/v1/asset-yields'))
  assert.deepEqual(mine.body.items.map((y) => [y.asset_code, y.yield]), [['P1', 10], ['P2', 0]])
  assert.equal((await county.get('/api/v1/asset-yields?region=540202')).status, 403)
  const backwards = await json(await leader.get('/api/v1/asset-yields?from=2026-02-01&to=2026-01-01'))
  assert.deepEqual([backwards.status, backwards.body.error.code], [400, 'bad_period'])
})
