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
    // 确权资产 and 以工代赈 (issue #20): 70.9 billion yuan 100% registered; 26,887 persons, 13,500 万元, 5,021.01 元 each
    // (summaries in 万元, a per-person amount in 元 to the fen: docs/definitions.md §18)
    await page.locator('[data-card="work_relief"]').waitFor({ timeout: 20000 })
    assert.equal(await cardValue(page, 'assets'), '7,090,000.00 万元')
    assert.match(await page.locator('[data-card="assets"]').innerText(), /确权进度（按价值）100\.00%/)
    assert.equal(await cardValue(page, 'work_relief'), '26,887人')
    assert.match(await page.locator('[data-card="work_relief"]').innerText(), /劳务报酬 13,500\.00 万元，人均 5,021\.01 元/)

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
    // the ranking is fetched after the heading: wait for its row, then read them all
    const rankLinks = page.locator('[data-test="ranking"] .el-table__body-wrapper tbody tr a[data-code]')
    await rankLinks.first().waitFor({ timeout: 20000 })
    await settle(page)
    const rows = await rankLinks.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))
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

test('问题预警: work items by kind and status, paged, with their detail and history', async () => {
  const { context, page, errors } = await openPage(browser)
  try {
    await signIn(page, 'leader')
    const q = 'region=540000&year=2023&as_of=2023-07-05'
    await page.goto(`${baseUrl()}/flags?${q}`, { waitUntil: 'domcontentloaded' })
    await page.locator('[data-test="flags-table"] .el-table__body-wrapper tbody tr').first().waitFor({ timeout: 20000 })
    // The kind buttons carry the same counts and amounts as the API.
    const api = await page.evaluate(async (query) => (await fetch(`/api/v1/flags?${query}&page_size=20`)).json(), q)
    const kinds = await page.locator('[data-test="flag-kinds"]').innerText()
    for (const s of api.summary) {
      assert.match(kinds, new RegExp(`${s.label}（${s.count} 条`), s.kind)
    }
    assert.ok(api.summary.find((s) => s.kind === 'negative_list').count >= 1, 'the demo has a negative-list payment')
    assert.ok(api.summary.find((s) => s.kind === 'over_arranged').count >= 1, 'and a project paid beyond its funds')
    assert.equal(await page.locator('[data-test="flags-table"] .el-table__body-wrapper tbody tr').count(), Math.min(20, api.total))
    assert.match(await page.locator('[data-test="flags-pager"]').innerText(), new RegExp(`共 ${api.total} 条`))
    await screenshot(page, 'flags.png')
    // By region: 城关区's flags only, the same total as the API
    const own = await page.evaluate(async () => (await fetch('/api/v1/flags?region=540102&year=2023&as_of=2023-07-05&page_size=20')).json())
    assert.ok(own.total > 0 && own.total < api.total, `${own.total} of ${api.total}`)
    // picked in the region tree beside the list: 拉萨市 → 城关区
    const tree = page.locator('[data-test="region-tree"]')
    await tree.locator('.el-tree-node__content', { has: page.locator('.node[data-region="540100"]') }).locator('.el-tree-node__expand-icon').click()
    await tree.locator('.node[data-region="540102"]').click()
    await page.waitForURL(/region=540102/)
    await page.locator('[data-test="flags-pager"]', { hasText: `共 ${own.total} 条` }).waitFor({ timeout: 15000 })
    await tree.locator('[data-test="region-clear"]').click()
    await page.waitForURL(/region=540000/)
    await page.locator('[data-test="flags-pager"]', { hasText: `共 ${api.total} 条` }).waitFor({ timeout: 15000 })
    // One kind: 超进度拨款, with the project link.
    await page.locator('[data-test="flag-kinds"] label[data-kind="pay_ahead_of_progress"]').click()
    await page.waitForURL(/kind=pay_ahead_of_progress/)
    await page.waitForFunction(() => [...document.querySelectorAll('[data-test="flags-table"] tbody tr td:first-child')]
      .every((td) => td.textContent.includes('超进度拨款')), null, { timeout: 15000 })
    // The detail of a flag: a leader reads it but has no work steps.
    await page.locator('[data-test="flag-open"]').first().click()
    await page.locator('[data-test="flag-drawer"] .el-descriptions').waitFor({ timeout: 10000 })
    assert.match(await page.locator('[data-test="flag-drawer"]').innerText(), /合同与进度[\s\S]*可付上限/)
    assert.equal(await page.locator('[data-test="flag-form"]').count(), 0)
    // drill-through from the drawer to the project
    const link = page.locator('[data-test="flag-drawer-link"]')
    const code = (await link.innerText()).trim()
    await link.click()
    await page.waitForURL(new RegExp(`/projects/${code}`))
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})

test('a finance officer assigns, explains and closes a flag; the history shows each step', async () => {
  const { context, page, errors } = await openPage(browser)
  try {
    await signIn(page, 'finance')
    await page.goto(`${baseUrl()}/flags?region=540000&year=2023&as_of=2023-07-05&kind=negative_list`, { waitUntil: 'domcontentloaded' })
    const row = page.locator('[data-test="flags-table"] .el-table__body-wrapper tbody tr', { hasText: 'PZDEMO-NEG-1' })
    await row.waitFor({ timeout: 20000 })
    assert.match(await row.innerText(), /负面清单[\s\S]*购置办公车辆[\s\S]*待处理/)
    await row.locator('[data-test="flag-open"]').click()
    const drawer = page.locator('[data-test="flag-drawer"]')
    await drawer.locator('[data-test="flag-form"]').waitFor({ timeout: 10000 })
    // assign to the county officer
    await drawer.locator('input[data-test="flag-assignee"], [data-test="flag-assignee"] input').first().fill('chengguan')
    await drawer.locator('[data-test="flag-submit"]').click()
    await drawer.locator('[data-test="flag-history"]').waitFor({ timeout: 10000 })
    // explain without a reason: refused in Chinese; with one: explained
    await drawer.locator('label:has-text("说明")').click()
    await drawer.locator('[data-test="flag-submit"]').click()
    await drawer.getByText('说明、关闭、重新打开都须填写理由').waitFor()
    await drawer.locator('textarea[data-test="flag-reason"], [data-test="flag-reason"] textarea').first().fill('为村集体购置运输车辆，非办公用车')
    await drawer.locator('[data-test="flag-submit"]').click()
    await page.waitForFunction(() => document.querySelector('[data-test="flag-status-tag"]')?.textContent?.includes('已说明'), null, { timeout: 10000 })
    await drawer.locator('label:has-text("关闭")').click()
    await drawer.locator('textarea[data-test="flag-reason"], [data-test="flag-reason"] textarea').first().fill('已核实，用途合规')
    await drawer.locator('[data-test="flag-submit"]').click()
    await page.waitForFunction(() => document.querySelector('[data-test="flag-status-tag"]')?.textContent?.includes('已关闭'), null, { timeout: 10000 })
    const history = await drawer.locator('[data-test="flag-history"]').innerText()
    assert.match(history, /finance 指派 → 待处理，负责人 chengguan[\s\S]*finance 说明 → 已说明[\s\S]*finance 关闭 → 已关闭，负责人 chengguan：已核实，用途合规/)
    await page.waitForTimeout(300)
    await screenshot(page, 'flag-drawer.png')
    // the closed filter finds it
    await page.goto(`${baseUrl()}/flags?region=540000&year=2023&as_of=2023-07-05&status=closed`, { waitUntil: 'domcontentloaded' })
    await page.locator('[data-test="flags-table"] tbody tr', { hasText: 'PZDEMO-NEG-1' }).waitFor({ timeout: 15000 })
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})
