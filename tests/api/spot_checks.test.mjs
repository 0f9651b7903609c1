// Village supervisors and phone spot checks (电话抽查, issue #18 points 4 and 5) over HTTP on
// SQLite and PostgreSQL: the registry with phones masked (and unmasked only to who may, audited,
// never in the audit trail or the log); reproducible draws; calls; coverage per level with the
// figures worked out by hand below; every refusal.
//
// Registry (tests/fixtures/spot_checks/regions.csv adds townships and villages), ids in order:
//   1–3 八廓村 540102001001, 4–5 冲赛康村 540102001002 (城关区 540102), 6–8 东嘎村 540103001001
//   (堆龙德庆区 540103; all 拉萨市 540100) by the prefecture's supervisor; 9–10 城南村 540202001001
//   (桑珠孜区 540202, 日喀则市 540200) by the region's. 8 is then set inactive.
// Draws of the month before this one, MONTH (policy defaults: 10% rounded up, at least 5, never more than the pool):
//   540100 seed 2023: pool 1–7 (8 inactive) → size max(5, ⌈0.7⌉) = 5; sample 4 1 3 6 7
//   540000 seed 2023: pool 1–7, 9, 10 → 5; sample 2 4 3 9 7
//   540102 seed ff:   pool 1–5 → 5 (the whole pool); sample 3 1 2 5 4
// (samples from an independent Python transcription of splitmix64 and the partial Fisher–Yates of
// docs/definitions.md §9; src/domain/spot_check_test.cpp works one by hand.)
// Calls: on 540100's draw 4 reached (knows duties, log matches), 1 not reached then reached with a
// problem, 3 not reached; on 540102's draw 3 reached.
// Coverage of 西藏 540000, MONTH:
//   province: 1 unit, drew; sampled 5, called 0, target 5 → 0%.
//   prefecture: 7 units, 2 drew: 540100 (target 5, called 4 1 3 = 3, reached 4 1 = 2, knows 1,
//     log 1, problems 1) and 540200 with a generated seed (pool 9, 10 → min(2, max(5, ⌈0.2⌉)) = 2,
//     no call); the other five hold no supervisor and owe 0 → sampled 7, target 7, coverage
//     3 ÷ 7 = 42.857…% → 42.86.
//   county: 74 units, 1 drew (540102: target 5, called 1, reached 1); 540103 owes 2 (6, 7 active),
//     540202 owes 2 → target 9, coverage 1 ÷ 9 = 11.111…% → 11.11.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import { startServer, cli, repoRoot } from '../lib/server.mjs'

// The month before the current one (UTC), so the draws are never in the future, and the one before it.
const monthBefore = (d) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1))
const ym = (d) => d.toISOString().slice(0, 7)
const MONTH = ym(monthBefore(new Date()))
const EARLIER = ym(monthBefore(monthBefore(new Date())))
const THIS_MONTH = ym(new Date())
const phone = (n) => `1380000${String(n).padStart(4, '0')}`

let server, sup, prefSup, county, leader, auditor
before(async () => {
  server = await startServer({
    setup: (db) => {
      const r = cli(['import', '--db', db, '--kind', 'regions', path.join(repoRoot, 'tests', 'fixtures', 'spot_checks', 'regions.csv')])
      if (r.status !== 0) throw new Error(r.stderr)
    },
    users: [
      { username: 'sup', role: 'supervisor', region: '540000' },
      { username: 'prefsup', role: 'supervisor', region: '540100' },
      { username: 'county', role: 'county_officer', region: '540102' },
      { username: 'leader', role: 'leader', region: '540000' },
      { username: 'auditor', role: 'auditor', region: '540000' },
    ],
  })
  sup = await server.login('sup')
  prefSup = await server.login('prefsup')
  county = await server.login('county')
  leader = await server.login('leader')
  auditor = await server.login('auditor')
})
after(async () => {
  await server?.stop()
})

