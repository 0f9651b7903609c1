// Concurrent write load over HTTP: C clients, each with its own session, post one ledger
// entry per request (POST /api/v1/ledger) for S seconds; every 2xx is a committed, durable
// entry. Usage: node write_load.mjs BASE_URL USER PASSWORD REGION_CODE TAG SECONDS C1 [C2 …]
// Prints JSON: [{clients, seconds, entries, entries_per_second, p50_ms, p99_ms, errors}].
import http from 'node:http'

const [base, user, password, region, tag, secondsText, ...clientCounts] = process.argv.slice(2)
const seconds = Number(secondsText)
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 })

function request(method, path, { body, headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const url = new URL(path, base)
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body))
    const req = http.request(
      url,
      { method, agent, headers: { ...headers, ...(data ? { 'content-type': 'application/json', 'content-length': data.length } : {}) } },
      (res) => {
        const chunks = []
        res.on('data', (c) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString() }))
      },
    )
    req.on('error', reject)
    if (data) req.write(data)
    req.end()
  })
}

async function session() {
  const r = await request('POST', '/api/v1/session', { body: { username: user, password } })
  if (r.status !== 200) throw new Error(`login ${r.status} ${r.text}`)
  const cookie = r.headers['set-cookie'].map((c) => c.split(';')[0]).join('; ')
  return { cookie, csrf: JSON.parse(r.text).csrf_token }
}

async function run(clients) {
  const sessions = []
  for (let i = 0; i < clients; i++) sessions.push(await session())
  const latencies = []
  let errors = 0
  let seq = 0
  const until = Date.now() + seconds * 1000
  const t0 = process.hrtime.bigint()
  await Promise.all(
    sessions.map(async (s, c) => {
      while (Date.now() < until) {
        const id = `${tag}-${clients}-${c}-${seq++}`
        const t = process.hrtime.bigint()
        const r = await request('POST', '/api/v1/ledger', {
          headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
          body: { entry_id: id, date: '2023-09-01', kind: 'allocate', fund_source: 'central', fund_year: 2023, region_code: region, amount_fen: 100 },
        })
        if (r.status === 201) latencies.push(Number(process.hrtime.bigint() - t) / 1e6)
        else if (errors++ < 3) console.error(`HTTP ${r.status}: ${r.text.slice(0, 200)}`)
      }
    }),
  )
  const elapsed = Number(process.hrtime.bigint() - t0) / 1e9
  latencies.sort((a, b) => a - b)
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? null
  return { clients, seconds: elapsed, entries: latencies.length, entries_per_second: latencies.length / elapsed, p50_ms: at(0.5), p99_ms: at(0.99), errors }
}

const results = []
for (const c of clientCounts) results.push(await run(Number(c)))
console.log(JSON.stringify(results, null, 2))
agent.destroy()
