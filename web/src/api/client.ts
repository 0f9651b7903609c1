// 统一的类型化 API 客户端：前端所有 fetch 调用都集中在这里。
// 路径与字段名由 client.test.ts 对照 docs/openapi.yaml 与 docs/api-accounts.md 检查。
// 错误响应约定：{"error":{"code":"not_found","message":"...","details":[...]}}

export type RegionLevel = 'province' | 'prefecture' | 'county' | 'township' | 'village'

export interface Region {
  code: string
  name: string
  level: RegionLevel | string
  level_label?: string
  parent_code: string | null
  child_count: number
  descendant_count: number
}

export interface ListResponse<T> {
  items: T[]
}

/** 一个区划子树在某资金年度、截止日期的全部指标（openapi: Indicators）。百分数已四舍五入到两位，分母为零时为 null。 */
export interface Indicators {
  region_code: string
  region_name: string
  region_level: string
  year: number
  as_of: string
  fund_source: string
  projects_total: number
  projects_started: number
  start_rate: number | null
  start_rate_yoy_pts: number | null
  projects_finished: number
  completion_rate: number | null
  allocated_fen: number
  expended_fen: number
  disbursed_fen: number
  expend_progress: number | null
  expend_progress_yoy_pts: number | null
  assessed_progress: number | null
  time_progress: number
  on_track: boolean | null
  allocated_to_projects_fen: number
  distribute_progress: number | null
  disburse_as_expend_fen: number
  pay_ahead_fen: number
  industry_planned_fen: number
  planned_total_fen: number
  industry_share: number | null
  /** 单个区划的指标才有：与全国平均、本地区往年最好成绩的对比（未知时为 null）。 */
  comparisons?: Comparisons
}

/** 一项头条指标的对比对象。 */
export interface FigureComparison {
  national: { value: number; date: string } | null
  best_earlier: { value: number | null; year: number } | null
}

export interface Comparisons {
  start_rate: FigureComparison
  expend_progress: FigureComparison
}

/** Indicators 的字段名，供与 OpenAPI 文件核对。 */
export const INDICATOR_FIELDS: (keyof Indicators)[] = [
  'region_code', 'region_name', 'region_level', 'year', 'as_of', 'fund_source', 'projects_total',
  'projects_started', 'start_rate', 'start_rate_yoy_pts', 'projects_finished', 'completion_rate',
  'allocated_fen', 'expended_fen', 'disbursed_fen', 'expend_progress', 'expend_progress_yoy_pts',
  'assessed_progress', 'time_progress', 'on_track', 'allocated_to_projects_fen', 'distribute_progress',
  'disburse_as_expend_fen', 'pay_ahead_fen', 'industry_planned_fen', 'planned_total_fen', 'industry_share',
  'comparisons',
]

/**
 * 县级排名的一行（openapi: RankRow）。名次与奖惩按奖惩方案的范围（默认省级）排定，不在所看的子树内重排；
 * 未下达资金的县 rank 为 null、incentive_fen 为 0；scope_size 为范围内参与排名的单位数。
 */
export interface RankRow {
  rank: number | null
  region_code: string
  region_name: string
  expend_progress: number | null
  assessed_progress: number | null
  incentive_fen: number
  allocated_fen: number
  expended_fen: number
  scope_region_code: string | null
  scope_size: number
}

export const RANK_FIELDS: (keyof RankRow)[] = [
  'rank', 'region_code', 'region_name', 'expend_progress', 'assessed_progress', 'incentive_fen', 'allocated_fen',
  'expended_fen', 'scope_region_code', 'scope_size',
]

/** 一个奖惩方案（openapi: RankingScope）：所属区划、参与排名的单位数、前 N / 后 N 与金额。 */
export interface RankingScope {
  region_code: string | null
  region_name: string
  size: number
  top_n: number
  bottom_n: number
  amount_fen: number
}

export interface Ranking {
  items: RankRow[]
  scopes: RankingScope[]
}

/** 问题预警（openapi: Flag）：一个工作事项，含发现的问题与处理状态。 */
export type FlagKind = 'disburse_as_expend' | 'pay_ahead_of_progress' | 'over_arranged' | 'negative_list'
export type FlagStatus = 'open' | 'explained' | 'closed'