const json = async (res) => ({ status: res.status, body: await res.json() })
const post = async (client, p, body) => json(await client.post(p, body))
const get = async (client, p) => json(await client.get(p))
const code = (r) => r.body.error?.code

test('the registry: supervisors added with the phone masked, refusals with stable codes', async () => {
  const villages = [
    ['540102001001', 3],
    ['540102001002', 2],
    ['540103001001', 3],
  ]
  let n = 0
  for (const [village, count] of villages) {
    for (let i = 0; i < count; i++) {
      n++
      const r = await post(prefSup, '/api/v1/village-supervisors', { region_code: village, name: `监督员${n}`, phone: phone(n) })
      assert.equal(r.status, 201, JSON.stringify(r.body))
      assert.equal(r.body.id, n)
      assert.equal(r.body.phone, `1380***${String(n).padStart(4, '0')}`)
      assert.equal(r.body.masked, true)
      assert.equal(r.body.status, 'active')
    }
  }
  for (const k of [9, 10]) {
    const r = await post(sup, '/api/v1/village-supervisors', { region_code: '540202001001', name: `监督员${k}`, phone: phone(k) })
    assert.equal(r.status, 201, JSON.stringify(r.body))
    assert.equal(r.body.id, k)
  }
  // Refusals: the same phone twice in a village, a region that is not a village, a bad phone or
  // status, a village outside the caller's scope, a role that does not keep the registry.
  assert.equal(code(await post(prefSup, '/api/v1/village-supervisors', { region_code: '540102001001', name: '重复', phone: phone(1) })), 'duplicate_supervisor')
  assert.equal(code(await post(prefSup, '/api/v1/village-supervisors', { region_code: '540102', name: '县', phone: phone(50) })), 'not_a_village')
  assert.equal(code(await post(prefSup, '/api/v1/village-supervisors', { region_code: '540102001001', name: '号', phone: '12ab' })), 'bad_phone')
  assert.equal(code(await post(prefSup, '/api/v1/village-supervisors', { region_code: '540102001001', name: '状', phone: phone(51), status: 'away' })), 'bad_status')
  assert.equal((await prefSup.post('/api/v1/village-supervisors', { region_code: '540202001001', name: '外', phone: phone(52) })).status, 403)
  assert.equal((await county.post('/api/v1/village-supervisors', { region_code: '540102001001', name: '县', phone: phone(53) })).status, 403)

  const inactive = await post(prefSup, '/api/v1/village-supervisors/8/status', { status: 'inactive' })
  assert.equal(inactive.status, 200)
  assert.equal(inactive.body.status, 'inactive')
  assert.equal(code(await post(prefSup, '/api/v1/village-supervisors/8/status', { status: 'gone' })), 'bad_status')
  assert.equal((await prefSup.post('/api/v1/village-supervisors/9/status', { status: 'inactive' })).status, 403)
  assert.equal((await prefSup.post('/api/v1/village-supervisors/999/status', { status: 'inactive' })).status, 404)
})

