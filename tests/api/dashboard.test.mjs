// 挂图作战 in one read (issue #22 points 1 and 6, docs/definitions.md §22): GET /api/v1/dashboard gives
// the very figures of the single endpoints the wall chart used to call (indicators, children,
// rankings, the month-end trend of both years, the treemap, the forecast, settlements, 确权),
// on the demo data; it is revalidated with a weak ETag (304 with no body) that changes after a
// ledger write; it is gzipped like the other API answers. The build's compressed copies and the
// caching of hashed assets are tests/api/static_files.test.mjs; here the dashboard's own scripts.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import zlib from 'node:zlib'
import { repoRoot, startServer } from '../lib/server.mjs'

const Q = 'year=2023&as_of=2023-07-05'
let server, leader, chengguan, finance
before(async () => {
  server = await startServer({
    demo: true,
    users: [
      { username: 'leader', role: 'leader', region: '540000' },
      { username: 'chengguan', role: 'county_officer', region: '540102' },
      { username: 'finance', role: 'finance_officer', region: '540000' },
    ],
  })
  leader = await server.login('leader')
  chengguan = await server.login('chengguan')
  finance = await server.login('finance')
})
after(async () => {
  await server?.stop()
})

async function json(client, target) {
  const res = await client.get(target)
  assert.equal(res.status, 200, `${target}: ${await res.clone().text()}`)
  return res.json()
}

/** The treemap node the web's chart takes, from a row of GET /indicators. */
const node = (i) => ({ code: i.region_code, name: i.region_name, allocated_fen: i.allocated_fen, progress: i.expend_progress })

/** What the aggregate must equal, read from the single endpoints. */
async function singles(client, region, home) {
  const q = `region=${region}&${Q}`
  const indicators = await json(client, `/api/v1/indicators?${q}`)
  const children = (await json(client, `/api/v1/indicators?${q}&by=children`)).items
  const ranking = await json(client, `/api/v1/rankings?${q}`)
  const forecast = await json(client, `/api/v1/forecast?${q}`)
  const assets = await json(client, `/api/v1/assets/registration?region=${region}`)
  const runs = (await json(client, '/api/v1/settlements?year=2023')).items
  const ranked = new Set((ranking.items ?? []).map((r) => r.region_code))
  const settled = runs.find((r) => r.status === 'approved' && r.rows.some((row) => ranked.has(row.region_code))) ?? null
  const point = async (year, date) => (await json(client, `/api/v1/indicators?region=${region}&year=${year}&as_of=${date}`)).expend_progress
  const region1 = await json(client, `/api/v1/regions/${region}`)
  const parent = region !== home && region1.parent_code ? await json(client, `/api/v1/indicators?region=${region1.parent_code}&${Q}`) : null
  return { indicators, children, ranking, forecast, assets, settled, point, parent }
}

// Month ends of 2023 up to the as-of date 2023-07-05 (then the date itself), and all of 2022's.
const DATES_2023 = ['2023-01-31', '2023-02-28', '2023-03-31', '2023-04-30', '2023-05-31', '2023-06-30', '2023-07-05']
const DATES_2022 = ['2022-01-31', '2022-02-28', '2022-03-31', '2022-04-30', '2022-05-31', '2022-06-30', '2022-07-31', '2022-08-31', '2022-09-30', '2022-10-31', '2022-11-30', '2022-12-31']

