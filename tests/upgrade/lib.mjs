// What the upgrade test compares between the release that wrote a database and the binary that
// upgrades it: CLI figures (indicators, rank, flags), the audit chain head, and API reads of
// projects, the project library, users and the audit log. The same list records the fixture's
// expected outputs (record.mjs, run with the old binary) and checks them (upgrade.test.mjs).

/** CLI read commands; `--db URL` is appended. Their stdout must be byte-identical. */
export const cliProbes = {
  'indicators 540000 2023-07-05 children': ['indicators', '--region', '540000', '--year', '2023', '--as-of', '2023-07-05', '--by', 'children', '--format', 'json'],
  'indicators 540000 2022-12-31 children': ['indicators', '--region', '540000', '--year', '2022', '--as-of', '2022-12-31', '--by', 'children', '--format', 'json'],
  'indicators 540100 2023-09-30 children': ['indicators', '--region', '540100', '--year', '2023', '--as-of', '2023-09-30', '--by', 'children', '--format', 'json'],
  'indicators 540102 2023-03-31 children': ['indicators', '--region', '540102', '--year', '2023', '--as-of', '2023-03-31', '--by', 'children', '--format', 'json'],
  'indicators 540000 2023-07-05 provincial': ['indicators', '--region', '540000', '--year', '2023', '--as-of', '2023-07-05', '--fund-source', 'provincial', '--format', 'json'],
  'indicators 540000 2024-06-30': ['indicators', '--region', '540000', '--year', '2024', '--as-of', '2024-06-30', '--format', 'json'],
  'rank county 2023-07-05': ['rank', '--year', '2023', '--as-of', '2023-07-05', '--format', 'json'],
  'rank prefecture assessed 2023-12-31': ['rank', '--year', '2023', '--as-of', '2023-12-31', '--level', 'prefecture', '--metric', 'assessed_progress', '--top', '2', '--bottom', '2', '--format', 'json'],
  'rank county 2022-09-30 top 5': ['rank', '--year', '2022', '--as-of', '2022-09-30', '--top', '5', '--bottom', '5', '--amount', '10000000', '--format', 'json'],
  'flags 540000 2023-12-31': ['flags', '--region', '540000', '--as-of', '2023-12-31', '--format', 'json'],
  'flags 540100 2023 2023-07-05': ['flags', '--region', '540100', '--year', '2023', '--as-of', '2023-07-05', '--format', 'json'],
}

/** Projects whose detail (sheet, steps, procedures) is compared one by one. */
export const detailProjects = [
  'XZ2024540102L001', 'XZ2024540102L002', 'XZ2024540102L003', 'XZ2024540102L004', 'XZ2024540102L005',
  'XZ20235401020007', 'XZ20235401020001', 'XZ20225401030001',
]

/** Single API reads (GET, as the fixture's admin). */
export const apiProbes = [
  ...detailProjects.map((code) => `/api/v1/projects/${code}`),
  '/api/v1/public/postings?region=540102',
  '/api/v1/public/postings?region=540000',
  '/api/v1/library/overdue?region=540102&as_of=2024-06-30',
  '/api/v1/library/overdue?region=540000&as_of=2025-12-31',
  '/api/v1/library/village-plans?region=540102',
  '/api/v1/library/review-departments?county=540102',
  '/api/v1/library/reference',
  '/api/v1/library/policies',
  '/api/v1/users',
  '/api/v1/regions/540102',
  '/api/v1/ledger?region=540000&page_size=200',
  '/api/v1/ledger?region=540102&project=XZ20235401020001&page_size=200',
  '/api/v1/indicators?region=540000&year=2023&as_of=2023-07-05&by=children',
  '/api/v1/rankings?year=2023&as_of=2023-07-05',
]

/** Paged listings read to the end: every project and every audit row. */
export const pagedProbes = ['/api/v1/projects?page_size=200', '/api/v1/audit?page_size=200']

/**
 * Drops what depends on the day the request is made, not on the stored data: a posting's
 * `active` flag is computed from the server's date.
 */
export function stable(path, body) {
  if (path.startsWith('/api/v1/public/postings')) {
    return { ...body, items: body.items.map(({ active, ...rest }) => rest) }
  }
  return body
}

/** Reads every page of a paged listing; returns {total, items}. */
export async function readAllPages(client, path) {
  const items = []
  let total = 0
  for (let page = 1; ; ++page) {
    const res = await client.get(`${path}&page=${page}`)
    if (res.status !== 200) throw new Error(`GET ${path} page ${page}: ${res.status} ${await res.text()}`)
    const body = await res.json()
    total = body.total
    items.push(...body.items)
    if (body.items.length === 0 || items.length >= total) return { total, items }
  }
}

/** The line `xianjie verify` prints for the audit chain: row count and head hash. */
export function auditChainLine(verifyStdout) {
  const line = verifyStdout.split('\n').find((l) => l.includes('audit chain OK'))
  if (!line) throw new Error(`verify printed no intact audit chain:\n${verifyStdout}`)
  return line
}

/** The fixture's administrator (created by make_fixtures.sh with `xianjie user add`). */
export const fixtureAdmin = { username: 'upgrade-admin', password: 'upgrade-password-1' }

/**
 * Serves an existing database with `binary serve --port 0`; resolves to {baseUrl, stop()}.
 */
export async function serveDb(binary, db, cwd) {
  const { spawn } = await import('node:child_process')
  const child = spawn(binary, ['serve', '--db', db, '--port', '0', '--web', 'web/dist'], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (d) => (stderr += d))
  const baseUrl = await new Promise((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`server did not start: ${stderr}`)), 60_000)
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
    async stop() {
      child.kill('SIGTERM')
      await new Promise((r) => (child.exitCode !== null ? r() : child.on('exit', r)))
    },
  }
}

/** Every API probe read as `client` → {path: body}; paged listings as {total, items}. */
export async function readApi(client) {
  const out = {}
  for (const path of apiProbes) {
    const res = await client.get(path)
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`)
    out[path] = stable(path, await res.json())
  }
  for (const path of pagedProbes) out[path] = await readAllPages(client, path)
  return out
}
