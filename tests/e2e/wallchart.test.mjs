// E2E: 挂图作战 leads to action (issue #21 point 8) — the colour legend with the policy threshold, the
// 以拨代支 / 超进度拨款 figures as links to their flags, a county's lagging and overdue projects with links
// to the project, its ledger and its flags, and the page at 390 px without overlap or sideways scrolling.
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

const VIEW = 'year=2023&as_of=2023-07-05'

async function waitForHeading(page, re) {
  await page.waitForFunction(
    (src) => new RegExp(src).test(document.querySelector('[data-test="heading"]')?.textContent ?? ''),
    re.source,
    { timeout: 20000 },
  )
}

async function settle(page) {
  await page.waitForFunction(() => !document.querySelector('[data-view="dashboard"] > .el-loading-mask'), null, { timeout: 20000 })
  await page.waitForTimeout(800) // ECharts entry animation
}

/** Pairs of elements (by selector) whose boxes overlap by more than a pixel. */
async function overlaps(page, selector) {
  return page.evaluate((sel) => {
    const boxes = [...document.querySelectorAll(sel)]
      .map((e) => ({ t: e.textContent.trim().slice(0, 20), r: e.getBoundingClientRect() }))
      .filter((b) => b.r.width > 0 && b.r.height > 0)
    const out = []
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i].r
        const b = boxes[j].r
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left)
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top)
        if (w > 1 && h > 1) out.push(`${boxes[i].t} × ${boxes[j].t}`)
      }
    return out
  }, selector)
}

/** The words drawn in a chart (the charts are SVG), each with whether it lies inside the drawing. */
async function chartWords(page, sel) {
  return page.locator(`${sel} svg`).first().evaluate((svg) => {
    const box = svg.getBoundingClientRect()
    return [...svg.querySelectorAll('text')].map((t) => {
      const r = t.getBoundingClientRect()
      return { text: t.textContent, inside: r.right > box.left && r.left < box.right && r.bottom > box.top && r.top < box.bottom }
    })
  })
}

test('chart labels are whole names or none: the treemap and the bars at 1440 and 390 px', async () => {
  for (const viewport of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
    const { context, page, errors } = await openPage(browser, { viewport, isMobile: viewport.width < 500 })
    try {
      await signIn(page, 'leader')
      for (const region of ['540000', '540200']) {
        await page.goto(`${baseUrl()}/dashboard?region=${region}&${VIEW}`, { waitUntil: 'domcontentloaded' })
        await page.locator('[data-test="treemap"] svg text').first().waitFor({ timeout: 20000 })
        await settle(page)
        const kids = await page.evaluate(async (r) => (await (await fetch(`/api/v1/indicators?region=${r}&year=2023&as_of=2023-07-05&by=children`)).json()).items, region)
        const names = new Set(kids.map((k) => k.region_name))
        for (const k of kids.filter((x) => x.region_level === 'prefecture')) {
          const g = await page.evaluate(async (r) => (await (await fetch(`/api/v1/indicators?region=${r}&year=2023&as_of=2023-07-05&by=children`)).json()).items, k.region_code)
          for (const c of g) names.add(c.region_name)
        }
        const whole = (w) => names.has(w) || /^\d+\.\d{2}%$/.test(w) || [...names].some((n) => w === n || w.startsWith(`${n} `) && /^\S+ \d+\.\d{2}%$/.test(w))
        const tree = (await chartWords(page, '[data-test="treemap"]')).filter((w) => w.inside && w.text.trim())
        assert.ok(tree.length >= 2, `${region} @${viewport.width}: some labels are drawn`)
        const cut = tree.filter((w) => !whole(w.text.trim()))
        assert.deepEqual(cut, [], `${region} @${viewport.width}: truncated treemap labels`)
        // every child with funds has its full name under (or beside) its bar
        const bars = (await chartWords(page, '[data-test="children-chart"]')).filter((w) => w.inside).map((w) => w.text)
        for (const k of kids.filter((x) => x.allocated_fen > 0)) assert.ok(bars.includes(k.region_name), `${k.region_name} in the bars @${viewport.width}`)
      }
      assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
    } finally {
      await context.close()
    }
  }
})

