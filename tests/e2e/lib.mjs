// Shared helpers for the browser end-to-end tests.
// playwright-core is a devDependency of web/ and is loaded from web/node_modules.
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import path from 'node:path'
import fs from 'node:fs'
import { currentUrl, testPassword } from './server.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
export const repoRoot = path.resolve(here, '..', '..')
const requireFromWeb = createRequire(path.join(repoRoot, 'web', 'package.json'))
const { chromium } = requireFromWeb('playwright-core')

export const VIEWPORT = { width: 1366, height: 768 }

export { useServer, stopServer, testPassword, E2E_USERS } from './server.mjs'

/** Base URL of the server (after `await useServer()`), e.g. http://127.0.0.1:8080. */
export function baseUrl() {
  return currentUrl()
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
export async function openPage(browser, { acceptDownloads = false, viewport = VIEWPORT, isMobile = false } = {}) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', acceptDownloads, isMobile, hasTouch: isMobile })
  const allowed = new URL(baseUrl()).host
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url())
    if (u.protocol === 'data:' || u.protocol === 'blob:' || u.host === allowed) return route.continue()
    return route.abort()
  })
  const page = await context.newPage()
  const errors = []
  page.on('console', (msg) => {
    // An API refusal the page handles (401 before login, 400 for a rejected form, 403 outside the
    // scope, 409 for a stale project version) is logged by Chromium as "Failed to load resource";
    // only script errors count.
    if (msg.type() === 'error' && !EXPECTED_REFUSAL.test(msg.text())) errors.push(`console: ${msg.text()}`)
  })
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`))
  return { context, page, errors }
}

const EXPECTED_REFUSAL = /^Failed to load resource: the server responded with a status of 40[01349]/

/**
 * Saves a screenshot of the viewport with the shell's scrolling content area at its top.
 * fullPage: the whole content area (the viewport is made tall enough for the shot, then restored).
 */
export async function screenshot(page, name, { fullPage = false } = {}) {
  const file = path.join(screenshotDir(), name)
  await page.evaluate(() => document.querySelector('.content')?.scrollTo(0, 0))
  if (!fullPage) {
    await page.screenshot({ path: file })
    return file
  }
  const size = page.viewportSize()
  const extra = await page.evaluate(() => {
    const c = document.querySelector('.content')
    return c ? c.scrollHeight - c.clientHeight : 0
  })
  if (extra > 0) {
    await page.setViewportSize({ width: size.width, height: size.height + extra })
    await page.waitForTimeout(600) // charts resize
  }
  await page.screenshot({ path: file })
  if (extra > 0) await page.setViewportSize(size)
  return file
}

/** Signs in through the login form (typing and pressing Enter) and waits for the dashboard. */
export async function logInWithForm(page, username, password = testPassword, target = '/dashboard') {
  await page.goto(`${baseUrl()}${target}`, { waitUntil: 'domcontentloaded' })
  await page.locator('input[name="username"]').waitFor({ timeout: 15000 })
  await page.locator('input[name="username"]').fill(username)
  await page.locator('input[name="password"]').fill(password)
  await page.locator('input[name="password"]').press('Enter')
  await page.locator('[data-test="header-user"]').waitFor({ timeout: 15000 })
}

/**
 * Signs the page's browser context in through POST /api/v1/session (the session cookie is
 * shared with the page). Without a username: XIANJIE_E2E_USER / XIANJIE_E2E_PASSWORD, default
 * e2e-admin (server.mjs creates it).
 */
export async function signIn(page, username, password = testPassword) {
  const res = await page.request.post(`${baseUrl()}/api/v1/session`, {
    data: username
      ? { username, password }
      : {
          username: process.env.XIANJIE_E2E_USER || 'e2e-admin',
          password: process.env.XIANJIE_E2E_PASSWORD || 'e2e-password-123',
        },
  })
  if (res.status() !== 200) throw new Error(`sign-in failed: ${res.status()} ${await res.text()}`)
  return res.json()
}

/**
 * Picks a region in a RegionCascader (县 → 乡 → 村, lazy): `testId` is the data-test of the component,
 * `names` the names of each column from the first down. The last one is chosen (its radio when it has
 * children), and the popper closes. Returns the text the cascader then shows.
 */
export async function pickInCascader(page, testId, names) {
  const root = page.locator(`[data-test="${testId}"]`).first()
  await root.locator('.el-cascader').click()
  const menus = page.locator('.region-cascader-popper:visible .el-cascader-menu')
  for (let i = 0; i < names.length; i++) {
    const node = menus.nth(i).locator('.el-cascader-node', { hasText: names[i] }).first()
    await node.waitFor({ timeout: 15000 })
    if (i < names.length - 1) {
      await node.click()
      continue
    }
    const radio = node.locator('.el-radio')
    if (await radio.count()) await radio.click()
    else await node.click()
  }
  await page.keyboard.press('Escape')
  await page.waitForTimeout(300)
  return (await root.locator('input').first().inputValue()).trim()
}

/** Clears a RegionCascader by its clear icon (shown on hover). */
export async function clearCascader(page, testId) {
  const cascader = page.locator(`[data-test="${testId}"] .el-cascader`).first()
  await page.waitForFunction((id) => document.querySelector(`[data-test="${id}"] .el-cascader input`)?.value, testId, { timeout: 15000 })
  await cascader.hover()
  await cascader.locator('.icon-circle-close').click()
}
