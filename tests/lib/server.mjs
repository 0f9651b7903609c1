// Starts the real build/xianjie against a fresh temporary database, for API and
// browser tests. Each call gets its own database and a free port.
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
export const repoRoot = path.resolve(here, '..', '..')
export const binary = path.join(repoRoot, 'build', 'xianjie')

/** A database URL for a new temporary SQLite file (or XIANJIE_TEST_DB_FACTORY's choice later). */
export function tempDbUrl() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xianjie-test-'))
  return { url: `sqlite:${path.join(dir, 'test.db')}`, dir }
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
  const { url: db, dir } = tempDbUrl()
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
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
