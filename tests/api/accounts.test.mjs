// Accounts and sessions against the real binary: login, cookie attributes, CSRF, logout,
// idle and absolute expiry, throttling, scope, and the CLI's error paths.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, cli, tempDbUrl, addUser, clientFor, testPassword } from '../lib/server.mjs'

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
/** No driver text, SQL or stack traces in any error body. */
function assertCleanError(text) {
  assert.doesNotMatch(text, /sqlite|SELECT |INSERT |UPDATE |constraint|std::|\.cpp|terminate|exception/i, text)
}

let server
before(async () => {
  server = await startServer({
    users: [
      { username: 'admin', role: 'admin', region: '540000' },
      { username: 'lhasa-admin', role: 'admin', region: '540100' },
      { username: 'chengguan', role: 'county_officer', region: '540102' },
      { username: 'leader', role: 'leader', region: '540000' },
    ],
  })
})
after(async () => {
  await server?.stop()
})

const post = (path, body, headers = {}) =>
  fetch(server.baseUrl + path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body })

test('login returns the user, role, region and a CSRF token and sets a strict HttpOnly cookie', async () => {
  const res = await post('/api/v1/session', JSON.stringify({ username: 'chengguan', password: testPassword }))
  assert.equal(res.status, 200)
  const body = await res.json()
  assert.equal(body.username, 'chengguan')
  assert.equal(body.role, 'county_officer')
  assert.equal(body.region_code, '540102')
  assert.equal(body.user.region_name, '城关区')
  assert.match(body.csrf_token, /^[0-9a-f]{64}$/)
  assert.equal(body.user.password_hash, undefined)
  const cookie = res.headers.get('set-cookie')
  assert.match(cookie, /^xj_session=[0-9a-f]{64}; /)
  assert.match(cookie, /; HttpOnly/)
  assert.match(cookie, /; SameSite=Strict/)
  assert.match(cookie, /; Path=\//)
  assert.match(cookie, /; Max-Age=43200/)
  assert.doesNotMatch(cookie, /Secure/, 'plain HTTP on loopback: no Secure flag')
  assert.equal(res.headers.get('cache-control'), 'no-store')
})

test('behind a TLS proxy the cookie is Secure', async () => {
  const res = await post('/api/v1/session', JSON.stringify({ username: 'leader', password: testPassword }), {
    'X-Forwarded-Proto': 'https',
  })
  assert.equal(res.status, 200)
  assert.match(res.headers.get('set-cookie'), /; Secure/)
})

test('GET /api/v1/session returns the current user, 401 without or with a bad cookie', async () => {
  const s = await server.login('leader')
  const me = await s.get('/api/v1/session')
  assert.equal(me.status, 200)
  const body = await me.json()
  assert.equal(body.user.username, 'leader')
  assert.equal(body.csrf_token, s.csrf)
  for (const cookie of ['', 'xj_session=', 'xj_session=deadbeef', `xj_session=${'0'.repeat(64)}`, "xj_session=' OR 1=1 --"]) {
    const r = await clientFor(server.baseUrl, cookie, '').get('/api/v1/session')
    assert.equal(r.status, 401, cookie)
    const text = await r.text()
    assert.equal(JSON.parse(text).error.code, 'unauthenticated')
    assertCleanError(text)
  }
})

test('wrong password and unknown user get the same 401', async () => {
  const wrong = await post('/api/v1/session', JSON.stringify({ username: 'leader', password: 'not-the-password' }))
  const unknown = await post('/api/v1/session', JSON.stringify({ username: 'nobody', password: 'not-the-password' }))
  assert.equal(wrong.status, 401)
  assert.equal(unknown.status, 401)
  assert.deepEqual(await wrong.json(), await unknown.json())
})

test('malformed login requests are refused with 400 or 415', async () => {
  const cases = [
    [JSON.stringify({ username: 'leader' }), 400],
    [JSON.stringify({ username: 'leader', password: 12345678901 }), 400],
    [JSON.stringify(['leader', testPassword]), 400],
    ['{"username": "leader", "password": ', 400],
    ['[' .repeat(40) + ']'.repeat(40), 400],
  ]
  for (const [body, status] of cases) {
    const r = await post('/api/v1/session', body)
    assert.equal(r.status, status, body)
    const text = await r.text()
    assert.equal(JSON.parse(text).error.code, 'invalid_argument')
    assertCleanError(text)
  }
  const form = await fetch(server.baseUrl + '/api/v1/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: `username=leader&password=${testPassword}`,
  })
  assert.equal(form.status, 415, 'a cross-site HTML form cannot log in')
})

