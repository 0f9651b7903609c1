import { describe, expect, it } from 'vitest'
import { abilities, beijingTime, changedScores, invalidScores, pointsText, rangeText, type Edit } from './evaluations'
import type { Evaluation } from '../../api/evaluations'

const item = (item_id: string, source: string, points: number | null, max = 5, min = 0) =>
  ({ item_id, source, points, max_points: max, min_points: min, evidence: '', adjust_reason: '' }) as unknown as Evaluation['items'][number]
const ev = { items: [item('A2', 'manual', null), item('C1', 'engine', 3.91, 25), item('D1', 'manual', -1, 0, -5)] } as unknown as Evaluation

describe('绩效评价', () => {
  it('各环节只对应层级的角色可办理', () => {
    expect(abilities('self_evaluation', 'county_officer')).toMatchObject({ score: true, submit: true, review: false, adjust: false })
    expect(abilities('submitted', 'county_officer')).toMatchObject({ score: false, submit: false })
    expect(abilities('submitted', 'prefecture_officer')).toMatchObject({ adjust: true, review: true, return: true, finalize: false })
    expect(abilities('submitted', 'region_officer')).toMatchObject({ review: false, return: false })
    expect(abilities('reviewed', 'region_officer')).toMatchObject({ finalize: true, return: true })
    expect(abilities('final', 'region_officer')).toMatchObject({ finalize: false, return: false })
    expect(Object.values(abilities('submitted', 'leader')).some(Boolean)).toBe(false)
  })

  it('时间显示为北京时间', () => {
    expect(beijingTime('2026-12-07T17:05:08Z')).toBe('2026-12-08 01:05:08')
    expect(beijingTime('2026-12-07T13:05:08.123Z')).toBe('2026-12-07 21:05:08')
    expect(beijingTime('坏')).toBe('坏')
  })

  it('分数两位小数，扣分项显示范围', () => {
    expect(pointsText(3.9)).toBe('3.90')
    expect(pointsText(null)).toBe('—')
    expect(rangeText({ max_points: 5, min_points: 0 })).toBe('5')
    expect(rangeText({ max_points: 0, min_points: -5 })).toBe('-5～0')
  })

  it('只提交改动的人工项；超范围或缺佐证的被指出', () => {
    const edits: Record<string, Edit> = {
      A2: { points: 4.5, evidence: '分配方案', reason: '' },
      C1: { points: 20, evidence: 'x', reason: '' },
      D1: { points: -1, evidence: '', reason: '' },
    }
    expect(changedScores(ev, edits, false)).toEqual([{ item_id: 'A2', points: 4.5, evidence: '分配方案' }])
    expect(invalidScores(ev, edits, false)).toEqual([])
    edits.A2 = { points: 6, evidence: '', reason: '' }
    expect(invalidScores(ev, edits, false)).toEqual(['A2'])
    edits.A2 = { points: 3, evidence: '', reason: '' }
    expect(invalidScores(ev, edits, true)).toEqual(['A2'])
  })
})
