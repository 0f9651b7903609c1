// 项目库：列表、详情、新建与修改、流程动作、前置手续。金额为整数分，日期为 YYYY-MM-DD 或 null。
import { arr, pathOf, request, requestPage, type Page } from './request'
import type { FundSource, LedgerKind, PayeeType } from './ledger'
import type { ComplianceReview, JointReview, Posting, VillagePlan } from './library'

export type ProjectState =
  | 'draft'
  | 'submitted'
  | 'township_reviewed'
  | 'county_reviewed'
  | 'in_library'
  | 'planned'
  | 'approved'
  | 'started'
  | 'finished'
  | 'accepted'
  | 'handed_over'
  | 'rejected'
  | 'rolled_over'
  | 'cancelled'

export const PROJECT_STATES: ProjectState[] = [
  'draft', 'submitted', 'township_reviewed', 'county_reviewed', 'in_library', 'planned', 'approved', 'started',
  'finished', 'accepted', 'handed_over', 'rejected', 'rolled_over', 'cancelled',
]

/** 项目库列表的一行（GET /api/v1/projects）。金额为整数分。 */
export interface ProjectSummary {
  project_code: string
  name: string
  year: number
  region_code: string
  region_name: string
  category: string
  status: ProjectState | string
  status_label: string
  central_fund_fen: number
  total_investment_fen: number
  responsible_person: string
}

export type ProjectPage = Page<ProjectSummary>

export interface ProjectQuery {
  region?: string
  year?: number
  state?: string
  category?: string
  q?: string
  page?: number
  page_size?: number
}

/** 当前状态下可执行的流程动作。 */
export interface ProjectAction {
  action: string
  label: string
  reason_required: boolean
}

/** 一条流程记录。 */
export interface ProjectTransition {
  action: string
  from: string
  to: string
  actor: string
  at: string
  date: string
  reason: string
}

export type ProcedureKind = 'land' | 'environment' | 'feasibility' | 'tender_or_work_relief'

/** 前置手续（4 项）。 */
export interface ProjectProcedure {
  kind: ProcedureKind | string
  label: string
  complete: boolean
  document_ref: string
}

/** 项目的一条台账凭证（不含区划与项目编码）。 */
export interface ProjectLedgerEntry {
  entry_id: string
  date: string
  kind: LedgerKind | string
  fund_source: FundSource | string
  fund_year: number
  amount_fen: number
  payee: string
  payee_type: PayeeType | ''
  reverses: string
}

/** 项目详情（GET /api/v1/projects/{code}）。日期为 YYYY-MM-DD 或 null。 */
export interface ProjectDetail extends ProjectSummary {
  subcategory: string
  other_fund_fen: number
  planned_start: string | null
  planned_finish: string | null
  actual_start: string | null
  actual_finish: string | null
  gov_infrastructure: boolean
  low_skill: boolean
  work_relief: boolean
  version: number
  allowed_actions: ProjectAction[]
  transitions: ProjectTransition[]
  procedures: ProjectProcedure[]
  ledger: ProjectLedgerEntry[]
  sheet: ProjectSheet
  compliance: ComplianceReview | null
  joint_review: JointReview
  postings: Posting[]
  village_plan: VillagePlan | null
}

export interface Milestone {
  name: string
  duration_days: number
  planned: string | null
  actual: string | null
}

export interface PerformanceTarget {
  kind: 'output' | 'benefit' | 'satisfaction' | string
  name: string
  target: string
}

/** 项目库填报内容（openapi: ProjectSheet）。 */
export interface ProjectSheet {
  funds: { source: string; amount_fen: number }[]
  implementing_unit: string
  construction_content: string
  fund_uses: string
  benefit_mechanism: string
  households_exited: number
  households_monitored: number
  targets: PerformanceTarget[]
  milestones: Milestone[]
  task_book: string
  roadmap: string
  responsible_contact: string
  procurement: string
  work_relief_considered: boolean
  work_relief_note: string
  village_plan_id: number
}

