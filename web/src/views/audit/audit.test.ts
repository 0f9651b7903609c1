import { describe, expect, it } from 'vitest'
import type { AuditItem } from '../../api/audit'
import { actionLabel, auditCsvRows, auditFilterToApi, auditFilterToQuery, changeSummary, parseAuditFilter } from './audit'

describe('audit filter', () => {
  it('round-trips through the URL and drops what is invalid', () => {
    const f = parseAuditFilter({ actor: 'finance', entity: 'project:XZ1', region: '540102', from: '2026-01-01', to: '2026-02-30', page: '2' })
    expect(f).toEqual({ actor: 'finance', entity: 'project:XZ1', region: '540102', from: '2026-01-01', to: '', page: 2 })
    expect(auditFilterToQuery(f)).toEqual({ actor: 'finance', entity: 'project:XZ1', region: '540102', from: '2026-01-01', page: '2' })
    expect(auditFilterToApi(parseAuditFilter({}))).toEqual({
      actor: undefined, entity: undefined, region: undefined, from: undefined, to: undefined, page: 1, page_size: 20,
    })
  })
})

describe('labels and summaries', () => {
  it('names actions in Chinese, project steps by their step name', () => {
    expect(actionLabel('ledger.append')).toBe('记账')
    expect(actionLabel('project.arrange_funds')).toBe('项目流程：资金安排')
    expect(actionLabel('something.new')).toBe('something.new')
  })

  it('lists what changed, or what was created', () => {
    expect(changeSummary({ before: { status: 'approved', actual_start: '' }, after: { status: 'started', actual_start: '2023-05-01' } }))
      .toBe('status: approved → started；actual_start:  → 2023-05-01')
    expect(changeSummary({ before: null, after: { username: 'x', role: 'leader' } })).toBe('username: x；role: leader')
    expect(changeSummary({ before: null, after: null })).toBe('')
  })

  it('writes one CSV row per record', () => {
    const item: AuditItem = {
      seq: 3, at: '2026-11-28T08:00:00.000Z', actor: 'admin', actor_role: 'admin', address: '127.0.0.1', action: 'user.create',
      entity_type: 'user', entity_id: 'x', region_code: '540000', before: null, after: { role: 'leader' }, prev_hash: 'a', hash: 'b',
    }
    expect(auditCsvRows([item])).toEqual([
      ['3', '2026-11-28 16:00:00', 'admin', 'admin', '127.0.0.1', '新建用户', 'user', 'x', '540000', 'role: leader', 'b'],
    ])
  })
})
