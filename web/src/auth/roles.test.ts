import { describe, expect, it } from 'vitest'
import { canSee, menuFor } from './roles'

const order = ['dashboard', 'ledger', 'flags', 'regions'] as const

describe('menuFor', () => {
  it('shows the ledger only to finance officers', () => {
    expect(menuFor('finance_officer', [...order])).toEqual(['dashboard', 'ledger', 'flags', 'regions'])
    expect(menuFor('leader', [...order])).toEqual(['dashboard', 'flags', 'regions'])
    expect(menuFor('admin', [...order])).toEqual(['dashboard', 'flags', 'regions'])
    expect(menuFor('county_officer', [...order])).toEqual(['dashboard', 'flags', 'regions'])
    expect(canSee('ledger', 'auditor')).toBe(false)
  })
})