export interface FlagItem {
  id: number | null
  kind: FlagKind | string
  kind_label: string
  subject_type: 'entry' | 'project'
  subject: string
  entry_id: string | null
  project_code: string
  project_name: string
  region_code: string
  region_name: string
  fund_year: number | null
  fund_source: string | null
  date: string
  cleared_on: string | null
  amount_fen: number
  detail: string
  status: FlagStatus
  status_label: string
  assignee: string
  reason: string
  updated_at: string
  version: number
  payee?: string
  contract_fen?: number
  advance_fen?: number
  progress?: number
  paid_fen?: number
  cap_fen?: number
  excess_fen?: number
  retention_held?: boolean
}

export const FLAG_FIELDS: (keyof FlagItem)[] = [
  'id', 'kind', 'kind_label', 'subject_type', 'subject', 'entry_id', 'project_code', 'project_name', 'region_code',
  'region_name', 'fund_year', 'fund_source', 'date', 'cleared_on', 'amount_fen', 'detail', 'status', 'status_label',
  'assignee', 'reason', 'updated_at', 'version', 'payee', 'contract_fen', 'advance_fen', 'progress', 'paid_fen',
  'cap_fen', 'excess_fen', 'retention_held',
]

export interface FlagSummary {
  kind: FlagKind | string
  label: string
  count: number
  amount_fen: number
}

export interface FlagsResponse {
  items: FlagItem[]
  total: number
  page: number
  page_size: number
  summary: FlagSummary[]
}

export interface FlagHistoryItem {
  at: string
  actor: string
  action: string
  status: FlagStatus
  assignee: string
  reason: string
}

export interface FlagDetail extends FlagItem {
  history: FlagHistoryItem[]
}

export type FlagAction = 'assign' | 'explain' | 'close' | 'reopen'

export type LedgerKind = 'allocate' | 'disburse' | 'expend' | 'reverse'
export type FundSource = 'central' | 'provincial' | 'prefecture' | 'county' | 'integrated' | 'other'
export type PayeeType = 'enterprise' | 'individual' | 'collective' | 'gov_account'

/** 一条台账凭证（openapi: LedgerEntry）。金额为整数分。 */
export interface LedgerEntry {
  entry_id: string
  date: string
  kind: LedgerKind
  fund_source: FundSource
  fund_year: number
  region_code: string
  project_code?: string
  amount_fen: number
  payee?: string
  payee_type?: PayeeType
  reverses?: string
  note?: string
}

export const LEDGER_FIELDS: (keyof LedgerEntry)[] = [
  'entry_id', 'date', 'kind', 'fund_source', 'fund_year', 'region_code', 'project_code', 'amount_fen', 'payee',
  'payee_type', 'reverses', 'note',
]

export interface ImportReport {
  kind: string
  rows: number
  inserted: number
  updated: number
  unchanged: number
}

/** 当前登录用户（POST/GET /api/v1/session）。 */
export interface SessionUser {
  id: number
  username: string
  role: string
  role_label: string
  region_code: string
  region_name: string
}

export interface Session {
  username: string
  role: string
  region_code: string
  csrf_token: string
  user: SessionUser
}

/** 导入或批量写入的逐行错误（openapi: FieldError）。 */
export interface FieldError {
  row?: number
  column?: string
  column_index?: number
  value?: string
  code?: string
  message?: string
}

export interface ApiErrorBody {
  error: { code: string; message: string; details?: FieldError[] }
}

export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly details: FieldError[]

  constructor(status: number, code: string, message: string, details: FieldError[] = []) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.details = details
  }
}

/** 每个路径的 [方法, 路径] 列表，供与 OpenAPI 文件核对。 */
export const ENDPOINTS = {
  session: '/api/v1/session',
  regions: '/api/v1/regions',
  region: '/api/v1/regions/{code}',
  indicators: '/api/v1/indicators',
  rankings: '/api/v1/rankings',
  flags: '/api/v1/flags',
  ledger: '/api/v1/ledger',
} as const

/** issue #14 的接口：预警处理、保存前检查、全国平均基准、合同与形象进度（docs/openapi.yaml）。 */
export const RULES_ENDPOINTS = {
  flag: '/api/v1/flags/{kind}/{subject}',
  flagActions: '/api/v1/flags/{kind}/{subject}/actions',
  ledgerCheck: '/api/v1/ledger/check',
  benchmarks: '/api/v1/benchmarks',
  contracts: '/api/v1/projects/{code}/contracts',
  progress: '/api/v1/projects/{code}/progress',
} as const

