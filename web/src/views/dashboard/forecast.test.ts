import { describe, expect, it } from 'vitest'
import type { ForecastRow } from '../../api/forecast'
import { forecastView } from './forecast'

const row = (over: Partial<ForecastRow>): ForecastRow => ({
  region_code: '540102', name: '城关区', level: 'county', parent_name: '拉萨市', status: 'forecast',
  progress_now: 40, forecast: 80, low: 64, high: 90, target: 90, will_miss: true,
  basis: { region_code: '540102', name: '城关区', years: [{ year: 2022, progress_same_day: 50, progress_year_end: 80 }, { year: 2021, progress_same_day: 40, progress_year_end: 90 }] },
  reason: null, ...over,
})

describe('year-end forecast rows', () => {
  it('shows the forecast, its interval, the years used and the miss', () => {
    const v = forecastView(row({}))
    expect([v.now, v.forecast, v.range, v.basis, v.miss]).toEqual(['40.00%', '80.00%', '64.00%–90.00%', '2021、2022年', true])
    expect(v.bar).toEqual({ low: 64, high: 90, point: 80 })
  })
  it('names the ancestor whose years were used, and a point interval is not repeated', () => {
    const v = forecastView(row({ low: 80, high: 80, will_miss: false, basis: { region_code: '540100', name: '拉萨市', years: [{ year: 2022, progress_same_day: null, progress_year_end: null }] } }))
    expect([v.range, v.basis, v.miss]).toEqual(['', '2022年（参照拉萨市）', false])
  })
  it('gives the reason when there is no forecast', () => {
    const v = forecastView(row({ status: 'no_history', forecast: null, low: null, high: null, will_miss: null, basis: null, reason: { code: 'no_history', message: '本级及各上级都没有往年同期的支出进度，不作预测' } }))
    expect([v.forecast, v.range, v.basis, v.miss, v.bar]).toEqual(['—', '', '本级及各上级都没有往年同期的支出进度，不作预测', false, null])
  })
})
