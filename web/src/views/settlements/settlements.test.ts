import { describe, expect, it } from 'vitest'
import { canApprove, canSettle, incentiveText, rankChangeText, rankText, runCsv, whatIfParams } from './settlements'
import type { Settlement } from '../../api/settlements'

describe('奖惩结算', () => {
  it('只有有结算权限的另一用户能审批待审批的批次', () => {
    expect(canSettle('finance_officer')).toBe(true)
    expect(canSettle('county_officer')).toBe(false)
    expect(canApprove({ status: 'draft', run_by: 'a' }, 'b', 'region_officer')).toBe(true)
    expect(canApprove({ status: 'draft', run_by: 'a' }, 'a', 'region_officer')).toBe(false)
    expect(canApprove({ status: 'approved', run_by: 'a' }, 'b', 'region_officer')).toBe(false)
    expect(canApprove({ status: 'draft', run_by: 'a' }, 'b', 'leader')).toBe(false)
  })

  it('金额以万元带正负号，名次与变化可读', () => {
    expect(incentiveText(2_000_000_000)).toBe('+2,000.00')
    expect(incentiveText(-2_000_000_000)).toBe('-2,000.00')
    expect(incentiveText(0)).toBe('—')
    expect(rankText(3, 74)).toBe('第3名/共74')
    expect(rankText(null, 74)).toBe('未排名')
    expect(rankChangeText(4, 1)).toBe('第4名 → 第1名')
  })

  it('导出的 CSV 金额为元，两位小数，不用浮点', () => {
    const run = {
      rows: [
        { rank: 1, region_code: '650201', region_name: '乙一县', expend_progress: 80, assessed_progress: 80, allocated_fen: 200_000_000, expended_fen: 160_000_001, incentive_fen: -2_000_000_000 },
      ],
    } as unknown as Settlement
    const lines = runCsv(run).split('\r\n')
    expect(lines[0].startsWith('\ufeff名次')).toBe(true)
    expect(lines[1]).toBe('1,650201,乙一县,80.00%,80.00%,2000000.00,1600000.01,-20000000.00')
  })
})

describe('奖惩模拟参数', () => {
  it('只带填写的项，金额万元换算为分', () => {
    expect(whatIfParams({ top: 5, bottom: null, amountWan: 1000, metric: '', asOf: '' })).toEqual({ incentive_top_n: 5, incentive_amount_fen: 1_000_000_000 })
    expect(whatIfParams({ top: null, bottom: 0, amountWan: null, metric: 'assessed_progress', asOf: '2023-06-30' })).toEqual({ incentive_bottom_n: 0, metric: 'assessed_progress', as_of: '2023-06-30' })
  })
})
