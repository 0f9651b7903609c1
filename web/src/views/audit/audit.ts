// 审计日志：URL ↔ 筛选条件、操作名称、变更摘要、CSV 行。纯函数，见 audit.test.ts。
import { beijingTime } from '../../utils/time'
import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import type { AuditItem, AuditQuery } from '../../api/audit'
import zhCN from '../../locale/zh-CN'
import { queryText as one } from '../../utils/query'
import { isIsoDate } from '../../utils/format'

const A = zhCN.audit

export interface AuditFilter {
  actor: string
  entity: string
  region: string
  from: string
  to: string
  page: number
}

export const AUDIT_PAGE_SIZE = 20

export function parseAuditFilter(q: LocationQuery): AuditFilter {
  const page = Number(one(q.page))
  const region = one(q.region)
  return {
    actor: one(q.actor).slice(0, 64),
    entity: one(q.entity).slice(0, 100),
    region: /^(\d{6}|\d{9}|\d{12})$/.test(region) ? region : '',
    from: isIsoDate(one(q.from)) ? one(q.from) : '',
    to: isIsoDate(one(q.to)) ? one(q.to) : '',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  }
}

export function auditFilterToQuery(f: AuditFilter): LocationQueryRaw {
  const q: LocationQueryRaw = {}
  for (const k of ['actor', 'entity', 'region', 'from', 'to'] as const) if (f[k]) q[k] = f[k]
  if (f.page > 1) q.page = String(f.page)
  return q
}

export function auditFilterToApi(f: AuditFilter): AuditQuery {
  return {
    actor: f.actor || undefined,
    entity: f.entity || undefined,
    region: f.region || undefined,
    from: f.from || undefined,
    to: f.to || undefined,
    page: f.page,
    page_size: AUDIT_PAGE_SIZE,
  }
}

/** 操作代码 → 中文；项目流程步骤用项目库的步骤名；未知代码原样显示。 */
export function actionLabel(action: string): string {
  if (A.actions[action]) return A.actions[action]
  if (action.startsWith('project.')) {
    const step = zhCN.projects.actions[action.slice('project.'.length)]
    if (step) return A.projectAction(step)
  }
  return action
}

/** 变更内容的一行摘要：新增的看 after，修改的列出变化的字段。 */
export function changeSummary(item: Pick<AuditItem, 'before' | 'after'>): string {
  const obj = (v: unknown): Record<string, unknown> | null =>
    v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null
  const before = obj(item.before)
  const after = obj(item.after)
  const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v))
  if (before && after) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    return keys
      .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
      .map((k) => `${k}: ${show(before[k])} → ${show(after[k])}`)
      .join('；')
  }
  const only = after ?? before
  if (!only) return ''
  return Object.entries(only)
    .map(([k, v]) => `${k}: ${show(v)}`)
    .join('；')
}

export const AUDIT_CSV_HEADER = ['序号', '时间（北京时间）', '操作人', '角色', '来源地址', '操作', '对象类型', '对象', '区划', '变更内容', '哈希']

export function auditCsvRows(items: AuditItem[]): string[][] {
  return items.map((a) => [
    String(a.seq), beijingTime(a.at), a.actor, a.actor_role, a.address, actionLabel(a.action), a.entity_type, a.entity_id, a.region_code,
    changeSummary(a), a.hash,
  ])
}
