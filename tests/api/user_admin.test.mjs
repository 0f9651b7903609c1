// Account administration (issue #13 point 4): an administrator changes, disables and enables a
// user and resets a password; a user changes their own password. Each revokes the sessions it
// must at once, each is audited, and each refusal has a stable code. Failed password checks and
// throttled logins are throttled and audited without one audit row per attempt.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, testPassword } from '../lib/server.mjs'

let server
let admin
before(async () => {
  server = await startServer({
    users: [
      { username: 'admin', role: 'admin', region: '540000' },
      { username: 'lhasa-admin', role: 'admin', region: '540100' },
      { username: 'leader', role: 'leader', region: '540000' },
      { username: 'moved', role: 'leader', region: '540000' },
      { username: 'quitter', role: 'leader', region: '540000' },
      { username: 'forgetful', role: 'leader', region: '540000' },
      { username: 'careful', role: 'leader', region: '540000' },
      { username: 'guesser', role: 'leader', region: '540000' },
      { username: 'victim', role: 'leader', region: '540000' },
    ],
    args: ['--login-max-failures', '3', '--login-window-seconds', '600'],
  })
  admin = await server.login('admin')
})
after(async () => {
  await server?.stop()
})

const patch = (client, path, json) => client.fetch(path, { method: 'PATCH', json })
async function idOf(username) {
  const list = await (await admin.get('/api/v1/users')).json()
  const u = list.items.find((x) => x.username === username)
  assert.ok(u, username)
  return u.id
}
async function auditOf(username) {
  const res = await admin.get(`/api/v1/audit?entity=user:${username}&page_size=500`)
  assert.equal(res.status, 200)
  return (await res.json()).items
}
async function errorOf(res, status, code) {
  assert.equal(res.status, status)
  const body = await res.json()
  assert.equal(body.error.code, code, JSON.stringify(body))
  return body.error
}

test('an administrator changes role, home region and department; the change is audited before and after', async () => {
  const id = await idOf('moved')
  const res = await patch(admin, `/api/v1/users/${id}`, {
    role: 'county_officer',
    region_code: '540102',
    department: '财政局',
  })
  assert.equal(res.status, 200)
  const user = await res.json()
  assert.equal(user.role, 'county_officer')
  assert.equal(user.region_code, '540102')
  assert.equal(user.region_name, '城关区')
  assert.equal(user.department, '财政局')
  assert.equal(user.disabled, false)
  // The user signs in with the new role at once.
  const s = await server.login('moved')
  assert.equal(s.body.user.role, 'county_officer')
  const rows = (await auditOf('moved')).filter((r) => r.action === 'user.update')
  assert.equal(rows.length, 1)
  assert.equal(rows[0].before.role, 'leader')
  assert.equal(rows[0].after.region_code, '540102')
  assert.equal(rows[0].actor, 'admin')
  // A PATCH that changes nothing writes no audit row.
  assert.equal((await patch(admin, `/api/v1/users/${id}`, { department: '财政局' })).status, 200)
  assert.equal((await auditOf('moved')).filter((r) => r.action === 'user.update').length, 1)
})

test('disabling a user refuses their session at once; enabling does not revive it', async () => {
  const id = await idOf('quitter')
  const s = await server.login('quitter')
  assert.equal((await s.get('/api/v1/regions')).status, 200)
  const res = await patch(admin, `/api/v1/users/${id}`, { disabled: true })
  assert.equal(res.status, 200)
  assert.equal((await res.json()).disabled, true)
  await errorOf(await s.get('/api/v1/regions'), 401, 'unauthenticated')
  await assert.rejects(server.login('quitter'), /401/, 'a disabled user cannot sign in')
  assert.equal((await patch(admin, `/api/v1/users/${id}`, { disabled: false })).status, 200)
  await errorOf(await s.get('/api/v1/regions'), 401, 'unauthenticated')
  const again = await server.login('quitter')
  assert.equal((await again.get('/api/v1/regions')).status, 200)
  const actions = (await auditOf('quitter')).map((r) => r.action)
  assert.ok(actions.includes('user.disable') && actions.includes('user.enable'), actions.join(','))
  const disable = (await auditOf('quitter')).find((r) => r.action === 'user.disable')
  assert.equal(disable.after.sessions_revoked, 1)
})

test('PATCH /api/v1/users/{id} refusals have stable codes', async () => {
  const id = await idOf('leader')
  const leader = await server.login('leader')
  await errorOf(await patch(leader, `/api/v1/users/${id}`, { department: 'x' }), 403, 'permission_denied')
  const lhasa = await server.login('lhasa-admin')
  await errorOf(await patch(lhasa, `/api/v1/users/${id}`, { disabled: true }), 403, 'permission_denied')
  await errorOf(await patch(admin, '/api/v1/users/999999', { disabled: true }), 404, 'not_found')
  await errorOf(await patch(admin, '/api/v1/users/abc', { disabled: true }), 404, 'not_found')
  await errorOf(await patch(admin, '/api/v1/users/0', { disabled: true }), 404, 'not_found')
  await errorOf(await patch(admin, '/api/v1/users/-1', { disabled: true }), 404, 'not_found')
  await errorOf(await patch(admin, `/api/v1/users/${id}`, { role: 'root' }), 400, 'invalid_argument')
  await errorOf(await patch(admin, `/api/v1/users/${id}`, { role: 'county_officer' }), 400, 'invalid_argument')
  await errorOf(await patch(admin, `/api/v1/users/${id}`, { region_code: '999999' }), 404, 'not_found')
  await errorOf(await patch(admin, `/api/v1/users/${id}`, { disabled: 'yes' }), 400, 'invalid_argument')
  await errorOf(await patch(admin, `/api/v1/users/${id}`, { department: ' 财政局' }), 400, 'invalid_argument')
  const self = await idOf('admin')
  await errorOf(await patch(admin, `/api/v1/users/${self}`, { disabled: true }), 409, 'own_account')
  await errorOf(await patch(admin, `/api/v1/users/${self}`, { role: 'leader' }), 409, 'own_account')
  // Nothing of the refused changes stuck.
  const user = (await (await admin.get('/api/v1/users')).json()).items.find((u) => u.id === id)
  assert.equal(user.role, 'leader')
  assert.equal(user.disabled, false)
  assert.equal(user.department, '')
})

