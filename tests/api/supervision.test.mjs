// Supervision visits (督导, issue #18 point 1) over HTTP on SQLite and PostgreSQL: recording
// visits with their team, dates, places and findings; coverage per region and period
// (docs/definitions.md §9) with figures worked out by hand below; the export; every refusal
// with nothing written; and scope — a county officer sees only what touches its county.
//
// Projects (tests/fixtures/supervision): S1 城关区 540102, S2 堆龙德庆区 540103 (both 拉萨市 540100),
// S3 卡若区 540302 (昌都市 540300).
// Visits:
//   V1 region 540000, 2023-03-01…03-08: regions 540102, 540202; project S1; findings
//      以拨代支 on S1 (unit 540102, from the project) and 进度 in 540202.
//   V2 region 540000, 2023-05-10…05-15: region 540100 (the prefecture itself); projects S2, S1.
//   V3 region 540100 (prefecture supervisor), 2023-06-28…07-03: region 540121 林周县.
//   V4 region 540000, 2023-07-10…07-12: project S3.
// First half of 2023 (start dates 01-01 … 06-30) = V1, V2, V3:
//   西藏 540000: visits 3; prefectures 540100 (540102, S1, 540100, S2, 540121) and 540200 (540202) = 2;
//     counties 540102, 540202, 540103 (S2), 540121 = 4 (540100 listed alone counts no county);
//     projects S1, S2 = 2.
//   拉萨市 540100: V1 (540102, S1), V2, V3 = 3; prefectures 1; counties 540102, 540103, 540121 = 3; projects 2.
//   城关区 540102: V1, V2 (through S1) = 2; its prefecture 1; county 1; project S1 = 1.
//   日喀则市 540200: V1 (540202) = 1; 1; 1; 0.
// Second half (07-01 … 12-31): V4 only (V3 started 06-28) → 1, 1 (540300), 1 (540302), 1 (S3).
// Whole year, 西藏: 4 visits, 3 prefectures, 5 counties, 3 projects.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import { startServer, cli, repoRoot } from '../lib/server.mjs'
import { xlsxRows } from '../lib/xlsx.mjs'

const fixture = (name) => path.join(repoRoot, 'tests', 'fixtures', 'supervision', name)

let server, sup, prefSup, county, county2, leader, admin
const ids = {}
before(async () => {
  server = await startServer({
    setup: (db) => {
      const r = cli(['import', '--db', db, '--kind', 'projects', fixture('projects.csv')])
      if (r.status !== 0) throw new Error(r.stderr)
    },
    users: [
      { username: 'sup', role: 'supervisor', region: '540000' },
      { username: 'prefsup', role: 'supervisor', region: '540100' },
      { username: 'county', role: 'county_officer', region: '540102' },
      { username: 'county2', role: 'county_officer', region: '540202' },
      { username: 'leader', role: 'leader', region: '540000' },
      { username: 'admin', role: 'admin', region: '540000' },
    ],
  })
  sup = await server.login('sup')
  prefSup = await server.login('prefsup')
  county = await server.login('county')
  county2 = await server.login('county2')
  leader = await server.login('leader')
  admin = await server.login('admin')
})
after(async () => {
  await server?.stop()
})

const json = async (res) => ({ status: res.status, body: await res.json() })
const record = async (client, visit) => json(await client.post('/api/v1/supervision/visits', visit))
const coverage = async (client, query) => json(await client.get(`/api/v1/supervision/coverage?${query}`))
const visitCount = async () => (await json(await leader.get('/api/v1/supervision/visits'))).body.total

const V1 = {
  region_code: '540000', title: '2023年第一批衔接资金督导', team: ['张三', '李四'],
  start_date: '2023-03-01', end_date: '2023-03-08', regions: ['540102', '540202'], projects: ['S1'],
  findings: [
    { category: 'disburse_as_expend', project_code: 'S1', description: '支出挂在财政专户，以拨代支' },
    { category: 'progress', region_code: '540202', description: '项目开工滞后' },
  ],
}

