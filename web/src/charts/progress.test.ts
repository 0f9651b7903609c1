import { describe, expect, it } from 'vitest'
import { progressBarOption, progressBarOptionHorizontal } from './progress'
import { COLOR_BEHIND, COLOR_FAR_BEHIND, COLOR_NO_DATA, COLOR_OK, progressColor, progressLegend } from './colors'
import { behindThresholdPts, policyAt } from './thresholds'

describe('progressColor', () => {
  it('compares with time progress', () => {
    expect(progressColor(60, 50.96)).toBe(COLOR_OK)
    expect(progressColor(50.96, 50.96)).toBe(COLOR_OK)
    expect(progressColor(45, 50.96)).toBe(COLOR_BEHIND)
    expect(progressColor(33.59, 50.96)).toBe(COLOR_FAR_BEHIND)
    expect(progressColor(null, 50)).toBe(COLOR_NO_DATA)
  })
  it('takes the far-behind threshold from the policy', () => {
    expect(progressColor(45, 50.96, 5)).toBe(COLOR_FAR_BEHIND)
    expect(progressColor(45, 50.96, 6)).toBe(COLOR_BEHIND)
    const legend = progressLegend(50.96, 15)
    expect(legend.map((l) => l.color)).toEqual([COLOR_OK, COLOR_BEHIND, COLOR_FAR_BEHIND, COLOR_NO_DATA])
    expect(legend[0].label).toBe('达到时间进度（≥ 50.96%）')
    expect(legend[2].label).toContain('落后超过 15 个百分点')
  })
  it('reads the policy value in force on the date, else the default', () => {
    const items = [
      { key: 'reminder_behind_time_bp', value: 500, effective_from: '2023-01-01', note: '' },
      { key: 'reminder_behind_time_bp', value: 800, effective_from: '2023-08-01', note: '' },
      { key: 'reminder_behind_time_bp', value: 300, effective_from: '2023-01-01', note: '', region_code: '540100' },
      { key: 'posting_days', value: 7, effective_from: '2020-01-01', note: '' },
    ]
    expect(policyAt(items, 'reminder_behind_time_bp', '2023-07-05')).toBe(500)
    expect(behindThresholdPts(items, '2023-07-05')).toBe(5)
    expect(behindThresholdPts(items, '2023-08-01')).toBe(8)
    expect(behindThresholdPts(items, '2022-12-31')).toBe(10)
    expect(behindThresholdPts([], '2023-07-05')).toBe(10)
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
    expect(ml.label.formatter).toBe('时间进度\n50.96%')
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

describe('progressBarOptionHorizontal', () => {
  it('puts every name on the vertical axis with its value and the time-progress line', () => {
    const o = progressBarOptionHorizontal(
      [
        { code: '540100', name: '拉萨市', progress: 57.69 },
        { code: '540600', name: '那曲市', progress: 40 },
      ],
      50.96,
    )
    expect(o.yAxis.data).toEqual(['拉萨市', '那曲市'])
    expect(o.yAxis.axisLabel.interval).toBe(0)
    expect(o.xAxis.type).toBe('value')
    expect(o.series[0].label.show).toBe(true)
    expect(o.series[0].markLine.data).toEqual([{ xAxis: 50.96, name: '时间进度' }])
    expect(o.series[0].data.map((d) => d.itemStyle.color)).toEqual([COLOR_OK, COLOR_FAR_BEHIND])
  })
})
