// 绩效评价：评分模板、各县评价（县级自评 → 地市复核 → 自治区审定）、评分与调整、环节、评分表导出。
// 口径见 docs/definitions.md §15。
import { pathOf, request, urlOf, type Schema } from './request'
import { downloadExport } from './excel'

export type Evaluation = Schema<'Evaluation'>
export type EvaluationSummary = Schema<'EvaluationSummary'>
export type EvaluationTemplate = Schema<'EvaluationTemplate'>
export type EvaluationItem = Evaluation['items'][number]
export type EvaluationStepName = 'submit' | 'review' | 'return' | 'finalize'

export interface ScoreInput {
  item_id: string
  points: number
  evidence?: string
  reason?: string
}

/** GET /api/v1/evaluations：区划下辖各县的评价（不含评分项）。 */
export function listEvaluations(region: string, year: number | undefined): Promise<{ total: number; items: EvaluationSummary[] }> {
  return request<{ total: number; items: EvaluationSummary[] }>('/api/v1/evaluations', { region: region || undefined, year })
}

/** GET /api/v1/evaluations/{id}：一个县的评分表与环节记录。 */
export function getEvaluation(id: number): Promise<Evaluation> {
  return request<Evaluation>(pathOf('/api/v1/evaluations/{id}', { id }))
}

/** POST /api/v1/evaluations：创建本县某年度的评价（系统指标自动计分）。 */
export function createEvaluation(regionCode: string, year: number): Promise<Evaluation> {
  return request<Evaluation>('/api/v1/evaluations', undefined, { method: 'POST', json: { region_code: regionCode, year } })
}

/** POST …/scores（县级自评，须附佐证说明）或 …/adjustments（地市复核调整，须说明理由）。 */
export function saveScores(id: number, scores: ScoreInput[], version: number, adjust: boolean): Promise<Evaluation> {
  const path = adjust ? pathOf('/api/v1/evaluations/{id}/adjustments', { id }) : pathOf('/api/v1/evaluations/{id}/scores', { id })
  return request<Evaluation>(path, undefined, { method: 'POST', json: { scores, version } })
}

/** POST …/{submit|review|return|finalize}：办理一个环节。 */
export function stepEvaluation(id: number, step: EvaluationStepName, version: number, note = ''): Promise<Evaluation> {
  const paths = {
    submit: pathOf('/api/v1/evaluations/{id}/submit', { id }),
    review: pathOf('/api/v1/evaluations/{id}/review', { id }),
    return: pathOf('/api/v1/evaluations/{id}/return', { id }),
    finalize: pathOf('/api/v1/evaluations/{id}/finalize', { id }),
  }
  return request<Evaluation>(paths[step], undefined, { method: 'POST', json: { note, version } })
}

/** GET /api/v1/evaluations/template：当前（或指定版本）的评分模板。 */
export function getEvaluationTemplate(version?: string): Promise<EvaluationTemplate> {
  return request<EvaluationTemplate>('/api/v1/evaluations/template', { version })
}

/** 下载一个县的评分表（XLSX）。 */
export function downloadScoreSheet(id: number, onProgress: (f: number | null) => void): Promise<{ blob: Blob; fileName: string }> {
  return downloadExport(urlOf(pathOf('/api/v1/evaluations/{id}/score-sheet.xlsx', { id })), onProgress)
}
