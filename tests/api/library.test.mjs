// The project library (项目库) over HTTP on the demo data: the county's sheet with optimistic
// concurrency, compliance findings at county review, joint review with a returned department,
// batch approval with blocked projects, postings and objections, the public posting list
// without login, village plans, overdue milestones and reference data kept by the admin.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, cli } from '../lib/server.mjs'
import { beijingDate } from '../lib/dates.mjs'

let server, admin, county, leader, other, township, prefecture
const signers = {}  // department → a county user of that department (联审联批 by the department itself)
const departments = ['发展改革委', '财政局', '交通运输局']
before(async () => {
  server = await startServer({
    demo: true,
    users: [
      { username: 'root', role: 'admin', region: '540000' },
      { username: 'chengguan', role: 'county_officer', region: '540102' },
      { username: 'leader', role: 'leader', region: '540000' },
      { username: 'duilongdeqing', role: 'county_officer', region: '540103' },
      { username: 'bakuo', role: 'township_officer', region: '540102001' },
      ...departments.map((department, i) => ({ username: `dept${i}`, role: 'county_officer', region: '540102', department })),
      { username: 'gongan', role: 'county_officer', region: '540102', department: '公安局' },
      { username: 'lhasa', role: 'prefecture_officer', region: '540100' },
    ],
  })
  for (const [i, department] of departments.entries()) signers[department] = await server.login(`dept${i}`)
  signers['公安局'] = await server.login('gongan')
  township = await server.login('bakuo')
  admin = await server.login('root')
  county = await server.login('chengguan')
  leader = await server.login('leader')
  other = await server.login('duilongdeqing')
  prefecture = await server.login('lhasa')
})
after(async () => {
  await server?.stop()
})

const json = async (res) => ({ status: res.status, body: await res.json() })
const put = (client, path, body) => client.fetch(path, { method: 'PUT', json: body })
// The server's 今天 is the Beijing date (docs/definitions.md §5): from 16:00 UTC the next day.
const daysAgo = (n) => beijingDate(-n)

const sheet = {
  funds: [
    { source: 'central', amount_fen: 80_000_000 },
    { source: 'county', amount_fen: 20_000_000 },
  ],
  implementing_unit: '城关区农业农村局',
  construction_content: '新建青稞加工车间 600 平方米',
  fund_uses: '厂房及加工设备',
  benefit_mechanism: '务工带动、村集体入股分红',
  households_exited: 42,
  households_monitored: 3,
  targets: [
    { kind: 'output', name: '加工车间', target: '600 平方米' },
    { kind: 'satisfaction', name: '受益群众满意度', target: '≥95%' },
  ],
  milestones: [{ name: '前期手续', duration_days: 20, planned: '2024-04-30', actual: null }],
  task_book: '年内建成投产',
  roadmap: '手续 → 施工 → 验收',
  responsible_contact: '13800000000',
  procurement: 'direct',
}
const project = (code) => ({
  project_code: code,
  name: '城关区青稞加工项目',
  year: 2024,
  region_code: '540102',
  category: '0102',
  total_investment_fen: 100_000_000,
  central_fund_fen: 80_000_000,
  other_fund_fen: 20_000_000,
  planned_start: '2024-04-01',
  planned_finish: '2024-10-31',
  responsible_person: '格桑旺堆',
  sheet,
})

