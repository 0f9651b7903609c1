// Which operations of docs/openapi.yaml the API tests never saw succeed (issue #24 point 2): a
// response schema is only held to the contract when some test receives it. Reads the log that
// tests/lib/contract.mjs writes when XIANJIE_CONTRACT_LOG names a file ("operationId status" per
// response) and exits 1, naming them, when an operation never answered with a 2xx status.
// Usage: node tests/lib/contract_coverage.mjs LOG
import fs from 'node:fs'
import { operationIds } from './contract.mjs'

/** The operations of `ids` that no line of `log` shows answering 2xx. */
export function untested(ids, log) {
  const succeeded = new Set()
  for (const line of log.split('\n')) {
    const [id, status] = line.trim().split(' ')
    if (id && /^2\d\d$/.test(status)) succeeded.add(id)
  }
  return ids.filter((id) => !succeeded.has(id))
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2]
  if (!file || !fs.existsSync(file)) {
    console.error(`contract_coverage: no log ${file ?? '(none given)'} — run the API tests with XIANJIE_CONTRACT_LOG set`)
    process.exit(2)
  }
  const ids = operationIds()
  const missing = untested(ids, fs.readFileSync(file, 'utf8'))
  if (missing.length) {
    console.error(`${missing.length} of ${ids.length} operations in docs/openapi.yaml never answered 2xx in tests/api/:`)
    for (const id of missing) console.error(`  ${id}`)
    console.error('Add a test in tests/api/ that calls each one successfully (and its error paths).')
    process.exit(1)
  }
  console.log(`every one of the ${ids.length} operations answered 2xx in tests/api/, each response checked against docs/openapi.yaml`)
}
