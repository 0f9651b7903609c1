// 资金分配时效页的纯函数：把各单位的上级下达展开成表格行、汇总超时笔数、按“只看超时”筛选。见 timeliness.test.ts。
import type { Timeliness, TimelinessMeasure } from '../../api/timeliness'

export interface ReceiptRow {
  key: string
  region_code: string
  region_name: string
  level: string
  receipt_id: string
  date: string
  amount_fen: number
  cumulative_fen: number
  note: string
  /** 分配下达到下级（县级为 null）。 */
  allocation: TimelinessMeasure | null
  /** 分配到项目。 */
  distribution: TimelinessMeasure
  breach: boolean
}

export interface TimelinessSummary {
  units: number
  receipts: number
  lateAllocation: number
  lateDistribution: number
}

/** 各单位的下达逐笔展开，单位按区划树顺序，同一单位内按日期与文号（服务端顺序）。 */
export function receiptRows(report: Timeliness | null): ReceiptRow[] {
  if (!report) return []
  const out: ReceiptRow[] = []
  for (const u of report.units) {
    for (const r of u.receipts) {
      const allocation = r.allocation ?? null
      out.push({
        key: `${u.region_code}|${r.receipt_id}`,
        region_code: u.region_code,
        region_name: u.region_name,
        level: u.level,
        receipt_id: r.receipt_id,
        date: r.date,
        amount_fen: r.amount_fen,
        cumulative_fen: r.cumulative_fen,
        note: r.note,
        allocation,
        distribution: r.distribution,
        breach: (allocation?.breach ?? false) || r.distribution.breach,
      })
    }
  }
  return out
}

export function summarize(report: Timeliness | null): TimelinessSummary {
  const s: TimelinessSummary = { units: 0, receipts: 0, lateAllocation: 0, lateDistribution: 0 }
  for (const u of report?.units ?? []) {
    s.units += 1
    s.receipts += u.receipts.length
    s.lateAllocation += u.late_allocation
    s.lateDistribution += u.late_distribution
  }
  return s
}

/** 一项时效的文字：已完成“N 天（MM-DD 完成）”，未完成“已 N 天未完成”。 */
export function measureText(m: TimelinessMeasure): string {
  return m.done_on ? `${m.days} 天（${m.done_on} 完成）` : `已 ${m.days} 天未完成`
}
