// 角色 → 可见菜单。与服务端授权表（src/domain/role.cpp）一致：服务端仍会拒绝越权请求，这里只决定显示什么。

export type RouteName = 'dashboard' | 'ledger' | 'flags' | 'regions'

/** 每个菜单项允许的角色；null 表示所有已登录角色。 */
export const MENU_ROLES: Record<RouteName, string[] | null> = {
  dashboard: null,
  ledger: ['finance_officer'],
  flags: null,
  regions: null,
}

export function canSee(route: RouteName, role: string): boolean {
  const allowed = MENU_ROLES[route]
  return allowed === null || allowed.includes(role)
}

export function menuFor(role: string, order: RouteName[]): RouteName[] {
  return order.filter((r) => canSee(r, role))
}