test('a county officer creates and edits a project with its sheet; a stale edit gets 409 and changes nothing', async () => {
  const created = await json(await county.post('/api/v1/projects', project('API-1')))
  assert.equal(created.status, 201, JSON.stringify(created.body))
  assert.equal(created.body.status, 'draft')
  assert.equal(created.body.sheet.households_exited, 42)
  assert.deepEqual(created.body.sheet.targets.map((t) => t.kind), ['output', 'satisfaction'])
  const again = await json(await county.post('/api/v1/projects', project('API-1')))
  assert.equal(again.status, 409)
  assert.equal(again.body.error.code, 'already_exists')
  const outside = await json(await other.post('/api/v1/projects', project('API-X')))
  assert.equal(outside.status, 403)
  assert.equal((await leader.post('/api/v1/projects', project('API-Y'))).status, 403)
  const bad = await json(await county.post('/api/v1/projects', { ...project('API-Z'), sheet: { ...sheet, procurement: 'lottery' } }))
  assert.equal(bad.status, 400)
  assert.equal(bad.body.error.code, 'invalid_argument')

  const v = created.body.version
  const [a, b] = await Promise.all([
    put(county, '/api/v1/projects/API-1', { ...project('API-1'), version: v, name: '甲' }),
    put(county, '/api/v1/projects/API-1', { ...project('API-1'), version: v, name: '乙' }),
  ])
  assert.deepEqual([a.status, b.status].sort(), [200, 409])
  const lost = a.status === 409 ? await a.json() : await b.json()
  assert.equal(lost.error.code, 'stale_version')
  const { body: now } = await json(await county.get('/api/v1/projects/API-1'))
  assert.equal(now.version, v + 1)
  assert.equal(now.name, a.status === 200 ? '甲' : '乙')
  const missing = await json(await put(county, '/api/v1/projects/API-1', { name: 'x' }))
  assert.equal(missing.status, 400)
})

test('county review reports every compliance finding at once and records them', async () => {
  const { body: road } = await json(await county.get('/api/v1/projects/XZ2024540102L003'))
  assert.equal(road.status, 'township_reviewed')
  assert.equal(road.compliance.passed, false)
  const refused = await json(await county.post('/api/v1/projects/XZ2024540102L003/transition', { action: 'county_review', version: road.version }))
  assert.equal(refused.status, 409)
  assert.equal(refused.body.error.code, 'conflict')
  assert.match(refused.body.error.message, /合规性审核未通过/)
  const rules = refused.body.error.details.map((d) => d.column)
  assert.ok(rules.includes('negative_list'))
  assert.ok(rules.includes('tender_required'))
  const preview = await json(await leader.get('/api/v1/projects/XZ2024540102L003/compliance'))
  assert.equal(preview.status, 200)
  assert.equal(preview.body.passed, false)
  assert.ok(preview.body.findings.some((f) => f.ref_code === 'N02'))
  // Fixed: tendered, no vehicle; the department of transport is required for roads.
  const fixed = { ...road, sheet: { ...road.sheet, procurement: 'tender', fund_uses: '道路硬化' }, version: road.version }
  const edited = await json(await put(county, '/api/v1/projects/XZ2024540102L003', fixed))
  assert.equal(edited.status, 200, JSON.stringify(edited.body))
  const ok = await json(await county.post('/api/v1/projects/XZ2024540102L003/transition', { action: 'county_review', version: edited.body.version }))
  assert.equal(ok.status, 200, JSON.stringify(ok.body))
  assert.equal(ok.body.compliance.passed, true)
  assert.deepEqual(ok.body.joint_review.required, ['发展改革委', '财政局', '交通运输局'])
})

test('joint review: a returned department blocks admission until it approves', async () => {
  const code = 'XZ2024540102L003'
  // Separation of duties: only a user of the department records its sign-off.
  const notMine = await json(await county.post(`/api/v1/projects/${code}/signoffs`, { department: '交通运输局', decision: 'approve' }))
  assert.equal(notMine.status, 403)
  assert.match(notMine.body.error.message, /只有「交通运输局」的用户/)
  assert.equal((await signers['财政局'].post(`/api/v1/projects/${code}/signoffs`, { department: '交通运输局', decision: 'approve' })).status, 403)
  const returned = await json(await signers['交通运输局'].post(`/api/v1/projects/${code}/signoffs`, { department: '交通运输局', decision: 'return', comment: '线路需避让耕地' }))
  assert.equal(returned.status, 201, JSON.stringify(returned.body))
  assert.deepEqual(returned.body.joint_review.returned, ['交通运输局'])
  assert.equal(returned.body.joint_review.signoffs.at(-1).actor, 'dept2')
  assert.equal((await signers['交通运输局'].post(`/api/v1/projects/${code}/signoffs`, { department: '交通运输局', decision: 'return' })).status, 400)
  assert.equal((await signers['公安局'].post(`/api/v1/projects/${code}/signoffs`, { department: '公安局', decision: 'approve' })).status, 400)
  assert.equal((await other.post(`/api/v1/projects/${code}/signoffs`, { department: '财政局', decision: 'approve' })).status, 403)
  const start = daysAgo(30)
  assert.equal((await county.post(`/api/v1/projects/${code}/postings`, { place: '村务公开栏', start, days: 10 })).status, 201)
  const blocked = await json(await county.post(`/api/v1/projects/${code}/transition`, { action: 'admit', version: returned.body.version }))
  assert.equal(blocked.status, 409)
  assert.match(blocked.body.error.message, /被退回：交通运输局/)
  assert.match(blocked.body.error.message, /尚未会签：发展改革委、财政局/)
  for (const department of departments) {
    await signers[department].post(`/api/v1/projects/${code}/signoffs`, { department, decision: 'approve', comment: '同意' })
  }
  const { body: d } = await json(await county.get(`/api/v1/projects/${code}`))
  assert.equal(d.joint_review.complete, true)

  const admitted = await json(await county.post(`/api/v1/projects/${code}/transition`, { action: 'admit', version: d.version }))
  assert.equal(admitted.status, 200, JSON.stringify(admitted.body))
  assert.equal(admitted.body.status, 'in_library')
})

