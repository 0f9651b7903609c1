// E2E: 结算/激励 (issue #19 point 1) — a finance officer runs a settlement of 西藏自治区 on the demo
// data from the screen (the frozen ranking opens with its scheme, policy version and watermark); the
// officer cannot approve their own run, an administrator approves it on the list, and a re-run
// compares with the approved run; the wall chart marks counties that differ from it; a what-if with top 5 shows the money beside the current policy.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import { launch, openPage, baseUrl, screenshot, screenshotDir, signIn, useServer, stopServer } from './lib.mjs'

let browser
before(async () => {
  ;[browser] = await Promise.all([launch(), useServer()])
})
after(async () => {
  await browser?.close()
  await stopServer()
})

const input = (page, name) => page.locator(`input[data-test="${name}"], [data-test="${name}"] input`).first()

async function runSettlement(page) {
  // the region cascader starts at the officer's own region (西藏自治区, 540000)
  await page.waitForFunction(() => document.querySelector('[data-test="s-region"] input')?.value.trim() === '西藏自治区', null, { timeout: 15000 })
  await input(page, 's-year').fill('2023')
  const date = page.locator('[data-view="settlements"] .filters .el-date-editor input').first()
  await date.fill('2023-07-05')
  await date.press('Enter')
  await page.locator('[data-test="s-run"]').click()
  await page.getByText(/已生成第 \d+ 批结算，待审批/).waitFor({ timeout: 20000 })
  await page.locator('[data-test="settlement-detail"] [data-test="settlement-rows"] tbody tr').first().waitFor()
}

test('a settlement is run on the screen, approved by another user, and a re-run compares with it', async () => {
  const finance = await openPage(browser)
  const admin = await openPage(browser)
  try {
    await signIn(finance.page, 'finance')
    const page = finance.page
    await page.goto(`${baseUrl()}/settlements`, { waitUntil: 'domcontentloaded' })
    await page.locator('[data-view="settlements"]').waitFor({ timeout: 15000 })
    assert.ok(await page.locator('.shell-aside [data-menu="/settlements"]').isVisible())
    await runSettlement(page)
    const drawer = page.locator('[data-test="settlement-detail"]')
    const text = await drawer.innerText()
    assert.match(text, /奖惩方案：西藏自治区共 \d+ 个县参与排名，前 10 名奖励、后 10 名扣减，各 \+2,000\.00 万元/)
    assert.match(text, /第1名\/共\d+/)
    assert.match(text, /没有可比较的批次/)
    await page.waitForTimeout(500)
    await screenshot(page, 'settlement-run.png')
    await page.keyboard.press('Escape')
    // The runner has no 审批 button on their own run.
    await page.locator('[data-test="settlements-table"] tbody tr').first().waitFor()
    assert.equal(await page.locator('[data-test="s-approve"]').count(), 0)

    // 奖惩模拟: top 5 instead of 10 — 74 counties, 5 × +2,000 and 10 × −2,000 万元 against the
    // current 10 and 10 (net 0). Nothing saved: the list still has one run.
    await input(page, 'w-top').fill('5')
    await page.locator('[data-test="w-run"]').click()
    await page.locator('[data-test="what-if-rows"] tbody tr').first().waitFor({ timeout: 15000 })
    assert.match(await page.locator('[data-test="w-totals"]').innerText(), /现行 0\.00 万元，模拟 -10,000\.00 万元/)
    assert.equal(await page.locator('[data-test="what-if-rows"] tbody tr.moved').count(), 5)
    await page.locator('[data-test="what-if"]').scrollIntoViewIfNeeded()
    await screenshot(page, 'settlement-what-if.png')
    assert.match(await page.locator('[data-test="s-total"]').innerText(), /共 1 条/)

    await signIn(admin.page, 'admin')
    const a = admin.page
    await a.goto(`${baseUrl()}/settlements`, { waitUntil: 'domcontentloaded' })
    await input(a, 's-year').fill('2023')
    await a.locator('[data-test="s-search"]').click()
    await a.locator('[data-test="settlements-table"] tbody tr', { hasText: '待审批' }).first().waitFor({ timeout: 15000 })
    await a.locator('[data-test="s-approve"]').first().click()
    await a.locator('.el-message-box').getByText(/审批后该批次不可更改/).waitFor()
    await a.locator('.el-message-box .el-button--primary').click()
    await a.getByText(/第 \d+ 批结算已审批/).waitFor({ timeout: 10000 })
    await a.locator('[data-test="settlements-table"] tbody tr', { hasText: '已审批' }).first().waitFor()
    assert.equal(await a.locator('[data-test="s-approve"]').count(), 0)
    assert.match(await a.locator('[data-test="s-total"]').innerText(), /共 1 条/)

    // A re-run by the admin compares with the approved run: nothing changed.
    await runSettlement(a)
    const rerun = await a.locator('[data-test="settlement-detail"]').innerText()
    assert.match(rerun, /比较对象：第 \d+ 批（台账水位 \d+）/)
    await a.keyboard.press('Escape')
    await a.locator('[data-test="s-total"]', { hasText: '共 2 条' }).waitFor()
    await a.locator('.el-message').first().waitFor({ state: 'detached', timeout: 10000 })
    await screenshot(a, 'settlements-list.png')

    // The wall chart marks the counties whose place or money differs from the approved run: as of
    // 2023-06-30 the ranking is not the one settled as of 2023-07-05.
    await a.goto(`${baseUrl()}/dashboard?region=540000&year=2023&as_of=2023-06-30`, { waitUntil: 'domcontentloaded' })
    const hint = a.locator('[data-test="rank-settled"]')
    await hint.waitFor({ timeout: 20000 })
    assert.match(await hint.innerText(), /与第 \d+ 批已审批结算（截至 2023-07-05）相比名次或金额不同的县 \d+ 个/)
    await a.locator('[data-test="ranking"] [data-settled]').first().waitFor({ timeout: 10000 })
    assert.ok(await a.locator('[data-test="ranking"] [data-settled]').count() > 0)
    const card = a.locator('[data-test="ranking"]').locator('xpath=ancestor::section[1]')
    await card.scrollIntoViewIfNeeded()
    await card.screenshot({ path: path.join(screenshotDir(), 'dashboard-settled.png') })
    assert.deepEqual(finance.errors, [], `console errors:\n${finance.errors.join('\n')}`)
    assert.deepEqual(admin.errors, [], `console errors:\n${admin.errors.join('\n')}`)
  } finally {
    await finance.context.close()
    await admin.context.close()
  }
})
