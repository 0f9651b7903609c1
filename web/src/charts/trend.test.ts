import { describe, expect, it } from 'vitest'
import { monthEndTimeProgress, trendOption } from './trend'

describe('monthEndTimeProgress', () => {
  it('is the share of the year passed at month end', () => {
    expect(monthEndTimeProgress(2023, 12)).toBe(100)
    expect(monthEndTimeProgress(2023, 1)).toBe(8.49) // 31/365
    expect(monthEndTimeProgress(2024, 2)).toBe(16.39) // 60/366
  })
})

describe('trendOption', () => {
  it('draws this year, last year and the time-progress line over 12 months', () => {
    const o = trendOption({ year: 2023, points: [5, 10.5, null] }, { year: 2022, points: [1, 2, 3, 4] })
    expect(o.xAxis.data).toHaveLength(12)
    expect(o.xAxis.data[0]).toBe('1月')
    expect(o.series.map((s) => s.name)).toEqual(['2023年', '2022年', '时间进度'])
    expect((o.series[0].data as unknown[]).slice(0, 4)).toEqual([5, 10.5, null, null])
    expect((o.series[1].data as unknown[]).slice(0, 5)).toEqual([1, 2, 3, 4, null])
    expect((o.series[2].data as number[])[11]).toBe(100)
  })
  it('works without last year', () => {
    const o = trendOption({ year: 2023, points: [] }, null)
    expect(o.series).toHaveLength(2)
    expect(o.tooltip.valueFormatter(null)).toBe('—')
    expect(o.tooltip.valueFormatter(54.4)).toBe('54.40%')
  })
})
