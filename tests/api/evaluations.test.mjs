// 绩效评价 (issue #19 point 3) over HTTP on SQLite and PostgreSQL: a county's evaluation of 2023 from
// the figures the system holds, its manual items scored with evidence, county → prefecture → region
// with every step in the history and the audit trail, the score sheet, the CLI, and every refusal
// (wrong role, wrong level, wrong step, score over its maximum, missing evidence, a final evaluation
// changed).
//
// Data: tests/fixtures/projects-lhasa.csv and ledger-lhasa.csv. 城关区 540102, fund year 2023, as of
// 2023-12-31, template 2025.1 (docs/definitions.md §15), worked by hand:
//   allocated 500 + 300 = 800 万元; expended 80 + 12 − 12 (PZ-2023-007 reverses PZ-2023-006) + 45.25
//   = 125.25 万元 → C1 预算执行率 125.25/800 = 15.65625%: 25 × 0.1565625 = 3.914… → 3.91
//   industry share: the only planned project of 540102 (XZ-540102-2023-001, 产业发展, 120 万元)
//   → 100% ≥ 60% → C2 产业占比 15
//   以拨代支 0 (the government-account expense was reversed) → D2 0; no contracts → 超进度拨款 0 → D3 0
//   no receipts recorded (A1 资金分配及时性) and no findings in 2023 (B4 问题整改): no data, so the
//   county scores them with evidence, as manual items.
// The county's scores: A1 8, A2 4.5, B1 5, B2 4, B3 5, B4 9, C3 9, C4 8, D1 −1.
//   parts: A 8 + 4.5 = 12.5; B 5 + 4 + 5 + 9 = 23; C 3.91 + 15 + 9 + 8 = 35.91; D −1
//   total 12.5 + 23 + 35.91 − 1 = 70.41 → 中 (60 ≤ 70.41 < 80)
// The prefecture adjusts A2 4.5 → 3 (reason given): total 70.41 − 1.5 = 68.91, still 中.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import { startServer, cli, repoRoot } from '../lib/server.mjs'
import { xlsxRows } from '../lib/xlsx.mjs'

let server, county, county2, pref, pref2, region, leader, auditor
before(async () => {
  server = await startServer({
    setup: (db) => {
      for (const [kind, file] of [
        ['projects', 'projects-lhasa.csv'],
        ['ledger', 'ledger-lhasa.csv'],
      ]) {
        const r = cli(['import', '--db', db, '--kind', kind, path.join(repoRoot, 'tests', 'fixtures', file)])
        if (r.status !== 0) throw new Error(r.stderr)
      }
    },
    users: [
      { username: 'county', role: 'county_officer', region: '540102' },
      { username: 'county2', role: 'county_officer', region: '540202' },
      { username: 'pref', role: 'prefecture_officer', region: '540100' },
      { username: 'pref2', role: 'prefecture_officer', region: '540200' },
      { username: 'region', role: 'region_officer', region: '540000' },
      { username: 'leader', role: 'leader', region: '540000' },
      { username: 'auditor', role: 'auditor', region: '540000' },
    ],
  })
  county = await server.login('county')
  county2 = await server.login('county2')
  pref = await server.login('pref')
  pref2 = await server.login('pref2')
  region = await server.login('region')
  leader = await server.login('leader')
  auditor = await server.login('auditor')
})
after(async () => {
  await server?.stop()
})

const json = async (res) => ({ status: res.status, body: await res.json() })
const post = async (client, p, body) => json(await client.post(p, body))
const get = async (client, p) => json(await client.get(p))
const code = (r) => r.body.error?.code
const item = (ev, id) => ev.items.find((i) => i.item_id === id)
const part = (ev, name) => ev.parts.find((p) => p.part === name).points