/** 项目库接口（尚未写入 docs/openapi.yaml 时，client.test.ts 暂不要求其有文档）。 */
export const PROJECT_ENDPOINTS = {
  projects: '/api/v1/projects',
  project: '/api/v1/projects/{code}',
  transition: '/api/v1/projects/{code}/transition',
  procedure: '/api/v1/projects/{code}/procedures/{kind}',
} as const

/** 项目库的填报、审核、公示、一村一策、倒排工期与参考数据接口（docs/openapi.yaml）。 */
export const LIBRARY_ENDPOINTS = {
  compliance: '/api/v1/projects/{code}/compliance',
  signoffs: '/api/v1/projects/{code}/signoffs',
  postings: '/api/v1/projects/{code}/postings',
  objections: '/api/v1/projects/{code}/objections',
  resolve: '/api/v1/projects/{code}/objections/{id}/resolve',
  publicPostings: '/api/v1/public/postings',
  batch: '/api/v1/library/batch-transition',
  reviewDepartments: '/api/v1/library/review-departments',
  villagePlans: '/api/v1/library/village-plans',
  schedule: '/api/v1/library/schedule',
  overdue: '/api/v1/library/overdue',
  reference: '/api/v1/library/reference',
  policies: '/api/v1/library/policies',
} as const

const BASE: string = (import.meta.env?.VITE_API_BASE as string | undefined) ?? ''

type Params = Record<string, string | number | undefined | null>

let csrfToken = ''
let onUnauthenticated: (() => void) | null = null

/** 登录后保存 CSRF 令牌；会话 Cookie 为 HttpOnly，由浏览器自动携带。 */
export function setCsrfToken(token: string): void {
  csrfToken = token
}

/** 任一请求返回 401 时调用（跳转登录页）。登录请求本身除外。 */
export function setUnauthenticatedHandler(fn: (() => void) | null): void {
  onUnauthenticated = fn
}

function isErrorBody(x: unknown): x is ApiErrorBody {
  if (typeof x !== 'object' || x === null) return false
  const e = (x as { error?: unknown }).error
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string'
}

export function buildQuery(params?: Params): string {
  if (!params) return ''
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v))
  }
  const s = q.toString()
  return s ? `?${s}` : ''
}

export async function request<T>(path: string, params?: Params, init?: RequestInit & { json?: unknown }): Promise<T> {
  const method = (init?.method ?? 'GET').toUpperCase()
  const headers: Record<string, string> = { Accept: 'application/json', ...((init?.headers as Record<string, string>) ?? {}) }
  let body = init?.body
  if (init?.json !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(init.json)
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken
  let resp: Response
  try {
    resp = await fetch(`${BASE}${path}${buildQuery(params)}`, { ...init, method, headers, body, credentials: 'same-origin' })
  } catch (e) {
    throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e))
  }
  const text = await resp.text()
  let parsed: unknown = null
  if (text) {
    try {
      parsed = JSON.parse(text)
    } catch {
      parsed = null
    }
  }
  if (!resp.ok) {
    if (resp.status === 401 && path !== ENDPOINTS.session && onUnauthenticated) onUnauthenticated()
    if (isErrorBody(parsed)) {
      const d = Array.isArray(parsed.error.details) ? parsed.error.details : []
      throw new ApiError(resp.status, parsed.error.code, parsed.error.message, d)
    }
    throw new ApiError(resp.status, `http_${resp.status}`, resp.statusText || `HTTP ${resp.status}`)
  }
  if (parsed === null) throw new ApiError(resp.status, 'bad_response', 'response is not JSON')
  return parsed as T
}

// ---- 会话 ----

/** POST /api/v1/session：用户名密码登录。 */
export async function login(username: string, password: string): Promise<Session> {
  const s = await request<Session>(ENDPOINTS.session, undefined, { method: 'POST', json: { username, password } })
  setCsrfToken(s.csrf_token)
  return s
}

/** GET /api/v1/session：页面刷新后取回当前用户与 CSRF 令牌；未登录时抛出 401。 */
export async function getSession(): Promise<Session> {
  const s = await request<Session>(ENDPOINTS.session)
  setCsrfToken(s.csrf_token)
  return s
}

/** DELETE /api/v1/session：退出登录。 */
export async function logout(): Promise<void> {
  try {
    await request<unknown>(ENDPOINTS.session, undefined, { method: 'DELETE' })
  } finally {
    setCsrfToken('')
  }
}

// ---- 区划 ----

/** GET /api/v1/regions[?parent=CODE]：无 parent 时返回调用者的本级区划。 */
export async function listRegions(parent?: string): Promise<Region[]> {
  const r = await request<ListResponse<Region>>(ENDPOINTS.regions, { parent })
  return Array.isArray(r.items) ? r.items : []
}

