// 图表阈值的政策值：从 GET /api/v1/library/policies 的已存政策值中取截止日期当天有效的通用值（无 region_code），
// 没有存过时用缺省值（docs/definitions.md §7 的 policy defaults）。
import type { PolicyValue } from '../api/library'
import { DEFAULT_BEHIND_PTS } from './colors'

/** key 在 date 当天有效的通用值（生效日期 ≤ date 中最晚的一条），没有时为 null。 */
export function policyAt(items: PolicyValue[], key: string, date: string): number | null {
  let best: PolicyValue | null = null
  for (const p of items) {
    if (p.key !== key || (p.region_code ?? '') !== '' || p.effective_from > date) continue
    if (!best || p.effective_from >= best.effective_from) best = p
  }
  return best ? best.value : null
}

/** 落后时间进度的督办阈值（百分点）：reminder_behind_time_bp ÷ 100。 */
export function behindThresholdPts(items: PolicyValue[], date: string): number {
  const bp = policyAt(items, 'reminder_behind_time_bp', date)
  return bp === null ? DEFAULT_BEHIND_PTS : bp / 100
}
