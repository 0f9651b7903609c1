// Starts the real build/xianjie (or XIANJIE_BINARY) against a fresh temporary database, for API and
// browser tests. Each call gets its own database (SQLite or PostgreSQL, see
// XIANJIE_TEST_DB) and a free port.
import './contract.mjs' // every response the tests receive is held to docs/openapi.yaml
import { spawn, spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
export const repoRoot = path.resolve(here, '..', '..')
/** build/xianjie, or XIANJIE_BINARY (relative to the repository) — ./test.sh runs the API suite on build-asan/xianjie too. */
export const binary = process.env.XIANJIE_BINARY
  ? path.resolve(repoRoot, process.env.XIANJIE_BINARY)
  : path.join(repoRoot, 'build', 'xianjie')

/** The backend API tests run against: XIANJIE_TEST_DB=sqlite (default) or postgresql. */
export const testBackend = process.env.XIANJIE_TEST_DB === 'postgresql' ? 'postgresql' : 'sqlite'

let databases = 0

/**
 * A fresh, empty database: a temporary SQLite file, or (backend 'postgresql') a new
 * database created with createdb on the server of XIANJIE_TEST_PG_URL (a copy of the database named
 * `template`, when given: see demoDbUrl()).
 * Returns {url, dir, drop()}; drop() removes the database and the folder.
 */
export function tempDbUrl({ backend = testBackend, template } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xianjie-test-'))
  if (backend !== 'postgresql') {
    return { url: `sqlite:${path.join(dir, 'test.db')}`, dir, drop: () => fs.rmSync(dir, { recursive: true, force: true }) }
  }
  const base = process.env.XIANJIE_TEST_PG_URL
  if (!base) throw new Error('XIANJIE_TEST_DB=postgresql needs XIANJIE_TEST_PG_URL (./test.sh sets both)')
  const name = `xj_test_${process.pid}_${++databases}`
  const created = spawnSync('createdb', ['--maintenance-db', base, ...(template ? ['--template', template] : []), name], {
    encoding: 'utf8',
  })
  if (created.status !== 0) throw new Error(`createdb ${name} failed: ${created.stderr}`)
  const url = new URL(base)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    dir,
    drop() {
      spawnSync('dropdb', ['--maintenance-db', base, '--if-exists', '--force', name])
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/**
 * A fresh database holding `xianjie demo`'s data (the Xizang demo region), for tests that read it.
 * Generating the demo takes tens of seconds (minutes on PostgreSQL or under ASan), and ten test files
 * need it, so the first call for a binary and backend generates it once into a template — a SQLite
 * file with its personal-data key file under build/demo-cache/, or a PostgreSQL template database —
 * and every call copies the template: each caller still gets a database of its own, and what one
 * test writes no other test sees. The template is keyed by the binary (path, size, mtime) and the
 * files under data/, so a rebuild or a changed data file generates it anew.
 * Returns what tempDbUrl() returns.
 */
export function demoDbUrl({ backend = testBackend } = {}) {
  const key = demoKey(backend)
  if (backend !== 'postgresql') {
    const template = sqliteDemoTemplate(key)
    const db = tempDbUrl({ backend })
    const file = db.url.slice('sqlite:'.length)
    fs.copyFileSync(template, file)
    fs.copyFileSync(`${template}.key`, `${file}.key`)
    return db
  }
  const template = postgresDemoTemplate(key)
  return tempDbUrl({ backend, template })
}

function demoKey(backend) {
  const hash = crypto.createHash('sha256')
  const st = fs.statSync(binary)
  hash.update(`${backend}\n${binary}\n${st.size}\n${st.mtimeMs}\n`)
  const walk = (dir) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, name)
      const s = fs.statSync(full)
      if (s.isDirectory()) walk(full)
      else hash.update(`${path.relative(repoRoot, full)}\n${s.size}\n${s.mtimeMs}\n`)
    }
  }
  walk(path.join(repoRoot, 'data'))
  return hash.digest('hex').slice(0, 16)
}

function runDemo(url) {
  const r = cli(['demo', '--db', url])
  if (r.status !== 0) throw new Error(`xianjie demo failed (${r.status}): ${r.stderr}`)
}

