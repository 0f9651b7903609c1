// 问题预警页的纯函数：URL 查询参数 ↔ 筛选条件，表格行的链接与金额，处理动作的可用性。
import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import type { Flag, FlagAction, FlagKind, FlagQuery, FlagStatus } from '../../api/figures'
import { fenToWan } from '../../utils/format'
import zhCN from '../../locale/zh-CN'
import { queryText } from '../../utils/query'
import { FALLBACK_VIEW, completeState, parseQuery, toQuery, type DashboardState } from '../dashboard/state'

export const FLAG_KINDS: FlagKind[] = [
  'disburse_as_expend',
  'pay_ahead_of_progress',
  'over_arranged',
  'negative_list',
  'late_allocation',
  'late_distribution',
  'cutoff_rush',
  'tender_split',
  'payee_spread',
  'month_end_round',
  'gov_account_return',
]
export const FLAG_STATUSES: FlagStatus[] = ['open', 'explained', 'closed']
export const PAGE_SIZES = [20, 50, 100]

/** 区划、年度、截止日期（与挂图作战相同，见 dashboard/state）加类型、状态与分页：都在 URL 中。 */
export interface FlagFilters extends DashboardState {
  kind: FlagKind | ''
  status: FlagStatus | ''
  page: number
  pageSize: number
}

/** 从 URL 读取筛选条件；非法值视为未给出，区划缺省为本级（home），年度与日期同挂图作战的缺省。 */
export function parseFilters(q: LocationQuery, home: string, today: string): FlagFilters {
  const view = completeState(parseQuery(q), home, today) ?? { region: home, year: FALLBACK_VIEW.year, asOf: FALLBACK_VIEW.asOf }
  const kind = queryText(q.kind)
  const status = queryText(q.status)
  const page = Number(queryText(q.page))
  const size = Number(queryText(q.page_size))
  return {
    ...view,
    kind: (FLAG_KINDS as string[]).includes(kind) ? (kind as FlagKind) : '',
    status: (FLAG_STATUSES as string[]).includes(status) ? (status as FlagStatus) : '',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: PAGE_SIZES.includes(size) ? size : PAGE_SIZES[0],
  }
}

/** 写回 URL 的部分（缺省值不写）。 */
export function filtersToQuery(f: FlagFilters): LocationQueryRaw {
  const out: LocationQueryRaw = toQuery(f)
  if (f.kind) out.kind = f.kind
  if (f.status) out.status = f.status
  if (f.page > 1) out.page = String(f.page)
  if (f.pageSize !== PAGE_SIZES[0]) out.page_size = String(f.pageSize)
  return out
}

/** GET /api/v1/flags 的参数。 */
export function flagQuery(f: FlagFilters): FlagQuery {
  return {
    region: f.region,
    year: f.year,
    as_of: f.asOf,
    kind: f.kind || undefined,
    status: f.status || undefined,
    page: f.page,
    page_size: f.pageSize,
  }
}

/** 当前状态下可做的处理动作（与服务端一致：已关闭的只能重新打开）。 */
export function actionsFor(status: FlagStatus): FlagAction[] {
  return status === 'closed' ? ['reopen'] : ['assign', 'explain', 'close']
}

/** 该动作是否必须填写理由（指派不必）。 */
export function reasonRequired(action: FlagAction): boolean {
  return action !== 'assign'
}

export type SubjectLink = { name: 'ledger'; query: Record<string, string> } | { name: 'project'; params: { code: string } }

/** 识别规则（定义 §20）的台账筛选 → 台账查询页的 URL 参数（空值不写）。 */
export function evidenceLedgerLink(ledger: NonNullable<Flag['evidence']>['ledger']): SubjectLink {
  const query: Record<string, string> = {}
  if (ledger.region) query.region = ledger.region
  if (ledger.q) query.q = ledger.q
  if (ledger.kind) query.kind = ledger.kind
  if (ledger.from) query.from = ledger.from
  if (ledger.to) query.to = ledger.to
  return { name: 'ledger', query }
}

/** 预警对象的穿透：凭证进台账查询，项目进项目页，收款方与县月进按证据筛选的台账查询。 */
export function subjectLink(item: Pick<Flag, 'subject_type' | 'subject' | 'evidence'>): SubjectLink {
  if (item.subject_type === 'project') return { name: 'project', params: { code: item.subject } }
  if (item.subject_type !== 'entry' && item.evidence) return evidenceLedgerLink(item.evidence.ledger)
  return { name: 'ledger', query: { q: item.subject } }
}

/** 识别规则的度量：中文名称与数值（天、个、笔、基点按百分比）。 */
export function measureLines(measures: Record<string, number>): string[] {
  const F = zhCN.flags.measures
  return Object.entries(measures).map(([k, v]) => {
    const label = F[k] ?? k
    if (k.endsWith('_bp')) return `${label} ${(v / 100).toFixed(2)}%`
    if (k.endsWith('_fen')) return `${label} ${fenToWan(v)} 万元`
    return `${label} ${v}`
  })
}

/** 表格一行：穿透链接（凭证进台账查询，项目进项目页）与金额（万元）。 */
export interface FlagRow {
  key: string
  item: Flag
  subjectLink: SubjectLink
  amount: string
}

export function flagRows(items: Flag[]): FlagRow[] {
  return items.map((item) => ({
    key: `${item.kind}:${item.subject}`,
    item,
    subjectLink: subjectLink(item),
    amount: fenToWan(item.amount_fen),
  }))
}