/** GET /api/v1/regions/{code} */
export async function getRegion(code: string): Promise<Region> {
  return request<Region>(ENDPOINTS.region.replace('{code}', encodeURIComponent(code)))
}

// ---- 指标 ----

export interface FigureQuery {
  region: string
  year: number
  as_of: string
  fund_source?: FundSource
}

/** GET /api/v1/indicators：一个区划子树的全部指标。 */
export async function getIndicators(q: FigureQuery): Promise<Indicators> {
  return request<Indicators>(ENDPOINTS.indicators, { ...q })
}

/** GET /api/v1/indicators?by=children：每个直接下级一行。 */
export async function getChildIndicators(q: FigureQuery): Promise<Indicators[]> {
  const r = await request<ListResponse<Indicators>>(ENDPOINTS.indicators, { ...q, by: 'children' })
  return Array.isArray(r.items) ? r.items : []
}

/** GET /api/v1/rankings：子树内的县在其奖惩方案中的名次与奖惩金额，及各方案的 N 与金额。 */
export async function getRankings(q: FigureQuery & { level?: string }): Promise<Ranking> {
  const r = await request<Partial<Ranking>>(ENDPOINTS.rankings, { ...q })
  return { items: Array.isArray(r.items) ? r.items : [], scopes: Array.isArray(r.scopes) ? r.scopes : [] }
}

export interface FlagQuery {
  region: string
  as_of: string
  year?: number
  kind?: string
  status?: string
  page?: number
  page_size?: number
}

/** GET /api/v1/flags：问题预警（分页，按区划、类型、状态筛选）。 */
export async function getFlags(q: FlagQuery): Promise<FlagsResponse> {
  const r = await request<Partial<FlagsResponse>>(ENDPOINTS.flags, { ...q })
  return {
    items: Array.isArray(r.items) ? r.items : [],
    total: r.total ?? 0,
    page: r.page ?? q.page ?? 1,
    page_size: r.page_size ?? q.page_size ?? 20,
    summary: Array.isArray(r.summary) ? r.summary : [],
  }
}

function flagPath(tpl: string, kind: string, subject: string): string {
  return tpl.replace('{kind}', encodeURIComponent(kind)).replace('{subject}', encodeURIComponent(subject))
}

/** GET /api/v1/flags/{kind}/{subject}：一条预警与处理记录。 */
export async function getFlag(kind: string, subject: string): Promise<FlagDetail> {
  const d = await request<FlagDetail>(flagPath(RULES_ENDPOINTS.flag, kind, subject))
  return { ...d, history: Array.isArray(d.history) ? d.history : [] }
}

/** POST /api/v1/flags/{kind}/{subject}/actions：指派、说明、关闭（须填理由）、重新打开。 */
export async function actOnFlag(
  kind: string,
  subject: string,
  body: { action: FlagAction; assignee?: string; reason?: string; version?: number },
): Promise<FlagDetail> {
  const d = await request<FlagDetail>(flagPath(RULES_ENDPOINTS.flagActions, kind, subject), undefined, { method: 'POST', json: body })
  return { ...d, history: Array.isArray(d.history) ? d.history : [] }
}

// ---- 台账 ----

/** POST /api/v1/ledger：追加一条凭证（按凭证号幂等）。 */
export async function postLedgerEntry(entry: LedgerEntry): Promise<ImportReport> {
  return request<ImportReport>(ENDPOINTS.ledger, undefined, { method: 'POST', json: entry })
}

/** 保存前检查（POST /api/v1/ledger/check）：会被拒绝的原因与保存后会产生的预警；什么也不保存。 */
export interface LedgerCheck {
  ok: boolean
  error: { code: string; message: string; details: FieldError[] } | null
  warnings: { kind: FlagKind | string; kind_label: string; subject: string; project_code: string; amount_fen: number; detail: string }[]
}

export async function checkLedgerEntry(entry: LedgerEntry): Promise<LedgerCheck> {
  const r = await request<LedgerCheck>(RULES_ENDPOINTS.ledgerCheck, undefined, { method: 'POST', json: entry })
  return { ok: r.ok, error: r.error ?? null, warnings: Array.isArray(r.warnings) ? r.warnings : [] }
}

