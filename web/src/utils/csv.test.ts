import { describe, expect, it } from 'vitest'
import { toCsv, csvCell, BOM } from './csv'

describe('csv', () => {
  it('quotes cells with separators', () => {
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell(null)).toBe('')
    expect(csvCell(8)).toBe('8')
  })
  it('starts with a UTF-8 BOM and uses CRLF', () => {
    const s = toCsv(['区划代码', '名称'], [['540100', '拉萨市']])
    expect(s.startsWith(BOM)).toBe(true)
    expect(s).toBe('\uFEFF区划代码,名称\r\n540100,拉萨市\r\n')
  })
})
