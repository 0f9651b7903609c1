// 领导看的数：指标、县级排名（含奖惩）、预警（以拨代支、超进度拨款）。定义见 docs/definitions.md。
import { pathOf, request, requestItems, type Body, type Query, type Schema } from './request'

/** 一个区划子树在某资金年度、截止日期的全部指标。百分数已四舍五入到两位，分母为零时为 null。 */
export type Indicators = Schema<'Indicators'>
/**
 * 县级排名的一行：名次与奖惩按奖惩方案的范围（默认省级）排定，不在所看的子树内重排；未下达资金的县
 * rank 为 null、incentive_fen 为 0。incentive_fen：方案前 N 名为正、后 N 名为负，其余为 0。
 */
export type RankRow = Schema<'RankRow'>
/** 奖惩方案：范围（默认省级）、参与排名的单位数、前 N / 后 N 与金额（来自政策数据，前端不写死）。 */
export type RankingScope = Schema<'RankingScope'>
/** 排名及其涉及的奖惩方案。 */
export type Ranking = Schema<'RankList'>
/** 头条指标与全国平均、本地区往年最好成绩的对比。 */
export type FigureComparison = Schema<'FigureComparison'>
/** 问题预警（一个工作事项）：以拨代支凭证、超进度拨款项目等。 */
export type Flag = Schema<'Flag'>
export type FlagsResponse = Schema<'Flags'>
export type FlagKind = Schema<'FlagKind'>
export type FlagStatus = Schema<'FlagStatus'>
/** 一条预警及其处理记录。 */
export type FlagDetail = Schema<'FlagDetail'>
export type FlagActionRequest = Body<'actOnFlag'>
export type FlagAction = FlagActionRequest['action']
/** 问题预警的筛选与分页（GET /api/v1/flags）。 */
export type FlagQuery = Query<'getFlags'>

/** 指标查询：区划、资金年度、截止日期、资金来源。 */
export type FigureQuery = Omit<Query<'getIndicators'>, 'by'> & { region: string; year: number; as_of: string }

/** GET /api/v1/indicators：一个区划子树的全部指标。 */
export function getIndicators(q: FigureQuery): Promise<Indicators> {
  return request<Indicators>('/api/v1/indicators', { ...q })
}

/** GET /api/v1/indicators?by=children：每个直接下级一行。 */
export function getChildIndicators(q: FigureQuery): Promise<Indicators[]> {
  return requestItems<Indicators>('/api/v1/indicators', { ...q, by: 'children' })
}

/** GET /api/v1/rankings：所看子树的县在其奖惩方案排名中的名次（含奖惩金额）与方案的 N、金额。 */
export async function getRankings(q: FigureQuery & Omit<Query<'getRankings'>, keyof FigureQuery>): Promise<Ranking> {
  const r = await request<Partial<Ranking>>('/api/v1/rankings', { ...q })
  return { items: r.items ?? [], scopes: r.scopes ?? [] }
}

/** GET /api/v1/flags：问题预警（工作事项），按区划、类型、状态筛选，items 为所请求的一页。 */
export async function getFlags(q: FlagQuery): Promise<FlagsResponse> {
  const r = await request<Partial<FlagsResponse>>('/api/v1/flags', { ...q })
  return {
    items: r.items ?? [],
    total: r.total ?? 0,
    page: r.page ?? 1,
    page_size: r.page_size ?? 0,
    summary: r.summary ?? [],
    disburse_as_expend: r.disburse_as_expend ?? [],
    disburse_as_expend_total_fen: r.disburse_as_expend_total_fen ?? 0,
    pay_ahead: r.pay_ahead ?? [],
    pay_ahead_total_fen: r.pay_ahead_total_fen ?? 0,
    over_arranged: r.over_arranged ?? [],
    over_arranged_total_fen: r.over_arranged_total_fen ?? 0,
    negative_list: r.negative_list ?? [],
    negative_list_total_fen: r.negative_list_total_fen ?? 0,
    late_allocation: r.late_allocation ?? [],
    late_allocation_total_fen: r.late_allocation_total_fen ?? 0,
    late_distribution: r.late_distribution ?? [],
    late_distribution_total_fen: r.late_distribution_total_fen ?? 0,
    cutoff_rush: r.cutoff_rush ?? [],
    cutoff_rush_total_fen: r.cutoff_rush_total_fen ?? 0,
    tender_split: r.tender_split ?? [],
    tender_split_total_fen: r.tender_split_total_fen ?? 0,
    payee_spread: r.payee_spread ?? [],
    payee_spread_total_fen: r.payee_spread_total_fen ?? 0,
    month_end_round: r.month_end_round ?? [],
    month_end_round_total_fen: r.month_end_round_total_fen ?? 0,
    gov_account_return: r.gov_account_return ?? [],
    gov_account_return_total_fen: r.gov_account_return_total_fen ?? 0,
  }
}

/** GET /api/v1/flags/{kind}/{subject}：一条预警在截止日（默认今天）的情况与处理记录。 */
export async function getFlag(kind: FlagKind, subject: string, asOf?: string): Promise<FlagDetail> {
  const d = await request<FlagDetail>(pathOf('/api/v1/flags/{kind}/{subject}', { kind, subject }), { as_of: asOf })
  return { ...d, history: d.history ?? [] }
}

/** POST /api/v1/flags/{kind}/{subject}/actions：指派、说明、关闭（须填理由）、重新打开；带 version 防止覆盖他人的处理。 */
/** asOf：列表的截止日——按过去截止日列出、今天已不成立的预警（如后来消除的超进度拨款）也能处理。 */
export async function actOnFlag(kind: FlagKind, subject: string, body: FlagActionRequest, asOf?: string): Promise<FlagDetail> {
  const d = await request<FlagDetail>(pathOf('/api/v1/flags/{kind}/{subject}/actions', { kind, subject }), { as_of: asOf }, { method: 'POST', json: body })
  return { ...d, history: d.history ?? [] }
}