test('visits are recorded with team, dates, places and findings, and read back', async () => {
  const v1 = await record(sup, V1)
  assert.equal(v1.status, 201, JSON.stringify(v1.body))
  ids.v1 = v1.body.id
  assert.deepEqual(v1.body.team, ['张三', '李四'])
  assert.deepEqual(v1.body.regions, [{ region_code: '540102', name: '城关区' }, { region_code: '540202', name: '桑珠孜区' }])
  assert.deepEqual(v1.body.projects, [{ project_code: 'S1', region_code: '540102', name: '城关区蔬菜大棚' }])
  assert.equal(v1.body.findings.length, 2)
  // The finding on S1 takes the project's region as its unit.
  assert.deepEqual(v1.body.findings.map((f) => [f.category, f.category_label, f.region_code, f.project_code]), [
    ['disburse_as_expend', '以拨代支', '540102', 'S1'], ['progress', '项目进度', '540202', '']])
  const v2 = await record(sup, { region_code: '540000', title: '第二批督导', team: ['王五'], start_date: '2023-05-10',
    end_date: '2023-05-15', regions: ['540100'], projects: ['S2', 'S1'] })
  assert.equal(v2.status, 201, JSON.stringify(v2.body))
  ids.v2 = v2.body.id
  const v3 = await record(prefSup, { region_code: '540100', title: '拉萨市督导', team: ['赵六'], start_date: '2023-06-28',
    end_date: '2023-07-03', regions: ['540121'] })
  assert.equal(v3.status, 201, JSON.stringify(v3.body))
  ids.v3 = v3.body.id
  const v4 = await record(sup, { region_code: '540000', title: '第三批督导', team: ['钱七'], start_date: '2023-07-10',
    end_date: '2023-07-12', projects: ['S3'] })
  assert.equal(v4.status, 201, JSON.stringify(v4.body))
  ids.v4 = v4.body.id

  const one = await json(await leader.get(`/api/v1/supervision/visits/${ids.v1}`))
  assert.equal(one.status, 200)
  assert.equal(one.body.title, V1.title)
  assert.equal(one.body.created_by, 'sup')
  const listed = await json(await leader.get('/api/v1/supervision/visits?from=2023-01-01&to=2023-06-30'))
  assert.deepEqual(listed.body.items.map((v) => v.id), [ids.v1, ids.v2, ids.v3])
  assert.equal(listed.body.total, 3)

  const audit = await json(await admin.get(`/api/v1/audit?entity=supervision_visit:${ids.v1}`))
  assert.equal(audit.body.items[0].action, 'supervision.visit')
})

test('coverage counts visits, prefectures, counties and projects per region and period (hand-computed)', async () => {
  const h1 = 'from=2023-01-01&to=2023-06-30'
  assert.deepEqual((await coverage(leader, `region=540000&${h1}`)).body,
    { visits: 3, prefectures_covered: 2, counties_covered: 4, projects_checked: 2 })
  assert.deepEqual((await coverage(leader, `region=540100&${h1}`)).body,
    { visits: 3, prefectures_covered: 1, counties_covered: 3, projects_checked: 2 })
  assert.deepEqual((await coverage(leader, `region=540102&${h1}`)).body,
    { visits: 2, prefectures_covered: 1, counties_covered: 1, projects_checked: 1 })
  assert.deepEqual((await coverage(leader, `region=540200&${h1}`)).body,
    { visits: 1, prefectures_covered: 1, counties_covered: 1, projects_checked: 0 })
  assert.deepEqual((await coverage(leader, 'region=540000&from=2023-07-01&to=2023-12-31')).body,
    { visits: 1, prefectures_covered: 1, counties_covered: 1, projects_checked: 1 })
  // Open ends, and the caller's home region by default.
  assert.deepEqual((await coverage(leader, '')).body,
    { visits: 4, prefectures_covered: 3, counties_covered: 5, projects_checked: 3 })
  assert.deepEqual((await coverage(leader, 'region=540000&to=2023-03-01')).body,
    { visits: 1, prefectures_covered: 2, counties_covered: 2, projects_checked: 1 })
})

test('the coverage export holds the region, then each child, then the visits', async () => {
  const res = await leader.get('/api/v1/exports/supervision-coverage.xlsx?region=540000&from=2023-01-01&to=2023-06-30')
  assert.equal(res.status, 200)
  assert.match(res.headers.get('content-type'), /spreadsheetml/)
  const rows = xlsxRows(await res.arrayBuffer())
  const byCode = new Map(rows.filter((r) => /^54\d{4}$/.test(r[0] ?? '')).map((r) => [r[0], r.slice(1, 6)]))
  assert.deepEqual(byCode.get('540000'), ['西藏自治区（540000）（全辖区）', '3', '2', '4', '2'])
  assert.deepEqual(byCode.get('540100'), ['拉萨市', '3', '1', '3', '2'])
  assert.deepEqual(byCode.get('540200'), ['日喀则市', '1', '1', '1', '0'])
  assert.deepEqual(byCode.get('540300'), ['昌都市', '0', '0', '0', '0'])
  assert.equal((await county.get('/api/v1/exports/supervision-coverage.xlsx?region=540000')).status, 403)
})

