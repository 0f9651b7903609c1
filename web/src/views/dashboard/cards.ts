// 挂图作战头条卡片的数据：纯函数，接收接口数据，返回显示用字符串。
import type { FigureComparison, Indicators } from '../../api/figures'
import zhCN from '../../locale/zh-CN'
import { fenToWan, formatPct, formatPts } from '../../utils/format'

const D = zhCN.dashboard

export type Tone = 'good' | 'bad' | 'neutral'

export interface HeadlineCard {
  key: 'start_rate' | 'expend_progress' | 'time_progress' | 'on_track'
  label: string
  value: string
  tone: Tone
  /** 同比，如“同比 +17.00 个百分点”；无上年数据时为空 */
  yoy: string
  yoyTone: Tone
  /** 上级平均，如“西藏自治区平均 54.41%”；不可得时为空 */
  parent: string
  /** 对比：「全国平均 84.00%」「历史最好 82.74%（2022）」，只列已知的（显示时以「 · 」相连） */
  compare: string[]
  /** 对比的出处（悬停提示）：全国平均的日期、往年为同日 */
  compareTitle: string
  note: string
}

export interface MinorStat {
  key: string
  label: string
  value: string
  /** 以拨代支、超进度拨款：问题预警中该类的条目（链接到 /flags?kind=） */
  flagKind?: 'disburse_as_expend' | 'pay_ahead_of_progress'
}

function toneOfPts(v: number | null): Tone {
  if (v === null) return 'neutral'
  return v > 0 ? 'good' : v < 0 ? 'bad' : 'neutral'
}

function yoyText(v: number | null): string {
  return v === null ? '' : D.yoyPts(formatPts(v))
}

/** 头条指标与全国平均（基准）、本地区往年最好成绩的对比（接口的 comparisons，已知的才列出）。 */
export function comparisonText(c: FigureComparison | undefined): { compare: string[]; compareTitle: string } {
  const parts: string[] = []
  const title: string[] = []
  if (c?.national) {
    parts.push(D.nationalAvg(formatPct(c.national.value)))
    title.push(D.nationalAvgAsOf(c.national.date))
  }
  if (c?.best_earlier && c.best_earlier.value !== null) {
    parts.push(D.bestEarlier(formatPct(c.best_earlier.value), c.best_earlier.year))
    title.push(D.bestEarlierNote)
  }
  return { compare: parts, compareTitle: title.join('；') }
}

export function headlineCards(cur: Indicators, parent: Indicators | null): HeadlineCard[] {
  const parentText = (v: number | null | undefined) =>
    parent ? D.parentAvg(parent.region_name, formatPct(v ?? null)) : D.parentAvgUnknown
  const onTrack = cur.on_track
  return [
    {
      key: 'start_rate',
      label: D.startRate,
      value: formatPct(cur.start_rate),
      tone: 'neutral',
      yoy: yoyText(cur.start_rate_yoy_pts),
      yoyTone: toneOfPts(cur.start_rate_yoy_pts),
      parent: parentText(parent?.start_rate),
      ...comparisonText(cur.comparisons?.start_rate),
      note: D.started(cur.projects_started, cur.projects_total),
    },
    {
      key: 'expend_progress',
      label: D.expendProgress,
      value: formatPct(cur.expend_progress),
      tone: onTrack === null ? 'neutral' : onTrack ? 'good' : 'bad',
      yoy: yoyText(cur.expend_progress_yoy_pts),
      yoyTone: toneOfPts(cur.expend_progress_yoy_pts),
      parent: parentText(parent?.expend_progress),
      ...comparisonText(cur.comparisons?.expend_progress),
      note: D.expended(fenToWan(cur.expended_fen), fenToWan(cur.allocated_fen)),
    },
    {
      key: 'time_progress',
      label: D.timeProgress,
      value: formatPct(cur.time_progress),
      tone: 'neutral',
      yoy: '',
      yoyTone: 'neutral',
      parent: '',
      compare: [],
      compareTitle: '',
      note: D.timeProgressNote(cur.as_of),
    },
    {
      key: 'on_track',
      label: D.onTrack,
      value: onTrack === null ? D.onTrackUnknown : onTrack ? D.onTrackYes : D.onTrackNo,
      tone: onTrack === null ? 'neutral' : onTrack ? 'good' : 'bad',
      yoy: '',
      yoyTone: 'neutral',
      parent: '',
      compare: [],
      compareTitle: '',
      note: D.onTrackNote(formatPct(cur.expend_progress), formatPct(cur.time_progress)),
    },
  ]
}

/** 第二行的小指标。 */
export function minorStats(cur: Indicators): MinorStat[] {
  const F = zhCN.flags
  return [
    { key: 'completion_rate', label: zhCN.dashboard.completionRate, value: formatPct(cur.completion_rate) },
    { key: 'assessed_progress', label: zhCN.dashboard.colAssessed, value: formatPct(cur.assessed_progress) },
    { key: 'distribute_progress', label: zhCN.dashboard.distributeProgress, value: formatPct(cur.distribute_progress) },
    { key: 'industry_share', label: zhCN.dashboard.industryShare, value: formatPct(cur.industry_share) },
    { key: 'disburse_as_expend_fen', label: F.disburseAsExpend, value: `${fenToWan(cur.disburse_as_expend_fen)} ${zhCN.common.wanUnit}`, flagKind: 'disburse_as_expend' },
    { key: 'pay_ahead_fen', label: F.payAhead, value: `${fenToWan(cur.pay_ahead_fen)} ${zhCN.common.wanUnit}`, flagKind: 'pay_ahead_of_progress' },
  ]
}
