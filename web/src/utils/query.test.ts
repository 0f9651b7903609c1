import { describe, expect, it } from 'vitest'
import { queryText } from './query'

describe('queryText', () => {
  it('takes the first of repeated parameters, trimmed, and "" for missing or null', () => {
    expect(queryText(' 540102 ')).toBe('540102')
    expect(queryText(['a', 'b'])).toBe('a')
    expect(queryText(null)).toBe('')
    expect(queryText([null, 'x'])).toBe('')
  })
})
