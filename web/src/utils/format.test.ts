import { describe, expect, it } from 'vitest'
import {
  parsePercent,
  fenToWan,
  fenToWanSigned,
  fenToYuan,
  formatPct,
  formatPts,
  isIsoDate,
  monthEnds,
  parseYuanToFen,
  sameDayLastYear,
} from './format'

describe('fenToWan', () => {
  it('shows 万元 with two decimals, rounded half away from zero', () => {
    expect(fenToWan(557962000000)).toBe('557,962.00')
    expect(fenToWan(8467344173)).toBe('8,467.34')
    expect(fenToWan(5000)).toBe('0.01') // 50 元 = 0.005 万元 → 0.01
    expect(fenToWan(4999)).toBe('0.00')
    expect(fenToWan(-2000000000)).toBe('-2,000.00')
    expect(fenToWan(-4999)).toBe('0.00')
    expect(fenToWan(0)).toBe('0.00')
    expect(fenToWan(null)).toBe('—')
    expect(fenToWan(123456789012, { grouping: false })).toBe('123456.79')
  })
  it('is exact beyond float precision', () => {
    expect(fenToWan(9007199254740991)).toBe('9,007,199,254.74')
    expect(fenToWan(9007199254740991n * 10n)).toBe('90,071,992,547.41')
  })
  it('signs incentives', () => {
    expect(fenToWanSigned(2000000000)).toBe('+2,000.00')
    expect(fenToWanSigned(-2000000000)).toBe('-2,000.00')
    expect(fenToWanSigned(0)).toBe('0.00')
  })
})

describe('fenToYuan', () => {
  it('formats yuan', () => {
    expect(fenToYuan(123456)).toBe('1,234.56')
    expect(fenToYuan(5)).toBe('0.05')
  })
})

describe('parseYuanToFen', () => {
  it('converts exactly with string arithmetic', () => {
    expect(parseYuanToFen('1234.56')).toEqual({ ok: true, fen: 123456 })
    expect(parseYuanToFen('0.29')).toEqual({ ok: true, fen: 29 }) // 0.29*100 = 28.999999999999996 in floating point
    expect(parseYuanToFen('1.1')).toEqual({ ok: true, fen: 110 })
    expect(parseYuanToFen('1.')).toEqual({ ok: true, fen: 100 })
    expect(parseYuanToFen(' 55,796,200.00 ')).toEqual({ ok: true, fen: 5579620000 })
    expect(parseYuanToFen('1，000')).toEqual({ ok: true, fen: 100000 })
    expect(parseYuanToFen('90071992547409.91')).toEqual({ ok: true, fen: 9007199254740991 })
  })
  it('rejects bad input with a reason', () => {
    expect(parseYuanToFen('')).toEqual({ ok: false, error: 'empty' })
    expect(parseYuanToFen('abc')).toEqual({ ok: false, error: 'format' })
    expect(parseYuanToFen('1e5')).toEqual({ ok: false, error: 'format' })
    expect(parseYuanToFen('1.234')).toEqual({ ok: false, error: 'decimals' })
    expect(parseYuanToFen('0')).toEqual({ ok: false, error: 'non_positive' })
    expect(parseYuanToFen('0.00')).toEqual({ ok: false, error: 'non_positive' })
    expect(parseYuanToFen('-5')).toEqual({ ok: false, error: 'non_positive' })
    expect(parseYuanToFen('90071992547409.92')).toEqual({ ok: false, error: 'too_large' })
  })
})

describe('percent and points', () => {
  it('formats two decimals', () => {
    expect(formatPct(99.74)).toBe('99.74%')
    expect(formatPct(100)).toBe('100.00%')
    expect(formatPct(null)).toBe('—')
    expect(formatPts(17)).toBe('+17.00')
    expect(formatPts(-3.2)).toBe('-3.20')
    expect(formatPts(0)).toBe('0.00')
    expect(formatPts(null)).toBe('—')
  })
})

describe('dates', () => {
  it('validates YYYY-MM-DD', () => {
    expect(isIsoDate('2023-07-05')).toBe(true)
    expect(isIsoDate('2024-02-29')).toBe(true)
    expect(isIsoDate('2023-02-29')).toBe(false)
    expect(isIsoDate('2023-13-01')).toBe(false)
    expect(isIsoDate('2023-7-5')).toBe(false)
  })
  it('lists month ends up to a limit', () => {
    expect(monthEnds(2023)).toHaveLength(12)
    expect(monthEnds(2023)[1]).toBe('2023-02-28')
    expect(monthEnds(2024)[1]).toBe('2024-02-29')
    expect(monthEnds(2023, '2023-07-05')).toEqual([
      '2023-01-31', '2023-02-28', '2023-03-31', '2023-04-30', '2023-05-31', '2023-06-30', '2023-07-05',
    ])
    expect(monthEnds(2023, '2023-06-30')).toHaveLength(6)
    expect(monthEnds(2023, '2022-12-31')).toEqual([])
  })
  it('finds the same day last year', () => {
    expect(sameDayLastYear('2023-07-05')).toBe('2022-07-05')
    expect(sameDayLastYear('2024-02-29')).toBe('2023-02-28')
  })
})

describe('parsePercent', () => {
  it('reads 0–100 with at most two decimals; blank is null, anything else undefined', () => {
    expect(['30', ' 45.5 ', '0', '100', '12.34'].map(parsePercent)).toEqual([30, 45.5, 0, 100, 12.34])
    expect(parsePercent('')).toBeNull()
    expect(['120', '100.01', '-1', '1.234', '三十', '30%'].map(parsePercent)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined])
  })
})