/** 台账查询条件（GET /api/v1/ledger）。 */
export interface LedgerQuery {
  region?: string
  year?: number
  fund_source?: string
  kind?: string
  project?: string
  from?: string
  to?: string
  q?: string
  page?: number
  page_size?: number
}

/** 台账中的一条凭证；reversed_by 为冲销它的凭证号（未被冲销为空）。 */
export interface LedgerItem {
  seq: number
  entry_id: string
  date: string
  kind: LedgerKind
  kind_label: string
  fund_source: FundSource
  fund_year: number
  region_code: string
  region_name: string
  project_code: string
  amount_fen: number
  payee: string
  payee_type: PayeeType | ''
  reverses: string
  note: string
  reversed_by: string
}

export interface LedgerPage {
  items: LedgerItem[]
  total: number
  page: number
  page_size: number
}

/** GET /api/v1/ledger：本级子树的凭证，新的在前，分页。 */
export async function listLedger(q: LedgerQuery = {}): Promise<LedgerPage> {
  const r = await request<Partial<LedgerPage>>(ENDPOINTS.ledger, { ...q })
  return {
    items: Array.isArray(r.items) ? r.items : [],
    total: r.total ?? 0,
    page: r.page ?? 1,
    page_size: r.page_size ?? 20,
  }
}

// ---- 用户与审计 ----

export interface UserItem {
  id: number
  username: string
  role: string
  role_label: string
  region_code: string
  region_name: string
  disabled: boolean
  created_at: string
  /** 所属部门（联审联批时只能以该部门名义签署意见）；空为无。 */
  department: string
}

export interface NewUserRequest {
  username: string
  role: string
  region_code: string
  password: string
  department?: string
}

/** GET /api/v1/users：本级及下辖的用户（系统管理员）。 */
export async function listUsers(): Promise<UserItem[]> {
  const r = await request<{ items?: UserItem[] }>('/api/v1/users')
  return Array.isArray(r.items) ? r.items : []
}

/** POST /api/v1/users：新建用户。 */
export async function createUser(u: NewUserRequest): Promise<UserItem> {
  return request<UserItem>('/api/v1/users', undefined, { method: 'POST', json: u })
}

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

export interface AuditPage {
  items: AuditItem[]
  total: number
  page: number
  page_size: number
}

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
  const r = await request<Partial<AuditPage>>('/api/v1/audit', { ...q })
  return { items: Array.isArray(r.items) ? r.items : [], total: r.total ?? 0, page: r.page ?? 1, page_size: r.page_size ?? 20 }
}

// ---- 项目库 ----

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

export const PROJECT_SUMMARY_FIELDS: (keyof ProjectSummary)[] = [
  'project_code', 'name', 'year', 'region_code', 'region_name', 'category', 'status', 'status_label',
  'central_fund_fen', 'total_investment_fen', 'responsible_person',
]

export interface ProjectPage {
  items: ProjectSummary[]
  total: number
  page: number
  page_size: number
}

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
  contracts: ProjectContract[]
  progress: ProgressReport[]
  /** 今日的超进度拨款核查；无合同时为 null。 */
  pay_ahead: PayAheadCheck | null
}

/** 施工合同（超进度拨款的依据）。advance_rate 为合同约定的预付款比例（%），为 null 时按政策参数。 */
export interface ProjectContract {
  contract_no: string
  amount_fen: number
  signed_on: string
  advance_rate: number | null
}

/** 形象进度报告（%）。 */
export interface ProgressReport {
  date: string
  progress: number
  note: string
}

export interface PayAheadCheck {
  contract_fen: number
  advance_fen: number
  progress: number
  paid_fen: number
  cap_fen: number
  excess_fen: number
  retention_held: boolean
}

export const PROJECT_DETAIL_FIELDS: (keyof ProjectDetail)[] = [
  ...PROJECT_SUMMARY_FIELDS, 'subcategory', 'other_fund_fen', 'planned_start', 'planned_finish', 'actual_start',
  'actual_finish', 'gov_infrastructure', 'low_skill', 'work_relief', 'version', 'allowed_actions', 'transitions',
  'procedures', 'ledger', 'contracts', 'progress', 'pay_ahead',
]

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

export interface TransitionRequest {
  action: string
  reason?: string
  date?: string
  version: number
}

function projectPath(tpl: string, code: string, kind?: string): string {
  let p = tpl.replace('{code}', encodeURIComponent(code))
  if (kind !== undefined) p = p.replace('{kind}', encodeURIComponent(kind))
  return p
}

