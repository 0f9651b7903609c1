// 因素法分配页的纯函数：政策参数的名称与百分数换算、试算与现行结果按县对照、合计。见 allocation.test.ts。
import type { Allocation } from '../../api/settlements'

/** 可试算的分配参数（万分比），依 docs/definitions.md §10 的顺序。 */
export const ALLOCATION_KEYS = [
  'allocation_weight_rural_population_bp',
  'allocation_weight_lifted_population_bp',
  'allocation_weight_monitored_population_bp',
  'allocation_weight_area_bp',
  'allocation_weight_performance_bp',
  'allocation_key_county_tilt_bp',
  'allocation_deduction_rate_bp',
  'allocation_floor_bp',
  'allocation_cap_bp',
] as const
export type AllocationKey = (typeof ALLOCATION_KEYS)[number]

export const KEY_LABELS: Record<AllocationKey, string> = {
  allocation_weight_rural_population_bp: '农村人口权重',
  allocation_weight_lifted_population_bp: '脱贫人口权重',
  allocation_weight_monitored_population_bp: '监测对象权重',
  allocation_weight_area_bp: '面积权重',
  allocation_weight_performance_bp: '绩效评价权重',
  allocation_key_county_tilt_bp: '重点帮扶县倾斜',
  allocation_deduction_rate_bp: '以拨代支/超进度扣减比例',
  allocation_floor_bp: '单县保底（占资金池）',
  allocation_cap_bp: '单县封顶（占资金池）',
}

/** 万分比 → 百分数（两位小数内精确）。 */
export function bpToPercent(bp: number): number {
  return bp / 100
}

/** 百分数 → 万分比；超出 0–100 或多于两位小数时为 null。 */
export function percentToBp(pct: number): number | null {
  if (!Number.isFinite(pct) || pct < 0 || pct > 100) return null
  const bp = Math.round(pct * 100)
  return Math.abs(bp - pct * 100) < 1e-6 ? bp : null
}

/** 与现行政策不同的参数（试算请求的 what_if）；未改动时为空对象。 */
export function changedKeys(current: Record<string, number>, edited: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {}
  for (const k of ALLOCATION_KEYS) {
    if (edited[k] !== undefined && edited[k] !== current[k]) out[k] = edited[k]
  }
  return out
}

export interface CountyRow {
  region_code: string
  region_name: string
  county: Allocation['counties'][number]
  /** 试算金额（分），无试算时为 null。 */
  what_if_fen: number | null
  /** 试算 − 现行（分），无试算时为 null。 */
  change_fen: number | null
}

/** 现行结果的各县，与试算结果按区划代码对照。 */
export function countyRows(current: Allocation | null, whatIf: Allocation | null): CountyRow[] {
  if (!current) return []
  const other = new Map((whatIf?.counties ?? []).map((c) => [c.region_code, c.amount_fen]))
  return current.counties.map((c) => {
    const w = whatIf ? (other.get(c.region_code) ?? 0) : null
    return { region_code: c.region_code, region_name: c.region_name, county: c, what_if_fen: w, change_fen: w === null ? null : w - c.amount_fen }
  })
}
