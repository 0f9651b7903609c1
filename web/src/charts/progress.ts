// 下级支出进度柱状图：纯函数，不依赖 DOM，便于单元测试。
import zhCN from '../locale/zh-CN'
import { COLOR_MARK, DEFAULT_BEHIND_PTS, progressColor } from './colors'

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
export function progressBarOption(rows: ProgressInput[], timeProgress: number, behindPts: number = DEFAULT_BEHIND_PTS) {
  const t = Number.isFinite(timeProgress) ? timeProgress : 0
  const names = rows.map((r) => r.name)
  const data = rows.map((r) => ({
    value: r.progress ?? 0,
    code: r.code,
    itemStyle: { color: progressColor(r.progress, t, behindPts) },
  }))
  const maxValue = Math.max(100, t, ...data.map((d) => d.value))
  return {
    // 右侧留出时间进度标线的文字（在线的右端之外，不压住最后一根柱的数值）
    grid: { left: 16, right: 64, top: 32, bottom: 8, containLabel: true },
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
          label: { formatter: `${zhCN.dashboard.timeProgress}\n${t.toFixed(2)}%`, position: 'end' as const, color: COLOR_MARK, fontWeight: 'bold' as const },
          data: [{ yAxis: t, name: zhCN.dashboard.timeProgress }],
        },
      },
    ],
  }
}

/** 横向柱状图（手机等窄屏）：单位名称在纵轴，每行一个，名称与数值都不需旋转或省略。 */
export function progressBarOptionHorizontal(rows: ProgressInput[], timeProgress: number, behindPts: number = DEFAULT_BEHIND_PTS) {
  const v = progressBarOption(rows, timeProgress, behindPts)
  const s = v.series[0]
  return {
    grid: { left: 8, right: 56, top: 36, bottom: 8, containLabel: true },
    tooltip: v.tooltip,
    yAxis: { type: 'category' as const, data: v.xAxis.data, inverse: true, axisLabel: { interval: 0 } },
    xAxis: { ...v.yAxis, splitNumber: 4 },
    series: [
      {
        ...s,
        label: { ...s.label, show: true, position: 'right' as const },
        markLine: {
          ...s.markLine,
          label: { ...s.markLine.label, formatter: `${zhCN.dashboard.timeProgress} ${timeProgress.toFixed(2)}%`, position: 'start' as const },
          data: [{ xAxis: s.markLine.data[0].yAxis, name: zhCN.dashboard.timeProgress }],
        },
      },
    ],
  }
}