test('a township officer proposes and reviews a township project but cannot run the county review', async () => {
  const code = 'API-TOWNSHIP-1'
  const created = await json(await township.post('/api/v1/projects', { ...project(code), region_code: '540102001' }))
  assert.equal(created.status, 201, JSON.stringify(created.body))
  let version = created.body.version
  for (const action of ['submit', 'township_approve']) {
    const r = await json(await township.post(`/api/v1/projects/${code}/transition`, { action, version }))
    assert.equal(r.status, 200, JSON.stringify(r.body))
    version = r.body.version
  }
  const review = await json(await township.post(`/api/v1/projects/${code}/transition`, { action: 'county_review', version }))
  assert.equal(review.status, 403)
  assert.equal(review.body.error.code, 'permission_denied')
  const batch = await json(await township.post('/api/v1/library/batch-transition', { codes: [code], action: 'admit' }))
  assert.equal(batch.status, 403)
  const { body: still } = await json(await county.get(`/api/v1/projects/${code}`))
  assert.equal(still.status, 'township_reviewed')
  assert.equal(still.version, version)
  // The county officer may (the compliance review then decides).
  const byCounty = await json(await county.post(`/api/v1/projects/${code}/transition`, { action: 'county_review', version }))
  assert.notEqual(byCounty.status, 403)
})

test('batch approval admits the mature projects and says what blocked the others', async () => {
  const r = await json(await county.post('/api/v1/library/batch-transition', { codes: ['XZ2024540102L001', 'XZ2024540102L002', 'XZ2024540102L005', 'NOPE'], action: 'admit' }))
  assert.equal(r.status, 200, JSON.stringify(r.body))
  assert.equal(r.body.succeeded, 1)
  assert.equal(r.body.failed, 3)
  const [first, second, third, fourth] = r.body.items
  assert.equal(first.ok, true)
  assert.equal(first.state, 'in_library')
  assert.equal(second.ok, false)
  assert.match(second.error.message, /异议.*温室选址占用基本农田/)
  assert.match(third.error.message, /公示期未满/)
  assert.equal(fourth.error.code, 'not_found')
  const out = await json(await other.post('/api/v1/library/batch-transition', { codes: ['XZ2024540102L002'], action: 'admit' }))
  assert.equal(out.status, 403)
  assert.equal((await county.post('/api/v1/library/batch-transition', { codes: [], action: 'admit' })).status, 400)
  assert.equal((await county.post('/api/v1/library/batch-transition', { codes: ['XZ2024540102L002'], action: 'fly' })).status, 400)
})

