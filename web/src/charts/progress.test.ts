import { describe, expect, it } from 'vitest'
import { progressBarOption } from './progress'
import { COLOR_BEHIND, COLOR_FAR_BEHIND, COLOR_NO_DATA, COLOR_OK, progressColor } from './colors'

describe('progressColor', () => {
  it('compares with time progress', () => {
    expect(progressColor(60, 50.96)).toBe(COLOR_OK)
    expect(progressColor(50.96, 50.96)).toBe(COLOR_OK)
    expect(progressColor(45, 50.96)).toBe(COLOR_BEHIND)
    expect(progressColor(33.59, 50.96)).toBe(COLOR_FAR_BEHIND)
    expect(progressColor(null, 50)).toBe(COLOR_NO_DATA)
  })
})

describe('progressBarOption', () => {
  const rows = [
    { code: '540100', name: '拉萨市', progress: 57.69 },
    { code: '540200', name: '日喀则市', progress: 40 },
    { code: '540300', name: '昌都市', progress: null },
  ]
  const opt = progressBarOption(rows, 50.96)

  it('uses child names as categories', () => {
    expect(opt.xAxis.type).toBe('category')
    expect(opt.xAxis.data).toEqual(['拉萨市', '日喀则市', '昌都市'])
  })

  it('builds one bar series with percent values and codes for drill-down', () => {
    expect(opt.series).toHaveLength(1)
    const s = opt.series[0]
    expect(s.type).toBe('bar')
    expect(s.data.map((d) => d.value)).toEqual([57.69, 40, 0])
    expect(s.data.map((d) => d.code)).toEqual(['540100', '540200', '540300'])
  })

  it('colours bars behind time progress differently', () => {
    expect(opt.series[0].data.map((d) => d.itemStyle.color)).toEqual([COLOR_OK, COLOR_FAR_BEHIND, COLOR_NO_DATA])
  })

  it('adds a time-progress markLine with two decimals', () => {
    const ml = opt.series[0].markLine
    expect(ml.data).toEqual([{ yAxis: 50.96, name: '时间进度' }])
    expect(ml.label.formatter).toBe('时间进度 50.96%')
    expect(opt.series[0].label.formatter({ value: 40 })).toBe('40.00%')
  })

  it('keeps the y axis at least 0..100%', () => {
    expect(opt.yAxis.min).toBe(0)
    expect(opt.yAxis.max).toBe(100)
    expect(progressBarOption([{ name: 'x', progress: 123 }], 50).yAxis.max).toBe(130)
  })

  it('handles empty input', () => {
    const e = progressBarOption([], 25)
    expect(e.xAxis.data).toEqual([])
    expect(e.series[0].data).toEqual([])
    expect(e.series[0].markLine.data[0].yAxis).toBe(25)
  })
})
