// Relocation support (易地搬迁后续扶持, issue #20 point 5) over HTTP on SQLite and PostgreSQL. Figures by hand
// (docs/definitions.md §13):
//
// Policy: the cross-region travel subsidy (default 500 元/人) raised +50% from 2023-07-01 (raise_bp 5000 →
//   unit 750 元); 拉萨市 540100 owns its own 创业补贴 of 6,000 元/户 from 2023-01-01 (default 5,000 元).
// H1 城关区 540102, 4 members, moved in 2023-03-01:
//   travel 2023-06-30, 2 persons → 2 × 50,000 = 100,000 fen (before the raise)
//   travel 2023-07-01, 2 persons → 2 × 75,000 = 150,000 fen (on the raise date)
//   startup 2023-07-01 → 600,000 fen per household (拉萨's standard, inherited by 城关区)
// H2 桑珠孜区 540202, 3 members, moved in 2023-08-01: travel 2023-08-01, all 3 → 3 × 75,000 = 225,000 fen.
// Paid: H1's first claim 100,000 on 2023-07-10; H2's 225,000 on 2024-01-05.
// Summary 2023 of 540000: households 2, persons 7, claims 4 computed 1,075,000, paid 1 claim 100,000;
//   拉萨市: 1, 4, 3, 850,000, 1, 100,000; 日喀则市: 1, 3, 1, 225,000, 0, 0. All time: paid 2 claims 325,000.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer } from '../lib/server.mjs'

const ZHAXI = '540102199001011234'
let server, admin, county, county2, region, finance, finance2, leader, auditor
const ids = {}

before(async () => {
  server = await startServer({
    users: [
      { username: 'admin', role: 'admin', region: '540000' },
      { username: 'county', role: 'county_officer', region: '540102' },
      { username: 'county2', role: 'county_officer', region: '540202' },
      { username: 'region', role: 'region_officer', region: '540000' },
      { username: 'finance', role: 'finance_officer', region: '540000' },
      { username: 'finance2', role: 'finance_officer', region: '540200' },
      { username: 'leader', role: 'leader', region: '540000' },
      { username: 'auditor', role: 'auditor', region: '540000' },
    ],
  })
  ;[admin, county, county2, region, finance, finance2, leader, auditor] = await Promise.all(
    ['admin', 'county', 'county2', 'region', 'finance', 'finance2', 'leader', 'auditor'].map((u) => server.login(u)))
})
after(async () => {
  await server?.stop()
})

const json = async (res) => ({ status: res.status, body: await res.json() })
const post = async (client, path, body) => json(await client.post(path, body))
const get = async (client, path) => json(await client.get(path))
const refused = (res, status, code) => assert.deepEqual([res.status, res.body.error?.code], [status, code], JSON.stringify(res.body))

test('standards are dated regional policy: the +50% raise of the travel subsidy from its date', async () => {
  for (const p of [
    { key: 'relocation_subsidy_cross_region_travel_raise_bp', value: 5000, effective_from: '2023-07-01', note: '跨区域就业交通补贴提高50%' },
    { key: 'relocation_subsidy_startup_fen', value: 600000, effective_from: '2023-01-01', region_code: '540100' },
  ]) {
    const res = await post(admin, '/api/v1/library/policies', p)
    assert.equal(res.status, 201, JSON.stringify(res.body))
  }
  const on = async (regionCode, date) => {
    const res = await get(leader, `/api/v1/relocation/standards?region=${regionCode}&date=${date}`)
    assert.equal(res.status, 200, JSON.stringify(res.body))
    return Object.fromEntries(res.body.items.map((s) => [s.kind, s]))
  }
  const beforeRaise = await on('540102', '2023-06-30')
  assert.deepEqual([beforeRaise.cross_region_travel.standard_fen, beforeRaise.cross_region_travel.raise_bp, beforeRaise.cross_region_travel.unit_fen], [50000, 0, 50000])
  assert.equal(beforeRaise.cross_region_travel.basis, 'per_person')
  const atRaise = await on('540102', '2023-07-01')
  assert.deepEqual([atRaise.cross_region_travel.standard_fen, atRaise.cross_region_travel.raise_bp, atRaise.cross_region_travel.unit_fen], [50000, 5000, 75000])
  assert.deepEqual([atRaise.startup.unit_fen, atRaise.startup.basis], [600000, 'per_household'])
  assert.equal((await on('540202', '2023-07-01')).startup.unit_fen, 500000)
  refused(await get(leader, '/api/v1/relocation/standards?region=540102'), 400, 'bad_date')
  refused(await get(county, '/api/v1/relocation/standards?region=540202&date=2023-07-01'), 403, 'permission_denied')
})

