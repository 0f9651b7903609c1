// E2E: 月调度与督办 (issue #17 point 6) on the demo's first half of 2023.
// - The leader's 我包保的 lists their three counties; the coverage check shows the one county the
//   demo leaves without a regional leader.
// - A region officer sees six closed monthly dispatches with their filings, opens July's, and
//   the county officer of 城关区 files for it.
// - The county officer's bell counts their unread reminders and leads to them; they acknowledge
//   one with a reply.
// - The interviews tab shows the demo's two interviews, one with its commitments closed and
//   followed up in June's dispatch.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { launch, openPage, baseUrl, screenshot, signIn, useServer, stopServer } from './lib.mjs'

let browser
before(async () => {
  ;[browser] = await Promise.all([launch(), useServer()])
})
after(async () => {
  await browser?.close()
  await stopServer()
})

const input = (page, name) => page.locator(`input[data-test="${name}"], [data-test="${name}"] input, textarea[data-test="${name}"], [data-test="${name}"] textarea`).first()

async function settle(page) {
  await page.waitForLoadState('networkidle').catch(() => {})
  await page.waitForTimeout(300)
}

test('the leader sees 我包保的 and the coverage gap', async () => {
  const { page, context, errors } = await openPage(browser)
  try {
    await signIn(page, 'leader')
    await page.goto(`${baseUrl()}/dispatch?tab=baobao&region=540000`, { waitUntil: 'domcontentloaded' })
    await page.locator('[data-test="b-mine"] tbody tr').first().waitFor({ timeout: 20000 })
    assert.equal(await page.locator('[data-test="b-mine"] tbody tr').count(), 3)
    assert.match(await page.locator('[data-test="b-mine"]').innerText(), /城关区/)
    // The demo leaves the last of the 74 counties uncovered.
    assert.equal((await page.locator('[data-test="b-counties"]').innerText()).trim(), '73 / 74')
    assert.equal(await page.locator('[data-test="b-uncovered"] tbody tr').count(), 1)
    assert.match(await page.locator('[data-test="b-coverage"]').innerText(), /未覆盖单位（1 个）/)
    assert.equal(await page.locator('[data-test="b-add"]').count(), 0, 'a leader only reads')
    // 73 regional leaders' counties and 74 key townships, 20 to a page.
    assert.equal(await page.locator('[data-test="b-assignments"] tbody tr').count(), 20)
    assert.match(await page.locator('[data-test="b-pager"]').innerText(), /共 147 条/)
    assert.ok(await page.locator('.shell-aside [data-menu="/dispatch"]').isVisible())
    await settle(page)
    await screenshot(page, 'dispatch-baobao.png', { fullPage: true })
    assert.deepEqual(errors, [])
  } finally {
    await context.close()
  }
})

