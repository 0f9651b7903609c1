// 当前登录会话（全局单例）。CSRF 令牌由 api/request 保存。
import { reactive } from 'vue'
import { getSession, login as apiLogin, logout as apiLogout, type Session } from '../api/session'

export const auth = reactive<{ session: Session | null; checked: boolean }>({ session: null, checked: false })

/** 首次导航时向服务器确认会话（刷新页面后 Cookie 仍有效）。 */
export async function ensureSession(): Promise<Session | null> {
  if (auth.checked) return auth.session
  try {
    auth.session = await getSession()
  } catch {
    auth.session = null
  }
  auth.checked = true
  return auth.session
}

export async function signIn(username: string, password: string): Promise<Session> {
  const s = await apiLogin(username, password)
  auth.session = s
  auth.checked = true
  return s
}

export async function signOut(): Promise<void> {
  try {
    await apiLogout()
  } catch {
    // 会话已失效也视为退出成功
  }
  clearSession()
}

export function clearSession(): void {
  auth.session = null
  auth.checked = true
}
