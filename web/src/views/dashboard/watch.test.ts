import { describe, expect, it } from 'vitest'
import type { Flag } from '../../api/figures'
import { flagsLink, watchRows } from './watch'

const late = (code: string, days: number) => ({
  project_code: code, project_name: `项目${code}`, region_code: '540102001', region_name: '八廓街道',
  responsible_person: '张三', status: 'planned' as const, planned_start: '2023-05-01', days_late: days,
})
const ms = (code: string, days: number) => ({
  project_code: code, project_name: `项目${code}`, region_code: '540102002', region_name: '吉日街道',
  responsible_person: '李四', milestone: { name: '主体完工', duration_days: 30, planned: '2023-06-01', actual: null }, days_overdue: days,
})
const flag = (project: string, kind: Flag['kind'], label: string) => ({ project_code: project, kind, kind_label: label }) as Flag

describe('county watch rows', () => {
  it('merges late starts and overdue milestones per project, the longest overdue first, with its flags', () => {
    const rows = watchRows(
      { as_of: '2023-07-05', late_starts: [late('P1', 10)], milestones: [ms('P2', 40), ms('P1', 5)] },
      [flag('P1', 'pay_ahead_of_progress', '超进度拨款'), flag('P1', 'pay_ahead_of_progress', '超进度拨款'), flag('P9', 'negative_list', '负面清单')],
    )
    expect(rows.map((r) => [r.code, r.days, r.issues.length, r.flagCount])).toEqual([
      ['P2', 40, 1, 0],
      ['P1', 10, 2, 2],
    ])
    expect(rows[1].issues[0].text).toBe('计划 2023-05-01 开工，未开工 10 天')
    expect(rows[0].issues[0].text).toBe('节点“主体完工”计划 2023-06-01，逾期 40 天')
    expect(flagsLink(rows[1], 2023, '2023-07-05')).toEqual({ region: '540102001', year: '2023', as_of: '2023-07-05', kind: 'pay_ahead_of_progress' })
    expect(flagsLink(rows[0], 2023, '2023-07-05')).not.toHaveProperty('kind')
  })
})
