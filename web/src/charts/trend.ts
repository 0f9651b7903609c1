// 累计支出进度月度走势（本年与上年）：纯函数。
import zhCN from '../locale/zh-CN'
import { COLOR_LAST_YEAR, COLOR_MARK, COLOR_OK } from './colors'

export interface TrendInput {
  year: number
  /** 第 i 项为 i+1 月末（或截止日）的累计支出进度，百分数；未到或无数据为 null */
  points: (number | null)[]
}

/** 某年第 month 月末的时间进度（百分数，两位小数）。 */
export function monthEndTimeProgress(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  const days = leap ? 366 : 365
  const dayOfYear = Math.round((Date.UTC(year, month, 0) - Date.UTC(year, 0, 0)) / 86_400_000)
  return Math.round((dayOfYear / days) * 10000) / 100
}

export function trendOption(current: TrendInput, previous: TrendInput | null) {
  const months = Array.from({ length: 12 }, (_, i) => zhCN.dashboard.month(i + 1))
  const pad = (p: (number | null)[]) => Array.from({ length: 12 }, (_, i) => p[i] ?? null)
  const series: Record<string, unknown>[] = [
    {
      name: zhCN.dashboard.thisYear(current.year),
      type: 'line',
      data: pad(current.points),
      symbolSize: 7,
      lineStyle: { width: 3, color: COLOR_OK },
      itemStyle: { color: COLOR_OK },
      connectNulls: false,
    },
  ]
  if (previous) {
    series.push({
      name: zhCN.dashboard.lastYear(previous.year),
      type: 'line',
      data: pad(previous.points),
      symbolSize: 5,
      lineStyle: { width: 2, color: COLOR_LAST_YEAR, type: 'dashed' },
      itemStyle: { color: COLOR_LAST_YEAR },
    })
  }
  series.push({
    name: zhCN.dashboard.timeProgress,
    type: 'line',
    data: Array.from({ length: 12 }, (_, i) => monthEndTimeProgress(current.year, i + 1)),
    symbol: 'none',
    lineStyle: { width: 1, color: COLOR_MARK, type: 'dotted' },
    itemStyle: { color: COLOR_MARK },
  })
  return {
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    legend: { top: 4 },
    tooltip: {
      trigger: 'axis' as const,
      valueFormatter: (v: unknown) => (v === null || v === undefined ? '—' : `${Number(v).toFixed(2)}%`),
    },
    xAxis: { type: 'category' as const, data: months, boundaryGap: false },
    yAxis: { type: 'value' as const, min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series,
  }
}
