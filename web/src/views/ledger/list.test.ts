import { describe, expect, it } from 'vitest'
import type { LedgerItem } from '../../api/ledger'
import {
  canReverse,
  entryStatus,
  ledgerFilterToApi,
  ledgerFilterToQuery,
  parseLedgerFilter,
  reversalOf,
} from './list'

const item = (over: Partial<LedgerItem> = {}): LedgerItem => ({
  seq: 7,
  entry_id: 'PZ-1',
  date: '2023-07-03',
  kind: 'expend',
  kind_label: '支出',
  fund_source: 'central',
  fund_year: 2023,
  region_code: '540102',
  region_name: '城关区',
  project_code: 'XM-1',
  amount_fen: 123456,
  payee: '施工队',
  payee_type: 'enterprise',
  reverses: '',
  note: '',
  reversed_by: '',
  ...over,
})

describe('ledger filter ↔ URL', () => {
  it('round-trips every field and drops defaults', () => {
    const query = {
      region: '540102', year: '2023', fund_source: 'central', kind: 'expend', project: 'XM-1',
      from: '2023-01-01', to: '2023-07-05', q: '施工', page: '3', page_size: '50',
    }
    const f = parseLedgerFilter(query)
    expect(f).toEqual({
      region: '540102', year: 2023, fundSource: 'central', kind: 'expend', project: 'XM-1',
      from: '2023-01-01', to: '2023-07-05', q: '施工', page: 3, pageSize: 50,
    })
    expect(ledgerFilterToQuery(f)).toEqual(query)
    expect(ledgerFilterToQuery(parseLedgerFilter({}))).toEqual({})
  })

  it('discards invalid values instead of sending them', () => {
    const f = parseLedgerFilter({
      region: '54', year: '23', fund_source: 'mars', kind: 'steal', from: '2023-02-30', to: 'x', page: '-1', page_size: '7',
    })
    expect(f).toMatchObject({ region: '', year: null, fundSource: '', kind: '', from: '', to: '', page: 1, pageSize: 20 })
  })

  it('maps to API parameters, leaving out empty ones', () => {
    const api = ledgerFilterToApi(parseLedgerFilter({ year: '2022', q: 'PZ' }))
    expect(api).toEqual({
      region: undefined, year: 2022, fund_source: undefined, kind: undefined, project: undefined,
      from: undefined, to: undefined, q: 'PZ', page: 1, page_size: 20,
    })
  })
})

describe('reversal', () => {
  it('copies what the server checks and names the original', () => {
    const r = reversalOf(item(), '2023-07-10', '  金额录错 ')
    expect(r).toEqual({
      entry_id: 'PZ-1-CX', date: '2023-07-10', kind: 'reverse', fund_source: 'central', fund_year: 2023,
      region_code: '540102', project_code: 'XM-1', amount_fen: 123456, payee: '施工队', payee_type: 'enterprise',
      reverses: 'PZ-1', note: '金额录错',
    })
  })

  it('is never dated before the original and leaves out empty optional fields', () => {
    const r = reversalOf(item({ kind: 'allocate', project_code: '', payee: '', payee_type: '' }), '2023-01-01', '')
    expect(r.date).toBe('2023-07-03')
    expect(r).not.toHaveProperty('project_code')
    expect(r).not.toHaveProperty('payee')
    expect(r).not.toHaveProperty('payee_type')
    expect(r).not.toHaveProperty('note')
  })

  it('is offered only once and never for a reversal', () => {
    expect(canReverse(item())).toBe(true)
    expect(canReverse(item({ reversed_by: 'PZ-1-CX' }))).toBe(false)
    expect(canReverse(item({ kind: 'reverse', reverses: 'PZ-0' }))).toBe(false)
  })
})

describe('status', () => {
  it('says who reversed what', () => {
    expect(entryStatus(item({ reversed_by: 'R9' }))).toBe('已被 R9 冲销')
    expect(entryStatus(item({ kind: 'reverse', reverses: 'PZ-0' }))).toBe('冲销 PZ-0')
    expect(entryStatus(item())).toBe('')
  })
})

// The ledger page and its export say the same thing (#21 point 5): the server's label tables
// (the export writes them, the import reads them back) must be the screen's, word for word.
import ledgerCpp from '../../../../src/domain/ledger.cpp?raw'
import exportsCpp from '../../../../src/app/excel_exports.cpp?raw'
import zhCN from '../../locale/zh-CN'

describe('ledger labels: screen = export', () => {
  // `case FundSource::kGovAccount: return "…";` inside the function `name` → { gov_account: '…' }
  const switchTable = (text: string, name: string): Record<string, string> => {
    const start = text.indexOf(`std::string_view ${name}(`)
    expect(start).toBeGreaterThan(0)
    const body = text.slice(start, text.indexOf('\n}\n', start))
    const snake = (k: string) => k.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase()
    return Object.fromEntries(
      [...body.matchAll(/case \w+::k(\w+): return "([^"]*)";/g)].filter((m) => m[2] !== '').map((m) => [snake(m[1]), m[2]]),
    )
  }
  const L = zhCN.ledger

  it('fund sources, kinds and payee types agree with src/domain/ledger.cpp and src/app/excel_exports.cpp', () => {
    expect(switchTable(ledgerCpp, 'FundSourceLabel')).toEqual(L.fundSources)
    expect(switchTable(ledgerCpp, 'EntryKindLabel')).toEqual(L.kinds)
    expect(switchTable(exportsCpp, 'PayeeTypeLabel')).toEqual(L.payeeTypes)
    expect(L.fundSources.integrated).toBe('统筹整合财政涉农资金')
  })

  it('the export columns are the screen labels', () => {
    const start = exportsCpp.indexOf('Status ExportLedger(')
    const cols = exportsCpp.slice(start, exportsCpp.indexOf('};', start))
    const titles = [...cols.matchAll(/\{"([^"]+)", XlsxCellKind/g)].map((m) => m[1])
    expect(titles).toEqual([
      L.entryId, L.date, L.kind, L.fundSource, L.fundYear, L.regionCode, L.projectCode, L.amount, L.payee, L.payeeType, L.reverses, L.note,
    ])
    expect(L.amount).toBe('金额（元）')
  })
})
