// The web app and the API over the wire (issue #22 point 1): the build's brotli and gzip copies
// (web/scripts/compress.mjs) sent by Accept-Encoding, byte-identical once decoded; hashed assets
// cached for good; the entry page revalidated with its ETag (304); large API answers gzipped
// (src/http/compression.cpp). Raw node:http requests: fetch would decode the body and hide the
// encoding.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import zlib from 'node:zlib'
import { repoRoot, startServer } from '../lib/server.mjs'

const dist = path.join(repoRoot, 'web', 'dist')
let server
before(async () => {
  server = await startServer({ users: [{ username: 'admin', role: 'admin', region: '540000' }] })
})
after(async () => {
  await server?.stop()
})

/** GET `target` with `headers`; resolves to {status, headers, body: Buffer}. */
const get = (target, headers = {}) =>
  new Promise((resolve, reject) => {
    const req = http.get(server.baseUrl + target, { headers }, (res) => {
      const chunks = []
      res.on('data', (c) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', reject)
  })

/** The largest script of the build (the one a slow link waits for). */
function largestScript() {
  const scripts = fs.readdirSync(path.join(dist, 'assets')).filter((f) => f.endsWith('.js'))
  assert.ok(scripts.length > 0, 'web/dist has no scripts: build the web app first (scripts/setup.sh)')
  return scripts.map((f) => [f, fs.statSync(path.join(dist, 'assets', f)).size]).sort((a, b) => b[1] - a[1])[0][0]
}

test('a script is sent as brotli, gzip or as it is by Accept-Encoding, the same bytes once decoded', async () => {
  const name = largestScript()
  const original = fs.readFileSync(path.join(dist, 'assets', name))
  const br = await get(`/assets/${name}`, { 'Accept-Encoding': 'gzip, deflate, br' })
  assert.equal(br.status, 200)
  assert.equal(br.headers['content-encoding'], 'br')
  assert.equal(br.headers.vary, 'Accept-Encoding')
  assert.equal(br.headers['cache-control'], 'public, max-age=31536000, immutable')
  assert.ok(br.body.length < original.length / 2, `brotli ${br.body.length} of ${original.length} bytes`)
  assert.ok(zlib.brotliDecompressSync(br.body).equals(original))

  const gz = await get(`/assets/${name}`, { 'Accept-Encoding': 'gzip' })
  assert.equal(gz.headers['content-encoding'], 'gzip')
  assert.ok(zlib.gunzipSync(gz.body).equals(original))

  const plain = await get(`/assets/${name}`)
  assert.equal(plain.headers['content-encoding'], undefined)
  assert.ok(plain.body.equals(original))
  assert.equal(Number(plain.headers['content-length']), original.length)
})

test('the entry page is revalidated: its ETag answers 304 with no body, a stale one the page', async () => {
  const first = await get('/', { 'Accept-Encoding': 'br' })
  assert.equal(first.status, 200)
  assert.equal(first.headers['cache-control'], 'no-cache')
  const etag = first.headers.etag
  assert.match(etag, /^"[0-9a-f]{16}-\d+"$/)
  const again = await get('/', { 'Accept-Encoding': 'br', 'If-None-Match': etag })
  assert.equal(again.status, 304)
  assert.equal(again.body.length, 0)
  assert.equal(again.headers.etag, etag)
  const stale = await get('/', { 'Accept-Encoding': 'br', 'If-None-Match': '"0000000000000000-1"' })
  assert.equal(stale.status, 200)
  // A history-mode route is the same page with the same validator.
  const route = await get('/projects', { 'Accept-Encoding': 'br', 'If-None-Match': etag })
  assert.equal(route.status, 304)
})

test('a missing asset is a JSON 404, and the API is not served from the files', async () => {
  const missing = await get('/assets/nope-123.js', { 'Accept-Encoding': 'br' })
  assert.equal(missing.status, 404)
  assert.equal(JSON.parse(missing.body.toString()).error.code, 'not_found')
  const api = await get('/api/v1/rankings?region=540000&year=2023&as_of=2023-12-31', { 'Accept-Encoding': 'br' })
  assert.equal(api.status, 401)
  assert.equal(api.headers['content-encoding'], undefined)
})

test('a large API answer is gzipped for a client that accepts gzip, the same JSON once decoded', async () => {
  const admin = await server.login('admin')
  const headers = (encoding) => ({ Cookie: admin.cookie, ...(encoding ? { 'Accept-Encoding': encoding } : {}) })
  const gz = await get('/api/v1/rankings?region=540000&year=2023&as_of=2023-12-31', headers('gzip, deflate, br'))
  assert.equal(gz.status, 200)
  assert.equal(gz.headers['content-encoding'], 'gzip')
  assert.equal(gz.headers.vary, 'Accept-Encoding')
  const plain = await get('/api/v1/rankings?region=540000&year=2023&as_of=2023-12-31', headers(''))
  assert.equal(plain.headers['content-encoding'], undefined)
  assert.ok(plain.body.length >= 1024, `the ranking is ${plain.body.length} bytes`)
  assert.ok(gz.body.length < plain.body.length / 3, `${gz.body.length} of ${plain.body.length} bytes`)
  assert.deepEqual(JSON.parse(zlib.gunzipSync(gz.body).toString()), JSON.parse(plain.body.toString()))
  // The public contract too; a small answer and an error are sent as they are.
  const yaml = await get('/api/docs/openapi.yaml', { 'Accept-Encoding': 'gzip' })
  assert.equal(yaml.headers['content-encoding'], 'gzip')
  assert.equal(zlib.gunzipSync(yaml.body).toString(), (await get('/api/docs/openapi.yaml')).body.toString())
  const small = await get('/healthz', { 'Accept-Encoding': 'gzip' })
  assert.equal(small.headers['content-encoding'], undefined)
  const refused = await get('/api/v1/rankings?region=540000&year=2023&as_of=2023-12-31', { 'Accept-Encoding': 'gzip;q=0, br', Cookie: admin.cookie })
  assert.equal(refused.headers['content-encoding'], undefined)
  assert.equal(refused.status, 200)
})
