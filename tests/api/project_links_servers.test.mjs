// Generated project codes across servers (docs/definitions.md §19): two servers on one store number
// empty codes concurrently; a code the other server took — not yet followed here — is seen on the look-up
// or refused by the primary key, and the next number is taken. No two projects get the same code.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer } from '../lib/server.mjs'

const users = [{ username: 'chengguan', role: 'county_officer', region: '540102' }]
let first, second, a, b
before(async () => {
  first = await startServer({ users })
  second = await startServer({ db: first.db })
  a = await first.login('chengguan')
  b = await second.login('chengguan')
})
after(async () => {
  await second?.stop()
  await first?.stop()
})

const project = (name) => ({
  project_code: '',
  name,
  year: 2031,
  region_code: '540102',
  category: '0101',
  total_investment_fen: 10_000_000,
  central_fund_fen: 10_000_000,
})

test('concurrent creates with empty codes on two servers never share a code', async () => {
  const n = 10
  const requests = []
  for (let i = 0; i < n; i++) {
    requests.push(a.post('/api/v1/projects', project(`甲服务器${i}`)))
    requests.push(b.post('/api/v1/projects', project(`乙服务器${i}`)))
  }
  const answers = await Promise.all(requests.map(async (r) => {
    const res = await r
    return { status: res.status, body: await res.json() }
  }))
  assert.deepEqual(answers.map((x) => x.status), Array(2 * n).fill(201), JSON.stringify(answers.find((x) => x.status !== 201)?.body))
  const codes = answers.map((x) => x.body.project_code)
  assert.ok(codes.every((c) => /^XZ2031540102\d{4}$/.test(c)), codes.join(' '))
  assert.equal(new Set(codes).size, 2 * n, codes.join(' '))
  // Every project reads back under its code with its own name on either server.
  for (const x of answers) {
    const res = await b.get(`/api/v1/projects/${x.body.project_code}`)
    assert.equal(res.status, 200)
    assert.equal((await res.json()).name, x.body.name)
  }
})