test('the registry lists a subtree a page at a time; phones in clear only to who may, audited', async () => {
  const all = await get(prefSup, '/api/v1/village-supervisors?region=540100')
  assert.equal(all.status, 200)
  assert.equal(all.body.total, 8)
  const page = await get(prefSup, '/api/v1/village-supervisors?region=540100&page=2&page_size=3')
  assert.deepEqual(page.body.items.map((s) => s.id), [4, 5, 6])
  assert.equal(page.body.total, 8)
  const active = await get(sup, '/api/v1/village-supervisors?status=active')
  assert.equal(active.body.total, 9)
  assert.ok(active.body.items.every((s) => s.masked && s.phone.includes('***')))
  assert.equal((await county.get('/api/v1/village-supervisors?region=540100')).status, 403)
  const mine = await get(county, '/api/v1/village-supervisors')
  assert.deepEqual(mine.body.items.map((s) => s.id), [1, 2, 3, 4, 5])

  for (const c of [leader, sup, auditor]) assert.equal((await c.get('/api/v1/village-supervisors?region=540102&unmasked=true')).status, 403)
  const clear = await get(county, '/api/v1/village-supervisors?unmasked=true')
  assert.equal(clear.status, 200)
  assert.equal(clear.body.items[0].phone, phone(1))
  assert.equal(clear.body.items[0].masked, false)
  const audit = await get(auditor, '/api/v1/audit?page_size=500')
  assert.equal(audit.status, 200)
  assert.deepEqual(audit.body.items.filter((r) => r.action === 'village_supervisor.unmask').map((r) => r.actor), ['county'])
  assert.equal(audit.body.items.filter((r) => r.action === 'village_supervisor.add').length, 10)
  assert.ok(!JSON.stringify(audit.body).includes(phone(1)), 'a phone number in the audit trail')
  assert.ok(!server.stderr().includes(phone(1)), 'a phone number in the server log')
})

let prefDraw, regionDraw, countyDraw
test('draws are seeded and reproducible: the pinned samples, the seed recorded, one draw a month', async () => {
  const r = await post(prefSup, '/api/v1/spot-checks', { region_code: '540100', month: MONTH, seed: '2023' })
  assert.equal(r.status, 201, JSON.stringify(r.body))
  assert.equal(r.body.seed, '0000000000002023')
  assert.equal(r.body.level, 'prefecture')
  assert.equal(r.body.pool_size, 7)
  assert.equal(r.body.sample_size, 5)
  assert.deepEqual(r.body.sample.map((s) => s.id), [4, 1, 3, 6, 7])
  assert.ok(r.body.sample.every((s) => s.masked && s.phone.includes('***') && !s.called))
  prefDraw = r.body

  // Same seed, same pool, another month: the same sample.
  const again = await post(prefSup, '/api/v1/spot-checks', { region_code: '540100', month: EARLIER, seed: '2023' })
  assert.deepEqual(again.body.sample.map((s) => s.id), [4, 1, 3, 6, 7])

  const region = await post(sup, '/api/v1/spot-checks', { region_code: '540000', month: MONTH, seed: '2023' })
  assert.equal(region.status, 201)
  assert.equal(region.body.pool_size, 9)
  assert.deepEqual(region.body.sample.map((s) => s.id), [2, 4, 3, 9, 7])
  regionDraw = region.body
  const countyLevel = await post(sup, '/api/v1/spot-checks', { region_code: '540102', month: MONTH, seed: 'FF' })
  assert.equal(countyLevel.status, 201)
  assert.equal(countyLevel.body.seed, '00000000000000ff')
  assert.deepEqual(countyLevel.body.sample.map((s) => s.id), [3, 1, 2, 5, 4])
  countyDraw = countyLevel.body

  // Without a seed, one is generated and recorded.
  const generated = await post(sup, '/api/v1/spot-checks', { region_code: '540200', month: MONTH })
  assert.equal(generated.status, 201)
  assert.match(generated.body.seed, /^[0-9a-f]{16}$/)
  assert.equal(generated.body.sample_size, 2)

  // Refusals.
  assert.equal(code(await post(prefSup, '/api/v1/spot-checks', { region_code: '540100', month: MONTH, seed: '1' })), 'spot_check_exists')
  assert.equal((await prefSup.post('/api/v1/spot-checks', { region_code: '540100', month: MONTH })).status, 409)
  assert.equal(code(await post(prefSup, '/api/v1/spot-checks', { region_code: '540103', month: '2026-13' })), 'bad_month')
  assert.equal(code(await post(prefSup, '/api/v1/spot-checks', { region_code: '540103', month: '26-11' })), 'bad_month')
  assert.equal(code(await post(prefSup, '/api/v1/spot-checks', { region_code: '540103', month: '2099-01' })), 'future_month')
  assert.equal(code(await post(prefSup, '/api/v1/spot-checks', { region_code: '540103', month: MONTH, seed: 'xyz' })), 'bad_seed')
  assert.equal(code(await post(prefSup, '/api/v1/spot-checks', { region_code: '540102001', month: MONTH })), 'bad_level')
  assert.equal((await prefSup.post('/api/v1/spot-checks', { region_code: '540200', month: '2026-09' })).status, 403)
  assert.equal((await county.post('/api/v1/spot-checks', { region_code: '540102', month: '2026-09' })).status, 403)
  const audit = await get(auditor, '/api/v1/audit?page_size=500')
  const draw = audit.body.items.find((a) => a.action === 'spot_check.draw' && a.entity_id === String(prefDraw.id))
  assert.ok(draw, 'the draw is audited')
  assert.deepEqual(draw.after.sample, [4, 1, 3, 6, 7])
})

