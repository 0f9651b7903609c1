// 清产核资 (issue #20 points 2 and 8) over HTTP on SQLite and PostgreSQL: a campaign over 西藏, checks
// with differences, approval by the finance bureau writing the register with history, progress per
// prefecture, closing, the export, and every refusal with its stable code. Figures worked by hand:
//
// Assets: ZC-1 城关区 540102 1,000 元; ZC-2 堆龙德庆区 540103 500 元; ZC-3 桑珠孜区 540202 2,000 元;
//   ZC-4 540202 300 元. Before: 1,000 + 500 + 2,000 + 300 = 3,800 元 = 380,000 fen.
// Checks: ZC-1 found; ZC-2 missing (→ 0); ZC-3 damaged, new value 800 元; ZC-4 value changed to 450 元.
//   After: 1,000 + 0 + 800 + 450 = 2,250 元 = 225,000 fen; differences 3.
//   拉萨市 (ZC-1, ZC-2): 2 assets, 1 difference, 150,000 → 100,000 fen.
//   日喀则市 (ZC-3, ZC-4): 2 assets, 2 differences, 230,000 → 125,000 fen.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer } from '../lib/server.mjs'
import { xlsxRows } from '../lib/xlsx.mjs'

let server, region, county, county2, finance, leader, admin
before(async () => {
  server = await startServer({
    users: [
      { username: 'region', role: 'region_officer', region: '540000' },
      { username: 'county', role: 'county_officer', region: '540102' },
      { username: 'county2', role: 'county_officer', region: '540202' },
      { username: 'finance', role: 'finance_officer', region: '540000' },
      { username: 'leader', role: 'leader', region: '540000' },
      { username: 'admin', role: 'admin', region: '540000' },
    ],
  })
  region = await server.login('region')
  county = await server.login('county')
  county2 = await server.login('county2')
  finance = await server.login('finance')
  leader = await server.login('leader')
  admin = await server.login('admin')
  const asset = (code, regionCode, fen) =>
    ({ asset_code: code, name: `资产${code}`, region_code: regionCode, asset_type: 'operating', owner_level: 'village', original_value_fen: fen })
  const saved = await region.post('/api/v1/assets', {
    items: [asset('ZC-1', '540102', 100_000), asset('ZC-2', '540103', 50_000), asset('ZC-3', '540202', 200_000), asset('ZC-4', '540202', 30_000)],
  })
  assert.equal(saved.status, 201, await saved.text())
})
after(async () => {
  await server?.stop()
})

const json = async (res) => ({ status: res.status, body: await res.json() })
const post = async (client, path, body) => json(await client.post(path, body))
const get = async (client, path) => json(await client.get(path))
const unit = (view, code) => view.units.find((u) => u.region_code === code)

