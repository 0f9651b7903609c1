// Operations across backends through the real CLI: `xianjie copy` SQLite → PostgreSQL
// with `verify` on the copy, and backup/restore on both backends (docs/operations.md).
// Needs the server of XIANJIE_TEST_PG_URL; runs once, in the SQLite pass of ./test.sh.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { cli, demoDbUrl, tempDbUrl, testBackend } from '../lib/server.mjs'

const skip = !process.env.XIANJIE_TEST_PG_URL
  ? 'XIANJIE_TEST_PG_URL is not set'
  : testBackend !== 'sqlite'
    ? 'runs once, in the SQLite pass'
    : false

const indicatorArgs = ['--region', '540000', '--year', '2023', '--as-of', '2023-07-05', '--format', 'json']
const dbs = []
let demo
const fresh = (backend) => {
  const db = tempDbUrl({ backend })
  dbs.push(db)
  return db
}
const ok = (r) => {
  assert.equal(r.status, 0, r.stderr)
  return r.stdout
}

before(() => {
  if (skip) return
  demo = demoDbUrl({ backend: 'sqlite' })
  dbs.push(demo)
})
after(() => dbs.forEach((db) => db.drop()))

test('copy moves the demo from SQLite to PostgreSQL; verify passes there and the figures are identical', { skip }, () => {
  const pg = fresh('postgresql')
  const out = ok(cli(['copy', '--from', demo.url, '--to', pg.url]))
  assert.match(out, /ledger_entries: \d+ 行/)
  assert.match(out, /sqlite → postgresql/)
  assert.match(ok(cli(['verify', '--db', pg.url])), /verify ok/)
  const onSqlite = ok(cli(['indicators', '--db', demo.url, ...indicatorArgs]))
  const onPg = ok(cli(['indicators', '--db', pg.url, ...indicatorArgs]))
  assert.equal(onPg, onSqlite)
  assert.equal(JSON.parse(onPg).start_rate, 99.74)

  const again = cli(['copy', '--from', demo.url, '--to', pg.url])
  assert.equal(again.status, 1)
  assert.match(again.stderr, /already_exists/)
})

test('backup and restore keep every figure, on SQLite and on PostgreSQL', { skip }, () => {
  const expected = ok(cli(['indicators', '--db', demo.url, ...indicatorArgs]))

  // SQLite: VACUUM INTO a file; restoring is copying the file back.
  const file = path.join(demo.dir, 'backup.db')
  ok(cli(['backup', '--db', demo.url, '--to', file]))
  const restoredFile = path.join(demo.dir, 'restored.db')
  fs.copyFileSync(file, restoredFile)
  assert.equal(ok(cli(['indicators', '--db', `sqlite:${restoredFile}`, ...indicatorArgs])), expected)

  // PostgreSQL: pg_dump -Fc; restore with pg_restore into an empty database.
  const pg = fresh('postgresql')
  ok(cli(['copy', '--from', demo.url, '--to', pg.url]))
  const dump = path.join(pg.dir, 'backup.dump')
  ok(cli(['backup', '--db', pg.url, '--to', dump]))
  const target = fresh('postgresql')
  const restore = spawnSync('pg_restore', ['--no-owner', '--exit-on-error', '--dbname', target.url, dump], {
    encoding: 'utf8',
  })
  assert.equal(restore.status, 0, restore.stderr)
  assert.equal(ok(cli(['indicators', '--db', target.url, ...indicatorArgs])), expected)
  assert.match(ok(cli(['migrate', '--db', target.url])), /schema version \d+/)
})
