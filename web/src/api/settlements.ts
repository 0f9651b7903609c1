// 奖惩结算：运行（冻结排名与奖惩金额）、列表、详情、审批（须另一用户）。口径见 docs/definitions.md §6。
import { pathOf, request, type Schema } from './request'

export type Settlement = Schema<'Settlement'>
export type SettlementRequest = Schema<'SettlementRequest'>

/** GET /api/v1/settlements：本级及下辖区划的结算批次，新的在前。 */
export async function listSettlements(region: string, year: number | undefined): Promise<{ total: number; items: Settlement[] }> {
  return request<{ total: number; items: Settlement[] }>('/api/v1/settlements', { region: region || undefined, year })
}

/** POST /api/v1/settlements：运行一次结算（待审批）。 */
export function createSettlement(body: SettlementRequest): Promise<Settlement> {
  return request<Settlement>('/api/v1/settlements', undefined, { method: 'POST', json: body })
}

/** GET /api/v1/settlements/{id}：一个批次的排名与变化。 */
export function getSettlement(id: number): Promise<Settlement> {
  return request<Settlement>(pathOf('/api/v1/settlements/{id}', { id }))
}

/** POST /api/v1/settlements/{id}/approve：审批（运行人以外的用户）；审批后不可更改。 */
export function approveSettlement(id: number): Promise<Settlement> {
  return request<Settlement>(pathOf('/api/v1/settlements/{id}/approve', { id }), undefined, { method: 'POST' })
}

export type WhatIf = Schema<'WhatIf'>
export type WhatIfRequest = Schema<'WhatIfRequest'>

/** POST /api/v1/rankings/what-if：改变政策参数后的排名与现行政策并列，不保存。 */
export function rankWhatIf(body: WhatIfRequest): Promise<WhatIf> {
  return request<WhatIf>('/api/v1/rankings/what-if', undefined, { method: 'POST', json: body })
}

export type Allocation = Schema<'Allocation'>
export type AllocationPreviewRequest = Schema<'AllocationPreviewRequest'>

/** POST /api/v1/allocations/preview：因素法分配（可带 what_if 权重），不保存。 */
export function previewAllocation(body: AllocationPreviewRequest): Promise<Allocation> {
  return request<Allocation>('/api/v1/allocations/preview', undefined, { method: 'POST', json: body })
}
