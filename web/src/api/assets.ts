// 确权资产与以工代赈（docs/definitions.md §8）：确权进度、以工代赈汇总。
import { request, type Schema } from './request'

/** 一个区划子树的确权进度（个数与原值），children 为各直接下级。 */
export type AssetRegistration = Schema<'AssetRegistration'>
/** 一个区划子树某期间的以工代赈：务工人数（按身份证号去重）、劳务报酬、人均劳务报酬（分）。 */
export type WorkReliefSummary = Schema<'WorkReliefSummary'>

/** GET /api/v1/assets/registration */
export function getAssetRegistration(region: string): Promise<AssetRegistration> {
  return request<AssetRegistration>('/api/v1/assets/registration', { region })
}

/** GET /api/v1/work-relief/summary：from、to 含当日。 */
export function getWorkReliefSummary(region: string, from: string, to: string): Promise<WorkReliefSummary> {
  return request<WorkReliefSummary>('/api/v1/work-relief/summary', { region, from, to })
}
