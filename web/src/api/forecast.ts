// 年末支出进度预测（issue #22 point 4）：本级与各下级预计年末的中央资金支出进度、区间与是否未达标。口径见 docs/definitions.md §21。
import { request, type Schema } from './request'

/** 本级、直接下级与子树内预计未达标的县。百分数两位小数；target 为年末目标（100 − 落后阈值）。 */
export type Forecast = Schema<'Forecast'>
/** 一个单位的预测：forecast 与区间 [low, high]；无预测时 reason 说明原因。 */
export type ForecastRow = Schema<'ForecastRow'>

/** GET /api/v1/forecast */
export function getForecast(q: { region: string; year: number; as_of: string }): Promise<Forecast> {
  return request<Forecast>('/api/v1/forecast', { ...q })
}
