import { describe, expect, it } from 'vitest'
import { ApiError } from '../../api/errors'
import { signoffAbility, signoffNotice, signoffRefusal } from './signoff'

describe('who signs for which department (联审联批)', () => {
  const required = ['财政局', '交通运输局']
  it('a user signs only for their own department, when the project needs it', () => {
    expect(signoffAbility('交通运输局', required)).toEqual({ kind: 'sign', department: '交通运输局' })
    expect(signoffAbility(' 财政局 ', required)).toEqual({ kind: 'sign', department: '财政局' })
    expect(signoffNotice(signoffAbility('财政局', required))).toBe('')
  })
  it('without a department, or with one the project does not need, there is nothing to sign', () => {
    expect(signoffAbility('', required)).toEqual({ kind: 'no_department' })
    expect(signoffAbility(undefined, required)).toEqual({ kind: 'no_department' })
    expect(signoffNotice(signoffAbility('', required))).toMatch(/未设置所属部门/)
    expect(signoffAbility('水利局', required)).toEqual({ kind: 'not_required', department: '水利局' })
    expect(signoffNotice(signoffAbility('水利局', required))).toMatch(/无须水利局会签/)
  })
  it('the server’s refusal is said plainly', () => {
    expect(signoffRefusal(new ApiError(403, 'permission_denied', 'forbidden'), '财政局')).toMatch(/只能以本人所属部门（财政局）的名义签署/)
    expect(signoffRefusal(new ApiError(409, 'invalid_state', '项目不在联审阶段'), '财政局')).toBe('项目不在联审阶段')
  })
})
