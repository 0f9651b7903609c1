// Holds every response the tests receive to docs/openapi.yaml (issue #24 point 2).
//
// Importing this module wraps globalThis.fetch: each response from the server under test is
// checked against the operation its method and path match — the status must be documented
// (or be one of the document's x-transport-errors), the content type must be one the response
// documents, and a JSON body must validate against its schema (additionalProperties: false
// where the shape is fixed, so an undocumented field fails). A violation throws from fetch
// with the operation, status and the schema errors, so the test that received it fails.
// tests/lib/server.mjs imports it: every API test is held to the contract without asking.
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const repoRoot = path.resolve(here, '..', '..')
// ajv, ajv-formats and yaml are devDependencies of web/ and load from web/node_modules.
const requireFromWeb = createRequire(path.join(repoRoot, 'web', 'package.json'))
const Ajv2020 = requireFromWeb('ajv/dist/2020').default
const addFormats = requireFromWeb('ajv-formats').default
const YAML = requireFromWeb('yaml')

export const specPath = path.join(repoRoot, 'docs', 'openapi.yaml')
const SPEC_ID = 'https://xianjie.invalid/openapi.json'
const METHODS = ['get', 'put', 'post', 'delete', 'patch']

/** The parsed document (YAML anchors resolved into plain objects). */
export const spec = YAML.parse(fs.readFileSync(specPath, 'utf8'), { maxAliasCount: -1 })

const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false })
addFormats(ajv)
ajv.addFormat('password', true)
ajv.addSchema({ ...spec, $id: SPEC_ID })

