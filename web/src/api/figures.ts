// 领导看的数：指标、县级排名（含奖惩）、预警（以拨代支、超进度拨款）。定义见 docs/definitions.md。
import { request, requestItems } from './request'
import type { FundSource } from './ledger'

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
}

/** Indicators 的字段名，供与 OpenAPI 文件核对。 */
export const INDICATOR_FIELDS: (keyof Indicators)[] = [
  'region_code', 'region_name', 'region_level', 'year', 'as_of', 'fund_source', 'projects_total',
  'projects_started', 'start_rate', 'start_rate_yoy_pts', 'projects_finished', 'completion_rate',
  'allocated_fen', 'expended_fen', 'disbursed_fen', 'expend_progress', 'expend_progress_yoy_pts',
  'assessed_progress', 'time_progress', 'on_track', 'allocated_to_projects_fen', 'distribute_progress',
  'disburse_as_expend_fen', 'pay_ahead_fen', 'industry_planned_fen', 'planned_total_fen', 'industry_share',
]

/** 县级排名（openapi: RankRow）。incentive_fen：前 N 名为正、后 N 名为负，其余为 0。 */
export interface RankRow {
  rank: number
  region_code: string
  region_name: string
  expend_progress: number | null
  assessed_progress: number | null
  incentive_fen: number
  allocated_fen: number
  expended_fen: number
}

export const RANK_FIELDS: (keyof RankRow)[] = [
  'rank', 'region_code', 'region_name', 'expend_progress', 'assessed_progress', 'incentive_fen', 'allocated_fen',
  'expended_fen',
]

/** 以拨代支凭证。 */
export interface DisburseAsExpendFlag {
  entry_id: string
  date: string
  region_code: string
  region_name: string
  project_code: string
  fund_source: string
  fund_year: number
  amount_fen: number
  payee: string
}

/** 超进度拨款项目。 */
export interface PayAheadFlag {
  project_code: string
  project_name: string
  region_code: string
  region_name: string
  contract_fen: number
  progress: number
  paid_fen: number
  cap_fen: number
  excess_fen: number
}

export interface FlagsResponse {
  disburse_as_expend: DisburseAsExpendFlag[]
  disburse_as_expend_total_fen: number
  pay_ahead: PayAheadFlag[]
  pay_ahead_total_fen: number
}

export interface FigureQuery {
  region: string
  year: number
  as_of: string
  fund_source?: FundSource
}

/** GET /api/v1/indicators：一个区划子树的全部指标。 */
export async function getIndicators(q: FigureQuery): Promise<Indicators> {
  return request<Indicators>('/api/v1/indicators', { ...q })
}

/** GET /api/v1/indicators?by=children：每个直接下级一行。 */
export async function getChildIndicators(q: FigureQuery): Promise<Indicators[]> {
  return requestItems<Indicators>('/api/v1/indicators', { ...q, by: 'children' })
}

/** GET /api/v1/rankings：县级按支出进度排名（含奖惩金额）。 */
export async function getRankings(q: FigureQuery & { level?: string }): Promise<RankRow[]> {
  return requestItems<RankRow>('/api/v1/rankings', { ...q })
}

/** GET /api/v1/flags：以拨代支凭证与超进度拨款项目。 */
export async function getFlags(q: FigureQuery): Promise<FlagsResponse> {
  const r = await request<Partial<FlagsResponse>>('/api/v1/flags', { ...q })
  return {
    disburse_as_expend: Array.isArray(r.disburse_as_expend) ? r.disburse_as_expend : [],
    disburse_as_expend_total_fen: r.disburse_as_expend_total_fen ?? 0,
    pay_ahead: Array.isArray(r.pay_ahead) ? r.pay_ahead : [],
    pay_ahead_total_fen: r.pay_ahead_total_fen ?? 0,
  }
}

