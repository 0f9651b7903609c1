// Excel in and out over HTTP (issue #7), on SQLite and PostgreSQL: XLSX through the existing
// import routes (sniffed by content), every broken workbook refused with its error and nothing
// changed, import jobs with progress, result and error workbook, visible only to their owner,
// XLSX exports that import back unchanged, and the CLI import/export of the same files.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startServer, cli, repoRoot } from '../lib/server.mjs'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const fixture = (name) => fs.readFileSync(path.join(repoRoot, 'tests', 'fixtures', 'xlsx', name))

const users = [
  { username: 'admin', role: 'admin', region: '540000' },
  { username: 'region', role: 'region_officer', region: '540000' },
  { username: 'finance', role: 'finance_officer', region: '540000' },
  { username: 'county', role: 'finance_officer', region: '540102' },
  { username: 'leader', role: 'leader', region: '540000' },
]
let server, finance, county, leader, admin, region
before(async () => {
  server = await startServer({ users })
  admin = await server.login('admin')
  region = await server.login('region')
  finance = await server.login('finance')
  county = await server.login('county')
  leader = await server.login('leader')
  const projects = 'project_code,name,year,region_code,central_fund,status\nP1,道路硬化项目,2023,540102,100,approved\n'
  const r = await region.fetch('/api/v1/imports/projects', { method: 'POST', body: projects, headers: { 'Content-Type': 'text/csv' } })
  assert.equal(r.status, 200, await r.text())
})
after(async () => {
  await server?.stop()
})

const upload = (client, route, body, type = XLSX) =>
  client.fetch(route, { method: 'POST', body, headers: { 'Content-Type': type } })

/** Everything a ledger import could change, read through the API. */
async function ledgerState() {
  const ind = await (await admin.get('/api/v1/indicators?region=540000&year=2023&as_of=2023-12-31')).json()
  const audit = await (await admin.get('/api/v1/audit?page_size=1')).json()
  return { allocated: ind.allocated_fen, expended: ind.expended_fen, audit: audit.total }
}

