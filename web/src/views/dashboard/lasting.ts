// 挂图作战的“确权资产”“以工代赈”卡片：纯函数，接收接口数据，返回显示用字符串。
import type { AssetRegistration, WorkReliefSummary } from '../../api/assets'
import zhCN from '../../locale/zh-CN'
import { formatPct } from '../../utils/format'

const L = zhCN.lasting

const FEN_PER_YI = 10_000_000_000n // 1 亿元
const FEN_PER_YUAN = 100n

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** 分 → 亿元，两位小数，四舍五入：7090000000000 → "709.00"。 */
export function fenToYi(fen: number): string {
  const v = BigInt(fen)
  const centi = (v * 100n + FEN_PER_YI / 2n) / FEN_PER_YI
  return `${groupThousands((centi / 100n).toString())}.${(centi % 100n).toString().padStart(2, '0')}`
}

/** 分 → 整元，四舍五入，带千分位：502101 → "5,021"。 */
export function fenToWholeYuan(fen: number): string {
  const v = BigInt(fen)
  return groupThousands(((v + FEN_PER_YUAN / 2n) / FEN_PER_YUAN).toString())
}

export interface LastingCard {
  key: 'assets' | 'work_relief'
  label: string
  value: string
  detail: string[]
}

export function assetCard(r: AssetRegistration): LastingCard {
  return {
    key: 'assets',
    label: L.assetsLabel,
    value: L.yi(fenToYi(r.value_fen)),
    detail: [
      L.registeredByValue(formatPct(r.value_rate ?? null)),
      L.assetCount(groupThousands(String(r.assets)), groupThousands(String(r.registered_assets))),
    ],
  }
}

export function workReliefCard(s: WorkReliefSummary, from: string, to: string): LastingCard {
  return {
    key: 'work_relief',
    label: L.workReliefLabel,
    value: L.persons(groupThousands(String(s.persons))),
    detail: [L.wages(fenToYi(s.wages_fen), fenToWholeYuan(s.wages_per_person_fen)), L.period(from, to)],
  }
}
