// 台账录入表单的校验与转换：纯函数。金额以元输入，按字符串精确换算为整数分。
import type { FieldError } from '../../api/errors'
import type { FundSource, LedgerEntry, LedgerKind, LedgerWarning, PayeeType } from '../../api/ledger'
import zhCN from '../../locale/zh-CN'
import { fenToWan, isIsoDate, parseYuanToFen } from '../../utils/format'

const L = zhCN.ledger

export interface LedgerForm {
  entry_id: string
  date: string
  kind: LedgerKind
  fund_source: FundSource
  fund_year: string
  region_code: string
  project_code: string
  amount: string
  payee: string
  payee_type: PayeeType | ''
  reverses: string
  note: string
}

export type FormErrors = Partial<Record<keyof LedgerForm, string>>

export function emptyForm(today: string): LedgerForm {
  return {
    entry_id: '',
    date: today,
    kind: 'expend',
    fund_source: 'central',
    fund_year: today.slice(0, 4),
    region_code: '',
    project_code: '',
    amount: '',
    payee: '',
    payee_type: '',
    reverses: '',
    note: '',
  }
}

/** 校验表单；通过时返回要提交的凭证（amount_fen 为整数分）。 */
export function validateLedgerForm(f: LedgerForm): { entry: LedgerEntry | null; errors: FormErrors } {
  const errors: FormErrors = {}
  const entryId = f.entry_id.trim()
  if (!entryId) errors.entry_id = L.required(L.entryId)
  if (!f.date) errors.date = L.required(L.date)
  else if (!isIsoDate(f.date)) errors.date = L.invalidDate
  if (!/^\d{4}$/.test(f.fund_year.trim())) errors.fund_year = L.invalidYear
  const region = f.region_code.trim()
  if (!region) errors.region_code = L.required(L.regionCode)
  else if (!/^(\d{6}|\d{9}|\d{12})$/.test(region)) errors.region_code = L.invalidRegion
  const project = f.project_code.trim()
  if ((f.kind === 'disburse' || f.kind === 'expend') && !project) errors.project_code = L.projectRequired
  // 支出必须说明付给了谁：收款方类型为空时无法区分真实支出与以拨代支
  if (f.kind === 'expend' && !f.payee_type) errors.payee_type = L.payeeTypeRequired
  const reverses = f.reverses.trim()
  if (f.kind === 'reverse' && !reverses) errors.reverses = L.reversesRequired
  const amount = parseYuanToFen(f.amount)
  if (!amount.ok) errors.amount = L.amountErrors[amount.error]
  if (Object.keys(errors).length > 0 || !amount.ok) return { entry: null, errors }
  const entry: LedgerEntry = {
    entry_id: entryId,
    date: f.date,
    kind: f.kind,
    fund_source: f.fund_source,
    fund_year: Number(f.fund_year.trim()),
    region_code: region,
    amount_fen: amount.fen,
  }
  if (project) entry.project_code = project
  if (f.payee.trim()) entry.payee = f.payee.trim()
  if (f.payee_type) entry.payee_type = f.payee_type
  if (f.kind === 'reverse') entry.reverses = reverses
  if (f.note.trim()) entry.note = f.note.trim()
  return { entry, errors }
}

/** 服务器返回的逐项错误 → 中文说明行。 */
export function describeFieldErrors(details: FieldError[]): string[] {
  return details.map((d) =>
    L.errorRow(d.row, d.column ? (L.columnNames[d.column] ?? d.column) : '', d.message ?? d.code ?? '', d.value ?? ''),
  )
}

/** 保存前检查得到的问题预警 → 中文说明行（确认框中列出）。金额为万元。 */
export function describeWarnings(warnings: LedgerWarning[]): string[] {
  return warnings.map((w) => L.warningRow(w.kind_label, w.subject, fenToWan(w.amount_fen), w.detail))
}

/** 拒绝的标题：项目未安排资金、支出缺收款方类型各有中文说明，其余为通用标题。 */
export function refusalTitle(codes: (string | undefined)[]): string {
  for (const c of codes) if (c && L.refusals[c]) return L.refusals[c]
  return L.errorTitle
}

/** 服务器错误的列名 → 表单字段，用于在对应输入框下显示。 */
export function fieldOfColumn(column: string | undefined): keyof LedgerForm | null {
  if (!column) return null
  if (column === 'amount' || column === 'amount_fen') return 'amount'
  const fields: (keyof LedgerForm)[] = ['entry_id', 'date', 'kind', 'fund_source', 'fund_year', 'region_code', 'project_code', 'payee', 'payee_type', 'reverses', 'note']
  return (fields as string[]).includes(column) ? (column as keyof LedgerForm) : null
}
