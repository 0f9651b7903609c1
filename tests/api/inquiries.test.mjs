// 问询 → 认定 (issue #18 point 6) over HTTP on SQLite and PostgreSQL: an inquiry on a 以拨代支 flag,
// the county's answer and the determination, every step allowed and refused, who may take each,
// and the effect on assessed progress (docs/definitions.md §11), hand-computed below.
//
// 城关区 540102, central funds of fund year 2023: A1 allocates 1,000 元 (03-01); on project INQ-P1, E1 spends
// 400 元 with an enterprise; G1 200 元 and G2 100 元 go to the county's fiscal account (以拨代支), all on 05-01.
// Expended 700, 以拨代支 300: expend progress 70.00%, assessed (700 − 300) ÷ 1,000 = 40.00%.
// G2 confirmed (认定违规): still 40.00%. G1 rejected (认定不成立): 以拨代支 100, assessed
// (700 − 100) ÷ 1,000 = 60.00%; expend progress stays 70.00%; `xianjie verify` agrees.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startServer, cli } from '../lib/server.mjs'

let server, fin, county, county2, pref, sup, admin
before(async () => {
  server = await startServer({
    // Payments name a project with funds arranged (started): INQ-P1 of 城关区.
    setup: (db) => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'xj-inq-')), 'projects.csv')
      fs.writeFileSync(file, '项目编码,项目名称,年度,区划代码,项目类别,建设内容,总投资,中央衔接资金,其他资金,计划开工,计划完工,实际开工,实际完工,状态,责任人\n' +
        'INQ-P1,城关区牦牛养殖基地建设项目,2023,540102,0101,生产项目,100000,100000,0,2023-03-01,2023-10-31,2023-03-01,,started,扎西次仁\n')
      const r = cli(['import', '--db', db, '--kind', 'projects', file])
      if (r.status !== 0) throw new Error(`project import failed: ${r.stderr}`)
      fs.rmSync(path.dirname(file), { recursive: true })
    },
    users: [
      { username: 'fin', role: 'finance_officer', region: '540000' },
      { username: 'county', role: 'county_officer', region: '540102' },
      { username: 'county2', role: 'county_officer', region: '540202' },
      { username: 'pref', role: 'prefecture_officer', region: '540100' },
      { username: 'sup', role: 'supervisor', region: '540000' },
      { username: 'admin', role: 'admin', region: '540000' },
    ],
  })
  fin = await server.login('fin')
  county = await server.login('county')
  county2 = await server.login('county2')
  pref = await server.login('pref')
  sup = await server.login('sup')
  admin = await server.login('admin')
  const entry = (entry_id, kind, amount_fen, payee_type) => ({
    entry_id, date: kind === 'allocate' ? '2023-03-01' : '2023-05-01', kind, fund_source: 'central', fund_year: 2023,
    region_code: '540102', amount_fen, ...(kind === 'allocate' ? {} : { project_code: 'INQ-P1', payee: '收款方', payee_type }),
  })
  const res = await fin.post('/api/v1/ledger', [
    entry('A1', 'allocate', 100000), entry('E1', 'expend', 40000, 'enterprise'),
    entry('G1', 'expend', 20000, 'gov_account'), entry('G2', 'expend', 10000, 'gov_account'),
  ])
  assert.equal(res.status, 201, await res.text())
})
after(async () => {
  await server?.stop()
})

const json = async (res) => ({ status: res.status, body: await res.json() })
const refused = (res, status, code) => {
  assert.equal(res.status, status, JSON.stringify(res.body))
  assert.equal(res.body.error.code, code, JSON.stringify(res.body))
}
const send = async (client, body) => json(await client.post('/api/v1/inquiries', body))
const answer = async (client, id, body) => json(await client.post(`/api/v1/inquiries/${id}/answer`, body))
const determine = async (client, id, body) => json(await client.post(`/api/v1/inquiries/${id}/determine`, body))
const figures = async () =>
  (await json(await admin.get('/api/v1/indicators?region=540102&year=2023&as_of=2023-12-31'))).body
