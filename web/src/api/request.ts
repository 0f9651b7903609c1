// 前端唯一的 fetch 出口：查询串、JSON 请求体、CSRF 头、401 回调与错误解析都在这里。
// 各业务领域的模块（session.ts、regions.ts、figures.ts……）只描述路径与类型。
import { ApiError, errorFromResponse } from './errors'
import type { components, operations, paths } from './openapi'

/** A schema of docs/openapi.yaml (types generated into openapi.d.ts). */
export type Schema<K extends keyof components['schemas']> = components['schemas'][K]
/** The query parameters of an operation. */
export type Query<Op extends keyof operations> = NonNullable<operations[Op]['parameters']['query']>
/** The JSON request body of an operation. */
export type Body<Op extends keyof operations> = NonNullable<operations[Op]['requestBody']> extends {
  content: { 'application/json': infer B }
}
  ? B
  : never

/** A path of docs/openapi.yaml, as written there (with {placeholders}). */
export type ApiPath = keyof paths
declare const filled: unique symbol
/** A documented path with its placeholders filled in (made by pathOf). */
export type FilledPath = string & { readonly [filled]: true }

const BASE: string = (import.meta.env?.VITE_API_BASE as string | undefined) ?? ''

export type Params = Record<string, string | number | boolean | undefined | null>

/** 响应中的列表。 */
export interface ListResponse<T> {
  items: T[]
}

/** 分页列表（台账、项目、审计）。 */
export interface Page<T> {
  items: T[]
  total: number
  page: number
  page_size: number
}

const SESSION_PATH: ApiPath = '/api/v1/session'

let csrfToken = ''
let onUnauthenticated: (() => void) | null = null

/** 登录后保存 CSRF 令牌；会话 Cookie 为 HttpOnly，由浏览器自动携带。 */
export function setCsrfToken(token: string): void {
  csrfToken = token
}

/** 任一请求返回 401 时调用（跳转登录页）。登录请求本身除外。 */
export function setUnauthenticatedHandler(fn: (() => void) | null): void {
  onUnauthenticated = fn
}

export function buildQuery(params?: Params): string {
  if (!params) return ''
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v))
  }
  const s = q.toString()
  return s ? `?${s}` : ''
}

/** 路径模板中的 {name} 换成编码后的值：pathOf('/api/v1/projects/{code}', { code })。模板必须是文档中的路径。 */
export function pathOf(template: ApiPath, values: Record<string, string | number>): FilledPath {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = values[k]
    if (v === undefined) throw new Error(`pathOf: missing {${k}} for ${template}`)
    return encodeURIComponent(String(v))
  }) as FilledPath
}

/** 完整地址（带 VITE_API_BASE 前缀与查询串），供下载链接使用。 */
export function urlOf(path: ApiPath | FilledPath, params?: Params): string {
  return `${BASE}${path}${buildQuery(params)}`
}

async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, credentials: 'same-origin' })
  } catch (e) {
    throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e))
  }
}

function parseJson(text: string): unknown {
  if (!text) return null
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

export interface RequestInit2 extends Omit<RequestInit, 'body'> {
  /** JSON 请求体（设置 Content-Type）。 */
  json?: unknown
  /** 原样发送的请求体（上传文件）。 */
  body?: BodyInit
}

/** 发送请求并返回解析后的 JSON；非 2xx 抛出 ApiError。 */
export async function request<T>(path: ApiPath | FilledPath, params?: Params, init: RequestInit2 = {}): Promise<T> {
  const { json, ...rest } = init
  const method = (rest.method ?? 'GET').toUpperCase()
  const headers: Record<string, string> = { Accept: 'application/json', ...((rest.headers as Record<string, string>) ?? {}) }
  let body = rest.body
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(json)
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken
  const resp = await send(urlOf(path, params), { ...rest, method, headers, body })
  const parsed = parseJson(await resp.text())
  if (!resp.ok) {
    if (resp.status === 401 && path !== SESSION_PATH && onUnauthenticated) onUnauthenticated()
    throw errorFromResponse(resp.status, resp.statusText, parsed)
  }
  if (parsed === null) throw new ApiError(resp.status, 'bad_response', 'response is not JSON')
  return parsed as T
}

/** GET 并返回 items（缺失时为空数组）。 */
export async function requestItems<T>(path: ApiPath | FilledPath, params?: Params): Promise<T[]> {
  return arr((await request<Partial<ListResponse<T>>>(path, params)).items)
}

/** GET 分页列表，缺失字段补默认值。 */
export async function requestPage<T>(path: ApiPath | FilledPath, params: Params & { page?: number; page_size?: number }): Promise<Page<T>> {
  const r = await request<Partial<Page<T>>>(path, params)
  return { items: arr(r.items), total: r.total ?? 0, page: r.page ?? params.page ?? 1, page_size: r.page_size ?? params.page_size ?? 20 }
}

/** 下载的文件：内容与服务器给出的 Content-Disposition。 */
export interface Download {
  blob: Blob
  disposition: string | null
}

/** 下载 urlOf() 给出的地址，逐块读取以报告进度（0–1；总长未知时为 null）。失败时抛出 ApiError。 */
export async function requestFile(url: string, onProgress: (fraction: number | null) => void): Promise<Download> {
  const resp = await send(url, { method: 'GET' })
  if (!resp.ok) throw errorFromResponse(resp.status, resp.statusText, parseJson(await resp.text()))
  const total = Number(resp.headers.get('content-length') ?? 0)
  const chunks: Uint8Array[] = []
  let received = 0
  const reader = resp.body?.getReader()
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value)
      received += value.length
      onProgress(total > 0 ? received / total : null)
    }
  }
  onProgress(1)
  const blob = new Blob(chunks as BlobPart[], { type: resp.headers.get('content-type') ?? 'application/octet-stream' })
  return { blob, disposition: resp.headers.get('content-disposition') }
}

/** 数组字段缺失或为 null 时补为空数组。 */
export function arr<T>(x: T[] | undefined | null): T[] {
  return Array.isArray(x) ? x : []
}
