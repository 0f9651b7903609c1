// E2E: 资金台账 — a finance officer enters an expenditure (typed in 元) and the dashboard figure
// moves; a bad form shows Chinese messages from the client and from the server.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { launch, openPage, baseUrl, screenshot, signIn, useServer, stopServer, pickInCascader } from './lib.mjs'

let browser
before(async () => {
  ;[browser] = await Promise.all([launch(), useServer()])
})
after(async () => {
  await browser?.close()
  await stopServer()
})

const VIEW = '/dashboard?region=540000&year=2023&as_of=2023-07-05'
const expendCard = (page) => page.locator('[data-card="expend_progress"] [data-test="card-value"]')

async function fill(page, field, value) {
  await page.locator(`input[data-test="f-${field}"], [data-test="f-${field}"] input`).first().fill(value)
}

/** Picks a payee type (an expenditure must say whom it paid). */
async function payeeType(page, label) {
  await page.locator('[data-test="f-payee_type"]').click()
  await page.locator(`.el-select-dropdown__item:visible:has-text("${label}")`).click()
}

test('a rejected form shows Chinese errors: client checks first, then the server’s row/column details', async () => {
  const { context, page, errors } = await openPage(browser)
  try {
    await signIn(page, 'finance')
    await page.goto(`${baseUrl()}/ledger`, { waitUntil: 'domcontentloaded' })
    await page.locator('[data-test="ledger-form"]').waitFor({ timeout: 15000 })
    await fill(page, 'entry_id', 'E2E-BAD-1')
    // the region is picked in the cascader (县 → 乡 → 村), never typed: left empty here
    await fill(page, 'amount', '12.345')
    await page.locator('[data-test="submit"]').click()
    await page.locator('.el-form-item__error').first().waitFor()
    const text = await page.locator('[data-test="ledger-form"]').innerText()
    assert.match(text, /请填写区划代码/)
    assert.match(text, /拨付和支出必须填写项目编码/)
    assert.match(text, /金额最多两位小数（分）/)
    assert.match(text, /支出必须选择收款方类型/)

    // valid for the client, refused by the server: unknown project
    assert.equal(await pickInCascader(page, 'f-region_code', ['城关区']), '城关区')
    await payeeType(page, '企业')
    await fill(page, 'project_code', 'XZ-NO-SUCH-PROJECT')
    await fill(page, 'amount', '100.00')
    await page.locator('[data-test="submit"]').click()
    await page.locator('[data-test="server-error"]').waitFor({ timeout: 10000 })
    const err = await page.locator('[data-test="server-error"]').innerText()
    assert.match(err, /服务器拒绝了该凭证/)
    assert.match(err, /第 1 行【项目编码】项目编码不存在（填写值：XZ-NO-SUCH-PROJECT）/)
    await page.waitForTimeout(400) // input border transitions
    await screenshot(page, 'ledger-error.png')

    // a project in the library, never funded: the payment has no basis in the plan (checked before saving)
    await fill(page, 'project_code', 'XZ2024540102L004')
    await page.locator('[data-test="submit"]').click()
    await page.locator('[data-test="server-error"]', { hasText: '没有计划依据' }).waitFor({ timeout: 10000 })
    const refused = await page.locator('[data-test="server-error"]').innerText()
    assert.match(refused, /该项目未安排资金（未到“资金已安排”，或已撤项、退回）：这笔拨付\/支出没有计划依据，不能记账/)
    assert.match(refused, /【项目编码】项目未安排资金/)
    const stored = await (await page.request.get(`${baseUrl()}/api/v1/ledger?q=E2E-BAD-1`)).json()
    assert.equal(stored.total, 0)
    await page.waitForTimeout(300)
    await screenshot(page, 'ledger-not-funded.png', { fullPage: true })
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})

test('entering an expenditure as finance updates the dashboard figure', async () => {
  const { context, page, errors } = await openPage(browser)
  try {
    await signIn(page, 'finance')
    await page.goto(`${baseUrl()}${VIEW}`, { waitUntil: 'domcontentloaded' })
    await expendCard(page).waitFor({ timeout: 20000 })
    const before = await expendCard(page).innerText()
    assert.equal(before, '54.41%')

    await page.locator('.shell-aside [data-menu="/ledger"]').click()
    await page.locator('[data-test="ledger-form"]').waitFor()
    // 1.00 point of the 557,962.00 万元 allocated: 55,796,200.00 元
    await fill(page, 'entry_id', 'E2E-EXPEND-1')
    const date = page.locator('[data-test="ledger-form"] .el-date-editor input')
    await date.fill('2023-07-05')
    await date.press('Enter')
    await page.keyboard.press('Escape')
    await fill(page, 'fund_year', '2023')
    assert.equal(await pickInCascader(page, 'f-region_code', ['城关区']), '城关区')
    await fill(page, 'project_code', 'XZ20235401020001')
    await fill(page, 'amount', '55,796,200.00')
    await fill(page, 'payee', '拉萨某建筑工程有限公司')
    await payeeType(page, '企业')
    assert.match(await page.locator('[data-test="amount-preview"]').innerText(), /合 5,579\.62 万元/)
    await page.locator('[data-test="submit"]').click()
    // Far beyond what the project was arranged: the form warns before saving (a flag, not a refusal).
    const warning = page.locator('.ledger-warning')
    await warning.waitFor({ timeout: 10000 })
    assert.match(await warning.innerText(), /保存后将产生问题预警[\s\S]*【超安排支出】XZ20235401020001：[\d,.]+ 万元/)
    await page.waitForTimeout(400)
    await screenshot(page, 'ledger-warning.png')
    // 返回修改: nothing saved
    await warning.locator('.el-button', { hasText: '返回修改' }).click()
    await warning.waitFor({ state: 'hidden' })
    assert.equal((await (await page.request.get(`${baseUrl()}/api/v1/ledger?q=E2E-EXPEND-1`)).json()).total, 0)
    // 仍然保存: the ledger holds what really happened
    await page.locator('[data-test="submit"]').click()
    await warning.waitFor({ timeout: 10000 })
    await warning.locator('.el-button', { hasText: '仍然保存' }).click()
    await page.locator('[data-test="recent"] .el-table__body-wrapper tbody tr').first().waitFor({ timeout: 10000 })
    assert.match(await page.locator('[data-test="recent"]').innerText(), /E2E-EXPEND-1[\s\S]*55,796,200\.00[\s\S]*已记账/)
    await page.waitForTimeout(400)
    await screenshot(page, 'ledger-saved.png')

    await page.goto(`${baseUrl()}${VIEW}`, { waitUntil: 'domcontentloaded' })
    await page.waitForFunction(
      () => document.querySelector('[data-card="expend_progress"] [data-test="card-value"]')?.textContent === '55.41%',
      null,
      { timeout: 20000 },
    )
    assert.match(await page.locator('[data-card="expend_progress"]').innerText(), /同比 \+34\.00 个百分点/)
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})

test('the ledger list filters by URL, and a finance officer reverses an entry once', async () => {
  const { context, page, errors } = await openPage(browser)
  try {
    await signIn(page, 'finance')
    await page.goto(`${baseUrl()}/ledger`, { waitUntil: 'domcontentloaded' })
    await page.locator('[data-test="ledger-form"]').waitFor({ timeout: 15000 })
    await fill(page, 'entry_id', 'E2E-REV-1')
    assert.equal(await pickInCascader(page, 'f-region_code', ['城关区']), '城关区')
    await fill(page, 'project_code', 'XZ20235401020001')
    await fill(page, 'amount', '1,234.56')
    await fill(page, 'payee', '冲销测试施工队')
    await payeeType(page, '企业')
    await page.locator('[data-test="submit"]').click()
    // When the expenditure test ran first the project is already over what was arranged: confirm.
    const warned = page.locator('.ledger-warning')
    await Promise.race([warned.waitFor({ timeout: 10000 }).then(() => warned.locator('.el-button', { hasText: '仍然保存' }).click()),
      page.locator('[data-test="recent"]').waitFor({ timeout: 10000 })]).catch(() => {})
    await page.locator('[data-test="recent"]').waitFor({ timeout: 10000 })

    // The list, narrowed through the URL, shows the new entry; the link reproduces the view.
    await page.goto(`${baseUrl()}/ledger?q=E2E-REV`, { waitUntil: 'domcontentloaded' })
    const rows = page.locator('[data-test="ledger-table"] .el-table__body-wrapper tbody tr')
    await rows.first().waitFor({ timeout: 15000 })
    assert.equal(await rows.count(), 1)
    assert.match(await rows.first().innerText(), /E2E-REV-1[\s\S]*支出[\s\S]*1,234\.56[\s\S]*冲销测试施工队/)
    assert.equal(await page.locator('input[data-test="l-q"], [data-test="l-q"] input').first().inputValue(), 'E2E-REV')

    // A reason is required; then the reversal is booked and the original is marked.
    await page.locator('[data-test="reverse"]').first().click()
    await page.locator('[data-test="reverse-confirm"]').click()
    await page.getByText('请填写冲销原因').waitFor()
    await page.locator('input[data-test="reverse-reason"], [data-test="reverse-reason"] input').first().fill('金额录入错误')
    await page.locator('[data-test="reverse-confirm"]').click()
    await page.waitForFunction(
      () => document.querySelectorAll('[data-test="ledger-table"] .el-table__body-wrapper tbody tr').length === 2,
      null,
      { timeout: 10000 },
    )
    const text = await page.locator('[data-test="ledger-table"]').innerText()
    assert.match(text, /E2E-REV-1-CX[\s\S]*冲销[\s\S]*-1,234\.56[\s\S]*冲销 E2E-REV-1/)
    assert.match(text, /已被 E2E-REV-1-CX 冲销/)
    assert.equal(await page.locator('[data-test="reverse"]').count(), 0, 'neither row can be reversed again')
    assert.match(await page.locator('[data-test="ledger-total"]').innerText(), /共 2 条凭证/)
    await page.waitForTimeout(300)
    await screenshot(page, 'ledger-list-reversed.png')

    // Filters by kind and source go into the URL.
    await page.goto(`${baseUrl()}/ledger?kind=reverse&fund_source=central&year=2023`, { waitUntil: 'domcontentloaded' })
    await rows.first().waitFor({ timeout: 15000 })
    const kinds = await page.locator('[data-test="ledger-table"] .el-table__body-wrapper tbody tr td:nth-child(3)').allInnerTexts()
    assert.ok(kinds.length > 0 && kinds.every((k) => k.trim() === '冲销'), kinds.join(','))
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})

test('a leader reads the ledger but is offered neither the entry form nor reversal; phones get one column', async () => {
  const { context, page, errors } = await openPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true })
  try {
    await signIn(page, 'leader')
    await page.goto(`${baseUrl()}/ledger?region=540102&year=2023`, { waitUntil: 'domcontentloaded' })
    const rows = page.locator('[data-test="ledger-table"] .el-table__body-wrapper tbody tr')
    await rows.first().waitFor({ timeout: 15000 })
    assert.equal(await page.locator('[data-test="ledger-form"]').count(), 0)
    assert.equal(await page.locator('[data-test="reverse"]').count(), 0)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    assert.ok(overflow <= 1, `page wider than the phone by ${overflow}px`)
    await screenshot(page, 'ledger-list-phone.png')
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})

test('a 以拨代支 flag links to its voucher in the ledger list and to its project', async () => {
  const { context, page, errors } = await openPage(browser)
  try {
    await signIn(page, 'leader')
    await page.goto(`${baseUrl()}/flags?region=540000&year=2023&as_of=2023-07-05&kind=disburse_as_expend`, { waitUntil: 'domcontentloaded' })
    const entryLink = page.locator('[data-test="flag-entry-link"]').first()
    await entryLink.waitFor({ timeout: 20000 })
    const entryId = (await entryLink.innerText()).trim()
    const projectHref = await page.locator('[data-test="flag-project-link"]').first().getAttribute('href')
    assert.match(projectHref, /^\/projects\/XZ/)
    await entryLink.click()
    await page.waitForURL(new RegExp(`/ledger\\?q=${entryId}`), { timeout: 10000 })
    const rows = page.locator('[data-test="ledger-table"] .el-table__body-wrapper tbody tr')
    await rows.first().waitFor({ timeout: 15000 })
    assert.match(await rows.first().innerText(), new RegExp(`${entryId}[\\s\\S]*支出`))
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})
