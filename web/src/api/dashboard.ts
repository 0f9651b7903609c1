// 挂图作战一次读取（issue #22 point 1，docs/definitions.md §22）：指标、上级、下级、排名、两年趋势、矩形树图、
// 年末预测、颜色阈值、已审批奖惩批次、确权与以工代赈，与各单项接口给出的数相同。
import { request, type Schema } from './request'

export type Dashboard = Schema<'Dashboard'>

/** GET /api/v1/dashboard：浏览器保留一份并以 ETag 再验证，未变时服务端答 304。 */
export function getDashboard(q: { region: string; year: number; as_of: string }): Promise<Dashboard> {
  return request<Dashboard>('/api/v1/dashboard', { ...q })
}
