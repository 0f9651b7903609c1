import { describe, expect, it } from 'vitest'
import {
  editFormOf,
  emptyUserForm,
  matchesUser,
  parseUserFilter,
  passwordPairErrors,
  userFilterToQuery,
  validateEditForm,
  validateUserForm,
} from './users'

describe('validateUserForm', () => {
  const good = { username: ' 拉萨财政 ', role: 'finance_officer', region_code: '540100', password: 'a-long-password', password2: 'a-long-password', department: '' }

  it('accepts a complete form and trims the name and code', () => {
    expect(validateUserForm(good)).toEqual({
      user: { username: '拉萨财政', role: 'finance_officer', region_code: '540100', password: 'a-long-password' },
      errors: {},
    })
  })

  it('carries an optional department, trimmed, at most 64 bytes as the server counts', () => {
    expect(validateUserForm({ ...good, department: ' 交通运输局 ' }).user?.department).toBe('交通运输局')
    expect(validateUserForm(good).user).not.toHaveProperty('department')
    expect(validateUserForm({ ...good, department: '部'.repeat(21) }).errors).toEqual({})
    expect(validateUserForm({ ...good, department: '部'.repeat(22) })).toEqual({ user: null, errors: { department: '部门名称不超过 64 字节（约 21 个汉字）' } })
  })

  it('reports every problem at once, in Chinese', () => {
    const { user, errors } = validateUserForm({ ...emptyUserForm(), username: 'a b', region_code: '5401', password: 'short' })
    expect(user).toBeNull()
    expect(errors).toEqual({
      username: '用户名为 2–32 个字符，不能含空格',
      role: '请选择角色',
      region_code: '请选择所在区划',
      password: '密码至少 10 个字符',
    })
  })

  it('counts characters, not bytes, and wants the password twice', () => {
    expect(validateUserForm({ ...good, password: '十个汉字的密码口令啊', password2: '十个汉字的密码口令啊' }).errors).toEqual({})
    expect(validateUserForm({ ...good, password2: 'something-else' }).errors).toEqual({ password2: '两次输入的密码不一致' })
    expect(validateUserForm({ ...good, role: 'emperor' }).errors).toEqual({ role: '请选择角色' })
  })
})

describe('user list filter in the URL', () => {
  const u = { id: 1, username: 'finance', role: 'finance_officer' as const, role_label: '财政人员', region_code: '540102', region_name: '城关区', disabled: false, created_at: '', department: '财政局' }
  it('reads and writes ?q= and matches name, region and role', () => {
    expect(parseUserFilter({ q: ['城关', 'x'] })).toEqual({ region: '', q: '城关' })
    expect(parseUserFilter({ region: '540102', q: 'fin' })).toEqual({ region: '540102', q: 'fin' })
    expect(parseUserFilter({ region: 'x540102' })).toEqual({ region: '', q: '' })
    expect(userFilterToQuery({ region: '', q: '' })).toEqual({})
    expect(userFilterToQuery({ region: '', q: 'fin' })).toEqual({ q: 'fin' })
    expect(userFilterToQuery({ region: '540102', q: '' })).toEqual({ region: '540102' })
    for (const q of ['', 'fin', '城关', '5401', '财政', '财政局']) expect(matchesUser(u, q), q).toBe(true)
    for (const q of ['540000', 'leader', '拉萨']) expect(matchesUser(u, q), q).toBe(false)
  })
})

describe('validateEditForm', () => {
  const was = {
    id: 7, username: 'zhuoma', role: 'leader', role_label: '领导', region_code: '540000', region_name: '西藏自治区',
    disabled: false, created_at: '2024-01-01T00:00:00Z', department: '',
  } as const
  it('sends only what changed', () => {
    expect(validateEditForm(editFormOf({ ...was }), { ...was })).toEqual({ change: {}, errors: {} })
    const f = { ...editFormOf({ ...was }), role: 'county_officer', region_code: ' 540102 ', department: ' 财政局 ' }
    expect(validateEditForm(f, { ...was })).toEqual({
      change: { role: 'county_officer', region_code: '540102', department: '财政局' },
      errors: {},
    })
  })
  it('refuses an unknown role, a malformed code and a long department', () => {
    const { change, errors } = validateEditForm({ role: 'root', region_code: '5401', department: '部'.repeat(22) }, { ...was })
    expect(change).toBeNull()
    expect(Object.keys(errors).sort()).toEqual(['department', 'region_code', 'role'])
  })
})

describe('passwordPairErrors', () => {
  it('needs 10 characters (a Chinese character counts as one) and the same twice', () => {
    expect(passwordPairErrors('short', 'short').password).toMatch(/10/)
    expect(passwordPairErrors('扎西德勒扎西德勒扎西', '扎西德勒扎西德勒扎西')).toEqual({})
    expect(passwordPairErrors('a-long-password', 'a-long-passwore').password2).toBeTruthy()
  })
})