test('an objection blocks the step until it is resolved; postings shorter than 10 days are refused', async () => {
  const { body: d } = await json(await county.get('/api/v1/projects/XZ2024540102L002'))
  const posting = d.postings[0]
  assert.equal(posting.hotline, '12317')
  const objection = posting.objections[0]
  assert.equal(objection.resolved, false)
  const short = await json(await county.post('/api/v1/projects/XZ2024540102L002/postings', { place: '公开栏', start: daysAgo(1), days: 9 }))
  assert.equal(short.status, 400)
  assert.match(short.body.error.message, /不得少于 10 天/)
  const res = await json(await county.post(`/api/v1/projects/XZ2024540102L002/objections/${objection.id}/resolve`, { resolution: '经核实不占用基本农田' }))
  assert.equal(res.status, 200, JSON.stringify(res.body))
  assert.equal(res.body.resolved, true)
  const twice = await json(await county.post(`/api/v1/projects/XZ2024540102L002/objections/${objection.id}/resolve`, { resolution: '再次' }))
  assert.equal(twice.status, 409)
  assert.equal((await county.post('/api/v1/projects/XZ2024540102L002/objections/999999/resolve', { resolution: 'x' })).status, 404)
  const admitted = await json(await county.post('/api/v1/projects/XZ2024540102L002/transition', { action: 'admit', version: d.version }))
  assert.equal(admitted.status, 200, JSON.stringify(admitted.body))
})

test('the public posting list needs no login and shows only public fields', async () => {
  const res = await fetch(`${server.baseUrl}/api/v1/public/postings?region=540100`)
  assert.equal(res.status, 200)
  const body = await res.json()
  assert.equal(body.hotline, '12317')
  assert.ok(body.items.length >= 3)
  const p = body.items.find((x) => x.project_code === 'XZ2024540102L005')
  assert.equal(p.active, true)
  assert.ok(p.project_name && p.place && p.start && p.end && p.total_investment_fen > 0)
  assert.equal(p.created_by, undefined)
  // the region with the regions above it, so that a village shows with its township and county
  assert.equal(p.region_path.at(-1).code, p.region_code)
  assert.equal(p.region_path.at(-1).name, p.region_name)
  assert.deepEqual(p.region_path.slice(0, 3).map((r) => r.code), ['540000', '540100', '540102'])
  assert.equal((await (await fetch(`${server.baseUrl}/api/v1/public/postings?region=540200`)).json()).items.length, 0)
  assert.equal((await fetch(`${server.baseUrl}/api/v1/public/postings?region=999999`)).status, 404)
  assert.equal((await fetch(`${server.baseUrl}/api/v1/public/postings?region=540100`, { method: 'POST' })).status, 405)
})

test('village plans list those without projects; overdue milestones and late starts per region', async () => {
  const plans = await json(await county.get('/api/v1/library/village-plans'))
  assert.equal(plans.status, 200)
  assert.equal(plans.body.without_projects, 1)
  assert.equal(plans.body.items[0].has_projects, false)
  assert.ok(plans.body.items.slice(1).every((p) => p.project_codes.length > 0))
  const village = plans.body.items[0].village_code
  const created = await json(await county.post('/api/v1/library/village-plans', { village_code: village, year: 2024, title: '发展乡村旅游', goals: '接待游客 1 万人次' }))
  assert.equal(created.status, 201)
  assert.equal((await county.post('/api/v1/library/village-plans', { village_code: '540102', year: 2024, title: 'x' })).status, 400)
  assert.equal((await other.post('/api/v1/library/village-plans', { village_code: village, year: 2024, title: 'x' })).status, 403)

  const overdue = await json(await county.get('/api/v1/library/overdue?region=540102&as_of=2023-09-01'))
  assert.equal(overdue.status, 200)
  assert.ok(overdue.body.milestones.some((m) => m.milestone.name === '主体施工' && m.days_overdue === 32))
  const now = await json(await leader.get('/api/v1/library/overdue?region=540000'))
  assert.ok(now.body.late_starts.length > 0)
  assert.equal((await county.get('/api/v1/library/overdue?region=540103')).status, 403)
  assert.equal((await county.get('/api/v1/library/overdue?as_of=yesterday')).status, 400)

  const proposal = await json(await county.post('/api/v1/library/schedule', { deadline: '2024-10-31', milestones: [{ name: '施工', duration_days: 90 }, { name: '验收', duration_days: 30 }] }))
  assert.equal(proposal.status, 200)
  assert.deepEqual(proposal.body.milestones.map((m) => m.planned), ['2024-10-01', '2024-10-31'])
  assert.equal(proposal.body.start, '2024-07-03')
  assert.equal((await county.post('/api/v1/library/schedule', { deadline: '2024-10-31', milestones: [] })).status, 400)
})

