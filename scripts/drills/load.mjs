// Write (and read) load for the drills of scripts/drills/: signs in, then runs `--writers`
// concurrent loops posting single ledger entries (kind allocate, 1 fen … 1,000 yuan) with ids
// `<prefix>-<n>`, and `--readers` loops reading the ledger list, until `--seconds` pass or the
// server stops answering for `--give-up-ms`. Every entry the server acknowledged (201) is appended
// to `--acks` as one line, before the next request — the drill then checks each is stored.
// Prints one JSON line: {acked, refused: {status: count}, errors, reads, read_errors, p99_ms}.
//
// node scripts/drills/load.mjs --url http://127.0.0.1:PORT --user finance --password … \
//   --prefix T1 --acks acks.txt [--writers 8] [--readers 0] [--seconds 3600] [--give-up-ms 3000]
//   [--region 540102] [--session FILE]
import fs from 'node:fs'
import { parseArgs } from 'node:util'

const { values: o } = parseArgs({
  options: {
    url: { type: 'string' },
    user: { type: 'string' },
    password: { type: 'string' },
    prefix: { type: 'string', default: 'L' },
    acks: { type: 'string' },
    writers: { type: 'string', default: '8' },
    readers: { type: 'string', default: '0' },
    seconds: { type: 'string', default: '3600' },
    'give-up-ms': { type: 'string', default: '3000' },
    region: { type: 'string', default: '540102' },
    session: { type: 'string' },
  },
})

async function login() {
  const res = await fetch(`${o.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: o.user, password: o.password }),
  })
  if (res.status !== 200) throw new Error(`login: ${res.status} ${await res.text()}`)
  return { cookie: res.headers.get('set-cookie').split(';')[0], csrf: (await res.json()).csrf_token }
}

// --session FILE: reuse the session saved there (a full disk refuses the login's own write).
let session
if (o.session && fs.existsSync(o.session)) session = JSON.parse(fs.readFileSync(o.session, 'utf8'))
else {
  session = await login()
  if (o.session) fs.writeFileSync(o.session, JSON.stringify(session))
}
let stopped = false
process.on('SIGTERM', () => (stopped = true)) // finish the requests in flight, then report
const ackFd = o.acks ? fs.openSync(o.acks, 'a') : null
const deadline = Date.now() + Number(o.seconds) * 1000
const giveUp = Number(o['give-up-ms'])
const stats = { acked: 0, refused: {}, errors: 0, reads: 0, read_errors: 0, write_ms: [] }
let next = 0
let lastAnswer = Date.now()
const alive = () => !stopped && Date.now() < deadline && Date.now() - lastAnswer < giveUp

async function writer() {
  while (alive()) {
    const id = `${o.prefix}-${++next}`
    const entry = {
      entry_id: id, date: '2024-05-01', kind: 'allocate', fund_source: 'central', fund_year: 2024,
      region_code: o.region, amount_fen: 1 + (next % 100000), note: 'drill',
    }
    const t0 = performance.now()
    try {
      const res = await fetch(`${o.url}/api/v1/ledger`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: session.cookie, 'X-CSRF-Token': session.csrf },
        body: JSON.stringify(entry),
        signal: AbortSignal.timeout(10_000),
      })
      const text = await res.text()
      lastAnswer = Date.now()
      stats.write_ms.push(performance.now() - t0)
      if (res.status === 201) {
        if (ackFd !== null) fs.writeSync(ackFd, id + '\n')
        stats.acked++
      } else {
        let code = ''
        try { code = JSON.parse(text).error?.code ?? '' } catch { /* not JSON */ }
        const key = `${res.status}${code ? ' ' + code : ''}`
        stats.refused[key] = (stats.refused[key] ?? 0) + 1
      }
    } catch {
      stats.errors++
      await new Promise((r) => setTimeout(r, 50))
    }
  }
}

async function reader() {
  while (alive()) {
    try {
      const res = await fetch(`${o.url}/api/v1/ledger?region=${o.region}&page_size=20`, {
        headers: { Cookie: session.cookie }, signal: AbortSignal.timeout(10_000),
      })
      await res.arrayBuffer()
      lastAnswer = Date.now()
      if (res.status === 200) stats.reads++
      else stats.read_errors++
    } catch {
      stats.read_errors++
      await new Promise((r) => setTimeout(r, 50))
    }
  }
}

await Promise.all([
  ...Array.from({ length: Number(o.writers) }, writer),
  ...Array.from({ length: Number(o.readers) }, reader),
])
if (ackFd !== null) fs.closeSync(ackFd)
const ms = stats.write_ms.sort((a, b) => a - b)
const p99 = ms.length ? Math.round(ms[Math.floor(ms.length * 0.99)] ?? ms[ms.length - 1]) : null
delete stats.write_ms
console.log(JSON.stringify({ ...stats, p99_ms: p99 }))
