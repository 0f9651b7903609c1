// ECharts option 构造函数：纯函数，不依赖 DOM，便于单元测试。
import zhCN from '../locale/zh-CN'

export interface ProgressInput {
  name: string
  /** 支出进度，0~1 的比例 */
  progress: number
}

export const COLOR_OK = '#1f6fd1'
export const COLOR_BEHIND = '#e6a23c'
export const COLOR_MARK = '#c8161d'

/** 比例转百分数，保留 1 位小数，非法值视为 0。 */
export function toPercent(ratio: number): number {
  if (!Number.isFinite(ratio)) return 0
  return Math.round(ratio * 1000) / 10
}

/**
 * 下级区划资金支出进度柱状图，带“时间进度”标线。
 * 低于时间进度的柱子以警示色显示。
 */
export function progressBarOption(rows: ProgressInput[], timeProgress: number) {
  const t = toPercent(timeProgress)
  const names = rows.map((r) => r.name)
  const data = rows.map((r) => {
    const v = toPercent(r.progress)
    return { value: v, itemStyle: { color: v < t ? COLOR_BEHIND : COLOR_OK } }
  })
  const maxValue = Math.max(100, t, ...data.map((d) => d.value))
  return {
    grid: { left: 48, right: 104, top: 36, bottom: 56, containLabel: false },
    tooltip: {
      trigger: 'axis' as const,
      axisPointer: { type: 'shadow' as const },
      valueFormatter: (v: unknown) => `${v}%`,
    },
    xAxis: {
      type: 'category' as const,
      data: names,
      axisLabel: { interval: 0, rotate: names.length > 8 ? 30 : 0 },
    },
    yAxis: {
      type: 'value' as const,
      min: 0,
      max: Math.ceil(maxValue / 10) * 10,
      axisLabel: { formatter: '{value}%' },
    },
    series: [
      {
        name: zhCN.dashboard.expenditureProgress,
        type: 'bar' as const,
        barMaxWidth: 36,
        data,
        label: { show: true, position: 'top' as const, formatter: '{c}%' },
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: COLOR_MARK, type: 'dashed' as const, width: 2 },
          label: { formatter: `${zhCN.dashboard.timeProgress} ${t}%`, position: 'end' as const, color: COLOR_MARK },
          data: [{ yAxis: t, name: zhCN.dashboard.timeProgress }],
        },
      },
    ],
  }
}
