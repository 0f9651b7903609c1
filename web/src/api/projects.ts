// 项目库：列表、详情、新建与修改、流程动作、前置手续。金额为整数分，日期为 YYYY-MM-DD 或 null。
import { pathOf, request, requestPage, type Body, type Page, type Query, type Schema } from './request'

export type ProjectState = Schema<'ProjectState'>

/** 全部项目状态，按流程顺序（与 openapi: ProjectState 的枚举相同，见 contract.test.ts）。 */
export const PROJECT_STATES: ProjectState[] = [
  'draft', 'submitted', 'township_reviewed', 'county_reviewed', 'in_library', 'planned', 'approved', 'started',
  'finished', 'accepted', 'handed_over', 'rejected', 'rolled_over', 'cancelled',
]

/** 项目库列表的一行（GET /api/v1/projects）。 */
export type ProjectSummary = Schema<'ProjectSummary'>
export type ProjectPage = Page<ProjectSummary>
export type ProjectQuery = Query<'listProjects'>
/** 当前状态下可执行的流程动作。 */
export type ProjectAction = Schema<'ProjectAction'>
/** 一条流程记录。 */
export type ProjectTransition = Schema<'ProjectTransition'>
export type ProcedureKind = Schema<'ProcedureKind'>
/** 前置手续（4 项）。 */
export type ProjectProcedure = Schema<'ProjectProcedure'>
/** 项目的一条台账凭证（不含区划与项目编码）。 */
export type ProjectLedgerEntry = Schema<'ProjectLedgerEntry'>
/** 项目详情（GET /api/v1/projects/{code}）。 */
export type ProjectDetail = Schema<'ProjectDetail'>
export type Milestone = Schema<'Milestone'>
export type PerformanceTarget = Schema<'PerformanceTarget'>
/** 项目库填报内容。 */
export type ProjectSheet = Schema<'ProjectSheet'>
/** 新建或编辑项目的请求体。 */
export type ProjectInput = Schema<'ProjectInput'>
export type TransitionRequest = Body<'transitionProject'>

export function emptySheet(): ProjectSheet {
  return {
    funds: [], implementing_unit: '', construction_content: '', fund_uses: '', benefit_mechanism: '',
    households_exited: 0, households_monitored: 0, targets: [], milestones: [], task_book: '', roadmap: '',
    responsible_contact: '', procurement: 'undecided', work_relief_considered: false, work_relief_note: '',
    village_plan_id: 0,
  }
}

/** GET /api/v1/projects：调用者子树内的项目，分页。region 缺省为本级区划。 */
export function listProjects(q: ProjectQuery = {}): Promise<ProjectPage> {
  return requestPage<ProjectSummary>('/api/v1/projects', { ...q })
}

/** GET /api/v1/projects/{code}：项目详情、可执行动作、流程记录、前置手续、资金台账与项目库记录。 */
export function getProject(code: string): Promise<ProjectDetail> {
  return request<ProjectDetail>(pathOf('/api/v1/projects/{code}', { code }))
}

/** POST /api/v1/projects/{code}/transition：执行流程动作（须带详情中的 version）；返回新的详情。 */
export function transitionProject(code: string, body: TransitionRequest): Promise<ProjectDetail> {
  return request<ProjectDetail>(pathOf('/api/v1/projects/{code}/transition', { code }), undefined, { method: 'POST', json: body })
}

/** PUT /api/v1/projects/{code}/procedures/{kind}：更新一项前置手续（完成时必须填写批复文号）。 */
export function putProcedure(code: string, kind: ProcedureKind, body: Body<'setProcedure'>): Promise<unknown> {
  return request<unknown>(pathOf('/api/v1/projects/{code}/procedures/{kind}', { code, kind }), undefined, { method: 'PUT', json: body })
}

/** POST /api/v1/projects：新建储备项目及其填报内容。 */
export function createProject(body: ProjectInput): Promise<ProjectDetail> {
  return request<ProjectDetail>('/api/v1/projects', undefined, { method: 'POST', json: body })
}

/** PUT /api/v1/projects/{code}：按版本号修改项目（版本过期返回 409，不做任何修改）。 */
export function updateProject(code: string, body: ProjectInput): Promise<ProjectDetail> {
  return request<ProjectDetail>(pathOf('/api/v1/projects/{code}', { code }), undefined, { method: 'PUT', json: body })
}

/** POST /api/v1/projects/{code}/contracts：登记施工合同（advance_rate 为空时按政策参数 advance_cap_bp）。 */
export function recordContract(code: string, body: Body<'recordContract'>): Promise<unknown> {
  return request<unknown>(pathOf('/api/v1/projects/{code}/contracts', { code }), undefined, { method: 'POST', json: body })
}

/** POST /api/v1/projects/{code}/progress：填报形象进度（%）。 */
export function recordProgress(code: string, body: Body<'recordProgress'>): Promise<unknown> {
  return request<unknown>(pathOf('/api/v1/projects/{code}/progress', { code }), undefined, { method: 'POST', json: body })
}
