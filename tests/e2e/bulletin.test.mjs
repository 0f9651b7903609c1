// E2E: the quarterly bulletin (季通报, issue #21 point 9) as printed — the PDF itself, from Chromium's
// page.pdf() read back with poppler (pdftotext for its words, pdftoppm for its pages as images): every unit in
// the chart, the quarter and date following the as-of date, the 通报 header (issuing body, 文号, 落款), lagging
// counties listed, and no near-empty last page.
// poppler-utils (pdftotext, pdftoppm) is a Debian package that scripts/setup.sh installs; without it the PDF
// tests are skipped with that message.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { launch, openPage, baseUrl, screenshot, screenshotDir, signIn, useServer, stopServer } from './lib.mjs'

const POPPLER = spawnSync('pdftoppm', ['-v']).error ? 'pdftoppm/pdftotext not installed (Debian poppler-utils; scripts/setup.sh installs it)' : false
const PREFECTURES = ['拉萨市', '日喀则市', '昌都市', '林芝市', '山南市', '那曲市', '阿里地区']
const VIEW = 'region=540000&year=2023&as_of=2023-07-05'

let browser
let tmp
before(async () => {
  ;[browser] = await Promise.all([launch(), useServer()])
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xj-bulletin-'))
})
after(async () => {
  await browser?.close()
  await stopServer()
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true })
})

async function openBulletin(page, query) {
  await page.goto(`${baseUrl()}/bulletin?${query}`, { waitUntil: 'domcontentloaded' })
  await page.locator('[data-test="bulletin-title"]').waitFor({ timeout: 20000 })
  await page.locator('[data-test="bulletin-chart"] svg').first().waitFor({ timeout: 20000 })
  await page.waitForTimeout(300)
}

/** Prints the page as Chromium does (A4, the page's own @page size) and reads the PDF back. */
async function printPdf(page, name) {
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })
  assert.equal(pdf.subarray(0, 4).toString(), '%PDF')
  const file = path.join(tmp, `${name}.pdf`)
  fs.writeFileSync(file, pdf)
  fs.copyFileSync(file, path.join(screenshotDir(), `${name}.pdf`))
  const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
  assert.equal(text.status, 0, text.stderr)
  const pages = text.stdout.split('\f').filter((p, i, all) => i < all.length - 1 || p.trim())
  // pages as greyscale images (PGM: a header and one byte per pixel) to measure how full each is
  const prefix = path.join(tmp, name)
  const img = spawnSync('pdftoppm', ['-gray', '-r', '50', file, prefix])
  assert.equal(img.status, 0, String(img.stderr))
  const images = fs
    .readdirSync(tmp)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.pgm'))
    .sort()
    .map((f) => readPgm(path.join(tmp, f)))
  // and one PNG per page to look at
  spawnSync('pdftoppm', ['-png', '-r', '60', file, path.join(screenshotDir(), name)])
  return { pages, images }
}

function readPgm(file) {
  const buf = fs.readFileSync(file)
  // P5\n<w> <h>\n255\n<data>
  const header = buf.subarray(0, 40).toString('latin1').match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/)
  assert.ok(header, `not a PGM: ${file}`)
  const [, w, h] = header.map(Number)
  return { width: w, height: h, data: buf.subarray(header[0].length) }
}

/** The share of the page's height down to its last inked row (0 = blank, 1 = to the bottom edge). */
function filled(img) {
  for (let y = img.height - 1; y >= 0; y--) {
    const row = img.data.subarray(y * img.width, (y + 1) * img.width)
    if (row.some((v) => v < 245)) return (y + 1) / img.height
  }
  return 0
}

