// E2E: Excel in and out (issue #7, #6 point 4) — a finance officer imports an XLSX ledger as a job
// (progress bar, then the result page), a workbook with bad rows ends with the errors table and the
// error workbook download; the dashboard's 导出月调度表 downloads a workbook; the 季通报 page prints.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { launch, openPage, baseUrl, screenshot, screenshotDir, signIn, useServer, stopServer, repoRoot } from './lib.mjs'

let browser
before(async () => {
  ;[browser] = await Promise.all([launch(), useServer()])
})
after(async () => {
  await browser?.close()
  await stopServer()
})

const VIEW = '/dashboard?region=540000&year=2023&as_of=2023-07-05'
const fixture = (name) => path.join(repoRoot, 'tests', 'fixtures', 'xlsx', name)

/** Uploads `file` on the import screen and waits for the result page; returns the progress texts seen. */
async function importFile(page, file) {
  await page.locator('[data-test="import-file"] input[type="file"]').setInputFiles(file)
  await page.locator('[data-test="import-start"]').click()
  await page.locator('[data-test="import-progress"]').waitFor({ timeout: 10000 })
  const seen = new Set()
  for (let i = 0; i < 300; i++) {
    const text = await page.locator('[data-test="import-progress-text"]').innerText().catch(() => '')
    if (text) seen.add(text)
    if (await page.locator('[data-test="import-result"]').isVisible()) break
    await page.waitForTimeout(100)
  }
  await page.locator('[data-test="import-result"]').waitFor({ timeout: 30000 })
  return [...seen]
}

test('an XLSX import job shows its progress and ends with counts, or with the errors table and workbook', async () => {
  const { context, page, errors } = await openPage(browser, { acceptDownloads: true })
  try {
    await signIn(page, 'finance')
    // A real workbook to import: this server's own ledger export (every entry, so all unchanged).
    const exported = await page.request.get(`${baseUrl()}/api/v1/exports/ledger.xlsx?region=540000`)
    assert.equal(exported.status(), 200)
    const big = path.join(screenshotDir(), 'e2e-ledger-export.xlsx')
    fs.writeFileSync(big, await exported.body())

    await page.goto(`${baseUrl()}/imports`, { waitUntil: 'domcontentloaded' })
    await page.locator('[data-view="imports"]').waitFor({ timeout: 15000 })
    const seen = await importFile(page, big)
    const done = await page.locator('[data-test="import-result"]').innerText()
    assert.match(done, /导入成功/)
    assert.match(done, /未变（重复导入）/)
    assert.match(await page.locator('[data-test="import-progress-text"]').innerText(), /^完成：共 [\d,]+ 行$/)
    assert.ok(seen.length >= 1, 'the progress text was shown')
    await screenshot(page, 'import-success.png')

    await page.locator('[data-test="import-again"]').click()
    await importFile(page, fixture('ledger_errors.xlsx'))
    const result = await page.locator('[data-test="import-result"]').innerText()
    assert.match(result, /导入未成功，未写入任何数据/)
    const table = await page.locator('[data-test="import-errors"]').innerText()
    assert.match(table, /B123/)
    assert.match(table, /2023-02-30/)
    assert.match(table, /non_positive_amount/)
    assert.match(table, /invalid_kind/)
    assert.match(await page.locator('[data-test="import-progress-text"]').innerText(), /发现 3 处问题/)
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-test="import-errors-download"]').click(),
    ])
    assert.match(download.suggestedFilename(), /^导入错误表-[0-9a-f]{16}\.xlsx$/)
    assert.equal(fs.readFileSync(await download.path()).subarray(0, 2).toString(), 'PK')
    await page.waitForTimeout(300)
    await screenshot(page, 'import-errors.png', { fullPage: true })
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})

test('the dashboard exports the monthly dispatch table as a workbook', async () => {
  const { context, page, errors } = await openPage(browser, { acceptDownloads: true })
  try {
    await signIn(page, 'leader')
    await page.goto(`${baseUrl()}${VIEW}`, { waitUntil: 'domcontentloaded' })
    await page.locator('[data-test="export-dispatch"]').waitFor({ timeout: 15000 })
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="export-dispatch"]').click()])
    assert.equal(download.suggestedFilename(), '月调度表-540000-2023-07-05.xlsx')
    const bytes = fs.readFileSync(await download.path())
    assert.equal(bytes.subarray(0, 2).toString(), 'PK')
    assert.ok(bytes.length > 4000)
    await page.locator('.el-message--success').waitFor({ timeout: 5000 })
    await screenshot(page, 'export-dispatch.png')
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})

test('the quarterly bulletin is a printable A4 page with the headline figures, ranking and lagging units', async () => {
  const { context, page, errors } = await openPage(browser, { viewport: { width: 1000, height: 1300 } })
  try {
    await signIn(page, 'leader')
    await page.goto(`${baseUrl()}/bulletin?region=540000&year=2023&as_of=2023-07-05`, { waitUntil: 'domcontentloaded' })
    await page.locator('[data-test="bulletin-title"]').waitFor({ timeout: 15000 })
    assert.equal(await page.locator('[data-test="bulletin-title"]').innerText(), '西藏自治区2023年第三季度衔接资金项目推进情况通报')
    const summary = await page.locator('[data-test="bulletin-summary"]').innerText()
    assert.match(summary, /开工率 99\.74%（同比 \+17\.00 个百分点）/)
    assert.match(summary, /支出进度 54\.41%/)
    assert.equal(await page.locator('[data-test="bulletin-card"]').count(), 4)
    assert.ok((await page.locator('[data-test="bulletin-ranking"] tbody tr').count()) >= 70)
    // places in the scheme and its N and amount, from the policy
    assert.match(await page.locator('[data-test="bulletin-ranking"] tbody tr').first().innerText(), /^第1名\/共74/)
    assert.match(await page.locator('[data-test="bulletin-scheme"]').innerText(), /74 个县参与排名，前 10 名奖励、后 10 名扣减 2,000\.00 万元/)
    await page.locator('[data-test="bulletin-chart"] svg').first().waitFor()
    await page.waitForTimeout(300)
    await screenshot(page, 'bulletin.png')
    // As printed: the toolbar is hidden, A4 pages come out of Chromium's print-to-PDF.
    await page.emulateMedia({ media: 'print' })
    assert.equal(await page.locator('[data-test="bulletin-print"]').isVisible(), false)
    await screenshot(page, 'bulletin-print.png')
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })
    assert.equal(pdf.subarray(0, 4).toString(), '%PDF')
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length
    assert.ok(pages >= 2 && pages <= 4, `pages: ${pages}`)
    fs.writeFileSync(path.join(screenshotDir(), 'bulletin.pdf'), pdf)
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})