async function assertSameAsSingles(client, region, home, pathCodes) {
  const d = await json(client, `/api/v1/dashboard?region=${region}&${Q}`)
  const s = await singles(client, region, home)
  assert.equal(d.region_code, region)
  assert.equal(d.year, 2023)
  assert.equal(d.as_of, '2023-07-05')
  assert.deepEqual(d.path.map((r) => r.code), pathCodes)
  for (const r of d.path) assert.equal(r.name, (await json(client, `/api/v1/regions/${r.code}`)).name)
  assert.deepEqual(d.indicators, s.indicators)
  assert.deepEqual(d.parent, s.parent)
  assert.deepEqual(d.children, s.children)
  assert.deepEqual(d.ranking, s.ranking)
  assert.deepEqual(d.forecast, s.forecast)
  assert.deepEqual(d.assets, s.assets)
  assert.equal(d.work_relief, undefined) // read beside it (GET /work-relief/summary): it would hold up the headline
  assert.deepEqual(d.settled, s.settled)
  assert.equal(d.behind_pts, 10) // the demo stores no reminder_behind_time_bp: the policy default 1,000 bp
  assert.deepEqual(d.trend.current.dates, DATES_2023)
  assert.deepEqual(d.trend.previous.dates, DATES_2022)
  assert.equal(d.trend.current.year, 2023)
  assert.equal(d.trend.previous.year, 2022)
  for (const [series, year] of [[d.trend.current, 2023], [d.trend.previous, 2022]]) {
    const want = await Promise.all(series.dates.map((date) => s.point(year, date)))
    assert.deepEqual(series.points, want, `trend ${year}`)
  }
  assert.deepEqual(d.trend.current.points.at(-1), s.indicators.expend_progress)
  // The treemap: the children; at province level each with its own children.
  if (s.indicators.region_level === 'province') {
    const want = await Promise.all(
      s.children.map(async (k) => ({ ...node(k), children: (await json(client, `/api/v1/indicators?region=${k.region_code}&${Q}&by=children`)).items.map(node) })),
    )
    assert.deepEqual(d.treemap, want)
  } else {
    assert.deepEqual(d.treemap, s.children.map(node))
  }
  return d
}

test('the aggregate gives the same figures as the single endpoints: the region, a prefecture, a county', async () => {
  const province = await assertSameAsSingles(leader, '540000', '540000', ['540000'])
  assert.equal(province.parent, null)
  assert.equal(province.children.length, 7) // 西藏's seven prefectures
  assert.ok(province.indicators.allocated_fen > 0, 'the demo has 2023 allocations')
  assert.ok(province.ranking.items.length >= 70, `${province.ranking.items.length} counties ranked`)
  assert.ok(province.treemap.every((n) => Array.isArray(n.children) && n.children.length > 0))
  assert.ok(province.forecast.items.length > 1)

  const prefecture = await assertSameAsSingles(leader, '540100', '540000', ['540000', '540100'])
  assert.equal(prefecture.parent.region_code, '540000')
  assert.ok(prefecture.treemap.every((n) => n.children === undefined))

  const county = await assertSameAsSingles(leader, '540102', '540000', ['540000', '540100', '540102'])
  assert.equal(county.parent.region_code, '540100')
  // A county officer at home: the path starts at the county, no parent figures.
  const own = await assertSameAsSingles(chengguan, '540102', '540102', ['540102'])
  assert.equal(own.parent, null)
  assert.deepEqual(own.indicators, county.indicators)
})

test('refusals: outside the scope 403, no region 400 missing_field, a bad date 400; nothing is written', async () => {
  const outside = await chengguan.get(`/api/v1/dashboard?region=540000&${Q}`)
  assert.equal(outside.status, 403)
  assert.equal((await outside.json()).error.code, 'permission_denied')
  const none = await leader.get(`/api/v1/dashboard?${Q}`)
  assert.equal(none.status, 400)
  assert.equal((await none.json()).error.code, 'missing_field')
  const bad = await leader.get('/api/v1/dashboard?region=540000&year=2023&as_of=2023-02-30')
  assert.equal(bad.status, 400)
  assert.equal((await bad.json()).error.code, 'invalid_argument')
  const unknown = await leader.get(`/api/v1/dashboard?region=549999&${Q}`)
  assert.equal(unknown.status, 404)
  const anonymous = await fetch(`${server.baseUrl}/api/v1/dashboard?region=540000&${Q}`)
  assert.equal(anonymous.status, 401)
})