test('calls are recorded for sampled supervisors only, with their outcome', async () => {
  const url = `/api/v1/spot-checks/${prefDraw.id}/calls`
  const ok = async (client, u, body) => {
    const r = await post(client, u, body)
    assert.equal(r.status, 201, JSON.stringify(r.body))
    return r.body
  }
  const first = await ok(prefSup, url, { supervisor_id: 4, called_at: `${MONTH}-05T02:00:00Z`, reached: true, knows_duties: true, log_matches: true })
  assert.equal(first.called_at, `${MONTH}-05T02:00:00.000Z`)
  assert.equal(first.knows_duties, true)
  await ok(prefSup, url, { supervisor_id: 1, called_at: `${MONTH}-06`, reached: false })
  await ok(prefSup, url, { supervisor_id: 1, called_at: `${MONTH}-07T03:00:00Z`, reached: true, problem_reported: true, note: '项目停工' })
  await ok(prefSup, url, { supervisor_id: 3, called_at: `${MONTH}-08`, reached: false })
  await ok(sup, `/api/v1/spot-checks/${countyDraw.id}/calls`, { supervisor_id: 3, called_at: `${MONTH}-09`, reached: true })

  assert.equal(code(await post(prefSup, url, { supervisor_id: 2, called_at: `${MONTH}-05`, reached: true })), 'not_sampled')
  assert.equal(code(await post(prefSup, url, { supervisor_id: 8, called_at: `${MONTH}-05`, reached: true })), 'not_sampled')
  assert.equal(code(await post(prefSup, url, { supervisor_id: 4, called_at: `${THIS_MONTH}-01`, reached: true })), 'bad_called_at')
  assert.equal(code(await post(prefSup, url, { supervisor_id: 4, called_at: 'yesterday', reached: true })), 'bad_called_at')
  assert.equal(code(await post(prefSup, url, { supervisor_id: 4, called_at: `${MONTH}-05`, reached: false, knows_duties: true })), 'unreached_outcome')
  assert.equal(code(await post(prefSup, url, { supervisor_id: 4, called_at: `${MONTH}-05` })), 'invalid_argument')
  assert.equal(code(await post(prefSup, url, { supervisor_id: 4, called_at: `${MONTH}-05`, reached: true, knows_duties: 'yes' })), 'invalid_argument')
  assert.equal(code(await get(prefSup, `/api/v1/spot-checks/${prefDraw.id}?unmasked=maybe`)), 'invalid_argument')
  assert.equal((await county.post(url, { supervisor_id: 4, called_at: `${MONTH}-05`, reached: true })).status, 403)
  assert.equal((await prefSup.post(`/api/v1/spot-checks/${regionDraw.id}/calls`, { supervisor_id: 4, called_at: `${MONTH}-05`, reached: true })).status, 403)
  assert.equal((await prefSup.post('/api/v1/spot-checks/999/calls', { supervisor_id: 4, called_at: `${MONTH}-05`, reached: true })).status, 404)

  const view = await get(prefSup, `/api/v1/spot-checks/${prefDraw.id}`)
  assert.equal(view.status, 200)
  assert.equal(view.body.calls.length, 4)
  assert.deepEqual(view.body.sample.map((s) => [s.id, s.called, s.reached]), [[4, true, true], [1, true, true], [3, true, false], [6, false, false], [7, false, false]])
})

