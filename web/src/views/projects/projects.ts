// 项目库：URL 查询参数 ↔ 筛选条件、类别与状态的显示。纯函数，见 projects.test.ts。
import { beijingTime } from '../../utils/time'
import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import type { ProjectDetail, ProjectInput, ProjectLedgerEntry, ProjectQuery, ProjectSheet } from '../../api/projects'
import { PROJECT_STATES, emptySheet } from '../../api/projects'
import type { FundSource } from '../../api/ledger'
import zhCN from '../../locale/zh-CN'
import { queryText as one } from '../../utils/query'
import { fenToWanNumber, wanToFen } from '../../utils/format'
import { regionCodeOf } from '../../utils/regionPath'

const P = zhCN.projects

export const PAGE_SIZES = [20, 50, 100, 200]
export const DEFAULT_PAGE_SIZE = 20

/** 列表的筛选与分页状态（写入 URL，可复现）。 */
export interface ProjectFilter {
  /** 区划树所选区划（'' 为本人范围）。 */
  region: string
  year: number | null
  state: string
  category: string
  q: string
  page: number
  pageSize: number
}

/** URL 查询参数 → 筛选条件；无效值丢弃。 */
export function parseFilter(query: LocationQuery): ProjectFilter {
  const y = one(query.year)
  const year = /^\d{4}$/.test(y) ? Number(y) : null
  const state = one(query.state)
  const page = Number(one(query.page))
  const size = Number(one(query.page_size))
  return {
    region: regionCodeOf(one(query.region)),
    year,
    state: (PROJECT_STATES as string[]).includes(state) ? state : '',
    category: /^\d{4}$/.test(one(query.category)) ? one(query.category) : '',
    q: one(query.q).slice(0, 100),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: PAGE_SIZES.includes(size) ? size : DEFAULT_PAGE_SIZE,
  }
}

/** 筛选条件 → URL 查询参数（缺省值不写）。 */
export function filterToQuery(f: ProjectFilter): LocationQueryRaw {
  const q: LocationQueryRaw = {}
  if (f.region) q.region = f.region
  if (f.year !== null) q.year = String(f.year)
  if (f.state) q.state = f.state
  if (f.category) q.category = f.category
  if (f.q) q.q = f.q
  if (f.page > 1) q.page = String(f.page)
  if (f.pageSize !== DEFAULT_PAGE_SIZE) q.page_size = String(f.pageSize)
  return q
}

/** 筛选条件 → 接口参数。 */
export function filterToApi(f: ProjectFilter): ProjectQuery {
  return {
    region: f.region || undefined,
    year: f.year ?? undefined,
    state: f.state || undefined,
    category: f.category || undefined,
    q: f.q || undefined,
    page: f.page,
    page_size: f.pageSize,
  }
}

/** 年度下拉：今年 + 1 年 到 8 年前，新的在前。 */
export function yearOptions(today: Date = new Date()): number[] {
  const y = today.getFullYear()
  const out: number[] = []
  for (let i = y + 1; i >= y - 8; i--) out.push(i)
  return out
}

/** 类别短名：二级类型去掉括号内的说明；未知代码原样返回。 */
export function categoryShort(code: string): string {
  const c = P.categories[code]
  return c ? c[1].replace(/（.*）$/, '') : code
}

/** 类别全称：“0101 产业发展 / 生产项目”。 */
export function categoryFull(code: string): string {
  const c = P.categories[code]
  return c ? `${code} ${c[0]} / ${c[1]}` : code
}

/** 类别下拉按一级类型分组。 */
export function categoryGroups(): { label: string; options: { value: string; label: string }[] }[] {
  const groups = new Map<string, { value: string; label: string }[]>()
  for (const [code, [l1, l2]] of Object.entries(P.categories)) {
    if (!groups.has(l1)) groups.set(l1, [])
    groups.get(l1)!.push({ value: code, label: `${code} ${l2.replace(/（.*）$/, '')}` })
  }
  return [...groups].map(([label, options]) => ({ label, options }))
}

export type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

/** 状态标签颜色：前期（申报/审核/入库）灰、资金已安排蓝、开工橙、完工及以后绿、退回/撤项红。 */
export function stateTagType(state: string): TagType {
  switch (state) {
    case 'approved':
      return 'primary'
    case 'started':
      return 'warning'
    case 'finished':
    case 'accepted':
    case 'handed_over':
      return 'success'
    case 'rejected':
    case 'cancelled':
      return 'danger'
    default:
      return 'info'
  }
}

export function stateLabel(state: string, serverLabel?: string): string {
  return serverLabel || P.states[state] || state
}

/** 台账合计（分）：冲销凭证抵减被冲销凭证的类型。 */
export function ledgerTotals(entries: ProjectLedgerEntry[]): { allocate: number; disburse: number; expend: number } {
  const byId = new Map(entries.map((e) => [e.entry_id, e]))
  const t = { allocate: 0, disburse: 0, expend: 0 }
  for (const e of entries) {
    let kind = e.kind
    let sign = 1
    if (kind === 'reverse') {
      const orig = e.reverses ? byId.get(e.reverses) : undefined
      if (!orig) continue
      kind = orig.kind
      sign = -1
    }
    if (kind === 'allocate' || kind === 'disburse' || kind === 'expend') t[kind] += sign * e.amount_fen
  }
  return t
}

/** 台账按日期、凭证号排序（不改原数组）。 */
export function sortLedger(entries: ProjectLedgerEntry[]): ProjectLedgerEntry[] {
  return [...entries].sort((a, b) => (a.date === b.date ? a.entry_id.localeCompare(b.entry_id) : a.date < b.date ? -1 : 1))
}