let id
const countyScores = [
  { item_id: 'A1', points: 8, evidence: '资金下达文件及分配台账' },
  { item_id: 'A2', points: 4.5, evidence: '因素法分配方案' },
  { item_id: 'B1', points: 5, evidence: '项目库入库审定文件' },
  { item_id: 'B2', points: 4, evidence: '公示照片' },
  { item_id: 'B3', points: 5, evidence: '可研批复、招标文件' },
  { item_id: 'B4', points: 9, evidence: '年度无督导问题，自查整改台账' },
  { item_id: 'C3', points: 9, evidence: '带动 120 户增收' },
  { item_id: 'C4', points: 8, evidence: '资产登记台账' },
  { item_id: 'D1', points: -1, evidence: '审计发现 1 个问题已整改' },
]

test('the template: four parts, 100 points, versions pinned by name', async () => {
  const t = await get(leader, '/api/v1/evaluations/template')
  assert.equal(t.status, 200, JSON.stringify(t.body))
  assert.equal(t.body.version, '2025.1')
  assert.equal(t.body.max_total, 100)
  assert.deepEqual([...new Set(t.body.items.map((i) => i.part_label))], ['资金分解下达', '项目管理', '使用成效', '加减分'])
  const c2 = t.body.items.find((i) => i.item_id === 'C2')
  assert.deepEqual([c2.rule, c2.metric, c2.max_points, c2.full_at_percent], ['linear', 'industry_share', 15, 60])
  const old = await get(leader, '/api/v1/evaluations/template?version=2021.1')
  assert.equal(old.body.items.find((i) => i.item_id === 'C1').max_points, 30)
  assert.deepEqual(old.body.versions, ['2021.1', '2025.1'])
  assert.equal((await get(leader, '/api/v1/evaluations/template?version=1999.1')).status, 404)
})

test('creating: the county for its own county only, once a year; engine items scored from the figures', async () => {
  assert.equal((await post(leader, '/api/v1/evaluations', { region_code: '540102', year: 2023 })).status, 403)
  assert.equal((await post(pref, '/api/v1/evaluations', { region_code: '540102', year: 2023 })).status, 403)
  assert.equal((await post(county, '/api/v1/evaluations', { region_code: '540202', year: 2023 })).status, 403)
  assert.equal(code(await post(county, '/api/v1/evaluations', { region_code: '540102', year: 1999 })), 'bad_year')
  assert.equal(code(await post(county, '/api/v1/evaluations', { year: 2023 })), 'missing_field')

  const r = await post(county, '/api/v1/evaluations', { region_code: '540102', year: 2023, as_of: '2023-12-31' })
  assert.equal(r.status, 201, JSON.stringify(r.body))
  const ev = r.body
  id = ev.id
  assert.deepEqual([ev.status, ev.template_version, ev.as_of, ev.region_name], ['self_evaluation', '2025.1', '2023-12-31', '城关区'])
  assert.equal(ev.total, null)
  assert.equal(ev.unscored, 9)
  assert.deepEqual([item(ev, 'C1').source, item(ev, 'C1').points, item(ev, 'C1').figure], ['engine', 3.91, '15.66%'])
  assert.deepEqual([item(ev, 'C2').source, item(ev, 'C2').points], ['engine', 15])
  assert.deepEqual([item(ev, 'D2').source, item(ev, 'D2').points], ['engine', 0])
  assert.deepEqual([item(ev, 'D3').source, item(ev, 'D3').points], ['engine', 0])
  // No data: left to the evaluator.
  assert.deepEqual([item(ev, 'A1').source, item(ev, 'A1').points], ['manual', null])
  assert.deepEqual([item(ev, 'B4').source, item(ev, 'B4').points], ['manual', null])
  assert.deepEqual(ev.steps.map((s) => [s.step, s.to_status, s.actor]), [['create', 'self_evaluation', 'county']])

  const again = await post(county, '/api/v1/evaluations', { region_code: '540102', year: 2023 })
  assert.deepEqual([again.status, code(again)], [409, 'evaluation_exists'])
})

