// Shared helpers for the browser end-to-end tests.
// playwright-core is a devDependency of web/ and is loaded from web/node_modules.
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import path from 'node:path'
import fs from 'node:fs'

const here = path.dirname(fileURLToPath(import.meta.url))
export const repoRoot = path.resolve(here, '..', '..')
const requireFromWeb = createRequire(path.join(repoRoot, 'web', 'package.json'))
const { chromium } = requireFromWeb('playwright-core')

export const VIEWPORT = { width: 1366, height: 768 }

/** Base URL of the running server, e.g. http://127.0.0.1:8080 (no trailing slash). */
export function baseUrl() {
  const b = process.env.XIANJIE_BASE_URL
  if (!b) throw new Error('XIANJIE_BASE_URL is not set (e.g. http://127.0.0.1:8080)')
  return b.replace(/\/+$/, '')
}

export function screenshotDir() {
  const d = path.resolve(repoRoot, process.env.XIANJIE_SCREENSHOT_DIR || 'build/screenshots')
  fs.mkdirSync(d, { recursive: true })
  return d
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.XIANJIE_CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  })
}

/**
 * Open a new page (1366x768, zh-CN) that records console errors and uncaught
 * page errors into `errors`. Requests to anything but the base URL's host are
 * aborted so a test never talks to the outside network.
 */
export async function openPage(browser, { acceptDownloads = false } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN', acceptDownloads })
  const allowed = new URL(baseUrl()).host
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url())
    if (u.protocol === 'data:' || u.protocol === 'blob:' || u.host === allowed) return route.continue()
    return route.abort()
  })
  const page = await context.newPage()
  const errors = []
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`)
  })
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`))
  return { context, page, errors }
}

export async function screenshot(page, name) {
  const file = path.join(screenshotDir(), name)
  await page.screenshot({ path: file, fullPage: false })
  return file
}

/**
 * Signs the page's browser context in through POST /api/v1/session (the session cookie is
 * shared with the page). test.sh creates the user; XIANJIE_E2E_USER / XIANJIE_E2E_PASSWORD
 * name it.
 */
export async function signIn(page) {
  const res = await page.request.post(`${baseUrl()}/api/v1/session`, {
    data: {
      username: process.env.XIANJIE_E2E_USER || 'e2e-admin',
      password: process.env.XIANJIE_E2E_PASSWORD || 'e2e-password-123',
    },
  })
  if (res.status() !== 200) throw new Error(`sign-in failed: ${res.status()} ${await res.text()}`)
  return res.json()
}