/** “2023-07-05T08:01:02.123Z” → “2023-07-05 16:01”（北京时间，utils/time.ts）；无法解析时原样返回。 */
export function formatTimestamp(at: string): string {
  return beijingTime(at, { seconds: false })
}

/** 日期字段显示：YYYY-MM-DD 或 “—”。 */
export function showDate(d: string | null | undefined): string {
  return d ? d.slice(0, 10) : zhCN.common.none
}

/** 详情页“项目属性”：勾选的属性名，逗号分隔。 */
export function projectFlags(d: Pick<ProjectDetail, 'gov_infrastructure' | 'low_skill' | 'work_relief'>): string {
  const Q = zhCN.project
  const out: string[] = []
  if (d.gov_infrastructure) out.push(Q.govInfrastructure)
  if (d.low_skill) out.push(Q.lowSkill)
  if (d.work_relief) out.push(Q.workRelief)
  return out.length ? out.join('、') : zhCN.common.none
}

// ---- 新建 / 编辑项目的表单（金额以万元录入，接口为整数分） ----

/** 表单中的金额为万元（最多 6 位小数 = 1 分）。 */
export interface ProjectForm {
  project_code: string
  name: string
  year: number
  region_code: string
  category: string
  subcategory: string
  total_wan: number
  central_wan: number
  other_wan: number
  planned_start: string | null
  planned_finish: string | null
  responsible_person: string
  gov_infrastructure: boolean
  low_skill: boolean
  work_relief: boolean
  sheet: ProjectSheet
  funds_wan: { source: FundSource; wan: number }[]
}

export function emptyForm(region: string, year: number): ProjectForm {
  return {
    project_code: '', name: '', year, region_code: region, category: '0101', subcategory: '', total_wan: 0,
    central_wan: 0, other_wan: 0, planned_start: null, planned_finish: null, responsible_person: '',
    gov_infrastructure: false, low_skill: false, work_relief: false, sheet: emptySheet(), funds_wan: [],
  }
}

export function detailToForm(d: ProjectDetail): ProjectForm {
  return {
    project_code: d.project_code, name: d.name, year: d.year, region_code: d.region_code, category: d.category,
    subcategory: d.subcategory, total_wan: fenToWanNumber(d.total_investment_fen),
    central_wan: fenToWanNumber(d.central_fund_fen), other_wan: fenToWanNumber(d.other_fund_fen),
    planned_start: d.planned_start, planned_finish: d.planned_finish, responsible_person: d.responsible_person,
    gov_infrastructure: d.gov_infrastructure, low_skill: d.low_skill, work_relief: d.work_relief,
    sheet: JSON.parse(JSON.stringify(d.sheet)) as ProjectSheet,
    funds_wan: d.sheet.funds.map((f) => ({ source: f.source, wan: fenToWanNumber(f.amount_fen) })),
  }
}

export function formToInput(f: ProjectForm, version?: number): ProjectInput {
  return {
    project_code: f.project_code.trim() || undefined, name: f.name.trim(), year: f.year,
    region_code: f.region_code.trim() || undefined, category: f.category, subcategory: f.subcategory.trim(),
    total_investment_fen: wanToFen(f.total_wan), central_fund_fen: wanToFen(f.central_wan),
    other_fund_fen: wanToFen(f.other_wan), planned_start: f.planned_start || null,
    planned_finish: f.planned_finish || null, responsible_person: f.responsible_person.trim(),
    gov_infrastructure: f.gov_infrastructure, low_skill: f.low_skill, work_relief: f.work_relief, version,
    sheet: {
      ...f.sheet,
      funds: f.funds_wan.filter((x) => x.wan > 0).map((x) => ({ source: x.source, amount_fen: wanToFen(x.wan) })),
      targets: f.sheet.targets.filter((t) => t.name.trim()),
      milestones: f.sheet.milestones.filter((m) => m.name.trim()),
    },
  }
}

/**
 * 项目编码规则的中文说明（docs/definitions.md §19）：“XZ{year}{county}{seq:4}” → “XZ + 年度 + 县级区划代码 + 4位顺序号”。
 * 固定部分原样保留。
 */
export function describeCodeRule(rule: string): string {
  const R = zhCN.library.codeRuleParts
  const parts: string[] = []
  for (const m of rule.matchAll(/\{year\}|\{county\}|\{seq:(\d)\}|[^{]+|\{/g)) {
    const t = m[0]
    if (t === '{year}') parts.push(R.year)
    else if (t === '{county}') parts.push(R.county)
    else if (m[1]) parts.push(R.seq(Number(m[1])))
    else parts.push(t)
  }
  return parts.join(' + ')
}

/**
 * 中央衔接资金是否超过总投资（按分比较，同服务器的 central_exceeds_total）。表单上两项一起填写，总投资为 0 也比较，
 * 即填了中央资金就须填总投资（服务器把 0 视为尚未填写，见 docs/definitions.md §19）。
 */
export function centralOverTotal(f: Pick<ProjectForm, 'central_wan' | 'total_wan'>): boolean {
  return wanToFen(f.central_wan ?? 0) > wanToFen(f.total_wan ?? 0)
}

/** 新项目的缺省年度：当前计划年度，即北京时间今天所在的年份（`today` 为 YYYY-MM-DD）。 */
export function currentPlanYear(today: string): number {
  return Number(today.slice(0, 4))
}
