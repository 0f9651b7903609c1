// E2E (issue #21 point 1): regions are picked, never typed — the region tree beside the list pages
// (lazy, searchable by name and by pinyin initials, scoped to the user), the cascader 县 → 乡 → 村 in
// forms, the public postings page's name picker; a region outside the scope is never offered and
// the server keeps refusing it.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import { launch, openPage, baseUrl, screenshot, screenshotDir, signIn, useServer, stopServer, pickInCascader } from './lib.mjs'

let browser
before(async () => {
  ;[browser] = await Promise.all([launch(), useServer()])
})
after(async () => {
  await browser?.close()
  await stopServer()
})

const DESKTOP = { width: 1440, height: 900 }
const PHONE = { width: 390, height: 844 }
const tree = (page) => page.locator('[data-test="region-tree"]')
const searchBox = (page) => tree(page).locator('input[data-test="region-search"], [data-test="region-search"] input').first()
const treeNode = (page, code) => tree(page).locator(`.node[data-region="${code}"]`)

async function apiGet(page, path, status = 200) {
  const res = await page.request.get(`${baseUrl()}${path}`)
  assert.equal(res.status(), status, `${path}: ${res.status()}`)
  return res.json()
}

/** Expands a loaded tree node by its arrow (a click on the name picks the region instead). */
async function expand(page, code) {
  const content = tree(page).locator('.el-tree-node__content', { has: page.locator(`.node[data-region="${code}"]`) })
  await content.locator('.el-tree-node__expand-icon').click()
}

/** Types into the tree's search box and waits for the hits of that query. */
async function searchTree(page, text) {
  await searchBox(page).fill(text)
  await page.waitForFunction(() => {
    const box = document.querySelector('[data-test="region-hits"]')
    return box && !box.querySelector('.el-loading-mask') && (box.querySelector('.hit') || box.querySelector('.none'))
  }, null, { timeout: 15000 })
  await page.waitForTimeout(400) // the search is debounced: let a late answer land
}

/** A township of 城关区 and one of its villages, from the API (demo names are generated). */
async function chengguanVillage(page) {
  const townships = (await apiGet(page, '/api/v1/regions?parent=540102')).items
  const t = townships.find((x) => x.child_count > 0)
  const v = (await apiGet(page, `/api/v1/regions?parent=${t.code}`)).items[0]
  return { township: t, village: v }
}