const pointerEscape = (s) => s.replace(/~/g, '~0').replace(/\//g, '~1')

/** Path templates as regular expressions; literal paths are tried before templated ones. */
const routes = Object.keys(spec.paths)
  .map((template) => ({
    template,
    params: (template.match(/\{/g) ?? []).length,
    regex: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
  }))
  .sort((a, b) => a.params - b.params)

/** The route whose template matches a request path, or undefined. */
export function matchRoute(pathname) {
  return routes.find((r) => r.regex.test(pathname))
}

/** A response object of the document with its JSON pointer, following one $ref. */
function responseAt(pointer, response) {
  if (response?.$ref) {
    const name = response.$ref.replace('#/components/responses/', '')
    return { pointer: `/components/responses/${pointerEscape(name)}`, response: spec.components.responses[name] }
  }
  return { pointer, response }
}

const validators = new Map()
function validatorFor(pointer) {
  let v = validators.get(pointer)
  if (!v) {
    v = ajv.compile({ $ref: `${SPEC_ID}#${pointer}` })
    validators.set(pointer, v)
  }
  return v
}

/** The media type a Content-Type header names (without parameters), lower case. */
const essence = (contentType) => (contentType ?? '').split(';')[0].trim().toLowerCase()

function describeErrors(errors) {
  return (errors ?? [])
    .slice(0, 8)
    .map((e) => `${e.instancePath || '(body)'} ${e.message}${e.params?.additionalProperty ? `: ${e.params.additionalProperty}` : ''}${e.params?.unevaluatedProperty ? `: ${e.params.unevaluatedProperty}` : ''}${e.params?.allowedValues ? ` ${JSON.stringify(e.params.allowedValues)}` : ''}`)
    .join('; ')
}

/** The Error envelope every refusal uses, for answers that no operation documents. */
function checkErrorBody(where, status, contentType, text, codes) {
  if (essence(contentType) !== 'application/json') return [`${where} → ${status}: error answer is ${contentType || 'untyped'}, not JSON`]
  let body
  try {
    body = JSON.parse(text)
  } catch {
    return [`${where} → ${status}: error body is not JSON: ${text.slice(0, 80)}`]
  }
  const v = validatorFor('/components/schemas/Error')
  if (!v(body)) return [`${where} → ${status}: ${describeErrors(v.errors)}`]
  if (codes && !codes.includes(body.error.code)) return [`${where} → ${status}: code ${body.error.code}, expected ${codes.join(' or ')}`]
  return []
}

/**
 * The contract violations of one response (empty when it conforms).
 * method: the request method; pathname: the URL path; status, contentType, text: the response.
 */
export function violations(method, pathname, status, contentType, text) {
  const m = method.toLowerCase() === 'head' ? 'get' : method.toLowerCase()
  const where = `${method.toUpperCase()} ${pathname}`
  const route = matchRoute(pathname)
  // Answers of the HTTP layer, to any request, before it is routed (info.description).
  const transport = (spec['x-transport-errors'] ?? {})[String(status)]
  if (!route) {
    if (transport) return checkErrorBody(where, status, contentType, text, [transport])
    // Outside the document only the router's own refusals may come from /api/; the rest is the web app.
    if (!pathname.startsWith('/api/')) return []
    if (status === 404 || status === 405) return checkErrorBody(where, status, contentType, text)
    return [`${where} → ${status}: the path is not in docs/openapi.yaml`]
  }
  const operation = spec.paths[route.template][m]
  if (!operation) {
    if (transport) return checkErrorBody(where, status, contentType, text, [transport])
    if (status === 405) return checkErrorBody(where, status, contentType, text, ['method_not_allowed'])
    return [`${where} → ${status}: ${route.template} documents no ${m.toUpperCase()}`]
  }
  const op = `${operation.operationId} (${m.toUpperCase()} ${route.template})`
  const documented = operation.responses?.[String(status)]
  if (!documented && transport) return checkErrorBody(op, status, contentType, text, [transport])
  if (!documented) return [`${op} → ${status}: status not documented (documented: ${Object.keys(operation.responses ?? {}).join(', ')})`]
  const { pointer, response } = responseAt(
    `/paths/${pointerEscape(route.template)}/${m}/responses/${status}`,
    documented,
  )
  const content = response.content ?? {}
  if (method.toUpperCase() === 'HEAD' || (!text && Object.keys(content).length === 0)) return []
  const type = essence(contentType)
  if (!(type in content)) return [`${op} → ${status}: Content-Type ${contentType || '(none)'} not documented (${Object.keys(content).join(', ') || 'no body'})`]
  if (type !== 'application/json') return []
  let body
  try {
    body = JSON.parse(text)
  } catch {
    return [`${op} → ${status}: body is not JSON: ${text.slice(0, 80)}`]
  }
  const v = validatorFor(`${pointer}/content/${pointerEscape(type)}/schema`)
  return v(body) ? [] : [`${op} → ${status}: ${describeErrors(v.errors)}`]
}

// Compile every response schema now, before any server starts: a first use would otherwise
// spend a few hundred milliseconds inside the test's timing (session expiry tests count seconds).
for (const [template, item] of Object.entries(spec.paths)) {
  for (const m of METHODS) {
    for (const [status, r] of Object.entries(item[m]?.responses ?? {})) {
      const { pointer, response } = responseAt(`/paths/${pointerEscape(template)}/${m}/responses/${status}`, r)
      if (response?.content?.['application/json']) validatorFor(`${pointer}/content/application~1json/schema`)
    }
  }
}
validatorFor('/components/schemas/Error')

/** Operations seen by this process, as "operationId status", when XIANJIE_CONTRACT_LOG names a file. */
const logFile = process.env.XIANJIE_CONTRACT_LOG
function record(method, pathname, status) {
  if (!logFile) return
  const route = matchRoute(pathname)
  const m = method.toLowerCase() === 'head' ? 'get' : method.toLowerCase()
  const id = route && spec.paths[route.template][m]?.operationId
  if (id) fs.appendFileSync(logFile, `${id} ${status}\n`)
}

/** Every operation of the document as "operationId", for coverage reports. */
export function operationIds() {
  const out = []
  for (const item of Object.values(spec.paths)) for (const m of METHODS) if (item[m]) out.push(item[m].operationId)
  return out
}

const originalFetch = globalThis.fetch
if (!originalFetch.xianjieContract) {
  const checked = async function fetch(input, init) {
    const res = await originalFetch(input, init)
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url)
    // Only the server under test (loopback) is held to the contract.
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) return res
    const method = (init?.method ?? (typeof input === 'object' && 'method' in input ? input.method : 'GET')).toUpperCase()
    const text = method === 'HEAD' ? '' : await res.clone().text()
    record(method, url.pathname, res.status)
    const problems = violations(method, url.pathname, res.status, res.headers.get('content-type'), text)
    if (problems.length) throw new Error(`response breaks docs/openapi.yaml:\n  ${problems.join('\n  ')}`)
    return res
  }
  checked.xianjieContract = true
  globalThis.fetch = checked
}
