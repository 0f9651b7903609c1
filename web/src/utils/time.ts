// 时间显示：接口返回的时间戳是 UTC（ISO 8601，如“2026-12-07T16:30:00.000Z”），页面一律按北京时间
// （UTC+8，无夏令时）显示，与浏览器所在时区无关；生成的文件由服务端 core/timestamp.hpp 同样换算。
// 所有页面都用这里的函数显示时间，不要各自 slice/replace。

const BEIJING_OFFSET_MS = 8 * 3600 * 1000

const p2 = (n: number) => String(n).padStart(2, '0')

/** UTC 时间戳 → 北京时间的各部分；无法解析时为 null。 */
function beijingParts(at: string): { date: string; hm: string; s: string } | null {
  const ms = Date.parse(at)
  if (!at || Number.isNaN(ms)) return null
  const d = new Date(ms + BEIJING_OFFSET_MS)
  return {
    date: `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`,
    hm: `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}`,
    s: p2(d.getUTCSeconds()),
  }
}

/**
 * 北京时间“YYYY-MM-DD HH:MM:SS”（seconds: false 时到分钟）。空值显示“—”；
 * 不是时间戳的文字（如只有日期）原样返回。
 */
export function beijingTime(at: string | null | undefined, { seconds = true } = {}): string {
  if (!at) return '—'
  const parts = beijingParts(at)
  if (!parts || !/T\d{2}:\d{2}/.test(at)) return at
  return `${parts.date} ${parts.hm}${seconds ? `:${parts.s}` : ''}`
}

/** 北京时间的日期“YYYY-MM-DD”（时间戳所在的北京日）。空值“—”，只有日期的文字原样返回。 */
export function beijingDate(at: string | null | undefined): string {
  if (!at) return '—'
  if (!/T\d{2}:\d{2}/.test(at)) return at.slice(0, 10)
  return beijingParts(at)?.date ?? at
}

/** 北京时间的今天“YYYY-MM-DD”（now 默认为当前时刻）。 */
export function beijingToday(now: Date = new Date()): string {
  return beijingDate(now.toISOString())
}
