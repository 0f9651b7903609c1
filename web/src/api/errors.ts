// API 错误：服务器的 {"error":{"code","message","details"?}} 与网络故障都成为 ApiError；
// 页面上显示的文字一律由 errorText() 给出。
import zhCN from '../locale/zh-CN'
import type { components } from './openapi'

/** 导入或批量写入的逐行错误（openapi: FieldError）。 */
export type FieldError = components['schemas']['FieldError']

/** 错误响应体（openapi: Error）。 */
export type ApiErrorBody = components['schemas']['Error']

export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly details: FieldError[]

  constructor(status: number, code: string, message: string, details: FieldError[] = []) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.details = details
  }
}

export function isErrorBody(x: unknown): x is ApiErrorBody {
  if (typeof x !== 'object' || x === null) return false
  const e = (x as { error?: unknown }).error
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string'
}

/** 响应体为错误 JSON 时取其代码与说明，否则按 HTTP 状态给出 http_NNN。 */
export function errorFromResponse(status: number, statusText: string, body: unknown): ApiError {
  if (isErrorBody(body)) {
    const d = Array.isArray(body.error.details) ? body.error.details : []
    return new ApiError(status, body.error.code, body.error.message, d)
  }
  return new ApiError(status, `http_${status}`, statusText || `HTTP ${status}`)
}

/**
 * 这些代码的含义与请求内容无关：显示统一的中文说明（如“无权访问该区划或功能”）。
 * 其余代码（参数有误、不存在、冲突……）的服务器说明是具体的中文句子，原样显示。
 */
const GENERIC_CODES = new Set([
  'network',
  'unauthenticated',
  'permission_denied',
  'csrf_failed',
  'too_many_requests',
  'internal',
  'unavailable',
])

/** 一个错误在页面上显示的文字；不是 ApiError 时为 fallback（默认“数据加载失败”）。 */
export function errorText(e: unknown, fallback: string = zhCN.common.loadFailed): string {
  if (!(e instanceof ApiError)) return fallback
  if (GENERIC_CODES.has(e.code)) return zhCN.errors[e.code] ?? e.message
  return e.message || zhCN.errors[e.code] || e.code
}
