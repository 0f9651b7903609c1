// 核对客户端使用的路径与字段是否在 docs/openapi.yaml（会话接口：docs/api-accounts.md）中有文档。
import { describe, expect, it } from 'vitest'
import { INDICATOR_FIELDS, RANK_FIELDS } from './figures'
import { LEDGER_FIELDS } from './ledger'
import { PROJECT_SHEET_FIELDS } from './projects'
import { IMPORT_JOB_FIELDS } from './excel'

import openapi from '../../../docs/openapi.yaml?raw'
import accounts from '../../../docs/api-accounts.md?raw'

// 本目录下各领域模块的源码（不含测试）：其中写出的每个 /api/v1/… 路径都必须有文档。
const sources = import.meta.glob(['./*.ts', '!./*.test.ts'], { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>

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
  it('every path the client modules name is documented', () => {
    const paths = openapiPaths()
    const used = new Set<string>()
    for (const text of Object.values(sources)) for (const m of text.matchAll(/'(\/api\/v1\/[^'?]*)'/g)) used.add(m[1])
    expect(used.size).toBeGreaterThan(30)
    for (const p of used) expect(paths.has(p) || accounts.includes(p), p).toBe(true)
  })
  it('Indicators fields match the schema', () => {
    expect([...schemaProps('Indicators')].sort()).toEqual([...INDICATOR_FIELDS].sort())
  })
  it('RankRow fields match the schema', () => {
    expect([...schemaProps('RankRow')].sort()).toEqual([...RANK_FIELDS].sort())
  })
  it('LedgerEntry fields match the schema', () => {
    expect([...schemaProps('LedgerEntry')].sort()).toEqual([...LEDGER_FIELDS].sort())
  })
  it('ProjectSheet fields match the schema', () => {
    expect([...schemaProps('ProjectSheet')].sort()).toEqual([...PROJECT_SHEET_FIELDS].sort())
  })
  it('ImportJob fields match the schema', () => {
    expect([...schemaProps('ImportJob')].sort()).toEqual([...IMPORT_JOB_FIELDS].sort())
  })
})
