// Import templates (issue #21 point 6): every import kind offers an XLSX template (Chinese headers with
// units, one example row, a 填写说明 sheet describing every column) and a CSV one; the example row,
// filled from the caller's scope, imports as it is (the kinds in the order their examples refer to
// one another); an unknown kind is 404 unknown_import_kind. Import errors carry the Chinese column
// name (column_label) beside the English one, in the answer, in a job and in its error workbook.
// `xianjie template` writes the same file. On SQLite and PostgreSQL.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startServer, cli } from '../lib/server.mjs'
import { xlsxRows } from '../lib/xlsx.mjs'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
// Each kind with the user allowed to import it, in the order the examples need (a project before its
// contracts, a worker before the wages paid to them).
const KINDS = [
  ['regions', 'admin'],
  ['projects', 'region'],
  ['contracts', 'region'],
  ['progress', 'region'],
  ['workers', 'region'],
  ['wages', 'region'],
  ['assets', 'region'],
  ['ledger', 'finance'],
  ['benchmarks', 'admin'],
  ['factors', 'finance'],
]

let server
const clients = {}
before(async () => {
  server = await startServer({
    users: [
      { username: 'admin', role: 'admin', region: '540000' },
      { username: 'region', role: 'region_officer', region: '540000' },
      { username: 'finance', role: 'finance_officer', region: '540000' },
      { username: 'linzhou', role: 'county_officer', region: '540121' },
    ],
  })
  for (const u of ['admin', 'region', 'finance', 'linzhou']) clients[u] = await server.login(u)
})
after(async () => {
  await server?.stop()
})

const year = String(new Date(Date.now() + 8 * 3600_000).getUTCFullYear())

async function download(client, kind, format) {
  const res = await client.get(`/api/v1/imports/templates/${kind}${format ? `?format=${format}` : ''}`)
  assert.equal(res.status, 200, `${kind}: ${await res.clone().text()}`)
  return { res, bytes: Buffer.from(await res.arrayBuffer()) }
}

test('every kind has an XLSX template: Chinese headers with units, one example row, and a 填写说明 row per column', async () => {
  for (const [kind] of KINDS) {
    const { res, bytes } = await download(clients.admin, kind)
    assert.equal(res.headers.get('content-type'), XLSX)
    assert.match(res.headers.get('content-disposition'), /attachment; filename="template-[a-z]+\.xlsx"; filename\*=UTF-8''/)
    assert.match(decodeURIComponent(res.headers.get('content-disposition').split("UTF-8''")[1]), /导入模板\.xlsx$/)
    const rows = xlsxRows(bytes)
    assert.equal(rows.length, 2, `${kind}: header and one example row`)
    const [header, example] = rows
    assert.ok(header.every((h) => /^[\u4e00-\u9fa5]/.test(h)), `${kind}: Chinese headers ${header}`)
    assert.ok(example.some((c) => c !== ''), `${kind}: an example row`)
    const guide = xlsxRows(bytes, 2)
    // title, generation time (Beijing), header, one row per column, a blank row, 说明 and 通用规则
    assert.match(guide[1][0], /^生成时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）$/)
    assert.deepEqual(guide[2], ['列名（表头）', '英文列名', '必填', '单位', '含义', '允许的值或格式', '示例'])
    const described = guide.slice(3, 3 + header.length)
    assert.deepEqual(described.map((r) => r[0]), header, `${kind}: every column described in order`)
    for (const r of described) {
      assert.match(r[2], /^[是否]$/)
      assert.ok(r[4] && r[5], `${kind} ${r[0]}: meaning and allowed values`)
    }
    assert.equal(guide[3 + header.length + 1][0], '说明')
  }
  const projects = xlsxRows((await download(clients.region, 'projects')).bytes)
  assert.ok(projects[0].includes('总投资（万元）') && projects[0].includes('中央衔接资金（万元）'), projects[0].join())
  const wages = xlsxRows((await download(clients.region, 'wages')).bytes)
  assert.ok(wages[0].includes('发放金额（元）'))
})

