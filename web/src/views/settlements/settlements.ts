// 奖惩结算页的纯函数：状态标签、能否审批、排名行与变化行的显示、导出 CSV。
import type { Settlement } from '../../api/settlements'
import zhCN from '../../locale/zh-CN'
import { fenToWanSigned, fenToYuan, formatPct } from '../../utils/format'

/** 可运行、审批结算的角色（服务端 Action::kSettleIncentives，限本级子树）。 */
export const SETTLE_ROLES = ['admin', 'region_officer', 'prefecture_officer', 'finance_officer']

export function canSettle(role: string): boolean {
  return SETTLE_ROLES.includes(role)
}

/** 待审批的批次可由运行人以外、有结算权限的用户审批。 */
export function canApprove(run: Pick<Settlement, 'status' | 'run_by'>, username: string, role: string): boolean {
  return canSettle(role) && run.status === 'draft' && run.run_by !== username
}

export const STATUS_LABELS: Record<string, string> = { draft: '待审批', approved: '已审批' }
export const REASON_LABELS: Record<string, string> = { late_entry: '补录凭证', reversal: '冲销' }

/** 奖惩金额（万元），带正负号；0 显示为“—”。 */
export function incentiveText(fen: number): string {
  return fen === 0 ? '—' : fenToWanSigned(fen)
}

export function rankText(rank: number | null, size: number): string {
  return rank === null ? '未排名' : `第${rank}名/共${size}`
}

/** 名次变化：“第4名 → 第1名”。 */
export function rankChangeText(before: number | null, after: number | null): string {
  const t = (r: number | null) => (r === null ? '未排名' : `第${r}名`)
  return `${t(before)} → ${t(after)}`
}

/**
 * 一个批次的排名表（CSV，UTF-8 带 BOM），按导出的统一规则（docs/definitions.md §18）：标题写明区划、年度、
 * 截至日期、排名指标与批次，其下单位行；列名同抽屉里的表（金额列注“元”），屏幕上不显示的下达、支出列用接口的中文名；
 * 金额到分、以元表示，不分组；末行“合计”按整数分相加（BigInt，不经浮点）。
 */
export function runCsv(run: Settlement): string {
  const S = zhCN.settlements
  const title = `${run.region_name}（${run.region_code}） ${run.year}年 奖惩结算 第 ${run.run_id} 批（截至 ${run.as_of}、${S.metric}：${S.metrics[run.metric] ?? run.metric}）`
  const unit = (label: string) => label.replace(/（万元）$/, '（元）')
  const head = [S.rank, S.county, '区划代码', S.expendProgress, S.assessedProgress, '下达（元）', '支出（元）', unit(S.incentive)]
  const yuan = (fen: bigint | number) => fenToYuan(fen, { grouping: false })
  const csv = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)
  const sum = { allocated: 0n, expended: 0n, incentive: 0n }
  const lines = run.rows.map((r) => {
    sum.allocated += BigInt(r.allocated_fen)
    sum.expended += BigInt(r.expended_fen)
    sum.incentive += BigInt(r.incentive_fen)
    return [r.rank ?? '未排名', csv(r.region_name), r.region_code, formatPct(r.expend_progress), formatPct(r.assessed_progress),
      yuan(r.allocated_fen), yuan(r.expended_fen), yuan(r.incentive_fen)].join(',')
  })
  const total = ['合计', '', '', '', '', yuan(sum.allocated), yuan(sum.expended), yuan(sum.incentive)].join(',')
  return '\ufeff' + [csv(title), '单位：元', head.join(','), ...lines, total].join('\r\n') + '\r\n'
}

/** 模拟表单 → what_if 参数（只含填写了的项；金额按万元换算为分）。 */
export function whatIfParams(f: { top: number | null; bottom: number | null; amountWan: number | null; metric: string; asOf: string }): Record<string, number | string> {
  const out: Record<string, number | string> = {}
  if (f.top !== null) out.incentive_top_n = f.top
  if (f.bottom !== null) out.incentive_bottom_n = f.bottom
  if (f.amountWan !== null) out.incentive_amount_fen = f.amountWan * 1_000_000
  if (f.metric) out.metric = f.metric
  if (f.asOf) out.as_of = f.asOf
  return out
}

/** 最近一次已审批、包含这些县中任一个的结算批次（列表新的在前）。 */
export function lastApproved(runs: Settlement[], codes: string[]): Settlement | null {
  const wanted = new Set(codes)
  return runs.find((r) => r.status === 'approved' && r.rows.some((row) => wanted.has(row.region_code))) ?? null
}

/** 挂图作战：名次或奖惩金额与已审批批次不同的县 → 批次中的名次与金额（“第3名 +2,000.00”）。 */
export function settledDiffs(rows: { region_code: string; rank: number | null; incentive_fen: number }[], run: Settlement | null): Map<string, string> {
  const out = new Map<string, string>()
  if (!run) return out
  const settled = new Map(run.rows.map((r) => [r.region_code, r]))
  for (const r of rows) {
    const s = settled.get(r.region_code)
    if (!s || (s.rank === r.rank && s.incentive_fen === r.incentive_fen)) continue
    out.set(r.region_code, `${s.rank === null ? '未排名' : `第${s.rank}名`} ${incentiveText(s.incentive_fen)}`)
  }
  return out
}
