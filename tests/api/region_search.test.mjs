// Black-box API tests of the region pickers (issue #21 point 1, docs/definitions.md §17): search by name,
// pinyin initials and code over the caller's scope, regions of a level, one region with its path, and the
// public search of the postings page — and the refusals (bad query, out of scope, unknown code).
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer } from '../lib/server.mjs'

let server
let admin
let county
before(async () => {
  server = await startServer({
    users: [
      { username: 'admin', role: 'admin', region: '540000' },
      { username: 'chengguan', role: 'county_officer', region: '540102' },
    ],
  })
  admin = await server.login('admin')
  county = await server.login('chengguan')
  // Townships and villages: three villages named 团结新村, two in 城关区 and one in 堆龙德庆区.
  const csv = [
    'code,name,level,parent_code',
    '540102001,八廓街道,township,540102',
    '540102002,蔡公堂乡,township,540102',
    '540102001001,团结新村,village,540102001',
    '540102002001,团结新村,village,540102002',
    '540103001,东嘎镇,township,540103',
    '540103001001,团结新村,village,540103001',
  ].join('\n')
  const r = await admin.fetch('/api/v1/imports/regions', { method: 'POST', body: csv + '\n', headers: { 'Content-Type': 'text/csv' } })
  assert.equal(r.status, 200, await r.text())
})
after(async () => {
  await server?.stop()
})

const json = async (client, path, status = 200) => {
  const r = await client.fetch(path)
  const body = await r.json()
  assert.equal(r.status, status, `${path}: ${JSON.stringify(body)}`)
  return body
}
const q = (s) => encodeURIComponent(s)
const codes = (body) => body.items.map((r) => r.code)
const pathNames = (r) => r.path.map((p) => p.name).join('/')

test('a name search finds every village of that name, each with its path down from the province', async () => {
  const body = await json(admin, `/api/v1/regions?q=${q('团结')}`)
  assert.deepEqual(codes(body), ['540102001001', '540102002001', '540103001001'])
  assert.equal(body.truncated, false)
  assert.deepEqual(body.items.map(pathNames), [
    '西藏自治区/拉萨市/城关区/八廓街道/团结新村',
    '西藏自治区/拉萨市/城关区/蔡公堂乡/团结新村',
    '西藏自治区/拉萨市/堆龙德庆区/东嘎镇/团结新村',
  ])
  const v = body.items[0]
  assert.equal(v.level, 'village')
  assert.equal(v.parent_code, '540102001')
  assert.deepEqual(v.path.at(-1), { code: '540102001001', name: '团结新村', level: 'village' })
})

test('pinyin initials find regions in any case; higher levels come first', async () => {
  const lhasa = await json(admin, '/api/v1/regions?q=lss')
  assert.deepEqual(codes(lhasa), ['540100'])
  assert.deepEqual(codes(await json(admin, '/api/v1/regions?q=LSS')), ['540100'])
  const villages = await json(admin, '/api/v1/regions?q=tjxc')
  assert.deepEqual(codes(villages), ['540102001001', '540102002001', '540103001001'])
  // 西藏 (xz): 藏 has two readings, zàng and cáng; the search accepts either initial
  assert.ok(codes(await json(admin, '/api/v1/regions?q=xz')).includes('540000'))
  const cg = await json(admin, '/api/v1/regions?q=cg')
  assert.equal(cg.items[0].code, '540102', 'the county before its villages')
})

test('a code prefix finds the region and what lies below it', async () => {
  const body = await json(admin, '/api/v1/regions?q=540102')
  assert.deepEqual(codes(body), ['540102', '540102001', '540102002', '540102001001', '540102002001'])
})

