// API tokens of service accounts (issue #24 points 4 and 6): creation, the secret shown once,
// use without CSRF and with the role's scope, the finance system's idempotent daily batch,
// expiry, revocation, the IP allow-list, the per-token rate limit and the audit of every use;
// and cookie sessions still need their CSRF token.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, cli, rawSql } from '../lib/server.mjs'

let server, admin, finance
before(async () => {
  server = await startServer({
    setup: (db) => {
      const r = cli(['import', '--db', db, '--kind', 'projects', 'tests/fixtures/projects-lhasa.csv'])
      if (r.status !== 0) throw new Error(r.stderr)
    },
    users: [
      { username: 'admin', role: 'admin', region: '540000' },
      { username: 'lhasa-admin', role: 'admin', region: '540100' },
      { username: 'finance', role: 'finance_officer', region: '540100' },
    ],
    args: ['--token-requests-per-minute', '6', '--token-burst', '20'],
  })
  admin = await server.login('admin')
  finance = await server.login('finance')
})
after(async () => {
  await server?.stop()
})

/** Requests with `Authorization: Bearer` only: no cookie, no CSRF header. */
const bearer = (token) => (path, init = {}) => {
  const headers = { Authorization: `Bearer ${token}`, ...(init.headers ?? {}) }
  let body = init.body
  if (init.json !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(init.json)
  }
  return fetch(server.baseUrl + path, { ...init, headers, body })
}

async function createToken(body, client = admin) {
  const res = await client.post('/api/v1/tokens', body)
  const json = await res.json()
  assert.equal(res.status, 201, JSON.stringify(json))
  return json
}

const payment = (id, amount_fen, extra = {}) => ({
  entry_id: id, date: '2023-06-12', kind: 'expend', fund_source: 'central', fund_year: 2023, region_code: '540102',
  project_code: 'XZ-540102-2023-001', amount_fen, payee: '城关区建筑公司', payee_type: 'enterprise', ...extra,
})