test('reference data: everyone reads it, only the admin adds versions, and they apply from their date', async () => {
  const { body: ref } = await json(await county.get('/api/v1/library/reference'))
  const departments = new Set(ref.items.filter((r) => r.kind === 'guideline').map((r) => r.department))
  assert.equal(departments.size, 13)
  assert.equal(ref.items.filter((r) => r.kind === 'negative').length, 7)
  const item = { kind: 'negative', code: 'N08', effective_from: '2024-01-01', text: '购买理财产品', keywords: ['理财'] }
  assert.equal((await county.post('/api/v1/library/reference', item)).status, 403)
  const added = await json(await admin.post('/api/v1/library/reference', item))
  assert.equal(added.status, 201, JSON.stringify(added.body))
  const bad = await json(await admin.post('/api/v1/library/reference', { ...item, keywords: [] }))
  assert.equal(bad.status, 400)
  const created = await json(await county.post('/api/v1/projects', { ...project('API-2'), sheet: { ...sheet, fund_uses: '购买理财产品' } }))
  const check = await json(await county.get('/api/v1/projects/API-2/compliance'))
  assert.ok(check.body.findings.some((f) => f.ref_code === 'N08'), JSON.stringify(check.body) + JSON.stringify(created.body))
  assert.equal((await county.post('/api/v1/library/policies', { key: 'posting_days', value: 15, effective_from: '2030-01-01' })).status, 403)
  const policy = await json(await admin.post('/api/v1/library/policies', { key: 'posting_days', value: 15, effective_from: '2030-01-01' }))
  assert.equal(policy.status, 201, JSON.stringify(policy.body))
  assert.equal((await admin.post('/api/v1/library/policies', { key: 'nope', value: 1, effective_from: '2030-01-01' })).status, 400)
  const { body: policies } = await json(await leader.get('/api/v1/library/policies'))
  assert.ok(policies.items.some((p) => p.key === 'posting_days' && p.value === 15))
})

test('an unfunded library project rolls over to next year’s library', async () => {
  const { body: d } = await json(await county.get('/api/v1/projects/XZ2024540102L001'))
  assert.equal(d.status, 'in_library')
  const noReason = await json(await county.post('/api/v1/projects/XZ2024540102L001/transition', { action: 'roll_over', version: d.version }))
  assert.equal(noReason.status, 400)
  const rolled = await json(await county.post('/api/v1/projects/XZ2024540102L001/transition', { action: 'roll_over', reason: '当年资金未安排', version: d.version }))
  assert.equal(rolled.status, 200, JSON.stringify(rolled.body))
  assert.equal(rolled.body.status, 'rolled_over')
  const { body: next } = await json(await county.get('/api/v1/projects/XZ2024540102L001-2025'))
  assert.equal(next.status, 'in_library')
  assert.equal(next.year, 2025)
  assert.equal(next.sheet.benefit_mechanism, d.sheet.benefit_mechanism)
  assert.equal(next.transitions[0].action, 'carry_over')
})

