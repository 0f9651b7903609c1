// 工作台（issue #21 point 3）：本人待办的分类计数与前几项。口径见 docs/definitions.md §14。
import type { operations } from './openapi'
import { request } from './request'

export type Workbench = operations['getWorkbench']['responses'][200]['content']['application/json']
export type WorkbenchSection = Workbench['sections'][number]
export type WorkbenchItem = WorkbenchSection['items'][number]

/** GET /api/v1/workbench：一次取回全部分类（计数与前 5 项），均限本人管辖范围。 */
export function getWorkbench(): Promise<Workbench> {
  return request<Workbench>('/api/v1/workbench')
}