test('scoring: bounds, evidence and engine items refused, nothing written', async () => {
  const before = (await get(county, `/api/v1/evaluations/${id}`)).body
  const refusals = [
    [{ item_id: 'A2', points: 6, evidence: '超出' }, 'score_out_of_range'],
    [{ item_id: 'D1', points: -6, evidence: '超出' }, 'score_out_of_range'],
    [{ item_id: 'A2', points: 4, evidence: '  ' }, 'missing_evidence'],
    [{ item_id: 'A2', points: 4 }, 'missing_evidence'],
    [{ item_id: 'C1', points: 20, evidence: '想改' }, 'engine_item'],
    [{ item_id: 'Z9', points: 1, evidence: 'x' }, 'unknown_item'],
    [{ item_id: 'A2', points: 4.555, evidence: 'x' }, 'bad_points'],
  ]
  for (const [score, expected] of refusals) {
    // A valid score beside the bad one: nothing of the request is written.
    const r = await post(county, `/api/v1/evaluations/${id}/scores`, { scores: [{ item_id: 'B1', points: 5, evidence: 'ok' }, score] })
    assert.deepEqual([r.status, code(r)], [400, expected], JSON.stringify(score))
  }
  assert.equal((await post(pref, `/api/v1/evaluations/${id}/scores`, { scores: countyScores })).status, 403)
  assert.equal((await post(county2, `/api/v1/evaluations/${id}/scores`, { scores: countyScores })).status, 403)
  const after = (await get(county, `/api/v1/evaluations/${id}`)).body
  assert.equal(after.version, before.version)
  assert.equal(item(after, 'B1').points, null)

  // Submitting with items unscored.
  const early = await post(county, `/api/v1/evaluations/${id}/submit`)
  assert.deepEqual([early.status, code(early)], [409, 'unscored_items'])
  // Adjusting before it was submitted.
  const adj = await post(pref, `/api/v1/evaluations/${id}/adjustments`, { scores: [{ item_id: 'A2', points: 3, reason: '早' }] })
  assert.deepEqual([adj.status, code(adj)], [409, 'wrong_step'])

  const r = await post(county, `/api/v1/evaluations/${id}/scores`, { scores: countyScores, version: before.version })
  assert.equal(r.status, 200, JSON.stringify(r.body))
  assert.equal(r.body.unscored, 0)
  assert.deepEqual([part(r.body, 'fund_allocation'), part(r.body, 'project_management'), part(r.body, 'effect'), part(r.body, 'adjustment')], [12.5, 23, 35.91, -1])
  assert.deepEqual([r.body.total, r.body.grade, r.body.grade_label], [70.41, 'pass', '中'])
  assert.equal(item(r.body, 'A2').evidence, '因素法分配方案')
  // A stale version is refused.
  const stale = await post(county, `/api/v1/evaluations/${id}/scores`, { scores: countyScores, version: before.version })
  assert.deepEqual([stale.status, code(stale)], [409, 'stale_version'])
})