test('joint-review departments per county: read in scope, set by the county’s officer, bad settings change nothing', async () => {
  const read = async (client = county) => json(await client.get('/api/v1/library/review-departments?county=540102'))
  const byCategory = (items) => Object.fromEntries(items.map((c) => [c.category_code, c.departments]))
  const before = await read()
  assert.equal(before.status, 200)
  assert.deepEqual(byCategory(before.body.items), { '*': ['发展改革委', '财政局'], '0301': ['交通运输局'] })
  assert.equal((await read(leader)).status, 200)
  assert.equal((await read(other)).status, 403)
  assert.equal((await admin.get('/api/v1/library/review-departments?county=549999')).status, 404)

  const set = await json(await put(county, '/api/v1/library/review-departments', { county_code: '540102', category_code: '0201', departments: ['水利局'] }))
  assert.equal(set.status, 200, JSON.stringify(set.body))
  assert.deepEqual(set.body, { county_code: '540102', category_code: '0201', departments: ['水利局'] })
  const replaced = await put(county, '/api/v1/library/review-departments', { county_code: '540102', category_code: '0201', departments: ['水利局', '自然资源局'] })
  assert.equal(replaced.status, 200)
  const after = byCategory((await read()).body.items)
  assert.deepEqual(after, { '*': ['发展改革委', '财政局'], '0301': ['交通运输局'], '0201': ['水利局', '自然资源局'] })

  for (const [client, body, status, message] of [
    [leader, { county_code: '540102', category_code: '0201', departments: [] }, 403],
    [other, { county_code: '540102', category_code: '0201', departments: [] }, 403],
    [admin, { county_code: '540102', category_code: '0201', departments: [] }, 403], // the administrator keeps no library
    [prefecture, { county_code: '540100', category_code: '*', departments: ['财政局'] }, 400, /不是县级区划/],
    [county, { county_code: '540102', category_code: '', departments: ['财政局'] }, 400],
    [county, { county_code: '540102', category_code: '0201', departments: [''] }, 400, /departments/],
    [county, { category_code: '0201', departments: ['财政局'] }, 400, /county_code/],
  ]) {
    const r = await json(await put(client, '/api/v1/library/review-departments', body))
    assert.equal(r.status, status, JSON.stringify([body, r.body]))
    if (message) assert.match(r.body.error.message, message)
  }
  assert.deepEqual(byCategory((await read()).body.items), after)
})

test('an objection to a posting is recorded and audited; bad objections change nothing', async () => {
  const code = 'XZ2024540102L005'
  const { body: d } = await json(await county.get(`/api/v1/projects/${code}`))
  const posting = d.postings[0]
  const objectionsBefore = posting.objections.length
  const today = daysAgo(0)

  const refused = [
    [leader, code, { posting_id: posting.id, text: '异议' }, 403],
    [other, code, { posting_id: posting.id, text: '异议' }, 403],
    [county, 'XZ-NO-SUCH', { posting_id: posting.id, text: '异议' }, 404],
    [county, code, { posting_id: 999999, text: '异议' }, 404],
    [county, 'XZ2024540102L002', { posting_id: posting.id, text: '异议' }, 404], // a posting of another project
    [county, code, { posting_id: posting.id, text: '' }, 400],
    [county, code, { posting_id: posting.id, text: '异议', received_on: '2024-02-30' }, 400],
    [county, code, { posting_id: posting.id, text: '异议', received_on: '2000-01-01' }, 400], // before the posting
  ]
  for (const [client, project, body, status] of refused) {
    const r = await client.post(`/api/v1/projects/${project}/objections`, body)
    assert.equal(r.status, status, `${project} ${JSON.stringify(body)}: ${await r.text()}`)
  }
  const unchanged = await json(await county.get(`/api/v1/projects/${code}`))
  assert.equal(unchanged.body.postings[0].objections.length, objectionsBefore)

  const recorded = await json(await county.post(`/api/v1/projects/${code}/objections`, { posting_id: posting.id, text: '受益户名单有误' }))
  assert.equal(recorded.status, 201, JSON.stringify(recorded.body))
  assert.equal(recorded.body.project_code, code)
  assert.equal(recorded.body.posting_id, posting.id)
  assert.equal(recorded.body.received_on, today)
  assert.equal(recorded.body.resolved, false)
  assert.equal(recorded.body.resolved_on, null)
  const { body: withObjection } = await json(await county.get(`/api/v1/projects/${code}`))
  assert.equal(withObjection.postings[0].objections.length, objectionsBefore + 1)
  assert.equal(withObjection.postings[0].objections.at(-1).text, '受益户名单有误')
  const audit = await json(await admin.get(`/api/v1/audit?entity=project:${code}&actor=chengguan`))
  assert.equal(audit.status, 200)
  const row = audit.body.items.find((a) => a.action === 'project.objection')
  assert.ok(row, JSON.stringify(audit.body.items))
  assert.equal(row.after.id, recorded.body.id)
  assert.equal(audit.body.items.filter((a) => a.action === 'project.objection').length, 1, 'the refused objections left no audit row')
})
