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
