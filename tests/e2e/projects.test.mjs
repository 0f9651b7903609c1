// E2E: 项目库 — a county officer (chengguan, 城关区 540102) lists only 城关区 projects, searches 牦牛,
// exports the page, opens a project, records a pre-procedure, runs a workflow action from the detail
// page and sees the new state; a stale version shows the server's Chinese 409 message; a leader sees
// the same project without any action buttons.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import { launch, openPage, baseUrl, screenshot, signIn, useServer, stopServer } from './lib.mjs'

let browser
before(async () => {
  ;[browser] = await Promise.all([launch(), useServer()])
})
after(async () => {
  await browser?.close()
  await stopServer()
})

/** An el-input's <input>: Element Plus puts data-* attributes on the input itself. */
const inputOf = (scope, attr) => scope.locator(`input[${attr}], [${attr}] input`).first()
const rows = (page) => page.locator('[data-test="projects-table"] .el-table__body-wrapper tbody tr')
const WAN = /^-?\d{1,3}(,\d{3})*\.\d{2}$/
const ISO = /^\d{4}-\d{2}-\d{2}$/

/** 今天 as the screens give it: the date in Beijing (docs/definitions.md §5), whatever the machine's zone. */
function todayIso() {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
}

/** Cell texts of the visible table rows: [#, 编码, 名称, 年度, 区划, 类别, 状态, 中央资金, 责任人]. */
async function tableCells(page) {
  return page.$$eval('[data-test="projects-table"] .el-table__body-wrapper tbody tr', (trs) =>
    // The selection column (batch admission, shown to officers who may act) is not a data column.
    trs.map((tr) =>
      [...tr.querySelectorAll('td')].filter((td) => !td.classList.contains('el-table-column--selection')).map((td) => td.innerText.trim()),
    ),
  )
}

async function waitForTable(page, predicate = '() => true') {
  await rows(page).first().waitFor({ timeout: 20000 })
  await page.waitForFunction(() => !document.querySelector('[data-view="projects"] .el-loading-mask'), null, { timeout: 20000 })
}

async function apiGet(page, path) {
  const res = await page.request.get(`${baseUrl()}${path}`)
  assert.equal(res.status(), 200, `${path}: ${res.status()}`)
  return res.json()
}

/**
 * The project the workflow step uses: a 2023 城关区 project in state approved (资金已安排) whose
 * action is 开工 (start); the demo data may have none, then a 2023 started 牦牛 project and its 完工.
 */
async function pickProject(page) {
  const approved = await apiGet(page, '/api/v1/projects?region=540102&year=2023&state=approved&page_size=200')
  if (approved.items.length) return { code: approved.items[0].project_code, action: 'start', label: '开工', field: 'actual-start' }
  const started = await apiGet(page, `/api/v1/projects?region=540102&year=2023&state=started&q=${encodeURIComponent('牦牛')}&page_size=200`)
  assert.ok(started.items.length > 0, 'the demo data has a started 2023 牦牛 project in 540102')
  return { code: started.items[0].project_code, action: 'finish', label: '完工', field: 'actual-finish' }
}