test('以拨代支 and 超进度拨款 lead to the flagged entries of the same region, year and date', async () => {
  const { context, page, errors } = await openPage(browser, { viewport: { width: 1440, height: 900 } })
  try {
    await signIn(page, 'leader')
    await page.goto(`${baseUrl()}/dashboard?region=540100&${VIEW}`, { waitUntil: 'domcontentloaded' })
    await waitForHeading(page, /^拉萨市/)
    const api = await page.evaluate(async (q) => (await fetch(`/api/v1/flags?region=540100&${q}`)).json(), VIEW)
    for (const [kind, group] of [
      ['disburse_as_expend', 'disburse_as_expend'],
      ['pay_ahead_of_progress', 'pay_ahead'],
    ]) {
      await page.locator(`[data-test="minor-link-${kind}"]`).click()
      await page.waitForURL(new RegExp(`/flags\\?.*kind=${kind}`))
      assert.match(page.url(), /region=540100/)
      assert.match(page.url(), /year=2023/)
      assert.match(page.url(), /as_of=2023-07-05/)
      const n = api[group].length
      assert.ok(n > 0, `the demo has ${kind} flags in 拉萨市`)
      await page.locator('[data-test="flags-pager"]', { hasText: `共 ${n} 条` }).waitFor({ timeout: 15000 })
      const kinds = await page.locator('[data-test="flags-table"] .el-table__body-wrapper tbody tr td:first-child').allInnerTexts()
      assert.ok(kinds.length > 0 && kinds.every((k) => k.includes(api[group][0].kind_label)), kinds.join(','))
      await page.goBack()
      await waitForHeading(page, /^拉萨市/)
    }
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})

test('a county view lists its lagging and overdue projects with links to the project, its ledger and its flags', async () => {
  const { context, page, errors } = await openPage(browser, { viewport: { width: 1440, height: 900 } })
  try {
    await signIn(page, 'leader')
    await page.goto(`${baseUrl()}/dashboard?region=540000&${VIEW}`, { waitUntil: 'domcontentloaded' })
    await waitForHeading(page, /西藏自治区/)
    // the county with the most late starts and overdue milestones on the date (from the API, not hard-coded)
    const all = await page.evaluate(async () => (await fetch('/api/v1/library/overdue?region=540000&as_of=2023-07-05')).json())
    const items = [...all.late_starts, ...all.milestones]
    assert.ok(items.length > 0, 'the demo has late or overdue projects on 2023-07-05')
    const byCounty = new Map()
    for (const i of items) {
      const c = i.region_code.slice(0, 6)
      byCounty.set(c, (byCounty.get(c) ?? new Set()).add(i.project_code))
    }
    const [county, projects] = [...byCounty.entries()].sort((a, b) => b[1].size - a[1].size)[0]
    await page.goto(`${baseUrl()}/dashboard?region=${county}&${VIEW}`, { waitUntil: 'domcontentloaded' })
    const watch = page.locator('[data-test="county-watch"]')
    await watch.locator('[data-project]').first().waitFor({ timeout: 20000 })
    const listed = await watch.locator('[data-project]').evaluateAll((els) => els.map((e) => e.getAttribute('data-project')))
    assert.deepEqual(new Set(listed), projects)
    const code = listed[0]
    const row = watch.locator(`[data-project="${code}"]`)
    assert.match(await row.innerText(), /未按期开工|节点逾期/)
    await settle(page)
    await screenshot(page, 'dashboard-county-watch.png', { fullPage: true })

    // → the project
    await row.locator('[data-test="watch-link-project"]').click()
    await page.waitForURL(new RegExp(`/projects/${code}$`))
    await page.goBack()
    // → its ledger (filtered by the project)
    await watch.locator(`[data-project="${code}"] [data-test="watch-link-ledger"]`).click()
    await page.waitForURL(new RegExp(`/ledger\\?project=${code}`))
    await page.goBack()
    // → its flags: the flags of the project's place on the same year and date
    await watch.locator(`[data-project="${code}"] [data-test="watch-link-flags"]`).click()
    await page.waitForURL(/\/flags\?/)
    const url = new URL(page.url())
    const place = all.late_starts.concat(all.milestones).find((i) => i.project_code === code).region_code
    assert.equal(url.searchParams.get('region'), place)
    assert.equal(url.searchParams.get('as_of'), '2023-07-05')
    await page.locator('[data-test="flags-pager"]').waitFor({ timeout: 15000 })

    // a county without any: says so
    const quiet = ['540102', '540121', '540122', '540123', '540124', '540127'].find((c) => !byCounty.has(c))
    await page.goto(`${baseUrl()}/dashboard?region=${quiet}&${VIEW}`, { waitUntil: 'domcontentloaded' })
    await page.locator('[data-test="county-watch-none"]').waitFor({ timeout: 20000 })
    // and a prefecture view has no such list (its counties are in the ranking)
    await page.goto(`${baseUrl()}/dashboard?region=540100&${VIEW}`, { waitUntil: 'domcontentloaded' })
    await waitForHeading(page, /^拉萨市/)
    await settle(page)
    assert.equal(await page.locator('[data-test="county-watch"]').count(), 0)
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})

test('at 390 px the charts, ranking and amounts are legible without overlap or sideways scrolling', async () => {
  const { context, page, errors } = await openPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true })
  try {
    await signIn(page, 'leader')
    await page.goto(`${baseUrl()}/dashboard?region=540000&${VIEW}`, { waitUntil: 'domcontentloaded' })
    await waitForHeading(page, /西藏自治区/)
    await page.locator('[data-test="ranking"] .el-table__body-wrapper tbody tr').first().waitFor({ timeout: 20000 })
    await settle(page)
    // nothing wider than the screen but the ranking table, which scrolls inside its own box
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('.dashboard *')]
        .filter((e) => !e.closest('.table-wrap') && e.getBoundingClientRect().right > window.innerWidth + 1)
        .map((e) => e.className || e.tagName)
        .slice(0, 5),
    )
    assert.deepEqual(wide, [])
    // the children's bars lie across (one row per prefecture, names not rotated) and are tall enough for all 7
    const bar = page.locator('[data-test="child-links"]').locator('xpath=preceding-sibling::div[contains(@class,"echart")]')
    const h = await bar.evaluate((e) => e.getBoundingClientRect().height)
    assert.ok(h >= 7 * 30, `bar chart height ${h}`)
    // headline cards, minor figures, legend entries and chips do not overlap one another
    for (const sel of ['.cards .card', '.minors .minor', '[data-test="legend"] li', '[data-test="child-links"] a', '.card-value']) {
      assert.deepEqual(await overlaps(page, sel), [], sel)
    }
    // each amount is shown whole (not cut by its box)
    const cut = await page.evaluate(() =>
      [...document.querySelectorAll('.card-value, .minor-value')].filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent),
    )
    assert.deepEqual(cut, [])
    // section titles are whole (not squeezed away or cut with an ellipsis)
    const titles = await page.evaluate(() =>
      [...document.querySelectorAll('.dashboard .page-card-title > .title-text')].map((e) => ({
        t: e.textContent.trim(),
        ok: e.clientWidth > 0 && e.scrollWidth <= e.clientWidth + 1,
      })),
    )
    assert.ok(titles.length >= 4, JSON.stringify(titles))
    assert.deepEqual(titles.filter((t) => !t.ok), [])
    await screenshot(page, 'dashboard-390.png', { fullPage: true })
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})

