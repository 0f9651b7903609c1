// One way to show money in exports (issue #21 point 5, docs/definitions.md §18), on SQLite and
// PostgreSQL: every matching row (not a page), CSV (UTF-8 with BOM) beside XLSX, a title that
// states the filters, the screen's column labels, a 合计 row added up in integer fen, a reversal
// negative as on the screens (and the export, XLSX or CSV with its title lines and 合计 row, imports
// back unchanged, also into a fresh database), and a bad format
// refused with a stable code before anything is written.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer } from '../lib/server.mjs'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const users = [
  { username: 'region', role: 'region_officer', region: '540000' },
  { username: 'finance', role: 'finance_officer', region: '540000' },
  { username: 'county', role: 'finance_officer', region: '540102' },
]

// 45 allocations to 城关区 (more than two default pages of 20) of i 元 and i×7 % 100 fen, and one
// reversal of A3: the amounts are generated here, so the test knows every one of them.
const ALLOCATIONS = 45
const amountFen = (i) => BigInt(i) * 100n + BigInt((i * 7) % 100)
const yuan = (fen) => {
  const neg = fen < 0n
  const abs = neg ? -fen : fen
  return `${neg ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`
}

let server, region, finance, county
before(async () => {
  server = await startServer({ users })
  region = await server.login('region')
  finance = await server.login('finance')
  county = await server.login('county')
  const projects =
    '项目编码,项目名称,年度,区划代码,项目类别,总投资（元）,中央衔接资金（元）,其他资金（元）,状态\n' +
    'XM1,城关区牦牛养殖,2023,540102,产业发展,1000000.01,800000.01,200000.00,approved\n' +
    'XM2,城关区道路,2023,540102,基础设施,333333.33,222222.22,111111.11,approved\n' +
    'XM3,堆龙德庆区灌渠,2023,540103,基础设施,0.03,0.02,0.01,approved\n'
  const p = await region.fetch('/api/v1/imports/projects', { method: 'POST', body: projects, headers: { 'Content-Type': 'text/csv' } })
  assert.equal(p.status, 200, await p.text())
  const lines = ['凭证号,日期,类型,资金来源,资金年度,区划代码,项目编码,金额,收款方,收款方类型,冲销凭证号,备注']
  for (let i = 1; i <= ALLOCATIONS; i++) lines.push(`A${i},2023-02-${String((i % 28) + 1).padStart(2, '0')},下达,中央,2023,540102,,${yuan(amountFen(i))},,,,`)
  lines.push(`R1,2023-03-01,冲销,中央,2023,540102,,${yuan(amountFen(3))},,,A3,录错`)
  const l = await finance.fetch('/api/v1/imports/ledger', { method: 'POST', body: lines.join('\n') + '\n', headers: { 'Content-Type': 'text/csv' } })
  assert.equal(l.status, 200, await l.text())
})
after(async () => {
  await server?.stop()
})

/** The lines of a CSV answer, after checking it is UTF-8 CSV with a BOM. */
async function csvLines(res) {
  assert.equal(res.status, 200, await res.clone().text())
  assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8')
  const bytes = Buffer.from(await res.arrayBuffer())
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf])
  const text = bytes.subarray(3).toString('utf8')
  assert.ok(text.endsWith('\r\n'))
  return text.slice(0, -2).split('\r\n')
}

/** Every item the JSON list answers for `query`, page after page. */
async function listAll(client, route, query) {
  const items = []
  for (let page = 1; ; page++) {
    const body = await (await client.get(`${route}?${query}&page=${page}&page_size=20`)).json()
    items.push(...body.items)
    if (items.length >= body.total || body.items.length === 0) return items
  }
}

test('the ledger export holds every matching row, not a page, with its 合计 in fen and the reversal negative', async () => {
  // page and page_size of the screen are ignored by the export
  const lines = await csvLines(await finance.get('/api/v1/exports/ledger.xlsx?region=540102&year=2023&kind=allocate&page=2&page_size=5&format=csv'))
  assert.match(lines[0], /^城关区（540102） 资金台账（2023年度资金、类型：下达）$/)
  assert.equal(lines[1], '单位：元')
  assert.equal(lines[2], '凭证号,日期,类型,资金来源,资金年度,区划代码,项目编码,金额（元）,收款方,收款方类型,冲销凭证号,备注')
  const rows = lines.slice(3, -1)
  const listed = await listAll(finance, '/api/v1/ledger', 'region=540102&year=2023&kind=allocate')
  assert.equal(listed.length, ALLOCATIONS)
  assert.equal(rows.length, ALLOCATIONS)
  assert.deepEqual(rows.map((r) => r.split(',')[0]).sort(), listed.map((e) => e.entry_id).sort())
  let sum = 0n
  for (let i = 1; i <= ALLOCATIONS; i++) sum += amountFen(i)
  assert.equal(lines.at(-1), `合计,,,,,,,${yuan(sum)},,,,`)
  const a7 = rows.find((r) => r.startsWith('A7,'))
  assert.equal(a7.split(',')[7], yuan(amountFen(7)))

  // Without a kind the amounts are of several kinds: no 合计; the reversal is negative, as on the ledger page
  const all = await csvLines(await finance.get('/api/v1/exports/ledger.xlsx?region=540102&format=csv'))
  assert.equal(all.length, 3 + ALLOCATIONS + 1)
  assert.ok(!all.some((l) => l.startsWith('合计')))
  assert.equal(all.find((l) => l.startsWith('R1,')), `R1,2023-03-01,冲销,中央财政衔接资金,2023,540102,,-${yuan(amountFen(3))},,,A3,录错`)
})

