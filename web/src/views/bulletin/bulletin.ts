// 季通报（季度通报）的内容：纯函数，由接口数据生成标题、总体指标、排名表、滞后单位和图表配置。
import type { Indicators, RankRow } from '../../api/figures'
import { progressBarOption } from '../../charts/progress'
import { byPlace, placeText } from '../../charts/ranking'
import { fenToWan, fenToWanSigned, formatPct, formatPts } from '../../utils/format'

/**
 * 通报的季度：截止日期在资金年度内时为其所在季度（1–4）；截止日期已过资金年度（次年的清算）为第四季度，
 * 早于资金年度为第一季度。不给 year 时按截止日期本身的年度。
 */
export function quarterOf(asOf: string, year?: number): number {
  const y = Number(asOf.slice(0, 4))
  if (year !== undefined && y > year) return 4
  if (year !== undefined && y < year) return 1
  const month = Number(asOf.slice(5, 7))
  return Math.min(4, Math.max(1, Math.ceil(month / 3)))
}

/** 公文日期：2023-07-05 → 2023年7月5日。 */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

/** 发文字号：机关代字〔年份〕序号号，如 藏乡振〔2023〕3号；序号为空时留空位待填。 */
export function docNumber(word: string, year: number, no: string): string {
  return `${word.trim()}〔${year}〕${no.trim() || '\u3000\u3000'}号`
}

/** 缺省的发文机关：本人所在区划 + 乡村振兴局。 */
export function defaultIssuer(regionName: string): string {
  return regionName ? `${regionName}乡村振兴局` : '乡村振兴局'
}

/** 通报的文头输入（在 URL 中：org、word、no）。 */
export interface BulletinHeader {
  org: string
  word: string
  no: string
}

/** 从 URL 读取文头：发文机关缺省为 defaultIssuer，序号缺省为季度数；过长的截断（文头一行）。 */
export function parseHeader(q: Record<string, unknown>, homeName: string, quarter: number): BulletinHeader {
  const one = (k: string) => {
    const v = q[k]
    return typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined
  }
  const no = one('no')
  return {
    org: (one('org') ?? defaultIssuer(homeName)).slice(0, 40),
    word: (one('word') ?? '').slice(0, 12),
    no: (no ?? String(quarter)).replace(/[^0-9]/g, '').slice(0, 4),
  }
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
  /** 县（区）所属的地市；地市行为空 */
  parent?: string
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

/**
 * 各单位支出进度柱状图：打印用，关闭动画与交互提示；每个有资金的下级单位都有一根柱与完整名称
 * （无资金的不画，与挂图作战相同）。
 */
export function bulletinChartOption(children: Indicators[], timeProgress: number, behindPts?: number) {
  const base = progressBarOption(
    children
      .filter((c) => c.allocated_fen > 0)
      .map((c) => ({ code: c.region_code, name: c.region_name, progress: c.expend_progress })),
    timeProgress,
    behindPts,
  )
  // 名称在柱下横排放得下时不旋转（版心约 640px 宽），放不下时斜排；名称从不省略
  const names = base.xAxis.data
  const widest = Math.max(0, ...names.map((n) => n.length)) * 12 + 8
  const rotate = names.length * widest > 600 ? 40 : 0
  return { ...base, xAxis: { ...base.xAxis, axisLabel: { ...base.xAxis.axisLabel, rotate } }, animation: false, tooltip: { show: false } }
}

/** 一个地市与其下辖县（区）的指标（省级通报按地市取 by=children）。 */
export interface CountyGroup {
  prefecture: Indicators
  counties: Indicators[]
}

/** 支出进度低于时间进度的县（区），带所属地市，落后最多的在前。 */
export function laggingCounties(groups: CountyGroup[], timeProgress: number): LaggingUnit[] {
  const rows: { c: Indicators; parent: string }[] = []
  for (const g of groups) {
    for (const c of g.counties) {
      if (c.expend_progress !== null && c.expend_progress < timeProgress) rows.push({ c, parent: g.prefecture.region_name })
    }
  }
  return rows
    .sort((a, b) => (a.c.expend_progress ?? 0) - (b.c.expend_progress ?? 0) || a.c.region_code.localeCompare(b.c.region_code))
    .map(({ c, parent }) => ({
      name: c.region_name,
      parent,
      progress: formatPct(c.expend_progress),
      gap: formatPts((c.expend_progress ?? 0) - timeProgress),
    }))
}

/** A4 纵向、上下页边距各 12mm（见 BulletinView 的 @page）：每页可排的高度（毫米）。 */
export const PAGE_CONTENT_MM = 297 - 24

export interface PageFit {
  /** 正文总高（毫米，与打印同宽排版时量得） */
  contentMm: number
  pageMm: number
  /** 表格行数与当前行高（毫米）、字号（毫米）与行高倍数 */
  rows: number
  rowMm: number
  fontMm: number
  lineHeight: number
  /** 图表当前高度与最低高度（毫米） */
  chartMm: number
  minChartMm: number
  /** 末节（排名表到落款）的高度（毫米） */
  tailMm: number
}

export interface FitResult {
  lineHeight: number
  /** 图表减少的高度（毫米） */
  chartCutMm: number
  /** 末节另起一页（压不进上一页时，让末页多承接内容） */
  breakBeforeTail: boolean
}

/**
 * 避免“最后一页只有几行”：最后一页不足四分之一页时，先压低图表（不低于 minChartMm），再压表格行高
 * （倍数不低于 minLineHeight），使最后一页并入上一页；每处分页留出一行与重复表头的余量。压不进时，
 * 若末节（排名表到落款）比最后一页的内容多、且一页放得下，末节另起一页；否则保持原样。
 */
export function fitPage(f: PageFit, minLineHeight = 1.1): FitResult {
  const same = { lineHeight: f.lineHeight, chartCutMm: 0, breakBeforeTail: false }
  if (!(f.contentMm > 0)) return same
  const pages = Math.ceil(f.contentMm / f.pageMm)
  const rest = f.contentMm - (pages - 1) * f.pageMm
  if (pages <= 1 || rest >= f.pageMm / 4) return same
  const need = rest + (pages - 1) * 2 * f.rowMm + 4
  const chartRoom = Math.max(f.chartMm - f.minChartMm, 0)
  const rowRoom = f.rows > 0 ? f.rows * (f.lineHeight - minLineHeight) * f.fontMm : 0
  if (need > chartRoom + rowRoom) return { ...same, breakBeforeTail: f.tailMm > rest && f.tailMm < f.pageMm }
  const chartCutMm = Math.min(chartRoom, need)
  const left = need - chartCutMm
  const lh = left > 0 ? f.lineHeight - left / f.rows / f.fontMm : f.lineHeight
  return { lineHeight: Math.max(minLineHeight, Math.floor(lh * 100) / 100), chartCutMm: Math.ceil(chartCutMm), breakBeforeTail: false }
}
