// 月调度与督办页面的纯逻辑：ISO 周、月份、状态与类别的中文名、快照与实时的差异、填报情况。
// 口径见 docs/definitions.md §7。
import type { DispatchRow, DispatchView, Interview, InterviewGrade, Reminder } from '../../api/dispatch'
import { fenToWan } from '../../utils/format'

export const DISPATCH_STATUS: Record<string, string> = { open: '填报中', reviewed: '已审核', closed: '已关闭' }
export const REMINDER_KIND: Record<Reminder['kind'], string> = {
  county_behind_time: '支出进度落后时序进度',
  project_not_started: '项目逾期未开工',
  milestone_overdue: '节点逾期',
  flag_unresolved: '预警未处理',
  late_allocation: '上级下达未按时分配到下级',
  late_distribution: '上级下达未按时分配到项目',
}
export const REMINDER_STATUS: Record<Reminder['status'], string> = { unread: '未签收', acknowledged: '已签收' }
export const RECIPIENT_KIND: Record<Reminder['recipient']['kind'], string> = { unit: '责任单位', leader: '包保领导', person: '项目责任人' }
export const GRADE: Record<InterviewGrade, string> = { reminder_talk: '提醒谈话', interview: '约谈', accountability: '问责建议' }
export const LEVEL: Record<string, string> = { region: '自治区级', prefecture: '地市级', county: '县级' }
export const METRIC: Record<string, string> = {
  expend_progress_behind_time_pts: '落后时序进度（百分点）',
  days_since_planned_start: '计划开工后天数',
  days_since_season_opening: '施工季开始后天数',
  days_overdue: '逾期天数',
  disburse_as_expend_fen: '以拨代支金额（分）',
  pay_ahead_of_progress_fen: '超进度拨款金额（分）',
  days_to_allocation: '收到上级下达后分配到下级天数',
  days_to_distribution: '收到上级下达后分配到项目天数',
}

/** 管理月调度（开启、审核、关闭、包保安排、生成提醒、记录约谈）的角色（服务端 manage_dispatch）。 */
export const MANAGE_DISPATCH_ROLES = ['region_officer', 'prefecture_officer']
/** 可填报的角色（服务端 file_dispatch）。 */
export const FILE_DISPATCH_ROLES = ['region_officer', 'prefecture_officer', 'county_officer']

export const canManageDispatch = (role: string) => MANAGE_DISPATCH_ROLES.includes(role)
export const canFileDispatch = (role: string) => FILE_DISPATCH_ROLES.includes(role)

const MONTH_RE = /^(\d{4})-(\d{2})$/

/** "YYYY-MM" 是否有效。 */
export function isMonth(s: string): boolean {
  const m = MONTH_RE.exec(s)
  return !!m && +m[2] >= 1 && +m[2] <= 12
}

/** 上一个月："2023-01" → "2022-12"。 */
export function previousMonth(month: string): string {
  const m = MONTH_RE.exec(month)
  if (!m) return ''
  let y = +m[1]
  let mo = +m[2] - 1
  if (mo === 0) {
    y -= 1
    mo = 12
  }
  return `${y}-${String(mo).padStart(2, '0')}`
}

/** 日期所在的 ISO 周："2023-07-05" → "2023-W27"（周一为一周之始，含 1 月 4 日的周为第 1 周）。 */
export function isoWeekOf(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number)
  const date = new Date(Date.UTC(y, m - 1, d))
  const dow = (date.getUTCDay() + 6) % 7 // 周一 = 0
  date.setUTCDate(date.getUTCDate() - dow + 3) // 本周的周四决定年份
  const year = date.getUTCFullYear()
  const dayOfYear = Math.round((date.getTime() - Date.UTC(year, 0, 1)) / 86400000)
  const week = 1 + Math.floor(dayOfYear / 7)
  return `${year}-W${String(week).padStart(2, '0')}`
}

/** 快照与实时支出进度之差（百分点，保留两位）；任一为空时为 null。 */
export function liveDrift(row: DispatchRow): number | null {
  const a = row.figures.expend_progress
  const b = row.live.expend_progress
  if (a === null || b === null) return null
  return Math.round((b - a) * 100) / 100
}

/** 快照行是否因补录凭证而与实时数不同（支出、下达金额或开工数任一不同）。 */
export function snapshotDiffers(row: DispatchRow): boolean {
  const f = row.figures
  const l = row.live
  return f.allocated_fen !== l.allocated_fen || f.expended_fen !== l.expended_fen || f.projects_started !== l.projects_started
}

/** 应填报的单位（快照中的县）与其中已填报的数目。 */
export function filingProgress(view: DispatchView): { due: number; filed: number } {
  const counties = view.rows.filter((r) => r.region_level === 'county')
  const filed = new Set(view.filings.map((f) => f.region_code))
  return { due: counties.length, filed: counties.filter((r) => filed.has(r.region_code)).length }
}

