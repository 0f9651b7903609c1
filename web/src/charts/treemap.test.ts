import { describe, expect, it } from 'vitest'
import { textWidth, treemapLabelLayout, treemapOption } from './treemap'
import { COLOR_FAR_BEHIND, COLOR_OK } from './colors'

describe('treemapOption', () => {
  const nodes = [
    {
      code: '540100',
      name: '拉萨市',
      allocated_fen: 55986000000,
      progress: 57.69,
      children: [
        { code: '540102', name: '城关区', allocated_fen: 3000000000, progress: 65.51 },
        { code: '540124', name: '曲水县', allocated_fen: 2000000000, progress: 33.59 },
      ],
    },
    { code: '540200', name: '日喀则市', allocated_fen: 0, progress: null },
  ]
  const o = treemapOption(nodes, 50.96)
  const s = o.series[0]

  it('sizes by allocation in 万元 and drops regions without funds', () => {
    expect(s.data).toHaveLength(1)
    expect(s.data[0].value).toBe(55986)
    expect(s.data[0].children!.map((c) => c.value)).toEqual([3000, 2000])
  })
  it('colours by progress against time progress', () => {
    expect(s.data[0].itemStyle.color).toBe(COLOR_OK)
    expect(s.data[0].children![1].itemStyle.color).toBe(COLOR_FAR_BEHIND)
  })
  it('keeps codes for drill-down and labels with two decimals', () => {
    expect(s.data[0].children![0].code).toBe('540102')
    expect(s.label.formatter({ data: s.data[0] })).toBe('拉萨市\n57.69%')
    expect(s.upperLabel.show).toBe(true)
    expect(s.upperLabel.formatter({ data: s.data[0] })).toBe('拉萨市 57.69%')
    expect(s.levels).toHaveLength(3)
    expect(o.tooltip.formatter({ data: s.data[0] })).toContain('55,986.00 万元')
  })
  it('escapes region names in the HTML tooltip', () => {
    const evil = treemapOption([{ code: '549999', name: '<img src=x onerror=alert(1)>&', allocated_fen: 100, progress: 1 }], 0)
    const html = evil.tooltip.formatter({ data: evil.series[0].data[0] })
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&amp;')
  })
  it('writes no label where the whole name would not fit, never a truncated one', () => {
    expect(textWidth('城关区')).toBe(36)
    expect(textWidth('57.69%')).toBeCloseTo(43.2)
    const big = { code: '540100', name: '拉萨市', allocated_fen: 9_000, progress: 57.69 }
    const tiny = { code: '540200', name: '日喀则市', allocated_fen: 10, progress: 40 }
    const sized = treemapOption([{ ...big, children: [big] }, { ...tiny, children: [tiny] }], 50, { width: 600, height: 300 })
    const sd = sized.series[0]
    // prefecture bands: the big one is named with its progress, the tiny one not at all
    expect(sd.upperLabel.formatter({ data: sd.data[0] })).toBe('拉萨市 57.69%')
    expect(sd.upperLabel.formatter({ data: sd.data[1] })).toBe('')
    expect(sd.label.formatter({ data: sd.data[0] })).toBe('拉萨市\n57.69%')
    // no ECharts truncation to "拉萨…": a cell too small for its label shows none
    expect(sd.label.overflow).toBe('none')
    expect(sd.upperLabel).not.toHaveProperty('overflow')
    expect(sd.labelLayout({ rect: { width: 60, height: 40 }, text: '城关区\n65.51%' })).toEqual({})
    expect(treemapLabelLayout({ rect: { width: 40, height: 40 }, text: '城关区\n65.51%' })).toEqual({ x: -10000, y: -10000 })
    expect(treemapLabelLayout({ rect: { width: 80, height: 20 }, text: '城关区\n65.51%' })).toEqual({ x: -10000, y: -10000 })
  })
  it('colours with the policy threshold', () => {
    const n = [{ code: '1', name: 'a', allocated_fen: 1, progress: 44 }]
    expect(treemapOption(n, 50, undefined, 5).series[0].data[0].itemStyle.color).toBe(COLOR_FAR_BEHIND)
    expect(treemapOption(n, 50, undefined, 10).series[0].data[0].itemStyle.color).not.toBe(COLOR_FAR_BEHIND)
  })
})
