// 区划树：本级区划、下级区划、单个区划。
import { pathOf, request, requestItems, type Schema } from './request'

export type RegionLevel = Schema<'RegionLevel'>
export type Region = Schema<'Region'>

/** GET /api/v1/regions[?parent=CODE]：无 parent 时返回调用者的本级区划。 */
export function listRegions(parent?: string): Promise<Region[]> {
  return requestItems<Region>('/api/v1/regions', { parent })
}

/** GET /api/v1/regions/{code} */
export function getRegion(code: string): Promise<Region> {
  return request<Region>(pathOf('/api/v1/regions/{code}', { code }))
}

export type RegionPathStep = Schema<'RegionPathStep'>

/** 搜索与按级别列出的结果：每个区划都带路径，超过上限时 truncated。 */
export interface RegionHits {
  items: Region[]
  truncated: boolean
}

/** GET /api/v1/regions?q=…：在本人可见范围（或 parent 之下）按名称、拼音首字母或代码搜索区划。 */
export async function searchRegions(q: string, parent?: string): Promise<RegionHits> {
  const r = await request<{ items?: Region[]; truncated?: boolean }>('/api/v1/regions', { q, parent })
  return { items: r.items ?? [], truncated: !!r.truncated }
}

/** GET /api/v1/regions?level=…：本人可见范围（或 parent 之下）某一级别的全部区划。 */
export async function regionsAtLevel(level: RegionLevel, parent?: string): Promise<RegionHits> {
  const r = await request<{ items?: Region[]; truncated?: boolean }>('/api/v1/regions', { level, parent })
  return { items: r.items ?? [], truncated: !!r.truncated }
}

/** GET /api/v1/public/regions?q=…：公示页（免登录）按名称、拼音首字母或代码搜索区划。 */
export async function searchPublicRegions(q: string): Promise<RegionHits> {
  const r = await request<{ items?: Region[]; truncated?: boolean }>('/api/v1/public/regions', { q })
  return { items: r.items ?? [], truncated: !!r.truncated }
}
