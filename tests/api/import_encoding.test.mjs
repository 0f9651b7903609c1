// CSV files saved by Excel or WPS on Chinese Windows (issue #21 point 6): GB18030/GBK bytes are
// decoded and imported with the same figures as the UTF-8 file, the report says which encoding
// was read (sync route, import job and CLI), and a file that is neither UTF-8 nor GB18030 is
// refused naming row and column, with nothing written. On SQLite and PostgreSQL.
//
// tests/fixtures/gbk/{projects,ledger}-lhasa.csv are tests/fixtures/*-lhasa.csv with CRLF line
// ends converted by `iconv -f UTF-8 -t GB18030` (the first test checks that they still are).
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { startServer, cli, repoRoot } from '../lib/server.mjs'

const fixture = (name) => path.join(repoRoot, 'tests', 'fixtures', name)
const read = (name) => fs.readFileSync(fixture(name))

let server, admin, region, finance
before(async () => {
  server = await startServer({
    users: [
      { username: 'admin', role: 'admin', region: '540000' },
      { username: 'region', role: 'region_officer', region: '540000' },
      { username: 'finance', role: 'finance_officer', region: '540000' },
    ],
  })
  admin = await server.login('admin')
  region = await server.login('region')
  finance = await server.login('finance')
})
after(async () => {
  await server?.stop()
})

const upload = (client, route, body) =>
  client.fetch(route, { method: 'POST', body, headers: { 'Content-Type': 'text/csv' } })

async function waitJob(client, id) {
  for (let i = 0; i < 200; i++) {
    const job = await (await client.get(`/api/v1/imports/jobs/${id}`)).json()
    if (job.state === 'succeeded' || job.state === 'failed') return job
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error('job did not finish')
}

async function figures() {
  const res = await admin.get('/api/v1/indicators?region=540102&year=2023&as_of=2023-12-31')
  assert.equal(res.status, 200)
  const f = await res.json()
  const audit = await (await admin.get('/api/v1/audit?page_size=1')).json()
  return { allocated: f.allocated_fen, disbursed: f.disbursed_fen, expended: f.expended_fen, audit: audit.total }
}

test('the GB18030 fixtures are the UTF-8 fixtures, byte for byte once decoded', () => {
  for (const name of ['projects-lhasa.csv', 'ledger-lhasa.csv']) {
    const gbk = read(`gbk/${name}`)
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk), TypeError, `${name} must not be UTF-8`)
    const decoded = new TextDecoder('gb18030', { fatal: true }).decode(gbk)
    assert.equal(decoded.replaceAll('\r\n', '\n'), read(name).toString('utf8'))
  }
})

test('a GB18030 projects file imports through the route, a GB18030 ledger file as a job, with the UTF-8 figures', async () => {
  const projects = await upload(region, '/api/v1/imports/projects', read('gbk/projects-lhasa.csv'))
  assert.equal(projects.status, 200, await projects.clone().text())
  assert.deepEqual(await projects.json(), { kind: 'projects', rows: 3, inserted: 3, updated: 0, unchanged: 0, encoding: 'GB18030' })
  const project = await (await admin.get('/api/v1/projects/XZ-540121-2023-002')).json()
  assert.equal(project.name, '林周县牦牛养殖合作社圈舍')

  const submitted = await upload(finance, '/api/v1/imports/ledger/jobs', read('gbk/ledger-lhasa.csv'))
  assert.equal(submitted.status, 202, await submitted.clone().text())
  const job = await waitJob(finance, (await submitted.json()).job_id)
  assert.equal(job.state, 'succeeded', JSON.stringify(job.error ?? job.errors))
  assert.deepEqual(job.report, { kind: 'ledger', rows: 8, inserted: 8, updated: 0, unchanged: 0, encoding: 'GB18030' })
  // By hand from tests/fixtures/ledger-lhasa.csv: 下达 500 + 300 万元; 拨付 200 + 150.5; 支出 80 + 12 − 12 (冲销) + 45.25.
  const f = await figures()
  assert.equal(f.allocated, 800_0000_00)
  assert.equal(f.disbursed, 350_5000_00)
  assert.equal(f.expended, 125_2500_00)
  const ledger = await (await admin.get('/api/v1/ledger?region=540102&q=PZ-2023-008')).json()
  assert.equal(ledger.items.find((e) => e.entry_id === 'PZ-2023-008')?.payee, '扎西,次仁等12户')

  // The CLI reads the same file and says so in its JSON report (nothing new: all 8 unchanged).
  const again = cli(['import', '--db', server.db, '--kind', 'ledger', '--format', 'json', fixture('gbk/ledger-lhasa.csv')])
  assert.equal(again.status, 0, again.stderr)
  assert.deepEqual(JSON.parse(again.stdout), { kind: 'ledger', rows: 8, inserted: 0, updated: 0, unchanged: 8, encoding: 'GB18030' })
  const text = cli(['import', '--db', server.db, '--kind', 'projects', fixture('gbk/projects-lhasa.csv')])
  assert.equal(text.status, 0, text.stderr)
  assert.match(text.stdout, /文件编码 GB18030/)
})

test('UTF-8 with a BOM stays UTF-8', async () => {
  const csv = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('项目编码,项目名称,年度,区划代码\nXZ-BOM-1,带BOM的项目,2023,540102\n')])
  const res = await upload(region, '/api/v1/imports/projects', csv)
  assert.equal(res.status, 200, await res.clone().text())
  assert.deepEqual(await res.json(), { kind: 'projects', rows: 1, inserted: 1, updated: 0, unchanged: 0, encoding: 'UTF-8' })
  assert.equal((await (await admin.get('/api/v1/projects/XZ-BOM-1')).json()).name, '带BOM的项目')
})

test('a file that is neither UTF-8 nor GB18030 is refused with row and column, through the route, a job and the CLI, writing nothing', async () => {
  const before = await figures()
  const bytes = read('gbk/undecodable.csv')
  const res = await upload(region, '/api/v1/imports/projects', bytes)
  assert.equal(res.status, 400)
  const body = await res.json()
  assert.equal(body.error.code, 'invalid_argument')
  assert.match(body.error.message, /既不是 UTF-8 也不是 GB18030/)
  assert.deepEqual(body.error.details.map(({ row, column_index, code, value }) => ({ row, column_index, code, value })), [
    { row: 2, column_index: 2, code: 'invalid_encoding', value: '0xFF' },
  ])
  assert.match(body.error.details[0].message, /第2行第2列/)

  const submitted = await upload(region, '/api/v1/imports/projects/jobs', bytes)
  assert.equal(submitted.status, 202)
  const job = await waitJob(region, (await submitted.json()).job_id)
  assert.equal(job.state, 'failed')
  assert.equal(job.error.code, 'invalid_argument')
  assert.equal(job.errors[0].code, 'invalid_encoding')
  assert.equal(job.errors[0].row, 2)

  const r = cli(['import', '--db', server.db, '--kind', 'projects', fixture('gbk/undecodable.csv')])
  assert.notEqual(r.status, 0)
  assert.match(r.stderr, /invalid_encoding/)
  assert.equal((await admin.get('/api/v1/projects/XZ-BAD-1')).status, 404)
  assert.deepEqual(await figures(), before)
})
