// E2E: API 令牌 — an admin creates a service account's token through the form (Chinese errors
// first), sees the secret once with a copy button and an example, the token works as a bearer
// token from outside the browser, and revoking it on the screen stops it at once.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { launch, openPage, baseUrl, screenshot, signIn, useServer, stopServer, pickInCascader, clearCascader } from './lib.mjs'

let browser
before(async () => {
  ;[browser] = await Promise.all([launch(), useServer()])
})
after(async () => {
  await browser?.close()
  await stopServer()
})

const input = (page, name) => page.locator(`input[data-test="${name}"], textarea[data-test="${name}"], [data-test="${name}"] input, [data-test="${name}"] textarea`).first()

test('an admin creates a token, sees it once, it works as a bearer token, and revoking it stops it', async () => {
  const { context, page, errors } = await openPage(browser)
  try {
    await signIn(page, 'admin')
    await page.goto(`${baseUrl()}/tokens`, { waitUntil: 'domcontentloaded' })
    await page.locator('[data-view="tokens"]').waitFor({ timeout: 15000 })
    assert.ok(await page.locator('.shell-aside [data-menu="/tokens"]').isVisible())

    await page.locator('[data-test="add-token"]').click()
    await input(page, 't-name').fill('有 空格')
    await clearCascader(page, 't-region') // a region is picked, never typed: none picked here
    await input(page, 't-ips').fill('10.0.0.300')
    await page.locator('[data-test="t-submit"]').click()
    await page.getByText('服务账户名为 1–64 个字符，不能含空格').waitFor()
    const form = await page.locator('[data-test="token-dialog"]').innerText()
    assert.match(form, /请选择所在区划/)
    assert.match(form, /白名单条目无效：10\.0\.0\.300/)
    await screenshot(page, 'tokens-form-errors.png')

    await input(page, 't-name').fill('e2e-finance-sync')
    await pickInCascader(page, 't-region', ['西藏自治区', '拉萨市'])
    await input(page, 't-ips').fill('127.0.0.1, 10.8.0.0/16')
    await page.locator('[data-test="t-submit"]').click()
    const created = page.locator('[data-test="token-created"]')
    await created.getByText('这是唯一一次显示该令牌').waitFor({ timeout: 10000 })
    const token = await created.locator('input[data-test="token-secret"], [data-test="token-secret"] input').first().inputValue()
    assert.match(token, /^xjt_[0-9a-f]{64}$/)
    assert.match(await created.innerText(), /Authorization: Bearer xjt_/)
    await screenshot(page, 'tokens-created.png')
    await page.locator('[data-test="token-done"]').click()

    const row = page.locator('[data-test="tokens-table"] tbody tr', { hasText: 'e2e-finance-sync' })
    await row.waitFor()
    const text = await row.innerText()
    assert.match(text, /财政人员[\s\S]*拉萨市（540100）[\s\S]*xjt_/)
    assert.match(text, /127\.0\.0\.1，10\.8\.0\.0\/16[\s\S]*有效/)
    assert.ok(!(await page.locator('[data-view="tokens"]').innerText()).includes(token.slice(8)), 'the secret is not listed')
    await screenshot(page, 'tokens.png')

    // The token works from outside the browser, without cookie or CSRF header.
    const use = await fetch(`${baseUrl()}/api/v1/ledger?page_size=1`, { headers: { Authorization: `Bearer ${token}` } })
    assert.equal(use.status, 200)

    await row.locator('[data-test="revoke-token"]').click()
    await page.locator('.el-message-box__btns .el-button--primary').click()
    await row.locator('[data-state="revoked"]').waitFor({ timeout: 10000 })
    const refused = await fetch(`${baseUrl()}/api/v1/ledger?page_size=1`, { headers: { Authorization: `Bearer ${token}` } })
    assert.equal(refused.status, 401)
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})

test('the token screen is an administrator’s only', async () => {
  const { context, page } = await openPage(browser)
  try {
    await signIn(page, 'leader')
    assert.equal(await page.locator('.shell-aside [data-menu="/tokens"]').count(), 0)
    await page.goto(`${baseUrl()}/tokens`, { waitUntil: 'domcontentloaded' })
    await page.waitForURL(/\/dashboard/, { timeout: 15000 })
  } finally {
    await context.close()
  }
})
