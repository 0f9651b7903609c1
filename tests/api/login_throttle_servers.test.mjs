// Login throttling across servers (issue #16 point 3): the failed logins are kept in the store
// (migration 0018), so failures spread over two servers of one database count together, and the
// wait that follows holds on both.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, testPassword } from '../lib/server.mjs'

test('failed logins spread over two servers count together: the fourth try waits on both, other users do not', async () => {
  const args = ['--login-max-failures', '3', '--login-max-failures-per-address', '20', '--login-window-seconds', '60']
  const first = await startServer({
    users: [
      { username: 'victim', role: 'leader', region: '540000' },
      { username: 'bystander', role: 'leader', region: '540000' },
    ],
    args,
  })
  const second = await startServer({ db: first.db, args })
  const attempt = (server, username, password) =>
    fetch(server.baseUrl + '/api/v1/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password }),
    })
  try {
    // Two failures on the first server, one on the second: 3 in all, the limit for one address.
    assert.equal((await attempt(first, 'victim', 'guess-number-1')).status, 401)
    assert.equal((await attempt(first, 'victim', 'guess-number-2')).status, 401)
    assert.equal((await attempt(second, 'victim', 'guess-number-3')).status, 401)
    for (const server of [first, second]) {
      const blocked = await attempt(server, 'victim', testPassword)
      assert.equal(blocked.status, 429, 'even the right password waits, on either server')
      const body = await blocked.json()
      assert.equal(body.error.code, 'too_many_requests')
      assert.match(body.error.message, /请 [1-5] 秒后再试/)
    }
    assert.equal((await attempt(second, 'bystander', testPassword)).status, 200, 'other users are not slowed')
    // The first wait is 5 s; after it the right password signs in, on the other server too.
    await new Promise((r) => setTimeout(r, 5200))
    assert.equal((await attempt(second, 'victim', testPassword)).status, 200)
    assert.equal((await attempt(first, 'victim', 'guess-number-4')).status, 401, 'the success cleared the count')
  } finally {
    await second.stop()
    await first.stop()
  }
})
