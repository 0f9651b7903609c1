import { describe, expect, it } from 'vitest'
import { describeFieldErrors, describeWarnings, emptyForm, fieldOfColumn, refusalTitle, validateLedgerForm } from './form'

const base = () => ({
  ...emptyForm('2023-07-05'),
  entry_id: 'PZ1',
  region_code: '540102',
  project_code: 'XZ20235401020001',
  amount: '1,234.29',
})

describe('validateLedgerForm', () => {
  it('builds an entry with exact integer fen', () => {
    const { entry, errors } = validateLedgerForm({ ...base(), payee: ' 某公司 ', payee_type: 'enterprise' })
    expect(errors).toEqual({})
    expect(entry).toEqual({
      entry_id: 'PZ1', date: '2023-07-05', kind: 'expend', fund_source: 'central', fund_year: 2023,
      region_code: '540102', project_code: 'XZ20235401020001', amount_fen: 123429, payee: '某公司', payee_type: 'enterprise',
    })
  })
  it('reports Chinese messages per field', () => {
    const { entry, errors } = validateLedgerForm({
      ...emptyForm('2023-07-05'), date: '2023-02-30', fund_year: '23', region_code: '5401', amount: '12.345',
    })
    expect(entry).toBeNull()
    expect(errors).toEqual({
      entry_id: '请填写凭证号',
      date: '日期应为有效的 YYYY-MM-DD',
      fund_year: '资金年度应为四位年份',
      region_code: '区划代码应为 6、9 或 12 位数字',
      project_code: '拨付和支出必须填写项目编码',
      payee_type: '支出必须选择收款方类型（付给政府、财政专户或单位自有账户的为“政府账户”）',
      amount: '金额最多两位小数（分）',
    })
  })
  it('an expenditure must say whom it paid; an allocation need not', () => {
    expect(validateLedgerForm({ ...base(), payee_type: '' }).errors.payee_type).toMatch(/收款方类型/)
    expect(validateLedgerForm({ ...base(), kind: 'allocate', project_code: '', payee_type: '' }).errors).toEqual({})
  })
  it('allows an allocation without a project and requires the reversed entry', () => {
    expect(validateLedgerForm({ ...base(), kind: 'allocate', project_code: '' }).entry?.project_code).toBeUndefined()
    expect(validateLedgerForm({ ...base(), kind: 'reverse' }).errors.reverses).toBe('冲销必须填写被冲销的凭证号')
    expect(validateLedgerForm({ ...base(), kind: 'reverse', reverses: 'PZ0' }).entry?.reverses).toBe('PZ0')
    expect(validateLedgerForm({ ...base(), amount: '0' }).errors.amount).toBe('金额必须大于零（更正请用冲销）')
  })
})

describe('server errors', () => {
  it('describes details in Chinese with row and column', () => {
    expect(
      describeFieldErrors([{ row: 1, column: 'project_code', message: '项目编码不存在', value: 'NOPE', code: 'unknown_project' }]),
    ).toEqual(['第 1 行【项目编码】项目编码不存在（填写值：NOPE）'])
    expect(fieldOfColumn('amount')).toBe('amount')
    expect(fieldOfColumn('project_code')).toBe('project_code')
    expect(fieldOfColumn('x')).toBeNull()
  })
})

describe('before saving', () => {
  it('lists the flags saving would raise, in 万元', () => {
    expect(
      describeWarnings([
        { kind: 'over_arranged', kind_label: '超安排支出', subject: 'XZ1', project_code: 'XZ1', amount_fen: 123_456_700, detail: '累计支出超过安排资金' },
        { kind: 'negative_list', kind_label: '负面清单', subject: 'PZ9', project_code: 'XZ1', amount_fen: 5_000_000, detail: '用途命中负面清单：购置办公车辆' },
      ]),
    ).toEqual(['【超安排支出】XZ1：123.46 万元。累计支出超过安排资金', '【负面清单】PZ9：5.00 万元。用途命中负面清单：购置办公车辆'])
    expect(describeWarnings([])).toEqual([])
  })
  it('names a refusal for a project without funds or an expenditure without a payee type in Chinese', () => {
    expect(refusalTitle(['project_not_funded', 'project_not_funded'])).toMatch(/^该项目未安排资金.*没有计划依据/)
    expect(refusalTitle(['invalid_argument', 'payee_type_required'])).toMatch(/^支出必须填写收款方类型/)
    expect(refusalTitle(['conflict', 'conflicts_existing'])).toBe('服务器拒绝了该凭证')
    expect(refusalTitle([])).toBe('服务器拒绝了该凭证')
  })
})
