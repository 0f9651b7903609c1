// E2E: import templates and errors a clerk can read (issue #21 point 6) — a county officer downloads
// the 项目 template from the 导入 screen (下载模板), imports it unchanged through the same screen
// (the example row imports), and a finance officer's failed import names the columns in Chinese; the
// job history shows Beijing time.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { launch, openPage, baseUrl, screenshot, signIn, useServer, stopServer, repoRoot } from './lib.mjs'
import { xlsxRows } from '../lib/xlsx.mjs'

let browser
before(async () => {
  ;[browser] = await Promise.all([launch(), useServer()])
})
after(async () => {
  await browser?.close()
  await stopServer()
})

async function waitResult(page) {
  await page.locator('[data-test="import-result"]').waitFor({ timeout: 30000 })
  return page.locator('[data-test="import-result"]').innerText()
}

test('下载模板 downloads the template of the chosen kind, and the downloaded file imports as it is', async () => {
  const { context, page, errors } = await openPage(browser, { acceptDownloads: true })
  try {
    await signIn(page, 'chengguan')
    await page.goto(`${baseUrl()}/imports`, { waitUntil: 'domcontentloaded' })
    await page.locator('[data-view="imports"]').waitFor({ timeout: 15000 })
    await page.locator('[data-test="import-template"]').waitFor()
    await screenshot(page, 'import-template.png')
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="template-xlsx"]').click()])
    assert.equal(download.suggestedFilename(), '项目导入模板.xlsx')
    const file = await download.path()
    const bytes = fs.readFileSync(file)
    assert.equal(bytes.subarray(0, 2).toString(), 'PK')
    const [header, example] = xlsxRows(bytes)
    assert.equal(header[0], '项目编码')
    assert.ok(header.includes('总投资（万元）'))
    assert.equal(example[header.indexOf('区划代码')], '540102', "the example is in the officer's county")

    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="template-csv"]').click()])
    assert.equal(csv.suggestedFilename(), '项目导入模板.csv')
    assert.match(fs.readFileSync(await csv.path(), 'utf8'), /^\uFEFF项目编码,项目名称/)

    const named = path.join(path.dirname(file), 'template-projects.xlsx')
    fs.copyFileSync(file, named)
    await page.locator('[data-test="import-file"] input[type="file"]').setInputFiles(named)
    await page.locator('[data-test="import-start"]').click()
    const result = await waitResult(page)
    assert.match(result, /导入成功/)
    const counts = await page.locator('[data-test="import-count"]').allInnerTexts()
    assert.ok(counts.some((c) => /^1\s*新增$/.test(c.trim())), counts.join(' | '))
    await screenshot(page, 'import-template-imported.png')
    // The job history shows the time in Beijing time (UTC+8), as the one formatter writes it.
    await page.locator('[data-test="import-again"]').click()
    const history = await page.locator('[data-test="import-history"]').innerText()
    const shown = history.match(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/)?.[0]
    assert.ok(shown, history)
    const jobs = await (await page.request.get(`${baseUrl()}/api/v1/imports/jobs`)).json()
    const utc = new Date(jobs.items[0].created_at)
    const beijing = new Date(utc.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ')
    assert.equal(shown, beijing)
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})

test('a failed import lists its problems under the Chinese column names', async () => {
  const { context, page, errors } = await openPage(browser)
  try {
    await signIn(page, 'finance')
    await page.goto(`${baseUrl()}/imports`, { waitUntil: 'domcontentloaded' })
    await page.locator('[data-view="imports"]').waitFor({ timeout: 15000 })
    await page.locator('[data-test="import-file"] input[type="file"]').setInputFiles(path.join(repoRoot, 'tests', 'fixtures', 'xlsx', 'ledger_errors.xlsx'))
    await page.locator('[data-test="import-start"]').click()
    assert.match(await waitResult(page), /导入未成功/)
    const table = await page.locator('[data-test="import-errors"]').innerText()
    assert.match(table, /日期/)
    assert.match(table, /金额/)
    assert.match(table, /类型/)
    assert.doesNotMatch(table, /\tamount\t|\tdate\t/)
    await screenshot(page, 'import-errors-chinese.png', { fullPage: true })
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})
