// 台账查询：URL 查询参数 ↔ 筛选条件、接口参数、冲销凭证的生成、CSV 行。纯函数，见 list.test.ts。
import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import type { LedgerEntry, LedgerItem, LedgerQuery } from '../../api/ledger'
import zhCN from '../../locale/zh-CN'
import { queryText as one } from '../../utils/query'
import { isIsoDate } from '../../utils/format'

const L = zhCN.ledger

export const LEDGER_PAGE_SIZES = [20, 50, 100, 200]
export const LEDGER_DEFAULT_PAGE_SIZE = 20
const KINDS = ['allocate', 'disburse', 'expend', 'reverse']
const SOURCES = ['central', 'provincial', 'prefecture', 'county', 'integrated', 'other']

/** 台账列表的筛选与分页（写入 URL，链接可复现）。 */
export interface LedgerFilter {
  region: string
  year: number | null
  fundSource: string
  kind: string
  project: string
  from: string
  to: string
  q: string
  page: number
  pageSize: number
}

/** URL 查询参数 → 筛选条件；无效值丢弃。 */
export function parseLedgerFilter(query: LocationQuery): LedgerFilter {
  const y = one(query.year)
  const page = Number(one(query.page))
  const size = Number(one(query.page_size))
  const region = one(query.region)
  const from = one(query.from)
  const to = one(query.to)
  return {
    region: /^(\d{6}|\d{9}|\d{12})$/.test(region) ? region : '',
    year: /^\d{4}$/.test(y) ? Number(y) : null,
    fundSource: SOURCES.includes(one(query.fund_source)) ? one(query.fund_source) : '',
    kind: KINDS.includes(one(query.kind)) ? one(query.kind) : '',
    project: one(query.project).slice(0, 64),
    from: isIsoDate(from) ? from : '',
    to: isIsoDate(to) ? to : '',
    q: one(query.q).slice(0, 100),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: LEDGER_PAGE_SIZES.includes(size) ? size : LEDGER_DEFAULT_PAGE_SIZE,
  }
}

/** 筛选条件 → URL 查询参数（缺省值不写）。 */
export function ledgerFilterToQuery(f: LedgerFilter): LocationQueryRaw {
  const q: LocationQueryRaw = {}
  if (f.region) q.region = f.region
  if (f.year !== null) q.year = String(f.year)
  if (f.fundSource) q.fund_source = f.fundSource
  if (f.kind) q.kind = f.kind
  if (f.project) q.project = f.project
  if (f.from) q.from = f.from
  if (f.to) q.to = f.to
  if (f.q) q.q = f.q
  if (f.page > 1) q.page = String(f.page)
  if (f.pageSize !== LEDGER_DEFAULT_PAGE_SIZE) q.page_size = String(f.pageSize)
  return q
}

/** 筛选条件 → 接口参数。 */
export function ledgerFilterToApi(f: LedgerFilter): LedgerQuery {
  return {
    region: f.region || undefined,
    year: f.year ?? undefined,
    fund_source: f.fundSource || undefined,
    kind: f.kind || undefined,
    project: f.project || undefined,
    from: f.from || undefined,
    to: f.to || undefined,
    q: f.q || undefined,
    page: f.page,
    page_size: f.pageSize,
  }
}

/** 能否冲销：冲销凭证本身不能再冲销，已被冲销的凭证不能冲销两次。 */
export function canReverse(item: LedgerItem): boolean {
  return item.kind !== 'reverse' && !item.reversed_by
}

/**
 * 冲销某条凭证的新凭证：金额、区划、资金来源、年度、项目与原凭证一致（服务端按此校验），
 * 日期不早于原凭证，凭证号为“原凭证号-CX”。
 */
export function reversalOf(item: LedgerItem, today: string, note: string): LedgerEntry {
  const entry: LedgerEntry = {
    entry_id: `${item.entry_id}-CX`,
    date: today < item.date ? item.date : today,
    kind: 'reverse',
    fund_source: item.fund_source,
    fund_year: item.fund_year,
    region_code: item.region_code,
    amount_fen: item.amount_fen,
    reverses: item.entry_id,
  }
  if (item.project_code) entry.project_code = item.project_code
  if (item.payee) entry.payee = item.payee
  if (item.payee_type) entry.payee_type = item.payee_type
  if (note.trim()) entry.note = note.trim()
  return entry
}

/** 凭证的状态说明：冲销了谁、被谁冲销。 */
export function entryStatus(item: LedgerItem): string {
  if (item.reversed_by) return L.reversedBy(item.reversed_by)
  if (item.kind === 'reverse' && item.reverses) return L.reversesOf(item.reverses)
  return ''
}

