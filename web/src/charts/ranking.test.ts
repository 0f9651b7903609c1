import { describe, expect, it } from 'vitest'
import type { RankRow } from '../api/figures'
import { rankRowsWithin, rankTableRows } from './ranking'

function row(rank: number, incentive: number): RankRow {
  return {
    rank,
    region_code: `5401${String(rank).padStart(2, '0')}`,
    region_name: `县${rank}`,
    expend_progress: 90 - rank,
    assessed_progress: 85 - rank,
    incentive_fen: incentive,
    allocated_fen: 1_000_000_000,
    expended_fen: 500_000_000 + rank,
    scope_region_code: '540000',
    scope_size: 74,
  }
}
const rows = Array.from({ length: 25 }, (_, i) => row(i + 1, i < 10 ? 2_000_000_000 : i >= 15 ? -2_000_000_000 : 0))

describe('rankTableRows', () => {
  it('shows all rows in rank order with formatted figures', () => {
    const t = rankTableRows([...rows].reverse(), 'all')
    expect(t).toHaveLength(25)
    expect(t[0]).toMatchObject({ rank: 1, progress: '89.00%', assessed: '84.00%', allocated: '1,000.00', incentive: '+2,000.00', incentiveKind: 'reward' })
    expect(t[12]).toMatchObject({ incentive: '—', incentiveKind: 'none' })
    expect(t[24]).toMatchObject({ rank: 25, incentive: '-2,000.00', incentiveKind: 'penalty' })
  })
  it('top 10 and bottom 10 (worst first)', () => {
    expect(rankTableRows(rows, 'top').map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(rankTableRows(rows, 'bottom').map((r) => r.rank)).toEqual([25, 24, 23, 22, 21, 20, 19, 18, 17, 16])
    expect(rankTableRows(rows.slice(0, 3), 'bottom').map((r) => r.rank)).toEqual([3, 2, 1])
  })
  it('filters to a subtree keeping region-wide ranks', () => {
    const within = rankRowsWithin(rows, new Set(['540105', '540120']))
    expect(within.map((r) => r.rank)).toEqual([5, 20])
    expect(rankRowsWithin(rows, null)).toHaveLength(25)
  })
})