test('reading a draw: in scope only; phones in clear to the spot-checker, audited', async () => {
  const own = await get(county, `/api/v1/spot-checks/${countyDraw.id}`)
  assert.equal(own.status, 200)
  assert.ok(own.body.sample.every((s) => s.masked))
  assert.equal((await county.get(`/api/v1/spot-checks/${prefDraw.id}`)).status, 403)
  assert.equal((await leader.get(`/api/v1/spot-checks/${prefDraw.id}?unmasked=true`)).status, 403)
  const clear = await get(prefSup, `/api/v1/spot-checks/${prefDraw.id}?unmasked=true`)
  assert.equal(clear.status, 200)
  assert.equal(clear.body.sample[0].phone, phone(4))
  const audit = await get(auditor, '/api/v1/audit?page_size=500')
  assert.deepEqual(audit.body.items.filter((r) => r.action === 'spot_check.unmask').map((r) => r.actor), ['prefsup'])

  const list = await get(sup, `/api/v1/spot-checks?month=${MONTH}`)
  assert.equal(list.status, 200)
  assert.deepEqual(list.body.items.map((c) => c.region_code), ['540000', '540100', '540102', '540200'])
  assert.equal(list.body.items[0].calls, undefined)
  const countyList = await get(county, '/api/v1/spot-checks')
  assert.deepEqual(countyList.body.items.map((c) => c.id), [countyDraw.id])
  assert.equal(code(await get(sup, '/api/v1/spot-checks?month=2026-1')), 'bad_month')
})

test('coverage per level against the policy targets (hand-computed above)', async () => {
  const c = await get(leader, `/api/v1/spot-checks/coverage?region=540000&month=${MONTH}`)
  assert.equal(c.status, 200, JSON.stringify(c.body))
  const [province, prefecture, countyLevel] = c.body.levels
  assert.deepEqual(province, { level: 'province', units: 1, units_drawn: 1, sampled: 5, called: 0, reached: 0, knows_duties: 0, log_matches: 0, problems_reported: 0, target: 5, coverage: 0 })
  assert.deepEqual(prefecture, { level: 'prefecture', units: 7, units_drawn: 2, sampled: 7, called: 3, reached: 2, knows_duties: 1, log_matches: 1, problems_reported: 1, target: 7, coverage: 42.86 })
  assert.deepEqual(countyLevel, { level: 'county', units: 74, units_drawn: 1, sampled: 5, called: 1, reached: 1, knows_duties: 0, log_matches: 0, problems_reported: 0, target: 9, coverage: 11.11 })

  const own = await get(county, `/api/v1/spot-checks/coverage?month=${MONTH}`)
  assert.deepEqual(own.body.levels.map((l) => [l.level, l.target, l.called, l.coverage]), [['county', 5, 1, 20]])
  // A month nobody drew: every unit owes its pool's sample (540100: 5 of 7; 540102: 5 of 5; 540103: 2).
  const empty = await get(prefSup, '/api/v1/spot-checks/coverage?region=540100&month=2001-01')
  assert.deepEqual(empty.body.levels.map((l) => [l.level, l.units_drawn, l.target, l.coverage]), [['prefecture', 0, 5, 0], ['county', 0, 7, 0]])
  assert.equal((await county.get(`/api/v1/spot-checks/coverage?region=540100&month=${MONTH}`)).status, 403)
  assert.equal(code(await get(leader, '/api/v1/spot-checks/coverage?region=540000&month=2026/11')), 'bad_month')
})
