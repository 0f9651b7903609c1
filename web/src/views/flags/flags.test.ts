import { describe, expect, it } from 'vitest'
import type { Flag } from '../../api/figures'
import { actionsFor, filtersToQuery, flagQuery, flagRows, measureLines, parseFilters, reasonRequired } from './flags'

function item(over: Partial<Flag>): Flag {
  return {
    id: null, kind: 'negative_list', kind_label: '负面清单', subject_type: 'entry', subject: 'E1', entry_id: 'E1',
    project_code: 'P1', project_name: '', region_code: '540102', region_name: '城关区', fund_year: 2023,
    fund_source: 'central', date: '2023-06-20', cleared_on: null, amount_fen: 123456, detail: '', status: 'open',
    status_label: '待处理', assignee: '', reason: '', updated_at: '', version: 0, ...over,
  }
}

describe('flag filters in the URL', () => {
  const view = { region: '540000', year: '2023', as_of: '2023-07-05' }
  it('reads known values and defaults the rest (the region to the user’s own)', () => {
    expect(parseFilters({ ...view, kind: 'over_arranged', status: 'closed', page: '3', page_size: '50' }, '540102', '2026-12-05')).toEqual({
      region: '540000', year: 2023, asOf: '2023-07-05', kind: 'over_arranged', status: 'closed', page: 3, pageSize: 50,
    })
    expect(parseFilters({ ...view, kind: 'vibes', status: 'x', page: '0', page_size: '7' }, '540102', '2026-12-05')).toMatchObject({ kind: '', status: '', page: 1, pageSize: 20 })
    expect(parseFilters({ year: '2023' }, '540102', '2026-12-05')).toMatchObject({ region: '540102', year: 2023, asOf: '2023-12-31' })
  })
  it('writes the view and only the filters that differ from the defaults; asks the API for exactly that', () => {
    const f = parseFilters(view, '540102', '2026-12-05')
    expect(filtersToQuery(f)).toEqual(view)
    const g = { ...f, kind: 'negative_list' as const, status: 'open' as const, page: 2, pageSize: 100 }
    expect(filtersToQuery(g)).toEqual({ ...view, kind: 'negative_list', status: 'open', page: '2', page_size: '100' })
    expect(flagQuery(g)).toEqual({ region: '540000', year: 2023, as_of: '2023-07-05', kind: 'negative_list', status: 'open', page: 2, page_size: 100 })
    expect(flagQuery(f)).toMatchObject({ kind: undefined, status: undefined, page: 1, page_size: 20 })
  })
})

describe('work steps', () => {
  it('a closed flag can only be reopened; an open or explained one assigned, explained or closed', () => {
    expect(actionsFor('closed')).toEqual(['reopen'])
    expect(actionsFor('open')).toEqual(['assign', 'explain', 'close'])
    expect(actionsFor('explained')).toEqual(['assign', 'explain', 'close'])
    expect(reasonRequired('assign')).toBe(false)
    expect(reasonRequired('close')).toBe(true)
  })
})

describe('rows', () => {
  it('drill through to the voucher or the project, amounts in 万元', () => {
    const [entry, project] = flagRows([item({}), item({ kind: 'over_arranged', subject_type: 'project', subject: 'P9', amount_fen: 2_000_000 })])
    expect(entry.subjectLink).toEqual({ name: 'ledger', query: { q: 'E1' } })
    expect(entry.amount).toBe('0.12')
    expect(project.subjectLink).toEqual({ name: 'project', params: { code: 'P9' } })
    expect(project.key).toBe('over_arranged:P9')
  })
})

describe('gaming flags (docs/definitions.md §20)', () => {
  const evidence = (ledger: Partial<NonNullable<Flag['evidence']>['ledger']>) => ({
    cutoff: null, measures: {}, entries: [], projects: [], counties: [],
    ledger: { region: '', q: '', kind: null, from: null, to: null, ...ledger },
  })
  it('a payee or a county-month drills through to the ledger filtered as the evidence says', () => {
    const [payee, month, rush] = flagRows([
      item({ kind: 'payee_spread', subject_type: 'payee', subject: '路桥公司', evidence: evidence({ q: '路桥公司', kind: 'expend', from: '2023-01-01', to: '2023-12-31' }) }),
      item({ kind: 'month_end_round', subject_type: 'region', subject: '540102@2023-06', evidence: evidence({ region: '540102', kind: 'expend', from: '2023-06-28', to: '2023-06-30' }) }),
      item({ kind: 'cutoff_rush', subject_type: 'entry', subject: 'E1', evidence: evidence({ q: 'E1' }) }),
    ])
    expect(payee.subjectLink).toEqual({ name: 'ledger', query: { q: '路桥公司', kind: 'expend', from: '2023-01-01', to: '2023-12-31' } })
    expect(month.subjectLink).toEqual({ name: 'ledger', query: { region: '540102', kind: 'expend', from: '2023-06-28', to: '2023-06-30' } })
    expect(rush.subjectLink).toEqual({ name: 'ledger', query: { q: 'E1' } })
  })
  it('measures read in Chinese, shares in percent and money in 万元', () => {
    expect(measureLines({ round_count: 3, share_bp: 7500, threshold_fen: 400_000_000, other: 2 })).toEqual([
      '整数金额笔数 3', '整数金额占比 75.00%', '招标限额 400.00 万元', 'other 2',
    ])
  })
})
