// 核对客户端使用的路径与字段是否在 docs/openapi.yaml（会话接口：docs/api-accounts.md）中有文档。
import { describe, expect, it } from 'vitest'
import { ENDPOINTS, INDICATOR_FIELDS, LEDGER_FIELDS, RANK_FIELDS, buildQuery } from './client'

import openapi from '../../../docs/openapi.yaml?raw'
import accounts from '../../../docs/api-accounts.md?raw'

/** 两空格缩进的 paths 键。 */
function openapiPaths(): Set<string> {
  const out = new Set<string>()
  for (const m of openapi.matchAll(/^ {2}(\/[^\s:]*):\s*$/gm)) out.add(m[1])
  return out
}

/** components.schemas.NAME.properties 的键（8 空格缩进）。 */
function schemaProps(name: string): Set<string> {
  const lines = openapi.split('\n')
  const start = lines.findIndex((l: string) => l === `    ${name}:`)
  expect(start, `schema ${name}`).toBeGreaterThan(0)
  const out = new Set<string>()
  for (let i = start + 1; i < lines.length; i++) {
    const l = lines[i]
    if (/^ {0,4}\S/.test(l)) break
    const m = l.match(/^ {8}([a-z_]+):/)
    if (m) out.add(m[1])
  }
  return out
}

describe('client ↔ OpenAPI', () => {
  it('every endpoint is documented', () => {
    const paths = openapiPaths()
    for (const p of Object.values(ENDPOINTS)) {
      const documented = paths.has(p) || accounts.includes(p)
      expect(documented, p).toBe(true)
    }
  })
  it('Indicators fields match the schema', () => {
    const props = schemaProps('Indicators')
    for (const f of INDICATOR_FIELDS) expect(props.has(f), f).toBe(true)
    for (const f of props) expect(INDICATOR_FIELDS as string[], f).toContain(f)
  })
  it('RankRow fields match the schema', () => {
    const props = schemaProps('RankRow')
    expect([...props].sort()).toEqual([...RANK_FIELDS].sort())
  })
  it('LedgerEntry fields match the schema', () => {
    const props = schemaProps('LedgerEntry')
    expect([...props].sort()).toEqual([...LEDGER_FIELDS].sort())
  })
})

describe('buildQuery', () => {
  it('drops empty values and encodes the rest', () => {
    expect(buildQuery({ region: '540000', year: 2023, x: undefined, y: '' })).toBe('?region=540000&year=2023')
    expect(buildQuery()).toBe('')
  })
})
