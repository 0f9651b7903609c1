// 县区排名表的行：纯函数，按视图（全部 / 前 N / 后 N）筛选并标出奖惩。名次与 N 都来自服务端的奖惩方案：
// 名次是方案范围（默认省级）内的名次，不在所看的子树内重排；未下达资金的县没有名次，排在最后。
import type { RankingScope, RankRow } from '../api/client'
import { fenToWan, fenToWanSigned, formatPct } from '../utils/format'

export type RankView = 'all' | 'top' | 'bottom'

export interface RankTableRow {
  /** 名次；未参与排名（无资金）为 null */
  rank: number | null
  /** 显示用：「3 / 74」或「—」 */
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

/** 未排名的放在最后，其余按名次。 */
function byRank(a: RankRow, b: RankRow): number {
  if (a.rank === null || b.rank === null) return a.rank === null ? (b.rank === null ? 0 : 1) : -1
  return a.rank - b.rank
}

/**
 * 视图的行。前 N / 后 N 按方案的 N：前 N 为名次 ≤ top_n，后 N 为名次 > size − bottom_n（最差在前）。
 * scope 缺省时（旧数据）前 N / 后 N 按奖惩金额的正负筛选。
 */
export function rankTableRows(rows: RankRow[], view: RankView, scope?: RankingScope): RankTableRow[] {
  const sorted = [...rows].sort(byRank)
  let picked = sorted
  if (view === 'top') {
    picked = sorted.filter((r) => r.rank !== null && (scope ? r.rank <= scope.top_n : r.incentive_fen > 0))
  }
  if (view === 'bottom') {
    picked = sorted
      .filter((r) => r.rank !== null && (scope ? r.rank > r.scope_size - scope.bottom_n : r.incentive_fen < 0))
      .reverse()
  }
  return picked.map((r) => ({
    rank: r.rank,
    place: r.rank === null ? '—' : `${r.rank} / ${r.scope_size}`,
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

/** 方案说明：「测试省 4 个县参与排名，前 1 名奖励、后 1 名扣减 2,000.00 万元」。 */
export function scopeHint(scope: RankingScope | undefined): string {
  if (!scope) return ''
  return `${scope.region_name} ${scope.size} 个单位参与排名，前 ${scope.top_n} 名奖励、后 ${scope.bottom_n} 名扣减 ${fenToWan(scope.amount_fen)} 万元`
}
