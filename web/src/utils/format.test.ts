import { describe, expect, it } from 'vitest'
import {
  amountClass,
  fenToWanNumber,
  voucherFen,
  wanToFen,
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
  it('formats yuan to the fen', () => {
    expect(fenToYuan(123456)).toBe('1,234.56')
    expect(fenToYuan(5)).toBe('0.05')
    expect(fenToYuan(0)).toBe('0.00')
    expect(fenToYuan(-5)).toBe('-0.05')
    expect(fenToYuan(-30000001)).toBe('-300,000.01')
    expect(fenToYuan(-30000001, { grouping: false })).toBe('-300000.01')
  })
  it('is exact up to the largest safe integer and refuses what JSON cannot carry exactly', () => {
    expect(fenToYuan(Number.MAX_SAFE_INTEGER)).toBe('90,071,992,547,409.91')
    expect(fenToYuan(-Number.MAX_SAFE_INTEGER)).toBe('-90,071,992,547,409.91')
    expect(fenToYuan(9007199254740991n * 1000n)).toBe('90,071,992,547,409,910.00')
    // 2^53 fen arrives from JSON as a double that may stand for a neighbour: shown as unknown, never wrong
    expect(fenToYuan(Number.MAX_SAFE_INTEGER + 1)).toBe('—')
    expect(fenToYuan(1.5)).toBe('—')
    expect(fenToYuan(null)).toBe('—')
    expect(fenToYuan(undefined)).toBe('—')
  })
})

describe('one convention for vouchers and reversals', () => {
  it('shows a reversal negative and red, every other kind as entered', () => {
    expect(voucherFen({ kind: 'reverse', amount_fen: 30000001 })).toBe(-30000001)
    expect(voucherFen({ kind: 'expend', amount_fen: 30000001 })).toBe(30000001)
    expect(fenToYuan(voucherFen({ kind: 'reverse', amount_fen: 30000001 }))).toBe('-300,000.01')
    expect(amountClass(voucherFen({ kind: 'reverse', amount_fen: 1 }))).toBe('amount-negative')
    expect(amountClass(0)).toBe('')
    expect(amountClass(1)).toBe('')
    expect(amountClass(null)).toBe('')
  })
  it('rounds a summary in 万元 half away from zero, the sign kept only when something is left', () => {
    expect(fenToWan(-5000)).toBe('-0.01')
    expect(fenToWan(-30000001)).toBe('-30.00')
    expect(fenToWan(Number.MAX_SAFE_INTEGER + 1)).toBe('—')
  })
})

describe('万元 in forms', () => {
  it('converts 万元 to integer fen and back without drift', () => {
    expect(wanToFen(123.45)).toBe(123_450_000)
    expect(wanToFen(0.000001)).toBe(1)
    expect(wanToFen(0.29)).toBe(290_000) // 0.29 × 1e6 = 289999.99999999994 in floating point
    expect(wanToFen(-1.5)).toBe(-1_500_000)
    expect(wanToFen(0)).toBe(0)
    expect(fenToWanNumber(123_450_000)).toBe(123.45)
    expect(fenToWanNumber(1)).toBe(0.000001)
    expect(fenToWanNumber(-1_500_000)).toBe(-1.5)
    for (const fen of [0, 1, 99, 290_000, 123_456_789, 9_007_199_254]) expect(wanToFen(fenToWanNumber(fen))).toBe(fen)
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
