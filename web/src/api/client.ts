// 统一的类型化 API 客户端：前端所有 fetch 调用都集中在这里。
// 错误响应约定：{"error":{"code":"not_found","message":"..."}}

export type RegionLevel = 'province' | 'prefecture' | 'county' | 'township' | 'village'

export interface Region {
  code: string
  name: string
  level: RegionLevel | string
  parent_code: string | null
  child_count: number
  descendant_count: number
}

export interface ListResponse<T> {
  items: T[]
}

/** 指标卡片（挂图作战）。接口尚未定稿，字段均按可选处理。 */
export interface Indicator {
  key: string
  label?: string
  value: number | string | null
  unit?: string
}

/** 下级区划资金支出进度。progress 为 0~1 的比例。 */
export interface ProgressRow {
  code?: string
  name: string
  progress: number
}

export interface IndicatorsResponse {
  region_code?: string
  items?: Indicator[]
  children?: ProgressRow[]
  time_progress?: number
}

export interface ApiErrorBody {
  error: { code: string; message: string }
}

export class ApiError extends Error {
  readonly status: number
  readonly code: string

  constructor(status: number, code: string, message: string) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
  }
}

const BASE: string = (import.meta.env?.VITE_API_BASE as string | undefined) ?? ''

function isErrorBody(x: unknown): x is ApiErrorBody {
  if (typeof x !== 'object' || x === null) return false
  const e = (x as { error?: unknown }).error
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string'
}

function buildQuery(params?: Record<string, string | number | undefined | null>): string {
  if (!params) return ''
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v))
  }
  const s = q.toString()
  return s ? `?${s}` : ''
}

export async function request<T>(
  path: string,
  params?: Record<string, string | number | undefined | null>,
  init?: RequestInit,
): Promise<T> {
  let resp: Response
  try {
    resp = await fetch(`${BASE}${path}${buildQuery(params)}`, {
      ...init,
      headers: { Accept: 'application/json', ...(init?.headers ?? {}) },
    })
  } catch (e) {
    throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e))
  }
  const text = await resp.text()
  let body: unknown = null
  if (text) {
    try {
      body = JSON.parse(text)
    } catch {
      body = null
    }
  }
  if (!resp.ok) {
    if (isErrorBody(body)) throw new ApiError(resp.status, body.error.code, body.error.message)
    throw new ApiError(resp.status, `http_${resp.status}`, resp.statusText || `HTTP ${resp.status}`)
  }
  if (body === null) throw new ApiError(resp.status, 'bad_response', 'response is not JSON')
  return body as T
}

/** GET /api/v1/regions[?parent=CODE]：无 parent 时返回顶级区划。 */
export async function listRegions(parent?: string): Promise<Region[]> {
  const r = await request<ListResponse<Region>>('/api/v1/regions', { parent })
  return Array.isArray(r.items) ? r.items : []
}

/** GET /api/v1/indicators[?region=CODE]：挂图作战指标（接口未定稿）。 */
export async function getIndicators(region?: string): Promise<IndicatorsResponse> {
  return request<IndicatorsResponse>('/api/v1/indicators', { region })
}

export const api = { listRegions, getIndicators }
export default api
