// Many servers, one store (issue #16 points 1, 2): a write committed by another process — the CLI's
// import, another server — reaches a running server's figures within 1 s, without a restart.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startServer, cli } from '../lib/server.mjs'

const users = [{ username: 'finance', role: 'finance_officer', region: '540000' }]
let first, second, finance1, finance2
before(async () => {
  first = await startServer({ users })
  second = await startServer({ db: first.db })
  finance1 = await first.login('finance')
  finance2 = await second.login('finance')
})
after(async () => {
  await second?.stop()
  await first?.stop()
})

const allocated = async (client, region) => {
  const r = await client.get(`/api/v1/indicators?region=${region}&year=2023&as_of=2023-12-31`)
  assert.equal(r.status, 200)
  return (await r.json()).allocated_fen
}

/** Polls until `read()` gives `want` or `ms` pass; returns the last value read and the time taken. */
async function until(read, want, ms = 1000) {
  const start = Date.now()
  let got
  for (;;) {
    got = await read()
    if (got === want || Date.now() - start > ms) return { got, took: Date.now() - start }
    await new Promise((r) => setTimeout(r, 20))
  }
}

test('a ledger import by the CLI into a running server’s database shows in its figures within 1 s', async () => {
  const region = '540102'
  const before = await allocated(finance1, region)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xj-servers-'))
  const file = path.join(dir, 'ledger.csv')
  fs.writeFileSync(
    file,
    'entry_id,date,kind,fund_source,fund_year,region_code,project_code,amount,payee,payee_type,reverses,note\n' +
      'CLI-A1,2023-03-01,allocate,central,2023,540102,,1234.56,,,,\n',
  )
  const r = cli(['import', '--db', first.db, '--kind', 'ledger', file])
  fs.rmSync(dir, { recursive: true, force: true })
  assert.equal(r.status, 0, r.stderr)
  const { got, took } = await until(() => allocated(finance1, region), before + 123456)
  assert.equal(got, before + 123456, `still ${got} after ${took} ms`)
  // The other server on the same database too.
  assert.equal((await until(() => allocated(finance2, region), before + 123456)).got, before + 123456)
})

test('two servers on one database see each other’s ledger entries within 1 s, each counted once', async () => {
  const region = '540103'
  const base = await allocated(finance1, region)
  const entry = (id, fen) => ({
    entry_id: id, date: '2023-04-01', kind: 'allocate', fund_source: 'central', fund_year: 2023,
    region_code: region, amount_fen: fen,
  })
  assert.equal((await finance1.post('/api/v1/ledger', entry('SRV-1', 100))).status, 201)
  // The writing server shows its own write in the next request.
  assert.equal(await allocated(finance1, region), base + 100)
  assert.equal((await until(() => allocated(finance2, region), base + 100)).got, base + 100)
  assert.equal((await finance2.post('/api/v1/ledger', entry('SRV-2', 20))).status, 201)
  assert.equal(await allocated(finance2, region), base + 120)
  assert.equal((await until(() => allocated(finance1, region), base + 120)).got, base + 120)
  // Followed again and again, nothing is counted twice.
  await new Promise((r) => setTimeout(r, 500))
  assert.equal(await allocated(finance1, region), base + 120)
  assert.equal(await allocated(finance2, region), base + 120)
})

test('a project imported through one server is listed by the other within 1 s', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xj-servers-'))
  const file = path.join(dir, 'projects.csv')
  fs.writeFileSync(file, 'project_code,name,year,region_code,central_fund,status\nSRV-P1,多服务器测试项目,2023,540102,100,approved\n')
  const r = cli(['import', '--db', first.db, '--kind', 'projects', file])
  fs.rmSync(dir, { recursive: true, force: true })
  assert.equal(r.status, 0, r.stderr)
  const listed = async (client) => {
    const res = await client.get('/api/v1/projects?region=540102&year=2023&q=SRV-P1')
    assert.equal(res.status, 200)
    return (await res.json()).total
  }
  assert.equal((await until(() => listed(finance1), 1)).got, 1)
  assert.equal((await until(() => listed(finance2), 1)).got, 1)
})
