import { describe, expect, it } from 'vitest'
import type { Indicators, RankRow } from '../../api/figures'
import {
  bulletinChartOption,
  chineseDate,
  docNumber,
  fitPage,
  headlines,
  laggingCounties,
  laggingUnits,
  parseHeader,
  quarterOf,
  rankingRows,
  summaryText,
} from './bulletin'

const ind = (patch: Partial<Indicators>): Indicators => ({
  region_code: '540000', region_name: '西藏自治区', region_level: 'province', year: 2023, as_of: '2023-07-05',
  fund_source: 'central', projects_total: 3900, projects_started: 3890, start_rate: 99.74, start_rate_yoy_pts: 17,
  projects_finished: 100, completion_rate: 2.56, allocated_fen: 1_000_000_00, expended_fen: 544_100_00,
  disbursed_fen: 0, expend_progress: 54.41, expend_progress_yoy_pts: 33, assessed_progress: 53, time_progress: 50.96,
  on_track: true, allocated_to_projects_fen: 0, distribute_progress: null, disburse_as_expend_fen: 0, pay_ahead_fen: 0,
  industry_planned_fen: 0, planned_total_fen: 0, industry_share: null, ...patch,
})

describe('bulletin', () => {
  it('finds the quarter of the as-of date', () => {
    expect(quarterOf('2023-01-01')).toBe(1)
    expect(quarterOf('2023-07-05')).toBe(3)
    expect(quarterOf('2023-12-31')).toBe(4)
    // against the fund year: the following January is still its fourth quarter
    expect(quarterOf('2024-01-15', 2023)).toBe(4)
    expect(quarterOf('2022-12-31', 2023)).toBe(1)
    expect(quarterOf('2023-04-01', 2023)).toBe(2)
  })
  it('writes the 通报 header: 文号, date and issuing body', () => {
    expect(docNumber('藏乡振', 2023, '3')).toBe('藏乡振〔2023〕3号')
    expect(docNumber('', 2024, ' ')).toBe('〔2024〕\u3000\u3000号')
    expect(chineseDate('2023-07-05')).toBe('2023年7月5日')
    expect(parseHeader({}, '西藏自治区', 3)).toEqual({ org: '西藏自治区乡村振兴局', word: '', no: '3' })
    expect(parseHeader({ org: '拉萨市乡村振兴局', word: '拉乡振', no: '12a' }, '西藏自治区', 3)).toEqual({
      org: '拉萨市乡村振兴局',
      word: '拉乡振',
      no: '12',
    })
  })
  it('lists the lagging counties with their prefecture, the furthest behind first', () => {
    const c = (code: string, name: string, p: number | null) => ind({ region_code: code, region_name: name, expend_progress: p })
    const rows = laggingCounties(
      [
        { prefecture: c('540100', '拉萨市', 57), counties: [c('540102', '城关区', 65), c('540124', '曲水县', 33.59)] },
        { prefecture: c('540600', '那曲市', 60), counties: [c('540621', '嘉黎县', 40), c('540622', '比如县', null)] },
      ],
      50.96,
    )
    expect(rows.map((r) => [r.parent, r.name, r.progress, r.gap])).toEqual([
      ['拉萨市', '曲水县', '33.59%', '-17.37'],
      ['那曲市', '嘉黎县', '40.00%', '-10.96'],
    ])
  })
  it('shrinks the chart, then the table rows, so the last page is not near-empty, within limits', () => {
    const f = { contentMm: 273 * 2 + 20, pageMm: 273, rows: 100, rowMm: 5, fontMm: 3.175, lineHeight: 1.4, chartMm: 66, minChartMm: 45, tailMm: 60 }
    const r = fitPage(f)
    expect(r.chartCutMm).toBe(21)
    expect(r.lineHeight).toBeLessThan(1.4)
    expect(r.lineHeight).toBeGreaterThanOrEqual(1.1)
    // the chart alone absorbs a small last page
    expect(fitPage({ ...f, contentMm: 273 + 5, rows: 10 })).toEqual({ lineHeight: 1.4, chartCutMm: 19, breakBeforeTail: false })
    // a last page a third full or more, or a single page: unchanged
    const same = { lineHeight: 1.4, chartCutMm: 0, breakBeforeTail: false }
    expect(fitPage({ ...f, contentMm: 273 * 2 + 100 })).toEqual(same)
    expect(fitPage({ ...f, contentMm: 200 })).toEqual(same)
    // too much to absorb: not made unreadable; the ranking starts a page when that fills the last one more
    expect(fitPage({ ...f, rows: 5, contentMm: 273 + 60, tailMm: 40 })).toEqual(same)
    expect(fitPage({ ...f, rows: 5, contentMm: 273 + 60, tailMm: 90 })).toEqual({ ...same, breakBeforeTail: true })
  })
  it('states the headline figures of the source article', () => {
    const h = headlines(ind({}))
    expect(h[0]).toMatchObject({ label: '项目开工率', value: '99.74%' })
    expect(h[0].note).toContain('+17.00')
    expect(h[1]).toMatchObject({ value: '54.41%', warn: false })
    expect(headlines(ind({ expend_progress: 40 }))[1].warn).toBe(true)
    const text = summaryText('西藏自治区', ind({}))
    expect(text).toContain('开工率 99.74%（同比 +17.00 个百分点）')
    expect(text).toContain('支出进度 54.41%')
    expect(text).toContain('时间过半、任务过半')
  })
  it('lists lagging units, the furthest behind first, skipping units without funds', () => {
    const kids = [
      ind({ region_code: '540100', region_name: '拉萨市', expend_progress: 60 }),
      ind({ region_code: '540200', region_name: '日喀则市', expend_progress: 30.5 }),
      ind({ region_code: '540300', region_name: '昌都市', expend_progress: 45 }),
      ind({ region_code: '540400', region_name: '林芝市', expend_progress: null }),
    ]
    expect(laggingUnits(kids, 50.96)).toEqual([
      { name: '日喀则市', progress: '30.50%', gap: '-20.46' },
      { name: '昌都市', progress: '45.00%', gap: '-5.96' },
    ])
    const option = bulletinChartOption(kids, 50.96) as { animation: boolean; xAxis: { data: string[] } }
    expect(option.animation).toBe(false)
    expect(option.xAxis.data).toEqual(['拉萨市', '日喀则市', '昌都市', '林芝市'])
  })
  it('orders the ranking at the scheme-wide places, the unranked last, and marks rewards and deductions', () => {
    const scope = { scope_region_code: '540000', scope_size: 74 }
    const rows: RankRow[] = [
      { rank: null, region_code: 'c', region_name: '丙县', expend_progress: null, assessed_progress: null, incentive_fen: 0, allocated_fen: 0, expended_fen: 0, ...scope },
      { rank: 74, region_code: 'b', region_name: '乙县', expend_progress: 50, assessed_progress: 49, incentive_fen: -500_000_000, allocated_fen: 100, expended_fen: 50, ...scope },
      { rank: 37, region_code: 'd', region_name: '丁县', expend_progress: 60, assessed_progress: 60, incentive_fen: 0, allocated_fen: 100, expended_fen: 60, ...scope },
      { rank: 1, region_code: 'a', region_name: '甲县', expend_progress: 80, assessed_progress: 80, incentive_fen: 500_000_000, allocated_fen: 100, expended_fen: 80, ...scope },
    ]
    const r = rankingRows(rows)
    expect(r.map((x) => x.name)).toEqual(['甲县', '丁县', '乙县', '丙县'])
    expect(r.map((x) => x.rank)).toEqual(['第1名/共74', '第37名/共74', '第74名/共74', '未排名'])
    expect(r.map((x) => x.kind)).toEqual(['reward', 'none', 'penalty', 'none'])
    expect(r[0].incentive).toBe('+500.00')
    expect(r[3]).toMatchObject({ progress: '—', incentive: '—' })
  })
})
