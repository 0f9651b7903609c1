// API 令牌：新建表单的校验与状态标签。纯函数，见 tokens.test.ts。
import type { NewApiToken } from '../../api/tokens'
import zhCN from '../../locale/zh-CN'

const T = zhCN.tokens

export interface TokenForm {
  name: string
  role: string
  region_code: string
  expires_at: string
  allowed_ips: string
}

export type TokenFormErrors = Partial<Record<keyof TokenForm, string>>

export function emptyTokenForm(region = ''): TokenForm {
  return { name: '', role: 'finance_officer', region_code: region, expires_at: '', allowed_ips: '' }
}

/** 服务账户可选的角色：除系统管理员外的全部角色（管理工作由人完成）。 */
export function tokenRoles(): [string, string][] {
  return Object.entries(zhCN.users.roles).filter(([r]) => r !== 'admin')
}

/** 白名单文本：逗号、空格或换行分隔。 */
export function splitIps(text: string): string[] {
  return text.split(/[\s,，]+/).map((s) => s.trim()).filter(Boolean)
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(\/\d{1,2})?$/

/** 粗查一个白名单条目（IPv4 地址或网段，或含冒号的 IPv6）；服务端会再严格校验。 */
export function looksLikeIp(entry: string): boolean {
  const m = entry.match(IPV4)
  if (m) return m.slice(1, 5).every((x) => Number(x) <= 255) && (!m[5] || Number(m[5].slice(1)) <= 32)
  return /^[0-9a-fA-F:]+(\/\d{1,3})?$/.test(entry) && entry.includes(':')
}

export function validateTokenForm(f: TokenForm, today: string): { token: NewApiToken | null; errors: TokenFormErrors } {
  const errors: TokenFormErrors = {}
  const name = f.name.trim()
  if (!name || name.length > 64 || /\s/.test(name)) errors.name = T.nameRule
  if (!tokenRoles().some(([r]) => r === f.role)) errors.role = zhCN.users.roleRequired
  const region = f.region_code.trim()
  if (!/^(\d{6}|\d{9}|\d{12})$/.test(region)) errors.region_code = zhCN.users.regionRule
  if (f.expires_at && f.expires_at < today) errors.expires_at = T.expiryPast
  const ips = splitIps(f.allowed_ips)
  const bad = ips.find((ip) => !looksLikeIp(ip))
  if (bad) errors.allowed_ips = T.ipRule(bad)
  if (Object.keys(errors).length > 0) return { token: null, errors }
  const token: NewApiToken = { name, role: f.role, region_code: region, allowed_ips: ips }
  if (f.expires_at) token.expires_at = f.expires_at
  return { token, errors }
}

export function stateTag(state: string): 'success' | 'info' | 'danger' {
  return state === 'active' ? 'success' : state === 'revoked' ? 'danger' : 'info'
}
