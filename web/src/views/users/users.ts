// 用户管理：新建用户表单的校验（与服务端规则一致，服务端仍会再校验）。纯函数，见 users.test.ts。
import type { NewUserRequest } from '../../api/client'
import zhCN from '../../locale/zh-CN'

const U = zhCN.users

/** 服务端的最短密码长度（AccountPolicy::min_password_length）。 */
export const MIN_PASSWORD_LENGTH = 10

export interface UserForm {
  username: string
  role: string
  region_code: string
  password: string
  password2: string
  /** 所属部门（可空）：联审联批时只能以该部门名义签署意见 */
  department: string
}

export type UserFormErrors = Partial<Record<keyof UserForm, string>>

export function emptyUserForm(region = ''): UserForm {
  return { username: '', role: '', region_code: region, password: '', password2: '', department: '' }
}

export function validateUserForm(f: UserForm): { user: NewUserRequest | null; errors: UserFormErrors } {
  const errors: UserFormErrors = {}
  const username = f.username.trim()
  if (username.length < 2 || username.length > 32 || /\s/.test(username)) errors.username = U.usernameRule
  if (!f.role || !(f.role in U.roles)) errors.role = U.roleRequired
  const region = f.region_code.trim()
  if (!/^(\d{6}|\d{9}|\d{12})$/.test(region)) errors.region_code = U.regionRule
  if ([...f.password].length < MIN_PASSWORD_LENGTH) errors.password = U.passwordRule(MIN_PASSWORD_LENGTH)
  else if (f.password !== f.password2) errors.password2 = U.passwordMismatch
  const department = f.department.trim()
  if (new TextEncoder().encode(department).length > 64) errors.department = U.departmentRule
  if (Object.keys(errors).length > 0) return { user: null, errors }
  const user: NewUserRequest = { username, role: f.role, region_code: region, password: f.password }
  if (department) user.department = department
  return { user, errors }
}
