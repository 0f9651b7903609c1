// 用户管理（系统管理员）。
import { pathOf, request, requestItems, type Body, type Schema } from './request'

export type UserItem = Schema<'User'>
export type NewUserRequest = Body<'createUser'>

/** GET /api/v1/users：本级及下辖的用户（系统管理员）。 */
export function listUsers(region?: string): Promise<UserItem[]> {
  return requestItems<UserItem>('/api/v1/users', { region: region || undefined })
}

/** POST /api/v1/users：新建用户。 */
export function createUser(u: NewUserRequest): Promise<UserItem> {
  return request<UserItem>('/api/v1/users', undefined, { method: 'POST', json: u })
}

export type UserChange = Body<'updateUser'>

/** PATCH /api/v1/users/{id}：修改角色、所属区划、部门，或停用/启用（停用即注销其全部会话）。 */
export function updateUser(id: number, change: UserChange): Promise<UserItem> {
  return request<UserItem>(pathOf('/api/v1/users/{id}', { id }), undefined, { method: 'PATCH', json: change })
}

/** POST /api/v1/users/{id}/password：管理员重置他人密码（注销其全部会话）。 */
export function resetUserPassword(id: number, password: string): Promise<UserItem> {
  const body: Body<'resetUserPassword'> = { password }
  return request<UserItem>(pathOf('/api/v1/users/{id}/password', { id }), undefined, { method: 'POST', json: body })
}