function sqliteDemoTemplate(key) {
  const cacheDir = path.join(repoRoot, 'build', 'demo-cache')
  // Named by the binary and backend, then by the key: a rebuild's template replaces that binary's
  // older one, and never another binary's (./test.sh runs the sanitized API pass beside the browser tests).
  const owner = `demo-${crypto.createHash('sha256').update(`${binary}\n`).digest('hex').slice(0, 8)}-`
  const template = path.join(cacheDir, `${owner}${key}.db`)
  if (fs.existsSync(template)) return template
  fs.mkdirSync(cacheDir, { recursive: true })
  // Generated beside the cache and renamed into place (key file first), so that a reader never sees
  // half a template; older templates (an earlier binary's) are removed.
  const work = fs.mkdtempSync(path.join(cacheDir, 'tmp-'))
  const file = path.join(work, 'demo.db')
  runDemo(`sqlite:${file}`)
  if (fs.existsSync(`${file}-wal`)) throw new Error('the demo left a write-ahead log behind: the template would be incomplete')
  for (const old of fs.readdirSync(cacheDir)) {
    if (old.startsWith(owner) && !old.startsWith(`${owner}${key}`)) fs.rmSync(path.join(cacheDir, old), { force: true })
  }
  fs.renameSync(`${file}.key`, `${template}.key`)
  fs.renameSync(file, template)
  fs.rmSync(work, { recursive: true, force: true })
  return template
}

function postgresDemoTemplate(key) {
  const base = process.env.XIANJIE_TEST_PG_URL
  if (!base) throw new Error('XIANJIE_TEST_DB=postgresql needs XIANJIE_TEST_PG_URL (./test.sh sets both)')
  const name = `xj_demo_${key}`
  const exists = rawSql(base, `SELECT 1 FROM pg_database WHERE datname = '${name}'`)
  if (exists.status !== 0) throw new Error(`looking for ${name} failed: ${exists.stderr}`)
  if (exists.stdout.trim() === '1') return name
  const work = tempDbUrl({ backend: 'postgresql' })
  runDemo(work.url)
  const workName = new URL(work.url).pathname.slice(1)
  const renamed = rawSql(base, `ALTER DATABASE ${workName} RENAME TO ${name}`)
  if (renamed.status !== 0) {
    // another process made the template first
    work.drop()
    return name
  }
  fs.rmSync(work.dir, { recursive: true, force: true })
  return name
}

/**
 * Runs SQL on a test database behind the application's back (tamper tests): sqlite3
 * for sqlite: URLs, psql for postgresql:// ones. Rows print as a|b|c on both.
 * Returns {status, stdout, stderr}.
 */
