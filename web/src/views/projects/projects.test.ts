import { describe, expect, it } from 'vitest'
import type { ProjectLedgerEntry } from '../../api/projects'
import type { LedgerKind } from '../../api/ledger'
import { beijingToday } from '../../utils/time'
import {
  centralOverTotal,
  currentPlanYear,
  describeCodeRule,
  emptyForm,
  formToInput,
  categoryFull,
  categoryGroups,
  categoryShort,
  filterToApi,
  filterToQuery,
  ledgerTotals,
  parseFilter,
  projectFlags,
  sortLedger,
  showDate,
  stateLabel,
  stateTagType,
  yearOptions,
} from './projects'

describe('filter ↔ URL', () => {
  it('parses valid values and drops the rest', () => {
    expect(parseFilter({ region: '540102001', year: '2023', state: 'approved', category: '0101', q: ' 牦牛 ', page: '3', page_size: '50' })).toEqual({
      region: '540102001',
      year: 2023,
      state: 'approved',
      category: '0101',
      q: '牦牛',
      page: 3,
      pageSize: 50,
    })
    expect(parseFilter({ region: '54ab', year: '23', state: 'flying', category: '产业', page: '-1', page_size: '7' })).toEqual({
      region: '',
      year: null,
      state: '',
      category: '',
      q: '',
      page: 1,
      pageSize: 20,
    })
  })
  it('round-trips and omits defaults', () => {
    const f = parseFilter({ region: '540102', year: '2022', q: '温室', page: '2' })
    expect(filterToQuery(f)).toEqual({ region: '540102', year: '2022', q: '温室', page: '2' })
    expect(parseFilter(filterToQuery(f) as Record<string, string>)).toEqual(f)
    expect(filterToQuery(parseFilter({}))).toEqual({})
  })
  it('maps to API parameters', () => {
    expect(filterToApi(parseFilter({ state: 'started' }))).toEqual({
      region: undefined,
      year: undefined,
      state: 'started',
      category: undefined,
      q: undefined,
      page: 1,
      page_size: 20,
    })
  })
  it('offers ten years, newest first', () => {
    const y = yearOptions(new Date(2026, 5, 1))
    expect(y[0]).toBe(2027)
    expect(y).toContain(2022)
    expect(y).toHaveLength(10)
  })
})

describe('labels', () => {
  it('shortens and spells out categories', () => {
    expect(categoryShort('0101')).toBe('生产项目')
    expect(categoryShort('0301')).toBe('农村基础设施')
    expect(categoryShort('9999')).toBe('9999')
    expect(categoryFull('0203')).toBe('0203 就业项目 / 公益性岗位')
    const groups = categoryGroups()
    expect(groups[0].label).toBe('产业发展')
    expect(groups[0].options[0]).toEqual({ value: '0101', label: '0101 生产项目' })
  })
  it('colours and names states', () => {
    expect(stateTagType('approved')).toBe('primary')
    expect(stateTagType('started')).toBe('warning')
    expect(stateTagType('handed_over')).toBe('success')
    expect(stateTagType('cancelled')).toBe('danger')
    expect(stateTagType('draft')).toBe('info')
    expect(stateLabel('approved')).toBe('资金已安排')
    expect(stateLabel('started', '开工')).toBe('开工')
  })
  it('formats dates and flags', () => {
    expect(showDate('2023-04-20')).toBe('2023-04-20')
    expect(showDate(null)).toBe('—')
    expect(projectFlags({ gov_infrastructure: true, low_skill: false, work_relief: true })).toBe('政府投资基础设施、以工代赈')
    expect(projectFlags({ gov_infrastructure: false, low_skill: false, work_relief: false })).toBe('—')
  })
})

describe('ledgerTotals', () => {
  it('sums by kind and lets a reversal cancel its entry', () => {
    const e = (entry_id: string, kind: LedgerKind, amount_fen: number, reverses = ''): ProjectLedgerEntry => ({
      entry_id,
      date: '2023-01-01',
      kind,
      fund_source: 'central',
      fund_year: 2023,
      amount_fen,
      payee: '',
      payee_type: '',
      reverses,
    })
    expect(
      ledgerTotals([e('A', 'allocate', 1000), e('B', 'disburse', 600), e('C', 'expend', 300), e('D', 'reverse', 300, 'C'), e('E', 'expend', 200)]),
    ).toEqual({ allocate: 1000, disburse: 600, expend: 200 })
  })
  it('sorts by date, then entry id, without touching the input', () => {
    const e = (entry_id: string, date: string) =>
      ({ entry_id, date, kind: 'expend', fund_source: 'central', fund_year: 2023, amount_fen: 1, payee: '', payee_type: '', reverses: '' }) as ProjectLedgerEntry
    const input = [e('C', '2023-04-23'), e('B', '2023-04-19'), e('A', '2023-04-19')]
    expect(sortLedger(input).map((x) => x.entry_id)).toEqual(['A', 'B', 'C'])
    expect(input[0].entry_id).toBe('C')
  })
})

describe('project form', () => {
  it('converts 万元 to integer fen and back without drift', () => {
    const f = emptyForm('540102', 2024)
    f.name = ' 青稞加工 '
    f.total_wan = 100
    f.funds_wan = [{ source: 'central', wan: 80 }, { source: 'county', wan: 20 }, { source: 'other', wan: 0 }]
    f.sheet.milestones = [{ name: '施工', duration_days: 30, planned: null, actual: null }, { name: ' ', duration_days: 0, planned: null, actual: null }]
    const input = formToInput(f, 3)
    expect(input.name).toBe('青稞加工')
    expect(input.total_investment_fen).toBe(100_000_000)
    expect(input.sheet?.funds).toEqual([{ source: 'central', amount_fen: 80_000_000 }, { source: 'county', amount_fen: 20_000_000 }])
    expect(input.sheet?.milestones).toHaveLength(1)
    expect(input.version).toBe(3)
  })

  it('says the code rule in Chinese, field by field', () => {
    expect(describeCodeRule('XZ{year}{county}{seq:4}')).toBe('XZ + 年度 + 县级区划代码 + 4位顺序号')
    expect(describeCodeRule('LS-{county}-{year}-{seq:3}')).toBe('LS- + 县级区划代码 + - + 年度 + - + 3位顺序号')
    expect(describeCodeRule('{seq:6}')).toBe('6位顺序号')
  })
  it('refuses central funds above the total to the fen, as the server does', () => {
    expect(centralOverTotal({ total_wan: 100, central_wan: 100 })).toBe(false)
    expect(centralOverTotal({ total_wan: 100, central_wan: 100.000001 })).toBe(true)
    expect(centralOverTotal({ total_wan: 0, central_wan: 0.01 })).toBe(true)
    expect(centralOverTotal({ total_wan: 50, central_wan: 49.99 })).toBe(false)
  })
  it('defaults the year to the Beijing year: the last evening of the year in UTC is already next year', () => {
    expect(currentPlanYear(beijingToday(new Date('2026-12-31T15:59:00Z')))).toBe(2026)
    expect(currentPlanYear(beijingToday(new Date('2026-12-31T16:00:00Z')))).toBe(2027)
  })
})
