import { describe, expect, it } from 'vitest'
import { canHandleFlags, canSee, canWriteLedger, canWriteProjects, landingFor, menuFor } from './roles'

const order = ['dashboard', 'projects', 'ledger', 'flags', 'regions'] as const

describe('menuFor', () => {
  it('shows the ledger (to query) and the project library to every role', () => {
    for (const r of ['finance_officer', 'leader', 'county_officer', 'supervisor']) {
      expect(menuFor(r, [...order]), r).toEqual(['dashboard', 'projects', 'ledger', 'flags', 'regions'])
    }
    expect(menuFor('admin', [...order, 'users', 'audit'])).toEqual(['dashboard', 'projects', 'ledger', 'flags', 'regions', 'users', 'audit'])
    expect(menuFor('auditor', [...order, 'users', 'audit'])).toEqual(['dashboard', 'projects', 'ledger', 'flags', 'regions', 'audit'])
    expect(canSee('users', 'leader')).toBe(false)
    expect(canSee('audit', 'county_officer')).toBe(false)
    expect(canSee('project', 'leader')).toBe(true)
    expect(canSee('no-such-route', 'leader')).toBe(true)
  })
})

describe('canWriteLedger', () => {
  it('lets finance officers alone enter and reverse vouchers', () => {
    expect(canWriteLedger('finance_officer')).toBe(true)
    for (const r of ['admin', 'leader', 'region_officer', 'county_officer', 'supervisor', 'auditor']) {
      expect(canWriteLedger(r), r).toBe(false)
    }
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

describe('canHandleFlags', () => {
  it('matches the server grant of handle_flags', () => {
    for (const r of ['region_officer', 'prefecture_officer', 'county_officer', 'finance_officer', 'supervisor']) {
      expect(canHandleFlags(r), r).toBe(true)
    }
    for (const r of ['admin', 'township_officer', 'leader', 'auditor']) expect(canHandleFlags(r), r).toBe(false)
  })
})

describe('landingFor', () => {
  it('lands leaders on the wall chart and every other role on the workbench', () => {
    expect(landingFor('leader')).toBe('/dashboard')
    for (const r of ['admin', 'region_officer', 'county_officer', 'township_officer', 'finance_officer', 'supervisor', 'auditor']) {
      expect(landingFor(r), r).toBe('/workbench')
    }
    expect(canSee('workbench', 'leader')).toBe(true)
  })
})
