// Sessions across servers (issue #16 point 3): a session made on one server is valid on another;
// each server answers sessions from a short-lived cache, emptied when the store's auth_log moves
// (migration 0019), so a logout or a disable on one server ends the session on all within 1 s.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, clientFor } from '../lib/server.mjs'

const users = [
  { username: 'leader', role: 'leader', region: '540000' },
  { username: 'admin', role: 'admin', region: '540000' },
]
let first, second
before(async () => {
  first = await startServer({ users })
  second = await startServer({ db: first.db })
})
after(async () => {
  await second?.stop()
  await first?.stop()
})

/** Polls `read()` until it gives `want` or `ms` pass; returns the last value and the time taken. */
async function until(read, want, ms = 1000) {
  const start = Date.now()
  let got
  for (;;) {
    got = await read()
    if (got === want || Date.now() - start > ms) return { got, took: Date.now() - start }
    await new Promise((r) => setTimeout(r, 20))
  }
}

const status = async (client) => (await client.get('/api/v1/session')).status

test('a session made on one server is valid on the other, and a logout on either ends it on both within 1 s', async () => {
  const on1 = await first.login('leader')
  const on2 = clientFor(second.baseUrl, on1.cookie, on1.csrf)
  // Read repeatedly on both (the second read on each is the cached one).
  for (let i = 0; i < 3; i++) {
    assert.equal(await status(on1), 200)
    assert.equal(await status(on2), 200)
  }
  const me = await (await on2.get('/api/v1/session')).json()
  assert.equal(me.user?.username ?? me.username, 'leader')

  assert.equal((await on2.fetch('/api/v1/session', { method: 'DELETE' })).status, 200)
  assert.equal(await status(on2), 401)  // at once on the server that ended it
  const { got, took } = await until(() => status(on1), 401)
  assert.equal(got, 401, `the other server still answered ${got} after ${took} ms`)
})

test('an administrator disabling a user on one server ends the user’s session on the other within 1 s', async () => {
  const admin = await first.login('admin')
  const leader = await second.login('leader')
  assert.equal(await status(leader), 200)
  assert.equal(await status(leader), 200)
  const list = await (await admin.get('/api/v1/users')).json()
  const id = (list.items ?? list).find((u) => u.username === 'leader').id
  const res = await admin.fetch(`/api/v1/users/${id}`, { method: 'PATCH', json: { disabled: true } })
  assert.equal(res.status, 200, await res.clone().text())
  const { got, took } = await until(() => status(leader), 401)
  assert.equal(got, 401, `still ${got} after ${took} ms`)
  // Enabled again, a new login on the second server works at once.
  assert.equal((await admin.fetch(`/api/v1/users/${id}`, { method: 'PATCH', json: { disabled: false } })).status, 200)
  const again = await second.login('leader')
  assert.equal(await status(again), 200)
})
