// E2E: account administration (issue #13 point 4) — an admin edits a user, disables and enables
// it (the user's open session is refused at once), resets its password (a short one is explained
// in Chinese first); the user then changes their own password through 修改密码 (a wrong old
// password is refused in Chinese).
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { launch, openPage, baseUrl, screenshot, signIn, logInWithForm, useServer, stopServer, testPassword } from './lib.mjs'

let browser
before(async () => {
  ;[browser] = await Promise.all([launch(), useServer()])
})
after(async () => {
  await browser?.close()
  await stopServer()
})

const input = (page, name) => page.locator(`input[data-test="${name}"], [data-test="${name}"] input`).first()
const row = (page, name) => page.locator('[data-test="users-table"] tbody tr', { hasText: name }).first()

test('an admin edits, disables, enables and resets a user; the user changes their own password', async () => {
  const target = 'e2e-zhaxi'
  const admin = await openPage(browser)
  const user = await openPage(browser)
  try {
    const grant = await signIn(admin.page, 'admin')
    const made = await admin.page.request.post(`${baseUrl()}/api/v1/users`, {
      headers: { 'X-CSRF-Token': grant.csrf_token },
      data: { username: target, role: 'leader', region_code: '540100', password: testPassword },
    })
    assert.equal(made.status(), 201, await made.text())
    await signIn(user.page, target)
    const userSession = async () => (await user.page.request.get(`${baseUrl()}/api/v1/session`)).status()
    assert.equal(await userSession(), 200)

    const page = admin.page
    await page.goto(`${baseUrl()}/users?q=${target}`, { waitUntil: 'domcontentloaded' })
    await row(page, target).waitFor({ timeout: 15000 })
    assert.equal(await page.locator('[data-test="users-table"] tbody tr').count(), 1, 'the search shows only the user')

    // 编辑：部门
    await page.locator(`[data-test="edit-${target}"]`).click()
    await input(page, 'e-department').fill('财政局')
    await page.locator('[data-test="e-submit"]').click()
    await page.getByText(`已保存用户 ${target}`).waitFor({ timeout: 10000 })
    await row(page, '财政局').waitFor()

    // 停用：本人的会话立即失效；启用后旧会话不恢复
    await page.locator(`[data-test="toggle-${target}"]`).click()
    await page.locator('.el-message-box').getByText(/其所有登录会话将立即失效/).waitFor()
    await page.locator('.el-message-box .el-button--primary').click()
    await page.getByText(`已停用用户 ${target}，其登录会话已失效`).waitFor({ timeout: 10000 })
    await page.locator('[data-test="users-table"] tbody tr', { hasText: '已停用' }).waitFor()
    assert.equal(await userSession(), 401, 'the disabled user is refused at once')
    await page.locator('.el-message-box').waitFor({ state: 'hidden' })
    await page.locator('.el-message').first().waitFor({ state: 'detached', timeout: 10000 })
    await screenshot(page, 'users-manage.png')
    await page.locator(`[data-test="toggle-${target}"]`).click()
    await page.locator('.el-message-box .el-button--primary').click()
    await page.getByText(`已启用用户 ${target}`).waitFor({ timeout: 10000 })
    await page.locator('[data-test="users-table"] tbody tr', { hasText: '正常' }).waitFor()
    assert.equal(await userSession(), 401, 'enabling does not revive the old session')

    // 重置密码：过短先在页面上说明
    await page.locator(`[data-test="reset-${target}"]`).click()
    await input(page, 'r-password').fill('short')
    await page.locator('[data-test="r-submit"]').click()
    await page.locator('[data-test="reset-dialog"]').getByText('密码至少 10 个字符').waitFor()
    await input(page, 'r-password').fill('reset-password-456')
    await input(page, 'r-password2').fill('reset-password-456')
    await page.locator('[data-test="r-submit"]').click()
    await page.getByText(`已重置 ${target} 的密码，其登录会话已失效`).waitFor({ timeout: 10000 })
    // The admin's own row has no disable or reset.
    await page.goto(`${baseUrl()}/users?q=admin`, { waitUntil: 'domcontentloaded' })
    await row(page, '（本人）').waitFor({ timeout: 15000 })
    assert.equal(await page.locator('[data-test="toggle-admin"]').count(), 0)
    assert.equal(await page.locator('[data-test="reset-admin"]').count(), 0)
    assert.deepEqual(admin.errors, [], `console errors:\n${admin.errors.join('\n')}`)
  } finally {
    await admin.context.close()
    await user.context.close()
  }

  // 修改密码：原密码错误时说明；成功后可用新密码登录
  const again = await openPage(browser)
  try {
    const page = again.page
    await logInWithForm(page, target, 'reset-password-456')
    await page.locator('[data-test="change-password"]').click()
    await input(page, 'p-old').fill('not-my-password')
    await input(page, 'p-new').fill('own-password-789')
    await input(page, 'p-new2').fill('own-password-789')
    await page.locator('[data-test="p-submit"]').click()
    await page.locator('[data-test="password-error"]').getByText('原密码不正确').waitFor({ timeout: 10000 })
    await screenshot(page, 'change-password.png')
    await input(page, 'p-old').fill('reset-password-456')
    await page.locator('[data-test="p-submit"]').click()
    await page.getByText('密码已修改，您在其他设备上的登录已失效').waitFor({ timeout: 10000 })
    assert.equal((await page.request.get(`${baseUrl()}/api/v1/session`)).status(), 200, 'this session stays')
  } finally {
    await again.context.close()
  }
  const last = await openPage(browser)
  try {
    await logInWithForm(last.page, target, 'own-password-789')
  } finally {
    await last.context.close()
  }
})