test('the printed bulletin carries every unit in its chart, the 通报 header, lagging counties and no near-empty page', { skip: POPPLER }, async () => {
  const { context, page, errors } = await openPage(browser, { viewport: { width: 1440, height: 900 } })
  try {
    await signIn(page, 'leader')
    await openBulletin(page, `${VIEW}&word=${encodeURIComponent('藏乡振')}&no=3`)
    // on the screen: issuing body from the user's region, 文号, title by quarter, 落款 dated the as-of date
    assert.equal(await page.locator('[data-test="bulletin-org-mark"]').innerText(), '西藏自治区乡村振兴局')
    assert.equal(await page.locator('[data-test="bulletin-doc-no"]').innerText(), '藏乡振〔2023〕3号')
    assert.equal(await page.locator('[data-test="bulletin-title"]').innerText(), '西藏自治区2023年第三季度衔接资金项目推进情况通报')
    assert.match(await page.locator('[data-test="bulletin-sign"]').innerText(), /西藏自治区乡村振兴局\s+2023年7月5日/)
    // every prefecture with funds has its bar and its full name in the chart (SVG text)
    const names = await page.locator('[data-test="bulletin-chart"] svg text').evaluateAll((els) => els.map((e) => e.textContent))
    for (const p of PREFECTURES) assert.ok(names.includes(p), `${p} in the chart: ${names.join(' ')}`)
    // lagging units go down to the counties: the table holds exactly the counties behind time progress
    const behind = await page.evaluate(async () => {
      const q = 'year=2023&as_of=2023-07-05'
      const own = await (await fetch(`/api/v1/indicators?region=540000&${q}`)).json()
      const pre = (await (await fetch(`/api/v1/indicators?region=540000&${q}&by=children`)).json()).items
      const out = []
      for (const p of pre) {
        const kids = (await (await fetch(`/api/v1/indicators?region=${p.region_code}&${q}&by=children`)).json()).items
        for (const k of kids) if (k.expend_progress !== null && k.expend_progress < own.time_progress) out.push(k.region_name)
      }
      return out
    })
    assert.ok(behind.length > 1, 'the demo has counties behind time progress')
    const rows = await page.locator('[data-test="bulletin-lagging-counties"] [data-county]').allInnerTexts()
    assert.equal(rows.length, behind.length)
    assert.deepEqual(new Set(rows), new Set(behind))
    await screenshot(page, 'bulletin.png')

    // the PDF itself
    const { pages, images } = await printPdf(page, 'bulletin')
    assert.ok(pages.length >= 2 && pages.length <= 3, `pages: ${pages.length}`)
    assert.equal(images.length, pages.length)
    const first = pages[0]
    assert.match(first, /西藏自治区乡村振兴局/)
    assert.match(first, /藏乡振〔2023〕3号/)
    assert.match(first, /2023年第三季度/)
    const chart = first.slice(first.indexOf('二、各单位支出进度'), first.indexOf('三、进度滞后单位'))
    assert.ok(chart.length > 0, 'the chart section is on page 1')
    for (const p of PREFECTURES) assert.ok(chart.includes(p), `${p} in the printed chart`)
    const all = pages.join('\n')
    for (const c of behind) assert.ok(all.includes(c), `${c} (lagging county) in the PDF`)
    assert.match(pages[pages.length - 1], /西藏自治区乡村振兴局\s*\n[\s\S]*2023年7月5日/)
    // no near-empty last page: the last page is inked down to at least a quarter of its height
    const last = filled(images[images.length - 1])
    assert.ok(last > 0.25, `last page filled to ${(last * 100).toFixed(0)}% of its height`)
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})

test('the quarter and the date follow the as-of date; the header inputs change the printed 通报', { skip: POPPLER }, async () => {
  const { context, page, errors } = await openPage(browser, { viewport: { width: 1440, height: 900 } })
  try {
    await signIn(page, 'leader')
    const title = () => page.locator('[data-test="bulletin-title"]').innerText()
    await openBulletin(page, 'region=540000&year=2023&as_of=2023-09-30')
    assert.match(await title(), /2023年第三季度/)
    // the default issue number is the quarter's
    assert.equal(await page.locator('[data-test="bulletin-doc-no"]').innerText(), '〔2023〕3号')
    await openBulletin(page, 'region=540000&year=2023&as_of=2023-10-08')
    assert.match(await title(), /2023年第四季度/)
    // after the fund year (the following January): still that year's fourth quarter, dated the as-of date
    await openBulletin(page, 'region=540000&year=2023&as_of=2024-01-15')
    assert.match(await title(), /2023年第四季度/)
    assert.match(await page.locator('[data-test="bulletin-sign"]').innerText(), /2024年1月15日/)
    assert.equal(await page.locator('[data-test="bulletin-doc-no"]').innerText(), '〔2024〕4号')

    // the as-of date picked on the page moves the quarter, the figures and the date
    await openBulletin(page, VIEW)
    const date = page.locator('[data-test="bulletin-inputs"] .el-date-editor input').first()
    await date.fill('2023-04-10')
    await date.press('Enter')
    await page.waitForURL(/as_of=2023-04-10/)
    await page.waitForFunction(() => /第二季度/.test(document.querySelector('[data-test="bulletin-title"]')?.textContent ?? ''), null, { timeout: 15000 })
    await page.locator('[data-test="bulletin-summary"]', { hasText: '截至 2023-04-10' }).waitFor({ timeout: 15000 })
    assert.match(await page.locator('[data-test="bulletin-sign"]').innerText(), /2023年4月10日/)

    // issuing body, 机关代字 and number typed in: in the URL and on the printed page
    const input = (t) => page.locator(`input[data-test="${t}"], [data-test="${t}"] input`).first()
    await input('bulletin-org').fill('拉萨市乡村振兴局')
    await input('bulletin-word').fill('拉乡振')
    await input('bulletin-no').fill('12a')
    await page.waitForURL(/no=12/)
    assert.equal(await page.locator('[data-test="bulletin-doc-no"]').innerText(), '拉乡振〔2023〕12号')
    assert.equal(await page.locator('[data-test="bulletin-org-mark"]').innerText(), '拉萨市乡村振兴局')
    await page.locator('[data-test="bulletin-chart"] svg').first().waitFor()
    const { pages, images } = await printPdf(page, 'bulletin-q2')
    // more lagging counties in April: the rows are tightened rather than leaving a near-empty last page
    const last = filled(images[images.length - 1])
    assert.ok(last > 0.25, `last page filled to ${(last * 100).toFixed(0)}% of its height`)
    assert.match(pages[0], /拉萨市乡村振兴局/)
    assert.match(pages[0], /拉乡振〔2023〕12号/)
    assert.match(pages[0], /2023年第二季度/)
    assert.doesNotMatch(pages.join('\n'), /打印 \/ 另存为 PDF|发文机关/, 'the inputs are not printed')
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})

test('a prefecture bulletin lists its counties in the chart and prints every one', { skip: POPPLER }, async () => {
  const { context, page, errors } = await openPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true })
  try {
    await signIn(page, 'leader')
    await openBulletin(page, 'region=540100&year=2023&as_of=2023-07-05')
    assert.match(await page.locator('[data-test="bulletin-title"]').innerText(), /^拉萨市2023年第三季度/)
    const kids = await page.evaluate(async () =>
      (await (await fetch('/api/v1/indicators?region=540100&year=2023&as_of=2023-07-05&by=children')).json()).items
        .filter((k) => k.allocated_fen > 0)
        .map((k) => k.region_name),
    )
    assert.ok(kids.length >= 8, `拉萨市 has ${kids.length} counties with funds`)
    const names = await page.locator('[data-test="bulletin-chart"] svg text').evaluateAll((els) => els.map((e) => e.textContent))
    for (const k of kids) assert.ok(names.includes(k), `${k} in the chart`)
    await screenshot(page, 'bulletin-390.png')
    const { pages, images } = await printPdf(page, 'bulletin-prefecture')
    const last = filled(images[images.length - 1])
    assert.ok(images.length === 1 || last > 0.25, `last page filled to ${(last * 100).toFixed(0)}% of its height`)
    const first = pages[0]
    const chart = first.slice(first.indexOf('二、各单位支出进度'), first.indexOf('三、进度滞后单位'))
    for (const k of kids) assert.ok(chart.includes(k), `${k} in the printed chart`)
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})
