import { describe, expect, it } from 'vitest'
import { canSee, canWriteProjects, menuFor } from './roles'

const order = ['dashboard', 'projects', 'ledger', 'flags', 'regions'] as const

describe('menuFor', () => {
  it('shows the ledger only to finance officers and the project library to everyone', () => {
    expect(menuFor('finance_officer', [...order])).toEqual(['dashboard', 'projects', 'ledger', 'flags', 'regions'])
    expect(menuFor('leader', [...order])).toEqual(['dashboard', 'projects', 'flags', 'regions'])
    expect(menuFor('admin', [...order])).toEqual(['dashboard', 'projects', 'flags', 'regions'])
    expect(menuFor('county_officer', [...order])).toEqual(['dashboard', 'projects', 'flags', 'regions'])
    expect(menuFor('auditor', [...order])).toEqual(['dashboard', 'projects', 'flags', 'regions'])
    expect(canSee('ledger', 'auditor')).toBe(false)
    expect(canSee('project', 'leader')).toBe(true)
  })
})

describe('canWriteProjects', () => {
  it('allows the four project roles only', () => {
    for (const r of ['region_officer', 'prefecture_officer', 'county_officer', 'township_officer']) {
      expect(canWriteProjects(r), r).toBe(true)
    }
    for (const r of ['admin', 'leader', 'finance_officer', 'supervisor', 'auditor']) {
      expect(canWriteProjects(r), r).toBe(false)
    }
  })
})
