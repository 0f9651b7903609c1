// E2E: the audit trail answers "who changed what" (issue #21 point 7). A county officer changes a
// project's total investment and a finance officer reverses a voucher; the auditor finds each by
// its own key (no type prefix), reads the change in Chinese with the amounts in 万元 (a reversal's
// voucher amount in 元 to the fen, as on the ledger page), opens the
// detail (字段 / 原值 / 新值, the changed row highlighted, the exact 元 beside the 万元) and the
// reversal's voucher, amount and reason; the export button downloads every matching row.
// Screenshots at 1440×900 and 390×844.
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

const tag = Date.now().toString(36).toUpperCase()
const code = `E2E-AUD-${tag}`
const voucher = `E2E-PZ-${tag}`

/** Until no loading mask is visible (the list's v-loading fades out). */
const settled = (page) =>
  page.waitForFunction(() => ![...document.querySelectorAll('.el-loading-mask')].some((m) => m.offsetParent !== null), null, { timeout: 15000 })

/** As `username`, calls the API with the session's CSRF token; asserts the status. */
async function asUser(username, calls) {
  const { context, page } = await openPage(browser)
  try {
    const grant = await signIn(page, username)
    const send = async (method, path, data, status) => {
      const res = await page.request.fetch(`${baseUrl()}${path}`, { method, data, headers: { 'X-CSRF-Token': grant.csrf_token } })
      assert.equal(res.status(), status, `${method} ${path}: ${await res.text()}`)
      return res.json()
    }
    await calls(send)
  } finally {
    await context.close()
  }
}

const project = {
  project_code: code, name: '审计演示青稞加工项目', year: 2024, region_code: '540102', category: '0102',
  total_investment_fen: 100_000_000, central_fund_fen: 80_000_000, other_fund_fen: 20_000_000,
  planned_start: '2024-04-01', planned_finish: '2024-10-31', responsible_person: '格桑旺堆',
  sheet: { implementing_unit: '城关区农业农村局', construction_content: '新建青稞加工车间', fund_uses: '厂房及设备' },
}
const entry = (over) => ({
  entry_id: voucher, date: '2024-03-01', kind: 'allocate', fund_source: 'central', fund_year: 2024,
  region_code: '540102', amount_fen: 123_456_789, ...over,
})

test('the auditor finds a project by its code and a voucher by its number, reads the change and opens the detail', async () => {
  await asUser('chengguan', async (send) => {
    const made = await send('POST', '/api/v1/projects', project, 201)
    await send('PUT', `/api/v1/projects/${code}`, { ...project, total_investment_fen: 123_456_789, version: made.version }, 200)
  })
  await asUser('finance', async (send) => {
    await send('POST', '/api/v1/ledger', entry({}), 201)
    await send('POST', '/api/v1/ledger', entry({ entry_id: `${voucher}-CX`, kind: 'reverse', reverses: voucher, note: '重复录入，冲销' }), 201)
  })

  const { context, page, errors } = await openPage(browser, { viewport: { width: 1440, height: 900 }, acceptDownloads: true })
  try {
    await signIn(page, 'auditor')
    await page.goto(`${baseUrl()}/audit`, { waitUntil: 'domcontentloaded' })
    await page.locator('[data-test="audit-table"] tbody tr').first().waitFor({ timeout: 15000 })
    // The project code typed as it is, no "project:" prefix.
    await page.locator('[data-test="a-entity"] input, input[data-test="a-entity"]').first().fill(code)
    await page.locator('[data-test="a-search"]').click()
    await page.waitForURL(new RegExp(`entity=${code}`))
    const rows = page.locator('[data-test="audit-table"] tbody tr')
    await page.locator('[data-test="audit-total"]', { hasText: '共 2 条记录' }).waitFor({ timeout: 15000 })
    const first = await rows.first().innerText()
    assert.match(first, /修改项目/)
    assert.match(first, new RegExp(`项目：${code}`))
    assert.match(first, /总投资：100\.00 万元 → 123\.46 万元/)
    assert.match(first, /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/, 'a Beijing time')
    assert.match(await rows.nth(1).innerText(), /新建项目/)
    await settled(page)
    await screenshot(page, 'audit.png')

    // The detail: every field, the changed one highlighted, 万元 with the exact 元.
    await rows.first().locator('[data-test="audit-detail"]').click()
    const drawer = page.locator('.el-drawer', { hasText: '审计记录 #' })
    await drawer.locator('[data-test="audit-diff"]').waitFor({ timeout: 10000 })
    const changed = drawer.locator('[data-test="audit-diff"] tbody tr.changed-row')
    assert.equal(await changed.count(), 1, 'only the total investment changed')
    const line = await changed.innerText()
    assert.match(line, /总投资/)
    assert.match(line, /100\.00 万元（1,000,000\.00 元）/)
    assert.match(line, /123\.46 万元（1,234,567\.89 元）/)
    assert.match(await drawer.locator('[data-test="audit-diff"]').innerText(), /实施单位[\s\S]*城关区农业农村局/)
    await page.waitForTimeout(400) // the drawer's transition
    await screenshot(page, 'audit-detail.png')
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'hidden' })

    // The original voucher: its own row and the reversal that names it.
    await page.goto(`${baseUrl()}/audit?entity=${voucher}`, { waitUntil: 'domcontentloaded' })
    await page.locator('[data-test="audit-total"]', { hasText: '共 2 条记录' }).waitFor({ timeout: 15000 })
    const reversal = page.locator('[data-test="audit-table"] tbody tr').first()
    assert.match(await reversal.innerText(), new RegExp(`冲销凭证 ${voucher}-CX（冲销 ${voucher}）：金额 -1,234,567\\.89 元，原因：重复录入，冲销`))
    await reversal.locator('[data-test="audit-detail"]').click()
    const revTable = page.locator('[data-test="audit-reversals"]')
    await revTable.waitFor({ timeout: 10000 })
    assert.match(await revTable.innerText(), new RegExp(`${voucher}-CX\\s+${voucher}\\s+-1,234,567\\.89\\s+重复录入，冲销`))
    assert.match(await revTable.locator('[data-test="voucher-amount"]').getAttribute('class'), /\bamount-negative\b/)
    await page.waitForTimeout(400) // the drawer's transition
    await screenshot(page, 'audit-reversal.png')
    await page.keyboard.press('Escape')

    // Export: the server's file of every matching row.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="export-audit"]').click()])
    assert.match(download.suggestedFilename(), /^审计日志.*\.xlsx$/)
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }

  const mobile = await openPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true })
  try {
    await signIn(mobile.page, 'auditor')
    await mobile.page.goto(`${baseUrl()}/audit?entity=${code}`, { waitUntil: 'domcontentloaded' })
    await mobile.page.locator('[data-test="audit-total"]', { hasText: '共 2 条记录' }).waitFor({ timeout: 15000 })
    await settled(mobile.page)
    await screenshot(mobile.page, 'audit-390.png')
    await mobile.page.locator('[data-test="audit-table"] tbody tr').first().locator('[data-test="audit-detail"]').click()
    await mobile.page.locator('[data-test="audit-diff"] tbody tr.changed-row').waitFor({ timeout: 10000 })
    await mobile.page.waitForTimeout(400)
    await screenshot(mobile.page, 'audit-detail-390.png')
    assert.deepEqual(mobile.errors, [], `console errors:\n${mobile.errors.join('\n')}`)
  } finally {
    await mobile.context.close()
  }
})
