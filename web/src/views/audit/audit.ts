// 审计日志：URL ↔ 筛选条件、操作与对象的名称、变更内容（字段中文名、原值 → 新值、金额万元）、冲销。
// 纯函数，见 audit.test.ts。变更内容的规则与服务端导出（src/app/audit_text.cpp）相同，导出文件与屏幕一致：
// - 快照中的嵌套对象展开为字段（sheet.implementing_unit），字段名先按“对象类型.字段”、再按字段查表，查不到显示字段路径；
// - 修改（有原值与新值）只列变化的字段“字段：原值 → 新值”，新建只列新值“字段：值”，各项以“；”连接；
// - 以 _fen 结尾的整数为金额，显示为万元（fenToWan）；空值“（空）”，布尔“是/否”，项目状态与角色用中文名；
//   数组各项以“、”连接，数组中的对象取其各字段的值以空格连接；
// - 台账批次中的冲销（after.reversals）先列：冲销凭证、被冲销凭证、金额（取负，元到分，同台账页）与原因。
import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import type { AuditItem, AuditQuery } from '../../api/audit'
import zhCN from '../../locale/zh-CN'
import { queryText as one } from '../../utils/query'
import { fenToWan, fenToYuan, isIsoDate } from '../../utils/format'

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

/** 对象类型 → 中文；未知类型原样显示。 */
export function entityLabel(type: string): string {
  return A.entities[type] ?? type
}

/** 对象：“项目：XZ2024540102L001”。 */
export function objectText(item: Pick<AuditItem, 'entity_type' | 'entity_id'>): string {
  return entityLabel(item.entity_type) + (item.entity_id ? `：${item.entity_id}` : '')
}

const P = zhCN.project
const LB = zhCN.library
const U = zhCN.users
const F = A.fields
/** 去掉标签里的单位：金额的单位随值显示（“100.00 万元”）。 */
const noUnit = (label: string) => label.replace(/（(万元|元)）$/, '')

/**
 * 快照字段的中文名（项目、项目库、台账、用户表单的标签）。键为“对象类型.字段”或“字段”。
 * 服务端 src/app/audit_text.cpp 的 kAuditFieldLabels 与此一致（audit.test.ts 核对）。
 */
export const AUDIT_FIELD_LABELS: Record<string, string> = {
  'project.name': P.name,
  'project.year': P.year,
  'project.category': P.category,
  'project.subcategory': P.subcategory,
  'project.status': P.state,
  total_investment_fen: noUnit(P.totalInvestment),
  central_fund_fen: noUnit(P.centralFund),
  other_fund_fen: noUnit(P.otherFund),
  responsible_person: P.person,
  actual_start: P.actualStart,
  actual_finish: P.actualFinish,
  implementing_unit: LB.implementingUnit,
  construction_content: LB.constructionContent,
  fund_uses: LB.fundUses,
  benefit_mechanism: LB.benefitMechanism,
  households_exited: F.householdsExited,
  households_monitored: F.householdsMonitored,
  funds: noUnit(LB.funds),
  targets: LB.targets,
  milestones: LB.milestones,
  task_book: LB.taskBook,
  roadmap: LB.roadmap,
  responsible_contact: LB.contact,
  procurement: LB.procurement,
  work_relief_considered: LB.workReliefConsidered,
  work_relief_note: LB.workReliefNote,
  village_plan_id: LB.villagePlan,
  entry_id: P.colEntryId,
  amount_fen: F.amount,
  reverses: P.colReverses,
  note: F.note,
  project_code: P.code,
  username: U.username,
  role: U.role,
  region_code: U.region,
  department: U.department,
  disabled: U.disabled,
  name: F.name,
  count: F.count,
  keys: F.keys,
  first: F.first,
  last: F.last,
}

/** 字段取值的中文名，键为“字段.值”（项目库表单的选项）；服务端 kAuditValueLabels 与此一致。 */
export const AUDIT_VALUE_LABELS: Record<string, string> = Object.fromEntries(
  Object.entries(LB.procurements).map(([value, label]) => [`procurement.${value}`, label]),
)

/** 字段的中文名：先“对象类型.字段”，再“字段”；都没有时为字段路径。 */
export function fieldLabel(entityType: string, path: string, leaf: string): string {
  return AUDIT_FIELD_LABELS[`${entityType}.${leaf}`] ?? AUDIT_FIELD_LABELS[leaf] ?? path
}

type Json = unknown
const isObject = (v: Json): v is Record<string, Json> => !!v && typeof v === 'object' && !Array.isArray(v)

/** 一个值的显示文字（与服务端 AuditValueText 相同）。 */
export function auditValueText(entityType: string, leaf: string, v: Json): string {
  if (v === null || v === undefined) return A.empty
  if (typeof v === 'boolean') return v ? zhCN.common.yes : zhCN.common.no
  if (typeof v === 'number' && Number.isInteger(v) && leaf.endsWith('_fen')) return `${fenToWan(v)} ${zhCN.common.wanUnit}`
  if (typeof v === 'number') return String(v)
  if (typeof v === 'string') {
    if (!v) return A.empty
    if (entityType === 'project' && leaf === 'status') return zhCN.projects.states[v] ?? v
    if (entityType === 'user' && leaf === 'role') return zhCN.users.roles[v] ?? v
    return AUDIT_VALUE_LABELS[`${leaf}.${v}`] ?? v
  }
  if (Array.isArray(v)) {
    if (!v.length) return A.empty
    return v
      .map((e) =>
        isObject(e)
          ? Object.entries(e)
              .map(([k, x]) => (isObject(x) ? JSON.stringify(x) : auditValueText(entityType, k, x)))
              .join(' ')
          : auditValueText(entityType, leaf, e),
      )
      .join('、')
  }
  return JSON.stringify(v)
}