test('a county officer lists, searches, exports and runs a workflow action on a 城关区 project', async () => {
  const { context, page, errors } = await openPage(browser, { acceptDownloads: true })
  try {
    await signIn(page, 'chengguan')
    await page.goto(`${baseUrl()}/dashboard`, { waitUntil: 'domcontentloaded' })
    await page.locator('.shell-aside [data-menu="/projects"]').click()
    await waitForTable(page)
    assert.match(await page.locator('[data-test="scope"]').innerText(), /城关区/)

    // only 城关区 (540102) and its townships' projects, amounts in 万元 with two decimals
    let cells = await tableCells(page)
    assert.ok(cells.length >= 10, `rows: ${cells.length}`)
    const firstPage = await apiGet(page, '/api/v1/projects?page_size=20')
    assert.deepEqual(cells.map((c) => c[1]), firstPage.items.map((p) => p.project_code))
    firstPage.items.forEach((p, i) => {
      assert.ok(p.region_code.startsWith('540102'), p.region_code)
      // the region's name, shown with its county and township once its path has loaded (城关区 / 热振镇 / 聂当村)
      assert.ok(cells[i][4] === p.region_name || cells[i][4].endsWith(` / ${p.region_name}`), `${cells[i][4]} for ${p.region_name}`)
    })
    for (const c of cells) {
      assert.match(c[1], /^XZ\d{4}540102/, c[1])
      assert.match(c[7], WAN, c[7])
    }
    assert.ok(cells.some((c) => c[4] === '城关区' || c[4] === '拉萨市 / 城关区'), 'the county itself, with its prefecture')
    const total = Number((await page.locator('[data-test="pager"] .el-pagination__total').innerText()).match(/\d+/)[0])
    assert.equal(total, firstPage.total)

    // search 牦牛 (Enter in the box); the query lands in the URL
    await inputOf(page, 'data-test="f-q"').fill('牦牛')
    await inputOf(page, 'data-test="f-q"').press('Enter')
    await page.waitForURL(/q=%E7%89%A6%E7%89%9B/)
    await page.waitForFunction(() => {
      const trs = document.querySelectorAll('[data-test="projects-table"] .el-table__body-wrapper tbody tr')
      const name = (tr) => [...tr.querySelectorAll('td')].filter((td) => !td.classList.contains('el-table-column--selection'))[2]
      return trs.length > 0 && [...trs].every((tr) => name(tr)?.textContent.includes('牦牛'))
    }, null, { timeout: 15000 })
    cells = await tableCells(page)
    const found = await apiGet(page, `/api/v1/projects?q=${encodeURIComponent('牦牛')}&page_size=1`)
    assert.match(await page.locator('[data-test="pager"]').innerText(), new RegExp(`共 ${found.total} 条`))
    for (const c of cells) assert.match(c[1], /^XZ\d{4}540102/, c[1])
    assert.ok(cells.some((c) => c[6] === '开工'))

    // 导出 offers CSV as well: every matching row (not the page), the title stating the filters, a 合计 row
    await page.locator('[data-test="export-projects-more"]').click()
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="export-projects-csv"]').click()])
    assert.equal(download.suggestedFilename(), '项目清单.csv')
    const lines = fs.readFileSync(await download.path(), 'utf8').split('\r\n')
    assert.match(lines[0], /^\uFEFF.*项目清单（.*含“牦牛”）$/)
    assert.ok(lines[2].startsWith('项目编码,项目名称,年度,区划代码,所属区划,项目类别,'), lines[2])
    assert.equal(lines.filter((l) => l.startsWith('XZ')).length, found.total)
    assert.ok(lines.some((l) => l.startsWith('合计,')))
    await page.waitForTimeout(300)
    await screenshot(page, 'projects.png')

    // open the project by clicking its row
    const target = await pickProject(page)
    const row = rows(page).filter({ hasText: target.code })
    if ((await row.count()) > 0) await row.first().locator('td:not(.el-table-column--selection)').nth(2).click()
    else await page.goto(`${baseUrl()}/projects/${target.code}`, { waitUntil: 'domcontentloaded' })
    await page.waitForURL(new RegExp(`/projects/${target.code}$`))
    await page.locator('[data-test="detail-state"]').waitFor({ timeout: 15000 })
    const before = await apiGet(page, `/api/v1/projects/${target.code}`)
    assert.equal((await page.locator('[data-test="detail-state"]').innerText()).trim(), before.status_label)
    assert.match(await page.locator('[data-test="central-fund"]').innerText(), WAN)
    assert.match(await page.locator('[data-test="total-investment"]').innerText(), WAN)
    assert.match(await page.locator('[data-test="basic"]').innerText(), /计划开工\s*\d{4}-\d{2}-\d{2}/)
    assert.match(await page.locator('[data-test="ledger-totals"]').innerText(), /下达 [\d,]+\.\d{2} 万元/)
    assert.ok((await page.locator('[data-test="ledger"] tbody tr').count()) === before.ledger.length)
    assert.equal(await page.locator('[data-test="procedures"] tbody tr').count(), 4)

    // 前置手续: complete without 批复文号 is refused in the page; with one it is saved
    await page.locator('[data-proc-switch="land"]').click()
    await page.locator('[data-proc-save="land"]').click()
    assert.match(await page.locator('[data-test="proc-error"]').innerText(), /标记完成必须填写批复文号/)
    await inputOf(page, 'data-proc-ref="land"').fill('城自然资〔2023〕18号')
    await page.locator('[data-proc-save="land"]').click()
    await page.locator('.el-message--success').filter({ hasText: '已保存：用地手续' }).waitFor({ timeout: 10000 })
    const saved = await apiGet(page, `/api/v1/projects/${target.code}`)
    assert.deepEqual(
      saved.procedures.find((p) => p.kind === 'land'),
      { kind: 'land', label: '用地手续', complete: true, document_ref: '城自然资〔2023〕18号' },
    )

    // the workflow action: the dialog proposes today's date; the version is sent; the state changes
    const button = page.locator(`[data-action="${target.action}"]`)
    assert.equal((await button.innerText()).trim(), target.label)
    await button.click()
    const dialog = page.locator('.el-dialog').filter({ hasText: `流程操作：${target.label}` })
    await dialog.waitFor()
    assert.equal(await dialog.locator('.el-date-editor input').first().inputValue(), todayIso())
    await dialog.locator('[data-test="action-confirm"]').click()
    const newLabel = target.action === 'start' ? '开工' : '完工'
    await page.waitForFunction(
      (t) => document.querySelector('[data-test="detail-state"]')?.textContent.trim() === t,
      newLabel,
      { timeout: 15000 },
    )
    assert.equal((await page.locator(`[data-test="${target.field}"]`).innerText()).trim(), todayIso())
    const timeline = await page.locator('[data-test="transitions"]').innerText()
    assert.match(timeline, new RegExp(`${target.label}[\\s\\S]*→ ${newLabel}`))
    assert.match(timeline, /chengguan/)
    const after = await apiGet(page, `/api/v1/projects/${target.code}`)
    assert.equal(after.version, before.version + 1)
    assert.equal(after.transitions.at(-1).date, todayIso())
    await page.locator('.el-message').first().waitFor({ state: 'detached', timeout: 6000 }).catch(() => {})
    await page.waitForTimeout(300)
    await screenshot(page, 'project-detail.png', { fullPage: true })
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})

