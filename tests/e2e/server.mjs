// The server the browser tests talk to. When XIANJIE_BASE_URL is set the tests use that server
// (it must hold `xianjie demo` data and the users below). Otherwise each test file starts the
// real build/xianjie on a free port against a fresh temporary SQLite database with `xianjie demo`'s
// data (a copy of the run's one generated demo: demoDbUrl()) and these users, and stops it when
// the file's tests end.
import { startServer, testPassword } from '../lib/server.mjs'

export { testPassword }

/** Users every e2e server has; all but e2e-admin use testPassword. */
export const E2E_USERS = [
  { username: 'admin', role: 'admin', region: '540000' },
  { username: 'leader', role: 'leader', region: '540000' },
  { username: 'finance', role: 'finance_officer', region: '540000' },
  { username: 'chengguan', role: 'county_officer', region: '540102' },
  { username: 'auditor', role: 'auditor', region: '540000' },
  // the account test.sh used to create for the regions test
  { username: 'e2e-admin', role: 'admin', region: '540000', password: 'e2e-password-123' },
]

let started = null
let url = null

/** Starts (once per process) or adopts the server; resolves to its base URL without a trailing slash. */
export async function useServer() {
  if (url) return url
  const external = process.env.XIANJIE_BASE_URL
  if (external) {
    url = external.replace(/\/+$/, '')
    return url
  }
  started = await startServer({ demo: true, users: E2E_USERS })
  process.once('exit', () => started?.stop())
  url = started.baseUrl
  return url
}

/** The base URL once useServer() has resolved. */
export function currentUrl() {
  if (!url) throw new Error('call `await useServer()` in a before() hook first')
  return url
}

export async function stopServer() {
  const s = started
  started = null
  url = null
  if (s) await s.stop()
}
