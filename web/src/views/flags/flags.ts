// 问题预警页的纯函数：URL 查询参数 ↔ 筛选条件，行的显示字段，处理动作的可用性。
import type { FlagAction, FlagItem, FlagStatus } from '../../api/client'
import { fenToWan } from '../../utils/format'

export const FLAG_KINDS = ['disburse_as_expend', 'pay_ahead_of_progress', 'over_arranged', 'negative_list'] as const
export const FLAG_STATUSES: FlagStatus[] = ['open', 'explained', 'closed']
export const PAGE_SIZES = [20, 50, 100]

export interface FlagFilters {
  kind: string
  status: string
  page: number
  pageSize: number
}

type Query = Record<string, unknown>

function str(q: Query, k: string): string {
  const v = q[k]
  if (typeof v === 'string') return v
  if (Array.isArray(v) && typeof v[0] === 'string') return v[0]
  return ''
}

/** 从 URL 读取筛选条件；非法值视为未给出。 */
export function parseFilters(q: Query): FlagFilters {
  const kind = str(q, 'kind')
  const status = str(q, 'status')
  const page = Number(str(q, 'page'))
  const size = Number(str(q, 'page_size'))
  return {
    kind: (FLAG_KINDS as readonly string[]).includes(kind) ? kind : '',
    status: (FLAG_STATUSES as string[]).includes(status) ? status : '',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: PAGE_SIZES.includes(size) ? size : PAGE_SIZES[0],
  }
}

/** 写回 URL 的部分（缺省值不写）。 */
export function filtersToQuery(f: FlagFilters): Record<string, string> {
  const out: Record<string, string> = {}
  if (f.kind) out.kind = f.kind
  if (f.status) out.status = f.status
  if (f.page > 1) out.page = String(f.page)
  if (f.pageSize !== PAGE_SIZES[0]) out.page_size = String(f.pageSize)
  return out
}

/** 当前状态下可做的处理动作（与服务端 ApplyFlagAction 一致）。 */
export function actionsFor(status: FlagStatus): FlagAction[] {
  return status === 'closed' ? ['reopen'] : ['assign', 'explain', 'close']
}

/** 该动作是否必须填写理由（指派不必）。 */
export function reasonRequired(action: FlagAction): boolean {
  return action !== 'assign'
}

/** 表格一行：链接目标（凭证进台账查询，项目进项目页）与金额（万元）。 */
export interface FlagRow {
  key: string
  item: FlagItem
  subjectLink: { name: 'ledger'; query: { q: string } } | { name: 'project'; params: { code: string } }
  amount: string
}

export function flagRows(items: FlagItem[]): FlagRow[] {
  return items.map((item) => ({
    key: `${item.kind}:${item.subject}`,
    item,
    subjectLink:
      item.subject_type === 'entry'
        ? { name: 'ledger', query: { q: item.subject } }
        : { name: 'project', params: { code: item.subject } },
    amount: fenToWan(item.amount_fen),
  }))
}