function arr<T>(x: T[] | undefined | null): T[] {
  return Array.isArray(x) ? x : []
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
    contracts: arr(d.contracts),
    progress: arr(d.progress),
    pay_ahead: d.pay_ahead ?? null,
  }
}

/** POST /api/v1/projects/{code}/contracts：登记施工合同（advance_rate 可空）。 */
export async function postContract(
  code: string,
  body: { contract_no: string; amount_fen: number; signed_on: string; advance_rate?: number | null },
): Promise<void> {
  await request<unknown>(projectPath(RULES_ENDPOINTS.contracts, code), undefined, { method: 'POST', json: body })
}

/** POST /api/v1/projects/{code}/progress：填报形象进度（%）。 */
export async function postProgress(code: string, body: { date: string; progress: number; note?: string }): Promise<void> {
  await request<unknown>(projectPath(RULES_ENDPOINTS.progress, code), undefined, { method: 'POST', json: body })
}

/** 全国平均基准（openapi: Benchmark）。 */
export interface Benchmark {
  indicator: 'start_rate' | 'expend_progress'
  date: string
  value: number
  value_bp: number
}

export async function listBenchmarks(): Promise<Benchmark[]> {
  const r = await request<ListResponse<Benchmark>>(RULES_ENDPOINTS.benchmarks)
  return arr(r.items)
}

export async function saveBenchmark(b: { indicator: string; date: string; value: number }): Promise<ImportReport> {
  return request<ImportReport>(RULES_ENDPOINTS.benchmarks, undefined, { method: 'POST', json: b })
}

/** GET /api/v1/projects：调用者子树内的项目，分页。region 缺省为本级区划。 */
export async function listProjects(q: ProjectQuery = {}): Promise<ProjectPage> {
  const r = await request<Partial<ProjectPage>>(PROJECT_ENDPOINTS.projects, { ...q })
  return {
    items: arr(r.items),
    total: r.total ?? 0,
    page: r.page ?? q.page ?? 1,
    page_size: r.page_size ?? q.page_size ?? 20,
  }
}

/** GET /api/v1/projects/{code}：项目详情、可执行动作、流程记录、前置手续与资金台账。 */
export async function getProject(code: string): Promise<ProjectDetail> {
  return normalizeProject(await request<ProjectDetail>(projectPath(PROJECT_ENDPOINTS.project, code)))
}

