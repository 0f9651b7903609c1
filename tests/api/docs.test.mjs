// The API reference served by the binary (issue #24.5): the page, and the contract it embeds,
// which must be docs/openapi.yaml byte for byte.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { startServer, repoRoot } from '../lib/server.mjs'

let server
before(async () => {
  server = await startServer({ regions: false })
})
after(async () => {
  await server?.stop()
})

test('GET /api/docs is the Swagger UI page, loading only this server’s files', async () => {
  const res = await fetch(`${server.baseUrl}/api/docs`)
  assert.equal(res.status, 200)
  assert.match(res.headers.get('content-type'), /^text\/html/)
  const html = await res.text()
  const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1])
  assert.deepEqual(sources.sort(), ['/api-docs/docs.css', '/api-docs/init.js', '/api-docs/swagger-ui-bundle.js', '/api-docs/swagger-ui.css'])
  // the web build put the bundled Swagger UI where the page looks for it
  for (const s of sources) {
    const asset = await fetch(server.baseUrl + s)
    assert.equal(asset.status, 200, s)
    assert.ok((await asset.arrayBuffer()).byteLength > 100, s)
  }
})

test('GET /api/docs/openapi.yaml is docs/openapi.yaml as built into the server', async () => {
  const res = await fetch(`${server.baseUrl}/api/docs/openapi.yaml`)
  assert.equal(res.status, 200)
  assert.match(res.headers.get('content-type'), /^application\/yaml/)
  assert.equal(await res.text(), fs.readFileSync(path.join(repoRoot, 'docs', 'openapi.yaml'), 'utf8'))
})
