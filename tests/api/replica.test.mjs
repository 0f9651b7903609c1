// Read scale on PostgreSQL's own replication (issue #16 point 5; docs/operations.md "Read
// replica"): `serve --db PRIMARY --replica REPLICA` builds and follows its engine from a hot
// standby made with pg_basebackup, while every write goes to the primary. Pausing the standby's
// replay shows where the figures come from: another process's write waits for the replica, this
// server's own write shows at once and is never taken back while the replica lags.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { addUser, cli, rawSql, startServer, tempDbUrl, testBackend } from '../lib/server.mjs'

const skip = testBackend !== 'postgresql' || !process.env.XIANJIE_TEST_PG_URL ? 'needs the PostgreSQL pass' : false
const pgBin = '/usr/lib/postgresql/15/bin'
const asPg = (cmd, args) =>
  process.getuid?.() === 0
    ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { encoding: 'utf8' })
    : spawnSync(cmd, args, { encoding: 'utf8' })

/** A port nothing listens on now (the OS picks it). */
const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address()
      probe.close(() => resolve(port))
    })
  })

let primary, standbyDir, standbyUrl, server, finance
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

before(async () => {
  if (skip) return
  primary = tempDbUrl()
  for (const [kind, file] of [
    ['regions', 'data/xizang-regions.csv'],
    ['projects', 'tests/fixtures/projects-lhasa.csv'],
    ['ledger', 'tests/fixtures/ledger-lhasa.csv'],
  ]) {
    const r = cli(['import', '--db', primary.url, '--kind', kind, file])
    assert.equal(r.status, 0, r.stderr)
  }
  addUser(primary.url, 'finance', { role: 'finance_officer' })
  // The hot standby: a base backup of the throwaway cluster, streaming from it (-R writes
  // standby.signal and primary_conninfo), on a port of its own; a fast checkpoint (the default waits
  // for the next scheduled one, minutes) and no fsync (the copy is thrown away).
  standbyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xianjie-standby-'))
  if (process.getuid?.() === 0) spawnSync('chown', ['postgres:', standbyDir])
  const base = new URL(process.env.XIANJIE_TEST_PG_URL)
  const backup = asPg(`${pgBin}/pg_basebackup`, ['-h', base.hostname, '-p', base.port, '-U', 'postgres', '-D', `${standbyDir}/data`, '-R', '-X', 'stream', '--checkpoint=fast', '--no-sync'])
  assert.equal(backup.status, 0, backup.stderr)
  const port = String(await freePort())
  const started = asPg(`${pgBin}/pg_ctl`, [
    '-D', `${standbyDir}/data`, '-l', `${standbyDir}/server.log`, '-w',
    '-o', `-c listen_addresses=127.0.0.1 -p ${port} -k ${standbyDir} -c hot_standby=on`, 'start',
  ])
  assert.equal(started.status, 0, started.stderr + fs.readFileSync(`${standbyDir}/server.log`, 'utf8'))
  const replica = new URL(primary.url)
  replica.port = port
  standbyUrl = replica.toString()
  assert.equal(rawSql(standbyUrl, 'SELECT pg_is_in_recovery()').stdout.trim(), 't')
  server = await startServer({ db: primary.url, args: ['--replica', standbyUrl] })
  finance = await server.login('finance')
})

after(async () => {
  if (skip) return
  await server?.stop()
  if (standbyDir) {
    asPg(`${pgBin}/pg_ctl`, ['-D', `${standbyDir}/data`, '-m', 'immediate', 'stop'])
    fs.rmSync(standbyDir, { recursive: true, force: true })
  }
  primary?.drop()
})

const figures = async (region = '540102') => {
  const r = await finance.get(`/api/v1/indicators?region=${region}&year=2023&as_of=2023-12-31`)
  assert.equal(r.status, 200)
  return r.json()
}
const cliFigures = (region = '540102') =>
  JSON.parse(cli(['indicators', '--db', primary.url, '--region', region, '--year', '2023', '--as-of', '2023-12-31', '--format', 'json']).stdout)

/** Polls until `read()` gives `want` or `ms` pass; returns the last value read. */
async function until(read, want, ms) {
  const start = Date.now()
  for (;;) {
    const got = await read()
    if (got === want || Date.now() - start > ms) return got
    await sleep(50)
  }
}

const importAllocation = (id, amountYuan, region = '540102') => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xj-replica-'))
  const file = path.join(dir, 'ledger.csv')
  fs.writeFileSync(
    file,
    'entry_id,date,kind,fund_source,fund_year,region_code,project_code,amount,payee,payee_type,reverses,note\n' +
      `${id},2023-03-01,allocate,central,2023,${region},,${amountYuan},,,,\n`,
  )
  const r = cli(['import', '--db', primary.url, '--kind', 'ledger', file])
  fs.rmSync(dir, { recursive: true, force: true })
  assert.equal(r.status, 0, r.stderr)
}

const importProject = (code, region) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xj-replica-'))
  const file = path.join(dir, 'projects.csv')
  fs.writeFileSync(
    file,
    '项目编码,项目名称,年度,区划代码,项目类别,建设内容,总投资（万元）,中央衔接资金（万元）,其他资金（万元）,计划开工,计划完工,实际开工,实际完工,状态,责任人,政府投资基建,技术要求低,以工代赈\n' +
      `${code},副本测试大棚,2023,${region},产业发展,设施农业,10,5,5,2023-03-01,2023-10-31,,,资金已安排,扎西,0,0,0\n`,
  )
  const r = cli(['import', '--db', primary.url, '--kind', 'projects', file])
  fs.rmSync(dir, { recursive: true, force: true })
  assert.equal(r.status, 0, r.stderr)
}

