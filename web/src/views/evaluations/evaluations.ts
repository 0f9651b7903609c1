// 绩效评价页的纯函数：状态与等级标签、各角色在各环节可办理的操作、评分输入的检查。
import type { Evaluation, EvaluationItem } from '../../api/evaluations'

export const STATUS_LABELS: Record<string, string> = {
  self_evaluation: '县级自评',
  submitted: '待地市复核',
  reviewed: '待自治区审定',
  final: '已审定',
}
export const STATUS_TAGS: Record<string, 'info' | 'warning' | 'primary' | 'success'> = {
  self_evaluation: 'info',
  submitted: 'warning',
  reviewed: 'primary',
  final: 'success',
}
export const STEP_LABELS: Record<string, string> = {
  create: '创建',
  score: '评分',
  submit: '提交',
  review: '复核通过',
  return: '退回',
  finalize: '审定',
}
export const GRADE_TAGS: Record<string, 'success' | 'primary' | 'warning' | 'danger'> = {
  excellent: 'success',
  good: 'primary',
  pass: 'warning',
  fail: 'danger',
}

/** 当前用户在评价当前环节可办理的操作（服务端 Action::kSelfEvaluate / kReviewEvaluation 与层级）。 */
export interface Abilities {
  score: boolean
  adjust: boolean
  submit: boolean
  review: boolean
  finalize: boolean
  return: boolean
}

export function abilities(status: string, role: string): Abilities {
  const county = role === 'county_officer'
  const pref = role === 'prefecture_officer'
  const region = role === 'region_officer'
  return {
    score: county && status === 'self_evaluation',
    adjust: pref && status === 'submitted',
    submit: county && status === 'self_evaluation',
    review: pref && status === 'submitted',
    finalize: region && status === 'reviewed',
    return: (pref && status === 'submitted') || (region && status === 'reviewed'),
  }
}

/** 可创建本县评价的角色。 */
export function canCreate(role: string): boolean {
  return role === 'county_officer'
}

/** 分数显示：两位小数；未评分为“—”。 */
export function pointsText(p: number | null | undefined): string {
  return p === null || p === undefined ? '—' : p.toFixed(2)
}

/** 分值：扣分项显示为“−5～0”。 */
export function rangeText(item: Pick<EvaluationItem, 'max_points' | 'min_points'>): string {
  return item.min_points < 0 ? `${item.min_points}～0` : String(item.max_points)
}

export interface Edit {
  points: number | null
  evidence: string
  reason: string
}

/** 一次保存要提交的评分：人工项中与原值不同或新填的；调整须填理由，自评须填佐证说明。 */
export function changedScores(ev: Evaluation, edits: Record<string, Edit>, adjust: boolean) {
  const out: { item_id: string; points: number; evidence?: string; reason?: string }[] = []
  for (const item of ev.items) {
    if (item.source !== 'manual') continue
    const e = edits[item.item_id]
    if (!e || e.points === null) continue
    const same = e.points === item.points && (adjust ? e.reason === item.adjust_reason : e.evidence === item.evidence)
    if (same) continue
    out.push(adjust ? { item_id: item.item_id, points: e.points, reason: e.reason } : { item_id: item.item_id, points: e.points, evidence: e.evidence })
  }
  return out
}

/** 本地检查（服务端仍逐项检查）：超出分值范围或缺少佐证/理由的评分项编号。 */
export function invalidScores(ev: Evaluation, edits: Record<string, Edit>, adjust: boolean): string[] {
  const bad: string[] = []
  for (const s of changedScores(ev, edits, adjust)) {
    const item = ev.items.find((i) => i.item_id === s.item_id)!
    const note = adjust ? s.reason : s.evidence
    if (s.points < item.min_points || s.points > item.max_points || !note?.trim()) bad.push(s.item_id)
  }
  return bad
}

/** 服务端时间（UTC，ISO 8601）显示为北京时间（UTC+8）“YYYY-MM-DD HH:MM:SS”；无法解析时原样返回。 */
export function beijingTime(iso: string): string {
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return iso
  return new Date(t + 8 * 3600 * 1000).toISOString().slice(0, 19).replace('T', ' ')
}
