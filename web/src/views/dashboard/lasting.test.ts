import { describe, expect, it } from 'vitest'
import { assetCard, workReliefCard } from './lasting'

describe('lasting-benefit cards', () => {
  it('shows the article figures of the demo', () => {
    const a = assetCard({
      region_code: '540000', region_name: '西藏自治区', assets: 740, registered_assets: 740,
      value_fen: 7_090_000_000_000, registered_value_fen: 7_090_000_000_000, count_rate: 100, value_rate: 100, by_type: [],
    })
    expect(a.value).toBe('7,090,000.00 万元') // a summary: 万元 with two decimals (docs/definitions.md §18)
    expect(a.detail).toEqual(['确权进度（按价值）100.00%', '资产 740 项，已确权 740 项'])
    const w = workReliefCard({
      region_code: '540000', region_name: '西藏自治区', from: '2023-01-01', to: '2023-07-05', persons: 26_887,
      wages_fen: 13_500_000_000, wages_per_person_fen: 502_101, person_days: 0, payments: 0, projects: 0,
      by_household_status: [], relocated_persons: 0, relocated_wages_fen: 0,
    }, '2023-01-01', '2023-07-05')
    expect(w.value).toBe('26,887人')
    expect(w.detail[0]).toBe('劳务报酬 13,500.00 万元，人均 5,021.01 元')
  })
})
