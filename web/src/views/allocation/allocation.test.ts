import { describe, expect, it } from 'vitest'
import { bpToPercent, changedKeys, countyRows, percentToBp } from './allocation'
import type { Allocation } from '../../api/settlements'

function county(code: string, amount: number): Allocation['counties'][number] {
  return {
    region_code: code,
    region_name: code,
    amount_fen: amount,
    factors: { rural_population: 1, lifted_population: 1, monitored_population: 1, area_km2: 1, key_county: false, performance_score: null, incentive_fen: 0, deducted_fen: 0 },
    settlement_run_id: null,
    need_fen: amount,
    provisional_fen: amount,
    adjusted_fen: amount,
    contributions: { rural_population_fen: 0, lifted_population_fen: 0, monitored_population_fen: 0, area_fen: 0, performance_fen: 0, key_county_tilt_fen: 0, incentive_fen: 0, deduction_fen: 0 },
  }
}
function allocation(counties: Allocation['counties']): Allocation {
  return { year: 2024, region_code: '540000', region_name: '西藏自治区', pool_fen: 3000000, total_fen: 3000000, policy_date: '2024-01-01', what_if: false, policy: {}, counties }
}

describe('因素法分配', () => {
  it('converts basis points and percentages exactly, refusing what is out of range or too fine', () => {
    expect(bpToPercent(2000)).toBe(20)
    expect(percentToBp(20)).toBe(2000)
    expect(percentToBp(12.34)).toBe(1234)
    expect(percentToBp(0.07)).toBe(7)
    expect(percentToBp(12.345)).toBeNull()
    expect(percentToBp(100.01)).toBeNull()
    expect(percentToBp(-1)).toBeNull()
  })
  it('sends only the parameters that differ from the policy in force', () => {
    const current = { allocation_weight_area_bp: 1000, allocation_floor_bp: 0 }
    expect(changedKeys(current, { allocation_weight_area_bp: 1000, allocation_floor_bp: 0 })).toEqual({})
    expect(changedKeys(current, { allocation_weight_area_bp: 1500, allocation_floor_bp: 0, other: 5 })).toEqual({ allocation_weight_area_bp: 1500 })
  })
  it('pairs each county with its what-if amount and the change', () => {
    const now = allocation([county('A', 2000000), county('B', 1000000)])
    expect(countyRows(now, null).map((r) => [r.region_code, r.what_if_fen, r.change_fen])).toEqual([
      ['A', null, null],
      ['B', null, null],
    ])
    const then = allocation([county('B', 2000000), county('A', 1000000)])
    expect(countyRows(now, then).map((r) => [r.region_code, r.what_if_fen, r.change_fen])).toEqual([
      ['A', 1000000, -1000000],
      ['B', 2000000, 1000000],
    ])
    expect(countyRows(null, then)).toEqual([])
  })
})
