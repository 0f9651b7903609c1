// A load-balanced deployment (issue #16 point 4): two `xianjie serve` on one PostgreSQL behind Debian's
// nginx (round robin, loopback ports; nginx runs in the foreground with its own prefix and config in a
// temporary folder, never the system service). Runs in the PostgreSQL pass only.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { startServer, testBackend, login } from '../lib/server.mjs'

const nginxBinary = '/usr/sbin/nginx'
const skip =
  testBackend !== 'postgresql'
    ? 'runs in the PostgreSQL pass (XIANJIE_TEST_DB=postgresql)'
    : !fs.existsSync(nginxBinary)
      ? 'nginx is not installed (scripts/setup.sh --test installs nginx-light)'
      : false

const users = [{ username: 'finance', role: 'finance_officer', region: '540000' }]
let first, second, nginx, prefix, base, finance
const portOf = (url) => Number(new URL(url).port)

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer()
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address()
      s.close(() => resolve(port))
    })
  })
}

async function startNginx(upstreams) {
  prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'xj-nginx-'))
  fs.mkdirSync(path.join(prefix, 'logs'))
  const port = await freePort()
  // Passive health checks: a server refusing connections is skipped for 2 s; idempotent requests
  // that fail on one server (connection refused or reset, 502/503) are retried on the other.
  const conf = `
worker_processes 1;
daemon off;
master_process on;
pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log warn;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${prefix}/client_body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  upstream xianjie {
${upstreams.map((u) => `    server 127.0.0.1:${u} max_fails=1 fail_timeout=2s;`).join('\n')}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 64m;
    location / {
      proxy_pass http://xianjie;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_next_upstream error timeout http_502 http_503;
      proxy_next_upstream_tries 2;
      proxy_connect_timeout 1s;
    }
  }
}
`
  fs.writeFileSync(path.join(prefix, 'nginx.conf'), conf)
  const child = spawn(nginxBinary, ['-p', prefix, '-c', path.join(prefix, 'nginx.conf')], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (d) => (stderr += d))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 10_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`)
    try {
      if ((await fetch(`${url}/healthz`)).status === 200) break
    } catch {}
    if (Date.now() > deadline) throw new Error(`nginx did not start: ${stderr}`)
    await new Promise((r) => setTimeout(r, 50))
  }
  return { url, child }
}

before(async () => {
  if (skip) return
  first = await startServer({ users })
  second = await startServer({ db: first.db })
  nginx = await startNginx([portOf(first.baseUrl), portOf(second.baseUrl)])
  base = nginx.url
  finance = await login(base, 'finance')
})
after(async () => {
  if (nginx) {
    nginx.child.kill('SIGQUIT')
    await new Promise((r) => (nginx.child.exitCode !== null ? r() : nginx.child.on('exit', r)))
  }
  await second?.stop()
  await first?.stop()
  if (prefix) fs.rmSync(prefix, { recursive: true, force: true })
})

const allocatedVia = async (baseUrl, client, region) => {
  const r = await fetch(`${baseUrl}/api/v1/indicators?region=${region}&year=2023&as_of=2023-12-31`, {
    headers: { Cookie: client.cookie },
  })
  const text = await r.text()
  assert.equal(r.status, 200, `${r.status} ${text}`)
  return JSON.parse(text).allocated_fen
}

async function until(read, want, ms = 1000) {
  const start = Date.now()
  let got
  for (;;) {
    got = await read()
    if (got === want || Date.now() - start > ms) return got
    await new Promise((r) => setTimeout(r, 20))
  }
}

const entry = (id, region, fen) => ({
  entry_id: id, date: '2023-05-01', kind: 'allocate', fund_source: 'central', fund_year: 2023, region_code: region, amount_fen: fen,
})

test('round robin: a session from nginx works on both servers, and an entry posted through one shows on the other within 1 s', { skip }, async () => {
  const region = '540102'
  const before = await allocatedVia(first.baseUrl, finance, region)
  assert.equal(await allocatedVia(second.baseUrl, finance, region), before)
  // Posted straight to the first server, read straight from the second (and through nginx).
  const posted = await fetch(`${first.baseUrl}/api/v1/ledger`, {
    method: 'POST',
    headers: { Cookie: finance.cookie, 'X-CSRF-Token': finance.csrf, 'Content-Type': 'application/json' },
    body: JSON.stringify(entry('NGX-1', region, 5000)),
  })
  assert.equal(posted.status, 201)
  assert.equal(await until(() => allocatedVia(second.baseUrl, finance, region), before + 5000), before + 5000)
  // Through nginx, whichever server answers: every read gives the new figure.
  for (let i = 0; i < 6; i++) assert.equal(await allocatedVia(base, finance, region), before + 5000)
  // A write through nginx (to either server) reaches both.
  assert.equal((await finance.post('/api/v1/ledger', entry('NGX-2', region, 700))).status, 201)
  assert.equal(await until(() => allocatedVia(first.baseUrl, finance, region), before + 5700), before + 5700)
  assert.equal(await until(() => allocatedVia(second.baseUrl, finance, region), before + 5700), before + 5700)
})

test('rolling restart: one server restarted while a client reads figures through nginx, no failed request, no wrong figure', { skip }, async () => {
  const region = '540103'
  const before = await allocatedVia(first.baseUrl, finance, region)
  assert.equal((await finance.post('/api/v1/ledger', entry('NGX-R1', region, 4321))).status, 201)
  const want = before + 4321
  assert.equal(await until(() => allocatedVia(first.baseUrl, finance, region), want), want)
  assert.equal(await until(() => allocatedVia(second.baseUrl, finance, region), want), want)
  let stop = false
  const failures = []
  let reads = 0
  const reader = (async () => {
    // Bounded: at most 20 s or 5000 requests.
    const deadline = Date.now() + 20_000
    while (!stop && Date.now() < deadline && reads < 5000) {
      reads++
      try {
        const got = await allocatedVia(base, finance, region)
        if (got !== want) failures.push(`wrong figure ${got}`)
      } catch (e) {
        failures.push(String(e.message || e))
      }
    }
  })()
  await new Promise((r) => setTimeout(r, 300))
  // Restart the second server on its port (the first keeps serving).
  const port = portOf(second.baseUrl)
  await second.stop()
  await new Promise((r) => setTimeout(r, 300))
  second = await startServer({ db: first.db, port })
  await new Promise((r) => setTimeout(r, 500))
  stop = true
  await reader
  assert.deepEqual(failures.slice(0, 5), [])
  assert.ok(reads > 20, `only ${reads} reads`)
  // The restarted server answers with the same figure.
  assert.equal(await allocatedVia(second.baseUrl, finance, region), want)
})
