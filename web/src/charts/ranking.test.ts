import { describe, expect, it } from 'vitest'
import type { RankingScope, RankRow } from '../api/figures'
import { commonN, placeText, rankTableRows, scopeHint } from './ranking'

function row(rank: number | null, incentive: number, size = 25, code = rank ?? 99): RankRow {
  return {
    rank,
    region_code: `5401${String(code).padStart(2, '0')}`,
    region_name: `县${code}`,
    expend_progress: rank === null ? null : 90 - code,
    assessed_progress: rank === null ? null : 85 - code,
    incentive_fen: incentive,
    allocated_fen: rank === null ? 0 : 1_000_000_000,
    expended_fen: rank === null ? 0 : 500_000_000 + code,
    scope_region_code: '540000',
    scope_size: size,
  }
}
// A scheme of 25 ranked counties rewarding the top 3 and penalising the bottom 4 by 500 万元 (not 10 / 2000 万).
const scope: RankingScope = { region_code: '540000', region_name: '西藏自治区', size: 25, top_n: 3, bottom_n: 4, amount_fen: 500_000_000 }
const rows = [
  row(null, 0, 25, 98),
  ...Array.from({ length: 25 }, (_, i) => row(i + 1, i < 3 ? 500_000_000 : i >= 21 ? -500_000_000 : 0)),
  row(null, 0),
]

describe('rankTableRows', () => {
  it('shows every row in rank order, the unranked last, with formatted figures', () => {
    const t = rankTableRows([...rows].reverse(), 'all', [scope])
    expect(t).toHaveLength(27)
    expect(t[0]).toMatchObject({ rank: 1, place: '第1名/共25', progress: '89.00%', assessed: '84.00%', allocated: '1,000.00', incentive: '+500.00', incentiveKind: 'reward' })
    expect(t[12]).toMatchObject({ incentive: '—', incentiveKind: 'none' })
    expect(t[24]).toMatchObject({ rank: 25, place: '第25名/共25', incentive: '-500.00', incentiveKind: 'penalty' })
    expect(t.slice(25).map((r) => [r.rank, r.place, r.progress, r.incentive, r.incentiveKind])).toEqual([
      [null, '未排名', '—', '—', 'none'],
      [null, '未排名', '—', '—', 'none'],
    ])
  })
  it('top N and bottom N are the scheme’s (worst first), never the unranked', () => {
    expect(rankTableRows(rows, 'top', [scope]).map((r) => r.rank)).toEqual([1, 2, 3])
    expect(rankTableRows(rows, 'bottom', [scope]).map((r) => r.rank)).toEqual([25, 24, 23, 22])
    const ten = { ...scope, top_n: 10, bottom_n: 10 }
    expect(rankTableRows(rows, 'top', [ten])).toHaveLength(10)
    expect(rankTableRows(rows, 'bottom', [ten]).map((r) => r.rank)[9]).toBe(16)
    // without the scheme nothing is top or bottom
    expect(rankTableRows(rows, 'top', [])).toEqual([])
  })
  it('a subtree keeps the scheme-wide places (a county officer sees 第20名/共25, not first of one)', () => {
    const within = rankTableRows([row(20, 0), row(5, 0), row(null, 0)], 'all', [scope])
    expect(within.map((r) => r.place)).toEqual(['第5名/共25', '第20名/共25', '未排名'])
    expect(rankTableRows([row(23, -500_000_000)], 'bottom', [scope]).map((r) => r.rank)).toEqual([23])
    expect(rankTableRows([row(20, 0)], 'bottom', [scope])).toEqual([])
  })
})

describe('the scheme in words', () => {
  it('says N and the amount from the policy', () => {
    expect(scopeHint([scope])).toBe('西藏自治区 25 个县参与排名，前 3 名奖励、后 4 名扣减 500.00 万元')
    expect(scopeHint([])).toBe('')
    expect(commonN([scope], 'top_n')).toBe(3)
    expect(commonN([scope, { ...scope, region_code: '530000', top_n: 5 }], 'top_n')).toBeNull()
    expect(commonN([], 'bottom_n')).toBeNull()
    expect(placeText({ rank: 37, scope_size: 74 })).toBe('第37名/共74')
  })
})
