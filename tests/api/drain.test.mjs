// SIGTERM drains (issue #13 point 3): the requests in flight are answered before the server exits
// — a synchronous import is cancelled at its next row and answered 503 `cancelled` instead of a
// dropped connection — a running import job is recorded as cancelled in the store, nothing of
// either is written, and the server exits within 10 s.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, rawSql, cli } from '../lib/server.mjs'

function ledgerCsv(prefix, bytes) {
  const lines = ['entry_id,date,kind,fund_source,fund_year,region_code,amount,note']
  let size = 0
  for (let i = 0; size < bytes; i++) {
    const line = `${prefix}-${i},2023-03-01,allocate,central,2022,540102,1.00,排空测试`
    lines.push(line)
    size += Buffer.byteLength(line) + 1
  }
  return lines.join('\n') + '\n'
}

function sql(db, text) {
  const r = rawSql(db, text)
  assert.equal(r.status, 0, r.stderr)
  return r.stdout.trim()
}

test('SIGTERM answers a synchronous import in flight (cancelled), records a running job as cancelled, and exits within 10 s', async () => {
  const server = await startServer({ users: [{ username: 'finance', role: 'finance_officer', region: '540102' }] })
  let stopped = false
  try {
    const s = await server.login('finance')
    // A synchronous import on the HTTP worker pool and an import job must both be reading their rows
    // (the only phase a cancellation can stop) when SIGTERM comes; on an idle machine a 9 MB file is
    // read in well under a second, so the signal follows the job's first progress at once, with the
    // synchronous import sent just before the job.
    const inFlight = s.fetch('/api/v1/imports/ledger', { method: 'POST', body: ledgerCsv('SX', 9 * 1024 * 1024), headers: { 'Content-Type': 'text/csv' } })
    await new Promise((r) => setTimeout(r, 30))
    const submitted = await s.fetch('/api/v1/imports/ledger/jobs?file_name=job.csv', { method: 'POST', body: ledgerCsv('JX', 9 * 1024 * 1024), headers: { 'Content-Type': 'text/csv' } })
    assert.equal(submitted.status, 202)
    const job = await submitted.json()
    let view
    for (let i = 0; i < 2000; i++) {
      view = await (await s.get(`/api/v1/imports/jobs/${job.job_id}`)).json()
      if (view.state !== 'queued' && view.rows_read > 0) break
      await new Promise((r) => setTimeout(r, 2))
    }
    assert.equal(view.state, 'running', JSON.stringify(view).slice(0, 300))
    assert.ok(view.rows_read < view.rows_total, `the job had read all its rows: ${view.rows_read}`)
    const t0 = Date.now()
    const stopping = server.stop({ keepDb: true })
    const answered = await inFlight  // a dropped connection would reject here
    assert.equal(answered.status, 503, await answered.clone().text())
    assert.equal((await answered.json()).error.code, 'cancelled')
    await stopping
    stopped = true
    const ms = Date.now() - t0
    assert.ok(ms < 10_000, `exited ${ms} ms after SIGTERM`)
    assert.equal(sql(server.db, `SELECT state || ' ' || error_code || ' ' || phase FROM import_jobs WHERE job_id = '${job.job_id}';`), 'cancelled cancelled done')
    assert.equal(sql(server.db, "SELECT COUNT(*) FROM ledger_entries WHERE entry_id LIKE 'JX-%' OR entry_id LIKE 'SX-%';"), '0')
    const verified = cli(['verify', '--db', server.db])
    assert.equal(verified.status, 0, verified.stdout + verified.stderr)
  } finally {
    if (!stopped) await server.stop({ keepDb: true })
    server.drop()
  }
})
