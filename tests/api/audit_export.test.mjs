// The audit trail answers "who changed what" (issue #21 point 7): a plain key (project code,
// voucher number, username) finds its rows without a type prefix; the export holds every row of
// the list's filters and scope as XLSX or CSV, with the screen's Chinese columns, Beijing time and
// the 变更内容 text (changed fields old → new, amounts in 万元, a reversal's voucher, amount in 元 to the fen, reason).
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer } from '../lib/server.mjs'
import { xlsxRows } from '../lib/xlsx.mjs'

let server, auditor, countyAuditor, chengguan, bayi, finance, leader
before(async () => {
  server = await startServer({
    users: [
      { username: 'admin', role: 'admin', region: '540000' },
      { username: 'auditor', role: 'auditor', region: '540000' },
      { username: 'cg-auditor', role: 'auditor', region: '540102' },
      { username: 'chengguan', role: 'county_officer', region: '540102' },
      { username: 'bayi', role: 'county_officer', region: '540402' },
      { username: 'finance', role: 'finance_officer', region: '540000' },
      { username: 'leader', role: 'leader', region: '540000' },
    ],
  })
  auditor = await server.login('auditor')
  countyAuditor = await server.login('cg-auditor')
  chengguan = await server.login('chengguan')
  bayi = await server.login('bayi')
  finance = await server.login('finance')
  leader = await server.login('leader')

  // A project of 城关区 created, then its total investment changed: 100.00 → 123.46 万元.
  const made = await chengguan.post('/api/v1/projects', project('XZ-AUD-1', '540102'))
  assert.equal(made.status, 201, await made.clone().text())
  const { version } = await made.json()
  const edited = await chengguan.fetch('/api/v1/projects/XZ-AUD-1', {
    method: 'PUT',
    json: { ...project('XZ-AUD-1', '540102'), total_investment_fen: 123_456_789, version },
  })
  assert.equal(edited.status, 200, await edited.clone().text())
  // One of 巴宜区 (林芝市): outside the 城关区 auditor's scope.
  assert.equal((await bayi.post('/api/v1/projects', project('XZ-AUD-9', '540402'))).status, 201)

  // Vouchers: one alone, three in one batch, then the reversal of the first.
  const posted = await finance.post('/api/v1/ledger', entry({ entry_id: 'PZ-A1' }))
  assert.equal(posted.status, 201, await posted.clone().text())
  const batch = await finance.post('/api/v1/ledger', [entry({ entry_id: 'PZ-B1' }), entry({ entry_id: 'PZ-B2' }), entry({ entry_id: 'PZ-B3' })])
  assert.equal(batch.status, 201, await batch.clone().text())
  const reversal = await finance.post('/api/v1/ledger', entry({ entry_id: 'PZ-A1-CX', kind: 'reverse', reverses: 'PZ-A1', note: '重复录入' }))
  assert.equal(reversal.status, 201, await reversal.clone().text())
})
after(async () => {
  await server?.stop()
})

function project(code, region) {
  return {
    project_code: code, name: '青稞加工项目', year: 2024, region_code: region, category: '0102',
    total_investment_fen: 100_000_000, central_fund_fen: 80_000_000, other_fund_fen: 20_000_000,
    planned_start: '2024-04-01', planned_finish: '2024-10-31', responsible_person: '格桑旺堆',
    sheet: { implementing_unit: '农业农村局', construction_content: '加工车间', fund_uses: '厂房' },
  }
}
function entry(over) {
  return {
    entry_id: 'X', date: '2024-03-01', kind: 'allocate', fund_source: 'central', fund_year: 2024,
    region_code: '540102', amount_fen: 500_000_000, ...over,
  }
}

