// E2E: one way to show money (issue #21 point 5, docs/definitions.md §18). A reversal (冲销) of the
// demo shows the same amount, sign and style on the ledger page and on its project's page, and the
// export button offers CSV: every matching row, the title with the filters, the reversal negative,
// the fund source named as on the screen; and that CSV imports back through the import screen as it
// is (title lines and 合计 row skipped), in UTF-8 or re-saved as GB18030.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { launch, openPage, baseUrl, screenshot, screenshotDir, signIn, useServer, stopServer } from './lib.mjs'

let browser
before(async () => {
  ;[browser] = await Promise.all([launch(), useServer()])
})
after(async () => {
  await browser?.close()
  await stopServer()
})

async function apiGet(page, path) {
  const res = await page.request.get(`${baseUrl()}${path}`)
  assert.equal(res.status(), 200, `${path}: ${res.status()}`)
  return res.json()
}

/** 元 to the fen with thousands separators, computed here from the API's integer fen. */
function yuan(fen) {
  const v = BigInt(fen)
  const abs = v < 0n ? -v : v
  return `${v < 0n ? '-' : ''}${(abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${String(abs % 100n).padStart(2, '0')}`
}

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The amount cell of the row holding `entryId` in the table under `scope`: its text and classes. */
async function amountOf(page, scope, entryId) {
  const exact = new RegExp(`^\\s*${escapeRe(entryId)}\\s*$`)
  const row = page.locator(`${scope} .el-table__body-wrapper tbody tr`).filter({ has: page.locator('td', { hasText: exact }) }).first()
  await row.waitFor({ timeout: 15000 })
  const cell = row.locator('[data-test="voucher-amount"]')
  return { text: (await cell.innerText()).trim(), cls: (await cell.getAttribute('class')) ?? '', color: await cell.evaluate((el) => getComputedStyle(el).color) }
}

test('a reversal shows the same amount, sign and style on the ledger page and the project page; export offers CSV', async () => {
  const { context, page, errors } = await openPage(browser, { acceptDownloads: true })
  try {
    await signIn(page, 'finance')
    const found = await apiGet(page, '/api/v1/ledger?kind=reverse&page_size=50')
    const reversal = found.items.find((e) => e.project_code)
    assert.ok(reversal, 'the demo holds a reversal of a project payment')
    const expected = yuan(-reversal.amount_fen)
    assert.ok(expected.startsWith('-'))

    // 资金台账: the list filtered to the voucher
    await page.goto(`${baseUrl()}/ledger?q=${encodeURIComponent(reversal.entry_id)}`, { waitUntil: 'domcontentloaded' })
    const onLedger = await amountOf(page, '[data-test="ledger-table"]', reversal.entry_id)
    assert.equal(onLedger.text, expected)
    assert.match(onLedger.cls, /\bamount-negative\b/)
    // the reversed payment itself stays positive and unstyled
    const payment = await apiGet(page, `/api/v1/ledger?q=${encodeURIComponent(reversal.reverses)}&page_size=5`)
    const paid = payment.items.find((e) => e.entry_id === reversal.reverses)
    if (paid) {
      await page.goto(`${baseUrl()}/ledger?q=${encodeURIComponent(paid.entry_id)}`, { waitUntil: 'domcontentloaded' })
      const p = await amountOf(page, '[data-test="ledger-table"]', paid.entry_id)
      assert.equal(p.text, yuan(paid.amount_fen))
      assert.doesNotMatch(p.cls, /amount-negative/)
      await page.goto(`${baseUrl()}/ledger?q=${encodeURIComponent(reversal.entry_id)}`, { waitUntil: 'domcontentloaded' })
      await amountOf(page, '[data-test="ledger-table"]', reversal.entry_id)
    }
    await page.waitForTimeout(300)
    await screenshot(page, 'money-ledger-reversal.png')

    // The export button offers CSV beside XLSX; the CSV holds the reversal negative, to the fen, ungrouped.
    await page.locator('[data-test="export-ledger-more"]').click()
    const csvItem = page.locator('[data-test="export-ledger-csv"]')
    await csvItem.waitFor({ state: 'visible', timeout: 5000 })
    assert.equal((await csvItem.innerText()).trim(), '导出 CSV')
    assert.equal((await page.locator('[data-test="export-ledger-xlsx"]').innerText()).trim(), '导出 Excel（XLSX）')
    await screenshot(page, 'money-export-menu.png')
    const [download] = await Promise.all([page.waitForEvent('download'), csvItem.click()])
    assert.equal(download.suggestedFilename(), '资金台账.csv')
    const lines = fs.readFileSync(await download.path(), 'utf8').split('\r\n')
    assert.ok(lines[0].startsWith('\uFEFF'))
    assert.match(lines[0], new RegExp(`资金台账（含“${escapeRe(reversal.entry_id)}”）$`))
    const row = lines.find((l) => l.startsWith(`${reversal.entry_id},`))
    assert.ok(row, 'the reversal is exported')
    assert.equal(row.split(',')[7], expected.replace(/,/g, ''))
    // The screen and the export name the fund source alike (one label table, docs/definitions.md §18).
    const exportHeader = lines[2].split(',')
    assert.deepEqual(exportHeader.slice(0, 5), ['凭证号', '日期', '类型', '资金来源', '资金年度'])
    const shownSource = (await page.locator('[data-test="ledger-table"] [data-test="fund-source"]').first().innerText()).trim()
    assert.equal(shownSource, row.split(',')[3])
    assert.match(shownSource, /^(中央财政衔接资金|省级衔接资金|地市级衔接资金|县级衔接资金|统筹整合财政涉农资金|其他资金)$/)
    const screenHeader = await page.locator('[data-test="ledger-table"] .el-table__header-wrapper').innerText()
    for (const label of ['凭证号', '日期', '类型', '资金来源', '资金年度', '项目编码', '金额（元）', '收款方']) assert.ok(screenHeader.includes(label), label)

    // 项目详情: the project's ledger shows the same text and style
    await page.goto(`${baseUrl()}/projects/${reversal.project_code}`, { waitUntil: 'domcontentloaded' })
    await page.locator('[data-test="ledger"]').waitFor({ timeout: 15000 })
    const onProject = await amountOf(page, '[data-test="ledger"]', reversal.entry_id)
    assert.deepEqual(onProject, onLedger)
    const header = await page.locator('[data-test="ledger"] .el-table__header-wrapper').innerText()
    assert.match(header, /金额（元）/)
    await page.locator('[data-test="ledger"]').scrollIntoViewIfNeeded()
    await page.waitForTimeout(300)
    // the project page's ledger lies below the fold: shoot the section itself
    await page.locator('[data-test="ledger"]').screenshot({ path: path.join(screenshotDir(), 'money-project-reversal.png') })
    assert.deepEqual(errors, [])
  } finally {
    await context.close()
  }
})

