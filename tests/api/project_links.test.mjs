// Links between records (issue #21 point 2, docs/definitions.md §19) over HTTP on the demo data: the
// 一村一策 plan a project names must be a plan of its village (an unknown id, an id of another kind of
// record or a plan of another village is refused and changes nothing); 中央资金 cannot exceed 总投资 on
// create, edit and import (all-or-nothing, with row and column); an empty project code is numbered by
// the rule in force, which the admin edits as reference data (a malformed rule is refused), and
// concurrent creates never get the same code.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer } from '../lib/server.mjs'
import { beijingDate } from '../lib/dates.mjs'

let server, admin, county, other
before(async () => {
  server = await startServer({
    demo: true,
    users: [
      { username: 'root', role: 'admin', region: '540000' },
      { username: 'chengguan', role: 'county_officer', region: '540102' },
      { username: 'duilongdeqing', role: 'county_officer', region: '540103' },
    ],
  })
  admin = await server.login('root')
  county = await server.login('chengguan')
  other = await server.login('duilongdeqing')
})
after(async () => {
  await server?.stop()
})

const json = async (res) => ({ status: res.status, body: await res.json() })
const put = (client, path, body) => client.fetch(path, { method: 'PUT', json: body })
const upload = (client, route, body) => client.fetch(route, { method: 'POST', body, headers: { 'Content-Type': 'text/csv' } })
// The server's 今天 is the Beijing date (docs/definitions.md §5).
const beijingToday = () => beijingDate()

const project = (code, region, extra = {}) => ({
  project_code: code,
  name: '链接测试项目',
  year: 2024,
  region_code: region,
  category: '0101',
  total_investment_fen: 100_000_000,
  central_fund_fen: 80_000_000,
  other_fund_fen: 20_000_000,
  ...extra,
})
const withPlan = (planId) => ({
  funds: [], implementing_unit: '', construction_content: '', fund_uses: '', benefit_mechanism: '',
  households_exited: 0, households_monitored: 0, targets: [], milestones: [], task_book: '', roadmap: '',
  responsible_contact: '', procurement: 'undecided', work_relief_considered: false, work_relief_note: '',
  village_plan_id: planId,
})

/** The demo's plans of 城关区, and two villages that have one each. */
async function plans() {
  const { body } = await json(await county.get('/api/v1/library/village-plans?region=540102'))
  assert.ok(body.items.length >= 2, JSON.stringify(body))
  const [a, b] = body.items.filter((p, i, all) => all.findIndex((q) => q.village_code === p.village_code) === i)
  assert.ok(a && b && a.village_code !== b.village_code, 'two plans of different villages')
  return { all: body.items, a, b }
}

test('a project names a plan of its village; an unknown id, an id of another record or another village’s plan is refused', async () => {
  const { all, a, b } = await plans()
  const ok = await json(await county.post('/api/v1/projects', project('LINK-1', a.village_code, { sheet: withPlan(a.id) })))
  assert.equal(ok.status, 201, JSON.stringify(ok.body))
  assert.equal(ok.body.sheet.village_plan_id, a.id)
  assert.equal(ok.body.village_plan.title, a.title)
  // A county-level project may implement a plan of any of its villages.
  assert.equal((await county.post('/api/v1/projects', project('LINK-2', '540102', { sheet: withPlan(b.id) }))).status, 201)

  // An id of another kind of record: an objection of a demo project is a library record too.
  let objection = 0
  for (const code of ['XZ2024540102L001', 'XZ2024540102L002', 'XZ2024540102L003', 'XZ2024540102L004', 'XZ2024540102L005']) {
    const d = (await json(await county.get(`/api/v1/projects/${code}`))).body
    const objections = d.postings.flatMap((p) => p.objections)
    if (objections.length) objection = objections[0].id
  }
  assert.ok(objection > 0, 'the demo has an objection')
  assert.ok(!all.some((p) => p.id === objection))
  const unknownIds = [objection, Math.max(...all.map((p) => p.id)) + 100_000]
  for (const id of unknownIds) {
    const r = await json(await county.post('/api/v1/projects', project(`LINK-BAD-${id}`, a.village_code, { sheet: withPlan(id) })))
    assert.equal(r.status, 400, JSON.stringify(r.body))
    assert.equal(r.body.error.code, 'unknown_village_plan')
    assert.equal((await county.get(`/api/v1/projects/LINK-BAD-${id}`)).status, 404)
  }
  const negative = await json(await county.post('/api/v1/projects', project('LINK-BAD-NEG', a.village_code, { sheet: withPlan(-1) })))
  assert.equal(negative.status, 400)
  assert.match(negative.body.error.message, /village_plan_id/)
  const elsewhere = await json(await county.post('/api/v1/projects', project('LINK-BAD-ELSEWHERE', a.village_code, { sheet: withPlan(b.id) })))
  assert.equal(elsewhere.status, 400)
  assert.equal(elsewhere.body.error.code, 'village_plan_elsewhere')
  assert.match(elsewhere.body.error.message, /属于其他村/)
  assert.equal((await county.get('/api/v1/projects/LINK-BAD-ELSEWHERE')).status, 404)

  // An edit to another village's plan is refused and leaves the project as it was.
  const before = (await json(await county.get('/api/v1/projects/LINK-1'))).body
  const edit = await json(await put(county, '/api/v1/projects/LINK-1', { ...project('LINK-1', a.village_code, { name: '改了名' }), sheet: withPlan(b.id), version: before.version }))
  assert.equal(edit.status, 400)
  assert.equal(edit.body.error.code, 'village_plan_elsewhere')
  const afterEdit = (await json(await county.get('/api/v1/projects/LINK-1'))).body
  assert.equal(afterEdit.version, before.version)
  assert.equal(afterEdit.name, before.name)
  assert.equal(afterEdit.sheet.village_plan_id, a.id)
  // Clearing the link is an edit like any other.
  const cleared = await json(await put(county, '/api/v1/projects/LINK-1', { ...project('LINK-1', a.village_code), sheet: withPlan(0), version: before.version }))
  assert.equal(cleared.status, 200, JSON.stringify(cleared.body))
  assert.equal(cleared.body.sheet.village_plan_id, 0)
})

