// 防篡改审计日志（审计人员、系统管理员）。
import { requestPage, type Page, type Query, type Schema } from './request'

export type AuditItem = Schema<'AuditRecord'>
export type AuditPage = Page<AuditItem>
export type AuditQuery = Query<'listAudit'>

/** GET /api/v1/audit：防篡改审计日志（审计人员、系统管理员）。 */
export function listAudit(q: AuditQuery = {}): Promise<AuditPage> {
  return requestPage<AuditItem>('/api/v1/audit', { ...q })
}
