// 领导包保、月调度、点对点提醒与约谈（issue #17）。口径见 docs/definitions.md §7。
import { pathOf, request, type Body, type Schema } from './request'

export type BaobaoAssignment = Schema<'BaobaoAssignment'>
export type BaobaoCoverage = Schema<'BaobaoCoverage'>
export type MyUnit = Schema<'MyUnit'>
export type DispatchCycle = Schema<'DispatchCycle'>
export type DispatchView = Schema<'DispatchView'>
export type DispatchRow = Schema<'DispatchRow'>
export type Reminder = Schema<'Reminder'>
export type Interview = Schema<'Interview'>
export type InterviewList = Schema<'InterviewList'>
export type InterviewGrade = Schema<'InterviewGrade'>
export type InterviewBody = Body<'recordInterview'>
export type BaobaoBody = Body<'addBaobao'>

/** GET /api/v1/baobao：子树内的包保安排。 */
export function listBaobao(region: string): Promise<{ items: BaobaoAssignment[]; total: number }> {
  return request('/api/v1/baobao', { region: region || undefined })
}

/** POST /api/v1/baobao：新增包保安排。 */
export function addBaobao(body: BaobaoBody): Promise<BaobaoAssignment> {
  return request('/api/v1/baobao', undefined, { method: 'POST', json: body })
}

/** GET /api/v1/baobao/coverage：全覆盖检查。 */
export function baobaoCoverage(region: string, asOf: string): Promise<BaobaoCoverage> {
  return request('/api/v1/baobao/coverage', { region: region || undefined, as_of: asOf || undefined })
}

/** GET /api/v1/baobao/mine：我包保的。 */
export function myBaobao(asOf?: string): Promise<{ items: MyUnit[] }> {
  return request('/api/v1/baobao/mine', { as_of: asOf || undefined })
}

/** GET /api/v1/dispatch：子树及上级的月调度，新月份在前。 */
export function listDispatches(region: string): Promise<{ items: DispatchCycle[] }> {
  return request('/api/v1/dispatch', { region: region || undefined })
}

/** GET /api/v1/dispatch/{region}/{month}：冻结快照、同一截止日的实时数与环比。 */
export function getDispatch(region: string, month: string): Promise<DispatchView> {
  return request(pathOf('/api/v1/dispatch/{region}/{month}', { region, month }))
}

/** POST /api/v1/dispatch/{region}/{month}：开启月调度（冻结下辖各单位的数据与排名）。 */
export function openDispatch(region: string, month: string): Promise<DispatchView> {
  return request(pathOf('/api/v1/dispatch/{region}/{month}', { region, month }), undefined, { method: 'POST' })
}

/** POST …/filings：单位填报滞后原因与下月计划。 */
export function fileDispatch(region: string, month: string, body: Body<'fileDispatch'>): Promise<DispatchView> {
  return request(pathOf('/api/v1/dispatch/{region}/{month}/filings', { region, month }), undefined, { method: 'POST', json: body })
}

/** POST …/review：审核单位审核本部分。 */
export function reviewDispatch(region: string, month: string, reviewer: string): Promise<DispatchView> {
  return request(pathOf('/api/v1/dispatch/{region}/{month}/review', { region, month }), undefined, {
    method: 'POST',
    json: { region_code: reviewer },
  })
}

/** POST …/close：调度区划关闭已审核的月调度。 */
export function closeDispatch(region: string, month: string): Promise<DispatchView> {
  return request(pathOf('/api/v1/dispatch/{region}/{month}/close', { region, month }), undefined, { method: 'POST' })
}

/** GET /api/v1/reminders：按周、状态列出子树的提醒；mine 为本人的（消息中心）。 */
export function listReminders(q: { region?: string; week?: string; status?: 'unread' | 'acknowledged'; mine?: boolean }): Promise<{
  items: Reminder[]
  total: number
  unread: number
}> {
  return request('/api/v1/reminders', {
    region: q.mine ? undefined : q.region || undefined,
    week: q.week || undefined,
    status: q.status || undefined,
    mine: q.mine ? '1' : undefined,
  })
}

/** POST /api/v1/reminders/generate：按政策规则生成该周的点对点提醒（同一周幂等）。 */
export function generateReminders(region: string, week: string): Promise<{ created: number; existing: number; items: Reminder[] }> {
  return request('/api/v1/reminders/generate', undefined, { method: 'POST', json: { region, week } })
}

/** POST /api/v1/reminders/{id}/acknowledge：签收（可附回复）。 */
export function acknowledgeReminder(id: number, reply: string | null): Promise<Reminder> {
  return request(pathOf('/api/v1/reminders/{id}/acknowledge', { id }), undefined, { method: 'POST', json: { reply } })
}

/** GET /api/v1/interviews/candidates：某次月调度的约谈名单（分级）。 */
export function interviewCandidates(region: string, month: string): Promise<InterviewList> {
  return request('/api/v1/interviews/candidates', { region, month })
}

/** GET /api/v1/interviews：子树内的约谈记录。 */
export function listInterviews(region: string): Promise<{ items: Interview[]; total: number }> {
  return request('/api/v1/interviews', { region: region || undefined })
}

/** POST /api/v1/interviews：记录一次约谈。 */
export function recordInterview(body: InterviewBody): Promise<Interview> {
  return request('/api/v1/interviews', undefined, { method: 'POST', json: body })
}

/** POST /api/v1/interviews/{id}/commitments/{index}/close：整改承诺销号。 */
export function closeCommitment(id: number, index: number, note: string): Promise<Interview> {
  return request(pathOf('/api/v1/interviews/{id}/commitments/{index}/close', { id, index }), undefined, { method: 'POST', json: { note } })
}
