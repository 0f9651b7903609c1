// The ledger list (台账查询) over HTTP: subtree scope, filters, newest first, paging,
// reversals shown on the entry they cancel, and clear 400/403 errors for bad queries.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, cli } from '../lib/server.mjs'

let server, finance, county, leader
before(async () => {
  server = await startServer({
    demo: true,
    users: [
      { username: 'finance', role: 'finance_officer', region: '540000' },
      { username: 'chengguan', role: 'county_officer', region: '540102' },
      { username: 'leader', role: 'leader', region: '540000' },
    ],
  })
  finance = await server.login('finance')
  county = await server.login('chengguan')
  leader = await server.login('leader')
})
after(async () => {
  await server?.stop()
})

const json = async (res) => ({ status: res.status, body: await res.json() })

test('lists a subtree newest first with filters, and pages without overlap', async () => {
  const all = await json(await leader.get('/api/v1/ledger?region=540000&page_size=50'))
  assert.equal(all.status, 200)
  assert.ok(all.body.total > 1000, `total ${all.body.total}`)
  assert.equal(all.body.items.length, 50)
  const seqs = all.body.items.map((e) => e.seq)
  assert.deepEqual(seqs, [...seqs].sort((a, b) => b - a))
  const page2 = await json(await leader.get('/api/v1/ledger?region=540000&page_size=50&page=2'))
  assert.ok(page2.body.items[0].seq < seqs.at(-1))

  const lhasa = await json(await leader.get('/api/v1/ledger?region=540100&year=2023&page_size=200'))
  assert.ok(lhasa.body.total > 0 && lhasa.body.total < all.body.total)
  assert.ok(lhasa.body.items.every((e) => e.region_code.startsWith('5401') && e.fund_year === 2023))

  const expend = await json(await leader.get(`/api/v1/ledger?region=540000&kind=${encodeURIComponent('支出')}&fund_source=central&page_size=200`))
  assert.ok(expend.body.total > 0)
  assert.ok(expend.body.items.every((e) => e.kind === 'expend' && e.fund_source === 'central'))

  const dated = await json(await leader.get('/api/v1/ledger?region=540000&from=2023-07-01&to=2023-07-05&page_size=200'))
  assert.ok(dated.body.items.every((e) => e.date >= '2023-07-01' && e.date <= '2023-07-05'))

  // The sum of the pages is the total: count and page agree.
  const small = await json(await leader.get('/api/v1/ledger?region=540102&year=2022&kind=allocate&page_size=200'))
  assert.equal(small.body.items.length, Math.min(200, small.body.total))
})

test('a reversal names the entry it cancels and the entry shows who cancelled it', async () => {
  const project = (await json(await leader.get('/api/v1/projects?region=540102&year=2023&state=started&page_size=1'))).body.items[0]
  const entry = {
    entry_id: 'LIST-E1', date: '2023-07-03', kind: 'expend', fund_source: 'central', fund_year: 2023,
    region_code: project.region_code, project_code: project.project_code, amount_fen: 12345, payee: '测试施工队', payee_type: 'enterprise',
  }
  assert.equal((await finance.post('/api/v1/ledger', entry)).status, 201)
  const reversal = { ...entry, entry_id: 'LIST-R1', date: '2023-07-04', kind: 'reverse', reverses: 'LIST-E1', note: '录入错误' }
  assert.equal((await finance.post('/api/v1/ledger', reversal)).status, 201)

  const found = await json(await leader.get(`/api/v1/ledger?region=540000&q=LIST-&project=${project.project_code}`))
  assert.equal(found.body.total, 2)
  const [r, e] = found.body.items
  assert.equal(r.entry_id, 'LIST-R1')
  assert.equal(r.reverses, 'LIST-E1')
  assert.equal(r.kind_label, '冲销')
  assert.equal(e.entry_id, 'LIST-E1')
  assert.equal(e.reversed_by, 'LIST-R1')
  assert.equal(e.amount_fen, 12345)
  assert.equal(e.payee, '测试施工队')
  assert.equal(e.region_name.length > 0, true)
  const byPayee = await json(await leader.get(`/api/v1/ledger?q=${encodeURIComponent('测试施工队')}`))
  assert.equal(byPayee.body.total, 2)
})

test('a county officer sees only their county and is refused elsewhere', async () => {
  const mine = await json(await county.get('/api/v1/ledger?page_size=200'))
  assert.equal(mine.status, 200)
  assert.ok(mine.body.total > 0)
  assert.ok(mine.body.items.every((e) => e.region_code.startsWith('540102')))
  const other = await json(await county.get('/api/v1/ledger?region=540103'))
  assert.equal(other.status, 403)
  assert.equal(other.body.error.code, 'permission_denied')
})

test('bad queries get a 400 with a stable code and a Chinese message', async () => {
  for (const q of ['page_size=500', 'page=0', 'kind=flying', 'fund_source=mars', 'from=2023-13-01', 'year=abc',
    'from=2023-07-05&to=2023-07-01']) {
    const res = await json(await leader.get(`/api/v1/ledger?region=540000&${q}`))
    assert.equal(res.status, 400, q)
    assert.equal(res.body.error.code, 'invalid_argument', q)
    assert.match(res.body.error.message, /[\u4e00-\u9fa5]/, q)
  }
  const unknown = await json(await leader.get('/api/v1/ledger?region=999999'))
  assert.ok([403, 404].includes(unknown.status))
})
