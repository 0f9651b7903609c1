// 资金分配时效（issue #19 point 5）：上级下达到本级分配下达、分配到项目的天数与超时。口径见 docs/definitions.md §12。
import { request, type Schema } from './request'

/** 子树内有该资金年度上级下达登记的各单位，按区划树顺序。 */
export type Timeliness = Schema<'Timeliness'>
/** 一笔上级下达的一项时效：完成日期（未完成为 null）、天数、时限、是否超时。 */
export type TimelinessMeasure = Schema<'TimelinessMeasure'>

/** GET /api/v1/timeliness */
export function getTimeliness(q: { region?: string; year: number; as_of: string }): Promise<Timeliness> {
  return request<Timeliness>('/api/v1/timeliness', { ...q })
}
