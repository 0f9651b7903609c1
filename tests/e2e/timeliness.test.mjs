// E2E: 资金分配时效 (issue #19 point 5, docs/definitions.md §12) on the demo's receipts. The demo plants
// two breaches in fund year 2023's March batch (src/app/demo_receipts.cpp): 阿里地区 received it on
// 2023-02-21 and passed it on to its counties on 2023-03-27 (34 days, limit 30); 林芝市's counties
// received it on 2023-02-07 and arranged it to projects on 2023-03-15 (36 days) — which makes 林芝市
// (received 01-28) and the region (01-25) late to projects too, the measure being of the subtree.
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

const api = (page, path) => page.evaluate(async (p) => (await fetch(p)).json(), path)
const rowsOf = (page) => page.locator('[data-test="t-table"] .el-table__body-wrapper tbody tr')

test('the region’s receipts: the two planted breaches in red, the counts as the API has them, 只看超时 keeps only those', async () => {
  const { context, page, errors } = await openPage(browser, { viewport: { width: 1440, height: 900 } })
  try {
    await signIn(page, 'leader')
    // No year in the URL and none recorded this year: the page falls back to the demo's year, as the wall chart does.
    await page.goto(`${baseUrl()}/timeliness`, { waitUntil: 'domcontentloaded' })
    await page.waitForURL(/year=2023&as_of=2023-07-05/)
    await rowsOf(page).first().waitFor({ timeout: 20000 })
    assert.match(await page.locator('[data-view="timeliness"]').innerText(), /本年度尚无上级下达登记，已显示 2023 年度/)

    const report = await api(page, '/api/v1/timeliness?region=540000&year=2023&as_of=2023-07-05')
    const receipts = report.units.flatMap((u) => u.receipts.map((r) => ({ ...r, unit: u })))
    const lateAllocation = report.units.reduce((n, u) => n + u.late_allocation, 0)
    const lateDistribution = report.units.reduce((n, u) => n + u.late_distribution, 0)
    // By hand: one prefecture late passing on; late to projects: each 林芝市 county, 林芝市 and the region.
    assert.equal(lateAllocation, 1)
    const nyingchi = report.units.filter((u) => u.region_code.startsWith('5404') && u.level === 'county')
    assert.equal(nyingchi.length, 7)
    assert.equal(lateDistribution, nyingchi.length + 2)
    assert.equal(await page.locator('[data-test="t-late-allocation"]').innerText(), '1')
    assert.equal(await page.locator('[data-test="t-late-distribution"]').innerText(), String(lateDistribution))
    assert.equal(await rowsOf(page).count(), receipts.length)

    const ngari = report.units.find((u) => u.region_code === '542500')
    const held = ngari.receipts.find((r) => r.allocation?.breach)
    assert.deepEqual(
      { date: held.date, done_on: held.allocation.done_on, days: held.allocation.days, limit: held.allocation.limit_days },
      { date: '2023-02-21', done_on: '2023-03-27', days: 34, limit: 30 },
    )
    const row = rowsOf(page).filter({ hasText: '阿里地区' }).filter({ hasText: '2023-02-21' })
    assert.equal(await row.locator('[data-test="t-allocation"].late').innerText(), '34 天（2023-03-27 完成）')
    const region = report.units.find((u) => u.region_code === '540000').receipts.find((r) => r.distribution.breach)
    assert.deepEqual([region.date, region.distribution.done_on, region.distribution.days], ['2023-01-25', '2023-03-15', 49])
    const county = nyingchi[0].receipts.find((r) => r.distribution.breach)
    assert.deepEqual([county.date, county.distribution.done_on, county.distribution.days], ['2023-02-07', '2023-03-15', 36])

    // 只看超时: the breach rows only, every one marked
    await page.locator('[data-test="t-only-late"]').click()
    await page.waitForURL(/late=1/)
    await page.waitForFunction((n) => document.querySelectorAll('[data-test="t-table"] .el-table__body-wrapper tbody tr').length === n,
      lateAllocation + lateDistribution, { timeout: 10000 })
    assert.equal(await rowsOf(page).locator('.late').count(), lateAllocation + lateDistribution)
    await screenshot(page, 'timeliness.png')

    // the same breaches are flags of the list
    const flags = await api(page, '/api/v1/flags?region=540000&year=2023&as_of=2023-07-05&kind=late_distribution&page_size=200')
    assert.equal(flags.total, lateDistribution)
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})

test('a county officer sees only their county’s receipts, with no onward measure', async () => {
  const { context, page, errors } = await openPage(browser)
  try {
    await signIn(page, 'chengguan')
    await page.goto(`${baseUrl()}/timeliness?year=2023&as_of=2023-07-05`, { waitUntil: 'domcontentloaded' })
    await rowsOf(page).first().waitFor({ timeout: 20000 })
    const report = await api(page, '/api/v1/timeliness?year=2023&as_of=2023-07-05')
    assert.deepEqual(report.units.map((u) => u.region_code), ['540102'])
    assert.equal(await rowsOf(page).count(), report.units[0].receipts.length)
    for (let i = 0; i < report.units[0].receipts.length; i++) {
      assert.match(await rowsOf(page).nth(i).innerText(), /县级直接分配到项目/)
    }
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})
