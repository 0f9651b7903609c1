// URL 查询参数的读取：同名参数取第一个，去掉首尾空白；缺失或非字符串为空串。
import type { LocationQuery } from 'vue-router'

export function queryText(v: LocationQuery[string]): string {
  const x = Array.isArray(v) ? v[0] : v
  return typeof x === 'string' ? x.trim() : ''
}
