// Fails when web/src/api/openapi.d.ts is not what docs/openapi.yaml generates: the contract
// changed and `npm run gen:api` was not run (or the generated file was edited by hand).
import fs from 'node:fs'
import { expect, it } from 'vitest'
import { generateTypes, typesFile } from './openapi-types.mjs'

it('web/src/api/openapi.d.ts is fresh (run `npm run gen:api` in web/ after changing docs/openapi.yaml)', async () => {
  const committed = fs.readFileSync(typesFile, 'utf8')
  const fresh = await generateTypes()
  expect(committed === fresh, 'web/src/api/openapi.d.ts is stale: run `npm run gen:api` in web/').toBe(true)
  // The generator really reads the contract: an operation of it appears in the output.
  expect(fresh).toContain('postLedger: {')
}, 60_000)
