// Generates web/src/api/openapi.d.ts — the request and response types of the web client — from
// docs/openapi.yaml with openapi-typescript. `npm run gen:api` writes it; src/api/openapi.test.ts
// fails when the committed file differs from what this produces (a stale file).
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import openapiTS, { astToString } from 'openapi-typescript'

const here = path.dirname(fileURLToPath(import.meta.url))
export const specFile = path.resolve(here, '..', '..', 'docs', 'openapi.yaml')
export const typesFile = path.resolve(here, '..', 'src', 'api', 'openapi.d.ts')

const HEADER = `// GENERATED from docs/openapi.yaml by web/scripts/openapi-types.mjs (openapi-typescript).
// Do not edit: change the contract and run \`npm run gen:api\`. src/api/openapi.test.ts fails when this is stale.
`

/** The text openapi.d.ts should have for the current docs/openapi.yaml. */
export async function generateTypes() {
  const ast = await openapiTS(pathToFileURL(specFile), { alphabetize: false, exportType: false, rootTypes: false })
  return HEADER + astToString(ast)
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fs.writeFileSync(typesFile, await generateTypes())
  console.log(`wrote ${path.relative(process.cwd(), typesFile)}`)
}
