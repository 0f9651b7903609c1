// 数字、金额、日期的显示与解析。金额一律用整数分（fen），换算只用 BigInt 与字符串运算，不经浮点。
//
// 金额的显示只有一种约定（docs/definitions.md §18）：
// - 汇总（卡片、区划表、排名、预警、项目清单）与审计日志的变更内容用 fenToWan：万元，两位小数，四舍五入（远离零），千分位；
// - 凭证和导出用 fenToYuan：元，精确到分，千分位（审计记录的详情在万元后附精确到分的元）；
// - 负数一律以“-”开头并以 amountClass 标红；冲销凭证的金额按 voucherFen 取负，台账页、项目页与导出相同。
// 接口以 JSON 数字传分（整数）：超出 ±2^53−1 分（约 900 亿元）的数字在 JSON 中无法精确表示，
// 服务端的单个金额与合计远小于此；这里对不安全的整数显示“—”而不是错误的数字。

const FEN_PER_WAN = 1_000_000n // 1 万元 = 10000 元 = 1,000,000 分
const WAN_CENTI = FEN_PER_WAN / 100n // 0.01 万元 = 10000 分

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

type FenValue = number | bigint | null | undefined

/** 可精确换算的分；null、undefined、非安全整数为 null。 */
function exactFen(fen: FenValue): bigint | null {
  if (fen === null || fen === undefined) return null
  if (typeof fen === 'number' && !Number.isSafeInteger(fen)) return null
  return BigInt(fen)
}

/** 分 → 万元字符串，两位小数，四舍五入（远离零），带千分位：123456789012 → "123,456.79"。汇总用。 */
export function fenToWan(fen: FenValue, { grouping = true } = {}): string {
  const v = exactFen(fen)
  if (v === null) return '—'
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

/** 分 → 元字符串，精确到分，带千分位：123456 → "1,234.56"，-5 → "-0.05"。凭证、审计、导出用。 */
export function fenToYuan(fen: FenValue, { grouping = true } = {}): string {
  const v = exactFen(fen)
  if (v === null) return '—'
  const neg = v < 0n
  const abs = neg ? -v : v
  const int = (abs / 100n).toString()
  return `${neg ? '-' : ''}${grouping ? groupThousands(int) : int}.${(abs % 100n).toString().padStart(2, '0')}`
}

/** 一张凭证显示的金额（分）：冲销为负，其余类型按录入的正数。 */
export function voucherFen(entry: { kind: string; amount_fen: number }): number {
  return entry.kind === 'reverse' ? -entry.amount_fen : entry.amount_fen
}

/** 金额单元格的样式类：负数（含冲销）为 "amount-negative"（全局样式，红色）。 */
export function amountClass(fen: number | null | undefined): string {
  return fen !== null && fen !== undefined && fen < 0 ? 'amount-negative' : ''
}

/** 表单里的万元数 → 整数分，按十进制字符串换算（最多六位小数，即到分），不经浮点乘法。 */
export function wanToFen(wan: number): number {
  if (!Number.isFinite(wan)) return 0
  const m = wan.toFixed(6).match(/^(-?)(\d+)\.(\d{6})$/)
  if (!m) return Math.round(wan * 1_000_000) // 超出 toFixed 的范围（≥ 1e21）：表单不会出现
  const fen = BigInt(m[2]) * FEN_PER_WAN + BigInt(m[3])
  return Number(m[1] ? -fen : fen)
}

/** 整数分 → 表单里的万元数（最多六位小数，精确到分）。 */
export function fenToWanNumber(fen: number): number {
  const v = exactFen(fen)
  if (v === null) return 0
  const abs = v < 0n ? -v : v
  const text = `${v < 0n ? '-' : ''}${abs / FEN_PER_WAN}.${(abs % FEN_PER_WAN).toString().padStart(6, '0')}`
  return Number(text)
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