test('projects: pick a region in the tree, search it by name and by pinyin initials; the URL keeps it', async () => {
  const { context, page, errors } = await openPage(browser, { viewport: DESKTOP })
  try {
    await signIn(page, 'finance')
    await page.goto(`${baseUrl()}/projects`, { waitUntil: 'domcontentloaded' })
    // the scope is the root (西藏自治区), opened on its prefectures
    await treeNode(page, '540100').waitFor({ timeout: 20000 })
    assert.equal(await tree(page).locator('.el-tree > .el-tree-node').count(), 1)
    await expand(page, '540100')
    await treeNode(page, '540102').click()
    await page.waitForURL(/region=540102/)
    const api = await apiGet(page, '/api/v1/projects?region=540102&page_size=20')
    await page.locator('[data-test="pager"]', { hasText: `共 ${api.total} 条` }).waitFor({ timeout: 15000 })
    assert.match(await tree(page).locator('[data-test="region-current"]').innerText(), /城关区/)
    assert.equal(await tree(page).locator('.el-tree-node.is-current .node').getAttribute('data-region'), '540102')
    await page.waitForTimeout(300)
    await screenshot(page, 'region-tree-projects.png')

    // a reload keeps the pick (URL), the tree shows it again
    await page.reload({ waitUntil: 'domcontentloaded' })
    await page.locator('[data-test="pager"]', { hasText: `共 ${api.total} 条` }).waitFor({ timeout: 15000 })
    await page.locator('[data-test="region-current"]', { hasText: '城关区' }).waitFor({ timeout: 15000 })

    // back to the whole scope
    await tree(page).locator('[data-test="region-clear"]').click()
    await page.waitForURL((u) => !u.search.includes('region='))

    // by name: a village of 城关区 that the tree has not loaded, shown with its township and county
    const { township, village } = await chengguanVillage(page)
    await searchTree(page, village.name)
    const hit = tree(page).locator(`.hit[data-region="${village.code}"]`)
    await hit.waitFor({ timeout: 15000 })
    assert.equal((await hit.locator('.hit-path').innerText()).trim(), `城关区 / ${township.name} / ${village.name}`)
    const hits = await tree(page).locator('.hit').count()
    const sameName = (await apiGet(page, `/api/v1/regions?q=${encodeURIComponent(village.name)}`)).items.length
    assert.equal(hits, sameName)
    await screenshot(page, 'region-tree-search-name.png')
    await hit.click()
    await page.waitForURL(new RegExp(`region=${village.code}`))
    await page.locator('[data-test="region-current"]', { hasText: `城关区 / ${township.name} / ${village.name}` }).waitFor()
    // the list's region column shows each village with its township and county too
    const inVillage = await apiGet(page, `/api/v1/projects?region=${village.code}&page_size=1`)
    if (inVillage.total > 0) {
      await page.locator('[data-test="projects-table"] tbody').getByText(`城关区 / ${township.name} / ${village.name}`).first().waitFor({ timeout: 15000 })
    }

    // by pinyin initials: 城关区 is "cgq"
    await searchTree(page, 'cgq')
    await tree(page).locator('.hit[data-region="540102"]').waitFor()
    await screenshot(page, 'region-tree-search-pinyin.png')
    await tree(page).locator('.hit[data-region="540102"]').click()
    await page.waitForURL(/region=540102(&|$)/)
    await page.locator('[data-test="pager"]', { hasText: `共 ${api.total} 条` }).waitFor({ timeout: 15000 })
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})

test('ledger: the tree filters the entries; the entry form picks 县 / 乡 / 村 in the cascader', async () => {
  const { context, page, errors } = await openPage(browser, { viewport: DESKTOP })
  try {
    await signIn(page, 'finance')
    await page.goto(`${baseUrl()}/ledger`, { waitUntil: 'domcontentloaded' })
    await treeNode(page, '540100').click({ timeout: 20000 })
    await page.waitForURL(/region=540100/)
    const api = await apiGet(page, '/api/v1/ledger?region=540100&page_size=20')
    await page.locator('[data-test="ledger-list"]', { hasText: `共 ${api.total} 条` }).waitFor({ timeout: 15000 })
    const all = await apiGet(page, '/api/v1/ledger?page_size=1')
    assert.ok(api.total > 0 && api.total < all.total, `${api.total} of ${all.total}`)

    const { township, village } = await chengguanVillage(page)
    // 县 → 乡 → 村, each column loaded when its parent is opened; a screenshot with the three columns open
    await page.locator('[data-test="f-region_code"] .el-cascader').click()
    const menus = page.locator('.region-cascader-popper .el-cascader-menu')
    await menus.nth(0).locator('.el-cascader-node', { hasText: '城关区' }).first().click()
    await menus.nth(1).locator('.el-cascader-node', { hasText: township.name }).first().click()
    const leaf = menus.nth(2).locator('.el-cascader-node', { hasText: village.name }).first()
    await leaf.waitFor({ timeout: 15000 })
    await page.waitForTimeout(300)
    await page.screenshot({ path: path.join(screenshotDir(), 'region-cascader-ledger.png') })
    await leaf.click()
    await page.keyboard.press('Escape')
    await page.waitForFunction(() => document.querySelector('[data-test="f-region_code"] .el-cascader input')?.value.includes(' / '), null, { timeout: 15000 })
    const shown = (await page.locator('[data-test="f-region_code"] .el-cascader input').inputValue()).trim()
    assert.equal(shown, `城关区 / ${township.name} / ${village.name}`)
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})

test('a county officer is offered only the county; a region outside it is refused by the server', async () => {
  const { context, page, errors } = await openPage(browser, { viewport: DESKTOP })
  try {
    await signIn(page, 'chengguan')
    await page.goto(`${baseUrl()}/projects`, { waitUntil: 'domcontentloaded' })
    await treeNode(page, '540102').waitFor({ timeout: 20000 })
    assert.equal(await tree(page).locator('.el-tree > .el-tree-node').count(), 1, 'one root: the county')
    assert.equal(await treeNode(page, '540100').count(), 0)
    await searchTree(page, 'lss') // 拉萨市 is above the county
    assert.equal(await tree(page).locator('.hit').count(), 0)
    await tree(page).locator('.none', { hasText: '本人范围内没有匹配的区划' }).waitFor()
    // a new project's region starts at the county and is shown by name in the cascader
    await page.goto(`${baseUrl()}/projects/new`, { waitUntil: 'domcontentloaded' })
    await page.waitForFunction(() => document.querySelector('[data-test="f-region"] .el-cascader input')?.value.trim() === '城关区', null, { timeout: 15000 })
    const { township, village } = await chengguanVillage(page)
    assert.equal(await pickInCascader(page, 'f-region', ['城关区', township.name, village.name]), `城关区 / ${township.name} / ${village.name}`)
    // a hand-made URL outside the scope: the server refuses and the page says so
    await page.goto(`${baseUrl()}/projects?region=540103`, { waitUntil: 'domcontentloaded' })
    await page.locator('[data-view="projects"] .el-alert--error').first().waitFor({ timeout: 15000 })
    const refused = await page.request.get(`${baseUrl()}/api/v1/regions?q=${encodeURIComponent('城关')}&parent=540100`)
    assert.equal(refused.status(), 403)
    assert.equal((await refused.json()).error.code, 'permission_denied')
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})

test('phone: the tree folds above the list and opens on a tap', async () => {
  const { context, page, errors } = await openPage(browser, { viewport: PHONE, isMobile: true })
  try {
    await signIn(page, 'finance')
    await page.goto(`${baseUrl()}/projects?region=540102`, { waitUntil: 'domcontentloaded' })
    await page.locator('[data-test="region-current"]', { hasText: '城关区' }).waitFor({ timeout: 20000 })
    assert.equal(await searchBox(page).isVisible(), false, 'folded')
    await page.waitForTimeout(300)
    await screenshot(page, 'region-tree-projects-phone.png')
    await tree(page).locator('.head').click()
    await searchTree(page, 'lss')
    await tree(page).locator('.hit[data-region="540100"]').waitFor({ timeout: 15000 })
    await screenshot(page, 'region-tree-search-phone.png')
    await tree(page).locator('.hit[data-region="540100"]').click()
    await page.waitForURL(/region=540100/)
    assert.equal(await searchBox(page).isVisible(), false, 'folds again after a pick')
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})

test('public postings: a region is chosen by name or pinyin initials, without login', async () => {
  for (const [viewport, shot] of [[DESKTOP, 'public-region-picker.png'], [PHONE, 'public-region-picker-phone.png']]) {
    const { context, page, errors } = await openPage(browser, { viewport, isMobile: viewport === PHONE })
    try {
      await page.goto(`${baseUrl()}/public/postings`, { waitUntil: 'domcontentloaded' })
      const picker = page.locator('[data-test="public-region"]')
      await picker.locator('.el-select__selected-item:not(.is-hidden)', { hasText: '西藏自治区' }).waitFor({ timeout: 15000 })
      await picker.click()
      await page.keyboard.type('lss')
      const option = page.locator('.public-region-popper:visible .el-select-dropdown__item', { hasText: '拉萨市' })
      await option.waitFor({ timeout: 15000 })
      await page.waitForTimeout(300)
      await screenshot(page, shot)
      await option.click()
      await page.waitForURL(/region=540100/)
      const api = await (await page.request.get(`${baseUrl()}/api/v1/public/postings?region=540100`)).json()
      if (api.items.length) await page.locator('[data-posting]').first().waitFor({ timeout: 15000 })
      assert.equal(await page.locator('[data-posting]').count(), api.items.length)
      // the page used only public endpoints: nothing asked for a session
      assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
    } finally {
      await context.close()
    }
  }
})
