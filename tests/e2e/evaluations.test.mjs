// E2E: 绩效评价 (issue #19 point 3), the county's step — the 城关区 officer creates the county's 2023
// evaluation on the demo data from the screen: the engine items arrive scored (系统计算, with their
// figures), the manual ones are scored with evidence (a missing evidence note is refused before
// anything is sent), the total and grade appear once every item is scored, and the submission moves
// it to the prefecture (the county's inputs and buttons are gone).
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

const input = (page, name) => page.locator(`input[data-test="${name}"], [data-test="${name}"] input`).first()

test('the county creates, scores with evidence and submits its evaluation', async () => {
  const { page } = await openPage(browser)
  await signIn(page, 'chengguan')
  await page.goto(`${baseUrl()}/evaluations`, { waitUntil: 'domcontentloaded' })
  await page.locator('[data-view="evaluations"]').waitFor({ timeout: 15000 })
  assert.ok(await page.locator('.shell-aside [data-menu="/evaluations"]').isVisible())
  await input(page, 'e-year').fill('2023')
  await page.locator('[data-test="e-create"]').click()
  await page.getByText(/已创建城关区 2023 年度绩效评价/).waitFor({ timeout: 20000 })
  const sheet = page.locator('[data-test="evaluation-sheet"]')
  await sheet.waitFor()
  assert.match(await sheet.innerText(), /城关区 2023 年度衔接资金绩效评价评分表/)
  assert.equal(await page.locator('[data-test="e-status"]').innerText(), '县级自评')
  // 预算执行率 and 产业占比 come from the engine, with their figures.
  const c1 = sheet.locator('[data-test="evaluation-items"] tbody tr', { hasText: '预算执行率' })
  assert.match(await c1.innerText(), /系统计算[\s\S]*\d+\.\d\d%/)
  assert.equal(await sheet.locator('input[data-test="e-points-C1"], [data-test="e-points-C1"] input').count(), 0)

  // Every manual item gets a score; without evidence the screen refuses to send it.
  const evidence = sheet.locator('input[data-test^="e-evidence-"], [data-test^="e-evidence-"] input')
  const manual = await evidence.count()
  assert.ok(manual >= 7, `manual items: ${manual}`)
  const ids = []
  for (let i = 0; i < manual; i++) {
    const dataTest = await sheet.locator('[data-test^="e-evidence-"]').nth(i).getAttribute('data-test')
    ids.push(dataTest.replace('e-evidence-', ''))
  }
  for (const id of ids) {
    const points = input(sheet, `e-points-${id}`)
    await points.fill(id === 'D1' ? '0' : '4')
    await points.press('Tab')
  }
  await page.locator('[data-test="e-save"]').click()
  await page.getByText(/请为评分项 .* 填写范围内的得分和佐证材料说明/).waitFor()
  for (const id of ids) await input(sheet, `e-evidence-${id}`).fill(`${id} 佐证：年度台账及文件`)
  await page.locator('[data-test="e-save"]').click()
  await page.getByText('评分已保存').waitFor({ timeout: 10000 })
  await page.locator('[data-test="e-grade"]').waitFor()
  const total = Number(await page.locator('[data-test="e-total"]').innerText())
  assert.ok(total > 0 && total <= 100, `total ${total}`)
  await page.locator('.el-message--error').waitFor({ state: 'detached', timeout: 10000 })
  await sheet.scrollIntoViewIfNeeded()
  await screenshot(page, 'evaluation-county.png', { fullPage: true })

  await page.locator('[data-test="e-submit"]').click()
  await page.locator('.el-message-box').getByText(/提交后由地市复核/).waitFor()
  await page.locator('.el-message-box .el-button--primary').click()
  await page.getByText('已提交地市复核').waitFor({ timeout: 10000 })
  assert.equal(await page.locator('[data-test="e-status"]').innerText(), '待地市复核')
  assert.equal(await page.locator('[data-test="e-save"]').count(), 0)
  assert.equal(await page.locator('[data-test="e-submit"]').count(), 0)
  assert.equal(await sheet.locator('[data-test^="e-evidence-"]').count(), 0)
  assert.match(await page.locator('[data-test="e-steps"]').innerText(), /提交 · chengguan/)
  await page.locator('[data-test="evaluations-table"] tbody tr', { hasText: '待地市复核' }).waitFor()
})
