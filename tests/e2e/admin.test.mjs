// E2E: 用户管理 and 审计日志 — an admin creates a user through the form (Chinese errors first),
// the new user can log in, an auditor reads the trail with the creation in it, and neither
// screen is shown or reachable for a leader.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { launch, openPage, baseUrl, screenshot, signIn, logInWithForm, useServer, stopServer, pickInCascader, clearCascader } from './lib.mjs'

let browser
before(async () => {
  ;[browser] = await Promise.all([launch(), useServer()])
})
after(async () => {
  await browser?.close()
  await stopServer()
})

const input = (page, name) => page.locator(`input[data-test="${name}"], [data-test="${name}"] input`).first()

test('an admin creates a user; a bad form is explained in Chinese; the new user logs in', async () => {
  const { context, page, errors } = await openPage(browser)
  try {
    await signIn(page, 'admin')
    await page.goto(`${baseUrl()}/users`, { waitUntil: 'domcontentloaded' })
    await page.locator('[data-test="users-table"] tbody tr').first().waitFor({ timeout: 15000 })
    assert.match(await page.locator('[data-test="users-table"]').innerText(), /finance[\s\S]*财政人员/)
    assert.ok(await page.locator('.shell-aside [data-menu="/users"]').isVisible())

    await page.locator('[data-test="add-user"]').click()
    await input(page, 'u-username').fill('e2e 新用户')
    await clearCascader(page, 'u-region') // a region is picked, never typed: none picked here
    await input(page, 'u-password').fill('short')
    await page.locator('[data-test="u-submit"]').click()
    await page.getByText('密码至少 10 个字符').waitFor()
    const text = await page.locator('.el-dialog').innerText()
    assert.match(text, /用户名为 2–32 个字符，不能含空格/)
    assert.match(text, /请选择角色/)
    assert.match(text, /请选择所在区划/)
    await screenshot(page, 'users-form-errors.png')

    await input(page, 'u-username').fill('e2e-lhasa-leader')
    await page.locator('.el-dialog [data-test="u-role"]').click()
    await page.locator('.el-select-dropdown__item', { hasText: '领导' }).click()
    await pickInCascader(page, 'u-region', ['西藏自治区', '拉萨市'])
    await input(page, 'u-department').fill('财政局')
    await input(page, 'u-password').fill('e2e-new-password-1')
    await input(page, 'u-password2').fill('e2e-new-password-1')
    await page.locator('[data-test="u-submit"]').click()
    await page.getByText('已创建用户 e2e-lhasa-leader').waitFor({ timeout: 10000 })
    await page.locator('[data-test="users-table"]', { hasText: 'e2e-lhasa-leader' }).waitFor()
    assert.match(await page.locator('[data-test="users-table"]').innerText(), /e2e-lhasa-leader[\s\S]*领导[\s\S]*拉萨市（540100）[\s\S]*财政局/)
    await screenshot(page, 'users.png')
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
  const second = await openPage(browser)
  try {
    await logInWithForm(second.page, 'e2e-lhasa-leader', 'e2e-new-password-1')
    assert.match(await second.page.locator('[data-test="header-user"]').innerText(), /e2e-lhasa-leader[\s\S]*领导[\s\S]*拉萨市/)
  } finally {
    await second.context.close()
  }
})

test('an auditor reads the trail (the user creation among it); a leader sees neither screen', async () => {
  const { context, page, errors } = await openPage(browser)
  try {
    await signIn(page, 'auditor')
    await page.goto(`${baseUrl()}/audit?actor=admin`, { waitUntil: 'domcontentloaded' })
    await page.locator('[data-test="audit-table"] tbody tr').first().waitFor({ timeout: 15000 })
    assert.equal(await page.locator('.shell-aside [data-menu="/users"]').count(), 0)
    assert.ok(await page.locator('.shell-aside [data-menu="/audit"]').isVisible())
    const text = await page.locator('[data-test="audit-table"]').innerText()
    assert.match(text, /新建用户[\s\S]*用户：e2e-lhasa-leader/)
    assert.ok(!/finance（/.test(text), 'filtered to the admin')
    assert.match(await page.locator('[data-test="audit-total"]').innerText(), /共 \d+ 条记录/)
    // the region tree beside the trail, opened on the scope's prefectures
    await page.locator('[data-test="region-tree"] .node[data-region="540100"]').waitFor({ timeout: 15000 })
    await page.waitForTimeout(400) // the tree's expand transition
    await screenshot(page, 'audit-by-actor.png')
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
  const leader = await openPage(browser)
  try {
    await signIn(leader.page, 'leader')
    await leader.page.goto(`${baseUrl()}/users`, { waitUntil: 'domcontentloaded' })
    await leader.page.waitForURL(/\/dashboard/, { timeout: 15000 })
    assert.equal(await leader.page.locator('.shell-aside [data-menu="/audit"]').count(), 0)
  } finally {
    await leader.context.close()
  }
})
