// 挂图作战县级视图的“滞后与逾期项目”：倒排工期预警（GET /api/v1/library/overdue：逾期节点、未按期开工，
// docs/definitions.md §7）按项目合并，并附上该项目在问题预警（GET /api/v1/flags）中的条目。纯函数。
import type { Flag } from '../../api/figures'
import type { OverdueReport } from '../../api/library'

export interface WatchIssue {
  kind: 'late_start' | 'milestone_overdue'
  text: string
  /** 逾期或迟开工的天数 */
  days: number
}

export interface WatchRow {
  code: string
  name: string
  /** 实施地点（乡镇或村）及其区划代码：问题预警按它筛选，列出的就是这个地点（含本项目）的预警 */
  place: string
  placeCode: string
  responsible: string
  issues: WatchIssue[]
  /** 最长的逾期天数：排序用，最久的在前 */
  days: number
  /** 该项目在问题预警中的条目数与类型（只有一类时链接带上 kind） */
  flagCount: number
  flagKinds: string[]
  flagKindCodes: string[]
}

export function watchRows(report: OverdueReport, flags: Flag[]): WatchRow[] {
  const rows = new Map<string, WatchRow>()
  const row = (code: string, name: string, place: string, placeCode: string, responsible: string): WatchRow => {
    let r = rows.get(code)
    if (!r) {
      r = { code, name, place, placeCode, responsible, issues: [], days: 0, flagCount: 0, flagKinds: [], flagKindCodes: [] }
      rows.set(code, r)
    }
    return r
  }
  for (const s of report.late_starts) {
    const r = row(s.project_code, s.project_name, s.region_name, s.region_code, s.responsible_person)
    r.issues.push({ kind: 'late_start', text: `计划 ${s.planned_start} 开工，未开工 ${s.days_late} 天`, days: s.days_late })
  }
  for (const m of report.milestones) {
    const r = row(m.project_code, m.project_name, m.region_name, m.region_code, m.responsible_person)
    const planned = m.milestone.planned ? `计划 ${m.milestone.planned}，` : ''
    r.issues.push({ kind: 'milestone_overdue', text: `节点“${m.milestone.name}”${planned}逾期 ${m.days_overdue} 天`, days: m.days_overdue })
  }
  for (const f of flags) {
    const r = rows.get(f.project_code)
    if (!r) continue
    r.flagCount += 1
    if (!r.flagKindCodes.includes(f.kind)) {
      r.flagKindCodes.push(f.kind)
      r.flagKinds.push(f.kind_label)
    }
  }
  const out = [...rows.values()]
  for (const r of out) r.days = Math.max(...r.issues.map((i) => i.days))
  return out.sort((a, b) => b.days - a.days || a.code.localeCompare(b.code))
}

/** 进入问题预警：项目所在地点、年度与截止日期，只有一类预警时带上该类。 */
export function flagsLink(r: WatchRow, year: number, asOf: string): Record<string, string> {
  const q: Record<string, string> = { region: r.placeCode, year: String(year), as_of: asOf }
  if (r.flagKindCodes.length === 1) q.kind = r.flagKindCodes[0]
  return q
}