async function waitJob(client, id) {
  for (let i = 0; i < 200; i++) {
    const res = await client.get(`/api/v1/imports/jobs/${id}`)
    const job = await res.json()
    if (job.state === 'succeeded' || job.state === 'failed') return job
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error('job did not finish')
}

test('an XLSX workbook imports through the existing route; a second time changes nothing', async () => {
  const first = await upload(finance, '/api/v1/imports/ledger', fixture('ledger_good.xlsx'))
  assert.equal(first.status, 200, await first.clone().text())
  assert.deepEqual(await first.json(), { kind: 'ledger', rows: 3, inserted: 3, updated: 0, unchanged: 0, encoding: 'UTF-8' })
  const state = await ledgerState()
  assert.equal(state.allocated, 100_000_000) // 100 万元
  // No Content-Type hint: the zip magic alone says XLSX.
  const again = await upload(finance, '/api/v1/imports/ledger', fixture('ledger_good.xlsx'), 'application/octet-stream')
  assert.equal((await again.json()).unchanged, 3)
  assert.deepEqual(await ledgerState(), state)
})

test('every broken workbook is refused with its error code and changes nothing', async () => {
  const before = await ledgerState()
  const cases = {
    'not_a_zip.xlsx': 'not_xlsx',
    'empty.xlsx': 'empty_file',
    'zip_without_sheet.xlsx': 'no_sheet',
    'wrong_header.xlsx': 'missing_column',
    'shared_string_out_of_range.xlsx': 'shared_string_out_of_range',
    'formula_no_value.xlsx': 'formula_cell',
    'cell_50mb.xlsx': 'cell_too_large',
  }
  for (const [file, code] of Object.entries(cases)) {
    const res = await upload(finance, '/api/v1/imports/ledger', fixture(file))
    const body = await res.json()
    assert.equal(res.status, 400, `${file}: ${JSON.stringify(body)}`)
    assert.equal(body.error.details[0].code, code, file)
    assert.ok(body.error.details[0].message.length > 0)
    assert.deepEqual(await ledgerState(), before, `${file} changed something`)
  }
  const formula = await (await upload(finance, '/api/v1/imports/ledger', fixture('formula_no_value.xlsx'))).json()
  assert.equal(formula.error.details[0].sheet, '台账')
  assert.equal(formula.error.details[0].row, 4)
  assert.match(formula.error.details[0].message, /H4 含公式但文件中没有保存计算结果/)
})

test('formula cells with a cached value import as that value and are listed; strict_formulas=true refuses them', async () => {
  const before = await ledgerState()
  const cached = fixture('formula_cached.xlsx')
  // Strict: refused at the first formula (H4), through the route and as a job, nothing written.
  const strict = await upload(finance, '/api/v1/imports/ledger?strict_formulas=true', cached)
  assert.equal(strict.status, 400)
  const detail = (await strict.json()).error.details[0]
  assert.deepEqual([detail.sheet, detail.row, detail.column_index, detail.code, detail.value], ['台账', 4, 8, 'formula_cell', '=100*2'])
  assert.match(detail.message, /不接受公式/)
  const job = await upload(finance, '/api/v1/imports/ledger/jobs?strict_formulas=1', cached)
  assert.equal(job.status, 202)
  const failed = await waitJob(finance, (await job.json()).job_id)
  assert.equal(failed.state, 'failed')
  assert.equal(failed.errors[0].code, 'formula_cell')
  const wrong = await upload(finance, '/api/v1/imports/ledger?strict_formulas=yes', cached)
  assert.equal(wrong.status, 400)
  assert.equal((await wrong.json()).error.code, 'invalid_argument')
  assert.deepEqual(await ledgerState(), before)

  // Default: H4 = 100*2 cached 200 万元 (下达), H5 = H4/4 cached 50 万元 (支出), L4 a text formula; the 合计 row's SUM is skipped.
  const res = await upload(finance, '/api/v1/imports/ledger', cached)
  assert.equal(res.status, 200, await res.clone().text())
  assert.deepEqual(await res.json(), {
    kind: 'ledger', rows: 2, inserted: 2, updated: 0, unchanged: 0, encoding: 'UTF-8',
    formula_cells_total: 3,
    formula_cells: [
      { sheet: '台账', row: 4, column: 'H', formula: '100*2', value: '200' },
      { sheet: '台账', row: 4, column: 'L', formula: '"第"&"一批"', value: '第一批' },
      { sheet: '台账', row: 5, column: 'H', formula: 'H4/4', value: '50' },
    ],
  })
  const after = await ledgerState()
  assert.equal(after.allocated - before.allocated, 200_0000_00)
  assert.equal(after.expended - before.expended, 50_0000_00)
  // As a job, the same file again: the report (all unchanged) still lists the formula cells.
  const again = await upload(finance, '/api/v1/imports/ledger/jobs', cached)
  const done = await waitJob(finance, (await again.json()).job_id)
  assert.equal(done.state, 'succeeded')
  assert.equal(done.report.unchanged, 2)
  assert.equal(done.report.formula_cells_total, 3)
})

test('an import job reports progress and its result; a failed one keeps its errors and an error workbook', async () => {
  const submitted = await upload(finance, '/api/v1/imports/ledger/jobs?file_name=' + encodeURIComponent('台账.xlsx'),
    fixture('ledger_good.xlsx'))
  assert.equal(submitted.status, 202)
  const queued = await submitted.json()
  assert.match(queued.job_id, /^[0-9a-f]{16}$/)
  assert.equal(submitted.headers.get('location'), `/api/v1/imports/jobs/${queued.job_id}`)
  const done = await waitJob(finance, queued.job_id)
  assert.equal(done.state, 'succeeded')
  assert.equal(done.file_name, '台账.xlsx')
  assert.equal(done.format, 'xlsx')
  assert.equal(done.rows_read, 3)
  assert.equal(done.rows_total, 3)
  assert.deepEqual(done.report, { kind: 'ledger', rows: 3, inserted: 0, updated: 0, unchanged: 3, encoding: 'UTF-8' })

  const before = await ledgerState()
  const bad = 'entry_id,date,kind,fund_source,fund_year,region_code,amount\nB1,2023-02-30,allocate,central,2023,540102,1\nB2,2023-01-01,allocate,central,2023,540102,-1\n'
  const job = await (await upload(finance, '/api/v1/imports/ledger/jobs?file_name=bad.csv', bad, 'text/csv')).json()
  const failed = await waitJob(finance, job.job_id)
  assert.equal(failed.state, 'failed')
  assert.equal(failed.format, 'csv')
  assert.equal(failed.errors_total, 2)
  assert.deepEqual(failed.errors.map((e) => [e.row, e.column, e.code]), [[2, 'date', 'invalid_date'], [3, 'amount', 'non_positive_amount']])
  assert.deepEqual(await ledgerState(), before)
  const xlsx = await finance.get(failed.errors_url)
  assert.equal(xlsx.status, 200)
  assert.equal(xlsx.headers.get('content-type'), XLSX)
  assert.match(xlsx.headers.get('content-disposition'), /attachment/)
  const bytes = Buffer.from(await xlsx.arrayBuffer())
  assert.equal(bytes.subarray(0, 2).toString(), 'PK')

  // Jobs are their owner's (and admins'): others get 404, and their list does not show them.
  assert.equal((await county.get(`/api/v1/imports/jobs/${job.job_id}`)).status, 404)
  assert.equal((await county.get(failed.errors_url)).status, 404)
  assert.equal((await admin.get(`/api/v1/imports/jobs/${job.job_id}`)).status, 200)
  const mine = await (await finance.get('/api/v1/imports/jobs')).json()
  assert.ok(mine.items.some((j) => j.job_id === job.job_id))
  const theirs = await (await county.get('/api/v1/imports/jobs')).json()
  assert.ok(!theirs.items.some((j) => j.job_id === job.job_id))
})

test('an upload larger than the default 1 MiB body limit is accepted on the import routes, and progress counts its rows', async () => {
  const lines = ['entry_id,date,kind,fund_source,fund_year,region_code,amount,note']
  for (let i = 0; i < 30000; i++) lines.push(`BIG-${i},2023-03-01,allocate,central,2022,540102,1.00,大文件测试第${i}行`)
  const body = lines.join('\n') + '\n'
  assert.ok(body.length > 1024 * 1024)
  const job = await (await upload(finance, '/api/v1/imports/ledger/jobs?file_name=big.csv', body, 'text/csv')).json()
  const done = await waitJob(finance, job.job_id)
  assert.equal(done.state, 'succeeded', JSON.stringify(done.error))
  assert.equal(done.rows_read, 30000)
  assert.equal(done.rows_total, 30000)
  assert.equal(done.report.inserted, 30000)
  assert.equal((await finance.fetch('/api/v1/ledger', { method: 'POST', body: 'x'.repeat(2 * 1024 * 1024), headers: { 'Content-Type': 'application/json' } })).status, 413)
})

test('job submission needs the import grant; out-of-scope rows fail the job, not the upload', async () => {
  assert.equal((await upload(leader, '/api/v1/imports/ledger/jobs', fixture('ledger_good.xlsx'))).status, 403)
  const rows = 'entry_id,date,kind,fund_source,fund_year,region_code,amount\nS1,2023-02-01,allocate,central,2023,540202,1\n'
  const job = await (await upload(county, '/api/v1/imports/ledger/jobs', rows, 'text/csv')).json()
  const done = await waitJob(county, job.job_id)
  assert.equal(done.state, 'failed')
  assert.equal(done.error.code, 'permission_denied')
})

test('exports are formatted XLSX files that import back unchanged; scope applies', async () => {
  for (const route of [
    '/api/v1/exports/dispatch.xlsx?region=540000&year=2023&as_of=2023-07-05',
    '/api/v1/exports/rankings.xlsx?region=540000&year=2023&as_of=2023-07-05',
    '/api/v1/exports/flags.xlsx?region=540000&year=2023&as_of=2023-07-05',
    '/api/v1/exports/projects.xlsx?region=540000&year=2023',
    '/api/v1/exports/ledger.xlsx?region=540000&year=2023',
  ]) {
    const res = await leader.get(route)
    assert.equal(res.status, 200, route)
    assert.equal(res.headers.get('content-type'), XLSX)
    assert.match(res.headers.get('content-disposition'), /filename\*=UTF-8''/)
  }
  assert.equal((await county.get('/api/v1/exports/ledger.xlsx?region=540100')).status, 403)
  assert.equal((await leader.get('/api/v1/exports/ledger.xlsx?kind=flying')).status, 400)

  // Round trip: the ledger export of this server imports into a fresh one unchanged.
  const ledger = Buffer.from(await (await admin.get('/api/v1/exports/ledger.xlsx?region=540000')).arrayBuffer())
  const projects = Buffer.from(await (await admin.get('/api/v1/exports/projects.xlsx?region=540000')).arrayBuffer())
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xj-excel-'))
  try {
    const other = await startServer({ users })
    try {
      const a = await other.login('finance')
      const p = await upload(await other.login('region'), '/api/v1/imports/projects', projects)
      assert.equal((await p.json()).inserted, 1)
      const l = await upload(a, '/api/v1/imports/ledger', ledger)
      assert.equal(l.status, 200)
      for (const year of [2022, 2023]) {
        const q = `/api/v1/indicators?region=540000&year=${year}&as_of=${year}-12-31`
        const mine = await (await admin.get(q)).json()
        const theirs = await (await a.get(q)).json()
        assert.equal(theirs.allocated_fen, mine.allocated_fen, `${year}`)
        assert.equal(theirs.expended_fen, mine.expended_fen, `${year}`)
      }
    } finally {
      await other.stop()
    }
    // The CLI writes the same report and imports XLSX by content.
    fs.writeFileSync(path.join(dir, 'ledger.xlsx'), ledger)
    const exported = cli(['export', 'ledger', '--db', server.db, '--region', '540000', '--out', path.join(dir, 'cli.xlsx')])
    assert.equal(exported.status, 0, exported.stderr)
    assert.equal(fs.readFileSync(path.join(dir, 'cli.xlsx')).subarray(0, 2).toString(), 'PK')
    const reimport = cli(['import', '--db', server.db, '--kind', 'ledger', path.join(dir, 'cli.xlsx')])
    assert.equal(reimport.status, 0, reimport.stderr)
    assert.match(reimport.stdout, /新增 0/)
    const broken = cli(['import', '--db', server.db, '--kind', 'ledger', '--strict-formulas', path.join(repoRoot, 'tests/fixtures/xlsx/formula_cell.xlsx')])
    assert.equal(broken.status, 2)
    assert.match(broken.stderr, /formula_cell/)
    const cached = cli(['import', '--db', server.db, '--kind', 'ledger', path.join(repoRoot, 'tests/fixtures/xlsx/formula_cached.xlsx')])
    assert.equal(cached.status, 0, cached.stderr)
    assert.match(cached.stdout, /按公式的计算结果导入的单元格 3 个：台账!H4、台账!L4、台账!H5\n/)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
})

test('regions and projects import as jobs too: each needs its own grant, and a bad row fails the job and writes nothing', async () => {
  // regions: the administrator's
  const regions = 'code,name,level,parent_code\n540190,作业导入测试县,county,540100\n'
  assert.equal((await upload(finance, '/api/v1/imports/regions/jobs', regions, 'text/csv')).status, 403)
  const submitted = await upload(admin, '/api/v1/imports/regions/jobs?file_name=regions.csv', regions, 'text/csv')
  assert.equal(submitted.status, 202)
  const queued = await submitted.json()
  assert.equal(queued.kind, 'regions')
  const done = await waitJob(admin, queued.job_id)
  assert.equal(done.state, 'succeeded', JSON.stringify(done.error))
  assert.deepEqual(done.report, { kind: 'regions', rows: 1, inserted: 1, updated: 0, unchanged: 0, encoding: 'UTF-8' })
  assert.equal((await (await admin.get('/api/v1/regions/540190')).json()).name, '作业导入测试县')
  const badRegions = 'code,name,level,parent_code\n540191,好县,county,540100\n540192,坏县,county,549999\n'
  const failedRegions = await waitJob(admin, (await (await upload(admin, '/api/v1/imports/regions/jobs', badRegions, 'text/csv')).json()).job_id)
  assert.equal(failedRegions.state, 'failed')
  assert.ok(failedRegions.errors.some((e) => e.row === 3 && e.column === 'parent_code'), JSON.stringify(failedRegions.errors))
  assert.equal((await admin.get('/api/v1/regions/540191')).status, 404, 'the good row of a failed file is not written')

  // projects: whoever may write projects (the region officer here), not the leader
  const projects = 'project_code,name,year,region_code,central_fund\nJOB-P1,作业导入项目,2023,540102,50\n'
  assert.equal((await upload(leader, '/api/v1/imports/projects/jobs', projects, 'text/csv')).status, 403)
  const project = await waitJob(region, (await (await upload(region, '/api/v1/imports/projects/jobs', projects, 'text/csv')).json()).job_id)
  assert.equal(project.state, 'succeeded', JSON.stringify(project.error))
  assert.deepEqual(project.report, { kind: 'projects', rows: 1, inserted: 1, updated: 0, unchanged: 0, encoding: 'UTF-8' })
  assert.equal((await region.get('/api/v1/projects/JOB-P1')).status, 200)
  const badProjects = 'project_code,name,year,region_code,central_fund\nJOB-P2,好项目,2023,540102,50\nJOB-P3,坏项目,二〇二三,540102,50\n'
  const failedProjects = await waitJob(region, (await (await upload(region, '/api/v1/imports/projects/jobs', badProjects, 'text/csv')).json()).job_id)
  assert.equal(failedProjects.state, 'failed')
  assert.ok(failedProjects.errors.some((e) => e.row === 3 && e.column === 'year'), JSON.stringify(failedProjects.errors))
  assert.equal((await region.get('/api/v1/projects/JOB-P2')).status, 404, 'the good row of a failed file is not written')
})
