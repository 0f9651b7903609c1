// The audit trail: auditors read it with filters; the hash chain exposes a row edited
// directly in SQLite (sqlite3 CLI), and `xianjie verify` names the first broken link.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, cli, testPassword, rawSql, dropTrigger } from '../lib/server.mjs'

let server
let auditor
before(async () => {
  server = await startServer({
    users: [
      { username: 'admin', role: 'admin', region: '540000' },
      { username: 'auditor', role: 'auditor', region: '540000' },
      { username: 'lhasa-auditor', role: 'auditor', region: '540100' },
      { username: 'leader', role: 'leader', region: '540000' },
    ],
  })
  auditor = await server.login('auditor')
  const admin = await server.login('admin')
  const made = await admin.post('/api/v1/users', {
    username: 'nyingchi-leader',
    role: 'leader',
    region_code: '540400',
    password: testPassword,
  })
  assert.equal(made.status, 201)
})
after(async () => {
  await server?.stop()
})

const sqlite = rawSql

test('every change is in the audit log with who, when, from where, before and after', async () => {
  const res = await auditor.get('/api/v1/audit?entity=user:nyingchi-leader')
  assert.equal(res.status, 200)
  const body = await res.json()
  assert.equal(body.total, 1)
  const row = body.items[0]
  assert.equal(row.action, 'user.create')
  assert.equal(row.actor, 'admin')
  assert.equal(row.actor_role, 'admin')
  assert.equal(row.address, '127.0.0.1')
  assert.match(row.at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
  assert.equal(row.before, null)
  assert.deepEqual(row.after, { username: 'nyingchi-leader', role: 'leader', region_code: '540400', disabled: false })
  assert.match(row.hash, /^[0-9a-f]{64}$/)
  const imports = await (await auditor.get('/api/v1/audit?entity=region:540102')).json()
  assert.equal(imports.items[0].action, 'region.create')
  assert.equal(imports.items[0].after.name, '城关区')
})

test('filters: entity, actor, dates, pages; newest first', async () => {
  const regions = await (await auditor.get('/api/v1/audit?entity=region&page_size=500')).json()
  assert.equal(regions.total, 82)
  const page2 = await (await auditor.get('/api/v1/audit?entity=region&page=2&page_size=50')).json()
  assert.equal(page2.items.length, 32)
  assert.equal(page2.page, 2)
  assert.ok(page2.items[0].seq > page2.items[1].seq)
  const byAdmin = await (await auditor.get('/api/v1/audit?actor=admin')).json()
  assert.deepEqual([...new Set(byAdmin.items.map((r) => r.actor))], ['admin'])
  assert.ok(byAdmin.items.some((r) => r.action === 'session.login'))
  const today = new Date().toISOString().slice(0, 10)
  const all = await (await auditor.get('/api/v1/audit')).json()
  const todays = await (await auditor.get(`/api/v1/audit?from=${today}&to=${today}`)).json()
  assert.equal(todays.total, all.total)
  const old = await (await auditor.get('/api/v1/audit?to=2000-01-01')).json()
  assert.equal(old.total, 0)
  const future = await (await auditor.get('/api/v1/audit?from=2999-01-01T00:00:00Z')).json()
  assert.equal(future.total, 0)
})

test('bad filters are 400; other roles 403; an auditor reads only its scope', async () => {
  for (const q of ['page=0', 'page=x', 'page_size=501', 'page_size=-1', 'from=yesterday', 'to=2024-02-30', "from=' OR 1=1 --"]) {
    const r = await auditor.get('/api/v1/audit?' + q)
    assert.equal(r.status, 400, q)
    assert.equal((await r.json()).error.code, 'invalid_argument')
  }
  const leader = await server.login('leader')
  assert.equal((await leader.get('/api/v1/audit')).status, 403)
  const lhasa = await server.login('lhasa-auditor')
  const scoped = await (await lhasa.get('/api/v1/audit?page_size=500')).json()
  assert.ok(scoped.total > 0)
  assert.ok(scoped.items.every((r) => r.region_code.startsWith('5401')), 'only Lhasa rows')
  assert.ok(!scoped.items.some((r) => r.entity_id === 'nyingchi-leader'))
  assert.equal((await lhasa.get('/api/v1/audit?region=540400')).status, 403)
})

test('the audit log is append-only in the database', () => {
  const upd = sqlite(server.db, "UPDATE audit_log SET actor = 'mallory' WHERE seq = 1;")
  assert.notEqual(upd.status, 0)
  assert.match(upd.stderr, /append-only/)
  const del = sqlite(server.db, 'DELETE FROM audit_log WHERE seq = 1;')
  assert.notEqual(del.status, 0)
})

test('verify passes, then fails at the first row edited directly with SQL', () => {
  const ok = cli(['verify', '--db', server.db])
  assert.equal(ok.status, 0, ok.stderr)
  assert.match(ok.stdout, /audit chain OK: \d+ 条/)
  // An intruder with the database file drops the guard and rewrites history.
  const tamper = sqlite(
    server.db,
    dropTrigger(server.db, 'audit_log_no_update', 'audit_log') +
      " UPDATE audit_log SET after_json = replace(after_json, '\"leader\"', '\"admin\"') WHERE entity_id = 'nyingchi-leader';",
  )
  assert.equal(tamper.status, 0, tamper.stderr)
  const seq = Number(sqlite(server.db, "SELECT seq FROM audit_log WHERE entity_id = 'nyingchi-leader';").stdout.trim())
  assert.ok(seq > 80)
  const broken = cli(['verify', '--db', server.db])
  assert.notEqual(broken.status, 0)
  assert.match(broken.stderr, new RegExp(`audit chain BROKEN: 第 ${seq} 条`))
  assert.match(broken.stderr, /记录被修改/)
})

test('verify also catches a deleted row', () => {
  const { url } = { url: server.db }
  const del = sqlite(
    url,
    dropTrigger(url, 'audit_log_no_delete', 'audit_log') +
      dropTrigger(url, 'audit_log_no_update', 'audit_log') +
      ' DELETE FROM audit_log WHERE seq = 3;',
  )
  assert.equal(del.status, 0, del.stderr)
  const broken = cli(['verify', '--db', url])
  assert.notEqual(broken.status, 0)
  assert.match(broken.stderr, /第 4 条/)
  assert.match(broken.stderr, /序号不连续/)
})
