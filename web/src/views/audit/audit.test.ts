import { describe, expect, it } from 'vitest'
import type { AuditItem } from '../../api/audit'
import zhCN from '../../locale/zh-CN'
// The server's label tables (the export renders 变更内容 with them): they must say what the screen says.
import serverText from '../../../../src/app/audit_text.cpp?raw'
import {
  AUDIT_FIELD_LABELS,
  AUDIT_VALUE_LABELS,
  changedFirst,
  actionLabel,
  auditFilterToApi,
  auditFilterToQuery,
  auditValueText,
  changeSummary,
  diffRows,
  exactYuan,
  objectText,
  parseAuditFilter,
  reversalsOf,
} from './audit'

describe('audit filter', () => {
  it('round-trips through the URL and drops what is invalid', () => {
    const f = parseAuditFilter({ actor: 'finance', entity: 'XZ2023540102001', region: '540102', from: '2026-01-01', to: '2026-02-30', page: '2' })
    expect(f).toEqual({ actor: 'finance', entity: 'XZ2023540102001', region: '540102', from: '2026-01-01', to: '', page: 2 })
    expect(auditFilterToQuery(f)).toEqual({ actor: 'finance', entity: 'XZ2023540102001', region: '540102', from: '2026-01-01', page: '2' })
    expect(auditFilterToApi(parseAuditFilter({}))).toEqual({
      actor: undefined, entity: undefined, region: undefined, from: undefined, to: undefined, page: 1, page_size: 20,
    })
  })
})

describe('labels', () => {
  it('names actions and objects in Chinese, project steps by their step name, unknown codes as they are', () => {
    expect(actionLabel('ledger.append')).toBe('记账')
    expect(actionLabel('project.arrange_funds')).toBe('项目流程：资金安排')
    expect(actionLabel('something.new')).toBe('something.new')
    expect(objectText({ entity_type: 'project', entity_id: 'XZ1' })).toBe('项目：XZ1')
    expect(objectText({ entity_type: 'ledger_batch', entity_id: 'V1' })).toBe('台账凭证：V1')
    expect(objectText({ entity_type: 'gadget', entity_id: '' })).toBe('gadget')
  })

  it('takes field labels from the project form, without the unit', () => {
    expect(AUDIT_FIELD_LABELS.total_investment_fen).toBe('总投资')
    expect(zhCN.project.totalInvestment).toBe('总投资（万元）')
    expect(AUDIT_FIELD_LABELS.implementing_unit).toBe(zhCN.library.implementingUnit)
  })

  // Server table line: {"key", "label"},
  const table = (name: string): Record<string, string> => {
    const start = serverText.indexOf(`${name}[] = {`)
    expect(start).toBeGreaterThan(0)
    const body = serverText.slice(start, serverText.indexOf('};', start))
    return Object.fromEntries([...body.matchAll(/\{"([^"]+)", "([^"]+)"\}/g)].map((m) => [m[1], m[2]]))
  }

  it('agree with the server tables the export uses (src/app/audit_text.cpp)', () => {
    expect(table('kAuditFieldLabels')).toEqual(AUDIT_FIELD_LABELS)
    expect(table('kAuditEntityLabels')).toEqual(zhCN.audit.entities)
    expect(table('kAuditActionLabels')).toEqual(zhCN.audit.actions)
    expect(table('kAuditValueLabels')).toEqual(AUDIT_VALUE_LABELS)
    expect(table('kAuditProjectStepLabels')).toEqual(zhCN.projects.actions)
    expect(AUDIT_VALUE_LABELS['procurement.direct']).toBe('直接委托/村民自建')
  })
})

describe('change text', () => {
  it('shows the changed fields of a project, old → new, amounts in 万元', () => {
    const item = {
      entity_type: 'project',
      before: { name: '道路', total_investment_fen: 1_000_000_000, central_fund_fen: 800_000_000, sheet: { implementing_unit: '甲', funds: [] } },
      after: { name: '道路', total_investment_fen: 1_234_567_890, central_fund_fen: 800_000_000, sheet: { implementing_unit: '乙', funds: [] } },
    }
    expect(changeSummary(item)).toBe('总投资：1,000.00 万元 → 1,234.57 万元；实施单位：甲 → 乙')
    const rows = diffRows(item)
    expect(rows.map((r) => [r.label, r.changed])).toEqual([
      ['项目名称', false], ['总投资', true], ['中央衔接资金', false], ['实施单位', true], ['资金来源构成', false],
    ])
    expect(changedFirst(rows).map((r) => r.label)).toEqual(['总投资', '实施单位', '项目名称', '中央衔接资金', '资金来源构成'])
    const total = rows.find((r) => r.path === 'total_investment_fen')!
    expect([total.before, total.after, exactYuan(total.afterFen)]).toEqual(['1,000.00 万元', '1,234.57 万元', '12,345,678.90 元'])
  })

  it('names project states and roles, empty values and booleans in Chinese', () => {
    expect(changeSummary({ entity_type: 'project', before: { status: 'approved', actual_start: '' }, after: { status: 'started', actual_start: '2023-05-01' } }))
      .toBe('状态：资金已安排 → 开工；实际开工：（空） → 2023-05-01')
    expect(changeSummary({ entity_type: 'user', before: null, after: { username: 'x', role: 'leader', disabled: false } }))
      .toBe('用户名：x；角色：领导；已停用：否')
    expect(changeSummary({ entity_type: 'user', before: null, after: null })).toBe('')
  })

  it('falls back to the key for an unknown field; an unknown amount is still in 万元', () => {
    expect(changeSummary({ entity_type: 'gadget', before: null, after: { widget_count: 3, bonus_fen: 1_500_000, deep: { x: 1 } } }))
      .toBe('widget_count：3；bonus_fen：1.50 万元；deep.x：1')
    expect(auditValueText('gadget', 'loss_fen', -5_000)).toBe('-0.01 万元')
    expect(auditValueText('gadget', 'loss_fen', -4_999)).toBe('0.00 万元')
    expect(auditValueText('project', 'funds', [{ source: 'central', amount_fen: 2_000_000 }])).toBe('central 2.00 万元')
  })

  it('shows a reversal with its voucher, the voucher it reverses, the amount (negative) and the reason', () => {
    const item: AuditItem = {
      seq: 9, at: '2026-11-28T08:00:00.000Z', actor: 'finance', actor_role: 'finance_officer', address: '127.0.0.1', action: 'ledger.append',
      entity_type: 'ledger_batch', entity_id: 'PZ-7-CX', region_code: '540102', before: null,
      after: { count: 1, keys: ['PZ-7-CX'], reversals: [{ entry_id: 'PZ-7-CX', reverses: 'PZ-7', amount_fen: 12_345_678, note: '重复录入' }] },
      prev_hash: 'a', hash: 'b',
    }
    expect(reversalsOf(item)).toEqual([{ entry_id: 'PZ-7-CX', reverses: 'PZ-7', amount_fen: 12_345_678, note: '重复录入' }])
    expect(changeSummary(item)).toBe('冲销凭证 PZ-7-CX（冲销 PZ-7）：金额 -123,456.78 元，原因：重复录入；条数：1；编号：PZ-7-CX')
  })
})