test('an administrator creates a token: the secret is shown once and never listed', async () => {
  // 2099 is beyond the longest lifetime (366 days): refused with the limit named
  const tooLong = await admin.post('/api/v1/tokens', { name: 'lhasa-finance-sync', role: 'finance_officer', region_code: '540100', expires_at: '2099-01-01' })
  assert.equal(tooLong.status, 400)
  assert.match((await tooLong.json()).error.message, /最长 366 天/)
  const grant = await createToken({ name: 'lhasa-finance-sync', role: 'finance_officer', region_code: '540100' })
  assert.deepEqual(Object.keys(grant).sort(), ['expires_at', 'id', 'token'])
  assert.match(grant.token, /^xjt_[0-9a-f]{64}$/)
  assert.match(grant.expires_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
  const list = await (await admin.get('/api/v1/tokens')).json()
  const row = list.items.find((t) => t.id === grant.id)
  assert.equal(row.name, 'lhasa-finance-sync')
  assert.equal(row.role, 'finance_officer')
  assert.equal(row.region_name, '拉萨市')
  assert.equal(row.state, 'active')
  assert.equal(row.prefix, grant.token.slice(0, 8))
  assert.equal(row.last_used_at, null)
  assert.ok(!JSON.stringify(list).includes(grant.token.slice(8)), 'the secret is not in the list')
  // the database holds only its hash
  const stored = rawSql(server.db, `SELECT token_hash FROM api_tokens WHERE id = ${grant.id};`)
  assert.equal(stored.status, 0, stored.stderr)
  assert.match(stored.stdout.trim(), /^[0-9a-f]{64}$/)
  assert.ok(!stored.stdout.includes(grant.token.slice(4)))
})

test('creation errors: CSRF for cookies, admin-only, no machine admins, no name of a user, bad fields', async () => {
  const body = { name: 'x-sync', role: 'leader', region_code: '540100' }
  // the cookie alone, without the session's CSRF header
  const res = await fetch(server.baseUrl + '/api/v1/tokens', {
    method: 'POST', headers: { Cookie: admin.cookie, 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  })
  assert.equal(res.status, 403)
  assert.equal((await res.json()).error.code, 'csrf_failed')
  const cases = [
    [finance, body, 403, 'permission_denied'],
    [admin, { ...body, role: 'admin' }, 400, 'invalid_argument'],
    [admin, { ...body, name: 'finance' }, 409, 'already_exists'],
    [admin, { ...body, role: 'county_officer' }, 400, 'invalid_argument'],
    [admin, { ...body, region_code: '549999' }, 404, 'not_found'],
    [admin, { ...body, allowed_ips: ['10.0.0.0/99'] }, 400, 'invalid_argument'],
    [admin, { ...body, expires_at: 'tomorrow' }, 400, 'invalid_argument'],
    [admin, { name: 'x' }, 400, 'invalid_argument'],
  ]
  for (const [client, b, status, code] of cases) {
    const r = await client.post('/api/v1/tokens', b)
    const json = await r.json()
    assert.equal(r.status, status, JSON.stringify(b) + ' ' + JSON.stringify(json))
    assert.equal(json.error.code, code)
  }
  const lhasaAdmin = await server.login('lhasa-admin')
  const outside = await lhasaAdmin.post('/api/v1/tokens', { ...body, region_code: '540200' })
  assert.equal(outside.status, 403)
})

test('a finance system posts a day of payments as one idempotent batch and reads back what was refused', async () => {
  const { token } = await createToken({ name: 'chengguan-payments', role: 'finance_officer', region_code: '540102' })
  const api = bearer(token)
  // the day's batch (on a project whose funds are arranged): one payment refers to an unknown project,
  // another is outside the county
  const day = [
    payment('CZ-20230612-001', 1_250_000),
    payment('CZ-20230612-002', 380_050, { project_code: 'XZ-NO-SUCH' }),
    payment('CZ-20230612-003', 99_900, { region_code: '540121', project_code: 'XZ-540121-2023-002' }),
  ]
  const refused = await api('/api/v1/ledger', { method: 'POST', json: { entries: day } })
  assert.equal(refused.status, 403, 'a payment outside the home county is refused like a person’s')
  const inCounty = day.slice(0, 2)
  const bad = await api('/api/v1/ledger', { method: 'POST', json: { entries: inCounty } })
  assert.equal(bad.status, 400)
  const why = await bad.json()
  assert.equal(why.error.code, 'invalid_argument')
  assert.deepEqual(why.error.details.map((d) => [d.row, d.column, d.code]), [[2, 'project_code', 'unknown_project']])
  // all-or-nothing: the good payment was not written either
  const none = await (await api('/api/v1/ledger?q=CZ-20230612')).json()
  assert.equal(none.total, 0)
  // fixed and sent again; then the same batch once more (a retry after a time-out)
  const fixed = [inCounty[0], payment('CZ-20230612-002', 380_050)]
  const first = await api('/api/v1/ledger', { method: 'POST', json: { entries: fixed } })
  assert.equal(first.status, 201)
  assert.deepEqual(await first.json(), { kind: 'ledger', rows: 2, inserted: 2, updated: 0, unchanged: 0 })
  const again = await api('/api/v1/ledger', { method: 'POST', json: { entries: fixed } })
  assert.equal(again.status, 200)
  assert.deepEqual(await again.json(), { kind: 'ledger', rows: 2, inserted: 0, updated: 0, unchanged: 2 })
  // a different amount under a stored entry_id is refused, not overwritten
  const changed = await api('/api/v1/ledger', { method: 'POST', json: { entries: [payment('CZ-20230612-001', 1)] } })
  assert.equal(changed.status, 400)
  assert.equal((await changed.json()).error.details[0].code, 'conflicts_existing')
  // read back the day
  const back = await (await api('/api/v1/ledger?from=2023-06-12&to=2023-06-12&q=CZ-20230612')).json()
  assert.equal(back.total, 2)
  assert.equal(back.items.reduce((s, e) => s + e.amount_fen, 0), 1_630_050)
  // every use and the append are in the audit trail under the service account
  const trail = await (await admin.get('/api/v1/audit?actor=chengguan-payments&page_size=100')).json()
  const actions = trail.items.map((r) => r.action)
  assert.equal(actions.filter((a) => a === 'ledger.append').length, 1)
  assert.ok(actions.filter((a) => a === 'token.use').length >= 7, actions.join(','))
  assert.ok(trail.items.every((r) => r.actor === 'chengguan-payments' && r.actor_role === 'finance_officer'))
})

test('a token gets its role’s checks: a leader token reads but may not post; no session, no token routes', async () => {
  const { token } = await createToken({ name: 'wall-chart', role: 'leader', region_code: '540000' })
  const api = bearer(token)
  assert.equal((await api('/api/v1/indicators?region=540000&year=2023&as_of=2023-07-05')).status, 200)
  const post = await api('/api/v1/ledger', { method: 'POST', json: payment('CZ-LEADER-1', 100) })
  assert.equal(post.status, 403)
  assert.equal((await post.json()).error.code, 'permission_denied')
  assert.equal((await api('/api/v1/tokens')).status, 403)
  assert.equal((await api('/api/v1/session')).status, 403)
  // unknown and malformed tokens
  assert.equal((await bearer('xjt_' + '0'.repeat(64))('/api/v1/regions')).status, 401)
  const basic = await fetch(server.baseUrl + '/api/v1/regions', { headers: { Authorization: 'Basic eDp5' } })
  assert.equal(basic.status, 401)
})

test('cookie sessions still need the CSRF token for the same request a bearer token makes without it', async () => {
  const entry = payment('CZ-COOKIE-1', 100)
  const res = await fetch(server.baseUrl + '/api/v1/ledger', {
    method: 'POST', headers: { Cookie: finance.cookie, 'Content-Type': 'application/json' }, body: JSON.stringify(entry),
  })
  assert.equal(res.status, 403)
  assert.equal((await res.json()).error.code, 'csrf_failed')
  assert.equal((await finance.post('/api/v1/ledger', entry)).status, 201)
})

test('revoked and expired tokens are refused at once, and the refusal is audited', async () => {
  const revokedGrant = await createToken({ name: 'old-feed', role: 'finance_officer', region_code: '540100' })
  assert.equal((await bearer(revokedGrant.token)('/api/v1/regions')).status, 200)
  const del = await admin.fetch(`/api/v1/tokens/${revokedGrant.id}`, { method: 'DELETE' })
  assert.equal(del.status, 200)
  assert.equal((await del.json()).state, 'revoked')
  const after = await bearer(revokedGrant.token)('/api/v1/regions')
  assert.equal(after.status, 401)
  assert.match((await after.json()).error.message, /吊销/)
  assert.equal((await admin.fetch('/api/v1/tokens/99999', { method: 'DELETE' })).status, 404)
  for (const bad of ['0', '-1', 'abc', '1x']) {
    assert.equal((await admin.fetch(`/api/v1/tokens/${bad}`, { method: 'DELETE' })).status, 404, bad)
  }
  // revoking needs the CSRF token too, and the administrator's scope
  const lhasaAdmin = await server.login('lhasa-admin')
  const other = await createToken({ name: 'shigatse-feed', role: 'leader', region_code: '540200' })
  assert.equal((await lhasaAdmin.fetch(`/api/v1/tokens/${other.id}`, { method: 'DELETE' })).status, 403)

  const expiring = await createToken({ name: 'expiring-feed', role: 'leader', region_code: '540100' })
  const moved = rawSql(server.db, `UPDATE api_tokens SET expires_at = '2001-01-01T00:00:00.000Z' WHERE id = ${expiring.id};`)
  assert.equal(moved.status, 0, moved.stderr)
  const expired = await bearer(expiring.token)('/api/v1/regions')
  assert.equal(expired.status, 401)
  assert.match((await expired.json()).error.message, /过期/)
  const trail = await (await admin.get('/api/v1/audit?entity=api_token&page_size=100')).json()
  const refusals = trail.items.filter((r) => r.action === 'token.refused').map((r) => r.actor)
  assert.deepEqual(refusals.sort(), ['expiring-feed', 'old-feed'])
  assert.ok(trail.items.some((r) => r.action === 'token.revoke' && r.actor === 'admin'))
})

test('the IP allow-list and the per-token rate limit', async () => {
  const fenced = await createToken({ name: 'fenced-feed', role: 'leader', region_code: '540100', allowed_ips: ['10.9.9.0/24'] })
  const refused = await bearer(fenced.token)('/api/v1/regions')
  assert.equal(refused.status, 403)
  assert.match((await refused.json()).error.message, /不允许从地址/)
  const local = await createToken({ name: 'local-feed', role: 'leader', region_code: '540100', allowed_ips: ['127.0.0.1'] })
  assert.equal((await bearer(local.token)('/api/v1/regions')).status, 200)

  // burst 20 at 6 a minute: the 21st request within ten seconds waits
  const busy = await createToken({ name: 'busy-feed', role: 'leader', region_code: '540100' })
  const statuses = []
  let retryAfter = null
  for (let i = 0; i < 22; i++) {
    const r = await bearer(busy.token)('/api/v1/regions')
    statuses.push(r.status)
    if (r.status === 429) retryAfter = r.headers.get('retry-after')
  }
  assert.ok(statuses.slice(0, 20).every((s) => s === 200), statuses.join(','))
  assert.equal(statuses.at(-1), 429)
  assert.ok(Number(retryAfter) >= 1, `Retry-After ${retryAfter}`)
  // another token is not slowed by it
  assert.equal((await bearer(local.token)('/api/v1/regions')).status, 200)
})