const ask = { flag_kind: 'disburse_as_expend', questions: '请说明资金去向', due_on: '2023-06-30' }

let g1, g2
test('finance sends an inquiry on a flag; wrong requests are refused', async () => {
  const f = await figures()
  assert.deepEqual([f.expended_fen, f.disburse_as_expend_fen, f.expend_progress, f.assessed_progress], [70000, 30000, 70, 40])
  refused(await send(county, { ...ask, subject: 'G1' }), 403, 'permission_denied')
  refused(await send(fin, { ...ask, subject: 'G1', questions: '' }), 400, 'missing_field')
  refused(await send(fin, { ...ask, flag_kind: 'negative_list', subject: 'G1' }), 400, 'unsupported_kind')
  assert.equal((await send(fin, { ...ask, subject: 'E1' })).status, 404)  // E1 is not 以拨代支
  const r = await send(fin, { ...ask, subject: 'G1' })
  assert.equal(r.status, 201, JSON.stringify(r.body))
  g1 = r.body.id
  assert.deepEqual([r.body.status, r.body.version, r.body.amount_fen, r.body.region_code, r.body.unit_code, r.body.overdue],
    ['sent', 1, 20000, '540102', '540102', true])
  refused(await send(fin, { ...ask, subject: 'G1' }), 409, 'inquiry_exists')
  const s = await send(sup, { ...ask, subject: 'G2', due_on: undefined })
  assert.equal(s.status, 201, JSON.stringify(s.body))
  g2 = s.body.id
  assert.equal(s.body.due_on, null)
})

test('the county sees and answers its own; nobody else answers', async () => {
  const mine = await json(await county.get('/api/v1/inquiries'))
  assert.deepEqual(mine.body.items.map((i) => i.subject), ['G2', 'G1'])  // newest first
  assert.equal((await json(await county2.get('/api/v1/inquiries'))).body.total, 0)
  const one = await json(await county.get(`/api/v1/inquiries/${g1}`))
  assert.equal(one.status, 200, JSON.stringify(one.body))
  assert.deepEqual([one.body.subject, one.body.unit_name, one.body.events.map((e) => e.action)], ['G1', '城关区', ['send']])
  assert.equal((await county2.get(`/api/v1/inquiries/${g1}`)).status, 403)
  assert.equal((await county.get('/api/v1/inquiries/999999')).status, 404)
  refused(await json(await fin.get('/api/v1/inquiries?status=closed')), 400, 'unknown_status')
  refused(await json(await fin.get('/api/v1/inquiries?outcome=maybe')), 400, 'unknown_outcome')
  const sent = await json(await fin.get('/api/v1/inquiries?region=540100&status=sent&flag_kind=disburse_as_expend'))
  assert.equal(sent.body.total, 2)
  // Determined before answered: refused.
  refused(await determine(fin, g1, { version: 1, outcome: 'rejected', reason: '登记有误' }), 409, 'bad_transition')
  // Another county, the county's prefecture, a supervisor (no such right): refused.
  refused(await answer(county2, g1, { version: 1, answer: '答' }), 403, 'permission_denied')
  refused(await answer(pref, g1, { version: 1, answer: '答' }), 403, 'permission_denied')
  refused(await answer(sup, g1, { version: 1, answer: '答' }), 403, 'permission_denied')
  refused(await answer(county, g1, { version: 1, answer: '' }), 400, 'missing_field')
  refused(await answer(county, g1, { version: 7, answer: '答' }), 409, 'stale_version')
  const r = await answer(county, g1, { version: 1, answer: '付款对象登记有误，资金已付施工企业', evidence: '记账凭证 2023-045 号' })
  assert.equal(r.status, 200, JSON.stringify(r.body))
  assert.deepEqual([r.body.status, r.body.version, r.body.answered_by, r.body.overdue], ['answered', 2, 'county', false])
  refused(await answer(county, g1, { version: 2, answer: '再答' }), 409, 'bad_transition')
  assert.equal((await answer(county, g2, { version: 1, answer: '资金滞留财政专户' })).status, 200)
  // Sent and answered change no figure.
  assert.equal((await figures()).assessed_progress, 40)
})

