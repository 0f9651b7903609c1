// 角色 → 可见菜单。与服务端授权表（src/domain/role.cpp）一致：服务端仍会拒绝越权请求，这里只决定显示什么。

export type RouteName =
  | 'workbench'
  | 'dashboard'
  | 'projects'
  | 'project'
  | 'project-new'
  | 'project-edit'
  | 'village-plans'
  | 'overdue'
  | 'ledger'
  | 'flags'
  | 'timeliness'
  | 'settlements'
  | 'allocation'
  | 'evaluations'
  | 'dispatch'
  | 'regions'
  | 'users'
  | 'tokens'
  | 'audit'
  | 'imports'
  | 'bulletin'

/** 每个菜单项允许的角色；null 表示所有已登录角色。 */
export const MENU_ROLES: Record<RouteName, string[] | null> = {
  workbench: null,
  dashboard: null,
  projects: null,
  project: null,
  'project-new': ['region_officer', 'prefecture_officer', 'county_officer', 'township_officer'],
  'project-edit': ['region_officer', 'prefecture_officer', 'county_officer', 'township_officer'],
  'village-plans': null,
  overdue: null,
  ledger: null,
  flags: null,
  timeliness: null,
  settlements: null,
  allocation: null,
  evaluations: null,
  dispatch: null,
  regions: null,
  users: ['admin'],
  tokens: ['admin'],
  audit: ['admin', 'auditor'],
  // 有任一导入权限的角色（区划：admin；项目：各级业务人员；台账：财政人员）
  imports: ['admin', 'region_officer', 'prefecture_officer', 'county_officer', 'township_officer', 'finance_officer'],
  bulletin: null,
}

/** 可办理项目流程、维护前置手续的角色（服务端 Action::kWriteProjects，限本级子树）。 */
export const PROJECT_WRITE_ROLES = ['region_officer', 'prefecture_officer', 'county_officer', 'township_officer']

/** 可录入、冲销资金凭证的角色（服务端 Action::kWriteLedger）；其他角色只查询台账。 */
export const LEDGER_WRITE_ROLES = ['finance_officer']

/** 可处理问题预警（指派、说明、关闭、重新打开）的角色（服务端 Action::kHandleFlags）。 */
export const FLAG_HANDLE_ROLES = ['region_officer', 'prefecture_officer', 'county_officer', 'finance_officer', 'supervisor']

export function canSee(route: RouteName | string, role: string): boolean {
  if (!(route in MENU_ROLES)) return true
  const allowed = MENU_ROLES[route as RouteName]
  return allowed === null || allowed.includes(role)
}

export function menuFor(role: string, order: RouteName[]): RouteName[] {
  return order.filter((r) => canSee(r, role))
}

/** 是否显示流程操作按钮与前置手续编辑控件。 */
export function canWriteProjects(role: string): boolean {
  return PROJECT_WRITE_ROLES.includes(role)
}

/** 是否显示凭证录入表单与冲销按钮。 */
export function canWriteLedger(role: string): boolean {
  return LEDGER_WRITE_ROLES.includes(role)
}

/** 是否显示问题预警的处理操作。 */
export function canHandleFlags(role: string): boolean {
  return FLAG_HANDLE_ROLES.includes(role)
}

/** 登录后的首页（docs/definitions.md §14）：领导落在挂图作战（大屏），其他角色落在工作台；两者互为一键可达。 */
export function landingFor(role: string): '/dashboard' | '/workbench' {
  return role === 'leader' ? '/dashboard' : '/workbench'
}
