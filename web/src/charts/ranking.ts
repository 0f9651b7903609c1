// 县区排名表的行：纯函数，按视图（全部 / 前 N / 后 N）筛选并标出奖惩。
import type { RankRow } from '../api/figures'
import { fenToWan, fenToWanSigned, formatPct } from '../utils/format'

export type RankView = 'all' | 'top' | 'bottom'

export interface RankTableRow {
  /** 在奖惩方案排名中的名次；未下达资金的县为 null（不参与排名，列在最后） */
  rank: number | null
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

export function rankTableRows(rows: RankRow[], view: RankView, n = 10): RankTableRow[] {
  const ranked = rows.filter((r) => r.rank !== null).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
  let picked = [...ranked, ...rows.filter((r) => r.rank === null)]
  if (view === 'top') picked = ranked.slice(0, n)
  if (view === 'bottom') picked = ranked.slice(Math.max(ranked.length - n, 0)).reverse()
  return picked.map((r) => ({
    rank: r.rank,
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

/** 只保留子树内的县（codes 为空时全部保留）；名次保持全区排名。 */
export function rankRowsWithin(rows: RankRow[], codes: Set<string> | null): RankRow[] {
  if (!codes) return rows
  return rows.filter((r) => codes.has(r.region_code))
}
