// Nothing heavy on the I/O threads (issue #13 point 3): while four maximal synchronous imports
// (10 MB ledger CSVs, all at once) run, /healthz keeps answering — p99 under 100 ms. The imports
// run on the transport's worker pool (2 threads) and /healthz is answered from memory.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { startServer } from '../lib/server.mjs'

const MAX_UPLOAD = 10 * 1024 * 1024

function ledgerCsv(prefix) {
  const lines = ['entry_id,date,kind,fund_source,fund_year,region_code,amount,note']
  let size = lines[0].length + 1
  for (let i = 0; ; i++) {
    const line = `${prefix}-${i},2023-03-01,allocate,central,2022,540102,1.00,负载测试`
    if (size + Buffer.byteLength(line) + 1 > MAX_UPLOAD) break
    lines.push(line)
    size += Buffer.byteLength(line) + 1
  }
  return { body: lines.join('\n') + '\n', rows: lines.length - 1 }
}

test('/healthz p99 stays under 100 ms while four maximal imports run', async () => {
  const server = await startServer({ users: [{ username: 'finance', role: 'finance_officer', region: '540102' }] })
  try {
    const s = await server.login('finance')
    const files = ['LA', 'LB', 'LC', 'LD'].map(ledgerCsv)
    for (const f of files) assert.ok(Buffer.byteLength(f.body) > MAX_UPLOAD - 100 && Buffer.byteLength(f.body) <= MAX_UPLOAD)
    let running = true
    const started = Date.now()
    const imports = Promise.all(
      files.map(async (f) => {
        const res = await s.fetch('/api/v1/imports/ledger', { method: 'POST', body: f.body, headers: { 'Content-Type': 'text/csv' } })
        const report = await res.json()
        return { status: res.status, report, ms: Date.now() - started }
      }),
    ).finally(() => (running = false))
    const latencies = []
    // Let the uploads arrive first: the health check measures the server, not the client's sending.
    await new Promise((r) => setTimeout(r, 500))
    while (running) {
      const t0 = performance.now()
      const res = await fetch(server.baseUrl + '/healthz')
      await res.text()
      latencies.push(performance.now() - t0)
      assert.equal(res.status, 200)
      await new Promise((r) => setTimeout(r, 20))
    }
    const done = await imports
    for (const [i, d] of done.entries()) {
      assert.equal(d.status, 200, JSON.stringify(d.report).slice(0, 300))
      assert.equal(d.report.inserted, files[i].rows)
    }
    latencies.sort((a, b) => a - b)
    const p99 = latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))]
    const slowest = Math.max(...done.map((d) => d.ms))
    console.log(`imports: ${done.map((d) => d.ms).join(', ')} ms; /healthz samples ${latencies.length}, p50 ${latencies[Math.floor(latencies.length / 2)].toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`)
    assert.ok(latencies.length >= 10, `${latencies.length} samples in ${slowest} ms`)
    assert.ok(p99 < 100, `/healthz p99 ${p99.toFixed(1)} ms while the imports ran`)
  } finally {
    await server.stop()
  }
})