test('a confirmed determination keeps the deduction, a rejected one removes it', async () => {
  refused(await determine(county, g2, { version: 2, outcome: 'confirmed', reason: 'x' }), 403, 'permission_denied')
  refused(await determine(sup, g2, { version: 2, outcome: 'confirmed', reason: 'x' }), 403, 'permission_denied')
  refused(await determine(fin, g2, { version: 2, outcome: 'maybe', reason: 'x' }), 400, 'unknown_outcome')
  refused(await determine(fin, g2, { version: 2, outcome: 'confirmed', reason: '滞留', violation_type: '以拨代支' }), 400, 'missing_field')
  refused(await determine(fin, g1, { version: 2, outcome: 'rejected', reason: '登记有误', recover_fen: 100 }), 400, 'invalid_amount')
  let r = await determine(fin, g2, {
    version: 2, outcome: 'confirmed', violation_type: '以拨代支', recover_fen: 10000, reaccount_fen: 0,
    measures: '限期收回', reason: '资金滞留财政专户',
  })
  assert.equal(r.status, 200, JSON.stringify(r.body))
  assert.deepEqual([r.body.status, r.body.outcome, r.body.recover_fen, r.body.determined_by], ['determined', 'confirmed', 10000, 'fin'])
  let f = await figures()
  assert.deepEqual([f.disburse_as_expend_fen, f.assessed_progress], [30000, 40])

  r = await determine(fin, g1, { version: 2, outcome: 'rejected', reason: '付款对象登记有误，实为施工企业' })
  assert.equal(r.status, 200, JSON.stringify(r.body))
  assert.deepEqual(r.body.events.map((e) => [e.action, e.from_status, e.to_status, e.actor]), [
    ['send', 'sent', 'sent', 'fin'], ['answer', 'sent', 'answered', 'county'], ['determine', 'answered', 'determined', 'fin']])
  refused(await determine(fin, g1, { version: 3, outcome: 'confirmed', reason: 'x', violation_type: 'x', measures: 'x' }), 409, 'bad_transition')
  f = await figures()
  assert.deepEqual([f.expended_fen, f.disburse_as_expend_fen, f.expend_progress, f.assessed_progress], [70000, 10000, 70, 60])
  const province = (await json(await admin.get('/api/v1/indicators?region=540000&year=2023&as_of=2023-12-31'))).body
  assert.equal(province.assessed_progress, 60)

  // The rejected flag is closed with its reason; the confirmed one is still open.
  const flag = await json(await fin.get('/api/v1/flags/disburse_as_expend/G1'))
  assert.equal(flag.status, 200, JSON.stringify(flag.body))
  assert.equal(flag.body.status, 'closed')
  assert.match(flag.body.reason, /认定不成立/)
  assert.equal((await json(await fin.get('/api/v1/flags/disburse_as_expend/G2'))).body.status, 'open')

  const done = await json(await county.get('/api/v1/inquiries?outcome=rejected'))
  assert.deepEqual(done.body.items.map((i) => i.subject), ['G1'])
  const audit = await json(await admin.get('/api/v1/audit?entity=inquiry'))
  assert.equal(audit.body.total, 6)  // 2 × (send, answer, determine)
})

test('xianjie verify recomputes the same figures with SQL', () => {
  const r = cli(['verify', '--db', server.db])
  assert.equal(r.status, 0, r.stdout + r.stderr)
  assert.match(r.stdout, /verify ok/)
})
