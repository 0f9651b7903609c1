// Import jobs kept in the store (issue #16 point 3): a job accepted by one server is polled, listed
// and its error workbook read through another server of the same database; a job whose server is
// killed (kill -9) is recorded as cancelled when that server starts again, and nothing of it is
// written. Runs on the backend XIANJIE_TEST_DB names (SQLite file or PostgreSQL).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { startServer, clientFor, rawSql, cli, repoRoot } from '../lib/server.mjs'

const users = [{ username: 'finance', role: 'finance_officer', region: '540102' }]
const header = 'entry_id,date,kind,fund_source,fund_year,region_code,amount,note'

function upload(client, kind, body, fileName, type = 'text/csv') {
  return client.fetch(`/api/v1/imports/${kind}/jobs?file_name=${fileName}`, { method: 'POST', body, headers: { 'Content-Type': type } })
}

/** Polls the job through `client` until `done(job)` or 30 s pass. */
async function until(client, id, done) {
  let job
  for (let i = 0; i < 1500; i++) {
    const res = await client.get(`/api/v1/imports/jobs/${id}`)
    assert.equal(res.status, 200, `job ${id}: ${res.status}`)
    job = await res.json()
    if (done(job)) return job
    await new Promise((r) => setTimeout(r, 20))
  }
  throw new Error(`job ${id} stayed ${JSON.stringify(job).slice(0, 300)}`)
}
const finished = (j) => !['queued', 'running'].includes(j.state)

function ledgerCount(db, prefix) {
  const r = rawSql(db, `SELECT COUNT(*) FROM ledger_entries WHERE entry_id LIKE '${prefix}-%';`)
  assert.equal(r.status, 0, r.stderr)
  return Number(r.stdout.trim())
}

test('a job started on one server is polled, listed and its error workbook read on the other', async () => {
  const first = await startServer({ users })
  const second = await startServer({ db: first.db })
  try {
    const onA = await first.login('finance')
    const onB = clientFor(second.baseUrl, onA.cookie, onA.csrf)

    // 1.00 + 2.50 yuan allocated to 城关区.
    const good = `${header}\nJS-1,2023-03-01,allocate,central,2023,540102,1.00,\nJS-2,2023-03-02,allocate,central,2023,540102,2.50,\n`
    const submitted = await upload(onA, 'ledger', good, 'good.csv')
    assert.equal(submitted.status, 202)
    const { job_id: goodId } = await submitted.json()
    const done = await until(onB, goodId, finished)
    assert.equal(done.state, 'succeeded', JSON.stringify(done.error))
    assert.equal(done.phase, 'done')
    assert.equal(done.owner, 'finance')
    assert.equal(done.file_name, 'good.csv')
    assert.equal(done.rows_read, 2)
    assert.equal(done.rows_total, 2)
    assert.deepEqual(done.report, { kind: 'ledger', rows: 2, inserted: 2, updated: 0, unchanged: 0, encoding: 'UTF-8' })
    assert.equal(done.error, null)
    assert.ok(done.started_at && done.finished_at)

    const bad = `${header}\nJB-1,2023-02-30,allocate,central,2023,540102,1,\nJB-2,2023-01-01,allocate,central,2023,540102,-1,\n`
    const { job_id: badId } = await (await upload(onA, 'ledger', bad, 'bad.csv')).json()
    const failed = await until(onB, badId, finished)
    assert.equal(failed.state, 'failed')
    assert.equal(failed.errors_total, 2)
    assert.deepEqual(failed.errors.map((e) => [e.row, e.column, e.code]), [[2, 'date', 'invalid_date'], [3, 'amount', 'non_positive_amount']])
    assert.equal(failed.errors_url, `/api/v1/imports/jobs/${badId}/errors.xlsx`)
    const xlsx = await onB.get(failed.errors_url)
    assert.equal(xlsx.status, 200)
    assert.equal(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString(), 'PK')

    // Both servers list both jobs, newest first; a stranger's poll is still 404 on either.
    for (const client of [onA, onB]) {
      const list = await (await client.get('/api/v1/imports/jobs')).json()
      const ids = list.items.map((j) => j.job_id)
      assert.ok(ids.indexOf(badId) >= 0 && ids.indexOf(goodId) > ids.indexOf(badId), JSON.stringify(ids))
    }
    assert.equal((await onB.get('/api/v1/imports/jobs/0123456789abcdef')).status, 404)
    assert.equal(ledgerCount(first.db, 'JS'), 2)
    assert.equal(ledgerCount(first.db, 'JB'), 0)
  } finally {
    await second.stop()
    await first.stop()
  }
})