let id
test('a campaign over 西藏: differences explained, approved by another user, the register updated with history', async () => {
  const opened = await post(region, '/api/v1/asset-inventories', { region_code: '540000', name: '2026年度清产核资', period: '2026' })
  assert.equal(opened.status, 201, JSON.stringify(opened.body))
  id = opened.body.id
  assert.deepEqual([opened.body.status, opened.body.progress.assets, opened.body.progress.value_before_fen], ['open', 4, 380_000])
  assert.equal(opened.body.units.length, 7)  // the seven prefectures

  const check = (client, body) => post(client, `/api/v1/asset-inventories/${id}/checks`, body)
  assert.equal((await check(county, { asset_code: 'ZC-1', outcome: 'found' })).status, 200)
  const missing = await check(region, { asset_code: 'ZC-2', outcome: 'missing', explanation: '村委会搬迁时拆除' })
  assert.equal(missing.status, 200, JSON.stringify(missing.body))
  assert.deepEqual([missing.body.outcome, missing.body.review, missing.body.checked_by], ['missing', 'pending', 'region'])
  assert.equal((await check(county2, { asset_code: 'ZC-3', outcome: 'damaged', value_after_fen: 80_000, explanation: '洪水冲毁一半' })).status, 200)
  assert.equal((await check(county2, { asset_code: 'ZC-4', outcome: 'value_changed', value_after_fen: 45_000, explanation: '重新评估' })).status, 200)

  const v = await get(leader, `/api/v1/asset-inventories/${id}`)
  assert.equal(v.status, 200)
  const p = v.body.progress
  assert.deepEqual([p.assets, p.checked, p.differences, p.approved, p.pending_review, p.found, p.missing, p.damaged, p.value_changed],
    [4, 4, 3, 0, 3, 1, 1, 1, 1])
  assert.deepEqual([p.value_before_fen, p.value_after_fen], [380_000, 225_000])
  const lhasa = unit(v.body, '540100')
  assert.deepEqual([lhasa.assets, lhasa.checked, lhasa.differences, lhasa.value_before_fen, lhasa.value_after_fen], [2, 2, 1, 150_000, 100_000])
  const shigatse = unit(v.body, '540200')
  assert.deepEqual([shigatse.assets, shigatse.differences, shigatse.value_before_fen, shigatse.value_after_fen], [2, 2, 230_000, 125_000])
  assert.equal(unit(v.body, '540300').assets, 0)
  assert.equal(v.body.checks.length, 4)

  // Nothing reaches the register before approval.
  const before = await get(leader, '/api/v1/assets?region=540000')
  assert.equal(before.body.items.find((a) => a.asset_code === 'ZC-2').status, 'in_use')

  const review = (client, body) => post(client, `/api/v1/asset-inventories/${id}/reviews`, body)
  assert.equal((await review(finance, { asset_code: 'ZC-2', action: 'approve' })).status, 200)
  const approved = await review(admin, { asset_code: 'ZC-3', action: 'approve' })
  assert.equal(approved.status, 200, JSON.stringify(approved.body))
  assert.deepEqual([approved.body.review, approved.body.reviewed_by], ['approved', 'admin'])
  const noReason = await review(finance, { asset_code: 'ZC-4', action: 'return' })
  assert.deepEqual([noReason.status, noReason.body.error.code], [400, 'note_required'])
  assert.equal((await review(finance, { asset_code: 'ZC-4', action: 'return', note: '请附评估报告' })).status, 200)

  const assets = (await get(leader, '/api/v1/assets?region=540000')).body.items
  const byCode = Object.fromEntries(assets.map((a) => [a.asset_code, a]))
  assert.deepEqual([byCode['ZC-2'].status, byCode['ZC-2'].current_value_fen], ['disposed', 0])
  assert.deepEqual([byCode['ZC-3'].status, byCode['ZC-3'].current_value_fen], ['damaged', 80_000])
  assert.deepEqual([byCode['ZC-4'].status, byCode['ZC-4'].current_value_fen], ['in_use', 30_000])
  const history = await get(county2, '/api/v1/assets/ZC-3/history')
  assert.equal(history.status, 200)
  assert.equal(history.body.items.length, 1)
  const h = history.body.items[0]
  assert.deepEqual([h.source, h.reference, h.changed_by, h.value_before_fen, h.value_after_fen, h.status_before, h.status_after, h.note],
    ['inventory', String(id), 'admin', 200_000, 80_000, 'in_use', 'damaged', '洪水冲毁一半'])
  assert.equal((await get(county, '/api/v1/assets/ZC-3/history')).status, 403)

  // Not closable while ZC-4 is returned; then re-checked, approved and closed.
  const early = await json(await region.post(`/api/v1/asset-inventories/${id}/close`))
  assert.deepEqual([early.status, early.body.error.code], [409, 'inventory_incomplete'])
  assert.equal((await check(county2, { asset_code: 'ZC-4', outcome: 'value_changed', value_after_fen: 45_000, explanation: '评估报告已附' })).status, 200)
  assert.equal((await review(finance, { asset_code: 'ZC-4', action: 'approve' })).status, 200)
  const closed = await json(await region.post(`/api/v1/asset-inventories/${id}/close`))
  assert.equal(closed.status, 200, JSON.stringify(closed.body))
  assert.deepEqual([closed.body.status, closed.body.closed_by, closed.body.progress.approved, closed.body.progress.value_after_fen],
    ['closed', 'region', 3, 225_000])
  const late = await check(county, { asset_code: 'ZC-1', outcome: 'found' })
  assert.deepEqual([late.status, late.body.error.code], [409, 'campaign_closed'])

  const list = await get(leader, '/api/v1/asset-inventories')
  assert.equal(list.status, 200)
  assert.deepEqual(list.body.items.map((c) => [c.id, c.status, c.progress.assets]), [[id, 'closed', 4]])
})

