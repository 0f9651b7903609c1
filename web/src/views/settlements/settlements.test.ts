import { describe, expect, it } from 'vitest'
import { canApprove, canSettle, incentiveText, lastApproved, rankChangeText, rankText, runCsv, settledDiffs, whatIfParams } from './settlements'
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

  it('导出的 CSV：标题写明批次与筛选，列名同屏幕，金额为元到分，合计按整数分相加', () => {
    const run = {
      run_id: 7, region_code: '650200', region_name: '乙市', year: 2023, as_of: '2023-12-31', metric: 'assessed_progress',
      rows: [
        { rank: 1, region_code: '650201', region_name: '乙一县', expend_progress: 80, assessed_progress: 80, allocated_fen: 200_000_000, expended_fen: 160_000_001, incentive_fen: -2_000_000_000 },
        { rank: null, region_code: '650202', region_name: '乙二县', expend_progress: 50, assessed_progress: 49.5, allocated_fen: 9_007_199_254_740_991, expended_fen: 1, incentive_fen: 0 },
      ],
    } as unknown as Settlement
    const lines = runCsv(run).split('\r\n')
    expect(lines[0]).toBe('\ufeff乙市（650200） 2023年 奖惩结算 第 7 批（截至 2023-12-31、排名指标：考核支出进度）')
    expect(lines[1]).toBe('单位：元')
    expect(lines[2]).toBe('名次,县（区）,区划代码,支出进度,考核支出进度,下达（元）,支出（元）,奖惩（元）')
    expect(lines[3]).toBe('1,乙一县,650201,80.00%,80.00%,2000000.00,1600000.01,-20000000.00')
    expect(lines[4]).toBe('未排名,乙二县,650202,50.00%,49.50%,90071992547409.91,0.01,0.00')
    // 2⁵³ − 1 + 200,000,000 fen is beyond a double's integers: the 合计 is exact only in BigInt
    expect(lines[5]).toBe('合计,,,,,90071994547409.91,1600000.02,-20000000.00')
    expect(lines[6]).toBe('')
  })
})

describe('奖惩模拟参数', () => {
  it('只带填写的项，金额万元换算为分', () => {
    expect(whatIfParams({ top: 5, bottom: null, amountWan: 1000, metric: '', asOf: '' })).toEqual({ incentive_top_n: 5, incentive_amount_fen: 1_000_000_000 })
    expect(whatIfParams({ top: null, bottom: 0, amountWan: null, metric: 'assessed_progress', asOf: '2023-06-30' })).toEqual({ incentive_bottom_n: 0, metric: 'assessed_progress', as_of: '2023-06-30' })
  })
})

describe('挂图作战与已审批结算比较', () => {
  const run = (status: string, rows: { region_code: string; rank: number | null; incentive_fen: number }[]) => ({ status, rows }) as unknown as Settlement
  it('取最近一次已审批的批次，只标出名次或金额变了的县', () => {
    const approved = run('approved', [
      { region_code: 'A', rank: 1, incentive_fen: 2_000_000_000 },
      { region_code: 'B', rank: 2, incentive_fen: 0 },
      { region_code: 'C', rank: 3, incentive_fen: -2_000_000_000 },
    ])
    expect(lastApproved([run('draft', approved.rows), approved], ['B'])).toBe(approved)
    expect(lastApproved([run('draft', approved.rows)], ['B'])).toBeNull()
    const now = [
      { region_code: 'A', rank: 2, incentive_fen: 0 },
      { region_code: 'B', rank: 1, incentive_fen: 2_000_000_000 },
      { region_code: 'C', rank: 3, incentive_fen: -2_000_000_000 },
      { region_code: 'D', rank: null, incentive_fen: 0 },
    ]
    expect([...settledDiffs(now, approved)]).toEqual([['A', '第1名 +2,000.00'], ['B', '第2名 —']])
    expect(settledDiffs(now, null).size).toBe(0)
  })
})
