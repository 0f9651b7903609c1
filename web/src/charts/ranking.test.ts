import { describe, expect, it } from 'vitest'
import type { RankingScope, RankRow } from '../api/client'
import { rankTableRows, scopeHint } from './ranking'

function row(rank: number | null, incentive: number, size = 25): RankRow {
  const n = rank ?? 99
  return {
    rank,
    region_code: `5401${String(n).padStart(2, '0')}`,
    region_name: `县${n}`,
    expend_progress: rank === null ? null : 90 - n,
    assessed_progress: rank === null ? null : 85 - n,
    incentive_fen: incentive,
    allocated_fen: rank === null ? 0 : 1_000_000_000,
    expended_fen: rank === null ? 0 : 500_000_000 + n,
    scope_region_code: '540000',
    scope_size: size,
  }
}
const scope: RankingScope = { region_code: '540000', region_name: '西藏自治区', size: 25, top_n: 10, bottom_n: 10, amount_fen: 2_000_000_000 }
const rows = [
  ...Array.from({ length: 25 }, (_, i) => row(i + 1, i < 10 ? 2_000_000_000 : i >= 15 ? -2_000_000_000 : 0)),
  row(null, 0),
]

describe('rankTableRows', () => {
  it('shows all rows in rank order, unranked last, with formatted figures', () => {
    const t = rankTableRows([...rows].reverse(), 'all', scope)
    expect(t).toHaveLength(26)
    expect(t[0]).toMatchObject({ rank: 1, place: '1 / 25', progress: '89.00%', assessed: '84.00%', allocated: '1,000.00', incentive: '+2,000.00', incentiveKind: 'reward' })
    expect(t[12]).toMatchObject({ incentive: '—', incentiveKind: 'none' })
    expect(t[24]).toMatchObject({ rank: 25, incentive: '-2,000.00', incentiveKind: 'penalty' })
    expect(t[25]).toMatchObject({ rank: null, place: '—', progress: '—', incentive: '—', incentiveKind: 'none' })
  })
  it('top N and bottom N follow the scheme (worst first), never the unranked', () => {
    expect(rankTableRows(rows, 'top', scope).map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(rankTableRows(rows, 'bottom', scope).map((r) => r.rank)).toEqual([25, 24, 23, 22, 21, 20, 19, 18, 17, 16])
    const three = { ...scope, top_n: 1, bottom_n: 1 }
    expect(rankTableRows(rows, 'top', three).map((r) => r.rank)).toEqual([1])
    expect(rankTableRows(rows, 'bottom', three).map((r) => r.rank)).toEqual([25])
  })
  it('a subtree keeps the scheme-wide places', () => {
    const within = rankTableRows([row(5, 2_000_000_000), row(20, -2_000_000_000), row(null, 0)], 'all', scope)
    expect(within.map((r) => r.place)).toEqual(['5 / 25', '20 / 25', '—'])
    expect(rankTableRows([row(20, -2_000_000_000)], 'bottom', scope).map((r) => r.rank)).toEqual([20])
  })
  it('describes the scheme with its N and amount', () => {
    expect(scopeHint(scope)).toBe('西藏自治区 25 个单位参与排名，前 10 名奖励、后 10 名扣减 2,000.00 万元')
    expect(scopeHint(undefined)).toBe('')
  })
})