test('the ledger CSV export imports back through the import screen as it is, also re-saved as GB18030 by Excel', async () => {
  const { context, page, errors } = await openPage(browser)
  try {
    await signIn(page, 'finance')
    // The allocations of 城关区: several kinds would have no 合计; one kind has it as the last line.
    const res = await page.request.get(`${baseUrl()}/api/v1/exports/ledger.xlsx?region=540102&kind=allocate&format=csv`)
    assert.equal(res.status(), 200)
    const utf8 = Buffer.from(await res.body())
    const lines = utf8.toString('utf8').split('\r\n')
    assert.match(lines[0], /资金台账（类型：下达）$/)
    assert.equal(lines[1], '单位：元')
    assert.match(lines.at(-2), /^合计,/)
    const vouchers = lines.length - 5 // title, units, header, 合计 and the empty string after the last CRLF
    assert.ok(vouchers > 0)
    // Excel or WPS on Chinese Windows saves it again as GB18030, without the BOM.
    const iconv = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: utf8.subarray(3) })
    assert.equal(iconv.status, 0, String(iconv.stderr))
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xj-money-'))
    for (const [name, bytes, encoding] of [['资金台账.csv', utf8, 'UTF-8'], ['资金台账-wps.csv', iconv.stdout, 'GB18030']]) {
      const file = path.join(dir, name)
      fs.writeFileSync(file, bytes)
      await page.goto(`${baseUrl()}/imports`, { waitUntil: 'domcontentloaded' })
      await page.locator('[data-view="imports"]').waitFor({ timeout: 15000 })
      await page.locator('[data-test="import-file"] input[type="file"]').setInputFiles(file)
      await page.locator('[data-test="import-start"]').click()
      await page.locator('[data-test="import-result"]').waitFor({ timeout: 30000 })
      assert.match(await page.locator('[data-test="import-result"]').innerText(), /导入成功/, name)
      const counts = (await page.locator('[data-test="import-count"]').allInnerTexts()).map((c) => c.replace(/\s+/g, ' ').trim())
      assert.ok(counts.includes(`${vouchers} 读取行数`), counts.join(' | '))
      assert.ok(counts.includes(`${vouchers} 未变（重复导入）`), counts.join(' | '))
      assert.ok(counts.includes('0 新增'), counts.join(' | '))
      assert.match(await page.locator('[data-test="import-encoding"]').innerText(), new RegExp(`^文件编码：${encoding}`))
    }
    await page.waitForTimeout(300)
    await screenshot(page, 'money-ledger-csv-reimported.png')
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})
