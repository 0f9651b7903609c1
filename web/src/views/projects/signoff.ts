// 联审联批：当前用户能以哪个部门的名义签署意见。服务端只接受本人所属部门的意见（其他一律 403），
// 界面据此只给出本部门，不让选别的部门。纯函数，见 signoff.test.ts。
import { ApiError, errorText } from '../../api/errors'
import zhCN from '../../locale/zh-CN'

const B = zhCN.library

export type SignoffAbility =
  /** 可以本部门名义签署 */
  | { kind: 'sign'; department: string }
  /** 账户未设置所属部门：不能签署 */
  | { kind: 'no_department' }
  /** 本人部门不在本项目须会签的部门之列 */
  | { kind: 'not_required'; department: string }

export function signoffAbility(userDepartment: string | undefined, required: string[]): SignoffAbility {
  const department = (userDepartment ?? '').trim()
  if (!department) return { kind: 'no_department' }
  return required.includes(department) ? { kind: 'sign', department } : { kind: 'not_required', department }
}

/** 不能签署时的说明；能签署时为空。 */
export function signoffNotice(a: SignoffAbility): string {
  if (a.kind === 'no_department') return B.signoffNoDepartment
  if (a.kind === 'not_required') return B.signoffNotRequired(a.department)
  return ''
}

/** 签署失败的说明：403 说明只能以本人部门名义签署（服务端的拒绝），其余照常。 */
export function signoffRefusal(e: unknown, department: string): string {
  if (e instanceof ApiError && e.status === 403) return B.signoffForbidden(department)
  return errorText(e)
}