const list = async (client, q) => {
  const res = await client.get(`/api/v1/audit?page_size=500&${q}`)
  assert.equal(res.status, 200, q)
  return res.json()
}
/** "2026-12-07T16:30:00.000Z" → "2026-12-08 00:30:00" */
const beijing = (at) => new Date(Date.parse(at) + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ')

const HEADER = ['序号', '时间（北京时间）', '操作人', '角色', '操作', '对象', '区划代码', '变更内容', '来源地址', '哈希']

/** The export's title and data rows (those under the header), read from the XLSX or the CSV. */
async function exported(client, q, format = 'xlsx') {
  const res = await client.get(`/api/v1/exports/audit.xlsx?${q}${format === 'csv' ? '&format=csv' : ''}`)
  assert.equal(res.status, 200, `${q} ${format}: ${res.status}`)
  const bytes = Buffer.from(await res.arrayBuffer())
  const rows = format === 'csv' ? csvRows(bytes) : xlsxRows(bytes)
  const head = rows.findIndex((r) => r[0] === '序号')
  assert.deepEqual(rows[head], HEADER)
  return { title: rows[0][0], rows: rows.slice(head + 1).filter((r) => /^\d+$/.test(r[0] ?? '')) }
}
function csvRows(bytes) {
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with a BOM')
  const text = bytes.toString('utf8')
  const rows = []
  let row = [], cell = '', quoted = false
  for (let i = 1; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++
      else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') row.push(cell), (cell = '')
    else if (c === '\n') row.push(cell.replace(/\r$/, '')), rows.push(row), (row = []), (cell = '')
    else cell += c
  }
  if (cell || row.length) rows.push([...row, cell])
  return rows
}

test('a plain key finds its rows: a project code, a voucher inside a batch, a reversal, a username', async () => {
  const byCode = await list(auditor, 'entity=XZ-AUD-1')
  assert.deepEqual(byCode.items.map((r) => r.action), ['project.update', 'project.create'])
  assert.ok(byCode.items.every((r) => r.entity_type === 'project' && r.entity_id === 'XZ-AUD-1'))
  assert.equal((await list(auditor, 'entity=project:XZ-AUD-1')).total, 2, 'type:id still works')

  // PZ-B2 is the second voucher of a batch: the row is named after PZ-B1 and lists PZ-B2 in its keys.
  const inBatch = await list(auditor, 'entity=PZ-B2')
  assert.equal(inBatch.total, 1)
  assert.deepEqual([inBatch.items[0].entity_type, inBatch.items[0].entity_id, inBatch.items[0].after.keys], ['ledger_batch', 'PZ-B1', ['PZ-B1', 'PZ-B2', 'PZ-B3']])
  // PZ-A1: its own row and the reversal that names it.
  const original = await list(auditor, 'entity=PZ-A1')
  assert.deepEqual(original.items.map((r) => r.entity_id), ['PZ-A1-CX', 'PZ-A1'])
  const rev = (await list(auditor, 'entity=PZ-A1-CX')).items
  assert.equal(rev.length, 1)
  assert.deepEqual(rev[0].after.reversals, [{ entry_id: 'PZ-A1-CX', reverses: 'PZ-A1', amount_fen: 500_000_000, note: '重复录入' }])
  // Whole keys only: a prefix or a substring finds nothing.
  assert.equal((await list(auditor, 'entity=PZ-B')).total, 0)
  assert.equal((await list(auditor, 'entity=Z-B2')).total, 0)
  // A username; an entity type still lists its kind.
  const user = await list(auditor, 'entity=chengguan')
  assert.ok(user.total >= 1)
  assert.ok(user.items.every((r) => r.entity_id === 'chengguan'))
  assert.equal((await list(auditor, 'entity=region')).total, 82)
})

test('the export holds every row of the list (beyond one page), as XLSX and CSV, in Chinese and Beijing time', async () => {
  for (const q of ['', 'entity=region', 'entity=XZ-AUD-1', 'actor=finance', 'entity=PZ-A1']) {
    const shown = await list(auditor, q)
    for (const format of ['xlsx', 'csv']) {
      const { title, rows } = await exported(auditor, q, format)
      assert.equal(rows.length, shown.total, `${q} ${format}`)
      assert.deepEqual(rows.map((r) => Number(r[0])), shown.items.map((r) => r.seq), `${q} ${format}: same rows, newest first`)
      assert.deepEqual(rows.map((r) => r[1]), shown.items.map((r) => beijing(r.at)))
      assert.match(title, /^西藏自治区（540000） 审计日志/)
    }
  }
  assert.ok((await list(auditor, 'entity=region')).total > 20, 'more than one page of the screen')

  const { title, rows } = await exported(auditor, 'entity=XZ-AUD-1')
  assert.equal(title, '西藏自治区（540000） 审计日志（对象：XZ-AUD-1）')
  const [update, create] = rows
  assert.deepEqual(update.slice(2, 7), ['chengguan', '县级业务人员', '修改项目', '项目：XZ-AUD-1', '540102'])
  assert.equal(update[7], '总投资：100.00 万元 → 123.46 万元')
  // A creation lists every field (in the stored order), the sheet's fields flattened.
  assert.match(create[7], /^项目类别：0102；中央衔接资金：80\.00 万元；项目名称：青稞加工项目；其他资金：20\.00 万元；/)
  assert.match(create[7], /；实施单位：农业农村局；/)
  assert.match(create[7], /；总投资：100\.00 万元；年度：2024$/)

  const reversal = (await exported(auditor, 'entity=PZ-A1-CX', 'csv')).rows
  assert.equal(reversal.length, 1)
  assert.deepEqual(reversal[0].slice(4, 6), ['记账', '台账凭证：PZ-A1-CX'])
  assert.equal(reversal[0][7], '冲销凭证 PZ-A1-CX（冲销 PZ-A1）：金额 -5,000,000.00 元，原因：重复录入；条数：1；编号：PZ-A1-CX')
  const dated = await exported(auditor, 'actor=finance&from=2000-01-01&to=2999-12-31')
  assert.match(dated.title, /（操作人：finance、2000-01-01 至 2999-12-31）$/)
})

test('a county auditor exports exactly the rows it may list, never another county', async () => {
  const shown = await list(countyAuditor, '')
  const { title, rows } = await exported(countyAuditor, '')
  assert.equal(rows.length, shown.total)
  assert.match(title, /^城关区（540102） 审计日志/)
  assert.ok(rows.length > 0 && rows.every((r) => r[6].startsWith('540102')), 'only 城关区 rows')
  assert.ok(rows.some((r) => r[5] === '项目：XZ-AUD-1'))
  assert.equal((await exported(countyAuditor, 'entity=XZ-AUD-9')).rows.length, 0)
  assert.equal((await exported(auditor, 'entity=XZ-AUD-9')).rows.length, 1)
  for (const format of ['xlsx', 'csv']) {
    const outside = await countyAuditor.get(`/api/v1/exports/audit.xlsx?region=540400&format=${format}`)
    assert.equal(outside.status, 403)
  }
  assert.equal((await leader.get('/api/v1/exports/audit.xlsx')).status, 403)
})

test('a bad format or bad dates are 400 with stable codes', async () => {
  const code = async (q) => {
    const res = await auditor.get(`/api/v1/exports/audit.xlsx?${q}`)
    return [res.status, (await res.json()).error.code]
  }
  assert.deepEqual(await code('format=pdf'), [400, 'invalid_format'])
  assert.deepEqual(await code('from=yesterday'), [400, 'invalid_argument'])
  assert.deepEqual(await code('to=2024-02-30&format=csv'), [400, 'invalid_argument'])
  assert.deepEqual(await code('region=999999'), [404, 'not_found'])
})