test('the ledger XLSX with its reversal negative imports back unchanged', async () => {
  const res = await finance.get('/api/v1/exports/ledger.xlsx?region=540102')
  assert.equal(res.status, 200)
  assert.equal(res.headers.get('content-type'), XLSX)
  assert.match(res.headers.get('content-disposition'), /filename\*=UTF-8''%E8%B5%84%E9%87%91%E5%8F%B0%E8%B4%A6\.xlsx/) // 资金台账.xlsx
  const bytes = Buffer.from(await res.arrayBuffer())
  assert.equal(bytes.subarray(0, 2).toString(), 'PK')
  const again = await finance.fetch('/api/v1/imports/ledger', { method: 'POST', body: bytes, headers: { 'Content-Type': XLSX } })
  assert.equal(again.status, 200, await again.clone().text())
  const report = await again.json()
  assert.equal(report.rows, ALLOCATIONS + 1)
  assert.equal(report.unchanged, ALLOCATIONS + 1)
  assert.equal(report.inserted, 0)
})

test('the ledger CSV, title lines and 合计 row included, imports into a fresh database as it is: same rows, same totals', async () => {
  const exportCsv = async (client, query) => {
    const res = await client.get(`/api/v1/exports/ledger.xlsx?${query}&format=csv`)
    assert.equal(res.status, 200)
    return Buffer.from(await res.arrayBuffer())
  }
  const all = await exportCsv(finance, 'region=540102')
  const allocations = await exportCsv(finance, 'region=540102&kind=allocate')
  assert.match(allocations.toString('utf8'), /\r\n合计,/) // the 合计 row is there to be skipped
  const fresh = await startServer({ users })
  try {
    const clerk = await fresh.login('finance')
    const post = (body) => clerk.fetch('/api/v1/imports/ledger', { method: 'POST', body, headers: { 'Content-Type': 'text/csv' } })
    // A clerk's slip in the exported file (a 30 February): refused at the file's own line and column,
    // title lines counted, and nothing recorded (all-or-nothing).
    const text = allocations.toString('utf8')
    const a7 = text.split('\r\n').findIndex((l) => l.startsWith('A7,'))
    const slipped = text.replace(/\r\nA7,2023-02-\d\d,/, '\r\nA7,2023-02-30,')
    assert.notEqual(slipped, text)
    const refused = await post(Buffer.from(slipped))
    assert.equal(refused.status, 400)
    const { error } = await refused.json()
    assert.equal(error.details.length, 1, JSON.stringify(error))
    assert.deepEqual([error.details[0].code, error.details[0].row, error.details[0].column, error.details[0].column_index], ['invalid_date', a7 + 1, 'date', 2])
    assert.equal((await (await clerk.get('/api/v1/ledger?region=540102')).json()).total, 0)

    // The export of every voucher (no 合计: several kinds) and that of the allocations (with its 合计).
    const first = await post(all)
    assert.equal(first.status, 200, await first.clone().text())
    assert.equal((await first.json()).inserted, ALLOCATIONS + 1)
    const second = await post(allocations)
    assert.equal(second.status, 200, await second.clone().text())
    const again = await second.json()
    assert.deepEqual([again.rows, again.unchanged, again.inserted], [ALLOCATIONS, ALLOCATIONS, 0])
    // Exported again from the fresh database, byte for byte the same files: rows, reversal, 合计.
    assert.equal((await exportCsv(clerk, 'region=540102')).toString('utf8'), all.toString('utf8'))
    assert.equal((await exportCsv(clerk, 'region=540102&kind=allocate')).toString('utf8'), allocations.toString('utf8'))
    let sum = 0n
    for (let i = 1; i <= ALLOCATIONS; i++) sum += amountFen(i)
    assert.ok(allocations.toString('utf8').endsWith(`合计,,,,,,,${yuan(sum)},,,,\r\n`))
  } finally {
    await fresh.stop()
  }
})

