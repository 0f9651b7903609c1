// E2E: admission blockers before the click (issue #21 point 4) — on the project page a county
// officer (chengguan, 城关区) sees each workflow button that is still blocked disabled, with the
// reason next to it in Chinese (an open objection, a posting not yet ended with its end date), and
// the buttons that may be taken enabled. Screenshots at 1440×900.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { launch, openPage, baseUrl, screenshot, signIn, useServer, stopServer } from './lib.mjs'

const VIEWPORT = { width: 1440, height: 900 }
let browser
before(async () => {
  ;[browser] = await Promise.all([launch(), useServer()])
})
after(async () => {
  await browser?.close()
  await stopServer()
})

async function openProject(page, code) {
  await page.goto(`${baseUrl()}/projects/${code}`, { waitUntil: 'domcontentloaded' })
  await page.locator('[data-test="actions"] [data-action]').first().waitFor({ timeout: 15000 })
}

const internalCode = /[a-z]{3,}_[a-z]+|\b(admit|reject|county_reviewed)\b/

test('an open objection disables 审定入库 with its reason; 退回 stays enabled', async () => {
  const { context, page, errors } = await openPage(browser, { viewport: VIEWPORT })
  try {
    await signIn(page, 'chengguan')
    await openProject(page, 'XZ2024540102L002')
    const admit = page.locator('[data-action="admit"]')
    const reject = page.locator('[data-action="reject"]')
    assert.equal(await admit.isDisabled(), true)
    assert.equal(await reject.isDisabled(), false)
    const reason = page.locator('[data-blocked="admit"]')
    const text = await reason.innerText()
    assert.match(text, /「审定入库」尚不能办理/)
    assert.match(text, /异议[\s\S]*公示期间有未处理的异议[\s\S]*温室选址占用基本农田/)
    assert.doesNotMatch(text, internalCode)
    assert.match(await admit.getAttribute('title'), /温室选址占用基本农田/)
    // Only blocked steps are listed.
    assert.equal(await page.locator('[data-blocked="reject"]').count(), 0)
    await page.waitForTimeout(300)
    await screenshot(page, 'project-blockers.png')
    // The enabled step opens its dialog.
    await reject.click()
    await page.locator('[data-test="action-confirm"]').waitFor({ timeout: 5000 })
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})

test('a running posting names its end date; a mature project’s 审定入库 is enabled', async () => {
  const { context, page, errors } = await openPage(browser, { viewport: VIEWPORT })
  try {
    await signIn(page, 'chengguan')
    await openProject(page, 'XZ2024540102L005')
    assert.equal(await page.locator('[data-action="admit"]').isDisabled(), true)
    const text = await page.locator('[data-blocked="admit"]').innerText()
    assert.match(text, /公示[\s\S]*公示期未满：公示至 \d{4}-\d{2}-\d{2}，\d{4}-\d{2}-\d{2} 起方可办理/)
    assert.doesNotMatch(text, internalCode)
    await page.waitForTimeout(300)
    await screenshot(page, 'project-blockers-posting.png')

    await openProject(page, 'XZ2024540102L001')
    assert.equal(await page.locator('[data-action="admit"]').isDisabled(), false)
    assert.equal(await page.locator('[data-test="blockers"]').count(), 0)
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})

test('a refusal a refresh cannot fix (the compliance review) does not advise refreshing', async () => {
  const { context, page, errors } = await openPage(browser, { viewport: VIEWPORT })
  try {
    await signIn(page, 'chengguan')
    await openProject(page, 'XZ2024540102L003')
    await page.locator('[data-action="county_review"]').click()
    await page.locator('[data-test="action-confirm"]').click()
    const alert = page.locator('[data-test="action-error"]')
    await alert.locator('[data-test="action-details"]').waitFor({ timeout: 10000 })
    const text = await alert.innerText()
    assert.match(text, /合规性审核未通过/)
    assert.doesNotMatch(text, /刷新|重试/)
    assert.doesNotMatch(text, /township_reviewed/)
    assert.equal(await page.locator('[data-test="refresh-hint"]').count(), 0)
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})