test('kill -9 during a long import: after the restart the job reads cancelled on both servers and the ledger is unchanged', async () => {
  const first = await startServer({ users })
  const second = await startServer({ db: first.db })
  const port = Number(new URL(first.baseUrl).port)
  let restarted, killed = false
  try {
    const onA = await first.login('finance')
    const onB = clientFor(second.baseUrl, onA.cookie, onA.csrf)
    const lines = [header]
    for (let size = 0, i = 0; size < 9 * 1024 * 1024; i++) {
      const line = `KX-${i},2023-03-01,allocate,central,2022,540102,1.00,强停测试`
      lines.push(line)
      size += Buffer.byteLength(line) + 1
    }
    const submitted = await upload(onA, 'ledger', lines.join('\n') + '\n', 'big.csv')
    assert.equal(submitted.status, 202)
    const { job_id: id } = await submitted.json()
    // Seen running with rows read through the other server, then the accepting one dies.
    const running = await until(onB, id, (j) => (j.state === 'running' && j.rows_read > 0) || finished(j))
    assert.equal(running.state, 'running', JSON.stringify(running).slice(0, 300))
    await first.kill('SIGKILL')
    killed = true

    restarted = await startServer({ db: first.db, port })
    const onA2 = clientFor(restarted.baseUrl, onA.cookie, onA.csrf)
    for (const client of [onA2, onB]) {
      const job = await (await client.get(`/api/v1/imports/jobs/${id}`)).json()
      assert.equal(job.state, 'cancelled', JSON.stringify(job).slice(0, 300))
      assert.equal(job.phase, 'done')
      assert.equal(job.error.code, 'cancelled')
      assert.equal(job.report, null)
      assert.ok(job.finished_at)
    }
    assert.equal(ledgerCount(first.db, 'KX'), 0, 'nothing of the killed import is stored')
  } finally {
    await restarted?.stop({ keepDb: true })
    await second.stop({ keepDb: true })
    if (!killed) await first.stop({ keepDb: true })
  }
  const verified = cli(['verify', '--db', first.db])
  assert.equal(verified.status, 0, verified.stdout + verified.stderr)
  first.drop()
})

test('a finished job read from the store after its server stopped keeps its encoding and formula cells', async () => {
  const first = await startServer({
    users: [...users, { username: 'region', role: 'region_officer', region: '540000' }],
  })
  const second = await startServer({ db: first.db })
  let firstStopped = false
  try {
    const region = await first.login('region')
    const projects = 'project_code,name,year,region_code,central_fund,status\nP1,道路硬化项目,2023,540102,100,approved\n'
    for (const body of [projects, fs.readFileSync(path.join(repoRoot, 'tests', 'fixtures', 'gbk', 'projects-lhasa.csv'))]) {
      const r = await region.fetch('/api/v1/imports/projects', { method: 'POST', body, headers: { 'Content-Type': 'text/csv' } })
      assert.equal(r.status, 200, await r.text())
    }
    const onA = await first.login('finance')
    const onB = clientFor(second.baseUrl, onA.cookie, onA.csrf)
    const gbk = await upload(onA, 'ledger', fs.readFileSync(path.join(repoRoot, 'tests', 'fixtures', 'gbk', 'ledger-lhasa.csv')), 'gbk.csv')
    assert.equal(gbk.status, 202, await gbk.clone().text())
    const { job_id: gbkId } = await gbk.json()
    const xlsx = await upload(onA, 'ledger', fs.readFileSync(path.join(repoRoot, 'tests', 'fixtures', 'xlsx', 'formula_cached.xlsx')),
      'formula.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    assert.equal(xlsx.status, 202, await xlsx.clone().text())
    const { job_id: xlsxId } = await xlsx.json()
    for (const id of [gbkId, xlsxId]) assert.equal((await until(onA, id, finished)).state, 'succeeded')
    await first.stop({ keepDb: true })
    firstStopped = true

    // Only the store knows these jobs now: the other server answers them as the accepting one did.
    const expected = {
      [gbkId]: { kind: 'ledger', rows: 8, inserted: 8, updated: 0, unchanged: 0, encoding: 'GB18030' },
      // formula_cached.xlsx: H4 = 100*2 and L4 = "第"&"一批" on row 4, H5 = H4/4 on row 5.
      [xlsxId]: {
        kind: 'ledger', rows: 2, inserted: 2, updated: 0, unchanged: 0, encoding: 'UTF-8',
        formula_cells_total: 3,
        formula_cells: [
      { sheet: '台账', row: 4, column: 'H', formula: '100*2', value: '200' },
      { sheet: '台账', row: 4, column: 'L', formula: '"第"&"一批"', value: '第一批' },
      { sheet: '台账', row: 5, column: 'H', formula: 'H4/4', value: '50' },
    ],
      },
    }
    for (const [id, report] of Object.entries(expected)) {
      const job = await (await onB.get(`/api/v1/imports/jobs/${id}`)).json()
      assert.equal(job.state, 'succeeded')
      assert.deepEqual(job.report, report)
    }
    const list = await (await onB.get('/api/v1/imports/jobs')).json()
    for (const [id, report] of Object.entries(expected)) {
      assert.deepEqual(list.items.find((j) => j.job_id === id)?.report, report)
    }
  } finally {
    await second.stop({ keepDb: true })
    if (!firstStopped) await first.stop({ keepDb: true })
    first.drop()
  }
})