test('sites: saved in scope, every bad input refused with its code and nothing written', async () => {
  const site = { site_code: 'AZD-CG-1', name: '城关区幸福家园安置点', region_code: '540102', kind: 'concentrated', planned_households: 100, planned_persons: 400 }
  const saved = await post(county, '/api/v1/relocation/sites', site)
  assert.equal(saved.status, 201, JSON.stringify(saved.body))
  assert.deepEqual([saved.body.kind, saved.body.kind_label, saved.body.planned_persons], ['concentrated', '集中', 400])
  const other = await post(county2, '/api/v1/relocation/sites', { site_code: 'AZD-SZ-1', name: '桑珠孜区安置点', region_code: '540202', kind: '分散' })
  assert.equal(other.status, 201, JSON.stringify(other.body))

  refused(await post(county2, '/api/v1/relocation/sites', { ...site, site_code: 'AZD-X1' }), 403, 'permission_denied')
  refused(await post(county2, '/api/v1/relocation/sites', { ...site, region_code: '540202' }), 403, 'permission_denied') // moving another county's site
  refused(await post(region, '/api/v1/relocation/sites', { ...site, site_code: 'AZD-X2', region_code: '540100' }), 400, 'bad_region_level')
  refused(await post(county, '/api/v1/relocation/sites', { ...site, site_code: 'AZD-X3', kind: 'tent' }), 400, 'bad_kind')
  refused(await post(county, '/api/v1/relocation/sites', { ...site, site_code: 'AZD-X4', planned_households: 10, planned_persons: 5 }), 400, 'bad_plan')
  refused(await post(county, '/api/v1/relocation/sites', { ...site, site_code: 'AZD-X5', name: '' }), 400, 'empty_name')
  refused(await post(county, '/api/v1/relocation/sites', { ...site, site_code: 'AZD-X6', region_code: '999999' }), 404, 'unknown_region')
  refused(await post(finance, '/api/v1/relocation/sites', { ...site, site_code: 'AZD-X7' }), 403, 'permission_denied')
  refused(await post(county, '/api/v1/relocation/sites', { ...site, site_code: 'AZD-X8', planned_households: 'many' }), 400, 'bad_number')

  const all = await get(leader, '/api/v1/relocation/sites?region=540000')
  assert.equal(all.status, 200)
  assert.deepEqual(all.body.items.map((s) => [s.site_code, s.region_code, s.name]), [['AZD-CG-1', '540102', '城关区幸福家园安置点'], ['AZD-SZ-1', '540202', '桑珠孜区安置点']])
  assert.deepEqual((await get(county, '/api/v1/relocation/sites')).body.items.map((s) => s.site_code), ['AZD-CG-1'])
  refused(await get(county, '/api/v1/relocation/sites?region=540202'), 403, 'permission_denied')
})

