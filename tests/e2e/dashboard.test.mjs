// E2E: 挂图作战 — the demo headline figures, drill-down region → prefecture → county with the URL
// holding the view, the default view, and a county officer's scope.
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

const cardValue = (page, key) => page.locator(`[data-card="${key}"] [data-test="card-value"]`).innerText()
const heading = (page) => page.locator('[data-test="heading"]').innerText()

async function waitForHeading(page, re) {
  await page.waitForFunction(
    (src) => new RegExp(src).test(document.querySelector('[data-test="heading"]')?.textContent ?? ''),
    re.source,
    { timeout: 20000 },
  )
}

/** Waits until every chart and the ranking table have been drawn. */
async function settle(page) {
  await page.waitForFunction(() => !document.querySelector('[data-view="dashboard"] > .el-loading-mask'), null, { timeout: 20000 })
  await page.waitForTimeout(700) // ECharts entry animation
}

test('dashboard shows the demo headline figures for 2023-07-05 and drills down to a county', async () => {
  const { context, page, errors } = await openPage(browser)
  try {
    await signIn(page, 'leader')
    await page.goto(`${baseUrl()}/dashboard?region=540000&year=2023&as_of=2023-07-05`, { waitUntil: 'domcontentloaded' })
    await waitForHeading(page, /西藏自治区 · 2023年度/)
    assert.equal(await cardValue(page, 'start_rate'), '99.74%')
    assert.equal(await cardValue(page, 'expend_progress'), '54.41%')
    assert.match(await page.locator('[data-card="start_rate"]').innerText(), /同比 \+17\.00 个百分点/)
    assert.match(await page.locator('[data-card="expend_progress"]').innerText(), /同比 \+33\.00 个百分点/)
    assert.equal(await cardValue(page, 'time_progress'), '50.96%')
    assert.equal(await cardValue(page, 'on_track'), '已实现')
    assert.match(await page.locator('[data-card="expend_progress"]').innerText(), /支出 303,587\.12 \/ 下达 557,962\.00 万元/)
    // against the demo's national averages (2023-06-30) and the region's best earlier year (same day)
    assert.match(await page.locator('[data-card="start_rate"] [data-test="card-compare"]').innerText(), /^全国平均 84\.00% · 历史最好 82\.74%（2022）$/)
    assert.match(await page.locator('[data-card="expend_progress"] [data-test="card-compare"]').innerText(), /^全国平均 36\.00% · 历史最好 21\.41%（2022）$/)
    assert.equal(await page.locator('[data-card="time_progress"] [data-test="card-compare"]').count(), 0)

    // ranking: 74 counties, top 10 rewarded and bottom 10 penalised by 2,000.00 万元
    await page.locator('[data-test="ranking"] .el-table__body-wrapper tbody tr').first().waitFor({ timeout: 20000 })
    assert.equal(await page.locator('[data-test="ranking"] .el-table__body-wrapper tbody tr').count(), 74)
    assert.equal(await page.locator('[data-incentive="reward"]').count(), 10)
    assert.equal(await page.locator('[data-incentive="penalty"]').count(), 10)
    assert.equal(await page.locator('[data-incentive="reward"]').first().innerText(), '+2,000.00')
    const first = await page.locator('[data-test="ranking"] .el-table__body-wrapper tbody tr').first().innerText()
    assert.match(first, /^\s*第1名\/共74/)
    // N and the amount come from the policy (the scheme the API returns), shown in the hint and the tabs
    assert.match(await page.locator('[data-test="rank-scheme"]').innerText(), /西藏自治区 74 个县参与排名，前 10 名奖励、后 10 名扣减 2,000\.00 万元/)
    await page.locator('[data-test="rank-view"] label:has-text("后 10 名")').click()
    assert.equal(await page.locator('[data-test="ranking"] .el-table__body-wrapper tbody tr').count(), 10)
    assert.equal(await page.locator('[data-incentive="penalty"]').count(), 10)
    await page.locator('[data-test="rank-view"] label:has-text("全部")').click()
    await settle(page)
    await screenshot(page, 'dashboard.png')
    await screenshot(page, 'dashboard-full.png', { fullPage: true })

    // drill down: region → 拉萨市 (child chip under the bar chart)
    await page.locator('[data-test="child-links"] [data-code="540100"]').click()
    await waitForHeading(page, /^拉萨市/)
    assert.match(page.url(), /region=540100&year=2023&as_of=2023-07-05/)
    assert.match(await page.locator('[data-test="drill-path"]').innerText(), /西藏自治区[\s\S]*拉萨市/)
    assert.match(await page.locator('[data-card="expend_progress"]').innerText(), /西藏自治区平均 54\.41%/)
    // the ranking keeps region-wide ranks, restricted to 拉萨市's 8 counties
    await page.waitForFunction(
      () => document.querySelectorAll('[data-test="ranking"] .el-table__body-wrapper tbody tr').length === 8,
      null,
      { timeout: 20000 },
    )
    // at their places among the region's 74 counties, not re-ranked 1–8 (and not all rewarded)
    const places = await page.locator('[data-test="ranking"] .el-table__body-wrapper tbody tr td:first-child').allInnerTexts()
    assert.ok(places.every((p) => /^第\d+名\/共74$/.test(p.trim())), places.join(','))
    assert.notDeepEqual(places.map((p) => p.trim()).slice(0, 3), ['第1名/共74', '第2名/共74', '第3名/共74'])
    await settle(page)
    await screenshot(page, 'dashboard-prefecture.png')

    // → 城关区 (from the ranking table)
    await page.locator('[data-test="ranking"] a[data-code="540102"]').click()
    await waitForHeading(page, /^城关区/)
    assert.match(page.url(), /region=540102/)
    assert.match(await page.locator('[data-test="drill-path"]').innerText(), /西藏自治区[\s\S]*拉萨市[\s\S]*城关区/)
    assert.match(await page.locator('[data-card="expend_progress"]').innerText(), /拉萨市平均/)
    await settle(page)
    await screenshot(page, 'dashboard-county.png')

    // back up with the browser: the URL holds the view
    await page.goBack()
    await waitForHeading(page, /^拉萨市/)
    // and a copied link reproduces a view
    await page.goto(`${baseUrl()}/dashboard?region=540100&year=2022&as_of=2022-07-05`, { waitUntil: 'domcontentloaded' })
    await waitForHeading(page, /^拉萨市 · 2022年度衔接资金 · 截至 2022-07-05/)
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})

test('without a query the dashboard opens the latest year with data and writes it into the URL', async () => {
  const { context, page, errors } = await openPage(browser)
  try {
    await signIn(page, 'leader')
    await page.goto(`${baseUrl()}/dashboard`, { waitUntil: 'domcontentloaded' })
    await waitForHeading(page, /西藏自治区/)
    const thisYear = new Date().getFullYear()
    if (thisYear > 2023) {
      assert.match(page.url(), /region=540000&year=2023&as_of=2023-07-05/)
      assert.equal(await cardValue(page, 'expend_progress'), '54.41%')
      assert.match(await page.locator('[data-test="fallback-note"]').innerText(), /2023/)
    }
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})

test('a county officer sees only their county', async () => {
  const { context, page, errors } = await openPage(browser)
  try {
    await signIn(page, 'chengguan')
    await page.goto(`${baseUrl()}/dashboard?year=2023&as_of=2023-07-05`, { waitUntil: 'domcontentloaded' })
    await waitForHeading(page, /^城关区/)
    assert.match(page.url(), /region=540102/)
    assert.equal(await page.locator('[data-test="drill-path"] a').count(), 0, 'no link above the home county')
    assert.equal(await page.locator('[data-test="drill-up"]').count(), 0)
    assert.match(await page.locator('[data-card="expend_progress"]').innerText(), /上级平均：暂无/)
    const rows = await page
      .locator('[data-test="ranking"] .el-table__body-wrapper tbody tr a[data-code]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))
    assert.ok(rows.length === 1 && rows[0] === '540102', `ranking rows: ${rows}`)
    // its place in the whole region's ranking, not first of one
    assert.match(await page.locator('[data-test="ranking"] .el-table__body-wrapper tbody tr').first().innerText(), /^\s*第\d+名\/共74/)
    assert.match(await page.locator('[data-test="header-user"]').innerText(), /县级业务人员[\s\S]*城关区/)
    await settle(page)
    await screenshot(page, 'dashboard-county-officer.png')

    // the region outside the scope is refused with a Chinese message
    await page.goto(`${baseUrl()}/dashboard?region=540000&year=2023&as_of=2023-07-05`, { waitUntil: 'domcontentloaded' })
    await page.locator('.el-alert--error').waitFor({ timeout: 15000 })
    assert.match(await page.locator('.el-alert--error').innerText(), /无权访问该区划或功能/)
    assert.equal(await page.locator('[data-test="heading"]').count(), 0, 'no figures of the parent region')
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})

test('问题预警 lists 以拨代支 entries and 超进度拨款 projects in 万元', async () => {
  const { context, page, errors } = await openPage(browser)
  try {
    await signIn(page, 'leader')
    await page.goto(`${baseUrl()}/flags?region=540000&year=2023&as_of=2023-07-05`, { waitUntil: 'domcontentloaded' })
    await page.locator('[data-test="dae-total"]').waitFor({ timeout: 15000 })
    assert.match(await page.locator('[data-test="dae-total"]').innerText(), /231 条，合计 8,467\.34 万元/)
    assert.match(await page.locator('.el-tabs__header').innerText(), /超进度拨款（\d+）/)
    await page.locator('[data-test="dae-table"] .el-table__body-wrapper tbody tr').first().waitFor()
    await screenshot(page, 'flags.png')
    await page.locator('.el-tabs__item:has-text("超进度拨款")').click()
    await page.locator('[data-test="ahead-total"]').waitFor({ state: 'visible' })
    assert.match(await page.locator('[data-test="ahead-total"]').innerText(), /合计 [\d,]+\.\d\d 万元/)
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})