test('steps: county submits, prefecture adjusts and reviews, region returns and finalizes; wrong role, level, step', async () => {
  // Wrong step: the prefecture cannot review what was not submitted, nobody finalizes it.
  assert.deepEqual(code(await post(pref, `/api/v1/evaluations/${id}/review`)), 'wrong_step')
  assert.deepEqual(code(await post(region, `/api/v1/evaluations/${id}/finalize`)), 'wrong_step')
  // Wrong role: a leader, a county reviewing, a prefecture submitting.
  assert.equal((await post(leader, `/api/v1/evaluations/${id}/submit`)).status, 403)
  assert.equal((await post(county, `/api/v1/evaluations/${id}/review`)).status, 403)
  assert.equal((await post(pref, `/api/v1/evaluations/${id}/submit`)).status, 403)

  const sub = await post(county, `/api/v1/evaluations/${id}/submit`, { note: '自评完成' })
  assert.equal(sub.status, 200, JSON.stringify(sub.body))
  assert.equal(sub.body.status, 'submitted')
  assert.equal(code(await post(county, `/api/v1/evaluations/${id}/scores`, { scores: countyScores })), 'wrong_step')

  // The other prefecture does not see it; the region may not review (that is the prefecture's step).
  assert.equal((await post(pref2, `/api/v1/evaluations/${id}/review`)).status, 403)
  const lvl = await post(region, `/api/v1/evaluations/${id}/review`)
  assert.deepEqual([lvl.status, code(lvl)], [403, 'wrong_level'])
  const lvlAdj = await post(region, `/api/v1/evaluations/${id}/adjustments`, { scores: [{ item_id: 'A2', points: 3, reason: 'x' }] })
  assert.deepEqual([lvlAdj.status, code(lvlAdj)], [403, 'wrong_level'])

  // The prefecture adjusts A2 with a reason (without one it is refused).
  const noReason = await post(pref, `/api/v1/evaluations/${id}/adjustments`, { scores: [{ item_id: 'A2', points: 3 }] })
  assert.deepEqual([noReason.status, code(noReason)], [400, 'missing_reason'])
  const over = await post(pref, `/api/v1/evaluations/${id}/adjustments`, { scores: [{ item_id: 'A2', points: 5.5, reason: 'x' }] })
  assert.deepEqual([over.status, code(over)], [400, 'score_out_of_range'])
  const adj = await post(pref, `/api/v1/evaluations/${id}/adjustments`, { scores: [{ item_id: 'A2', points: 3, reason: '分配结果未按规定公开' }] })
  assert.equal(adj.status, 200, JSON.stringify(adj.body))
  assert.deepEqual([item(adj.body, 'A2').points, item(adj.body, 'A2').self_points, item(adj.body, 'A2').adjust_reason, item(adj.body, 'A2').evidence], [3, 4.5, '分配结果未按规定公开', '因素法分配方案'])
  assert.deepEqual([adj.body.total, adj.body.grade], [68.91, 'pass'])

  const rev = await post(pref, `/api/v1/evaluations/${id}/review`)
  assert.equal(rev.body.status, 'reviewed')
  // The prefecture may no longer return it (the region's step now); the region must give a reason.
  assert.deepEqual(code(await post(pref, `/api/v1/evaluations/${id}/return`, { note: '再议' })), 'wrong_level')
  assert.deepEqual(code(await post(region, `/api/v1/evaluations/${id}/return`)), 'missing_reason')
  const ret = await post(region, `/api/v1/evaluations/${id}/return`, { note: '佐证材料不全，请补充' })
  assert.equal(ret.body.status, 'self_evaluation')

  // Round two: the county submits again, the prefecture reviews, the region decides.
  assert.equal((await post(county, `/api/v1/evaluations/${id}/submit`)).body.status, 'submitted')
  assert.equal((await post(pref, `/api/v1/evaluations/${id}/review`)).body.status, 'reviewed')
  const lvlFin = await post(pref, `/api/v1/evaluations/${id}/finalize`)
  assert.deepEqual([lvlFin.status, code(lvlFin)], [403, 'wrong_level'])
  const fin = await post(region, `/api/v1/evaluations/${id}/finalize`)
  assert.equal(fin.status, 200, JSON.stringify(fin.body))
  assert.deepEqual([fin.body.status, fin.body.total, fin.body.grade_label, fin.body.finalized_by], ['final', 68.91, '中', 'region'])
  assert.deepEqual(
    fin.body.steps.map((s) => `${s.step}:${s.from_status}>${s.to_status}:${s.actor}`),
    [
      'create:>self_evaluation:county',
      'score:self_evaluation>self_evaluation:county',
      'submit:self_evaluation>submitted:county',
      'score:submitted>submitted:pref',
      'review:submitted>reviewed:pref',
      'return:reviewed>self_evaluation:region',
      'submit:self_evaluation>submitted:county',
      'review:submitted>reviewed:pref',
      'finalize:reviewed>final:region',
    ],
  )
})

test('a final evaluation never changes', async () => {
  const before = (await get(region, `/api/v1/evaluations/${id}`)).body
  for (const [client, p, body] of [
    [county, 'scores', { scores: countyScores }],
    [pref, 'adjustments', { scores: [{ item_id: 'A2', points: 5, reason: 'x' }] }],
    [county, 'submit', {}],
    [pref, 'review', {}],
    [region, 'return', { note: '再议' }],
    [region, 'finalize', {}],
  ]) {
    const r = await post(client, `/api/v1/evaluations/${id}/${p}`, body)
    assert.deepEqual([r.status, code(r)], [409, 'evaluation_final'], p)
  }
  const after = (await get(region, `/api/v1/evaluations/${id}`)).body
  assert.deepEqual(after, before)
})