test('a stale version shows the server’s Chinese 409 message and a refresh fixes it', async () => {
  const { context, page, errors } = await openPage(browser)
  try {
    const session = await signIn(page, 'chengguan')
    const list = await apiGet(page, '/api/v1/projects?year=2023&state=started&page_size=200')
    const code = list.items.at(-1).project_code
    await page.goto(`${baseUrl()}/projects/${code}`, { waitUntil: 'domcontentloaded' })
    await page.locator('[data-action="finish"]').waitFor({ timeout: 15000 })

    // someone else finishes the project meanwhile
    const d = await apiGet(page, `/api/v1/projects/${code}`)
    const res = await page.request.post(`${baseUrl()}/api/v1/projects/${code}/transition`, {
      headers: { 'X-CSRF-Token': session.csrf_token },
      data: { action: 'finish', date: '2023-10-31', version: d.version },
    })
    assert.equal(res.status(), 200, await res.text())

    await page.locator('[data-action="finish"]').click()
    await page.locator('[data-test="action-confirm"]').click()
    const alert = page.locator('[data-test="action-error"]')
    await alert.waitFor({ timeout: 10000 })
    const text = await alert.innerText()
    assert.match(text, /操作未执行/)
    assert.match(text, /完工|版本/)
    assert.match(text, /刷新/)
    assert.equal((await page.locator('[data-test="detail-state"]').innerText()).trim(), '开工')

    await page.locator('[data-test="refresh"]').click()
    await page.waitForFunction(() => document.querySelector('[data-test="detail-state"]')?.textContent.trim() === '完工', null, {
      timeout: 10000,
    })
    assert.equal(await alert.count(), 0)
    assert.equal((await page.locator('[data-test="actual-finish"]').innerText()).trim(), '2023-10-31')
    assert.equal(await page.locator('[data-action="finish"]').count(), 0)
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})

test('a leader sees the project library and the detail without any action buttons', async () => {
  const { context, page, errors } = await openPage(browser)
  try {
    await signIn(page, 'leader')
    await page.goto(`${baseUrl()}/dashboard`, { waitUntil: 'domcontentloaded' })
    await page.locator('.shell-aside [data-menu="/projects"]').click()
    await waitForTable(page)
    const list = await apiGet(page, '/api/v1/projects?region=540102&year=2023&state=started&page_size=1')
    const code = list.items[0].project_code
    await page.goto(`${baseUrl()}/projects/${code}`, { waitUntil: 'domcontentloaded' })
    await page.locator('[data-test="detail-state"]').waitFor({ timeout: 15000 })
    assert.equal(await page.locator('[data-action]').count(), 0)
    assert.match(await page.locator('[data-test="read-only"]').innerText(), /只能查看/)
    assert.equal(await page.locator('[data-proc-switch]').count(), 0)
    assert.equal(await page.locator('[data-proc-save]').count(), 0)
    assert.equal(await page.locator('[data-test="procedures"] tbody tr').count(), 4)
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})

test('contracts and physical progress on the project page drive the 超进度拨款 check', async () => {
  const { context, page, errors } = await openPage(browser)
  try {
    await signIn(page, 'chengguan')
    // A 2024 proposal of the demo: no contract yet, no payment.
    const list = await apiGet(page, '/api/v1/projects?region=540102&year=2024&page_size=5')
    assert.ok(list.items.length > 0)
    const code = list.items[0].project_code
    await page.goto(`${baseUrl()}/projects/${code}`, { waitUntil: 'domcontentloaded' })
    const panel = page.locator('[data-test="contracts"]')
    await panel.waitFor({ timeout: 20000 })
    assert.match(await panel.innerText(), /尚未登记施工合同/)
    // A bad advance rate is explained; then the contract and a progress report are recorded.
    await inputOf(panel.locator('[data-test="contract-form"]'), 'placeholder="合同编号"').fill('HT-E2E-1')
    await panel.locator('[data-test="contract-form"] input[placeholder="合同金额（元）"]').fill('1,000,000')
    await panel.locator('[data-test="contract-form"] input[placeholder="预付款比例 %（可空）"]').fill('120')
    await panel.locator('[data-test="contract-add"]').click()
    await panel.locator('[data-test="contracts-error"]').waitFor()
    assert.match(await panel.locator('[data-test="contracts-error"]').innerText(), /百分数应在 0 到 100 之间/)
    await panel.locator('[data-test="contract-form"] input[placeholder="预付款比例 %（可空）"]').fill('20')
    await panel.locator('[data-test="contract-add"]').click()
    await panel.locator('[data-test="contract-table"] tbody tr', { hasText: 'HT-E2E-1' }).waitFor({ timeout: 10000 })
    // A contract is a voucher-like detail: 元 to the fen, as the ledger's vouchers (#21 point 5).
    assert.match(await panel.locator('[data-test="contract-table"] .el-table__header-wrapper').innerText(), /合同金额（元）/)
    assert.equal((await panel.locator('[data-test="contract-amount"]').first().innerText()).trim(), '1,000,000.00')
    assert.match(await panel.locator('[data-test="contract-table"]').innerText(), /HT-E2E-1[\s\S]*1,000,000\.00[\s\S]*20\.00%/)
    await panel.locator('[data-test="pay-ahead"]').waitFor()
    assert.match(await panel.locator('[data-test="pay-ahead"]').innerText(), /今日付款未超过形象进度[\s\S]*合同 1,000,000\.00 元，预付款 200,000\.00 元/)
    await panel.locator('[data-test="progress-form"] input[placeholder="形象进度 %"]').fill('35.5')
    await panel.locator('[data-test="progress-add"]').click()
    await panel.locator('[data-test="progress-table"] tbody tr', { hasText: '35.50%' }).waitFor({ timeout: 10000 })
    assert.match(await panel.locator('[data-test="pay-ahead"]').innerText(), /形象进度 35\.50%，累计付款 0\.00 元，可付上限 355,000\.00 元/)
    await page.waitForTimeout(300)
    await screenshot(page, 'project-contracts.png', { fullPage: true })
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})

test('the import page offers the contracts and progress kinds to a county officer, with their columns', async () => {
  const { context, page, errors } = await openPage(browser)
  try {
    await signIn(page, 'chengguan')
    await page.goto(`${baseUrl()}/imports`, { waitUntil: 'domcontentloaded' })
    const kinds = page.locator('[data-test="import-kind"]')
    await kinds.waitFor({ timeout: 15000 })
    assert.deepEqual((await kinds.locator('label').allInnerTexts()).map((t) => t.trim()), ['项目', '施工合同', '形象进度', '确权资产', '以工代赈务工人员', '以工代赈劳务报酬'])
    await kinds.locator('label', { hasText: '施工合同' }).click()
    assert.match(await page.locator('[data-test="import-columns"]').innerText(), /contract_no 合同编号[\s\S]*advance_rate 预付款比例/)
    await kinds.locator('label', { hasText: '形象进度' }).click()
    assert.match(await page.locator('[data-test="import-columns"]').innerText(), /progress 形象进度（%）/)
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})
