// 图表与表格共用的颜色：按支出进度相对时间进度着色。

export const COLOR_OK = '#1f6fd1'
export const COLOR_BEHIND = '#e6a23c'
export const COLOR_FAR_BEHIND = '#d03050'
export const COLOR_MARK = '#c8161d'
export const COLOR_LAST_YEAR = '#909399'
export const COLOR_NO_DATA = '#c0c4cc'

/**
 * 支出进度相对时间进度的颜色：达到时间进度为蓝，落后不超过 10 个百分点为橙，落后更多为红，无数据为灰。
 */
export function progressColor(progress: number | null | undefined, timeProgress: number): string {
  if (progress === null || progress === undefined || !Number.isFinite(progress)) return COLOR_NO_DATA
  if (progress >= timeProgress) return COLOR_OK
  if (progress >= timeProgress - 10) return COLOR_BEHIND
  return COLOR_FAR_BEHIND
}
