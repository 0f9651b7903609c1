// 挂图作战的视图状态（区划、资金年度、截止日期）与 URL 查询参数之间的换算：纯函数。
import { isIsoDate } from '../../utils/format'

export interface DashboardState {
  region: string
  year: number
  asOf: string
}

/**
 * 无查询参数且本年度无资金数据时使用的视图：2023 年度、截至 2023-07-05
 * （设计文档所引西藏自治区通报的日期，也是演示数据的参照日）。
 */
export const FALLBACK_VIEW = { year: 2023, asOf: '2023-07-05' } as const

type Query = Record<string, unknown>

function str(q: Query, k: string): string | undefined {
  const v = q[k]
  if (typeof v === 'string') return v
  if (Array.isArray(v) && typeof v[0] === 'string') return v[0]
  return undefined
}

/** 从 URL 读取已给出的部分；非法值视为未给出。 */
export function parseQuery(q: Query): Partial<DashboardState> {
  const out: Partial<DashboardState> = {}
  const region = str(q, 'region')
  if (region && /^\d{6,12}$/.test(region)) out.region = region
  const year = str(q, 'year')
  if (year && /^\d{4}$/.test(year)) out.year = Number(year)
  const asOf = str(q, 'as_of')
  if (asOf && isIsoDate(asOf)) out.asOf = asOf
  return out
}

export function toQuery(s: DashboardState): Record<string, string> {
  return { region: s.region, year: String(s.year), as_of: s.asOf }
}

/**
 * 补全部分给出的状态（不访问网络）：只给年度时截止日期取今天（本年）或该年 12 月 31 日（往年），
 * 只给截止日期时年度取截止日期所在年。两者都没给时返回 null，由调用方按“本年度是否有数据”决定。
 */
export function completeState(p: Partial<DashboardState>, home: string, today: string): DashboardState | null {
  const region = p.region ?? home
  if (p.year !== undefined && p.asOf !== undefined) return { region, year: p.year, asOf: p.asOf }
  if (p.year !== undefined) {
    const thisYear = Number(today.slice(0, 4))
    return { region, year: p.year, asOf: p.year >= thisYear ? today : `${p.year}-12-31` }
  }
  if (p.asOf !== undefined) return { region, year: Number(p.asOf.slice(0, 4)), asOf: p.asOf }
  return null
}

/** 换年度时保留月日（2 月 29 日落到 2 月 28 日）。 */
export function moveAsOfToYear(asOf: string, year: number): string {
  const [, m, d] = asOf.split('-').map(Number)
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate()
  return `${year}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

/** 年度下拉选项：今年起往前 years 年。 */
export function yearOptions(today: string, years = 6): number[] {
  const y = Number(today.slice(0, 4))
  return Array.from({ length: years }, (_, i) => y - i)
}
