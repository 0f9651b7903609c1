// API 令牌（服务账户）：新建（密钥只显示一次）、列表、吊销（系统管理员）。
import { pathOf, request, requestItems, type Schema } from './request'

export type ApiToken = Schema<'ApiToken'>
export type NewApiToken = Schema<'NewApiToken'>
export type ApiTokenGrant = Schema<'ApiTokenGrant'>

/** GET /api/v1/tokens：本级及下辖区划的令牌，新的在前。 */
export function listTokens(): Promise<ApiToken[]> {
  return requestItems<ApiToken>('/api/v1/tokens')
}

/** POST /api/v1/tokens：新建令牌；返回的 token 只此一次。 */
export function createToken(body: NewApiToken): Promise<ApiTokenGrant> {
  return request<ApiTokenGrant>('/api/v1/tokens', undefined, { method: 'POST', json: body })
}

/** DELETE /api/v1/tokens/{id}：立即吊销。 */
export function revokeToken(id: number): Promise<ApiToken> {
  return request<ApiToken>(pathOf('/api/v1/tokens/{id}', { id }), undefined, { method: 'DELETE' })
}
