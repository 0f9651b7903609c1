// E2E: the API reference at /api/docs renders every area of the contract in Chromium with nothing
// fetched from outside this server, and shows the worked example of the finance system's batch.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { launch, openPage, baseUrl, screenshot, useServer, stopServer } from './lib.mjs'

let browser
before(async () => {
  ;[browser] = await Promise.all([launch(), useServer()])
})
after(async () => {
  await browser?.close()
  await stopServer()
})

test('the API reference renders from this server alone', async () => {
  const { context, page, errors } = await openPage(browser)
  const foreign = []
  page.on('request', (r) => {
    const u = new URL(r.url())
    if (!['127.0.0.1', 'localhost'].includes(u.hostname) && u.protocol !== 'data:') foreign.push(r.url())
  })
  try {
    await page.goto(`${baseUrl()}/api/docs`, { waitUntil: 'domcontentloaded' })
    await page.locator('.swagger-ui .info .title').waitFor({ timeout: 30000 })
    assert.match(await page.locator('.swagger-ui .info .title').innerText(), /衔接 xianjie API/)
    for (const tag of ['tokens', 'ledger', 'projects', 'figures']) {
      await page.locator(`.opblock-tag-section [data-tag="${tag}"]`).waitFor()
    }
    // open the ledger batch and see the finance system's example
    await page.locator('[data-tag="ledger"]').click()
    await page.locator('#operations-ledger-postLedger').click()
    await page.locator('#operations-ledger-postLedger').getByText('CZ-20230612-001').first().waitFor({ timeout: 10000 })
    await screenshot(page, 'api-docs.png')
    assert.deepEqual(foreign, [], 'nothing is loaded from elsewhere')
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})
