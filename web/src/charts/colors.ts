// 图表与表格共用的颜色：按支出进度相对时间进度着色。
// 红、橙的分界为政策值 reminder_behind_time_bp（落后时间进度超过该值的县收到督办提醒，docs/definitions.md §7），
// 由调用方从 /api/v1/library/policies 读取（见 thresholds.ts），缺省 10 个百分点。

export const COLOR_OK = '#1f6fd1'
export const COLOR_BEHIND = '#e6a23c'
export const COLOR_FAR_BEHIND = '#d03050'
export const COLOR_MARK = '#c8161d'
export const COLOR_LAST_YEAR = '#909399'
export const COLOR_NO_DATA = '#c0c4cc'

/** reminder_behind_time_bp 的缺省值（1000 = 10 个百分点），与 src/domain/policy.cpp 相同。 */
export const DEFAULT_BEHIND_PTS = 10

/**
 * 支出进度相对时间进度的颜色：达到时间进度为蓝，落后不超过 behindPts 个百分点为橙，落后更多为红，无数据为灰。
 */
export function progressColor(
  progress: number | null | undefined,
  timeProgress: number,
  behindPts: number = DEFAULT_BEHIND_PTS,
): string {
  if (progress === null || progress === undefined || !Number.isFinite(progress)) return COLOR_NO_DATA
  if (progress >= timeProgress) return COLOR_OK
  if (progress >= timeProgress - behindPts) return COLOR_BEHIND
  return COLOR_FAR_BEHIND
}

export interface LegendItem {
  key: 'ok' | 'behind' | 'far_behind' | 'no_data'
  color: string
  label: string
}

/** 图例：与 progressColor 的分档一一对应，阈值写明数值（时间进度与政策阈值）。 */
export function progressLegend(timeProgress: number, behindPts: number = DEFAULT_BEHIND_PTS): LegendItem[] {
  const t = `${timeProgress.toFixed(2)}%`
  const n = Number.isInteger(behindPts) ? String(behindPts) : behindPts.toFixed(2)
  return [
    { key: 'ok', color: COLOR_OK, label: `达到时间进度（≥ ${t}）` },
    { key: 'behind', color: COLOR_BEHIND, label: `落后不超过 ${n} 个百分点` },
    { key: 'far_behind', color: COLOR_FAR_BEHIND, label: `落后超过 ${n} 个百分点（督办提醒）` },
    { key: 'no_data', color: COLOR_NO_DATA, label: '无支出数据' },
  ]
}
