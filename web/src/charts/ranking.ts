// 县区排名表的行：纯函数，按视图（全部 / 前 N / 后 N）筛选并标出奖惩。名次、N 与金额都来自服务端的
// 奖惩方案：名次是方案范围（默认省级）内的名次，不在所看的子树内重排；未下达资金的县没有名次，排在最后。
import type { RankingScope, RankRow } from '../api/figures'
import { fenToWan, fenToWanSigned, formatPct } from '../utils/format'

export type RankView = 'all' | 'top' | 'bottom'

export interface RankTableRow {
  /** 在奖惩方案排名中的名次；未下达资金的县为 null（不参与排名，列在最后） */
  rank: number | null
  /** 显示用：「第37名/共74」或「未排名」 */
  place: string
  code: string
  name: string
  progress: string
  assessed: string
  allocated: string
  expended: string
  incentive: string
  /** reward：奖励（前 N）；penalty：扣减（后 N）；none：无 */
  incentiveKind: 'reward' | 'penalty' | 'none'
}

/** 名次的显示：「第37名/共74」；未排名为「未排名」。 */
export function placeText(r: Pick<RankRow, 'rank' | 'scope_size'>): string {
  return r.rank === null ? '未排名' : `第${r.rank}名/共${r.scope_size}`
}

/** 排好序的行：有名次的按名次，未排名的在最后（保持接口顺序）。 */
export function byPlace(rows: RankRow[]): RankRow[] {
  const ranked = rows.filter((r) => r.rank !== null).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
  return [...ranked, ...rows.filter((r) => r.rank === null)]
}

function scopeOf(r: RankRow, scopes: RankingScope[]): RankingScope | undefined {
  return scopes.find((s) => s.region_code === r.scope_region_code)
}

/** 是否在其方案的前 N 名 / 后 N 名内（未排名的都不在）。 */
export function inTop(r: RankRow, scopes: RankingScope[]): boolean {
  const s = scopeOf(r, scopes)
  return r.rank !== null && s !== undefined && r.rank <= s.top_n
}
export function inBottom(r: RankRow, scopes: RankingScope[]): boolean {
  const s = scopeOf(r, scopes)
  return r.rank !== null && s !== undefined && r.rank > r.scope_size - s.bottom_n
}

/** 视图的行：前 N 为名次 ≤ 方案的 top_n；后 N 为名次 > 参与数 − bottom_n，最差在前。 */
export function rankTableRows(rows: RankRow[], view: RankView, scopes: RankingScope[]): RankTableRow[] {
  const sorted = byPlace(rows)
  let picked = sorted
  if (view === 'top') picked = sorted.filter((r) => inTop(r, scopes))
  if (view === 'bottom') picked = sorted.filter((r) => inBottom(r, scopes)).reverse()
  return picked.map((r) => ({
    rank: r.rank,
    place: placeText(r),
    code: r.region_code,
    name: r.region_name,
    progress: formatPct(r.expend_progress),
    assessed: formatPct(r.assessed_progress),
    allocated: fenToWan(r.allocated_fen),
    expended: fenToWan(r.expended_fen),
    incentive: r.incentive_fen === 0 ? '—' : fenToWanSigned(r.incentive_fen),
    incentiveKind: r.incentive_fen > 0 ? 'reward' : r.incentive_fen < 0 ? 'penalty' : 'none',
  }))
}

/** 方案说明：「西藏自治区 74 个县参与排名，前 10 名奖励、后 10 名扣减 2,000.00 万元」（多个方案用「；」连接）。 */
export function scopeHint(scopes: RankingScope[]): string {
  return scopes
    .map((s) => `${s.region_name} ${s.size} 个县参与排名，前 ${s.top_n} 名奖励、后 ${s.bottom_n} 名扣减 ${fenToWan(s.amount_fen)} 万元`)
    .join('；')
}

/** 前 N / 后 N 按钮上的 N：只有一个方案（或各方案相同）时给出，否则为 null（按钮写「前 N 名」）。 */
export function commonN(scopes: RankingScope[], key: 'top_n' | 'bottom_n'): number | null {
  const ns = new Set(scopes.map((s) => s[key]))
  return ns.size === 1 ? [...ns][0] : null
}