test('the CSV template is UTF-8 with BOM and holds the same header and example as the XLSX one', async () => {
  for (const [kind] of KINDS) {
    const { res, bytes } = await download(clients.region, kind, 'csv')
    assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8')
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf])
    const lines = bytes.subarray(3).toString('utf8').split('\r\n')
    assert.equal(lines.length, 3, `${kind}: header, example, final CRLF`)
    const xlsx = xlsxRows((await download(clients.region, kind)).bytes)
    assert.equal(lines[0], xlsx[0].join(','))
    assert.equal(lines[1].split(',').length, xlsx[0].length)
  }
})

test('the example row follows the caller: a county officer gets their county, the year is the current Beijing year', async () => {
  const mine = xlsxRows((await download(clients.linzhou, 'projects')).bytes)
  const at = (rows, name) => rows[1][rows[0].indexOf(name)]
  assert.equal(at(mine, '区划代码'), '540121')
  assert.equal(at(mine, '年度'), year)
  assert.equal(at(mine, '项目编码'), `示例-540121-${year}-001`)
  const theirs = xlsxRows((await download(clients.region, 'projects')).bytes)
  assert.notEqual(at(theirs, '区划代码'), '540121')
})

test('downloaded as it is, every template imports: the example rows of all ten kinds in order', async () => {
  const region = xlsxRows((await download(clients.region, 'projects')).bytes)
  const county = region[1][region[0].indexOf('区划代码')]
  const audit = async () => (await (await clients.admin.get('/api/v1/audit?page_size=1')).json()).total
  for (const [kind, user] of KINDS) {
    const { bytes } = await download(clients[user], kind)
    const before = await audit()
    const res = await clients[user].fetch(`/api/v1/imports/${kind}`, { method: 'POST', body: bytes, headers: { 'Content-Type': XLSX } })
    assert.equal(res.status, 200, `${kind}: ${await res.clone().text()}`)
    const report = await res.json()
    assert.equal(report.kind, kind)
    assert.equal(report.rows, 1)
    if (kind === 'regions') {
      assert.equal(report.unchanged, 1, 'the example region is an existing one')
    } else {
      assert.equal(report.inserted + report.updated, 1, `${kind}: ${JSON.stringify(report)}`)
      assert.ok((await audit()) > before, `${kind}: the import is audited`)
    }
  }
  // What the examples wrote, read back.
  const project = await (await clients.region.get(`/api/v1/projects/${encodeURIComponent(`示例-${county}-${year}-001`)}`)).json()
  assert.equal(project.region_code, county)
  assert.equal(project.total_investment_fen, 120_0000_00)
  const ledger = await (await clients.finance.get(`/api/v1/ledger?region=${county}&q=${encodeURIComponent(`示例-PZ-${year}-0001`)}`)).json()
  assert.equal(ledger.total, 1)
  // Imported again, each example is unchanged or (factors, whose import is an upsert) unchanged too.
  for (const [kind, user] of [['projects', 'region'], ['ledger', 'finance'], ['factors', 'finance']]) {
    const { bytes } = await download(clients[user], kind, 'csv')
    const res = await clients[user].fetch(`/api/v1/imports/${kind}`, { method: 'POST', body: bytes, headers: { 'Content-Type': 'text/csv' } })
    assert.equal(res.status, 200, `${kind} csv: ${await res.clone().text()}`)
    const report = await res.json()
    assert.equal(report.inserted, 0, `${kind}: ${JSON.stringify(report)}`)
    assert.equal(report.unchanged, 1, `${kind}: ${JSON.stringify(report)}`)
  }
})

