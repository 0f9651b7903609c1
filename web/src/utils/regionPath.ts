// 区划路径的显示：村名会重名，所以村总带上乡镇和县（县 / 乡 / 村）；县及以上带上一级（拉萨市 / 城关区）。
// 路径由服务端给出（GET /api/v1/regions?q=… 的 path，自上而下，末项为区划本身）。

export interface PathStep {
  code: string
  name: string
  level: string
}

const LEVELS = ['province', 'prefecture', 'county', 'township', 'village']

/** 路径中从哪一级开始显示：乡、村从县开始；县及以上显示上一级与本级。 */
function startIndex(path: readonly PathStep[]): number {
  const county = path.findIndex((s) => s.level === 'county')
  const self = path.length - 1
  if (county >= 0 && county < self) return county
  return Math.max(0, self - 1)
}

/** 「城关区 / 八廓街道 / 团结新村」：区划的显示路径；空路径为空串。 */
export function regionPathLabel(path: readonly PathStep[] | undefined, sep = ' / '): string {
  if (!path?.length) return ''
  return path
    .slice(startIndex(path))
    .map((s) => s.name)
    .join(sep)
}

/** 级联选择器（县 → 乡 → 村）中某区划的值：路径中从首个可选根开始的各级代码；根不在路径上时为空。 */
export function cascaderValue(path: readonly PathStep[] | undefined, roots: readonly string[]): string[] {
  if (!path?.length) return []
  const i = path.findIndex((s) => roots.includes(s.code))
  return i < 0 ? [] : path.slice(i).map((s) => s.code)
}

/** 级联选择器的起点级别：本人范围在县级以上时从县开始，否则从本人所在区划开始。 */
export function cascaderStartsAtCounty(scopeLevel: string | undefined): boolean {
  const i = LEVELS.indexOf(scopeLevel ?? '')
  return i >= 0 && i < LEVELS.indexOf('county')
}

/** URL 中的区划代码（6、9 或 12 位数字）；其他值为空串（回落为本人范围）。 */
export function regionCodeOf(v: string): string {
  return /^\d{6}(\d{3}){0,2}$/.test(v) ? v : ''
}