export interface AuditField {
  path: string
  leaf: string
  value: Json
}

/** 快照的字段，嵌套对象展开（sheet.implementing_unit），按出现顺序；顶层的 reversals 另行显示。 */
export function flattenSnapshot(obj: Json, prefix = ''): AuditField[] {
  if (!isObject(obj)) return []
  const out: AuditField[] = []
  for (const [k, v] of Object.entries(obj)) {
    if (!prefix && k === 'reversals') continue
    if (isObject(v)) out.push(...flattenSnapshot(v, `${prefix}${k}.`))
    else out.push({ path: prefix + k, leaf: k, value: v })
  }
  return out
}

/** 台账批次中的一条冲销。 */
export interface AuditReversal {
  entry_id: string
  reverses: string
  amount_fen: number
  note: string
}

/** 记录中的冲销（台账记账时写入 after.reversals）。 */
export function reversalsOf(item: Pick<AuditItem, 'after'>): AuditReversal[] {
  const after = item.after as Json
  if (!isObject(after) || !Array.isArray(after.reversals)) return []
  return after.reversals.filter(isObject).map((r) => ({
    entry_id: String(r.entry_id ?? ''),
    reverses: String(r.reverses ?? ''),
    amount_fen: typeof r.amount_fen === 'number' ? r.amount_fen : 0,
    note: String(r.note ?? ''),
  }))
}

/** 冲销的一行：凭证金额取负、到分、以元显示，与台账页、项目页和导出相同。 */
export function reversalText(r: AuditReversal): string {
  return A.reversal(r.entry_id, r.reverses, fenToYuan(-r.amount_fen), r.note || A.empty)
}

/** 详情表的一行：字段、原值、新值，是否为本次修改的字段。 */
export interface AuditDiffRow {
  path: string
  leaf: string
  label: string
  before: string
  after: string
  /** 原值（分），金额字段时有，用于显示精确到分的元。 */
  beforeFen: number | null
  afterFen: number | null
  changed: boolean
}

const fenOf = (leaf: string, v: Json): number | null =>
  leaf.endsWith('_fen') && typeof v === 'number' && Number.isInteger(v) ? v : null

/** 全部字段（原值与新值的并集，先原值的顺序）；有原值与新值且不同者 changed。 */
export function diffRows(item: Pick<AuditItem, 'entity_type' | 'before' | 'after'>): AuditDiffRow[] {
  const b = flattenSnapshot(item.before)
  const a = flattenSnapshot(item.after)
  const both = isObject(item.before) && isObject(item.after)
  const paths = [...new Set([...b.map((f) => f.path), ...a.map((f) => f.path)])]
  return paths.map((path) => {
    const fb = b.find((f) => f.path === path)
    const fa = a.find((f) => f.path === path)
    const leaf = (fb ?? fa)!.leaf
    return {
      path,
      leaf,
      label: fieldLabel(item.entity_type, path, leaf),
      before: fb ? auditValueText(item.entity_type, leaf, fb.value) : isObject(item.before) ? A.empty : '',
      after: fa ? auditValueText(item.entity_type, leaf, fa.value) : isObject(item.after) ? A.empty : '',
      beforeFen: fb ? fenOf(leaf, fb.value) : null,
      afterFen: fa ? fenOf(leaf, fa.value) : null,
      changed: both && JSON.stringify(fb?.value) !== JSON.stringify(fa?.value),
    }
  })
}

/** 金额的精确值“1,234.56 元”（详情表括号内）。 */
export function exactYuan(fen: number | null): string {
  return fen === null ? '' : `${fenToYuan(fen)} ${zhCN.common.yuanUnit}`
}

/**
 * 变更内容（列表与导出相同）：冲销先列；修改列出变化的字段“字段：原值 → 新值”；新建列出各字段“字段：值”。
 */
export function changeSummary(item: Pick<AuditItem, 'entity_type' | 'before' | 'after'>): string {
  const parts = reversalsOf(item).map(reversalText)
  const rows = diffRows(item)
  if (isObject(item.before) && isObject(item.after)) {
    for (const r of rows) if (r.changed) parts.push(`${r.label}：${r.before} → ${r.after}`)
  } else if (rows.length) {
    const side = isObject(item.after) ? 'after' : 'before'
    for (const r of rows) parts.push(`${r.label}：${r[side]}`)
  } else if (typeof item.after === 'string' || typeof item.before === 'string') {
    parts.push(String(typeof item.after === 'string' ? item.after : item.before))
  }
  return parts.join('；')
}

/** 详情表的行：本次修改的字段在前，其余按原顺序。 */
export function changedFirst(rows: AuditDiffRow[]): AuditDiffRow[] {
  return [...rows.filter((r) => r.changed), ...rows.filter((r) => !r.changed)]
}