test('中央资金 above a stated 总投资 is refused on create and on edit, and changes nothing', async () => {
  const { a } = await plans()
  const over = project('LINK-OVER', a.village_code, { total_investment_fen: 50_000_000, central_fund_fen: 50_000_001, other_fund_fen: 0 })
  const r = await json(await county.post('/api/v1/projects', over))
  assert.equal(r.status, 400)
  assert.equal(r.body.error.code, 'central_exceeds_total')
  assert.match(r.body.error.message, /500,000\.01 元超过总投资 500,000\.00 元/)
  assert.equal((await county.get('/api/v1/projects/LINK-OVER')).status, 404)
  // A total of 0 is not stated yet: central funds alone are kept.
  const unstated = await json(await county.post('/api/v1/projects', { ...over, project_code: 'LINK-NOTOTAL', total_investment_fen: 0 }))
  assert.equal(unstated.status, 201, JSON.stringify(unstated.body))
  // Equal is allowed.
  const equal = await json(await county.post('/api/v1/projects', { ...over, central_fund_fen: 50_000_000 }))
  assert.equal(equal.status, 201, JSON.stringify(equal.body))
  const edit = await json(await put(county, '/api/v1/projects/LINK-OVER', { ...over, central_fund_fen: 60_000_000, version: equal.body.version }))
  assert.equal(edit.status, 400)
  assert.equal(edit.body.error.code, 'central_exceeds_total')
  const after = (await json(await county.get('/api/v1/projects/LINK-OVER'))).body
  assert.equal(after.version, equal.body.version)
  assert.equal(after.central_fund_fen, 50_000_000)
})

test('a projects import with 中央资金 above 总投资 in one row is refused whole, naming the row and column', async () => {
  const csv = [
    '项目编码,项目名称,年度,区划代码,总投资（万元）,中央衔接资金（万元）',
    'LINK-IMP-1,导入一,2024,540102,100,80',
    'LINK-IMP-2,导入二,2024,540102,100,100.01',
    'LINK-IMP-3,导入三,2024,540102,0.01,5',
    'LINK-IMP-4,导入四,2024,540102,,5',
  ].join('\n') + '\n'
  const r = await json(await upload(county, '/api/v1/imports/projects', csv))
  assert.equal(r.status, 400, JSON.stringify(r.body))
  assert.deepEqual(r.body.error.details.map(({ row, column, column_index, code }) => ({ row, column, column_index, code })), [
    { row: 3, column: 'central_fund', column_index: 6, code: 'central_exceeds_total' },
    { row: 4, column: 'central_fund', column_index: 6, code: 'central_exceeds_total' },
  ])
  assert.equal((await county.get('/api/v1/projects/LINK-IMP-1')).status, 404)
  const fixed = await json(await upload(county, '/api/v1/imports/projects', csv.replace('100.01', '100').replace('0.01,5', '5,5')))
  assert.equal(fixed.status, 200, JSON.stringify(fixed.body))
  assert.equal(fixed.body.inserted, 4)
})