test('a refused visit answers with its code and writes nothing', async () => {
  const before = await visitCount()
  const base = { region_code: '540000', title: '督导', team: ['张三'], start_date: '2023-03-01', end_date: '2023-03-02', regions: ['540102'] }
  const cases = [
    [sup, { ...base, end_date: '2023-02-28' }, 400, 'bad_visit'],
    [sup, { ...base, team: [] }, 400, 'bad_visit'],
    [sup, { ...base, title: '' }, 400, 'bad_visit'],
    [sup, { ...base, regions: [], projects: [] }, 400, 'bad_visit'],
    [sup, { ...base, regions: ['549999'] }, 400, 'unknown_region'],
    [sup, { ...base, projects: ['NOPE'] }, 400, 'unknown_project'],
    [sup, { ...base, start_date: '2023-02-30' }, 400, 'invalid_argument'],
    [sup, { ...base, findings: [{ category: 'bribery', region_code: '540102', description: 'x' }] }, 400, 'unknown_category'],
    [sup, { ...base, findings: [{ category: 'quality', description: '无单位' }] }, 400, 'bad_finding'],
    [sup, { ...base, findings: [{ category: 'quality', region_code: '540102', description: '' }] }, 400, 'bad_finding'],
    // S2 lies in 540103, not in the unit 540102.
    [sup, { ...base, findings: [{ category: 'quality', region_code: '540102', project_code: 'S2', description: '质量' }] }, 400, 'bad_finding'],
    // The prefecture's supervisor: a place outside 拉萨市, or sending from the region.
    [prefSup, { ...base, region_code: '540100', regions: ['540202'] }, 400, 'outside_visit_region'],
    [prefSup, { ...base, region_code: '540100', regions: [], projects: ['S3'] }, 400, 'outside_visit_region'],
    [prefSup, base, 403, 'permission_denied'],
    // Only supervisors record visits; a county officer may not, even for its own county.
    [county, { ...base, region_code: '540102' }, 403, 'permission_denied'],
    [sup, { ...base, region_code: '549999' }, 404, 'not_found'],
  ]
  for (const [client, body, status, code] of cases) {
    const res = await record(client, body)
    assert.equal(res.status, status, JSON.stringify([body, res.body]))
    assert.equal(res.body.error.code, code, JSON.stringify([body, res.body]))
  }
  const notJson = await sup.fetch('/api/v1/supervision/visits', { method: 'POST', body: 'x', headers: { 'Content-Type': 'text/plain' } })
  assert.equal(notJson.status, 415)
  assert.equal(await visitCount(), before)
})

test('reads refuse bad periods and unknown visits', async () => {
  assert.equal((await coverage(leader, 'from=2023-07-01&to=2023-06-30')).body.error.code, 'bad_period')
  assert.equal((await coverage(leader, 'from=2023-13-01')).status, 400)
  assert.equal((await json(await leader.get('/api/v1/supervision/visits?from=2023-07-01&to=2023-01-01'))).body.error.code, 'bad_period')
  assert.equal((await leader.get('/api/v1/supervision/visits/999999')).status, 404)
  assert.equal((await leader.get('/api/v1/supervision/visits/abc')).status, 404)
  assert.equal((await coverage(leader, 'region=549999')).status, 404)
})

test('a county officer sees only what touches its county, and only its own findings', async () => {
  // 城关区 540102: V1 (covers it) and V2 (checked S1 there); not V3 (林周县) nor V4 (卡若区).
  const mine = await json(await county.get('/api/v1/supervision/visits'))
  assert.deepEqual(mine.body.items.map((v) => v.id), [ids.v1, ids.v2])
  const v1 = mine.body.items[0]
  assert.deepEqual(v1.findings.map((f) => f.region_code), ['540102'])
  assert.equal((await county.get(`/api/v1/supervision/visits/${ids.v3}`)).status, 403)
  assert.equal((await county.get(`/api/v1/supervision/visits/${ids.v4}`)).status, 403)
  // Coverage outside the county, or of its parent, is refused.
  assert.equal((await coverage(county, 'region=540202')).status, 403)
  assert.equal((await coverage(county, 'region=540100')).status, 403)
  assert.equal((await json(await county.get('/api/v1/supervision/visits?region=540202'))).status, 403)
  assert.deepEqual((await coverage(county, 'from=2023-01-01&to=2023-06-30')).body,
    { visits: 2, prefectures_covered: 1, counties_covered: 1, projects_checked: 1 })
  // 桑珠孜区 540202 sees V1 with only the finding in its county.
  const theirs = await json(await county2.get(`/api/v1/supervision/visits/${ids.v1}`))
  assert.equal(theirs.status, 200)
  assert.deepEqual(theirs.body.findings.map((f) => [f.region_code, f.category]), [['540202', 'progress']])
  // The prefecture's supervisor sees its own visit and those touching 拉萨市.
  const pref = await json(await prefSup.get('/api/v1/supervision/visits'))
  assert.deepEqual(pref.body.items.map((v) => v.id), [ids.v1, ids.v2, ids.v3])
})
