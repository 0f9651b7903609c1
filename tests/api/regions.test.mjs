// Black-box API tests: the real binary on a free port with a fresh database of the
// backend XIANJIE_TEST_DB names.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import net from 'node:net'
import { startServer, cli, tempDbUrl, testBackend } from '../lib/server.mjs'

let server
let admin
before(async () => {
  server = await startServer({ users: [{ username: 'admin', role: 'admin', region: '540000' }] })
  admin = await server.login('admin')
})
after(async () => {
  await server?.stop()
})

/** Signed in as the regional admin: the regions API needs a session. */
const get = (p, init) => admin.fetch(p, init)

test('GET /healthz reports the store', async () => {
  const r = await get('/healthz')
  assert.equal(r.status, 200)
  const body = await r.json()
  assert.equal(body.status, 'ok')
  assert.equal(body.backend, testBackend)
  assert.ok(body.schema_version >= 1)
})

test('the regions API needs a session', async () => {
  const anonymous = await fetch(server.baseUrl + '/api/v1/regions')
  assert.equal(anonymous.status, 401)
  assert.equal((await anonymous.json()).error.code, 'unauthenticated')
})

test('GET /api/v1/regions lists roots and children with descendant counts', async () => {
  const roots = await (await get('/api/v1/regions')).json()
  assert.deepEqual(roots.items.map((r) => [r.code, r.name, r.child_count, r.descendant_count]), [
    ['540000', '西藏自治区', 7, 81],
  ])
  const prefectures = await (await get('/api/v1/regions?parent=540000')).json()
  assert.equal(prefectures.items.length, 7)
  assert.equal(prefectures.items.reduce((s, p) => s + p.child_count, 0), 74)
  const lhasa = prefectures.items.find((p) => p.code === '540100')
  assert.equal(lhasa.name, '拉萨市')
  assert.equal(lhasa.level, 'prefecture')
  assert.equal(lhasa.descendant_count, 8)
  const counties = await (await get('/api/v1/regions?parent=540100')).json()
  assert.equal(counties.items[0].code, '540102')
  assert.equal(counties.items[0].child_count, 0)
})

test('errors are JSON with a stable code', async () => {
  const missing = await get('/api/v1/regions?parent=999999')
  assert.equal(missing.status, 404)
  assert.match(missing.headers.get('content-type'), /application\/json/)
  assert.equal((await missing.json()).error.code, 'not_found')
  const noRoute = await get('/api/v1/nothing-here')
  assert.equal(noRoute.status, 404)
  assert.equal((await noRoute.json()).error.code, 'not_found')
  const wrongMethod = await get('/api/v1/regions', { method: 'DELETE' })
  assert.equal(wrongMethod.status, 405)
  assert.equal((await wrongMethod.json()).error.code, 'method_not_allowed')
})

test('the web app is served with content types, caching and a history fallback', async () => {
  const index = await get('/')
  assert.equal(index.status, 200)
  assert.match(index.headers.get('content-type'), /text\/html/)
  assert.equal(index.headers.get('cache-control'), 'no-cache')
  const html = await index.text()
  const asset = html.match(/\/assets\/[^"]+\.js/)[0]
  const js = await get(asset)
  assert.equal(js.status, 200)
  assert.match(js.headers.get('content-type'), /text\/javascript/)
  assert.match(js.headers.get('cache-control'), /immutable/)
  const deep = await get('/dashboard?region=540000')
  assert.equal(deep.status, 200)
  assert.match(await deep.text(), /<div id="app">/)
  const missingAsset = await get('/assets/nope.js')
  assert.equal(missingAsset.status, 404)
  const escape = await get('/..%2f..%2fetc/passwd')
  assert.notEqual(escape.status, 200)
  assert.equal(index.headers.get('x-content-type-options'), 'nosniff')
  assert.match(index.headers.get('content-security-policy'), /frame-ancestors 'none'/)
})

/** Sends raw bytes and resolves with the raw response text (or '' when the server closes). */
function raw(payload, { waitMs = 3000 } = {}) {
  const { port, hostname } = new URL(server.baseUrl)
  return new Promise((resolve) => {
    const s = net.connect(Number(port), hostname, () => s.write(payload))
    let data = ''
    s.on('data', (d) => (data += d))
    s.on('close', () => resolve(data))
    s.on('error', () => resolve(data))
    setTimeout(() => {
      s.destroy()
      resolve(data)
    }, waitMs)
  })
}

test('transport limits answer with JSON errors', async () => {
  const longUrl = await raw(`GET /api/v1/regions?x=${'a'.repeat(9000)} HTTP/1.1\r\nHost: x\r\n\r\n`)
  assert.match(longUrl, /^HTTP\/1\.1 414/)
  const bigHeader = await raw(`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(20000)}\r\n\r\n`)
  assert.match(bigHeader, /^HTTP\/1\.1 431/)
  const bigBody = await raw(`POST /api/v1/regions HTTP/1.1\r\nHost: x\r\nContent-Length: ${2 * 1024 * 1024}\r\n\r\n`)
  assert.match(bigBody, /^HTTP\/1\.1 413/)
  assert.match(bigBody, /"code":"too_large"/)
  const garbage = await raw('NOT HTTP AT ALL\r\n\r\n')
  assert.match(garbage, /^HTTP\/1\.1 400/)
})

test('keep-alive serves several requests on one connection', async () => {
  const two = 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'
  const res = await raw(two)
  assert.equal(res.match(/HTTP\/1\.1 200/g)?.length, 2)
})

test('CLI import rejects a bad file with row and column and changes nothing', async () => {
  const { url, drop } = tempDbUrl()
  after(drop)
  assert.equal(cli(['import', '--db', url, '--kind', 'regions', 'data/xizang-regions.csv']).status, 0)
  const bad = cli(['import', '--db', url, '--kind', 'regions', 'tests/fixtures/regions-bad.csv'])
  assert.equal(bad.status, 2)
  assert.match(bad.stderr, /第3行/)
  assert.match(bad.stderr, /unknown_parent/)
  const again = cli(['import', '--db', url, '--kind', 'regions', 'data/xizang-regions.csv'])
  assert.match(again.stdout, /新增 0, 更新 0, 未变 82/)
})