test('households: the head\'s ID number encrypted, masked in answers, duplicates and bad input refused', async () => {
  const h1 = { site_code: 'AZD-CG-1', origin_village: '尼木县某村', head_name: '扎西', id_number: ZHAXI, members: 4, household_status: 'lifted', moved_in_on: '2023-03-01' }
  const saved = await post(county, '/api/v1/relocation/households', h1)
  assert.equal(saved.status, 201, JSON.stringify(saved.body))
  assert.deepEqual([saved.body.id_number, saved.body.masked, saved.body.region_code, saved.body.members], ['5401**********1234', true, '540102', 4])
  ids.h1 = saved.body.id
  const h2 = await post(county2, '/api/v1/relocation/households', { site_code: 'AZD-SZ-1', head_name: '卓玛', id_number: '54020219850505567x', members: 3, household_status: 'monitored', moved_in_on: '2023-08-01' })
  assert.equal(h2.status, 201, JSON.stringify(h2.body))
  assert.equal(h2.body.id_number, '5402**********567X')
  ids.h2 = h2.body.id

  const other = '540102199202021111'
  refused(await post(county, '/api/v1/relocation/households', { ...h1, id_number: '12345' }), 400, 'bad_id_number')
  refused(await post(county, '/api/v1/relocation/households', { ...h1, id_number: other, members: 0 }), 400, 'bad_members')
  refused(await post(county, '/api/v1/relocation/households', { ...h1, id_number: other, household_status: 'rich' }), 400, 'bad_status')
  refused(await post(county, '/api/v1/relocation/households', { ...h1, id_number: other, head_name: '' }), 400, 'bad_name')
  refused(await post(county, '/api/v1/relocation/households', { ...h1, id_number: other, moved_in_on: '2023-02-30' }), 400, 'bad_date')
  refused(await post(county, '/api/v1/relocation/households', { ...h1, id_number: other, site_code: 'AZD-NONE' }), 404, 'unknown_site')
  refused(await post(county2, '/api/v1/relocation/households', { ...h1, id_number: other }), 403, 'permission_denied')
  refused(await post(leader, '/api/v1/relocation/households', { ...h1, id_number: other }), 403, 'permission_denied')
  // The same head again, in another county too: one household per person (by the blind index).
  refused(await post(county, '/api/v1/relocation/households', h1), 409, 'duplicate_household')
  refused(await post(county2, '/api/v1/relocation/households', { ...h1, site_code: 'AZD-SZ-1' }), 409, 'duplicate_household')
  // A site with households stays in its region (they carry it): the move is refused, nothing written.
  const move = { site_code: 'AZD-CG-1', name: '城关区幸福家园安置点', region_code: '540202', kind: 'concentrated', planned_households: 100, planned_persons: 400 }
  refused(await post(region, '/api/v1/relocation/sites', move), 409, 'site_has_households')
  const stays = await get(region, '/api/v1/relocation/sites?region=540000')
  assert.equal(stays.body.items.find((s) => s.site_code === 'AZD-CG-1').region_code, '540102')

  refused(await get(county, '/api/v1/relocation/households?unmasked=yes'), 400, 'invalid_argument')
  const all = await get(leader, '/api/v1/relocation/households?region=540000')
  assert.equal(all.status, 200)
  assert.deepEqual(all.body.items.map((h) => [h.head_name, h.id_number, h.masked]), [['扎西', '5401**********1234', true], ['卓玛', '5402**********567X', true]])
  assert.deepEqual((await get(county, '/api/v1/relocation/households')).body.items.map((h) => h.head_name), ['扎西'])
  assert.deepEqual((await get(leader, '/api/v1/relocation/households?site=AZD-SZ-1')).body.items.map((h) => h.head_name), ['卓玛'])
  refused(await get(county2, '/api/v1/relocation/households?region=540102'), 403, 'permission_denied')

  // Unmasked: only roles that need the numbers, and each view audited.
  for (const c of [leader, auditor, admin]) refused(await get(c, '/api/v1/relocation/households?region=540102&unmasked=true'), 403, 'permission_denied')
  const clear = await get(county, '/api/v1/relocation/households?unmasked=true')
  assert.equal(clear.status, 200)
  assert.deepEqual([clear.body.items[0].id_number, clear.body.items[0].masked], [ZHAXI, false])
  const audit = await get(auditor, '/api/v1/audit?entity=region:540102&page_size=100')
  assert.deepEqual(audit.body.items.filter((r) => r.action === 'relocation_household.unmask').map((r) => r.actor), ['county'])
  const created = await get(auditor, `/api/v1/audit?entity=relocation_household:${ids.h1}`)
  assert.deepEqual(created.body.items.map((r) => r.action), ['relocation_household.create'])
  const everything = await get(auditor, '/api/v1/audit?page_size=500')
  assert.ok(!JSON.stringify(everything.body).includes(ZHAXI), 'an ID number in the audit trail')
  assert.ok(!server.stderr().includes(ZHAXI), 'an ID number in the server log')
})

