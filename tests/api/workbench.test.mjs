// 工作台 (issue #21 point 3, docs/definitions.md §14): GET /api/v1/workbench counts, for the caller, what waits
// for them — checked by hand against the data this test creates, for a county officer and a township
// officer, and scoped: another county's items never appear. On SQLite and PostgreSQL.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startServer, cli } from '../lib/server.mjs'
import { beijingDate } from '../lib/dates.mjs'

let server
const c = {}
before(async () => {
  server = await startServer({
    users: [
      { username: 'admin', role: 'admin', region: '540000' },
      { username: 'chengguan', role: 'county_officer', region: '540102' },
      { username: 'caigongtang', role: 'township_officer', region: '540102001' },
      { username: 'linzhou', role: 'county_officer', region: '540121' },
      { username: 'leader', role: 'leader', region: '540000' },
      { username: 'finance', role: 'finance_officer', region: '540000' },
    ],
    // A township under 城关区 for the township officer, there before the users are.
    setup: (db) => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'xianjie-wb-')), 'township.csv')
      fs.writeFileSync(file, '区划代码,名称,级别,上级代码\n540102001,蔡公堂乡,乡镇,540102\n')
      const r = cli(['import', '--db', db, '--kind', 'regions', file])
      fs.rmSync(path.dirname(file), { recursive: true, force: true })
      if (r.status !== 0) throw new Error(r.stderr)
    },
  })
  for (const u of ['admin', 'chengguan', 'caigongtang', 'linzhou', 'leader', 'finance']) c[u] = await server.login(u)
})
after(async () => {
  await server?.stop()
})

const day = (offset) => beijingDate(offset)
const today = day(0)
const csv = (client, kind, body, jobs = false) =>
  client.fetch(`/api/v1/imports/${kind}${jobs ? '/jobs?file_name=projects.csv' : ''}`, { method: 'POST', body, headers: { 'Content-Type': 'text/csv' } })
const section = (wb, kind) => wb.sections.find((s) => s.kind === kind)
async function workbench(client, query = '') {
  const res = await client.get(`/api/v1/workbench${query}`)
  assert.equal(res.status, 200, await res.clone().text())
  return res.json()
}

