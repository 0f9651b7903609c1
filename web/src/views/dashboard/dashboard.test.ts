import { describe, expect, it } from 'vitest'
import type { Indicators } from '../../api/figures'
import { headlineCards, minorStats } from './cards'
import { completeState, moveAsOfToYear, parseQuery, toQuery, yearOptions } from './state'

function ind(over: Partial<Indicators>): Indicators {
  return {
    region_code: '540000', region_name: '西藏自治区', region_level: 'province', year: 2023, as_of: '2023-07-05',
    fund_source: 'central', projects_total: 3900, projects_started: 3890, start_rate: 99.74, start_rate_yoy_pts: 17,
    projects_finished: 968, completion_rate: 24.82, allocated_fen: 557962000000, expended_fen: 303587124200,
    disbursed_fen: 303587124200, expend_progress: 54.41, expend_progress_yoy_pts: 33, assessed_progress: 52,
    time_progress: 50.96, on_track: true, allocated_to_projects_fen: 502128000000, distribute_progress: 89.99,
    disburse_as_expend_fen: 8467344173, pay_ahead_fen: 4964202799, industry_planned_fen: 383207000000,
    planned_total_fen: 502128000000, industry_share: 76.32, ...over,
  }
}

describe('headlineCards', () => {
  it('shows the demo headline figures with year-on-year points', () => {
    const [start, expend, time, track] = headlineCards(ind({}), null)
    expect(start).toMatchObject({ value: '99.74%', yoy: '同比 +17.00 个百分点', yoyTone: 'good', parent: '上级平均：暂无' })
    expect(start.note).toBe('已开工 3890 / 3900 个')
    expect(expend).toMatchObject({ value: '54.41%', yoy: '同比 +33.00 个百分点', tone: 'good' })
    expect(expend.note).toBe('支出 303,587.12 / 下达 557,962.00 万元')
    expect(time.value).toBe('50.96%')
    expect(track.value).toBe('已实现')
  })
  it('compares with the parent average and flags lagging regions', () => {
    const cur = ind({ region_name: '曲水县', expend_progress: 33.59, expend_progress_yoy_pts: -2.5, on_track: false })
    const cards = headlineCards(cur, ind({ region_name: '拉萨市', expend_progress: 57.69, start_rate: 100 }))
    expect(cards[0].parent).toBe('拉萨市平均 100.00%')
    expect(cards[1]).toMatchObject({ parent: '拉萨市平均 57.69%', tone: 'bad', yoyTone: 'bad', yoy: '同比 -2.50 个百分点' })
    expect(cards[3]).toMatchObject({ value: '未实现', tone: 'bad' })
  })
  it('compares each headline figure with the national average and the best earlier year, where known', () => {
    const cur = ind({
      comparisons: {
        start_rate: { national: { value: 84, date: '2023-06-30' }, best_earlier: { value: 82.74, year: 2022 } },
        expend_progress: { national: null, best_earlier: { value: null, year: 2022 } },
      },
    })
    const [start, expend, time] = headlineCards(cur, null)
    expect(start.compare).toEqual(['全国平均 84.00%', '历史最好 82.74%（2022）'])
    expect(start.compareTitle).toMatch(/2023-06-30/)
    expect(expend.compare).toEqual([])
    expect(time.compare).toEqual([])
    const onlyBest = ind({ comparisons: { start_rate: { national: null, best_earlier: { value: 70.5, year: 2021 } }, expend_progress: { national: { value: 36, date: '2023-06-30' }, best_earlier: null } } })
    expect(headlineCards(onlyBest, null).map((c) => c.compare).slice(0, 2)).toEqual([['历史最好 70.50%（2021）'], ['全国平均 36.00%']])
    expect(headlineCards(ind({}), null)[0].compare).toEqual([])
  })
  it('handles a year without data', () => {
    const cards = headlineCards(ind({ start_rate: null, start_rate_yoy_pts: null, expend_progress: null, expend_progress_yoy_pts: null, on_track: null }), null)
    expect(cards[0]).toMatchObject({ value: '—', yoy: '' })
    expect(cards[3].value).toBe('无资金数据')
  })
  it('lists minor stats in 万元 and percent', () => {
    const m = minorStats(ind({}))
    expect(m.find((x) => x.key === 'disburse_as_expend_fen')!.value).toBe('8,467.34 万元')
    expect(m.find((x) => x.key === 'assessed_progress')!.value).toBe('52.00%')
    // 以拨代支、超进度拨款 lead to their flags
    expect(m.filter((x) => x.flagKind).map((x) => [x.key, x.flagKind])).toEqual([
      ['disburse_as_expend_fen', 'disburse_as_expend'],
      ['pay_ahead_fen', 'pay_ahead_of_progress'],
    ])
  })
})

describe('dashboard URL state', () => {
  it('parses and round-trips the query', () => {
    const p = parseQuery({ region: '540100', year: '2023', as_of: '2023-07-05' })
    expect(p).toEqual({ region: '540100', year: 2023, asOf: '2023-07-05' })
    expect(toQuery({ region: '540100', year: 2023, asOf: '2023-07-05' })).toEqual({ region: '540100', year: '2023', as_of: '2023-07-05' })
  })
  it('ignores invalid values', () => {
    expect(parseQuery({ region: 'x', year: '23', as_of: '2023-02-30' })).toEqual({})
  })
  it('completes partial state', () => {
    expect(completeState({}, '540000', '2026-11-28')).toBeNull()
    expect(completeState({ year: 2022 }, '540000', '2026-11-28')).toEqual({ region: '540000', year: 2022, asOf: '2022-12-31' })
    expect(completeState({ year: 2026 }, '540000', '2026-11-28')).toEqual({ region: '540000', year: 2026, asOf: '2026-11-28' })
    expect(completeState({ asOf: '2023-07-05', region: '540100' }, '540000', '2026-11-28')).toEqual({ region: '540100', year: 2023, asOf: '2023-07-05' })
  })
  it('moves the as-of date to another year', () => {
    expect(moveAsOfToYear('2023-07-05', 2022)).toBe('2022-07-05')
    expect(moveAsOfToYear('2024-02-29', 2023)).toBe('2023-02-28')
    expect(yearOptions('2026-11-28', 3)).toEqual([2026, 2025, 2024])
  })
})