test('subsidies before, on and after the +50% date; payment by finance; every error path writes nothing', async () => {
  const compute = (client, body) => post(client, '/api/v1/relocation/subsidies', body)
  const before = await compute(county, { household_id: ids.h1, kind: 'cross_region_travel', basis_on: '2023-06-30', persons: 2 })
  assert.equal(before.status, 201, JSON.stringify(before.body))
  assert.deepEqual([before.body.standard_fen, before.body.raise_bp, before.body.unit_fen, before.body.persons, before.body.amount_fen, before.body.state],
    [50000, 0, 50000, 2, 100000, 'computed'])
  const at = await compute(county, { household_id: ids.h1, kind: 'cross_region_travel', basis_on: '2023-07-01', persons: 2 })
  assert.deepEqual([at.status, at.body.raise_bp, at.body.unit_fen, at.body.amount_fen], [201, 5000, 75000, 150000])
  const startup = await compute(county, { household_id: ids.h1, kind: 'startup', basis_on: '2023-07-01', persons: 1 })
  assert.deepEqual([startup.status, startup.body.basis, startup.body.persons, startup.body.amount_fen], [201, 'per_household', 4, 600000])
  const h2 = await compute(county2, { household_id: ids.h2, kind: 'cross_region_travel', basis_on: '2023-08-01' })
  assert.deepEqual([h2.status, h2.body.persons, h2.body.amount_fen, h2.body.region_code], [201, 3, 225000, '540202'])

  refused(await compute(county, { household_id: ids.h1, kind: 'cross_region_travel', basis_on: '2023-09-01', persons: 5 }), 400, 'bad_persons')
  refused(await compute(county, { household_id: ids.h1, kind: 'cross_region_travel', basis_on: '2023-09-01', persons: 0 }), 400, 'bad_persons')
  refused(await compute(county, { household_id: ids.h1, kind: 'cross_region_travel', basis_on: '2023-02-28' }), 400, 'before_move_in')
  refused(await compute(county, { household_id: ids.h1, kind: 'housing', basis_on: '2023-09-01' }), 400, 'unknown_kind')
  refused(await compute(county, { household_id: ids.h1, kind: 'startup' }), 400, 'bad_date')
  refused(await compute(county, { household_id: 999999, kind: 'startup', basis_on: '2023-09-01' }), 404, 'unknown_household')
  refused(await compute(county2, { household_id: ids.h1, kind: 'startup', basis_on: '2023-09-01' }), 403, 'permission_denied')
  refused(await compute(finance, { household_id: ids.h1, kind: 'startup', basis_on: '2023-09-01' }), 403, 'permission_denied')
  refused(await compute(county, { household_id: ids.h1, kind: 'cross_region_travel', basis_on: '2023-07-01', persons: 1 }), 409, 'duplicate_claim')
  assert.deepEqual((await get(county, `/api/v1/relocation/subsidies?household=${ids.h1}`)).body.items.map((s) => s.amount_fen), [100000, 150000, 600000])

  const pay = (client, id, body) => post(client, `/api/v1/relocation/subsidies/${id}/pay`, body)
  const id = before.body.id
  refused(await pay(county, id, { paid_on: '2023-07-10', paid_fen: 100000 }), 403, 'permission_denied')
  refused(await pay(finance2, id, { paid_on: '2023-07-10', paid_fen: 100000 }), 403, 'permission_denied')
  refused(await pay(finance, id, { paid_on: '2023-07-10', paid_fen: 99999 }), 400, 'amount_mismatch')
  refused(await pay(finance, id, { paid_on: '2023-06-01', paid_fen: 100000 }), 400, 'paid_before_basis')
  refused(await pay(finance, id, { paid_on: '2023-07-10', paid_fen: 100000, method: 'wechat' }), 400, 'bad_method')
  refused(await pay(finance, id, { paid_fen: 100000 }), 400, 'bad_date')
  refused(await pay(finance, 999999, { paid_on: '2023-07-10', paid_fen: 100000 }), 404, 'unknown_subsidy')
  const unpaid = await get(leader, `/api/v1/relocation/subsidies?household=${ids.h1}`)
  assert.deepEqual(unpaid.body.items.map((s) => s.state), ['computed', 'computed', 'computed'])
  const paid = await pay(finance, id, { paid_on: '2023-07-10', paid_fen: 100000, method: 'bank' })
  assert.equal(paid.status, 200, JSON.stringify(paid.body))
  assert.deepEqual([paid.body.state, paid.body.paid_on, paid.body.paid_fen, paid.body.method, paid.body.paid_by], ['paid', '2023-07-10', 100000, 'bank', 'finance'])
  refused(await pay(finance, id, { paid_on: '2023-07-11', paid_fen: 100000 }), 409, 'already_paid')
  assert.equal((await pay(finance2, h2.body.id, { paid_on: '2024-01-05', paid_fen: 225000, method: 'cash' })).status, 200)

  const audit = await get(auditor, `/api/v1/audit?entity=relocation_subsidy:${id}`)
  assert.deepEqual(audit.body.items.map((r) => r.action).sort(), ['relocation_subsidy.compute', 'relocation_subsidy.pay'])
  refused(await get(county, '/api/v1/relocation/subsidies?region=540202'), 403, 'permission_denied')
  assert.deepEqual((await get(county2, '/api/v1/relocation/subsidies')).body.items.map((s) => s.household_id), [ids.h2])
})

test('the summary per region and period, hand-computed', async () => {
  const y2023 = await get(leader, '/api/v1/relocation/summary?region=540000&from=2023-01-01&to=2023-12-31')
  assert.equal(y2023.status, 200, JSON.stringify(y2023.body))
  const figures = (s) => [s.households, s.persons, s.claims, s.computed_fen, s.paid_claims, s.paid_fen]
  assert.deepEqual(figures(y2023.body), [2, 7, 4, 1075000, 1, 100000])
  const child = (code) => y2023.body.children.find((c) => c.region_code === code)
  assert.deepEqual(figures(child('540100')), [1, 4, 3, 850000, 1, 100000])
  assert.deepEqual(figures(child('540200')), [1, 3, 1, 225000, 0, 0])
  const all = await get(leader, '/api/v1/relocation/summary?region=540000')
  assert.deepEqual(figures(all.body), [2, 7, 4, 1075000, 2, 325000])
  const mine = await get(county, '/api/v1/relocation/summary')
  assert.deepEqual([mine.body.region_code, ...figures(mine.body)], ['540102', 1, 4, 3, 850000, 1, 100000])
  refused(await get(county, '/api/v1/relocation/summary?region=540202'), 403, 'permission_denied')
  refused(await get(leader, '/api/v1/relocation/summary?region=540000&from=2023-12-31&to=2023-01-01'), 400, 'bad_period')
})