test('every step is in the audit trail', async () => {
  const r = await get(auditor, `/api/v1/audit?entity=evaluation:${id}&page_size=50`)
  assert.equal(r.status, 200, JSON.stringify(r.body))
  const actions = r.body.items.map((e) => e.action).sort()
  assert.deepEqual(actions, [
    'evaluation.adjust',
    'evaluation.create',
    'evaluation.finalize',
    'evaluation.return',
    'evaluation.review',
    'evaluation.review',
    'evaluation.score',
    'evaluation.submit',
    'evaluation.submit',
  ])
})

test('listing and reading follow the scope', async () => {
  const mine = await get(pref, '/api/v1/evaluations?region=540100&year=2023')
  assert.deepEqual(mine.body.items.map((e) => [e.region_code, e.total, e.grade]), [['540102', 68.91, 'pass']])
  assert.equal(mine.body.items[0].items, undefined) // the list carries no items
  assert.equal((await get(pref2, '/api/v1/evaluations?region=540200&year=2023')).body.total, 0)
  assert.equal((await get(pref2, '/api/v1/evaluations?region=540100&year=2023')).status, 403)
  assert.equal((await get(county2, `/api/v1/evaluations/${id}`)).status, 403)
  assert.equal((await get(leader, '/api/v1/evaluations?year=2022')).body.total, 0)
  assert.equal((await get(leader, '/api/v1/evaluations/999999')).status, 404)
})

test('the score sheet: every item, the parts, the total and the grade', async () => {
  const res = await leader.get(`/api/v1/evaluations/${id}/score-sheet.xlsx`)
  assert.equal(res.status, 200)
  const rows = xlsxRows(await res.arrayBuffer())
  assert.match(rows[0][0], /城关区 2023 年度衔接资金绩效评价评分表（已审定）/)
  const byId = new Map(rows.filter((r) => /^[A-D]\d$/.test(r[1])).map((r) => [r[1], r]))
  assert.equal(byId.size, 13)
  assert.deepEqual([byId.get('C1')[5], byId.get('C1')[6], Number(byId.get('C1')[7])], ['系统计算', '15.66%', 3.91])
  assert.match(byId.get('A2')[9], /自评 4.50 分，调整为 3.00 分：分配结果未按规定公开/)
  const total = rows.find((r) => r[0] === '总分')
  assert.equal(Number(total[7]), 68.91)
  assert.equal(rows.find((r) => r[0] === '评价等级')[7], '中')
  assert.equal((await county2.get(`/api/v1/evaluations/${id}/score-sheet.xlsx`)).status, 403)
})

test('xianjie evaluate lists, prints and creates; a prefecture is not a county', async () => {
  const list = cli(['evaluate', '--db', server.db, '--region', '540100', '--year', '2023'])
  assert.equal(list.status, 0, list.stderr)
  const out = JSON.parse(list.stdout)
  assert.deepEqual([out.region_code, out.year, out.items.map((e) => [e.region_code, e.total, e.grade, e.status])], ['540100', 2023, [['540102', 68.91, 'pass', 'final']]])
  const one = JSON.parse(cli(['evaluate', '--db', server.db, '--id', String(id)]).stdout)
  assert.equal(one.items.length, 13)
  const refused = cli(['evaluate', '--db', server.db, '--region', '540100', '--year', '2023', '--create'])
  assert.notEqual(refused.status, 0)
  assert.match(refused.stderr, /不是县级区划/)
  const made = cli(['evaluate', '--db', server.db, '--region', '540121', '--year', '2023', '--create', '--as-of', '2023-12-31'])
  assert.equal(made.status, 0, made.stderr)
  const ev = JSON.parse(made.stdout)
  assert.deepEqual([ev.region_code, ev.status, ev.steps[0].actor], ['540121', 'self_evaluation', 'system'])
})