test('an empty code is numbered by the default rule shown as the format; concurrent creates get distinct codes', async () => {
  const { a } = await plans()
  const format = await json(await county.get(`/api/v1/library/code-format?region=${a.village_code}&year=2024`))
  assert.equal(format.status, 200, JSON.stringify(format.body))
  assert.equal(format.body.rule, 'XZ{year}{county}{seq:4}')
  assert.equal(format.body.county_code, '540102')
  assert.equal(format.body.pattern, 'XZ2024540102####')
  assert.equal(format.body.effective_from, '')
  // The year defaults to the current (Beijing) year; the region is required and in scope.
  const thisYear = await json(await county.get('/api/v1/library/code-format?region=540102'))
  assert.equal(thisYear.body.year, Number(beijingToday().slice(0, 4)))
  assert.equal((await json(await county.get('/api/v1/library/code-format'))).body.error.code, 'missing_field')
  assert.equal((await county.get('/api/v1/library/code-format?region=540103')).status, 403)
  assert.equal((await county.get('/api/v1/library/code-format?region=540102&year=1999')).status, 400)

  // The demo numbers 城关区's 2023 projects XZ20235401020001 upwards: the next code follows the highest.
  const demo = []
  for (let page = 1; ; page++) {
    const { body } = await json(await county.get(`/api/v1/projects?region=540102&year=2023&page_size=200&page=${page}`))
    demo.push(...body.items.map((p) => p.project_code))
    if (demo.length >= body.total) break
  }
  const highest = Math.max(...demo.filter((c) => /^XZ2023540102\d{4}$/.test(c)).map((c) => Number(c.slice(12))))
  assert.ok(highest > 1, String(highest))
  const old = await json(await county.post('/api/v1/projects', project('', a.village_code, { year: 2023 })))
  assert.equal(old.status, 201, JSON.stringify(old.body))
  assert.equal(old.body.project_code, `XZ2023540102${String(highest + 1).padStart(4, '0')}`)
  // No 2024 project of 城关区 has a numbered code yet: 0001.
  const first = await json(await county.post('/api/v1/projects', project('', a.village_code)))
  assert.equal(first.status, 201, JSON.stringify(first.body))
  assert.equal(first.body.project_code, 'XZ20245401020001')
  const seq = 1

  const n = 12
  const created = await Promise.all(Array.from({ length: n }, (_, i) => county.post('/api/v1/projects', project('', a.village_code, { name: `并发新建${i}` })).then(json)))
  assert.deepEqual(created.map((c) => c.status), Array(n).fill(201), JSON.stringify(created.find((c) => c.status !== 201)?.body))
  const codes = created.map((c) => c.body.project_code)
  assert.equal(new Set(codes).size, n)
  assert.deepEqual(codes.map((c) => Number(c.slice(12))).sort((x, y) => x - y), Array.from({ length: n }, (_, i) => seq + 1 + i))
  // Another county numbers from its own sequence.
  const elsewhere = await json(await other.post('/api/v1/projects', project('', '540103')))
  assert.equal(elsewhere.status, 201, JSON.stringify(elsewhere.body))
  assert.match(elsewhere.body.project_code, /^XZ2024540103\d{4}$/)
  // A code the clerk types is kept; a taken one is refused.
  assert.equal((await county.post('/api/v1/projects', project(codes[0], a.village_code))).status, 409)
})

test('the admin edits the rule as reference data; a malformed rule is refused and changes nothing', async () => {
  const rule = { kind: 'project_code_rule', code: 'project_code', effective_from: beijingToday(), text: 'LS-{county}-{year}-{seq:3}' }
  assert.equal((await county.post('/api/v1/library/reference', rule)).status, 403)
  for (const text of ['', 'LS-{county}-{year}', 'LS {seq:3}', 'LS-{seq:3}-{seq:2}', 'LS-{yr}-{seq:3}', 'LS-{seq:3']) {
    const bad = await json(await admin.post('/api/v1/library/reference', { ...rule, text }))
    assert.equal(bad.status, 400, text)
    assert.equal(bad.body.error.code, 'bad_code_rule', text)
  }
  const wrongCode = await json(await admin.post('/api/v1/library/reference', { ...rule, code: 'other' }))
  assert.equal(wrongCode.status, 400)
  assert.equal((await json(await admin.post('/api/v1/library/reference', { ...rule, retired: true }))).status, 400)
  assert.equal((await json(await county.get('/api/v1/library/code-format?region=540102&year=2024'))).body.rule, 'XZ{year}{county}{seq:4}')

  const added = await json(await admin.post('/api/v1/library/reference', rule))
  assert.equal(added.status, 201, JSON.stringify(added.body))
  const listed = await json(await county.get('/api/v1/library/reference?kind=project_code_rule'))
  assert.deepEqual(listed.body.items.map((i) => i.text), [rule.text])
  const format = await json(await county.get('/api/v1/library/code-format?region=540102001&year=2024'))
  assert.deepEqual(format.body, { rule: rule.text, pattern: 'LS-540102-2024-###', county_code: '540102', year: 2024, effective_from: rule.effective_from })
  const next = await json(await county.post('/api/v1/projects', project('', '540102')))
  assert.equal(next.status, 201, JSON.stringify(next.body))
  assert.equal(next.body.project_code, 'LS-540102-2024-001')
  assert.equal((await json(await county.post('/api/v1/projects', project('', '540102')))).body.project_code, 'LS-540102-2024-002')
  // A version from a later date does not apply yet.
  assert.equal((await admin.post('/api/v1/library/reference', { ...rule, effective_from: '2099-01-01', text: 'Z{seq:2}' })).status, 201)
  assert.equal((await json(await county.get('/api/v1/library/code-format?region=540102&year=2024'))).body.rule, rule.text)
})
