import { describe, expect, it } from 'vitest'
import type { DispatchRow, DispatchView, Interview, Reminder } from '../../api/dispatch'
import { remindersCsv, subjectText, commitmentProgress, filingProgress, followupText, isMonth, isoWeekOf, liveDrift, lines, previousMonth, rankText, snapshotDiffers, triggerText } from './dispatch'

const figures = (over: Partial<DispatchRow['figures']> = {}) =>
  ({ allocated_fen: 100, expended_fen: 50, projects_started: 3, expend_progress: 50, ...over }) as DispatchRow['figures']

function row(over: Partial<DispatchRow>): DispatchRow {
  return {
    region_code: '540102', region_name: '城关区', region_level: 'county', rank: 3, rank_size: 74,
    figures: figures(), live: figures(), previous: null, expend_progress_mom_pts: null, start_rate_mom_pts: null, ...over,
  }
}

describe('ISO weeks and months', () => {
  it('numbers weeks from the week holding 4 January, Monday first', () => {
    expect(isoWeekOf('2023-07-05')).toBe('2023-W27')
    expect(isoWeekOf('2023-07-03')).toBe('2023-W27') // Monday
    expect(isoWeekOf('2023-07-02')).toBe('2023-W26') // Sunday
    expect(isoWeekOf('2021-01-03')).toBe('2020-W53') // a Sunday that belongs to the last year's week 53
    expect(isoWeekOf('2024-12-30')).toBe('2025-W01') // a Monday that belongs to the next year
    expect(isoWeekOf('2023-01-02')).toBe('2023-W01')
  })
  it('steps back a month across the year and checks YYYY-MM', () => {
    expect(previousMonth('2023-01')).toBe('2022-12')
    expect(previousMonth('2023-07')).toBe('2023-06')
    expect(previousMonth('2023-7')).toBe('')
    expect(isMonth('2023-06')).toBe(true)
    expect(isMonth('2023-13')).toBe(false)
    expect(isMonth('2023-00')).toBe(false)
  })
})

describe('snapshot against live', () => {
  it('tells a late entry from an unchanged unit and measures the drift in points', () => {
    const same = row({})
    expect(snapshotDiffers(same)).toBe(false)
    expect(liveDrift(same)).toBe(0)
    const late = row({ live: figures({ expended_fen: 60, expend_progress: 60 }) })
    expect(snapshotDiffers(late)).toBe(true)
    expect(liveDrift(late)).toBe(10)
    expect(liveDrift(row({ live: figures({ expend_progress: null }) }))).toBeNull()
  })
  it('counts the counties that filed, not the prefectures', () => {
    const view = {
      rows: [row({ region_code: '540100', region_level: 'prefecture' }), row({ region_code: '540102' }), row({ region_code: '540103' })],
      filings: [{ region_code: '540102' }, { region_code: '540100' }],
    } as unknown as DispatchView
    expect(filingProgress(view)).toEqual({ due: 2, filed: 1 })
  })
  it('writes the rank or a dash', () => {
    expect(rankText(3, 74)).toBe('第3名/共74')
    expect(rankText(null, 74)).toBe('—')
  })
})

describe('reminders and interviews in words', () => {
  const reminder = (metric: string, value: number, threshold: number) => ({ triggered_by: { metric, value, threshold } }) as Reminder
  it('shows money in yuan and other metrics as they are', () => {
    expect(triggerText(reminder('disburse_as_expend_fen', 123456789, 0))).toBe('以拨代支金额（万元） 123.46（阈值 0.00）')
    expect(triggerText(reminder('days_since_planned_start', 31, 30))).toBe('计划开工后天数 31（阈值 30）')
    expect(triggerText(reminder('new_metric', 1, 2))).toBe('new_metric 1（阈值 2）')
  })
  it('names the flag of an unresolved-flag reminder and leaves milestones as they are', () => {
    expect(subjectText({ kind: 'flag_unresolved', subject: 'disburse_as_expend:PZ2023001' })).toBe('以拨代支 PZ2023001')
    expect(subjectText({ kind: 'flag_unresolved', subject: 'new_kind:X' })).toBe('new_kind X')
    expect(subjectText({ kind: 'milestone_overdue', subject: '主体完工: 验收' })).toBe('主体完工: 验收')
    expect(subjectText({ kind: 'county_behind_time', subject: null })).toBe('')
  })
  it('follows an interview up in the next dispatch', () => {
    const base = { commitments: [{ status: 'closed' }, { status: 'open' }], followup: null } as unknown as Interview
    expect(commitmentProgress(base)).toBe('1/2 已销号')
    expect(followupText(base)).toBe('待下月调度')
    const up = { ...base, followup: { month: '2023-07', expend_progress_before: 20, expend_progress_after: 23.2, change_pts: 3.2, improved: true } }
    expect(followupText(up)).toBe('2023-07 支出进度 +3.20 个百分点，已改善')
    const down = { ...base, followup: { month: '2023-07', expend_progress_before: 20, expend_progress_after: 19, change_pts: -1, improved: false } }
    expect(followupText(down)).toBe('2023-07 支出进度 -1.00 个百分点，未改善')
  })
  it('splits names on new lines and Chinese or Latin commas', () => {
    expect(lines('张三，李四、王五\n 赵六 ,')).toEqual(['张三', '李四', '王五', '赵六'])
  })
})

describe('the reminders CSV', () => {
  it('has a title with the filters, the screen columns, and defuses a reply that looks like a formula', () => {
    const r = {
      week: '2023-W27', kind: 'lagging', target_region_code: '540102', target_region_name: '城关区', project_code: '', subject: '540102',
      recipient: { kind: 'unit', name: '城关区' }, triggered_by: { metric: 'disburse_as_expend_fen', value: 123456789, threshold: 0 },
      status: 'acknowledged', acknowledged_by: 'chengguan', acknowledged_at: '2023-07-03T02:00:00Z', reply: '=HYPERLINK("x")',
    } as unknown as Reminder
    const lines = remindersCsv([r], { region: '540102', week: '2023-W27', status: 'acknowledged', mine: false }, () => '2023-07-03 10:00').split('\r\n')
    expect(lines[0]).toBe('\ufeff"点对点提醒单（540102、第 2023-W27 周、已签收）"')
    expect(lines[1]).toBe('周,类别,对象单位,项目,事项,接收人,触发依据,状态,签收人,签收时间,回复')
    expect(lines[2]).toContain('"以拨代支金额（万元） 123.46（阈值 0.00）","已签收","chengguan","2023-07-03 10:00","\'=HYPERLINK(""x"")"')
    expect(lines).toHaveLength(4)
    expect(remindersCsv([], { region: '540102', week: '', status: '', mine: true }, String).split('\r\n')[0]).toBe('\ufeff"点对点提醒单（只看本人、全部周次）"')
  })
})
