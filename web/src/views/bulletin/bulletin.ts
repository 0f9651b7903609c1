// 季通报（季度通报）的内容：纯函数，由接口数据生成标题、总体指标、排名表、滞后单位和图表配置。
import type { Indicators, RankRow } from '../../api/figures'
import { progressBarOption } from '../../charts/progress'
import { byPlace, placeText } from '../../charts/ranking'
import { fenToWan, fenToWanSigned, formatPct, formatPts } from '../../utils/format'

/** 截止日期所在的季度（1–4）。 */
export function quarterOf(asOf: string): number {
  const month = Number(asOf.slice(5, 7))
  return Math.min(4, Math.max(1, Math.ceil(month / 3)))
}

export interface Headline {
  label: string
  value: string
  /** 同比或对比说明，如“同比 +17.00 个百分点” */
  note: string
  /** 落后于时间进度等需要提醒时为 true */
  warn: boolean
}

/** 通报“总体情况”的指标卡片。 */
export function headlines(f: Indicators): Headline[] {
  const behind = f.expend_progress !== null && f.expend_progress < f.time_progress
  return [
    { label: '项目开工率', value: formatPct(f.start_rate), note: `同比 ${formatPts(f.start_rate_yoy_pts)} 个百分点；已开工 ${f.projects_started} / ${f.projects_total} 个`, warn: false },
    { label: '中央衔接资金支出进度', value: formatPct(f.expend_progress), note: `同比 ${formatPts(f.expend_progress_yoy_pts)} 个百分点；时间进度 ${formatPct(f.time_progress)}`, warn: behind },
    { label: '下达资金', value: `${fenToWan(f.allocated_fen)} 万元`, note: `已支出 ${fenToWan(f.expended_fen)} 万元`, warn: false },
    { label: '考核支出进度', value: formatPct(f.assessed_progress), note: `扣除以拨代支 ${fenToWan(f.disburse_as_expend_fen)} 万元、超进度拨款 ${fenToWan(f.pay_ahead_fen)} 万元`, warn: false },
  ]
}

/** 总体情况的一段文字。 */
export function summaryText(regionName: string, f: Indicators): string {
  const track = f.on_track === null ? '' : f.on_track ? '，实现“时间过半、任务过半”' : '，低于时间进度，需加快支出'
  return (
    `截至 ${f.as_of}，${regionName}${f.year} 年度衔接资金项目 ${f.projects_total} 个，已开工 ${f.projects_started} 个，` +
    `开工率 ${formatPct(f.start_rate)}（同比 ${formatPts(f.start_rate_yoy_pts)} 个百分点）；中央衔接资金下达 ` +
    `${fenToWan(f.allocated_fen)} 万元，支出 ${fenToWan(f.expended_fen)} 万元，支出进度 ${formatPct(f.expend_progress)}` +
    `（同比 ${formatPts(f.expend_progress_yoy_pts)} 个百分点；时间进度 ${formatPct(f.time_progress)}）${track}。`
  )
}

export interface BulletinRankRow {
  /** 「第37名/共74」：奖惩方案范围内的名次；未下达资金的为「未排名」 */
  rank: string
  name: string
  allocated: string
  expended: string
  progress: string
  assessed: string
  incentive: string
  kind: 'reward' | 'penalty' | 'none'
}

export function rankingRows(rows: RankRow[]): BulletinRankRow[] {
  return byPlace(rows).map((r) => ({
      rank: placeText(r),
      name: r.region_name,
      allocated: fenToWan(r.allocated_fen),
      expended: fenToWan(r.expended_fen),
      progress: formatPct(r.expend_progress),
      assessed: formatPct(r.assessed_progress),
      incentive: r.incentive_fen === 0 ? '—' : fenToWanSigned(r.incentive_fen),
      kind: r.incentive_fen > 0 ? 'reward' : r.incentive_fen < 0 ? 'penalty' : 'none',
    }))
}

export interface LaggingUnit {
  name: string
  progress: string
  gap: string
}

/** 支出进度低于时间进度的下级单位，落后最多的在前（无资金的单位不列）。 */
export function laggingUnits(children: Indicators[], timeProgress: number): LaggingUnit[] {
  return children
    .filter((c) => c.expend_progress !== null && c.expend_progress < timeProgress)
    .sort((a, b) => (a.expend_progress ?? 0) - (b.expend_progress ?? 0) || a.region_code.localeCompare(b.region_code))
    .map((c) => ({
      name: c.region_name,
      progress: formatPct(c.expend_progress),
      gap: formatPts((c.expend_progress ?? 0) - timeProgress),
    }))
}

/** 各单位支出进度柱状图：打印用，关闭动画与交互提示。 */
export function bulletinChartOption(children: Indicators[], timeProgress: number) {
  const base = progressBarOption(
    children.map((c) => ({ code: c.region_code, name: c.region_name, progress: c.expend_progress })),
    timeProgress,
  )
  return { ...base, animation: false, tooltip: { show: false } }
}
