// Starts the real build/xianjie against a fresh temporary database, for API and
// browser tests. Each call gets its own database (SQLite or PostgreSQL, see
// XIANJIE_TEST_DB) and a free port.
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
export const repoRoot = path.resolve(here, '..', '..')
export const binary = path.join(repoRoot, 'build', 'xianjie')

/** The backend API tests run against: XIANJIE_TEST_DB=sqlite (default) or postgresql. */
export const testBackend = process.env.XIANJIE_TEST_DB === 'postgresql' ? 'postgresql' : 'sqlite'

let databases = 0

/**
 * A fresh, empty database: a temporary SQLite file, or (backend 'postgresql') a new
 * database created with createdb on the server of XIANJIE_TEST_PG_URL.
 * Returns {url, dir, drop()}; drop() removes the database and the folder.
 */
export function tempDbUrl({ backend = testBackend } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xianjie-test-'))
  if (backend !== 'postgresql') {
    return { url: `sqlite:${path.join(dir, 'test.db')}`, dir, drop: () => fs.rmSync(dir, { recursive: true, force: true }) }
  }
  const base = process.env.XIANJIE_TEST_PG_URL
  if (!base) throw new Error('XIANJIE_TEST_DB=postgresql needs XIANJIE_TEST_PG_URL (./test.sh sets both)')
  const name = `xj_test_${process.pid}_${++databases}`
  const created = spawnSync('createdb', ['--maintenance-db', base, name], { encoding: 'utf8' })
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

/** Runs the CLI synchronously; returns {status, stdout, stderr}. */
export function cli(args, { input } = {}) {
  const r = spawnSync(binary, args, { cwd: repoRoot, encoding: 'utf8', input, timeout: 120_000 })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

/**
 * Starts `xianjie serve --port 0` and resolves once it prints its URL.
 * options.regions: import data/xizang-regions.csv first (default true).
 * options.setup(dbUrl): extra CLI steps before serving.
 */
export async function startServer({ regions = true, setup } = {}) {
  const { url: db, drop } = tempDbUrl()
  if (regions) {
    const r = cli(['import', '--db', db, '--kind', 'regions', 'data/xizang-regions.csv'])
    if (r.status !== 0) throw new Error(`region import failed: ${r.stderr}`)
  }
  if (setup) await setup(db)
  const child = spawn(binary, ['serve', '--db', db, '--port', '0', '--web', 'web/dist'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (d) => (stderr += d))
  const baseUrl = await new Promise((resolve, reject) => {
    let out = ''
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
    async stop() {
      child.kill('SIGTERM')
      await new Promise((r) => (child.exitCode !== null ? r() : child.on('exit', r)))
      drop()
    },
  }
}