/** POST /api/v1/projects/{code}/transition：执行流程动作（须带详情中的 version）；返回新的详情。 */
export async function transitionProject(code: string, body: TransitionRequest): Promise<ProjectDetail> {
  const d = await request<ProjectDetail>(projectPath(PROJECT_ENDPOINTS.transition, code), undefined, {
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
  return request<unknown>(projectPath(PROJECT_ENDPOINTS.procedure, code, kind), undefined, { method: 'PUT', json: body })
}

function libPath(tpl: string, code: string, id?: number): string {
  let p = tpl.replace('{code}', encodeURIComponent(code))
  if (id !== undefined) p = p.replace('{id}', String(id))
  return p
}

/** POST /api/v1/projects：新建储备项目及其填报内容。 */
export async function createProject(body: ProjectInput): Promise<ProjectDetail> {
  return normalizeProject(await request<ProjectDetail>(PROJECT_ENDPOINTS.projects, undefined, { method: 'POST', json: body }))
}

/** PUT /api/v1/projects/{code}：按版本号修改项目（版本过期返回 409，不做任何修改）。 */
export async function updateProject(code: string, body: ProjectInput): Promise<ProjectDetail> {
  const d = await request<ProjectDetail>(projectPath(PROJECT_ENDPOINTS.project, code), undefined, { method: 'PUT', json: body })
  return normalizeProject(d)
}

/** GET /api/v1/projects/{code}/compliance：按当前内容预审（不记录）。 */
export async function checkCompliance(code: string): Promise<{ on: string; passed: boolean; findings: ComplianceFinding[] }> {
  return request(libPath(LIBRARY_ENDPOINTS.compliance, code))
}

export async function postSignoff(code: string, body: { department: string; decision: string; comment: string }): Promise<ProjectDetail> {
  return normalizeProject(await request<ProjectDetail>(libPath(LIBRARY_ENDPOINTS.signoffs, code), undefined, { method: 'POST', json: body }))
}

export async function createPosting(code: string, body: { stage?: string; place: string; start: string; days: number }): Promise<Posting> {
  return request<Posting>(libPath(LIBRARY_ENDPOINTS.postings, code), undefined, { method: 'POST', json: body })
}

export async function postObjection(code: string, body: { posting_id: number; text: string; received_on: string }): Promise<Objection> {
  return request<Objection>(libPath(LIBRARY_ENDPOINTS.objections, code), undefined, { method: 'POST', json: body })
}

export async function resolveObjection(code: string, id: number, resolution: string): Promise<Objection> {
  return request<Objection>(libPath(LIBRARY_ENDPOINTS.resolve, code, id), undefined, { method: 'POST', json: { resolution } })
}

/** GET /api/v1/public/postings：公众可见的公示列表（无需登录）。 */
export async function publicPostings(region: string): Promise<{ items: Posting[]; hotline: string }> {
  const r = await request<{ items?: Posting[]; hotline?: string }>(LIBRARY_ENDPOINTS.publicPostings, { region })
  return { items: arr(r.items), hotline: r.hotline ?? '12317' }
}

export async function batchTransition(codes: string[], action: string, reason = ''): Promise<BatchResult> {
  const r = await request<BatchResult>(LIBRARY_ENDPOINTS.batch, undefined, { method: 'POST', json: { codes, action, reason } })
  return { items: arr(r.items), succeeded: r.succeeded ?? 0, failed: r.failed ?? 0 }
}

export async function listVillagePlans(region?: string): Promise<{ items: VillagePlan[]; without_projects: number }> {
  const r = await request<{ items?: VillagePlan[]; without_projects?: number }>(LIBRARY_ENDPOINTS.villagePlans, { region })
  return { items: arr(r.items), without_projects: r.without_projects ?? 0 }
}

export async function saveVillagePlan(plan: Partial<VillagePlan>): Promise<VillagePlan> {
  return request<VillagePlan>(LIBRARY_ENDPOINTS.villagePlans, undefined, { method: 'POST', json: plan })
}

export async function proposeSchedule(deadline: string, milestones: Milestone[]): Promise<{ start: string; milestones: Milestone[] }> {
  return request(LIBRARY_ENDPOINTS.schedule, undefined, { method: 'POST', json: { deadline, milestones } })
}

export async function getOverdue(region?: string, as_of?: string): Promise<OverdueReport> {
  const r = await request<Partial<OverdueReport>>(LIBRARY_ENDPOINTS.overdue, { region, as_of })
  return { as_of: r.as_of ?? '', milestones: arr(r.milestones), late_starts: arr(r.late_starts) }
}

export const api = {
  login,
  getSession,
  logout,
  listRegions,
  getRegion,
  getIndicators,
  getChildIndicators,
  getRankings,
  getFlags,
  postLedgerEntry,
  listProjects,
  getProject,
  transitionProject,
  putProcedure,
  createProject,
  updateProject,
  checkCompliance,
  postSignoff,
  createPosting,
  postObjection,
  resolveObjection,
  publicPostings,
  batchTransition,
  listVillagePlans,
  saveVillagePlan,
  proposeSchedule,
  getOverdue,
}
export default api

// ---- Excel 导入任务与导出（issue #7）----

/** 导入任务与导出接口（docs/openapi.yaml）。 */
export const EXCEL_ENDPOINTS = {
  importJobs: '/api/v1/imports/jobs',
  importJob: '/api/v1/imports/jobs/{id}',
  importJobErrors: '/api/v1/imports/jobs/{id}/errors.xlsx',
  submitRegions: '/api/v1/imports/regions/jobs',
  submitProjects: '/api/v1/imports/projects/jobs',
  submitLedger: '/api/v1/imports/ledger/jobs',
  submitContracts: '/api/v1/imports/contracts/jobs',
  submitProgress: '/api/v1/imports/progress/jobs',
  submitBenchmarks: '/api/v1/imports/benchmarks/jobs',
  exportDispatch: '/api/v1/exports/dispatch.xlsx',
  exportRankings: '/api/v1/exports/rankings.xlsx',
  exportFlags: '/api/v1/exports/flags.xlsx',
  exportProjects: '/api/v1/exports/projects.xlsx',
  exportLedger: '/api/v1/exports/ledger.xlsx',
} as const

export type ImportKind = 'regions' | 'projects' | 'ledger' | 'contracts' | 'progress' | 'benchmarks'
export type JobState = 'queued' | 'running' | 'succeeded' | 'failed'

/** 一个导入任务（openapi: ImportJob）。 */
export interface ImportJob {
  job_id: string
  kind: ImportKind
  state: JobState
  phase: 'queued' | 'reading' | 'writing' | 'done'
  file_name: string
  format: 'csv' | 'xlsx'
  owner: string
  rows_read: number
  rows_total: number
  created_at: string
  started_at: string | null
  finished_at: string | null
  report: ImportReport | null
  error: { code: string; message: string } | null
  errors: (FieldError & { sheet?: string })[]
  errors_total: number
  errors_url?: string
}

export const IMPORT_JOB_FIELDS: (keyof ImportJob)[] = [
  'job_id', 'kind', 'state', 'phase', 'file_name', 'format', 'owner', 'rows_read', 'rows_total', 'created_at',
  'started_at', 'finished_at', 'report', 'error', 'errors', 'errors_total', 'errors_url',
]

const SUBMIT: Record<ImportKind, string> = {
  regions: EXCEL_ENDPOINTS.submitRegions,
  projects: EXCEL_ENDPOINTS.submitProjects,
  ledger: EXCEL_ENDPOINTS.submitLedger,
  contracts: EXCEL_ENDPOINTS.submitContracts,
  progress: EXCEL_ENDPOINTS.submitProgress,
  benchmarks: EXCEL_ENDPOINTS.submitBenchmarks,
}

/** 上传文件并排队导入：立即返回任务（202）。 */
export async function submitImportJob(kind: ImportKind, file: Blob, fileName: string): Promise<ImportJob> {
  return request<ImportJob>(SUBMIT[kind], { file_name: fileName }, {
    method: 'POST',
    body: file,
    headers: { 'Content-Type': file.type || 'application/octet-stream' },
  })
}

export async function getImportJob(id: string): Promise<ImportJob> {
  return request<ImportJob>(EXCEL_ENDPOINTS.importJob.replace('{id}', encodeURIComponent(id)))
}

export async function listImportJobs(): Promise<ImportJob[]> {
  return (await request<ListResponse<ImportJob>>(EXCEL_ENDPOINTS.importJobs)).items
}

export type ExportKind = 'dispatch' | 'rankings' | 'flags' | 'projects' | 'ledger'

const EXPORTS: Record<ExportKind, string> = {
  dispatch: EXCEL_ENDPOINTS.exportDispatch,
  rankings: EXCEL_ENDPOINTS.exportRankings,
  flags: EXCEL_ENDPOINTS.exportFlags,
  projects: EXCEL_ENDPOINTS.exportProjects,
  ledger: EXCEL_ENDPOINTS.exportLedger,
}

/** 导出文件的地址（带当前筛选条件）。 */
export function exportUrl(kind: ExportKind, params?: Params): string {
  return `${BASE}${EXPORTS[kind]}${buildQuery(params)}`
}

/**
 * 下载导出文件，逐块读取以报告进度（onProgress 收到 0–1；总长未知时为 null）。
 * 返回文件内容与服务端建议的文件名。失败时抛出 ApiError。
 */
export async function downloadExport(
  url: string,
  onProgress: (fraction: number | null) => void,
): Promise<{ blob: Blob; fileName: string }> {
  let resp: Response
  try {
    resp = await fetch(url, { credentials: 'same-origin' })
  } catch (e) {
    throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e))
  }
  if (!resp.ok) {
    const body: unknown = await resp.json().catch(() => null)
    if (isErrorBody(body)) throw new ApiError(resp.status, body.error.code, body.error.message, body.error.details)
    throw new ApiError(resp.status, 'http_error', `HTTP ${resp.status}`)
  }
  const total = Number(resp.headers.get('content-length') ?? 0)
  const chunks: Uint8Array[] = []
  let received = 0
  const reader = resp.body?.getReader()
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value)
      received += value.length
      onProgress(total > 0 ? received / total : null)
    }
  }
  onProgress(1)
  const blob = new Blob(chunks as BlobPart[], { type: resp.headers.get('content-type') ?? 'application/octet-stream' })
  return { blob, fileName: fileNameOf(resp.headers.get('content-disposition')) }
}

/** Content-Disposition 中的文件名（优先 RFC 5987 的 filename*）。 */
export function fileNameOf(disposition: string | null): string {
  if (!disposition) return 'export.xlsx'
  const star = disposition.match(/filename\*=UTF-8''([^;]+)/i)
  if (star) {
    try {
      return decodeURIComponent(star[1])
    } catch {
      /* fall through */
    }
  }
  const plain = disposition.match(/filename="?([^";]+)"?/i)
  return plain ? plain[1] : 'export.xlsx'
}
