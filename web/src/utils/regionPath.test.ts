import { describe, expect, it } from 'vitest'
import { cascaderStartsAtCounty, cascaderValue, regionCodeOf, regionPathLabel, type PathStep } from './regionPath'

const P = (code: string, name: string, level: string): PathStep => ({ code, name, level })
const XZ = P('540000', '西藏自治区', 'province')
const LS = P('540100', '拉萨市', 'prefecture')
const CG = P('540102', '城关区', 'county')
const BK = P('540102001', '八廓街道', 'township')
const TJ = P('540102001001', '团结新村', 'village')

describe('regionPathLabel', () => {
  it('shows a village with its township and county, never the levels above', () => {
    expect(regionPathLabel([XZ, LS, CG, BK, TJ])).toBe('城关区 / 八廓街道 / 团结新村')
    expect(regionPathLabel([XZ, LS, CG, BK])).toBe('城关区 / 八廓街道')
  })
  it('shows a county or a region above it with its parent', () => {
    expect(regionPathLabel([XZ, LS, CG])).toBe('拉萨市 / 城关区')
    expect(regionPathLabel([XZ, LS])).toBe('西藏自治区 / 拉萨市')
    expect(regionPathLabel([XZ])).toBe('西藏自治区')
  })
  it('takes a separator and is empty without a path', () => {
    expect(regionPathLabel([CG, BK, TJ], '/')).toBe('城关区/八廓街道/团结新村')
    expect(regionPathLabel([])).toBe('')
    expect(regionPathLabel(undefined)).toBe('')
  })
  it('keeps two villages of the same name apart', () => {
    const other = [XZ, LS, CG, P('540102002', '蔡公堂乡', 'township'), P('540102002001', '团结新村', 'village')]
    expect(regionPathLabel(other)).not.toBe(regionPathLabel([XZ, LS, CG, BK, TJ]))
  })
})

describe('cascaderValue', () => {
  it('starts at the first root on the path', () => {
    expect(cascaderValue([XZ, LS, CG, BK, TJ], ['540102', '540103'])).toEqual(['540102', '540102001', '540102001001'])
    expect(cascaderValue([XZ, LS, CG, BK], ['540102001'])).toEqual(['540102001'])
  })
  it('is empty when no root is on the path (out of the picker)', () => {
    expect(cascaderValue([XZ, LS], ['540102'])).toEqual([])
    expect(cascaderValue(undefined, ['540102'])).toEqual([])
  })
})

describe('cascaderStartsAtCounty', () => {
  it('starts at the counties for a province or prefecture scope only', () => {
    expect(cascaderStartsAtCounty('province')).toBe(true)
    expect(cascaderStartsAtCounty('prefecture')).toBe(true)
    expect(cascaderStartsAtCounty('county')).toBe(false)
    expect(cascaderStartsAtCounty('township')).toBe(false)
    expect(cascaderStartsAtCounty(undefined)).toBe(false)
  })
})

describe('regionCodeOf', () => {
  it('keeps codes of 6, 9 or 12 digits and drops anything else', () => {
    expect(regionCodeOf('540102')).toBe('540102')
    expect(regionCodeOf('540102001')).toBe('540102001')
    expect(regionCodeOf('540102001001')).toBe('540102001001')
    expect(regionCodeOf('5401')).toBe('')
    expect(regionCodeOf('5401020011')).toBe('')
    expect(regionCodeOf('拉萨')).toBe('')
    expect(regionCodeOf('')).toBe('')
  })
})