test('every state-changing request needs the X-CSRF-Token of its session', async () => {
  const admin = await server.login('admin')
  const other = await server.login('lhasa-admin')
  const newUser = { username: 'csrf-check', role: 'leader', region_code: '540100', password: testPassword }
  const attempts = [
    clientFor(server.baseUrl, admin.cookie, ''),
    clientFor(server.baseUrl, admin.cookie, 'wrong'),
    clientFor(server.baseUrl, admin.cookie, other.csrf),
  ]
  for (const c of attempts) {
    const r = await c.post('/api/v1/users', newUser)
    assert.equal(r.status, 403)
    assert.equal((await r.json()).error.code, 'csrf_failed')
    const out = await c.fetch('/api/v1/session', { method: 'DELETE' })
    assert.equal(out.status, 403)
  }
  const ok = await admin.post('/api/v1/users', newUser)
  assert.equal(ok.status, 201, await ok.clone().text())
  assert.equal((await ok.json()).username, 'csrf-check')
})

test('logout revokes the session and clears the cookie', async () => {
  const s = await server.login('leader')
  const out = await s.fetch('/api/v1/session', { method: 'DELETE' })
  assert.equal(out.status, 200)
  assert.match(out.headers.get('set-cookie'), /^xj_session=; .*Max-Age=0/)
  const after = await s.get('/api/v1/session')
  assert.equal(after.status, 401)
  const again = await s.fetch('/api/v1/session', { method: 'DELETE' })
  assert.equal(again.status, 401)
})

test('out-of-scope reads are 403, unknown regions 404, role-less writes 403', async () => {
  const county = await server.login('chengguan')
  assert.equal((await county.get('/api/v1/regions/540102')).status, 200)
  const roots = await (await county.get('/api/v1/regions')).json()
  assert.deepEqual(
    roots.items.map((r) => r.code),
    ['540102'],
    'a county officer sees its county at the top',
  )
  for (const path of ['/api/v1/regions/540100', '/api/v1/regions/540202', '/api/v1/regions?parent=540000']) {
    const r = await county.get(path)
    assert.equal(r.status, 403, path)
    assert.equal((await r.json()).error.code, 'permission_denied')
  }
  assert.equal((await county.get('/api/v1/regions/999999')).status, 404)
  assert.equal((await county.get('/api/v1/audit')).status, 403)
  assert.equal((await county.get('/api/v1/users')).status, 403)
  const lhasa = await server.login('lhasa-admin')
  const far = await lhasa.post('/api/v1/users', { username: 'far', role: 'leader', region_code: '540200', password: testPassword })
  assert.equal(far.status, 403)
  const users = await (await lhasa.get('/api/v1/users')).json()
  assert.ok(users.items.every((u) => ['540100', '540102'].includes(u.region_code)), JSON.stringify(users.items))
})

test('creating users through the API validates every field', async () => {
  const admin = await server.login('admin')
  const base = { username: 'v-user', role: 'leader', region_code: '540100', password: testPassword }
  const cases = [
    [{ ...base, password: 'short' }, 400],
    [{ ...base, role: 'superuser' }, 400],
    [{ ...base, role: 'system' }, 400],
    [{ ...base, region_code: '999999' }, 404],
    [{ ...base, role: 'county_officer' }, 400],
    [{ ...base, username: '' }, 400],
    [{ ...base, username: 'x'.repeat(65) }, 400],
    [{ ...base, username: 'line\nbreak' }, 400],
    [{ username: 'v-user', role: 'leader' }, 400],
    [{ ...base, username: 'admin' }, 409],
  ]
  for (const [body, status] of cases) {
    const r = await admin.post('/api/v1/users', body)
    const text = await r.text()
    assert.equal(r.status, status, `${JSON.stringify(body)} → ${text}`)
    assertCleanError(text)
  }
})

test('sessions expire when idle and absolutely', async () => {
  const s = await startServer({
    users: [{ username: 'u', role: 'leader', region: '540000' }],
    args: ['--session-idle-seconds', '3', '--session-absolute-seconds', '6'],
  })
  try {
    const idle = await s.login('u')
    assert.equal((await idle.get('/api/v1/session')).status, 200)
    await sleep(3300)
    const expired = await idle.get('/api/v1/session')
    assert.equal(expired.status, 401)
    assert.match((await expired.json()).error.message, /未操作/)

    const started = Date.now()
    const busy = await s.login('u')
    // Times are whole seconds, so a gap just over 1 s between uses can count as 2 and a session
    // can look up to 1 s older than it is: with 3 s idle and 6 s absolute, uses every ~0.4 s
    // until 4.5 s after the login was sent keep it alive even when a loaded machine answers slowly.
    while (Date.now() - started < 4500) {
      assert.equal((await busy.get('/api/v1/regions')).status, 200, 'kept alive by use')
      await sleep(400)
    }
    while (Date.now() - started < 7000) {
      await busy.get('/api/v1/regions')
      await sleep(400)
    }
    const tooOld = await busy.get('/api/v1/regions')
    assert.equal(tooOld.status, 401)
    assert.match((await tooOld.json()).error.message, /最长时限/)
  } finally {
    await s.stop()
  }
})

