// 用户管理（系统管理员）。
import { request, requestItems, type Body, type Schema } from './request'

export type UserItem = Schema<'User'>
export type NewUserRequest = Body<'createUser'>

/** GET /api/v1/users：本级及下辖的用户（系统管理员）。 */
export function listUsers(): Promise<UserItem[]> {
  return requestItems<UserItem>('/api/v1/users')
}

/** POST /api/v1/users：新建用户。 */
export function createUser(u: NewUserRequest): Promise<UserItem> {
  return request<UserItem>('/api/v1/users', undefined, { method: 'POST', json: u })
}
