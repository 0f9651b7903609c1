import { describe, expect, it } from 'vitest'
import { emptyTokenForm, looksLikeIp, splitIps, stateTag, tokenRoles, validateTokenForm } from './tokens'

describe('API token form', () => {
  const good = { ...emptyTokenForm('540100'), name: 'lhasa-finance-sync', expires_at: '2025-06-30', allowed_ips: '10.8.0.0/16, 192.0.2.7\n2001:db8::/32' }
  it('builds the request: trimmed fields, the allow-list split, no expiry when empty', () => {
    const { token, errors } = validateTokenForm(good, '2025-01-01')
    expect(errors).toEqual({})
    expect(token).toEqual({
      name: 'lhasa-finance-sync', role: 'finance_officer', region_code: '540100', expires_at: '2025-06-30',
      allowed_ips: ['10.8.0.0/16', '192.0.2.7', '2001:db8::/32'],
    })
    expect(validateTokenForm({ ...good, expires_at: '', allowed_ips: '' }, '2025-01-01').token).toEqual({
      name: 'lhasa-finance-sync', role: 'finance_officer', region_code: '540100', allowed_ips: [],
    })
  })
  it('names every bad field in Chinese', () => {
    const { token, errors } = validateTokenForm(
      { name: 'has space', role: 'admin', region_code: '5401', expires_at: '2024-12-31', allowed_ips: '10.0.0.300' },
      '2025-01-01',
    )
    expect(token).toBeNull()
    expect(Object.keys(errors).sort()).toEqual(['allowed_ips', 'expires_at', 'name', 'region_code', 'role'])
    expect(errors.allowed_ips).toContain('10.0.0.300')
  })
  it('offers every role but the administrator', () => {
    const roles = tokenRoles().map(([r]) => r)
    expect(roles).toContain('finance_officer')
    expect(roles).not.toContain('admin')
  })
  it('checks allow-list entries roughly, states map to tag colours', () => {
    expect(splitIps(' a, b，c\n')).toEqual(['a', 'b', 'c'])
    for (const ok of ['10.0.0.1', '10.0.0.0/8', '::1', '2001:db8::/32']) expect(looksLikeIp(ok), ok).toBe(true)
    for (const bad of ['10.0.0', '10.0.0.0/33', 'host.example', '999.1.1.1']) expect(looksLikeIp(bad), bad).toBe(false)
    expect([stateTag('active'), stateTag('expired'), stateTag('revoked')]).toEqual(['success', 'info', 'danger'])
  })
})
