// E2E: 项目库 — a county officer (chengguan, 城关区) edits a project's library sheet, sees every
// compliance finding when the county review is refused, admits a batch of mature projects and sees
// which were blocked and why; the village plans and overdue screens; the public posting page
// without login. Each step saves a screenshot.
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

const inputOf = (scope, attr) => scope.locator(`input[${attr}], [${attr}] input, textarea[${attr}], [${attr}] textarea`).first()

async function apiGet(page, path) {
  const res = await page.request.get(`${baseUrl()}${path}`)
  assert.equal(res.status(), 200, `${path}: ${res.status()}`)
  return res.json()
}

async function settle(page) {
  await page.locator('.el-message').first().waitFor({ state: 'detached', timeout: 6000 }).catch(() => {})
  await page.waitForTimeout(300)
}

test('a county officer edits a project’s library sheet and sees it on the project page', async () => {
  const { context, page, errors } = await openPage(browser)
  try {
    await signIn(page, 'chengguan')
    const code = 'XZ2024540102L004'
    const before = await apiGet(page, `/api/v1/projects/${code}`)
    await page.goto(`${baseUrl()}/projects/${code}`, { waitUntil: 'domcontentloaded' })
    await page.locator('[data-test="sheet"]').waitFor({ timeout: 15000 })
    assert.match(await page.locator('[data-test="milestones"]').innerText(), /前期手续/)
    await page.locator('[data-test="edit"]').click()
    await page.waitForURL(new RegExp(`/projects/${code}/edit$`))
    await inputOf(page, 'data-test="f-name"').waitFor({ timeout: 15000 })
    await page.waitForFunction(() => document.querySelector('[data-test="f-name"] input, input[data-test="f-name"]')?.value)
    await inputOf(page, 'data-test="f-unit"').fill('城关区商务局')
    await inputOf(page, 'data-test="f-benefit"').fill('冷库优先吸纳脱贫劳动力务工，收益 30% 用于村集体分红')
    await page.waitForTimeout(200)
    await screenshot(page, 'project-edit.png', { fullPage: true })
    await page.locator('[data-test="save"]').click()
    await page.waitForURL(new RegExp(`/projects/${code}$`), { timeout: 15000 })
    await page.locator('[data-test="benefit"]').filter({ hasText: '收益 30%' }).waitFor({ timeout: 15000 })
    const after = await apiGet(page, `/api/v1/projects/${code}`)
    assert.equal(after.version, before.version + 1)
    assert.equal(after.sheet.implementing_unit, '城关区商务局')
    assert.deepEqual(after.sheet.milestones, before.sheet.milestones)
    await settle(page)
    await screenshot(page, 'project-library.png', { fullPage: true })
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})

test('the county review is refused with every compliance finding listed', async () => {
  const { context, page, errors } = await openPage(browser)
  try {
    await signIn(page, 'chengguan')
    const code = 'XZ2024540102L003'
    await page.goto(`${baseUrl()}/projects/${code}`, { waitUntil: 'domcontentloaded' })
    await page.locator('[data-test="compliance-result"]').waitFor({ timeout: 15000 })
    assert.match(await page.locator('[data-test="compliance"]').innerText(), /审核未通过[\s\S]*负面清单/)
    await page.locator('[data-action="county_review"]').click()
    await page.locator('[data-test="action-confirm"]').click()
    const details = page.locator('[data-test="action-details"]')
    await details.waitFor({ timeout: 10000 })
    const text = await page.locator('[data-test="action-error"]').innerText()
    assert.match(text, /合规性审核未通过/)
    assert.match(text, /负面清单[\s\S]*交通工具及通讯设备/)
    assert.match(text, /应公开招标[\s\S]*须公开招标/)
    assert.equal((await page.locator('[data-test="detail-state"]').innerText()).trim(), '乡镇审核')
    await settle(page)
    await screenshot(page, 'compliance-findings.png')
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})

test('batch admission admits the mature project and says what blocked the others', async () => {
  const { context, page, errors } = await openPage(browser)
  try {
    await signIn(page, 'chengguan')
    await page.goto(`${baseUrl()}/projects?state=county_reviewed`, { waitUntil: 'domcontentloaded' })
    const body = page.locator('[data-test="projects-table"] .el-table__body-wrapper tbody tr')
    await body.first().waitFor({ timeout: 15000 })
    assert.equal(await body.count(), 3)
    await page.locator('[data-test="projects-table"] .el-table__header-wrapper .el-checkbox').click()
    await page.locator('[data-test="batch-hint"]').filter({ hasText: '已选 3 个项目' }).waitFor()
    await page.locator('[data-test="batch-admit"]').click()
    const dialog = page.locator('[data-test="batch-dialog"]')
    await dialog.locator('[data-test="batch-summary"]').waitFor({ timeout: 15000 })
    assert.match(await dialog.locator('[data-test="batch-summary"]').innerText(), /1 个项目已审定入库，2 个未通过/)
    const results = await dialog.locator('[data-test="batch-results"]').innerText()
    assert.match(results, /XZ2024540102L001\s+已入库/)
    assert.match(results, /XZ2024540102L002\s+未通过[\s\S]*温室选址占用基本农田/)
    assert.match(results, /XZ2024540102L005\s+未通过[\s\S]*公示期未满/)
    await page.waitForTimeout(400)
    await screenshot(page, 'batch-approval.png')
    assert.equal((await apiGet(page, '/api/v1/projects/XZ2024540102L001')).status, 'in_library')
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})

test('village plans without projects are highlighted; the overdue list names late milestones', async () => {
  const { context, page, errors } = await openPage(browser)
  try {
    await signIn(page, 'chengguan')
    await page.goto(`${baseUrl()}/village-plans`, { waitUntil: 'domcontentloaded' })
    await page.locator('[data-test="without-count"]').waitFor({ timeout: 15000 })
    assert.match(await page.locator('[data-test="without-count"]').innerText(), /1 个规划尚无项目支撑/)
    assert.equal(await page.locator('[data-test="no-projects"]').count(), 1)
    await settle(page)
    await screenshot(page, 'village-plans.png')
    await page.goto(`${baseUrl()}/overdue`, { waitUntil: 'domcontentloaded' })
    await page.locator('[data-test="overdue-milestones"] tbody tr').first().waitFor({ timeout: 15000 })
    assert.match(await page.locator('[data-test="overdue-milestones"]').innerText(), /主体施工/)
    await settle(page)
    await screenshot(page, 'overdue.png')
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})

test('the public posting page lists announced projects without login', async () => {
  const { context, page, errors } = await openPage(browser)
  try {
    await page.goto(`${baseUrl()}/public/postings?region=540100`, { waitUntil: 'domcontentloaded' })
    await page.locator('[data-posting]').first().waitFor({ timeout: 15000 })
    assert.ok(!page.url().includes('/login'))
    assert.match(await page.locator('[data-test="hotline"]').innerText(), /12317/)
    const card = page.locator('[data-posting="XZ2024540102L005"]')
    assert.match(await card.innerText(), /公示中[\s\S]*村务公开栏/)
    assert.equal(await page.locator('[data-test="header-user"]').count(), 0)
    await page.waitForTimeout(300)
    await page.screenshot({ path: `${(await import('./lib.mjs')).screenshotDir()}/public-postings.png` })
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})

test('the joint review: a department user signs only for their own department; others are told why not', async () => {
  const adminPage = await openPage(browser)
  const dept = await openPage(browser)
  const county = await openPage(browser)
  try {
    // L005 stays county_reviewed (the batch admission above refused it): it needs departments' sign-offs.
    const code = 'XZ2024540102L005'
    await signIn(county.page, 'chengguan')
    const before = await apiGet(county.page, `/api/v1/projects/${code}`)
    assert.equal(before.status, 'county_reviewed')
    const department = before.joint_review.pending[0] ?? before.joint_review.required[0]
    assert.ok(department, JSON.stringify(before.joint_review))
    // An administrator creates a county officer of that department.
    const s = await signIn(adminPage.page, 'admin')
    const created = await adminPage.page.request.post(`${baseUrl()}/api/v1/users`, {
      data: { username: 'e2e-dept', role: 'county_officer', region_code: '540102', password: 'e2e-dept-password-1', department },
      headers: { 'X-CSRF-Token': s.csrf_token },
    })
    assert.equal(created.status(), 201, await created.text())

    // chengguan has no department: no form, a plain notice.
    await county.page.goto(`${baseUrl()}/projects/${code}`, { waitUntil: 'domcontentloaded' })
    await county.page.locator('[data-test="joint-review"]').waitFor({ timeout: 15000 })
    await county.page.locator('[data-test="signoff-notice"]').waitFor({ timeout: 10000 })
    assert.match(await county.page.locator('[data-test="signoff-notice"]').innerText(), /未设置所属部门/)
    assert.equal(await county.page.locator('[data-test="signoff-form"]').count(), 0)

    // The department user sees only their own department; a refusal by the server is said plainly.
    await signIn(dept.page, 'e2e-dept', 'e2e-dept-password-1')
    await dept.page.goto(`${baseUrl()}/projects/${code}`, { waitUntil: 'domcontentloaded' })
    const form = dept.page.locator('[data-test="signoff-form"]')
    await form.waitFor({ timeout: 15000 })
    assert.equal((await form.locator('[data-test="signoff-department"]').innerText()).trim(), `以${department}名义签署`)
    assert.equal(await form.locator('.el-select').count(), 0, 'no choice of another department')
    await dept.page.route('**/signoffs', (route) =>
      route.fulfill({ status: 403, contentType: 'application/json', body: JSON.stringify({ error: { code: 'permission_denied', message: 'forbidden' } }) }))
    await form.locator('[data-test="signoff-submit"]').click()
    await dept.page.locator('[data-test="signoff-error"]').waitFor({ timeout: 10000 })
    assert.match(await dept.page.locator('[data-test="signoff-error"]').innerText(), new RegExp(`只能以本人所属部门（${department}）的名义签署`))
    await dept.page.unroute('**/signoffs')
    await inputOf(form, 'data-test="signoff-comment"').fill('同意，按本部门指引实施')
    await form.locator('[data-test="signoff-submit"]').click()
    await dept.page.locator('[data-test="signoffs"]', { hasText: '同意，按本部门指引实施' }).waitFor({ timeout: 10000 })
    assert.match(await dept.page.locator('[data-test="signoffs"]').innerText(), new RegExp(`${department}[\\s\\S]*e2e-dept`))
    await settle(dept.page)
    await screenshot(dept.page, 'joint-review-signoff.png', { fullPage: true })
    const after = await apiGet(dept.page, `/api/v1/projects/${code}`)
    assert.ok(after.joint_review.approved.includes(department))
    for (const p of [adminPage, dept, county]) assert.deepEqual(p.errors.filter((e) => !/403/.test(e)), [], `console errors:\n${p.errors.join('\n')}`)
  } finally {
    await Promise.all([adminPage.context.close(), dept.context.close(), county.context.close()])
  }
})
