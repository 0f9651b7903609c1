// 用户管理（系统管理员）。
import { request, requestItems } from './request'

export interface UserItem {
  id: number
  username: string
  role: string
  role_label: string
  region_code: string
  region_name: string
  disabled: boolean
  created_at: string
}

export interface NewUserRequest {
  username: string
  role: string
  region_code: string
  password: string
}

/** GET /api/v1/users：本级及下辖的用户（系统管理员）。 */
export async function listUsers(): Promise<UserItem[]> {
  return requestItems<UserItem>('/api/v1/users')
}

/** POST /api/v1/users：新建用户。 */
export async function createUser(u: NewUserRequest): Promise<UserItem> {
  return request<UserItem>('/api/v1/users', undefined, { method: 'POST', json: u })
}

