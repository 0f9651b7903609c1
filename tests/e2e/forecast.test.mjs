// E2E: 预计年末进度 on the wall chart and in the bulletin (issue #22 point 4, docs/definitions.md §21) —
// the card shows the region and each child with the API's forecast, interval and 预计未达标 mark, and the
// bulletin lists the counties predicted to miss.
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
const pct = (v) => `${v.toFixed(2)}%`

test('the wall chart shows each unit’s year-end forecast with its interval and marks those predicted to miss', async () => {
  const { context, page, errors } = await openPage(browser, { viewport: { width: 1440, height: 900 } })
  try {
    await signIn(page, 'leader')
    await page.goto(`${baseUrl()}/dashboard?region=540000&${VIEW}`, { waitUntil: 'domcontentloaded' })
    const card = page.locator('[data-test="forecast"]')
    await card.locator('[data-test="forecast-table"] tbody tr').first().waitFor({ timeout: 20000 })
    const api = await page.evaluate(async (q) => (await fetch(`/api/v1/forecast?region=540000&${q}`)).json(), VIEW)
    const shown = api.items.filter((i) => i.status !== 'no_allocation')
    assert.ok(shown.length >= 2, 'the region and its prefectures')
    assert.equal(await card.locator('[data-test="forecast-table"] tbody tr').count(), shown.length)
    for (const i of shown) {
      const cell = card.locator(`[data-forecast="${i.region_code}"]`)
      const text = await cell.innerText()
      assert.ok(text.includes(pct(i.forecast)), `${i.name}: ${text} has ${pct(i.forecast)}`)
      if (i.low !== i.high) assert.ok(text.includes(`${pct(i.low)}–${pct(i.high)}`), `${i.name}: interval`)
      assert.equal(await card.locator(`[data-miss="${i.region_code}"]`).count(), i.will_miss ? 1 : 0, `${i.name}: mark`)
    }
    assert.match(await card.locator('.page-card-title').innerText(), /预计年末进度[\s\S]*年末目标 90\.00%/)
    await card.scrollIntoViewIfNeeded()
    await screenshot(page, 'forecast-wallchart.png', { fullPage: true })
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})

test('the bulletin names the counties predicted to miss', async () => {
  const { context, page, errors } = await openPage(browser, { viewport: { width: 1440, height: 900 } })
  try {
    await signIn(page, 'leader')
    await page.goto(`${baseUrl()}/bulletin?region=540000&${VIEW}`, { waitUntil: 'domcontentloaded' })
    await page.locator('[data-test="bulletin-title"]').waitFor({ timeout: 20000 })
    const api = await page.evaluate(async (q) => (await fetch(`/api/v1/forecast?region=540000&${q}`)).json(), VIEW)
    if (api.at_risk.length === 0) {
      await page.locator('[data-test="bulletin-forecast-none"]').waitFor({ timeout: 20000 })
    } else {
      const names = page.locator('[data-test="bulletin-forecast"] [data-county]')
      await names.first().waitFor({ timeout: 20000 })
      // one paragraph per prefecture, in the order of its lowest county, the counties lowest first
      const groups = new Map()
      for (const c of api.at_risk) groups.set(c.parent_name, [...(groups.get(c.parent_name) ?? []), c])
      const order = [...groups.values()].flat()
      assert.deepEqual(await names.allInnerTexts(), order.map((c) => `${c.name} ${pct(c.forecast)}`))
      assert.match(await page.locator('[data-view="bulletin"]').innerText(), new RegExp(`以下 ${api.at_risk.length} 个县（区）`))
    }
    await page.locator('[data-test="bulletin-forecast"], [data-test="bulletin-forecast-none"]').first().scrollIntoViewIfNeeded()
    await screenshot(page, 'forecast-bulletin.png', { fullPage: true })
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})