export const PROJECT_SHEET_FIELDS: (keyof ProjectSheet)[] = [
  'funds', 'implementing_unit', 'construction_content', 'fund_uses', 'benefit_mechanism', 'households_exited',
  'households_monitored', 'targets', 'milestones', 'task_book', 'roadmap', 'responsible_contact', 'procurement',
  'work_relief_considered', 'work_relief_note', 'village_plan_id',
]

export function emptySheet(): ProjectSheet {
  return {
    funds: [], implementing_unit: '', construction_content: '', fund_uses: '', benefit_mechanism: '',
    households_exited: 0, households_monitored: 0, targets: [], milestones: [], task_book: '', roadmap: '',
    responsible_contact: '', procurement: 'undecided', work_relief_considered: false, work_relief_note: '',
    village_plan_id: 0,
  }
}

/** 新建或编辑项目的请求体（openapi: ProjectInput）。 */
export interface ProjectInput {
  project_code?: string
  name: string
  year: number
  region_code?: string
  category: string
  subcategory: string
  total_investment_fen: number
  central_fund_fen: number
  other_fund_fen: number
  planned_start: string | null
  planned_finish: string | null
  responsible_person: string
  gov_infrastructure: boolean
  low_skill: boolean
  work_relief: boolean
  version?: number
  sheet: ProjectSheet
}

export interface TransitionRequest {
  action: string
  reason?: string
  date?: string
  version: number
}

/** 详情的数组字段缺失时补为空数组。 */
export function normalizeProject(d: ProjectDetail): ProjectDetail {
  return {
    ...d,
    allowed_actions: arr(d.allowed_actions),
    transitions: arr(d.transitions),
    procedures: arr(d.procedures),
    ledger: arr(d.ledger),
    sheet: { ...emptySheet(), ...(d.sheet ?? {}) },
    compliance: d.compliance ?? null,
    joint_review: d.joint_review ?? { complete: true, required: [], approved: [], returned: [], pending: [], signoffs: [] },
    postings: arr(d.postings).map((p) => ({ ...p, objections: arr(p.objections) })),
    village_plan: d.village_plan ?? null,
  }
}

/** GET /api/v1/projects：调用者子树内的项目，分页。region 缺省为本级区划。 */
export async function listProjects(q: ProjectQuery = {}): Promise<ProjectPage> {
  return requestPage<ProjectSummary>('/api/v1/projects', { ...q })
}

/** GET /api/v1/projects/{code}：项目详情、可执行动作、流程记录、前置手续与资金台账。 */
export async function getProject(code: string): Promise<ProjectDetail> {
  return normalizeProject(await request<ProjectDetail>(pathOf('/api/v1/projects/{code}', { code })))
}

/** POST /api/v1/projects/{code}/transition：执行流程动作（须带详情中的 version）；返回新的详情。 */
export async function transitionProject(code: string, body: TransitionRequest): Promise<ProjectDetail> {
  const d = await request<ProjectDetail>(pathOf('/api/v1/projects/{code}/transition', { code }), undefined, {
    method: 'POST',
    json: body,
  })
  return normalizeProject(d)
}

/** PUT /api/v1/projects/{code}/procedures/{kind}：更新一项前置手续（完成时必须填写批复文号）。 */
export async function putProcedure(
  code: string,
  kind: string,
  body: { complete: boolean; document_ref: string },
): Promise<unknown> {
  return request<unknown>(pathOf('/api/v1/projects/{code}/procedures/{kind}', { code, kind }), undefined, { method: 'PUT', json: body })
}

/** POST /api/v1/projects：新建储备项目及其填报内容。 */
export async function createProject(body: ProjectInput): Promise<ProjectDetail> {
  return normalizeProject(await request<ProjectDetail>('/api/v1/projects', undefined, { method: 'POST', json: body }))
}

/** PUT /api/v1/projects/{code}：按版本号修改项目（版本过期返回 409，不做任何修改）。 */
export async function updateProject(code: string, body: ProjectInput): Promise<ProjectDetail> {
  const d = await request<ProjectDetail>(pathOf('/api/v1/projects/{code}', { code }), undefined, { method: 'PUT', json: body })
  return normalizeProject(d)
}

