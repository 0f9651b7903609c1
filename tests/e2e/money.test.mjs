// E2E: one way to show money (issue #21 point 5, docs/definitions.md §18). A reversal (冲销) of the
// demo shows the same amount, sign and style on the ledger page and on its project's page, and the
// export button offers CSV: every matching row, the title with the filters, the reversal negative.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
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
