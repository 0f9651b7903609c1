// 项目库的审核与公示：合规性审核、联审联批、公告公示与异议、批量审定、一村一策、倒排工期、逾期提醒。
import { pathOf, request, type Body, type Schema } from './request'
import type { Milestone, ProjectDetail } from './projects'

export type ComplianceFinding = Schema<'ComplianceFinding'>
export type ComplianceReview = Schema<'ComplianceReview'>
export type ComplianceCheck = Schema<'ComplianceCheck'>
export type Signoff = Schema<'Signoff'>
export type JointReview = Schema<'JointReview'>
export type Objection = Schema<'Objection'>
/** 公示（新建时的返回）。 */
export type Posting = Schema<'Posting'>
/** 项目详情中的公示，带异议。 */
export type ProjectPosting = Schema<'ProjectPosting'>
/** 公众看到的公示（无录入人），带是否在公示期内。 */
export type PublicPosting = Schema<'PublicPosting'>
export type VillagePlan = Schema<'VillagePlan'>
/** 一村一策列表的一行：村名与实施的项目。 */
export type VillagePlanRow = Schema<'VillagePlanRow'>
export type BatchItem = Schema<'BatchItem'>
export type BatchResult = Schema<'BatchResult'>
export type OverdueReport = Schema<'OverdueReport'>

/** GET /api/v1/projects/{code}/compliance：按当前内容预审（不记录）。 */
export function checkCompliance(code: string): Promise<ComplianceCheck> {
  return request<ComplianceCheck>(pathOf('/api/v1/projects/{code}/compliance', { code }))
}

/** POST /api/v1/projects/{code}/signoffs：一个部门的联审意见；返回新的详情。 */
export function postSignoff(code: string, body: Body<'recordSignoff'>): Promise<ProjectDetail> {
  return request<ProjectDetail>(pathOf('/api/v1/projects/{code}/signoffs', { code }), undefined, { method: 'POST', json: body })
}

export function createPosting(code: string, body: Body<'createPosting'>): Promise<Posting> {
  return request<Posting>(pathOf('/api/v1/projects/{code}/postings', { code }), undefined, { method: 'POST', json: body })
}

export function postObjection(code: string, body: Body<'recordObjection'>): Promise<Objection> {
  return request<Objection>(pathOf('/api/v1/projects/{code}/objections', { code }), undefined, { method: 'POST', json: body })
}

export function resolveObjection(code: string, id: number, resolution: string): Promise<Objection> {
  const body: Body<'resolveObjection'> = { resolution }
  return request<Objection>(pathOf('/api/v1/projects/{code}/objections/{id}/resolve', { code, id }), undefined, { method: 'POST', json: body })
}

/** GET /api/v1/public/postings：公众可见的公示列表（无需登录）。 */
export function publicPostings(region: string): Promise<{ items: PublicPosting[]; hotline: string }> {
  return request('/api/v1/public/postings', { region })
}

export function batchTransition(codes: string[], action: Schema<'ProjectStep'>, reason = ''): Promise<BatchResult> {
  const body: Body<'batchTransition'> = { codes, action, reason }
  return request<BatchResult>('/api/v1/library/batch-transition', undefined, { method: 'POST', json: body })
}

export function listVillagePlans(region?: string): Promise<{ items: VillagePlanRow[]; without_projects: number }> {
  return request('/api/v1/library/village-plans', { region })
}

export function saveVillagePlan(plan: Body<'saveVillagePlan'>): Promise<VillagePlan> {
  return request<VillagePlan>('/api/v1/library/village-plans', undefined, { method: 'POST', json: plan })
}

/** POST /api/v1/library/schedule：倒排工期（不保存）。 */
export interface ScheduleProposal {
  start: string
  milestones: Milestone[]
  /** 该区划在截止日期的施工季（起止月份）；未给区划时为 null。 */
  season: { start_month: number; end_month: number } | null
  warnings: { code: 'outside_season'; milestone: string; date: string; message: string }[]
}

/** 给出 region_code 时按该区划的施工季内天数倒排，并返回施工季和提示（如截止日期不在施工季内）。 */
export function proposeSchedule(
  deadline: string,
  milestones: Milestone[],
  region_code?: string,
): Promise<ScheduleProposal> {
  const body: Body<'proposeSchedule'> = { deadline, milestones, region_code: region_code || null }
  return request('/api/v1/library/schedule', undefined, { method: 'POST', json: body })
}

export function getOverdue(region?: string, as_of?: string): Promise<OverdueReport> {
  return request<OverdueReport>('/api/v1/library/overdue', { region, as_of })
}

/** 已存的政策值（阈值）及其生效日期。 */
export type PolicyValue = Schema<'PolicyValue'>

/** GET /api/v1/library/policies：已存的政策值（未存的键取缺省值，见 docs/definitions.md）。 */
export function listPolicies(): Promise<PolicyValue[]> {
  return request<{ items: PolicyValue[] }>('/api/v1/library/policies').then((r) => r.items)
}

/** 项目编码规则及某区划、某年度新项目留空编码时得到的格式（GET /api/v1/library/code-format，docs/definitions.md §19）。 */
export type CodeFormat = Schema<'CodeFormat'>
export function getCodeFormat(region: string, year: number): Promise<CodeFormat> {
  return request<CodeFormat>('/api/v1/library/code-format', { region, year })
}