export function rawSql(dbUrl, sql) {
  if (dbUrl.startsWith('sqlite:')) return spawnSync('sqlite3', [dbUrl.slice('sqlite:'.length), sql], { encoding: 'utf8' })
  return spawnSync('psql', ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', dbUrl, '-c', sql], { encoding: 'utf8' })
}

/** `DROP TRIGGER` in the database's dialect (PostgreSQL names the table). */
export function dropTrigger(dbUrl, trigger, table) {
  return `DROP TRIGGER IF EXISTS ${trigger}${dbUrl.startsWith('sqlite:') ? '' : ` ON ${table}`};`
}

/** Runs the CLI synchronously; returns {status, stdout, stderr}. */
export function cli(args, { input } = {}) {
  // maxBuffer: the demo's flags as JSON are over 1 MiB (every flag in the page and in its group).
  const r = spawnSync(binary, args, { cwd: repoRoot, encoding: 'utf8', input, timeout: 120_000, maxBuffer: 64 << 20 })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** A password that meets the policy (at least 10 characters), used by default for test users. */
export const testPassword = 'test-password-123'

/**
 * Creates a user with `xianjie user add NAME --role ROLE --region CODE [--department NAME]`, the
 * password on stdin. Throws with the CLI's stderr when it fails.
 */
export function addUser(db, username, { role = 'admin', region = '540000', password = testPassword, department } = {}) {
  const args = ['user', 'add', username, '--role', role, '--region', region, '--db', db]
  if (department) args.push('--department', department)
  const r = cli(args, { input: `${password}\n` })
  if (r.status !== 0) throw new Error(`user add ${username} failed (${r.status}): ${r.stderr}`)
  return { username, password, role, region, department }
}

/**
 * Logs in through POST /api/v1/session and returns a small client that sends the session
 * cookie on every request and the CSRF token on state-changing ones.
 */
export async function login(baseUrl, username, password = testPassword, { headers = {} } = {}) {
  const res = await fetch(`${baseUrl}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ username, password }),
  })
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${await res.text()}`)
  const setCookie = res.headers.get('set-cookie')
  const cookie = setCookie.split(';')[0]
  const body = await res.json()
  return clientFor(baseUrl, cookie, body.csrf_token, { setCookie, body })
}

/** A client with a given cookie and CSRF token (either may be empty to test refusals). */
export function clientFor(baseUrl, cookie, csrf, extra = {}) {
  const send = (path, init = {}) => {
    const method = (init.method || 'GET').toUpperCase()
    const headers = { ...(init.headers || {}) }
    if (cookie) headers.Cookie = cookie
    if (csrf && !['GET', 'HEAD'].includes(method)) headers['X-CSRF-Token'] = csrf
    let body = init.body
    if (init.json !== undefined) {
      headers['Content-Type'] = 'application/json'
      body = JSON.stringify(init.json)
    }
    return fetch(baseUrl + path, { ...init, method, headers, body })
  }
  return { cookie, csrf, ...extra, fetch: send, get: (p) => send(p), post: (p, json) => send(p, { method: 'POST', json }) }
}

/**
 * Starts `xianjie serve --port 0` and resolves once it prints its URL.
 * options.demo: serve a copy of the demo data (demoDbUrl()) instead of an empty database.
 * options.regions: import data/xizang-regions.csv first (default true; not with demo).
 * options.setup(dbUrl): extra CLI steps before serving.
 * options.users: [{username, role, region, password, department}] created before serving.
 * options.args: extra `serve` flags, e.g. ['--session-idle-seconds', '2'].
 * options.dbSuffix: appended to the database URL `serve` gets (e.g. '?max_pages=200' on SQLite); a
 *   function is called once the setup and the users are done.
 * options.db: serve this existing database (another server's) instead of a fresh one; nothing is
 * imported into it and stop() leaves it.
 * options.port: listen on this port (default 0: any free one).
 * options.web: the web build to serve (default web/dist; bench/wallchart.mjs serves an earlier build too).
 */
export async function startServer({ demo = false, regions = true, setup, users = [], args = [], dbSuffix = '', db: shared, port = 0, web = 'web/dist' } = {}) {
  const { url: db, drop } = shared ? { url: shared, drop: () => {} } : demo ? demoDbUrl() : tempDbUrl()
  if (shared || demo) {
    // serve as it is (the demo holds the regions)
  } else if (regions) {
    const r = cli(['import', '--db', db, '--kind', 'regions', 'data/xizang-regions.csv'])
    if (r.status !== 0) throw new Error(`region import failed: ${r.stderr}`)
  }
  if (setup) await setup(db)
  if (!shared) for (const u of users) addUser(db, u.username, u)
  const suffix = typeof dbSuffix === 'function' ? dbSuffix() : dbSuffix
  const child = spawn(binary, ['serve', '--db', db + suffix, '--port', String(port), '--web', web, ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  let out = ''
  child.stderr.on('data', (d) => (stderr += d))
  const baseUrl = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${stderr}`)), 20_000)
    child.stdout.on('data', (d) => {
      out += d
      const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//)
      if (m) {
        clearTimeout(timer)
        resolve(`http://127.0.0.1:${m[1]}`)
      }
    })
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr}`)))
  })
  return {
    baseUrl,
    db,
    /** Logs in as one of this server's users. */
    login: (username, password = testPassword, options) => login(baseUrl, username, password, options),
    /** SIGTERM, then waits for the exit; keepDb leaves the database for the caller to inspect and drop(). */
    async stop({ keepDb = false } = {}) {
      child.kill('SIGTERM')
      await new Promise((r) => (child.exitCode !== null ? r() : child.on('exit', r)))
      if (!keepDb) drop()
    },
    /** Sends `signal` (e.g. 'SIGKILL': a crash) and waits for the exit; the database stays. */
    async kill(signal) {
      child.kill(signal)
      await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.on('exit', r)))
    },
    drop,
    /** The server's stderr and stdout so far. */
    stderr: () => stderr,
    stdout: () => out,
  }
}
