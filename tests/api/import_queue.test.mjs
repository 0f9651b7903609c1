// Per-user job limits do not block other users (issue #13 point 3): while a job runs, one user
// may have 2 jobs waiting; a third is refused with 429, and another user's job is still queued.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { startServer } from '../lib/server.mjs'

function ledgerCsv(prefix, rows) {
  const lines = ['entry_id,date,kind,fund_source,fund_year,region_code,amount,note']
  for (let i = 0; i < rows; i++) lines.push(`${prefix}-${i},2023-03-01,allocate,central,2022,540102,1.00,排队测试`)
  return lines.join('\n') + '\n'
}

test('one user\'s queued jobs are capped at 2 (429 beyond); another user still gets a place', async () => {
  const server = await startServer({
    users: [
      { username: 'busy', role: 'finance_officer', region: '540102' },
      { username: 'other', role: 'finance_officer', region: '540102' },
    ],
  })
  try {
    const busy = await server.login('busy')
    const other = await server.login('other')
    const submit = (s, prefix, rows) =>
      s.fetch('/api/v1/imports/ledger/jobs', { method: 'POST', body: ledgerCsv(prefix, rows), headers: { 'Content-Type': 'text/csv' } })
    // A long job occupies the worker.
    const long = await (await submit(busy, 'QL', 200000)).json()
    for (let i = 0; i < 500; i++) {
      const v = await (await busy.get(`/api/v1/imports/jobs/${long.job_id}`)).json()
      if (v.state === 'running') break
      await new Promise((r) => setTimeout(r, 10))
    }
    assert.equal((await submit(busy, 'QA', 10)).status, 202)
    assert.equal((await submit(busy, 'QB', 10)).status, 202)
    const third = await submit(busy, 'QC', 10)
    assert.equal(third.status, 429)
    const body = await third.json()
    assert.equal(body.error.code, 'too_many_requests')
    assert.match(body.error.message, /您已有 2 个导入任务在排队/)
    const theirs = await submit(other, 'QO', 10)
    assert.equal(theirs.status, 202, 'the other user is not blocked')
    const job = await theirs.json()
    assert.equal(job.state, 'queued')
    // Stopping the server cancels the long job (SIGTERM); nothing more to wait for.
  } finally {
    await server.stop()
  }
})