// Last: it changes a policy value on this file's server.
test('the legend states the colours and the policy threshold, and follows a new policy value', async () => {
  const { context, page, errors } = await openPage(browser, { viewport: { width: 1440, height: 900 } })
  try {
    await signIn(page, 'leader')
    await page.goto(`${baseUrl()}/dashboard?region=540000&${VIEW}`, { waitUntil: 'domcontentloaded' })
    await waitForHeading(page, /西藏自治区 · 2023年度/)
    const legend = page.locator('[data-test="legend"]')
    await legend.waitFor({ timeout: 20000 })
    // time progress 50.96% on 2023-07-05; the default threshold (reminder_behind_time_bp 1000) is 10 points
    assert.match(await legend.locator('[data-legend="ok"]').innerText(), /达到时间进度（≥ 50\.96%）/)
    assert.match(await legend.locator('[data-legend="behind"]').innerText(), /落后不超过 10 个百分点/)
    assert.match(await legend.locator('[data-legend="far_behind"]').innerText(), /落后超过 10 个百分点/)
    assert.match(await legend.innerText(), /reminder_behind_time_bp/)
    assert.equal(await page.locator('[data-test="treemap-legend"] li').count(), 4)
    await settle(page)
    await screenshot(page, 'dashboard-legend.png', { fullPage: true })

    // an administrator sets the threshold to 5 points from 2023-01-01: the legend follows on the next load
    const admin = await browser.newContext()
    const ap = await admin.newPage()
    const s = await signIn(ap, 'admin')
    const res = await ap.request.post(`${baseUrl()}/api/v1/library/policies`, {
      data: { key: 'reminder_behind_time_bp', value: 500, effective_from: '2023-01-01', note: 'e2e' },
      headers: { 'X-CSRF-Token': s.csrf_token },
    })
    assert.equal(res.status(), 201, await res.text())
    await admin.close()
    await page.reload({ waitUntil: 'domcontentloaded' })
    await page.locator('[data-test="legend"] [data-legend="far_behind"]', { hasText: '落后超过 5 个百分点' }).waitFor({ timeout: 20000 })
    // …but not for a day before it took effect
    await page.goto(`${baseUrl()}/dashboard?region=540000&year=2022&as_of=2022-07-05`, { waitUntil: 'domcontentloaded' })
    await page.locator('[data-test="legend"] [data-legend="far_behind"]', { hasText: '落后超过 10 个百分点' }).waitFor({ timeout: 20000 })
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})