test('counts for a county officer and a township officer match the data created, and stay in their scope', async () => {
  // 城关区: one project 村级申报 in the township (the township's review), two waiting for the county
  // (乡镇审核, 县级论证) and one already started (nobody's review). 林周县: one waiting for its county.
  const header = '项目编码,项目名称,年度,区划代码,总投资（万元）,中央衔接资金（万元）,状态\n'
  const mine = await csv(c.chengguan, 'projects', header +
    `WB-CG-1,蔡公堂乡村道,2026,540102001,10,10,村级申报\n` +
    `WB-CG-2,城关区水渠,2026,540102,20,20,乡镇审核\n` +
    `WB-CG-3,城关区温室,2026,540102,30,30,县级论证\n` +
    `WB-CG-4,城关区桥梁,2026,540102,40,40,开工\n`, true)
  assert.equal(mine.status, 202, await mine.clone().text())
  const jobId = (await mine.json()).job_id
  for (let i = 0; i < 200; i++) {
    const job = await (await c.chengguan.get(`/api/v1/imports/jobs/${jobId}`)).json()
    if (job.state === 'succeeded') break
    assert.notEqual(job.state, 'failed', JSON.stringify(job.errors))
    await new Promise((r) => setTimeout(r, 50))
  }
  const theirs = await csv(c.linzhou, 'projects', header + `WB-LZ-1,林周县圈舍,2026,540121,50,50,乡镇审核\nWB-LZ-2,林周县道路,2026,540121,60,60,县级论证\n`)
  assert.equal(theirs.status, 200, await theirs.clone().text())

  // A posting of WB-CG-3 (审定入库 needs one) that ends tomorrow, with one objection answered and one not;
  // 林周县 posts WB-LZ-2 the same way with an open objection of its own.
  const posting = await c.chengguan.fetch('/api/v1/projects/WB-CG-3/postings', { method: 'POST', json: { stage: 'admit', place: '村务公开栏', start: day(-8), days: 10 } })
  assert.equal(posting.status, 201, await posting.clone().text())
  const p = await posting.json()
  assert.equal(p.end, day(1))
  for (const text of ['位置不当', '投资偏高']) {
    const o = await c.chengguan.fetch('/api/v1/projects/WB-CG-3/objections', { method: 'POST', json: { posting_id: p.id, text, received_on: day(-5) } })
    assert.equal(o.status, 201, await o.clone().text())
    if (text === '位置不当') {
      const id = (await o.json()).id
      const r = await c.chengguan.fetch(`/api/v1/projects/WB-CG-3/objections/${id}/resolve`, { method: 'POST', json: { resolution: '已调整选址' } })
      assert.equal(r.status, 200, await r.clone().text())
    }
  }
  const lzPosting = await (await c.linzhou.fetch('/api/v1/projects/WB-LZ-2/postings', { method: 'POST', json: { stage: 'admit', place: '村务公开栏', start: day(-8), days: 10 } })).json()
  const lzObjection = await c.linzhou.fetch('/api/v1/projects/WB-LZ-2/objections', { method: 'POST', json: { posting_id: lzPosting.id, text: '林周县的异议', received_on: day(-5) } })
  assert.equal(lzObjection.status, 201)

  // One flag: an expenditure of WB-CG-4 whose purpose names a negative-list item (负面清单, docs/definitions.md §3).
  const ledger = await csv(c.finance, 'ledger', '凭证号,日期,类型,资金来源,资金年度,区划代码,项目编码,金额（万元）,收款方,收款方类型,冲销凭证号,备注\n' +
    'WB-L1,2026-03-01,下达,中央,2026,540102,,40,,,,\n' +
    'WB-L2,2026-04-01,拨付,中央,2026,540102,WB-CG-4,10,某公司,企业,,\n' +
    'WB-L3,2026-04-02,支出,中央,2026,540102,WB-CG-4,5,某公司,企业,,购置办公车辆\n')
  assert.equal(ledger.status, 200, await ledger.clone().text())

  // 城关区's county officer: reviews WB-CG-2 and WB-CG-3 (not WB-CG-1, the township's, nor WB-CG-4);
  // one posting ending within 3 days; one unanswered objection; the one import job they ran.
  const cg = await workbench(c.chengguan)
  assert.equal(cg.as_of, today)
  assert.equal(cg.landing, 'workbench')
  const count = (wb, kind) => section(wb, kind)?.count
  assert.equal(count(cg, 'reviews'), 2)
  assert.deepEqual(section(cg, 'reviews').items.map((i) => i.key).sort(), ['WB-CG-2', 'WB-CG-3'])
  assert.equal(count(cg, 'postings_ending'), 1)
  assert.deepEqual(section(cg, 'postings_ending').items[0], {
    key: 'WB-CG-3', title: '城关区温室', detail: `公示期至 ${day(1)}`, region_code: '540102', date: day(1), link: '/projects/WB-CG-3',
  })
  assert.equal(count(cg, 'objections'), 1)
  assert.equal(section(cg, 'objections').items[0].key, 'WB-CG-3')
  assert.equal(count(cg, 'flags'), 1)
  assert.deepEqual(section(cg, 'flags').items.map((i) => [i.key, i.title, i.date]), [['WB-L3', '负面清单：WB-L3', '2026-04-02']])
  assert.equal(count(cg, 'inquiries'), 0)
  assert.equal(count(cg, 'rectifications'), 0)
  assert.equal(count(cg, 'reminders'), 0)
  assert.equal(count(cg, 'imports'), 1)
  assert.equal(section(cg, 'imports').items[0].key, jobId)
  assert.equal(cg.total, 2 + 1 + 1 + 1 + 1)

  // The township officer: WB-CG-1 only; postings of the township's projects (none) and no county steps.
  const tw = await workbench(c.caigongtang)
  assert.equal(count(tw, 'reviews'), 1)
  assert.equal(section(tw, 'reviews').items[0].key, 'WB-CG-1')
  assert.equal(section(tw, 'reviews').items[0].detail, '村级申报，待审核')
  assert.equal(count(tw, 'postings_ending'), 0)
  assert.equal(count(tw, 'objections'), 0)
  assert.equal(section(tw, 'flags'), undefined, 'a township officer does not handle flags')
  assert.equal(count(tw, 'imports'), 0, 'another user’s import job is not theirs')
  assert.equal(tw.total, 1)

  // The finance officer (自治区): the flag to explain and nothing of the library.
  const fin = await workbench(c.finance)
  assert.equal(count(fin, 'flags'), 1)
  assert.equal(section(fin, 'reviews'), undefined)
  assert.equal(section(fin, 'objections'), undefined)
  assert.equal(fin.total, 1)

  // Scoping: 林周县 sees only its own, and none of 城关区's keys appears anywhere in its answer.
  const lz = await workbench(c.linzhou)
  assert.equal(count(lz, 'reviews'), 2)
  assert.equal(count(lz, 'postings_ending'), 1)
  assert.equal(count(lz, 'objections'), 1)
  assert.equal(count(lz, 'imports'), 0, 'a synchronous import is no job')
  assert.equal(count(lz, 'flags'), 0, '城关区’s flag is not 林周县’s')
  const text = JSON.stringify(lz)
  assert.doesNotMatch(text, /WB-CG|540102/)
  assert.doesNotMatch(JSON.stringify(cg), /WB-LZ|540121/)
  assert.doesNotMatch(JSON.stringify(tw), /WB-CG-[234]|WB-L/)
})

test('a leader lands on the wall chart; a posting after its end no longer counts; as_of is checked', async () => {
  const leader = await workbench(c.leader)
  assert.equal(leader.landing, 'dashboard')
  assert.equal(section(leader, 'reviews'), undefined, 'a leader reviews nothing')
  // Five days on, both postings have ended: none ending soon, the objection still waits (within 30 days).
  const later = await workbench(c.chengguan, `?as_of=${day(5)}`)
  assert.equal(later.as_of, day(5))
  assert.equal(section(later, 'postings_ending').count, 0)
  assert.equal(section(later, 'objections').count, 1)
  // Forty days on, the posting ended more than 30 days before: its objection is no longer listed.
  assert.equal(section(await workbench(c.chengguan, `?as_of=${day(40)}`), 'objections').count, 0)
  const bad = await c.chengguan.get('/api/v1/workbench?as_of=2026-13-01')
  assert.equal(bad.status, 400)
  assert.equal((await bad.json()).error.code, 'invalid_argument')
  const anonymous = await fetch(`${server.baseUrl}/api/v1/workbench`)
  assert.equal(anonymous.status, 401)
})
