import { describe, expect, it } from 'vitest'
import { beijingDate, beijingTime, beijingToday } from './time'

describe('beijingTime', () => {
  it('shows a UTC instant in Beijing time (UTC+8)', () => {
    expect(beijingTime('2026-03-01T02:05:09.123Z')).toBe('2026-03-01 10:05:09')
    expect(beijingTime('2026-03-01T02:05:09.123Z', { seconds: false })).toBe('2026-03-01 10:05')
  })
  it('puts a UTC instant just before midnight on the next Beijing day', () => {
    expect(beijingTime('2026-12-06T23:30:00.000Z')).toBe('2026-12-07 07:30:00')
    expect(beijingTime('2026-12-31T16:00:00Z')).toBe('2027-01-01 00:00:00')
    expect(beijingDate('2026-12-31T16:00:00.000Z')).toBe('2027-01-01')
    // one millisecond earlier it is still the last day of the year in Beijing
    expect(beijingTime('2026-12-31T15:59:59.999Z')).toBe('2026-12-31 23:59:59')
  })
  it('leaves empty values and texts that are not timestamps readable', () => {
    expect(beijingTime('')).toBe('—')
    expect(beijingTime(null)).toBe('—')
    expect(beijingTime(undefined)).toBe('—')
    expect(beijingTime('2026-03-01')).toBe('2026-03-01')
    expect(beijingTime('不是时间')).toBe('不是时间')
    expect(beijingDate('2026-03-01')).toBe('2026-03-01')
    expect(beijingDate(null)).toBe('—')
  })
  it('gives today in Beijing: after 16:00 UTC it is already tomorrow', () => {
    expect(beijingToday(new Date('2026-12-07T15:59:00Z'))).toBe('2026-12-07')
    expect(beijingToday(new Date('2026-12-07T16:00:00Z'))).toBe('2026-12-08')
  })
})
