import { describe, expect, it } from 'vitest'
import type { ImportJob } from '../../api/excel'
import { acceptsFile, columnLetter, errorRows, formulaRows, importKindsFor, isFinished, progressOf, resultSummary } from './jobs'

const job = (patch: Partial<ImportJob>): ImportJob => ({
  job_id: '0123456789abcdef',
  kind: 'ledger',
  state: 'running',
  phase: 'reading',
  file_name: '台账.xlsx',
  format: 'xlsx',
  owner: 'finance',
  rows_read: 0,
  rows_total: 0,
  created_at: '2026-11-28T10:00:00.000Z',
  started_at: null,
  finished_at: null,
  report: null,
  error: null,
  errors: [],
  errors_total: 0,
  ...patch,
})

describe('progressOf', () => {
  it('counts rows read against the total while reading, up to 95%', () => {
    expect(progressOf(job({ rows_read: 500, rows_total: 1000 }))).toMatchObject({ percent: 47, text: '已读取 500 / 1,000 行' })
    expect(progressOf(job({ rows_read: 1000, rows_total: 1000 })).percent).toBe(95)
  })
  it('is indeterminate when the total is unknown or while writing', () => {
    expect(progressOf(job({ rows_read: 10 })).indeterminate).toBe(true)
    expect(progressOf(job({ phase: 'writing', rows_read: 10, rows_total: 10 }))).toMatchObject({ percent: 95, indeterminate: true })
  })
  it('ends green at 100% or red with the error count', () => {
    expect(progressOf(job({ state: 'succeeded', rows_read: 3, rows_total: 3 }))).toMatchObject({ percent: 100, status: 'success' })
    expect(progressOf(job({ state: 'cancelled', rows_read: 1, rows_total: 4 }))).toMatchObject({ percent: 25, status: 'exception' })
    expect(isFinished(job({ state: 'cancelled' }))).toBe(true)
    const failed = progressOf(job({ state: 'failed', rows_read: 2, rows_total: 4, errors_total: 2 }))
    expect(failed).toMatchObject({ percent: 50, status: 'exception' })
    expect(failed.text).toContain('2 处问题')
  })
  it('shows a queued job as waiting', () => {
    expect(progressOf(job({ state: 'queued', phase: 'queued' })).text).toBe('排队等待中…')
  })
})

describe('results and errors', () => {
  it('summarises the report counts', () => {
    const r = resultSummary(job({ state: 'succeeded', report: { kind: 'ledger', rows: 3, inserted: 2, updated: 0, unchanged: 1 } }))
    expect(r.map((x) => x.value)).toEqual([3, 2, 0, 1])
    expect(resultSummary(job({ state: 'failed', errors_total: 7 }))).toEqual([{ label: '错误数', value: 7 }])
  })
  it('writes cell positions as Excel does', () => {
    expect(columnLetter(1)).toBe('A')
    expect(columnLetter(8)).toBe('H')
    expect(columnLetter(28)).toBe('AB')
    expect(columnLetter(0)).toBe('')
    const rows = errorRows([{ sheet: '台账', row: 4, column: 'amount', column_index: 8, value: '=1+1', code: 'formula_cell', message: '含公式' }])
    expect(rows[0]).toEqual({ sheet: '台账', row: '4', cell: 'H4', column: 'amount', value: '=1+1', code: 'formula_cell', message: '含公式' })
    // the Chinese column name when the server gives one (issue #21 point 6)
    const labelled = errorRows([{ row: 2, column: 'amount', column_label: '金额', column_index: 8, value: 'abc', code: 'invalid_amount', message: '金额格式不正确' }])
    expect(labelled[0].column).toBe('金额')
    expect(errorRows([{ code: 'not_xlsx', message: 'x' }])[0].cell).toBe('')
  })
  it('knows finished jobs, accepted files and who may import what', () => {
    expect(isFinished(job({ state: 'failed' }))).toBe(true)
    expect(isFinished(job({}))).toBe(false)
    expect(isFinished(null)).toBe(false)
    expect(acceptsFile('a.XLSX')).toBe(true)
    expect(acceptsFile('a.csv')).toBe(true)
    expect(acceptsFile('a.xls')).toBe(false)
    expect(importKindsFor('finance_officer')).toEqual(['ledger', 'factors'])
    expect(importKindsFor('county_officer')).toEqual(['projects', 'contracts', 'progress', 'assets', 'workers', 'wages'])
    expect(importKindsFor('admin')).toEqual(['regions', 'benchmarks', 'factors'])
    expect(importKindsFor('leader')).toEqual([])
  })
})

describe('formulaRows', () => {
  it('lists each formula cell with its formula and the value imported', () => {
    const report: NonNullable<ImportJob['report']> = {
      kind: 'ledger', rows: 2, inserted: 2, updated: 0, unchanged: 0, encoding: 'UTF-8', formula_cells_total: 2,
      formula_cells: [
        { sheet: '台账', row: 4, column: 'H', formula: '100*2', value: '200' },
        { sheet: '台账', row: 5, column: 'H', formula: '', value: '50' },
      ],
    }
    expect(formulaRows(job({ state: 'succeeded', report }))).toEqual([
      { cell: '台账!H4', formula: '=100*2', value: '200' },
      { cell: '台账!H5', formula: '（共享公式）', value: '50' },
    ])
    expect(formulaRows(job({ state: 'succeeded', report: { kind: 'ledger', rows: 1, inserted: 1, updated: 0, unchanged: 0 } }))).toEqual([])
  })
})