test('a county officer searches only the county: out-of-scope regions are never offered', async () => {
  assert.deepEqual(codes(await json(county, `/api/v1/regions?q=${q('团结')}`)), ['540102001001', '540102002001'])
  assert.deepEqual(codes(await json(county, '/api/v1/regions?q=lss')), [], '拉萨市 is above the county')
  assert.deepEqual(codes(await json(county, `/api/v1/regions?q=${q('东嘎')}`)), [])
  // within a parent of the scope
  assert.deepEqual(codes(await json(county, `/api/v1/regions?q=${q('团结')}&parent=540102002`)), ['540102002001'])
  // a parent outside the scope is refused, an unknown one is not found
  const other = await json(county, `/api/v1/regions?q=${q('团结')}&parent=540103`, 403)
  assert.equal(other.error.code, 'permission_denied')
  const up = await json(county, '/api/v1/regions?level=township&parent=540100', 403)
  assert.equal(up.error.code, 'permission_denied')
  const unknown = await json(admin, `/api/v1/regions?q=${q('团结')}&parent=999999`, 404)
  assert.equal(unknown.error.code, 'not_found')
  // one region: in scope with its path; outside refused; unknown not found
  const mine = await json(county, '/api/v1/regions/540102002001')
  assert.deepEqual(mine.path.map((p) => p.code), ['540000', '540100', '540102', '540102002', '540102002001'])
  assert.equal((await json(county, '/api/v1/regions/540103001001', 403)).error.code, 'permission_denied')
  assert.equal((await json(county, '/api/v1/regions/540100', 403)).error.code, 'permission_denied')
  assert.equal((await json(admin, '/api/v1/regions/540199999', 404)).error.code, 'not_found')
})

test('bad queries are 400 invalid_argument', async () => {
  for (const path of [
    '/api/v1/regions?q=',
    `/api/v1/regions?q=${q('   ')}`,
    `/api/v1/regions?q=${'a'.repeat(21)}`,
    `/api/v1/regions?q=${q('团'.repeat(21))}`,
    '/api/v1/regions?q=%FF',
    '/api/v1/regions?q=ls&level=county',
    '/api/v1/regions?level=city',
    '/api/v1/regions?level=',
  ]) {
    const body = await json(admin, path, 400)
    assert.equal(body.error.code, 'invalid_argument', path)
  }
  // twenty characters are still a query
  assert.equal((await json(admin, `/api/v1/regions?q=${'a'.repeat(20)}`)).items.length, 0)
})

test('the regions of a level: all in the scope, or under a parent', async () => {
  const counties = await json(admin, '/api/v1/regions?level=county')
  assert.equal(counties.items.length, 74)
  assert.equal(counties.truncated, false)
  assert.deepEqual(counties.items[0].path.map((p) => p.code), ['540000', '540100', '540102'])
  assert.equal((await json(admin, '/api/v1/regions?level=county&parent=540100')).items.length, 8)
  assert.deepEqual(codes(await json(county, '/api/v1/regions?level=county')), ['540102'], 'the own county')
  assert.deepEqual(codes(await json(county, '/api/v1/regions?level=township')), ['540102001', '540102002'])
  assert.deepEqual(codes(await json(county, '/api/v1/regions?level=prefecture')), [])
})

test('more than 50 matches are cut with truncated', async () => {
  const body = await json(admin, '/api/v1/regions?q=54')
  assert.equal(body.items.length, 50)
  assert.equal(body.truncated, true)
  assert.equal(body.items[0].code, '540000')
})

test('the public search needs no session, reads only names and paths, and refuses bad queries', async () => {
  const r = await fetch(`${server.baseUrl}/api/v1/public/regions?q=${q('团结')}`)
  assert.equal(r.status, 200)
  const body = await r.json()
  assert.deepEqual(codes(body), ['540102001001', '540102002001', '540103001001'])
  assert.equal(pathNames(body.items[2]), '西藏自治区/拉萨市/堆龙德庆区/东嘎镇/团结新村')
  const pinyin = await (await fetch(`${server.baseUrl}/api/v1/public/regions?q=lss`)).json()
  assert.deepEqual(codes(pinyin), ['540100'])
  const code = await (await fetch(`${server.baseUrl}/api/v1/public/regions?q=540100`)).json()
  assert.equal(code.items[0].name, '拉萨市')
  for (const path of ['/api/v1/public/regions', '/api/v1/public/regions?q=', `/api/v1/public/regions?q=${'z'.repeat(21)}`]) {
    const bad = await fetch(server.baseUrl + path)
    assert.equal(bad.status, 400, path)
    assert.equal((await bad.json()).error.code, 'invalid_argument', path)
  }
})

test('the children listing is unchanged and carries no path', async () => {
  const body = await json(county, '/api/v1/regions?parent=540102')
  assert.deepEqual(codes(body), ['540102001', '540102002'])
  assert.equal(body.items[0].path, undefined)
  assert.equal(body.truncated, undefined)
})
