// Transport hardening: a slow client cannot hold a connection, idle keep-alive connections
// are closed, limits answer with clean JSON errors, and security headers are on every answer.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import net from 'node:net'
import { startServer } from '../lib/server.mjs'

let server
before(async () => {
  server = await startServer({
    users: [{ username: 'admin', role: 'admin', region: '540000' }],
    args: ['--header-timeout-seconds', '1', '--idle-timeout-seconds', '1'],
  })
})
after(async () => {
  await server?.stop()
})

/** Opens a socket, runs `talk(socket)`, and resolves with {data, closedAfterMs} when the server closes it. */
function connection(talk, { limitMs = 8000 } = {}) {
  const { port, hostname } = new URL(server.baseUrl)
  return new Promise((resolve) => {
    const started = Date.now()
    const s = net.connect(Number(port), hostname, () => talk(s))
    let data = ''
    let done = false
    const finish = (closed) => {
      if (done) return
      done = true
      clearTimeout(timer)
      s.destroy()
      resolve({ data, closed, closedAfterMs: Date.now() - started })
    }
    s.on('data', (d) => (data += d))
    s.on('close', () => finish(true))
    s.on('error', () => finish(true))
    const timer = setTimeout(() => finish(false), limitMs)
  })
}

test('a client that sends only part of a header is disconnected', async () => {
  const r = await connection((s) => s.write('GET /healthz HTTP/1.1\r\nHost: x\r\n'))
  assert.ok(r.closed, 'the server closed the connection')
  assert.ok(r.closedAfterMs < 4000, `closed after ${r.closedAfterMs} ms`)
  assert.doesNotMatch(r.data, /200 OK/)
})

test('a client trickling its header byte by byte is cut off at the header deadline', async () => {
  let timer
  const r = await connection((s) => {
    const header = 'GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ' + 'a'.repeat(200) + '\r\n\r\n'
    let i = 0
    timer = setInterval(() => {
      if (i < header.length && !s.destroyed) s.write(header[i++])
    }, 100)
  })
  clearInterval(timer)
  assert.ok(r.closed)
  assert.ok(r.closedAfterMs < 4000, `closed after ${r.closedAfterMs} ms`)
})

test('slow clients do not stop others from being served', async () => {
  const slow = Array.from({ length: 20 }, () => connection((s) => s.write('GET / HTTP/1.1\r\n')))
  const res = await fetch(server.baseUrl + '/healthz')
  assert.equal(res.status, 200)
  await Promise.all(slow)
})

test('an idle keep-alive connection is closed', async () => {
  const r = await connection((s) => s.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n'))
  assert.match(r.data, /^HTTP\/1\.1 200/)
  assert.ok(r.closed)
  assert.ok(r.closedAfterMs < 4000, `closed after ${r.closedAfterMs} ms`)
})

test('limits and errors answer with JSON and never leak internals', async () => {
  const admin = await server.login('admin')
  const tooDeep = await fetch(server.baseUrl + '/api/v1/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{"a":'.repeat(100) + '1' + '}'.repeat(100),
  })
  assert.equal(tooDeep.status, 400)
  assert.match((await tooDeep.json()).error.message, /嵌套层数/)
  const big = await fetch(server.baseUrl + '/api/v1/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'x', password: 'y'.repeat(2 * 1024 * 1024) }),
  }).catch(() => null)
  if (big) assert.equal(big.status, 413)
  const badCsv = await admin.fetch('/api/v1/imports/regions', { method: 'POST', body: 'code,name\n"unterminated' })
  assert.equal(badCsv.status, 400)
  for (const res of [tooDeep, badCsv]) {
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff')
    assert.equal(res.headers.get('x-frame-options'), 'DENY')
  }
  const unauth = await fetch(server.baseUrl + '/api/v1/regions')
  assert.equal(unauth.status, 401)
  assert.match(unauth.headers.get('content-security-policy'), /default-src 'self'/)
  for (const r of [unauth, badCsv]) {
    const text = await r.text()
    assert.doesNotMatch(text, /sqlite|SELECT |INSERT |std::|\.cpp|exception/i, text)
  }
})
