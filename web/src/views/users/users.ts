// 用户管理：新建用户表单的校验（与服务端规则一致，服务端仍会再校验）。纯函数，见 users.test.ts。
import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import type { NewUserRequest, UserChange, UserItem } from '../../api/users'
import type { Schema } from '../../api/request'
import { queryText } from '../../utils/query'
import { regionCodeOf } from '../../utils/regionPath'
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

/** 界面上可选的角色（zhCN.users.roles 的键）。 */
function isRole(role: string): role is Schema<'Role'> {
  return role in U.roles
}

export function validateUserForm(f: UserForm): { user: NewUserRequest | null; errors: UserFormErrors } {
  const errors: UserFormErrors = {}
  const username = f.username.trim()
  if (username.length < 2 || username.length > 32 || /\s/.test(username)) errors.username = U.usernameRule
  if (!isRole(f.role)) errors.role = U.roleRequired
  const region = f.region_code.trim()
  if (!/^(\d{6}|\d{9}|\d{12})$/.test(region)) errors.region_code = U.regionRule
  if ([...f.password].length < MIN_PASSWORD_LENGTH) errors.password = U.passwordRule(MIN_PASSWORD_LENGTH)
  else if (f.password !== f.password2) errors.password2 = U.passwordMismatch
  // 与服务端相同：部门名称最多 64 字节（UTF-8，一个汉字 3 字节）
  const department = f.department.trim()
  if (new TextEncoder().encode(department).length > 64) errors.department = U.departmentRule
  if (Object.keys(errors).length > 0 || !isRole(f.role)) return { user: null, errors }
  const user: NewUserRequest = { username, role: f.role, region_code: region, password: f.password }
  if (department) user.department = department
  return { user, errors }
}

/** 用户列表的筛选条件（URL ?region=&q=）：区划树所选区划（服务端筛选，'' 为本人范围）；
 *  q 为用户名、区划名称、区划代码前缀或角色名称（本地过滤）。 */
export interface UserFilter {
  region: string
  q: string
}

export function parseUserFilter(q: LocationQuery): UserFilter {
  return { region: regionCodeOf(queryText(q.region)), q: queryText(q.q).slice(0, 64) }
}

export function userFilterToQuery(f: UserFilter): LocationQueryRaw {
  const out: LocationQueryRaw = {}
  if (f.region) out.region = f.region
  if (f.q) out.q = f.q
  return out
}

export function matchesUser(u: UserItem, q: string): boolean {
  const t = q.trim()
  return (
    !t ||
    u.username.includes(t) ||
    u.region_name.includes(t) ||
    u.region_code.startsWith(t) ||
    u.role_label.includes(t) ||
    (u.department ?? '').includes(t)
  )
}

/** 编辑用户（角色、所属区划、部门）的表单。 */
export interface EditForm {
  role: string
  region_code: string
  department: string
}

export type EditFormErrors = Partial<Record<keyof EditForm, string>>

export function editFormOf(u: UserItem): EditForm {
  return { role: u.role, region_code: u.region_code, department: u.department ?? '' }
}

/** 只提交改动的字段；没有改动时 change 为空对象。 */
export function validateEditForm(f: EditForm, was: UserItem): { change: UserChange | null; errors: EditFormErrors } {
  const errors: EditFormErrors = {}
  if (!isRole(f.role)) errors.role = U.roleRequired
  const region = f.region_code.trim()
  if (!/^(\d{6}|\d{9}|\d{12})$/.test(region)) errors.region_code = U.regionRule
  const department = f.department.trim()
  if (new TextEncoder().encode(department).length > 64) errors.department = U.departmentRule
  if (Object.keys(errors).length > 0 || !isRole(f.role)) return { change: null, errors }
  const change: UserChange = {}
  if (f.role !== was.role) change.role = f.role
  if (region !== was.region_code) change.region_code = region
  if (department !== (was.department ?? '')) change.department = department
  return { change, errors }
}

/** 新密码与确认：至少 MIN_PASSWORD_LENGTH 个字符且两次一致；通过时返回空对象。 */
export function passwordPairErrors(password: string, password2: string): { password?: string; password2?: string } {
  if ([...password].length < MIN_PASSWORD_LENGTH) return { password: U.passwordRule(MIN_PASSWORD_LENGTH) }
  if (password !== password2) return { password2: U.passwordMismatch }
  return {}
}
