// 会话：登录、取回当前用户与 CSRF 令牌、退出（docs/api-accounts.md）。
import { request, setCsrfToken, type Body, type Schema } from './request'

/** 当前登录用户与 CSRF 令牌（POST/GET /api/v1/session）。 */
export type Session = Schema<'Session'>
export type SessionUser = Schema<'User'>

/** POST /api/v1/session：用户名密码登录。 */
export async function login(username: string, password: string): Promise<Session> {
  const body: Body<'signIn'> = { username, password }
  const s = await request<Session>('/api/v1/session', undefined, { method: 'POST', json: body })
  setCsrfToken(s.csrf_token)
  return s
}

/** GET /api/v1/session：页面刷新后取回当前用户与 CSRF 令牌；未登录时抛出 401。 */
export async function getSession(): Promise<Session> {
  const s = await request<Session>('/api/v1/session')
  setCsrfToken(s.csrf_token)
  return s
}

/** DELETE /api/v1/session：退出登录。 */
export async function logout(): Promise<void> {
  try {
    await request<Schema<'Status'>>('/api/v1/session', undefined, { method: 'DELETE' })
  } finally {
    setCsrfToken('')
  }
}

/** POST /api/v1/session/password：修改自己的密码（核对原密码；本人其他会话随即失效）。 */
export async function changeOwnPassword(old_password: string, new_password: string): Promise<void> {
  const body: Body<'changeOwnPassword'> = { old_password, new_password }
  await request<Schema<'Status'>>('/api/v1/session/password', undefined, { method: 'POST', json: body })
}
