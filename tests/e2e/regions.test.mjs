// E2E: 区划管理 screen against a running server (XIANJIE_BASE_URL).
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import { launch, openPage, baseUrl, screenshot, signIn } from './lib.mjs'

let browser
before(async () => {
  browser = await launch()
})
after(async () => {
  await browser?.close()
})

const node = (code) => `.region-node[data-code="${code}"]`
const treeNodeOf = (code) => `.el-tree-node:has(> .el-tree-node__content ${node(code)})`

test('regions tree: 7 prefectures auto-expanded, 74 counties after expanding all', async () => {
  const { context, page, errors } = await openPage(browser)
  try {
    await signIn(page)
    await page.goto(`${baseUrl()}/regions`, { waitUntil: 'domcontentloaded' })
    await page.locator(node('540000')).waitFor({ timeout: 15000 })

    // root auto-expanded: 拉萨市 visible without a click
    const lhasa = page.locator(node('540100'))
    await lhasa.waitFor({ state: 'visible', timeout: 15000 })
    assert.match(await lhasa.innerText(), /拉萨市/)

    const prefUnderRoot = page.locator(`${treeNodeOf('540000')} > .el-tree-node__children .region-node[data-level="prefecture"]`)
    await page.waitForFunction(
      () => document.querySelectorAll('.region-node[data-level="prefecture"]').length === 7,
      null,
      { timeout: 15000 },
    )
    assert.equal(await prefUnderRoot.count(), 7, '7 prefectures under 西藏自治区')
    for (let i = 0; i < 7; i++) assert.ok(await prefUnderRoot.nth(i).isVisible())
    assert.match(await page.locator(node('540000')).innerText(), /省级/)
    assert.match(await lhasa.innerText(), /地市/)

    // the table shows the root's children (7 rows)
    const rows = page.locator('[data-test="region-table"] .el-table__body-wrapper tbody tr')
    await page.waitForFunction(
      () => document.querySelectorAll('[data-test="region-table"] .el-table__body-wrapper tbody tr').length === 7,
      null,
      { timeout: 10000 },
    )
    assert.equal(await rows.count(), 7)

    // expand each prefecture by its expand icon
    const prefCodes = await page
      .locator('.region-node[data-level="prefecture"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))
    assert.equal(prefCodes.length, 7)
    for (const code of prefCodes) {
      await page.locator(`.el-tree-node__content:has(${node(code)}) > .el-tree-node__expand-icon`).click()
    }
    await page.waitForFunction(
      () => document.querySelectorAll('.region-node[data-level="county"]').length === 74,
      null,
      { timeout: 20000 },
    )
    assert.equal(await page.locator('.region-node[data-level="county"]').count(), 74)
    assert.match(await page.locator(node('540102')).innerText(), /城关区[\s\S]*县区/)

    // scroll the tree back to the top so the screenshot shows the root
    await page.locator('.tree-scroll').evaluate((el) => el.scrollTo(0, 0))
    await screenshot(page, 'regions.png')
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})

test('regions table: search filter and CSV export with UTF-8 BOM', async () => {
  const { context, page, errors } = await openPage(browser, { acceptDownloads: true })
  try {
    await signIn(page)
    await page.goto(`${baseUrl()}/regions`, { waitUntil: 'domcontentloaded' })
    await page.locator(node('540100')).click()
    const rows = page.locator('[data-test="region-table"] .el-table__body-wrapper tbody tr')
    await page.waitForFunction(
      () => document.querySelectorAll('[data-test="region-table"] .el-table__body-wrapper tbody tr').length === 8,
      null,
      { timeout: 10000 },
    )
    assert.equal(await rows.count(), 8, '拉萨市 has 8 counties')

    await page.locator('input[data-test="table-search"]').fill('城关')
    await page.waitForFunction(
      () => document.querySelectorAll('[data-test="region-table"] .el-table__body-wrapper tbody tr').length === 1,
      null,
      { timeout: 5000 },
    )
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="export-csv"]').click()])
    const file = await download.path()
    const buf = fs.readFileSync(file)
    assert.deepEqual([...buf.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM')
    const lines = buf.toString('utf8').slice(1).trim().split(/\r?\n/)
    assert.equal(lines[0], '区划代码,名称,级别,下级数量,下辖区划总数')
    assert.equal(lines.length, 2)
    assert.match(lines[1], /^540102,城关区,县区,0,0$/)
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})
