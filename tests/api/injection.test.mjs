// SQL-injection strings in every text field and filter are stored and returned verbatim
// (all SQL is prepared with bound parameters), or refused as ordinary bad input.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, testPassword, clientFor, rawSql } from '../lib/server.mjs'

const nasty = [
  "' OR '1'='1",
  "admin'--",
  "'; DROP TABLE users; --",
  '" OR ""="',
  '1; SELECT * FROM sessions',
  "%' OR 1=1 --",
  "\\'; DELETE FROM audit_log; --",
  ') OR (1=1',
  "x' UNION SELECT password_hash FROM users --",
  '衔接\'); DROP TABLE regions;--',
]

let server
let admin
let auditor
before(async () => {
  server = await startServer({
    users: [
      { username: 'admin', role: 'admin', region: '540000' },
      { username: 'auditor', role: 'auditor', region: '540000' },
    ],
  })
  admin = await server.login('admin')
  auditor = await server.login('auditor')
})
after(async () => {
  await server?.stop()
})

test('usernames and passwords: stored, listed, logged in and audited verbatim', async () => {
  for (const [i, name] of nasty.entries()) {
    const password = `${name}-pw-${i}-long-enough`
    const made = await admin.post('/api/v1/users', { username: name, role: 'leader', region_code: '540100', password })
    assert.equal(made.status, 201, `${name}: ${await made.clone().text()}`)
    assert.equal((await made.json()).username, name)
    const s = await server.login(name, password)
    const me = await (await s.get('/api/v1/session')).json()
    assert.equal(me.user.username, name)
    const wrong = await fetch(server.baseUrl + '/api/v1/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: name, password: "' OR '1'='1" }),
    })
    assert.equal(wrong.status, 401, 'an injection password never logs in')
  }
  const listed = (await (await admin.get('/api/v1/users')).json()).items.map((u) => u.username)
  for (const name of nasty) assert.ok(listed.includes(name), name)
  assert.equal(listed.length, nasty.length + 2, 'no extra rows appeared, none vanished')
})

test('audit filters take injection strings as plain values', async () => {
  for (const name of nasty) {
    const byEntity = await (await auditor.get('/api/v1/audit?entity=' + encodeURIComponent('user:' + name))).json()
    // Created, then one failed login with an injection password.
    assert.deepEqual(byEntity.items.map((r) => r.action), ['session.login_failed', 'user.create'], name)
    assert.ok(byEntity.items.every((r) => r.entity_id === name))
    assert.equal(byEntity.items[1].after.username, name)
    const byActor = await (await auditor.get('/api/v1/audit?actor=' + encodeURIComponent(name))).json()
    assert.deepEqual([...new Set(byActor.items.map((r) => r.actor))], [name])
    assert.ok(byActor.items.some((r) => r.action === 'session.login'))
  }
  for (const value of nasty) {
    // A plain key finds the rows of the object with that key (here the user of that name) and nothing else.
    const r = await auditor.get('/api/v1/audit?entity=' + encodeURIComponent(value))
    assert.equal(r.status, 200)
    const byKey = await r.json()
    assert.deepEqual(byKey.items.map((x) => x.action), ['session.login_failed', 'user.create'], value)
    assert.ok(byKey.items.every((x) => x.entity_type === 'user' && x.entity_id === value), value)
    const bad = await auditor.get('/api/v1/audit?from=' + encodeURIComponent(value))
    assert.equal(bad.status, 400)
  }
})

test('region codes and names: injection codes are unknown, names round-trip', async () => {
  for (const value of nasty) {
    const enc = encodeURIComponent(value)
    for (const path of [`/api/v1/regions/${enc}`, `/api/v1/regions?parent=${enc}`, `/api/v1/audit?region=${enc}`, `/api/v1/users?region=${enc}`]) {
      const r = await admin.get(path)
      assert.ok([404].includes(r.status), `${path}: ${r.status}`)
    }
    const r = await admin.post('/api/v1/users', { username: 'u-' + value.length, role: 'leader', region_code: value, password: testPassword })
    assert.equal(r.status, 404)
  }
  const csv =
    'code,name,level,parent_code\n' +
    nasty.map((name, i) => `5401${String(80 + i)},"${name.replaceAll('"', '""')}",county,540100`).join('\n') + '\n'
  const imported = await admin.fetch('/api/v1/imports/regions', { method: 'POST', body: csv, headers: { 'Content-Type': 'text/csv' } })
  assert.equal(imported.status, 200, await imported.clone().text())
  assert.equal((await imported.json()).inserted, nasty.length)
  for (const [i, name] of nasty.entries()) {
    const region = await (await admin.get(`/api/v1/regions/5401${80 + i}`)).json()
    assert.equal(region.name, name)
  }
  const children = (await (await admin.get('/api/v1/regions?parent=540100')).json()).items.map((r) => r.name)
  for (const name of nasty) assert.ok(children.includes(name), name)
})

test('the tables are intact afterwards', () => {
  const r = rawSql(server.db, 'SELECT (SELECT COUNT(*) FROM users), (SELECT COUNT(*) FROM regions), CASE WHEN (SELECT COUNT(*) FROM audit_log) > 0 THEN 1 ELSE 0 END;')
  assert.equal(r.status, 0, r.stderr)
  assert.equal(r.stdout.trim(), `${nasty.length + 2}|${82 + nasty.length}|1`)
})

test('cookies and CSRF headers with injection strings are just wrong credentials', async () => {
  for (const value of nasty) {
    const c = clientFor(server.baseUrl, `xj_session=${encodeURIComponent(value)}`, encodeURIComponent(value))
    assert.equal((await c.get('/api/v1/session')).status, 401)
    const csrf = clientFor(server.baseUrl, admin.cookie, encodeURIComponent(value))
    assert.equal((await csrf.post('/api/v1/users', {})).status, 403)
  }
})
