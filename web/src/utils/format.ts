// 数字、金额、日期的显示与解析。金额一律用整数分（fen），换算只用 BigInt 与字符串运算，不经浮点。

const FEN_PER_WAN = 1_000_000n // 1 万元 = 10000 元 = 1,000,000 分
const WAN_CENTI = FEN_PER_WAN / 100n // 0.01 万元 = 10000 分

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** 分 → 万元字符串，两位小数，四舍五入（远离零），带千分位：123456789012 → "123,456.79"。 */
export function fenToWan(fen: number | bigint | null | undefined, { grouping = true } = {}): string {
  if (fen === null || fen === undefined) return '—'
  if (typeof fen === 'number' && !Number.isSafeInteger(fen)) return '—'
  const v = BigInt(fen)
  const neg = v < 0n
  const abs = neg ? -v : v
  const centi = (abs + WAN_CENTI / 2n) / WAN_CENTI
  const int = (centi / 100n).toString()
  const frac = (centi % 100n).toString().padStart(2, '0')
  const sign = neg && centi !== 0n ? '-' : ''
  return `${sign}${grouping ? groupThousands(int) : int}.${frac}`
}

/** 分 → 万元字符串并带正负号（奖惩金额）：2000000000 → "+2,000.00"。 */
export function fenToWanSigned(fen: number): string {
  const s = fenToWan(fen)
  return fen > 0 ? `+${s}` : s
}

/** 分 → 元字符串，两位小数：123456 → "1,234.56"。 */
export function fenToYuan(fen: number): string {
  const v = BigInt(fen)
  const neg = v < 0n
  const abs = neg ? -v : v
  return `${neg ? '-' : ''}${groupThousands((abs / 100n).toString())}.${(abs % 100n).toString().padStart(2, '0')}`
}

export type YuanParseError = 'empty' | 'format' | 'decimals' | 'non_positive' | 'too_large'
export type YuanParse = { ok: true; fen: number } | { ok: false; error: YuanParseError }

/**
 * 用户输入的元金额 → 整数分，仅用字符串运算。接受千分位逗号（含全角）、最多两位小数；
 * 拒绝负数、零、科学计数法和超出安全整数的金额。
 */
export function parseYuanToFen(input: string): YuanParse {
  const s = input.trim().replace(/[,，\s]/g, '')
  if (s === '') return { ok: false, error: 'empty' }
  const m = s.match(/^(\d+)(?:\.(\d*))?$/)
  if (!m) return { ok: false, error: s.startsWith('-') ? 'non_positive' : 'format' }
  const frac = m[2] ?? ''
  if (frac.length > 2) return { ok: false, error: 'decimals' }
  const fen = BigInt(m[1]) * 100n + BigInt(frac.padEnd(2, '0') || '0')
  if (fen <= 0n) return { ok: false, error: 'non_positive' }
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, error: 'too_large' }
  return { ok: true, fen: Number(fen) }
}

/** 百分数（接口已保留两位）→ "54.41%"；null → "—"。 */
export function formatPct(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—'
  return `${v.toFixed(2)}%`
}

/** 百分点差 → "+17.00"、"-3.20"；null → "—"。 */
export function formatPts(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—'
  return `${v > 0 ? '+' : ''}${v.toFixed(2)}`
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

/** 是否为有效的 YYYY-MM-DD 日期。 */
export function isIsoDate(s: string): boolean {
  const m = s.match(DATE_RE)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (mo < 1 || mo > 12 || d < 1) return false
  return d <= daysInMonth(y, mo)
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** 本地日期 → YYYY-MM-DD。 */
export function toIsoDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`
}

/** 某年各月月末（不晚于 limit，若给出）：["2023-01-31", …]。 */
export function monthEnds(year: number, limit?: string): string[] {
  const out: string[] = []
  for (let m = 1; m <= 12; m++) {
    const d = `${year}-${String(m).padStart(2, '0')}-${String(daysInMonth(year, m)).padStart(2, '0')}`
    if (limit && d > limit) {
      if (limit.startsWith(`${year}-`) && out[out.length - 1] !== limit) out.push(limit)
      break
    }
    out.push(d)
  }
  return out
}

/** 上一年的同月同日（2月29日 → 2月28日）。 */
export function sameDayLastYear(iso: string): string {
  const m = iso.match(DATE_RE)
  if (!m) return iso
  const y = Number(m[1]) - 1
  const mo = Number(m[2])
  const d = Math.min(Number(m[3]), daysInMonth(y, mo))
  return `${y}-${m[2]}-${String(d).padStart(2, '0')}`
}

/** 百分数输入："30"、"45.5" → 30、45.5（0–100，至多两位小数）；空为 null；不合法为 undefined。 */
export function parsePercent(text: string): number | null | undefined {
  const t = text.trim()
  if (!t) return null
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(t)) return undefined
  const v = Number(t)
  return v <= 100 ? v : undefined
}