test('repeated failed logins are throttled per user and per address with 429', async () => {
  const s = await startServer({
    users: [
      { username: 'victim', role: 'leader', region: '540000' },
      { username: 'bystander', role: 'leader', region: '540000' },
    ],
    args: ['--login-max-failures', '3', '--login-max-failures-per-address', '6', '--login-window-seconds', '60'],
  })
  const attempt = (username, password) =>
    fetch(s.baseUrl + '/api/v1/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password }),
    })
  try {
    for (let i = 0; i < 3; i++) assert.equal((await attempt('victim', 'guess-number-' + i)).status, 401)
    const blocked = await attempt('victim', testPassword)
    assert.equal(blocked.status, 429, 'even the right password waits')
    const body = await blocked.json()
    assert.equal(body.error.code, 'too_many_requests')
    assert.match(body.error.message, /秒后再试/)
    assert.equal((await attempt('bystander', testPassword)).status, 200, 'other users are not locked out')
    for (let i = 0; i < 3; i++) assert.equal((await attempt('spray-' + i, 'guess')).status, 401)
    assert.equal((await attempt('bystander', testPassword)).status, 429, 'the address is throttled after 6 failures')
    const metrics = await (await fetch(s.baseUrl + '/metrics')).text()
    assert.match(metrics, /^xianjie_login_failures_total 8$/m)
  } finally {
    await s.stop()
  }
})

test('xianjie user add reports every error and reads the password from stdin', () => {
  const { url } = tempDbUrl()
  assert.equal(cli(['import', '--db', url, '--kind', 'regions', 'data/xizang-regions.csv']).status, 0)
  const add = (name, role, region, input) => cli(['user', 'add', name, '--role', role, '--region', region, '--db', url], { input })
  const short = add('a', 'admin', '540000', 'short\n')
  assert.equal(short.status, 2)
  assert.match(short.stderr, /密码至少 10 个字符/)
  const role = add('a', 'root', '540000', `${testPassword}\n`)
  assert.equal(role.status, 2)
  assert.match(role.stderr, /未知角色/)
  const region = add('a', 'admin', '999999', `${testPassword}\n`)
  assert.notEqual(region.status, 0)
  assert.match(region.stderr, /区划不存在/)
  const level = add('a', 'township_officer', '540102', `${testPassword}\n`)
  assert.equal(level.status, 2)
  assert.match(level.stderr, /乡镇/)
  const empty = add('a', 'admin', '540000', '')
  assert.equal(empty.status, 2)
  const ok = add('a', 'admin', '540000', `${testPassword}\r\n`)
  assert.equal(ok.status, 0, ok.stderr)
  assert.match(ok.stdout, /已创建用户 a/)
  const dup = add('a', 'leader', '540000', `${testPassword}\n`)
  assert.notEqual(dup.status, 0)
  assert.match(dup.stderr, /用户名已存在/)
  assertCleanError(dup.stderr)
  const missing = cli(['user', 'add', 'b', '--db', url], { input: `${testPassword}\n` })
  assert.notEqual(missing.status, 0)
})

test('failed logins from one address do not lock the real user out from another (issue 13)', async () => {
  const http = await import('node:http')
  const s = await startServer({
    users: [{ username: 'victim', role: 'leader', region: '540000' }],
    args: ['--login-max-failures', '3', '--login-window-seconds', '600'],
  })
  // Linux routes all of 127.0.0.0/8 to loopback: the attacker and the user differ by source address.
  const attempt = (username, password, localAddress) => new Promise((resolve, reject) => {
    const body = JSON.stringify({ username, password })
    const req = http.request(s.baseUrl + '/api/v1/session', {
      method: 'POST', localAddress, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
    }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode))
    })
    req.on('error', reject)
    req.end(body)
  })
  try {
    for (let i = 0; i < 3; i++) assert.equal(await attempt('victim', 'guess-number-' + i, '127.0.0.2'), 401)
    assert.equal(await attempt('victim', 'guess-number-9', '127.0.0.2'), 429, 'the guessing address waits')
    assert.equal(await attempt('victim', testPassword, '127.0.0.3'), 200, 'the real user elsewhere signs in')
    assert.equal(await attempt('victim', testPassword, '127.0.0.2'), 429, 'the guessing address still waits')
  } finally {
    await s.stop()
  }
})
