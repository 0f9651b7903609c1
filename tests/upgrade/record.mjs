// Records what the upgrade test expects, with the OLD release's binary, on a database that
// make_fixtures.sh filled with that release's `xianjie demo` and `xianjie user add`:
//   node tests/upgrade/record.mjs OLD_BINARY DB_URL OUT.json
// It first writes a little through the API (a login, a ledger entry, a contract, a lifecycle
// step), so the fixture also holds rows written after the demo, then reads every probe of
// lib.mjs and writes them to OUT.json. Nothing in OUT.json is typed by hand.
import fs from 'node:fs'
import { spawnSync } from 'node:child_process'
import { login, repoRoot } from '../lib/server.mjs'
import { auditChainLine, cliProbes, fixtureAdmin, readApi, serveDb } from './lib.mjs'

const [binary, db, outFile] = process.argv.slice(2)
if (!outFile) throw new Error('usage: node tests/upgrade/record.mjs OLD_BINARY DB_URL OUT.json')

const run = (args) => {
  const r = spawnSync(binary, [...args, '--db', db], { cwd: repoRoot, encoding: 'utf8', timeout: 300_000 })
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr}`)
  return r.stdout
}

const server = await serveDb(binary, db, repoRoot)
let api
try {
  const admin = await login(server.baseUrl, fixtureAdmin.username, fixtureAdmin.password)
  const finance = await login(server.baseUrl, 'upgrade-finance', 'upgrade-password-4')
  const county = await login(server.baseUrl, 'upgrade-county', 'upgrade-password-2')
  const mustWrite = async (client, path, body, method = 'POST') => {
    const res = await client.fetch(path, { method, json: body })
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`)
    return res.json()
  }
  await mustWrite(finance, '/api/v1/ledger', {
    entry_id: 'UPGRADE-0001', date: '2023-07-01', kind: 'expend', fund_source: 'central', fund_year: 2023,
    region_code: '540102', project_code: 'XZ20235401020001', amount_fen: 1234567, payee: '升级测试公司',
    payee_type: 'enterprise', note: '升级前写入',
  })
  await mustWrite(county, '/api/v1/projects/XZ20235401020001/contracts', { contract_no: 'UPG-1', amount_fen: 50000000, signed_on: '2023-02-01' })
  await mustWrite(county, '/api/v1/projects/XZ20235401020001/progress', { date: '2023-06-30', progress: 37.5 })
  const draft = await (await county.get('/api/v1/projects/XZ2024540102L004')).json()
  await mustWrite(county, '/api/v1/projects/XZ2024540102L004/transition', { action: 'submit', version: draft.version })
  api = await readApi(admin)
} finally {
  await server.stop()
}

const cli = {}
for (const [name, args] of Object.entries(cliProbes)) cli[name] = run(args)
const verify = run(['verify'])
if (!/verify ok/.test(verify)) throw new Error(`old release's verify failed:\n${verify}`)

const schema = run(['migrate']).trim()
fs.writeFileSync(outFile, JSON.stringify({ made_by: process.env.OLD_RELEASE || binary, schema, audit_chain: auditChainLine(verify), cli, api }, null, 1) + '\n')
console.log(`recorded ${Object.keys(cli).length} CLI and ${Object.keys(api).length} API probes into ${outFile}`)
