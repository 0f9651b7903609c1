// 资金台账：追加凭证（按凭证号幂等）与分页查询。金额为整数分。
import { request, requestPage, type Page } from './request'

export type LedgerKind = 'allocate' | 'disburse' | 'expend' | 'reverse'
export type FundSource = 'central' | 'provincial' | 'prefecture' | 'county' | 'integrated' | 'other'
export type PayeeType = 'enterprise' | 'individual' | 'collective' | 'gov_account'

/** 一条台账凭证（openapi: LedgerEntry）。金额为整数分。 */
export interface LedgerEntry {
  entry_id: string
  date: string
  kind: LedgerKind
  fund_source: FundSource
  fund_year: number
  region_code: string
  project_code?: string
  amount_fen: number
  payee?: string
  payee_type?: PayeeType
  reverses?: string
  note?: string
}

export const LEDGER_FIELDS: (keyof LedgerEntry)[] = [
  'entry_id', 'date', 'kind', 'fund_source', 'fund_year', 'region_code', 'project_code', 'amount_fen', 'payee',
  'payee_type', 'reverses', 'note',
]

export interface ImportReport {
  kind: string
  rows: number
  inserted: number
  updated: number
  unchanged: number
}

/** POST /api/v1/ledger：追加一条凭证（按凭证号幂等）。 */
export async function postLedgerEntry(entry: LedgerEntry): Promise<ImportReport> {
  return request<ImportReport>('/api/v1/ledger', undefined, { method: 'POST', json: entry })
}

/** 台账查询条件（GET /api/v1/ledger）。 */
export interface LedgerQuery {
  region?: string
  year?: number
  fund_source?: string
  kind?: string
  project?: string
  from?: string
  to?: string
  q?: string
  page?: number
  page_size?: number
}

/** 台账中的一条凭证；reversed_by 为冲销它的凭证号（未被冲销为空）。 */
export interface LedgerItem {
  seq: number
  entry_id: string
  date: string
  kind: LedgerKind
  kind_label: string
  fund_source: FundSource
  fund_year: number
  region_code: string
  region_name: string
  project_code: string
  amount_fen: number
  payee: string
  payee_type: PayeeType | ''
  reverses: string
  note: string
  reversed_by: string
}

export type LedgerPage = Page<LedgerItem>

/** GET /api/v1/ledger：本级子树的凭证，新的在前，分页。 */
export async function listLedger(q: LedgerQuery = {}): Promise<LedgerPage> {
  return requestPage<LedgerItem>('/api/v1/ledger', { ...q })
}