test('the projects export has the screen labels, the filters in its title and a 合计 of every project in fen', async () => {
  const lines = await csvLines(await region.get('/api/v1/exports/projects.xlsx?region=540100&year=2023&q=%E5%9F%8E%E5%85%B3&format=csv'))
  assert.match(lines[0], /^拉萨市（540100） 项目清单（2023年度、含“城关”）$/)
  assert.match(lines[1], /^单位：元；共2个项目$/)
  assert.equal(lines[2],
    '项目编码,项目名称,年度,区划代码,所属区划,项目类别,建设内容,总投资（元）,中央衔接资金（元）,其他资金（元）,' +
    '计划开工,计划完工,实际开工,实际完工,状态,责任人,政府投资基建,技术要求低,以工代赈')
  const listed = await listAll(region, '/api/v1/projects', `region=540100&year=2023&q=${encodeURIComponent('城关')}`)
  assert.deepEqual(lines.slice(3, -1).map((l) => l.split(',')[0]).sort(), listed.map((p) => p.project_code).sort())
  const total = listed.reduce((s, p) => s + BigInt(p.total_investment_fen), 0n)
  const central = listed.reduce((s, p) => s + BigInt(p.central_fund_fen), 0n)
  assert.equal(total, 133333334n) // 1,000,000.01 + 333,333.33 元, as imported
  const last = lines.at(-1).split(',')
  assert.deepEqual(last.slice(0, 10), ['合计', '', '', '', '', '', '', yuan(total), yuan(central), '311111.11'])  // 200,000.00 + 111,111.11 元

  // XLSX of the same filters: a workbook named 项目清单.xlsx
  const x = await region.get('/api/v1/exports/projects.xlsx?region=540100&year=2023')
  assert.equal(x.status, 200)
  assert.equal(x.headers.get('content-type'), XLSX)
  assert.equal(Buffer.from(await x.arrayBuffer()).subarray(0, 2).toString(), 'PK')
})

test('every export offers CSV', async () => {
  for (const route of [
    '/api/v1/exports/dispatch.xlsx?region=540000&year=2023&as_of=2023-07-05',
    '/api/v1/exports/rankings.xlsx?region=540000&year=2023&as_of=2023-07-05',
    '/api/v1/exports/flags.xlsx?region=540000&year=2023&as_of=2023-07-05',
    '/api/v1/exports/settlements.xlsx?region=540000',
    '/api/v1/exports/supervision-coverage.xlsx?region=540000',
  ]) {
    const res = await region.get(`${route}&format=csv`)
    const lines = await csvLines(res)
    assert.match(res.headers.get('content-disposition'), /\.csv$/, route)
    assert.ok(lines.length >= 3, route)
  }
})

test('the rankings export uses the wall chart ranking labels, amounts in 元', async () => {
  const lines = await csvLines(await region.get('/api/v1/exports/rankings.xlsx?region=540000&year=2023&as_of=2023-07-05&format=csv'))
  assert.equal(lines[2], '名次,排名范围,区划代码,县区,下达（元）,支出（元）,以拨代支（元）,超进度拨款（元）,支出进度,考核支出进度,奖惩（元）,奖惩')
  assert.match(lines.at(-1), /^合计,/)
})

test('the flags export adds up only amounts of one kind', async () => {
  const tables = (lines) => lines.join('\n').split('\n\n').map((t) => t.split('\n'))
  const [all, disburse, payAhead] = tables(await csvLines(await region.get('/api/v1/exports/flags.xlsx?region=540000&year=2023&as_of=2023-07-05&format=csv')))
  assert.match(all[0], /问题预警清单$/)
  assert.equal(all[2], '类型,凭证号 / 项目,发现日期,区划代码,区划,项目编码,金额（元）,状态,负责人,说明/关闭理由,问题描述') // the flags page's labels
  assert.ok(!all.some((l) => l.startsWith('合计')), 'flags of every kind: no 合计')
  assert.match(disburse.at(-1), /^合计,/)
  assert.match(payAhead.at(-1), /^合计,/)
  const [one] = tables(await csvLines(await region.get('/api/v1/exports/flags.xlsx?region=540000&year=2023&as_of=2023-07-05&kind=disburse_as_expend&format=csv')))
  assert.match(one[0], /（类型：以拨代支） 问题预警清单$/)
  assert.match(one.at(-1), /^合计,/)
})

test('a bad format is a JSON error with a stable code and no file; scope and filters are checked as before', async () => {
  for (const route of ['/api/v1/exports/ledger.xlsx?region=540102', '/api/v1/exports/projects.xlsx?region=540102']) {
    for (const format of ['pdf', 'CSV', 'xls', '']) {
      if (format === '') continue
      const res = await finance.get(`${route}&format=${format}`)
      assert.equal(res.status, 400, `${route} ${format}`)
      assert.match(res.headers.get('content-type'), /^application\/json/)
      assert.equal(res.headers.get('content-disposition'), null)
      assert.equal((await res.json()).error.code, 'invalid_format')
    }
  }
  // The format is checked before the filters and the scope: nothing is read or written for it.
  assert.equal((await (await county.get('/api/v1/exports/ledger.xlsx?region=540100&format=pdf')).json()).error.code, 'invalid_format')
  const denied = await county.get('/api/v1/exports/ledger.xlsx?region=540100&format=csv')
  assert.equal(denied.status, 403)
  assert.equal((await denied.json()).error.code, 'permission_denied')
  const bad = await finance.get('/api/v1/exports/ledger.xlsx?region=540102&kind=flying&format=csv')
  assert.equal(bad.status, 400)
  assert.equal((await bad.json()).error.code, 'invalid_argument')
})
