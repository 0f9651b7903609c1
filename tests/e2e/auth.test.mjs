// E2E: login page, the admin shell (user, role, region, menu by role) and logout.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { launch, openPage, baseUrl, screenshot, logInWithForm, useServer, stopServer } from './lib.mjs'

let browser
before(async () => {
  ;[browser] = await Promise.all([launch(), useServer()])
})
after(async () => {
  await browser?.close()
  await stopServer()
})

const menuItems = (page) =>
  page.locator('.shell-aside [data-menu]').evaluateAll((els) => els.map((e) => e.getAttribute('data-menu')))

test('a wrong password shows a Chinese error; the form logs in with the keyboard; logout returns to the login page', async () => {
  const { context, page, errors } = await openPage(browser)
  try {
    // an unauthenticated visit lands on the login page and remembers where it was going
    await page.goto(`${baseUrl()}/flags`, { waitUntil: 'domcontentloaded' })
    await page.locator('input[name="username"]').waitFor({ timeout: 15000 })
    assert.match(page.url(), /\/login\?redirect=(%2F|\/)flags/)
    assert.match(await page.locator('.login-card').innerText(), /用户登录[\s\S]*用户名[\s\S]*密码/)

    // empty form: Chinese validation messages
    await page.locator('[data-test="login-submit"]').click()
    await page.locator('.el-form-item__error').first().waitFor()
    assert.match(await page.locator('.login-card').innerText(), /请输入用户名[\s\S]*请输入密码/)

    await page.locator('input[name="username"]').fill('leader')
    await page.locator('input[name="password"]').fill('wrong-password-1')
    await page.locator('input[name="password"]').press('Enter')
    await page.locator('[data-test="login-error"]').waitFor({ timeout: 10000 })
    assert.match(await page.locator('[data-test="login-error"]').innerText(), /用户名或密码错误/)
    await screenshot(page, 'login-error.png')

    // keyboard only: Tab from the user name to the password, Enter submits
    await page.locator('input[name="username"]').focus()
    await page.keyboard.press('Control+A')
    await page.keyboard.type('leader')
    await page.keyboard.press('Tab')
    await page.keyboard.type('test-password-123')
    await page.keyboard.press('Enter')
    await page.locator('[data-test="header-user"]').waitFor({ timeout: 15000 })
    assert.match(page.url(), /\/flags/, 'returns to the page asked for')
    const header = await page.locator('[data-test="header-user"]').innerText()
    assert.match(header, /leader/)
    assert.match(header, /领导/)
    assert.match(header, /西藏自治区/)
    assert.deepEqual(await menuItems(page), ['/workbench', '/dashboard', '/projects', '/village-plans', '/overdue', '/ledger', '/flags', '/timeliness', '/settlements', '/allocation', '/evaluations', '/dispatch', '/regions'], 'leaders read the ledger, the settlement runs, the evaluations and the dispatch too')
    assert.match(await page.locator('.crumb-bar').innerText(), /首页[\s\S]*问题预警/)

    await page.locator('[data-test="logout"]').click()
    await page.locator('input[name="username"]').waitFor({ timeout: 10000 })
    assert.match(page.url(), /\/login/)
    // the session is gone: the dashboard asks for a login again
    await page.goto(`${baseUrl()}/dashboard`, { waitUntil: 'domcontentloaded' })
    await page.locator('input[name="username"]').waitFor({ timeout: 10000 })
    await screenshot(page, 'login.png')
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})

test('the finance officer sees the ledger menu; the admin shell fits a 390-px phone with a drawer menu', async () => {
  const { context, page, errors } = await openPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true })
  try {
    await logInWithForm(page, 'finance')
    await page.locator('[data-card="expend_progress"]').waitFor({ timeout: 20000 })
    assert.equal(await page.locator('.shell-aside').count(), 0, 'no fixed sidebar on a phone')
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    assert.ok(overflow <= 0, `page wider than the phone by ${overflow}px`)
    // Every header control is on the screen (the header clips what does not fit instead of scrolling).
    for (const sel of ['[data-test="menu-toggle"]', '[data-test="header-reminders"]', '[data-test="change-password"]', '[data-test="logout"]']) {
      const box = await page.locator(sel).boundingBox()
      assert.ok(box && box.x >= 0 && box.x + box.width <= 390, `${sel} off the screen: ${JSON.stringify(box)}`)
    }
    await page.waitForFunction(() => !document.querySelector('[data-view="dashboard"] > .el-loading-mask'), null, { timeout: 20000 })
    await page.waitForTimeout(600)
    await screenshot(page, 'dashboard-mobile.png')
    await page.locator('[data-test="menu-toggle"]').click()
    const drawer = page.locator('.menu-drawer [data-menu]')
    await drawer.first().waitFor({ state: 'visible' })
    assert.deepEqual(
      await drawer.evaluateAll((els) => els.map((e) => e.getAttribute('data-menu'))),
      ['/workbench', '/dashboard', '/projects', '/village-plans', '/overdue', '/ledger', '/flags', '/timeliness', '/settlements', '/allocation', '/evaluations', '/dispatch', '/regions', '/imports'],
    )
    await page.waitForTimeout(400) // drawer animation
    await screenshot(page, 'mobile-menu.png')
    await page.locator('.menu-drawer [data-menu="/ledger"]').click()
    await page.locator('[data-view="ledger"]').waitFor()
    await page.locator('.menu-drawer').waitFor({ state: 'hidden' })
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})