/** GET with raw node:http (fetch would decode the body and answer 304s from its own cache). */
const raw = (target, headers = {}) =>
  new Promise((resolve, reject) => {
    const req = http.get(server.baseUrl + target, { headers }, (res) => {
      const chunks = []
      res.on('data', (c) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', reject)
  })

test('the aggregate is revalidated: its weak ETag answers 304 with no body until a ledger write changes it', async () => {
  const target = `/api/v1/dashboard?region=540102&${Q}`
  const first = await raw(target, { Cookie: leader.cookie, 'Accept-Encoding': 'gzip, deflate, br' })
  assert.equal(first.status, 200)
  assert.equal(first.headers['cache-control'], 'private, no-cache')
  assert.equal(first.headers['content-encoding'], 'gzip')
  assert.equal(first.headers.vary, 'Accept-Encoding')
  const etag = first.headers.etag
  assert.match(etag, /^W\/"[0-9a-f]{16}-\d+"$/)
  const before = JSON.parse(zlib.gunzipSync(first.body).toString())
  const plain = await raw(target, { Cookie: leader.cookie })
  assert.equal(plain.headers['content-encoding'], undefined)
  assert.equal(plain.headers.etag, etag, 'one validator for the JSON, whatever its coding')
  assert.deepEqual(JSON.parse(plain.body.toString()), before)

  const again = await raw(target, { Cookie: leader.cookie, 'Accept-Encoding': 'gzip', 'If-None-Match': etag })
  assert.equal(again.status, 304)
  assert.equal(again.body.length, 0)
  assert.equal(again.headers.etag, etag)
  const listed = await raw(target, { Cookie: leader.cookie, 'If-None-Match': `W/"0000000000000000-1", ${etag.slice(2)}` })
  assert.equal(listed.status, 304, 'a list naming it, strong form included (weak comparison)')
  // Another region's answer has another validator.
  const other = await raw(`/api/v1/dashboard?region=540100&${Q}`, { Cookie: leader.cookie, 'If-None-Match': etag })
  assert.equal(other.status, 200)

  // An allocation of 12,345.67 yuan to 城关区 on 2023-07-01: the figures and the validator change.
  const posted = await finance.post('/api/v1/ledger', {
    entry_id: 'DASH-ETAG-1', date: '2023-07-01', kind: 'allocate', fund_source: 'central', fund_year: 2023,
    region_code: '540102', amount_fen: 1_234_567, note: 'dashboard etag',
  })
  assert.ok([200, 201].includes(posted.status), await posted.clone().text())
  const after = await raw(target, { Cookie: leader.cookie, 'If-None-Match': etag })
  assert.equal(after.status, 200)
  assert.notEqual(after.headers.etag, etag)
  const now = JSON.parse(after.body.toString())
  assert.equal(now.indicators.allocated_fen, before.indicators.allocated_fen + 1_234_567)
  assert.equal(now.trend.current.points.length, 7)
  const fresh = await raw(target, { Cookie: leader.cookie, 'If-None-Match': after.headers.etag })
  assert.equal(fresh.status, 304)
})

test('the wall chart\'s scripts: few, compressed and cached for good; the entry page revalidated', async () => {
  const index = await raw('/dashboard', { 'Accept-Encoding': 'br' })
  assert.equal(index.status, 200)
  assert.equal(index.headers['cache-control'], 'no-cache')
  const html = index.body.toString() // too small for a compressed copy (web/scripts/compress.mjs)
  assert.equal((await raw('/dashboard', { 'If-None-Match': index.headers.etag })).status, 304)
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1])
  assert.ok(assets.length >= 2 && assets.length <= 4, `the entry page loads ${assets.join(', ')}`)
  for (const a of assets) {
    const r = await raw(a, { 'Accept-Encoding': 'gzip, deflate, br' })
    assert.equal(r.status, 200, a)
    assert.equal(r.headers['content-encoding'], 'br', a)
    assert.equal(r.headers['cache-control'], 'public, max-age=31536000, immutable', a)
    const gz = await raw(a, { 'Accept-Encoding': 'gzip' })
    assert.equal(gz.headers['content-encoding'], 'gzip', a)
    const none = await raw(a)
    assert.equal(none.headers['content-encoding'], undefined, a)
    assert.ok(none.body.equals(fs.readFileSync(path.join(repoRoot, 'web', 'dist', a))), a)
  }
})