test('a region officer reviews the closed dispatches and opens July; the county files', async () => {
  const admin = await openPage(browser)
  const region = await openPage(browser)
  const county = await openPage(browser)
  try {
    const s = await signIn(admin.page, 'admin')
    const made = await admin.page.request.post(`${baseUrl()}/api/v1/users`, {
      data: { username: 'e2e-region', role: 'region_officer', region_code: '540000', password: 'e2e-region-password-1' },
      headers: { 'X-CSRF-Token': s.csrf_token },
    })
    assert.equal(made.status(), 201, await made.text())
    const page = region.page
    await signIn(page, 'e2e-region', 'e2e-region-password-1')
    await page.goto(`${baseUrl()}/dispatch`, { waitUntil: 'domcontentloaded' })
    const cycles = page.locator('[data-test="dispatch-cycles"] tbody tr')
    await cycles.first().waitFor({ timeout: 20000 })
    assert.equal(await cycles.count(), 6)
    assert.equal(await page.locator('[data-test="dispatch-cycles"] tbody tr', { hasText: '已关闭' }).count(), 6)
    // The newest (June) opens below: frozen on 2023-06-30, filed by the counties behind time.
    const detail = page.locator('[data-test="dispatch-detail"]')
    await detail.waitFor()
    assert.match(await detail.locator('.detail-title').innerText(), /2023-06 月调度（540000）/)
    assert.match(await page.locator('[data-test="d-meta"]').innerText(), /数据截至 2023-06-30，填报期限 2023-07-10/)
    const progress = await page.locator('[data-test="d-progress"]').innerText()
    const m = /已填报 (\d+) \/ 74 个县/.exec(progress)
    assert.ok(m && Number(m[1]) > 0, progress)
    assert.ok((await page.locator('[data-test="dispatch-rows"] tbody tr').count()) >= 81, '7 prefectures and 74 counties')
    await settle(page)
    await screenshot(page, 'dispatch-month.png')

    // July: opened on the screen, frozen at its month end, nothing filed yet.
    const month = page.locator('[data-test="dispatch-panel"] .month-pick input').first()
    await month.fill('2023-07')
    await month.press('Enter')
    await page.locator('[data-test="d-open"]').click()
    await page.getByText('已开启 2023-07 月调度，数据已冻结').waitFor({ timeout: 20000 })
    assert.match(await detail.locator('.detail-title').innerText(), /2023-07/)
    assert.equal((await page.locator('[data-test="d-status"]').innerText()).trim(), '填报中')
    assert.match(await page.locator('[data-test="d-progress"]').innerText(), /已填报 0 \/ 74 个县/)
    // Opening it twice is refused with the server's reason.
    await page.locator('[data-test="d-open"]').click()
    await page.getByText(/本月调度已开启/).waitFor({ timeout: 10000 })

    // This month's dispatch (its filing deadline still ahead) is opened too.
    const now = new Date()
    const thisMonth = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`
    await month.fill(thisMonth)
    await month.press('Enter')
    await page.locator('[data-test="d-open"]').click()
    await page.getByText(`已开启 ${thisMonth} 月调度，数据已冻结`).waitFor({ timeout: 20000 })

    // The county officer of 城关区 files only for their own county, and only until the deadline.
    await signIn(county.page, 'chengguan')
    const c = county.page
    await c.goto(`${baseUrl()}/dispatch`, { waitUntil: 'domcontentloaded' })
    await c.locator('[data-test="dispatch-detail"] .detail-title', { hasText: thisMonth }).waitFor({ timeout: 20000 })
    assert.equal(await c.locator('[data-test="d-open"]').count(), 0)
    assert.equal(await c.locator('[data-test="d-file"]').count(), 1, 'one 填报 button: its own county')
    await c.locator('[data-test="d-file"]').click()
    await c.locator('[data-test="d-file-submit"]').click()
    await c.getByText('请填写滞后原因说明和下月计划').waitFor()
    await input(c, 'd-explanation').fill('雨季道路中断，两个项目停工十天')
    await input(c, 'd-next-plan').fill('恢复施工后按周报账，下月底支出进度达到时序进度')
    await c.locator('[data-test="d-file-submit"]').click()
    await c.locator('[data-test="dispatch-rows"]', { hasText: '雨季道路中断' }).waitFor({ timeout: 10000 })
    assert.match(await c.locator('[data-test="d-progress"]').innerText(), /已填报 1 \/ 74 个县/)
    // July 2023's deadline (2023-08-10) has passed: no 填报 button, the reason instead.
    await c.locator('[data-test="dispatch-cycles"] tbody tr', { hasText: '2023-07-31' }).click()
    await c.locator('[data-test="dispatch-detail"] .detail-title', { hasText: '2023-07' }).waitFor({ timeout: 10000 })
    assert.equal(await c.locator('[data-test="d-file"]').count(), 0)
    assert.equal((await c.locator('[data-test="d-past-deadline"]').innerText()).trim(), '已过填报期限')
    await c.locator('[data-test="dispatch-cycles"] tbody tr', { hasText: thisMonth }).click()
    await c.locator('[data-test="dispatch-rows"]', { hasText: '雨季道路中断' }).waitFor({ timeout: 10000 })
    await settle(c)
    await screenshot(c, 'dispatch-filing.png')
    for (const p of [admin, region, county]) assert.deepEqual(p.errors, [])
  } finally {
    await admin.context.close()
    await region.context.close()
    await county.context.close()
  }
})

test('the bell counts what waits on the workbench, unread reminders included; the county acknowledges one with a reply', async () => {
  const { page, context, errors } = await openPage(browser)
  try {
    await signIn(page, 'chengguan')
    await page.goto(`${baseUrl()}/dashboard`, { waitUntil: 'domcontentloaded' })
    const bell = page.locator('[data-test="header-reminders"]')
    await bell.waitFor({ timeout: 20000 })
    await page.locator('[data-test="header-reminders"] .el-badge__content').waitFor({ timeout: 10000 })
    const before = Number((await page.locator('[data-test="header-reminders"] .el-badge__content').innerText()).trim())
    // One bell: the workbench total (docs/definitions.md §14), of which the unread reminders.
    await bell.click()
    await page.locator('[data-view="workbench"] [data-test="wb-total"]').waitFor({ timeout: 20000 })
    assert.equal(await page.locator('[data-test="wb-total"]').innerText(), `共 ${before} 项待办`)
    const unread = Number(await page.locator('[data-test="wb-reminders"] [data-test="wb-count"]').innerText())
    assert.ok(unread > 0 && unread <= before, 'the demo’s June reminders reach 城关区')
    await page.locator('[data-test="wb-reminders"] [data-test="wb-item"]').first().click()
    await page.locator('[data-test="reminders-table"] tbody tr').first().waitFor({ timeout: 20000 })
    assert.ok(await page.locator('[data-test="r-mine"] input').isChecked())
    assert.match(await page.locator('[data-test="r-summary"]').innerText(), new RegExp(`未签收 ${unread} 条`))
    await page.locator('[data-test="r-ack"]').first().click()
    await page.locator('.el-message-box input').fill('已督促施工单位本周报账')
    await page.locator('.el-message-box .el-button--primary').click()
    await page.getByText('已签收', { exact: true }).first().waitFor({ timeout: 10000 })
    await page.locator('[data-test="reminders-table"]', { hasText: '已督促施工单位本周报账' }).waitFor()
    assert.match(await page.locator('[data-test="r-summary"]').innerText(), new RegExp(`未签收 ${unread - 1} 条`))
    // The bell follows at once, without leaving the page.
    await page.locator('[data-test="header-reminders"] .el-badge__content', { hasText: String(before - 1) }).waitFor({ timeout: 10000 })
    assert.match(await page.locator('[data-test="reminders-table"]').innerText(), /以拨代支|超进度拨款|节点|开工|时序进度/)
    await settle(page)
    await screenshot(page, 'dispatch-reminders.png')
    assert.deepEqual(errors, [])
  } finally {
    await context.close()
  }
})

test('the interviews tab shows the demo’s two interviews and June’s list', async () => {
  const { page, context, errors } = await openPage(browser)
  try {
    await signIn(page, 'finance')
    await page.goto(`${baseUrl()}/dispatch?tab=interviews&region=540000`, { waitUntil: 'domcontentloaded' })
    const rows = page.locator('[data-test="interviews-table"] > .el-table__inner-wrapper > .el-table__body-wrapper tbody tr.el-table__row')
    await rows.first().waitFor({ timeout: 20000 })
    assert.equal(await rows.count(), 2)
    const text = await page.locator('[data-test="interviews-table"]').innerText()
    assert.match(text, /2\/2 已销号/)
    assert.match(text, /0\/2 已销号/)
    assert.match(text, /2023-06 支出进度 [+-]\d+\.\d\d 个百分点，(已|未)改善/)
    assert.match(text, /待下月调度|2023-07 支出进度/)
    const month = page.locator('[data-test="interviews-panel"] .month-pick input').first()
    await month.fill('2023-06')
    await month.press('Enter')
    await page.locator('[data-test="i-candidates"]').click()
    await page.locator('[data-test="i-candidate-list"] tbody tr').first().waitFor({ timeout: 20000 })
    assert.match(await page.locator('[data-test="i-candidate-list"]').innerText(), /2023-06 月调度（540000）约谈名单：排名后 \d+ 名/)
    assert.equal(await page.locator('[data-test="i-record"]').count(), 0, 'finance reads, it does not record interviews')
    await settle(page)
    await screenshot(page, 'dispatch-interviews.png', { fullPage: true })
    assert.deepEqual(errors, [])
  } finally {
    await context.close()
  }
})
