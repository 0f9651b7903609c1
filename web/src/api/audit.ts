// 防篡改审计日志（审计人员、系统管理员）。
import { requestPage, type Page } from './request'

export interface AuditItem {
  seq: number
  at: string
  actor: string
  actor_role: string
  address: string
  action: string
  entity_type: string
  entity_id: string
  region_code: string
  before: unknown
  after: unknown
  prev_hash: string
  hash: string
}

export type AuditPage = Page<AuditItem>

export interface AuditQuery {
  entity?: string
  actor?: string
  region?: string
  from?: string
  to?: string
  page?: number
  page_size?: number
}

/** GET /api/v1/audit：防篡改审计日志（审计人员、系统管理员）。 */
export async function listAudit(q: AuditQuery = {}): Promise<AuditPage> {
  return requestPage<AuditItem>('/api/v1/audit', { ...q })
}

