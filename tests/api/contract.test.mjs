// The contract check itself (tests/lib/contract.mjs): it must refuse what breaks docs/openapi.yaml,
// or the other API tests would pass whatever the server answers. Pure: no server is started.
import test from 'node:test'
import assert from 'node:assert/strict'
import { violations, matchRoute, operationIds, spec } from '../lib/contract.mjs'
import { untested } from '../lib/contract_coverage.mjs'

const json = 'application/json; charset=utf-8'
const region = {
  code: '540100', name: '拉萨市', level: 'prefecture', level_label: '地市级', parent_code: '540000',
  key_township: false, child_count: 8, descendant_count: 100,
}
const error = (code, message = '说明') => JSON.stringify({ error: { code, message } })

test('a documented answer passes', () => {
  assert.deepEqual(violations('GET', '/api/v1/regions/540100', 200, json, JSON.stringify(region)), [])
  assert.deepEqual(violations('GET', '/api/v1/regions/549999', 404, json, error('not_found')), [])
  assert.deepEqual(violations('HEAD', '/api/v1/regions/540100', 200, json, ''), [])
})

test('an undocumented field, a missing field or a wrong type fails', () => {
  const extra = violations('GET', '/api/v1/regions/540100', 200, json, JSON.stringify({ ...region, secret: 1 }))
  assert.match(extra.join('\n'), /getRegion .* additional properties: secret/)
  const { name: _name, ...missing } = region
  assert.match(violations('GET', '/api/v1/regions/540100', 200, json, JSON.stringify(missing)).join('\n'), /required property 'name'/)
  assert.match(
    violations('GET', '/api/v1/regions/540100', 200, json, JSON.stringify({ ...region, child_count: '8' })).join('\n'),
    /child_count must be integer/,
  )
  // a nested shape with unevaluatedProperties (allOf) is closed too
  const page = { items: [{ project_code: 'p', name: 'n', year: 2024, region_code: '540102', region_name: '城关区', category: 'c', status: 'draft', status_label: '草稿', central_fund_fen: 1, total_investment_fen: 2, responsible_person: '', version: 3 }], total: 1, page: 1, page_size: 20 }
  assert.match(violations('GET', '/api/v1/projects', 200, json, JSON.stringify(page)).join('\n'), /unevaluated properties: version/)
})

test('an undocumented status, a wrong error code or a wrong content type fails', () => {
  assert.match(violations('GET', '/api/v1/regions/540100', 409, json, error('conflict')).join('\n'), /status not documented/)
  assert.match(violations('GET', '/api/v1/regions/540100', 404, json, error('conflict')).join('\n'), /must be equal to one of the allowed values/)
  assert.match(violations('GET', '/api/v1/regions/540100', 200, 'text/html', '<html>').join('\n'), /Content-Type text\/html not documented/)
  assert.match(violations('GET', '/api/v1/regions/540100', 200, json, '{oops').join('\n'), /not JSON/)
})

test('answers no operation documents: the router and the HTTP layer', () => {
  assert.deepEqual(violations('GET', '/api/v1/nothing-here', 404, json, error('not_found')), [])
  assert.deepEqual(violations('PATCH', '/api/v1/regions', 405, json, error('method_not_allowed')), [])
  assert.match(violations('GET', '/api/v1/nothing-here', 200, json, '{}').join('\n'), /not in docs\/openapi.yaml/)
  // x-transport-errors: any request may get them, with their own code only
  assert.deepEqual(violations('GET', '/api/v1/regions', 414, json, error('uri_too_long')), [])
  assert.match(violations('GET', '/api/v1/regions', 414, json, error('not_found')).join('\n'), /expected uri_too_long/)
  // the web app's own files are not API answers
  assert.deepEqual(violations('GET', '/dashboard', 200, 'text/html', '<html>'), [])
})

test('routes: literal paths before templates; every operation has a unique operationId', () => {
  assert.equal(matchRoute('/api/v1/imports/jobs').template, '/api/v1/imports/jobs')
  assert.equal(matchRoute('/api/v1/imports/jobs/abc/errors.xlsx').template, '/api/v1/imports/jobs/{id}/errors.xlsx')
  const ids = operationIds()
  assert.equal(new Set(ids).size, ids.length)
  assert.ok(ids.length >= 50, `${ids.length} operations`)
  assert.ok(spec.components.securitySchemes.bearer)
})

test('coverage: an operation counts once it answered 2xx, whatever its errors', () => {
  const log = 'getRegion 404\nlistRegions 200\nlistRegions 401\ncreateToken 201\n\n'
  assert.deepEqual(untested(['getRegion', 'listRegions', 'createToken', 'revokeToken'], log), ['getRegion', 'revokeToken'])
})
