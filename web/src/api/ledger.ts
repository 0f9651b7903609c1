// 资金台账：追加凭证（按凭证号幂等、全部成功或全部不写）与分页查询。金额为整数分。
import { request, requestPage, type Page, type Query, type Schema } from './request'

export type LedgerKind = Schema<'LedgerKind'>
export type FundSource = Schema<'FundSource'>
export type PayeeType = Schema<'PayeeType'>
/** 提交的一条台账凭证；entry_id 为幂等键。 */
export type LedgerEntry = Schema<'LedgerEntry'>
export type ImportReport = Schema<'ImportReport'>
/** 台账中的一条凭证；reversed_by 为冲销它的凭证号（未被冲销为空）。 */
export type LedgerItem = Schema<'LedgerItem'>
export type LedgerPage = Page<LedgerItem>
/** 台账查询条件（GET /api/v1/ledger）。 */
export type LedgerQuery = Query<'listLedger'>

/** POST /api/v1/ledger：追加一条凭证（按凭证号幂等）。 */
export function postLedgerEntry(entry: LedgerEntry): Promise<ImportReport> {
  return request<ImportReport>('/api/v1/ledger', undefined, { method: 'POST', json: entry })
}

/** GET /api/v1/ledger：本级子树的凭证，新的在前，分页。 */
export function listLedger(q: LedgerQuery = {}): Promise<LedgerPage> {
  return requestPage<LedgerItem>('/api/v1/ledger', { ...q })
}
