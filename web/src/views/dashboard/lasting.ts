// 挂图作战的“确权资产”“以工代赈”卡片：纯函数，接收接口数据，返回显示用字符串。
import type { AssetRegistration, WorkReliefSummary } from '../../api/assets'
import zhCN from '../../locale/zh-CN'
import { fenToWan, fenToYuan, formatPct } from '../../utils/format'

const L = zhCN.lasting

/** 件数、人数的千分位（金额用 utils/format）。 */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
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
    value: L.wan(fenToWan(r.value_fen)),
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
    detail: [L.wages(fenToWan(s.wages_fen), fenToYuan(s.wages_per_person_fen)), L.period(from, to)],
  }
}