/** 排名文字："第3名/共74" 或 "—"。 */
export function rankText(rank: number | null, size: number): string {
  return rank === null ? '—' : `第${rank}名/共${size}`
}

/** 提醒的触发依据："落后时序进度（百分点） 12.5（阈值 10）"。金额是汇总数，以万元两位小数显示（docs/definitions.md §18）。 */
export function triggerText(r: Reminder): string {
  const { metric, value, threshold } = r.triggered_by
  const label = METRIC[metric] ?? metric
  if (metric.endsWith('_fen')) return `${label.replace('（分）', '（万元）')} ${fenToWan(value)}（阈值 ${fenToWan(threshold)}）`
  return `${label} ${value}（阈值 ${threshold}）`
}

/** 预警的中文名（提醒的事项为“类别:凭证号”）。 */
export const FLAG_KIND: Record<string, string> = {
  disburse_as_expend: '以拨代支',
  pay_ahead_of_progress: '超进度拨款',
  over_arranged: '超安排支出',
  negative_list: '负面清单',
}

/** 提醒的事项："disburse_as_expend:PZ1" → "以拨代支 PZ1"；节点名原样。 */
export function subjectText(r: Pick<Reminder, 'kind' | 'subject'>): string {
  if (!r.subject) return ''
  if (r.kind !== 'flag_unresolved') return r.subject
  const at = r.subject.indexOf(':')
  if (at < 0) return r.subject
  const kind = r.subject.slice(0, at)
  return `${FLAG_KIND[kind] ?? kind} ${r.subject.slice(at + 1)}`
}

/** 接收人文字："包保领导 张三（540102）"。 */
export function recipientText(r: Reminder): string {
  return `${RECIPIENT_KIND[r.recipient.kind] ?? r.recipient.kind} ${r.recipient.name}`
}

/** 约谈的承诺完成情况："1/2 已销号"。 */
export function commitmentProgress(i: Interview): string {
  const closed = i.commitments.filter((c) => c.status === 'closed').length
  return `${closed}/${i.commitments.length} 已销号`
}

/** 约谈后的跟踪："下月支出进度 +3.20 个百分点，已改善"；下月未调度时为 "待下月调度"。 */
export function followupText(i: Interview): string {
  const f = i.followup
  if (!f) return '待下月调度'
  if (f.change_pts === null) return `${f.month}：数据不全`
  const sign = f.change_pts > 0 ? '+' : ''
  return `${f.month} 支出进度 ${sign}${f.change_pts.toFixed(2)} 个百分点，${f.improved ? '已改善' : '未改善'}`
}

/** 多行文本 → 去空的行数组（约谈的被约谈人、参加人员）。 */
export function lines(text: string): string[] {
  return text
    .split(/[\n,，、]/)
    .map((s) => s.trim())
    .filter(Boolean)
}

/**
 * 点对点提醒单（CSV，UTF-8 带 BOM）：按导出的统一规则（docs/definitions.md §18），首行标题写明区划与筛选条件，
 * 其下表头同屏幕列名，再是每一条提醒（列表接口不分页，即全部符合条件的提醒）；无金额列，故无合计。
 * 以 = + - @ 开头的文字前加撇号，表格软件不会把回复当公式执行。
 */
export function remindersCsv(
  items: Reminder[],
  f: { region: string; week: string; status: '' | 'unread' | 'acknowledged'; mine: boolean },
  time: (iso: string) => string,
): string {
  const head = ['周', '类别', '对象单位', '项目', '事项', '接收人', '触发依据', '状态', '签收人', '签收时间', '回复']
  const cell = (s: string | null | undefined) => {
    const t = String(s ?? '')
    return `"${(/^[=+\-@]/.test(t) ? `'${t}` : t).replace(/"/g, '""')}"`
  }
  const filters = [f.mine ? '只看本人' : f.region, f.week ? `第 ${f.week} 周` : '全部周次', f.status ? REMINDER_STATUS[f.status] : '']
  const title = `点对点提醒单（${filters.filter(Boolean).join('、')}）`
  const rows = items.map((r) =>
    [r.week, REMINDER_KIND[r.kind], `${r.target_region_name}（${r.target_region_code}）`, r.project_code, subjectText(r), recipientText(r), triggerText(r), REMINDER_STATUS[r.status], r.acknowledged_by, r.acknowledged_at ? time(r.acknowledged_at) : '', r.reply]
      .map(cell)
      .join(','),
  )
  return '\ufeff' + [cell(title), head.join(','), ...rows].join('\r\n') + '\r\n'
}
