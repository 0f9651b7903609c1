// A full disk (issue #13 point 7): writes are refused with 507 storage_full, reads are served,
// and writes are accepted again once space returns — without a restart.
// SQLite: the file is capped with sqlite:PATH?max_pages=N; space returns when a ballast table
// made before the start is dropped behind the server's back (its pages go to the free list).
// PostgreSQL: a test cannot fill a real disk here, so a trigger raises SQLSTATE 53100
// (disk_full) on every ledger insert — the error a full tablespace gives — and is then dropped.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, rawSql, cli, addUser, tempDbUrl, testBackend } from '../lib/server.mjs'

const sqlite = testBackend === 'sqlite'
const note = '资'.repeat(1900) // a long note: each entry takes a few pages with its audit row
let next = 0
const entry = () => ({
  entry_id: `FULL-${++next}`, date: '2024-05-01', kind: 'allocate', fund_source: 'central', fund_year: 2024,
  region_code: '540102', amount_fen: 100, note,
})

async function ledgerTotal(s) {
  const res = await s.get('/api/v1/ledger?region=540102&page_size=1')
  assert.equal(res.status, 200)
  return (await res.json()).total
}

test('a full database refuses writes with 507 storage_full, serves reads, and takes writes again once space returns', async () => {
  let maxPages = 0
  const server = await startServer({
    setup(db) {
      addUser(db, 'finance', { role: 'finance_officer', region: '540102' })
      if (!sqlite) return
      const made = rawSql(db, 'CREATE TABLE ballast (x BLOB); INSERT INTO ballast VALUES (zeroblob(400000)); PRAGMA page_count;')
      assert.equal(made.status, 0, made.stderr)
      maxPages = Number(made.stdout.trim()) + 40 // room for the session and a few entries
    },
    dbSuffix: () => (sqlite ? `?max_pages=${maxPages}` : ''),
    // Idle 8 s: the session's last-seen time is written every 2 s — a write the full disk refuses.
    args: ['--session-idle-seconds', '8'],
  })
  try {
    const s = await server.login('finance')
    if (!sqlite) {
      const made = rawSql(server.db, `
        CREATE FUNCTION xj_test_disk_full() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = 'disk_full'; END $$;`)
      assert.equal(made.status, 0, made.stderr)
      assert.equal((await s.post('/api/v1/ledger', entry())).status, 201)
      const armed = rawSql(server.db, 'CREATE TRIGGER xj_test_disk_full BEFORE INSERT ON ledger_entries FOR EACH ROW EXECUTE FUNCTION xj_test_disk_full();')
      assert.equal(armed.status, 0, armed.stderr)
    }
    // Write until the database is full.
    let acked = 0
    let refused
    for (let i = 0; i < 200 && !refused; i++) {
      const res = await s.post('/api/v1/ledger', entry())
      if (res.status === 201) acked++
      else refused = res
    }
    if (!sqlite) acked++ // the entry before the trigger
    assert.ok(refused, 'the database filled up')
    assert.ok(acked >= 1, `${acked} entries before the database was full`)
    assert.equal(refused.status, 507)
    const text = await refused.text()
    const body = JSON.parse(text)
    assert.equal(body.error.code, 'storage_full')
    assert.match(body.error.message, /存储空间已满/)
    assert.doesNotMatch(text, /sqlite|SQLSTATE|No space|disk_full/i, 'no driver text')
    // Still full: every write is refused the same way, nothing half-written.
    for (let i = 0; i < 3; i++) assert.equal((await s.post('/api/v1/ledger', entry())).status, 507)
    // Reads are served while full, and show exactly the acknowledged entries — also once the
    // session is due for its last-seen write, which cannot be stored.
    await new Promise((r) => setTimeout(r, 2200))
    assert.equal(await ledgerTotal(s), acked)
    assert.equal((await fetch(server.baseUrl + '/healthz')).status, 200)
    assert.equal((await s.get('/api/v1/regions')).status, 200)
    // Space returns; no restart.
    const freed = rawSql(server.db, sqlite ? 'DROP TABLE ballast;' : 'DROP TRIGGER xj_test_disk_full ON ledger_entries;')
    assert.equal(freed.status, 0, freed.stderr)
    const again = await s.post('/api/v1/ledger', entry())
    assert.equal(again.status, 201, await again.clone().text())
    assert.equal(await ledgerTotal(s), acked + 1)
    const verified = cli(['verify', '--db', server.db])
    assert.equal(verified.status, 0, verified.stdout + verified.stderr)
  } finally {
    await server.stop()
  }
})

test('sqlite:PATH?max_pages takes one positive integer, nothing else', { skip: !sqlite }, () => {
  const { url, drop } = tempDbUrl()
  try {
    for (const bad of ['?max_pages=0', '?max_pages=abc', '?max_pages=', '?pages=10', '?max_pages=10&x=1']) {
      const r = cli(['verify', '--db', url + bad])
      assert.notEqual(r.status, 0, bad)
      assert.match(r.stderr, /max_pages=正整数/, bad)
    }
  } finally {
    drop()
  }
})
