// 挂图作战“预计年末进度”（docs/definitions.md §21）：每个单位一行，当前进度、预计年末进度、区间与依据，
// 预计未达标的标出。纯函数。
import type { ForecastRow } from '../../api/forecast'
import { formatPct } from '../../utils/format'

export interface ForecastView {
  code: string
  name: string
  now: string
  forecast: string
  /** 「80.00%–90.00%」；区间为一点或无预测时为空 */
  range: string
  /** 依据：「2021、2022年」，用上级的往年时注明「（参照拉萨市）」；无预测时为原因 */
  basis: string
  miss: boolean
  /** 0–100 的位置（进度条）：区间与预测点，无预测时为 null */
  bar: { low: number; high: number; point: number } | null
}

export function forecastView(r: ForecastRow): ForecastView {
  const has = r.forecast !== null && r.low !== null && r.high !== null
  let basis = r.reason?.message ?? ''
  if (r.status === 'actual') basis = '年度已结束，为年末实际数'
  else if (r.basis) {
    const years = [...r.basis.years].map((y) => y.year).sort((a, b) => a - b).join('、')
    basis = `${years}年` + (r.basis.region_code !== r.region_code ? `（参照${r.basis.name}）` : '')
  }
  return {
    code: r.region_code,
    name: r.name,
    now: formatPct(r.progress_now),
    forecast: formatPct(r.forecast),
    range: has && r.low !== r.high ? `${formatPct(r.low)}–${formatPct(r.high)}` : '',
    basis,
    miss: r.will_miss === true,
    bar: has ? { low: r.low as number, high: r.high as number, point: r.forecast as number } : null,
  }
}
