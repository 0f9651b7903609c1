// E2E: 工作台 (issue #21 point 3) — a county officer signing in lands on the workbench with counts, the
// bell shows the same total, and an item opens the record it is about; a leader lands on the wall
// chart, one click from the workbench. Screenshots at 1440×900 and 390×844.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { launch, openPage, baseUrl, screenshot, useServer, stopServer } from './lib.mjs'
import { testPassword } from '../lib/server.mjs'

let browser
before(async () => {
  ;[browser] = await Promise.all([launch(), useServer()])
})
after(async () => {
  await browser?.close()
  await stopServer()
})

async function logIn(page, username) {
  await page.goto(`${baseUrl()}/login`, { waitUntil: 'domcontentloaded' })
  await page.locator('input[name="username"]').fill(username)
  await page.locator('input[name="password"]').fill(testPassword)
  await page.locator('input[name="password"]').press('Enter')
  await page.locator('[data-test="header-user"]').waitFor({ timeout: 15000 })
}

test('a county officer lands on the workbench with counts and clicks through to a project', async () => {
  const { context, page, errors } = await openPage(browser)
  try {
    await logIn(page, 'chengguan')
    await page.locator('[data-view="workbench"] [data-test="wb-total"]').waitFor({ timeout: 20000 })
    assert.equal(new URL(page.url()).pathname, '/workbench')
    const total = Number((await page.locator('[data-test="wb-total"]').innerText()).match(/共 (\d+) 项待办/)[1])
    const counts = (await page.locator('[data-test="wb-count"]').allInnerTexts()).map(Number)
    assert.equal(counts.reduce((a, b) => a + b, 0), total, 'the total is the sum of the cards')
    assert.ok(total > 0, 'the demo leaves work for 城关区')
    // The bell shows the same total.
    await page.locator('[data-test="header-reminders"] .el-badge__content', { hasText: String(total) }).waitFor({ timeout: 10000 })
    // The API agrees, card by card.
    const wb = await (await page.request.get(`${baseUrl()}/api/v1/workbench`)).json()
    assert.equal(wb.total, total)
    for (const s of wb.sections) {
      assert.equal(await page.locator(`[data-test="wb-${s.kind}"] [data-test="wb-count"]`).innerText(), String(s.count), s.kind)
    }
    await screenshot(page, 'workbench.png', { fullPage: true })

    const withProject = wb.sections.find((s) => s.items.some((i) => i.link?.startsWith('/projects/')))
    assert.ok(withProject, 'some card lists a project')
    const item = withProject.items.find((i) => i.link?.startsWith('/projects/'))
    await page.locator(`[data-test="wb-${withProject.kind}"] a[data-test="wb-item"]`, { hasText: item.title }).first().click()
    await page.locator('[data-view="project"]').waitFor({ timeout: 15000 })
    assert.equal(decodeURIComponent(new URL(page.url()).pathname), item.link)
    await page.getByText(item.key).first().waitFor({ timeout: 15000 })
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})

test('on a phone the workbench cards stack and stay legible', async () => {
  const { context, page, errors } = await openPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true })
  try {
    await logIn(page, 'chengguan')
    await page.locator('[data-view="workbench"] [data-test="wb-total"]').waitFor({ timeout: 20000 })
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    assert.ok(overflow <= 1, `no horizontal scroll (${overflow}px)`)
    await screenshot(page, 'workbench-390.png', { fullPage: true })
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})

test('a leader lands on the wall chart, one click from the workbench', async () => {
  const { context, page, errors } = await openPage(browser)
  try {
    await logIn(page, 'leader')
    await page.locator('[data-view="dashboard"]').waitFor({ timeout: 20000 })
    assert.equal(new URL(page.url()).pathname, '/dashboard')
    await page.locator('[data-test="header-reminders"]').click()
    await page.locator('[data-view="workbench"] [data-test="wb-total"]').waitFor({ timeout: 20000 })
    await page.locator('[data-test="wb-dashboard"]').click()
    await page.locator('[data-view="dashboard"]').waitFor({ timeout: 20000 })
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})
