// E2E: 因素法分配 (issue #19 point 4, docs/definitions.md §10) on the demo's 2023 factors: the table of
// counties with each factor's contribution adds up to the pool in whole 万元, a what-if on the weights is
// shown beside the policy in force without saving anything, and the export downloads the XLSX.
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

const WAN = 1000000
const rowsOf = (page) => page.locator('[data-test="a-table"] .el-table__body-wrapper tbody tr')
/** POST /api/v1/allocations/preview in the page's session (its CSRF token from the sign-in). */
const preview = async (page, grant, body) => {
  const res = await page.request.fetch(`${baseUrl()}/api/v1/allocations/preview`, { method: 'POST', data: body, headers: { 'X-CSRF-Token': grant.csrf_token } })
  assert.equal(res.status(), 200, await res.text())
  return res.json()
}

test('the pool is divided among the 74 counties in whole 万元; a what-if on the area weight moves money and saves nothing', async () => {
  const { context, page, errors } = await openPage(browser, { viewport: { width: 1440, height: 900 }, acceptDownloads: true })
  try {
    const grant = await signIn(page, 'leader')
    await page.goto(`${baseUrl()}/allocation`, { waitUntil: 'domcontentloaded' })
    // next year has no factors: the page turns to 2024, whose factors (2023) the demo holds
    await page.waitForURL(/year=2024/)
    await rowsOf(page).first().waitFor({ timeout: 20000 })
    assert.match(await page.locator('[data-view="allocation"]').innerText(), /尚无因素数据，已显示 2024 年度/)
    assert.equal(await rowsOf(page).count(), 74)
    assert.equal(await page.locator('[data-test="a-pool-shown"]').innerText(), '100,000.00')
    assert.equal(await page.locator('[data-test="a-total"]').innerText(), '100,000.00')

    const now = await preview(page, grant, { region_code: '540000', year: 2024, pool_fen: 100000 * WAN })
    assert.equal(now.total_fen, now.pool_fen)
    assert.equal(now.counties.reduce((s, c) => s + c.amount_fen, 0), 100000 * WAN)
    for (const c of now.counties) assert.equal(c.amount_fen % WAN, 0, `${c.region_name} in whole 万元`)
    const first = now.counties[0]
    assert.equal(await page.locator(`[data-amount="${first.region_code}"]`).innerText(), (first.amount_fen / WAN).toLocaleString('en-US', { minimumFractionDigits: 2 }))
    // the 合计 row: the amounts add up to the pool
    assert.match(await page.locator('[data-test="a-table"] .el-table__footer-wrapper').innerText(), /合计[\s\S]*100,000\.00/)

    // nothing changed: the what-if says so instead of asking the server
    await page.locator('[data-test="a-run-what-if"]').click()
    assert.match(await page.locator('[data-test="a-what-if-error"]').innerText(), /参数未改动/)

    // area 10% → 40%: the county with the largest area gets more, the total stays the pool
    const area = page.locator('[data-weight="allocation_weight_area_bp"] input')
    await area.fill('40')
    await area.press('Tab')
    await page.locator('[data-test="a-run-what-if"]').click()
    const largest = now.counties.reduce((a, b) => (b.factors.area_km2 > a.factors.area_km2 ? b : a))
    const whatIfCell = page.locator(`[data-what-if="${largest.region_code}"]`)
    await whatIfCell.waitFor({ timeout: 15000 })
    const then = await preview(page, grant, { region_code: '540000', year: 2024, pool_fen: 100000 * WAN, what_if: { allocation_weight_area_bp: 4000 } })
    assert.equal(then.what_if, true)
    assert.equal(then.total_fen, 100000 * WAN)
    const moved = then.counties.find((c) => c.region_code === largest.region_code)
    assert.ok(moved.amount_fen > largest.amount_fen, `${largest.region_name}: ${moved.amount_fen} > ${largest.amount_fen}`)
    assert.equal(await whatIfCell.innerText(), (moved.amount_fen / WAN).toLocaleString('en-US', { minimumFractionDigits: 2 }))
    await screenshot(page, 'allocation.png')

    // nothing was saved: the policy in force answers as before
    const again = await preview(page, grant, { region_code: '540000', year: 2024, pool_fen: 100000 * WAN })
    assert.deepEqual(again.counties.map((c) => c.amount_fen), now.counties.map((c) => c.amount_fen))

    // 导出分配表: the XLSX of the what-if shown
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="export-allocation"]').click()])
    assert.equal(download.suggestedFilename(), '因素法分配-540000-2024.xlsx')
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})