test('an administrator resets a password: the user\'s sessions end, the old password stops working', async () => {
  const id = await idOf('forgetful')
  const s = await server.login('forgetful')
  const leader = await server.login('leader')
  const reset = (client, password, target = id) => client.post(`/api/v1/users/${target}/password`, { password })
  await errorOf(await reset(leader, 'new-password-456'), 403, 'permission_denied')
  await errorOf(await reset(admin, 'short'), 400, 'weak_password')
  await errorOf(await reset(admin, 'new-password-456', await idOf('admin')), 409, 'own_account')
  await errorOf(await reset(admin, 'new-password-456', 999999), 404, 'not_found')
  assert.equal((await s.get('/api/v1/regions')).status, 200, 'refusals changed nothing')
  const res = await reset(admin, 'new-password-456')
  assert.equal(res.status, 200)
  assert.equal((await res.json()).username, 'forgetful')
  await errorOf(await s.get('/api/v1/regions'), 401, 'unauthenticated')
  await assert.rejects(server.login('forgetful'), /401/)
  await server.login('forgetful', 'new-password-456')
  const row = (await auditOf('forgetful')).find((r) => r.action === 'user.password_reset')
  assert.equal(row.actor, 'admin')
  assert.equal(row.after.sessions_revoked, 1)
  assert.doesNotMatch(JSON.stringify(await auditOf('forgetful')), /new-password-456|argon2/)
})

test('a user changes their own password: the old one is checked, other sessions end, this one stays', async () => {
  const here = await server.login('careful')
  const elsewhere = await server.login('careful')
  const change = (old_password, new_password) => here.post('/api/v1/session/password', { old_password, new_password })
  await errorOf(await change('not-my-password', 'new-password-789'), 400, 'wrong_password')
  await errorOf(await change(testPassword, 'short'), 400, 'weak_password')
  await errorOf(await change(testPassword, testPassword), 400, 'weak_password')
  await errorOf(await here.post('/api/v1/session/password', { old_password: testPassword }), 400, 'invalid_argument')
  assert.equal((await elsewhere.get('/api/v1/regions')).status, 200, 'refusals changed nothing')
  const res = await change(testPassword, 'new-password-789')
  assert.equal(res.status, 200)
  assert.equal((await res.json()).status, 'password_changed')
  assert.equal((await here.get('/api/v1/session')).status, 200, 'the session in use stays')
  await errorOf(await elsewhere.get('/api/v1/regions'), 401, 'unauthenticated')
  await assert.rejects(server.login('careful'), /401/)
  await server.login('careful', 'new-password-789')
  const actions = (await auditOf('careful')).map((r) => r.action)
  assert.equal(actions.filter((a) => a === 'user.password_change').length, 1)
  assert.equal(actions.filter((a) => a === 'user.password_change_failed').length, 1)
  // Without a session: 401 before anything else.
  const anonymous = await fetch(server.baseUrl + '/api/v1/session/password', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ old_password: testPassword, new_password: 'new-password-000' }),
  })
  await errorOf(anonymous, 401, 'unauthenticated')
})

test('guessing the old password through a stolen session is throttled like logins', async () => {
  const s = await server.login('guesser')
  for (let i = 0; i < 3; i++) {
    await errorOf(await s.post('/api/v1/session/password', { old_password: 'guess-' + i, new_password: 'new-password-789' }), 400, 'wrong_password')
  }
  const blocked = await s.post('/api/v1/session/password', { old_password: testPassword, new_password: 'new-password-789' })
  await errorOf(blocked, 429, 'too_many_requests')
})

test('a throttled address gets one login_throttled audit row per wait, not one per attempt', async () => {
  const attempt = (password) =>
    fetch(server.baseUrl + '/api/v1/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'victim', password }),
    })
  for (let i = 0; i < 3; i++) assert.equal((await attempt('guess-' + i)).status, 401)
  for (let i = 0; i < 5; i++) assert.equal((await attempt('guess-more-' + i)).status, 429)
  const rows = (await auditOf('victim')).filter((r) => r.action === 'session.login_throttled')
  assert.equal(rows.length, 1, 'five refusals within the 5 s wait: one row')
  assert.equal(rows[0].after.retry_after_seconds > 0, true)
  assert.equal((await auditOf('victim')).filter((r) => r.action === 'session.login_failed').length, 3)
})