test('the server starts from the replica and its figures are the primary’s', { skip }, async () => {
  assert.match(server.stdout(), /replica \d/)
  assert.match(server.stdout(), /只读副本/)
  const served = await figures()
  const expected = cliFigures()
  assert.equal(served.allocated_fen, expected.allocated_fen)
  assert.equal(served.expended_fen, expected.expended_fen)
  assert.equal(served.allocated_fen, 800_000_000) // the fixtures' 500 + 300 万元
})

test('another process’s write reaches the figures through the replica, not before', { skip }, async () => {
  const before = (await figures()).allocated_fen
  assert.equal(rawSql(standbyUrl, 'SELECT pg_wal_replay_pause()').status, 0)
  try {
    importAllocation('REPLICA-CLI-1', '100')
    // On the primary at once; the server follows the paused replica, so not yet there.
    assert.equal(cliFigures().allocated_fen, before + 10_000)
    await sleep(1200)
    assert.equal((await figures()).allocated_fen, before)
  } finally {
    assert.equal(rawSql(standbyUrl, 'SELECT pg_wal_replay_resume()').status, 0)
  }
  assert.equal(await until(async () => (await figures()).allocated_fen, before + 10_000, 5000), before + 10_000)
})

test('the server’s own write shows at once and stays while the replica lags', { skip }, async () => {
  const region = '540103'
  const { allocated_fen: before, projects_total: projectsBefore } = await figures(region)
  assert.equal(rawSql(standbyUrl, 'SELECT pg_wal_replay_pause()').status, 0)
  try {
    const posted = await finance.post('/api/v1/ledger', {
      entry_id: 'REPLICA-API-1', date: '2023-04-01', kind: 'allocate', fund_source: 'central', fund_year: 2023,
      region_code: region, amount_fen: 4321,
    })
    assert.equal(posted.status, 201, await posted.clone().text())
    assert.equal((await figures(region)).allocated_fen, before + 4321)
    // Another process's project import moves the change log; the replica has not replayed it,
    // so the engine waits rather than rebuilding from the lagging replica (which lacks the entry).
    importAllocation('REPLICA-CLI-2', '1', region)
    importProject('XZ-540103-2023-901', region)
    await sleep(1200)
    const lagging = await figures(region)
    assert.equal(lagging.allocated_fen, before + 4321)
    assert.equal(lagging.projects_total, projectsBefore)
  } finally {
    assert.equal(rawSql(standbyUrl, 'SELECT pg_wal_replay_resume()').status, 0)
  }
  const want = before + 4321 + 100
  assert.equal(await until(async () => (await figures(region)).allocated_fen, want, 5000), want)
  assert.equal((await figures(region)).projects_total, projectsBefore + 1)
  // Followed again and again, nothing is counted twice.
  await sleep(600)
  assert.equal((await figures(region)).allocated_fen, want)
})

test('a settlement waits for the replica to replay this server’s own entries', { skip }, async () => {
  const region = '540104'
  assert.equal(rawSql(standbyUrl, 'SELECT pg_wal_replay_pause()').status, 0)
  let posted
  try {
    // Another process's entry the replica has not replayed, then this server's own after it: the
    // engine lacks the first, so the run waits for the replica (replay resumes 0.8 s later).
    importAllocation('REPLICA-CLI-3', '2', region)
    posted = await finance.post('/api/v1/ledger', {
      entry_id: 'REPLICA-API-2', date: '2023-04-01', kind: 'allocate', fund_source: 'central', fund_year: 2023,
      region_code: region, amount_fen: 500,
    })
  } finally {
    setTimeout(() => rawSql(standbyUrl, 'SELECT pg_wal_replay_resume()'), 800)
  }
  assert.equal(posted.status, 201)
  const started = Date.now()
  const run = await finance.post('/api/v1/settlements', { region_code: '540000', year: 2023, as_of: '2023-12-31' })
  assert.ok(Date.now() - started >= 500, 'the run did not wait for the replica')
  assert.equal(run.status, 201, await run.clone().text())
  const body = await run.json()
  const seq = rawSql(primary.url, "SELECT seq FROM ledger_entries WHERE entry_id = 'REPLICA-API-2'").stdout.trim()
  assert.ok(body.watermark_seq >= Number(seq), `watermark ${body.watermark_seq} below the own entry's seq ${seq}`)
})

test('--replica is refused for SQLite, for the primary itself and for an unreachable server', () => {
  const sqlite = cli(['serve', '--db', 'sqlite:/tmp/xj-replica-refused.db', '--replica', 'sqlite:/tmp/other.db', '--port', '0'])
  assert.equal(sqlite.status, 2)
  assert.match(sqlite.stderr, /--replica 只用于 PostgreSQL/)
  assert.ok(!fs.existsSync('/tmp/xj-replica-refused.db'))
  if (skip) return
  const same = cli(['serve', '--db', primary.url, '--replica', primary.url, '--port', '0'])
  assert.equal(same.status, 2)
  assert.match(same.stderr, /不能与 --db 相同/)
  const gone = new URL(primary.url)
  gone.port = '1'
  const unreachable = cli(['serve', '--db', primary.url, '--replica', gone.toString(), '--port', '0'])
  assert.equal(unreachable.status, 1)
  assert.match(unreachable.stderr, /错误/)
})
