// 资金台账：追加凭证（按凭证号幂等、全部成功或全部不写）与分页查询。金额为整数分。
import type { operations } from './openapi'
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

/** POST /api/v1/ledger/check 的回答：是否会被接受、拒绝原因（与保存时相同），以及保存后将产生的问题预警。 */
export type LedgerCheck = operations['checkLedger']['responses'][200]['content']['application/json']
/** 保存后将产生的一条问题预警（超安排支出、负面清单）。 */
export type LedgerWarning = LedgerCheck['warnings'][number]

/** POST /api/v1/ledger/check：与保存相同的检查，不写入任何内容（录入表单保存前调用）。 */
export function checkLedgerEntry(entry: LedgerEntry): Promise<LedgerCheck> {
  return request<LedgerCheck>('/api/v1/ledger/check', undefined, { method: 'POST', json: entry })
}
