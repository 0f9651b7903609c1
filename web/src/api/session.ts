// 会话：登录、取回当前用户与 CSRF 令牌、退出（docs/api-accounts.md）。
import { request, setCsrfToken } from './request'

/** 当前登录用户（POST/GET /api/v1/session）。 */
export interface SessionUser {
  id: number
  username: string
  role: string
  role_label: string
  region_code: string
  region_name: string
}

export interface Session {
  username: string
  role: string
  region_code: string
  csrf_token: string
  user: SessionUser
}

const SESSION = '/api/v1/session'

/** POST /api/v1/session：用户名密码登录。 */
export async function login(username: string, password: string): Promise<Session> {
  const s = await request<Session>(SESSION, undefined, { method: 'POST', json: { username, password } })
  setCsrfToken(s.csrf_token)
  return s
}

/** GET /api/v1/session：页面刷新后取回当前用户与 CSRF 令牌；未登录时抛出 401。 */
export async function getSession(): Promise<Session> {
  const s = await request<Session>(SESSION)
  setCsrfToken(s.csrf_token)
  return s
}

/** DELETE /api/v1/session：退出登录。 */
export async function logout(): Promise<void> {
  try {
    await request<unknown>(SESSION, undefined, { method: 'DELETE' })
  } finally {
    setCsrfToken('')
  }
}