test('the export holds the campaign, then each prefecture (sheet 盘点进度)', async () => {
  const res = await leader.get(`/api/v1/exports/asset-inventory.xlsx?id=${id}`)
  assert.equal(res.status, 200)
  assert.match(res.headers.get('content-type'), /spreadsheetml/)
  const rows = xlsxRows(await res.arrayBuffer())
  const byCode = new Map(rows.filter((r) => /^54\d{4}$/.test(r[0] ?? '')).map((r) => [r[0], r.slice(2, 12)]))
  assert.deepEqual(byCode.get('540000'), ['4', '4', '3', '3', '1', '1', '1', '1', '3800', '2250'])
  assert.deepEqual(byCode.get('540100').slice(0, 3), ['2', '2', '1'])
  assert.deepEqual(byCode.get('540200'), ['2', '2', '2', '2', '0', '0', '1', '1', '2300', '1250'])
  assert.equal((await county.get(`/api/v1/exports/asset-inventory.xlsx?id=${id}`)).status, 403)
  assert.equal((await leader.get('/api/v1/exports/asset-inventory.xlsx?id=x')).status, 400)
})

test('refusals: scope, roles, bad checks, duplicates', async () => {
  const own = await post(county, '/api/v1/asset-inventories', { name: '城关区清产核资', period: '2026' })
  assert.equal(own.status, 201, JSON.stringify(own.body))
  assert.deepEqual([own.body.region_code, own.body.progress.assets], ['540102', 1])
  const cid = own.body.id
  // Another county's campaign: neither read, checked nor closed.
  assert.equal((await get(county2, `/api/v1/asset-inventories/${cid}`)).status, 403)
  assert.equal((await post(county2, `/api/v1/asset-inventories/${cid}/checks`, { asset_code: 'ZC-1', outcome: 'found' })).status, 403)
  assert.equal((await county2.post(`/api/v1/asset-inventories/${cid}/close`)).status, 403)
  assert.equal((await post(county2, '/api/v1/asset-inventories', { region_code: '540102', name: 'x', period: '2027' })).status, 403)
  assert.equal((await get(county2, '/api/v1/asset-inventories?region=540102')).status, 403)
  assert.deepEqual((await get(county2, '/api/v1/asset-inventories')).body.items, [])
  // Roles: a leader does not check, a county officer does not approve.
  assert.equal((await post(leader, `/api/v1/asset-inventories/${cid}/checks`, { asset_code: 'ZC-1', outcome: 'found' })).status, 403)
  assert.equal((await post(county, `/api/v1/asset-inventories/${cid}/reviews`, { asset_code: 'ZC-1', action: 'approve' })).status, 403)

  const check = (body) => post(county, `/api/v1/asset-inventories/${cid}/checks`, body)
  const codeOf = async (body) => { const r = await check(body); return [r.status, r.body.error?.code] }
  assert.deepEqual(await codeOf({ asset_code: 'ZC-1', outcome: 'missing' }), [400, 'explanation_required'])
  assert.deepEqual(await codeOf({ asset_code: 'ZC-1', outcome: 'value_changed', explanation: '评估' }), [400, 'value_required'])
  assert.deepEqual(await codeOf({ asset_code: 'ZC-1', outcome: 'found', value_after_fen: 5 }), [400, 'value_not_allowed'])
  assert.deepEqual(await codeOf({ asset_code: 'ZC-1', outcome: 'lost' }), [400, 'unknown_outcome'])
  assert.deepEqual(await codeOf({ asset_code: 'ZC-3', outcome: 'found' }), [404, 'unknown_asset'])
  const review = await post(finance, `/api/v1/asset-inventories/${cid}/reviews`, { asset_code: 'ZC-1', action: 'approve' })
  assert.deepEqual([review.status, review.body.error.code], [409, 'not_pending'])
  const dup = await post(county, '/api/v1/asset-inventories', { name: '又一次', period: '2026' })
  assert.deepEqual([dup.status, dup.body.error.code], [409, 'inventory_exists'])
  const empty = await post(county, '/api/v1/asset-inventories', { name: '', period: '2028' })
  assert.deepEqual([empty.status, empty.body.error.code], [400, 'bad_inventory'])
  assert.equal((await get(leader, '/api/v1/asset-inventories/99999')).status, 404)
})
