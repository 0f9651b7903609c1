// 下级支出进度柱状图：纯函数，不依赖 DOM，便于单元测试。
import zhCN from '../locale/zh-CN'
import { COLOR_MARK, progressColor } from './colors'

export interface ProgressInput {
  /** 区划代码：点击柱形时用于下钻 */
  code?: string
  name: string
  /** 支出进度，百分数（54.41），无资金时为 null */
  progress: number | null
}

/**
 * 下级区划资金支出进度柱状图，带“时间进度”标线（百分数）。柱形按 progressColor 着色，
 * 每个数据项带 code 以便点击下钻。
 */
export function progressBarOption(rows: ProgressInput[], timeProgress: number) {
  const t = Number.isFinite(timeProgress) ? timeProgress : 0
  const names = rows.map((r) => r.name)
  const data = rows.map((r) => ({
    value: r.progress ?? 0,
    code: r.code,
    itemStyle: { color: progressColor(r.progress, t) },
  }))
  const maxValue = Math.max(100, t, ...data.map((d) => d.value))
  return {
    grid: { left: 16, right: 24, top: 32, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis' as const,
      axisPointer: { type: 'shadow' as const },
      valueFormatter: (v: unknown) => `${Number(v).toFixed(2)}%`,
    },
    xAxis: {
      type: 'category' as const,
      data: names,
      axisLabel: { interval: 0, rotate: names.length > 8 ? 40 : 0 },
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
        cursor: 'pointer',
        data,
        label: {
          show: names.length <= 12,
          position: 'top' as const,
          formatter: (p: { value?: unknown }) => (typeof p.value === 'number' ? `${p.value.toFixed(2)}%` : ''),
        },
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: COLOR_MARK, type: 'dashed' as const, width: 2 },
          label: { formatter: `${zhCN.dashboard.timeProgress} ${t.toFixed(2)}%`, position: 'insideEndTop' as const, color: COLOR_MARK, fontWeight: 'bold' as const },
          data: [{ yAxis: t, name: zhCN.dashboard.timeProgress }],
        },
      },
    ],
  }
}
