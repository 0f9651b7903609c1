import { describe, expect, it } from 'vitest'
import { progressBarOption, toPercent, COLOR_BEHIND, COLOR_OK } from './progress'

describe('toPercent', () => {
  it('converts ratio to percent with one decimal', () => {
    expect(toPercent(0.4567)).toBe(45.7)
    expect(toPercent(1)).toBe(100)
    expect(toPercent(Number.NaN)).toBe(0)
  })
})

describe('progressBarOption', () => {
  const rows = [
    { name: '拉萨市', progress: 0.82 },
    { name: '日喀则市', progress: 0.41 },
    { name: '昌都市', progress: 0.6 },
  ]
  const opt = progressBarOption(rows, 0.5)

  it('uses child names as categories', () => {
    expect(opt.xAxis.type).toBe('category')
    expect(opt.xAxis.data).toEqual(['拉萨市', '日喀则市', '昌都市'])
  })

  it('builds one bar series with percent values', () => {
    expect(opt.series).toHaveLength(1)
    const s = opt.series[0]
    expect(s.type).toBe('bar')
    expect(s.data.map((d) => d.value)).toEqual([82, 41, 60])
  })

  it('colours bars behind time progress differently', () => {
    const colors = opt.series[0].data.map((d) => d.itemStyle.color)
    expect(colors).toEqual([COLOR_OK, COLOR_BEHIND, COLOR_OK])
  })

  it('adds a time-progress markLine', () => {
    const ml = opt.series[0].markLine
    expect(ml.data).toEqual([{ yAxis: 50, name: '时间进度' }])
    expect(ml.label.formatter).toBe('时间进度 50%')
  })

  it('keeps the y axis at least 0..100%', () => {
    expect(opt.yAxis.min).toBe(0)
    expect(opt.yAxis.max).toBe(100)
    expect(progressBarOption([{ name: 'x', progress: 1.23 }], 0.5).yAxis.max).toBe(130)
  })

  it('handles empty input', () => {
    const e = progressBarOption([], 0.25)
    expect(e.xAxis.data).toEqual([])
    expect(e.series[0].data).toEqual([])
    expect(e.series[0].markLine.data[0].yAxis).toBe(25)
  })
})
