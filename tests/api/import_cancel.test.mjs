// SIGTERM while an import runs (issue #13 point 3): the import is cancelled at its next row and
// rolled back — none of its rows stored, the job's cancellation in the server log — and the
// server exits within 10 s instead of waiting for the import.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, rawSql, cli } from '../lib/server.mjs'

function ledgerCsv(prefix, bytes) {
  const lines = ['entry_id,date,kind,fund_source,fund_year,region_code,amount,note']
  let size = 0
  for (let i = 0; size < bytes; i++) {
    const line = `${prefix}-${i},2023-03-01,allocate,central,2022,540102,1.00,取消测试`
    lines.push(line)
    size += Buffer.byteLength(line) + 1
  }
  return lines.join('\n') + '\n'
}

test('SIGTERM cancels a running import job: nothing of it is stored and the server exits within 10 s', async () => {
  const server = await startServer({ users: [{ username: 'finance', role: 'finance_officer', region: '540102' }] })
  let stopped = false
  try {
    const s = await server.login('finance')
    const body = ledgerCsv('CX', 10 * 1024 * 1024 - 1000)
    const submitted = await s.fetch('/api/v1/imports/ledger/jobs?file_name=big.csv', { method: 'POST', body, headers: { 'Content-Type': 'text/csv' } })
    assert.equal(submitted.status, 202)
    const job = await submitted.json()
    // Wait until the job is reading rows.
    let view
    for (let i = 0; i < 400; i++) {
      view = await (await s.get(`/api/v1/imports/jobs/${job.job_id}`)).json()
      if (view.state !== 'queued' && view.rows_read > 0) break
      await new Promise((r) => setTimeout(r, 10))
    }
    assert.equal(view.state, 'running', JSON.stringify(view).slice(0, 300))
    assert.equal(view.phase, 'reading', 'caught while reading its rows')
    const t0 = Date.now()
    await server.stop({ keepDb: true })
    stopped = true
    const ms = Date.now() - t0
    assert.ok(ms < 10_000, `exited ${ms} ms after SIGTERM`)
    assert.match(server.stderr(), new RegExp(`导入任务 ${job.job_id}（ledger，finance）已取消`))
    const count = rawSql(server.db, "SELECT COUNT(*) FROM ledger_entries WHERE entry_id LIKE 'CX-%';")
    assert.equal(count.status, 0, count.stderr)
    assert.equal(count.stdout.trim(), '0', 'rolled back: no row of the cancelled import is stored')
    const verified = cli(['verify', '--db', server.db])
    assert.equal(verified.status, 0, verified.stdout + verified.stderr)
  } finally {
    if (!stopped) await server.stop({ keepDb: true })
    server.drop()
  }
})