test('an unknown kind is 404 unknown_import_kind, an unknown format 400 invalid_format, without a session 401', async () => {
  for (const kind of ['budget', 'jobs', 'REGIONS']) {
    const res = await clients.admin.get(`/api/v1/imports/templates/${kind}`)
    assert.equal(res.status, 404)
    const body = await res.json()
    assert.equal(body.error.code, 'unknown_import_kind')
    assert.match(body.error.message, /regions\|projects/)
  }
  const bad = await clients.admin.get('/api/v1/imports/templates/projects?format=pdf')
  assert.equal(bad.status, 400)
  assert.equal((await bad.json()).error.code, 'invalid_format')
  const anonymous = await fetch(`${server.baseUrl}/api/v1/imports/templates/projects`)
  assert.equal(anonymous.status, 401)
})

test('import errors name the column in Chinese (column_label) in the answer, the job and its error workbook', async () => {
  const csv = '凭证号,日期,类型,资金来源,资金年度,区划代码,项目编码,金额（万元）\nPZ-E-1,2023-02-30,下达,中央,2023,540102,,abc\n'
  const res = await clients.finance.fetch('/api/v1/imports/ledger', { method: 'POST', body: csv, headers: { 'Content-Type': 'text/csv' } })
  assert.equal(res.status, 400)
  const details = (await res.json()).error.details
  const byColumn = Object.fromEntries(details.map((d) => [d.column, d]))
  assert.equal(byColumn.date.column_label, '日期')
  assert.equal(byColumn.amount.column_label, '金额')
  assert.match(byColumn.date.message, /[\u4e00-\u9fa5]/)

  const submitted = await clients.finance.fetch('/api/v1/imports/ledger/jobs?file_name=bad.csv', { method: 'POST', body: csv, headers: { 'Content-Type': 'text/csv' } })
  assert.equal(submitted.status, 202)
  const id = (await submitted.json()).job_id
  let job
  for (let i = 0; i < 200; i++) {
    job = await (await clients.finance.get(`/api/v1/imports/jobs/${id}`)).json()
    if (job.state === 'failed') break
    await new Promise((r) => setTimeout(r, 50))
  }
  assert.equal(job.state, 'failed')
  assert.deepEqual(job.errors.map((e) => e.column_label).sort(), ['日期', '金额'])
  const book = await clients.finance.get(job.errors_url)
  assert.equal(book.status, 200)
  const rows = xlsxRows(Buffer.from(await book.arrayBuffer()))
  const header = rows.find((r) => r.includes('列名'))
  assert.deepEqual(header.slice(0, 5), ['工作表', '行号', '列', '列名', '英文列名'])
  const listed = rows.slice(rows.indexOf(header) + 1).map((r) => [r[3], r[4]])
  assert.deepEqual(listed.sort(), [['日期', 'date'], ['金额', 'amount']])
})

test('xianjie template writes the same template, and refuses an unknown kind', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xianjie-template-'))
  try {
    const out = path.join(dir, 'ledger.xlsx')
    const r = cli(['template', '--db', server.db, '--kind', 'ledger', '--out', out])
    assert.equal(r.status, 0, r.stderr)
    assert.match(r.stdout, /资金台账导入模板/)
    const rows = xlsxRows(fs.readFileSync(out))
    assert.deepEqual(rows[0], ['凭证号', '日期', '类型', '资金来源', '资金年度', '区划代码', '项目编码', '金额（万元）', '收款方', '收款方类型', '冲销凭证号', '备注'])
    const csv = path.join(dir, 'wages.csv')
    assert.equal(cli(['template', '--db', server.db, '--kind', 'wages', '--format', 'csv', '--out', csv]).status, 0)
    assert.match(fs.readFileSync(csv, 'utf8'), /^\uFEFF项目编码,身份证号,发放日期,发放金额（元）/)
    const unknown = cli(['template', '--db', server.db, '--kind', 'budget', '--out', path.join(dir, 'x.xlsx')])
    assert.notEqual(unknown.status, 0)
    assert.match(unknown.stderr, /没有这种导入类型的模板/)
    assert.ok(!fs.existsSync(path.join(dir, 'x.xlsx')))
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
})
