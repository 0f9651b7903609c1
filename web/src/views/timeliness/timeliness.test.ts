import { describe, expect, it } from 'vitest'
import { measureText, receiptRows, summarize } from './timeliness'
import type { Timeliness, TimelinessMeasure } from '../../api/timeliness'

function measure(days: number, done_on: string | null, breach = days > 30): TimelinessMeasure {
  return { receipt_id: 'x', received_on: '2023-03-01', amount_fen: 1, cumulative_fen: 1, done_on, days, limit_days: 30, breach }
}

const report: Timeliness = {
  region_code: '540000',
  year: 2023,
  as_of: '2023-07-05',
  units: [
    {
      region_code: '540100',
      region_name: '拉萨市',
      level: 'prefecture',
      fund_year: 2023,
      late_allocation: 1,
      late_distribution: 0,
      receipts: [
        { receipt_id: '藏财农〔2023〕21号', date: '2023-01-28', amount_fen: 100, cumulative_fen: 100, note: '第2批', allocation: measure(34, '2023-03-03'), distribution: measure(3, '2023-01-31') },
      ],
    },
    {
      region_code: '540102',
      region_name: '城关区',
      level: 'county',
      fund_year: 2023,
      late_allocation: 0,
      late_distribution: 1,
      receipts: [
        { receipt_id: 'a', date: '2023-02-01', amount_fen: 60, cumulative_fen: 60, note: '', allocation: null, distribution: measure(12, '2023-02-13') },
        { receipt_id: 'b', date: '2023-03-01', amount_fen: 40, cumulative_fen: 100, note: '', allocation: null, distribution: measure(126, null) },
      ],
    },
  ],
}

describe('资金分配时效', () => {
  it('flattens each unit’s receipts in order, a county without an onward measure', () => {
    const rows = receiptRows(report)
    expect(rows.map((r) => r.key)).toEqual(['540100|藏财农〔2023〕21号', '540102|a', '540102|b'])
    expect(rows[1].allocation).toBeNull()
    expect(rows.map((r) => r.breach)).toEqual([true, false, true])
    expect(receiptRows(null)).toEqual([])
  })
  it('adds up units, receipts and the two kinds of breach', () => {
    expect(summarize(report)).toEqual({ units: 2, receipts: 3, lateAllocation: 1, lateDistribution: 1 })
    expect(summarize(null)).toEqual({ units: 0, receipts: 0, lateAllocation: 0, lateDistribution: 0 })
  })
  it('says done with its day, or how long it has been running', () => {
    expect(measureText(measure(34, '2023-03-03'))).toBe('34 天（2023-03-03 完成）')
    expect(measureText(measure(126, null))).toBe('已 126 天未完成')
  })
})
