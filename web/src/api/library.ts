// 项目库的审核与公示：合规性审核、联审联批、公告公示与异议、批量审定、一村一策、倒排工期、逾期提醒。
import { arr, pathOf, request } from './request'
import { normalizeProject, type Milestone, type ProjectDetail } from './projects'
import type { FieldError } from './errors'

export interface ComplianceFinding {
  rule: string
  ref_code: string
  blocking: boolean
  message: string
}

export interface ComplianceReview {
  on: string
  actor: string
  at: string
  passed: boolean
  findings: ComplianceFinding[]
}

export interface Signoff {
  department: string
  decision: 'approve' | 'return' | string
  comment: string
  actor: string
  at: string
}

export interface JointReview {
  complete: boolean
  required: string[]
  approved: string[]
  returned: string[]
  pending: string[]
  signoffs: Signoff[]
}

export interface Objection {
  id: number
  posting_id: number
  received_on: string
  text: string
  resolved: boolean
  resolution: string
  resolved_on: string | null
}

/** 公示（openapi: Posting）。 */
export interface Posting {
  id: number
  project_code: string
  region_code: string
  stage: string
  place: string
  start: string
  end: string
  hotline: string
  project_name: string
  region_name: string
  construction_content: string
  total_investment_fen: number
  central_fund_fen: number
  implementing_unit: string
  benefit_mechanism: string
  households_linked: number
  responsible_person: string
  objections?: Objection[]
  active?: boolean
}

export interface VillagePlan {
  id: number
  village_code: string
  year: number
  title: string
  goals: string
  village_name?: string
  project_codes?: string[]
  has_projects?: boolean
}

export interface BatchItem {
  project_code: string
  ok: boolean
  state: string
  error?: { code: string; message: string; details?: FieldError[] }
}

export interface BatchResult {
  items: BatchItem[]
  succeeded: number
  failed: number
}

export interface OverdueReport {
  as_of: string
  milestones: {
    project_code: string
    project_name: string
    region_code: string
    region_name: string
    responsible_person: string
    milestone: Milestone
    days_overdue: number
  }[]
  late_starts: {
    project_code: string
    project_name: string
    region_code: string
    region_name: string
    responsible_person: string
    status: string
    planned_start: string
    days_late: number
  }[]
}

/** GET /api/v1/projects/{code}/compliance：按当前内容预审（不记录）。 */
export async function checkCompliance(code: string): Promise<{ on: string; passed: boolean; findings: ComplianceFinding[] }> {
  return request(pathOf('/api/v1/projects/{code}/compliance', { code }))
}

export async function postSignoff(code: string, body: { department: string; decision: string; comment: string }): Promise<ProjectDetail> {
  return normalizeProject(await request<ProjectDetail>(pathOf('/api/v1/projects/{code}/signoffs', { code }), undefined, { method: 'POST', json: body }))
}

export async function createPosting(code: string, body: { stage?: string; place: string; start: string; days: number }): Promise<Posting> {
  return request<Posting>(pathOf('/api/v1/projects/{code}/postings', { code }), undefined, { method: 'POST', json: body })
}

export async function postObjection(code: string, body: { posting_id: number; text: string; received_on: string }): Promise<Objection> {
  return request<Objection>(pathOf('/api/v1/projects/{code}/objections', { code }), undefined, { method: 'POST', json: body })
}

export async function resolveObjection(code: string, id: number, resolution: string): Promise<Objection> {
  return request<Objection>(pathOf('/api/v1/projects/{code}/objections/{id}/resolve', { code, id }), undefined, { method: 'POST', json: { resolution } })
}

/** GET /api/v1/public/postings：公众可见的公示列表（无需登录）。 */
export async function publicPostings(region: string): Promise<{ items: Posting[]; hotline: string }> {
  const r = await request<{ items?: Posting[]; hotline?: string }>('/api/v1/public/postings', { region })
  return { items: arr(r.items), hotline: r.hotline ?? '12317' }
}

export async function batchTransition(codes: string[], action: string, reason = ''): Promise<BatchResult> {
  const r = await request<BatchResult>('/api/v1/library/batch-transition', undefined, { method: 'POST', json: { codes, action, reason } })
  return { items: arr(r.items), succeeded: r.succeeded ?? 0, failed: r.failed ?? 0 }
}

export async function listVillagePlans(region?: string): Promise<{ items: VillagePlan[]; without_projects: number }> {
  const r = await request<{ items?: VillagePlan[]; without_projects?: number }>('/api/v1/library/village-plans', { region })
  return { items: arr(r.items), without_projects: r.without_projects ?? 0 }
}

export async function saveVillagePlan(plan: Partial<VillagePlan>): Promise<VillagePlan> {
  return request<VillagePlan>('/api/v1/library/village-plans', undefined, { method: 'POST', json: plan })
}

export async function proposeSchedule(deadline: string, milestones: Milestone[]): Promise<{ start: string; milestones: Milestone[] }> {
  return request('/api/v1/library/schedule', undefined, { method: 'POST', json: { deadline, milestones } })
}

export async function getOverdue(region?: string, as_of?: string): Promise<OverdueReport> {
  const r = await request<Partial<OverdueReport>>('/api/v1/library/overdue', { region, as_of })
  return { as_of: r.as_of ?? '', milestones: arr(r.milestones), late_starts: arr(r.late_starts) }
}

