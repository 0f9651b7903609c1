// 导入任务的进度、结果与错误表：纯函数，不依赖 DOM，便于单元测试。
import type { FieldError } from '../../api/errors'
import type { ImportJob, ImportKind } from '../../api/excel'

export const IMPORT_KINDS: ImportKind[] = ['regions', 'projects', 'ledger', 'contracts', 'progress', 'benchmarks', 'assets', 'workers', 'wages', 'factors']

const PROJECT_ROLES = ['region_officer', 'prefecture_officer', 'county_officer', 'township_officer']

/** 各导入类型需要的角色（与服务端授权表 src/domain/role.cpp 一致；服务端仍会拒绝越权请求）。 */
export const IMPORT_ROLES: Record<ImportKind, string[]> = {
  regions: ['admin'],
  projects: PROJECT_ROLES,
  ledger: ['finance_officer'],
  // 合同与形象进度：与项目同权限；全国平均基准：系统管理员。
  contracts: PROJECT_ROLES,
  progress: PROJECT_ROLES,
  benchmarks: ['admin'],
  // 确权资产、以工代赈务工人员与劳务报酬：与项目同权限。
  assets: PROJECT_ROLES,
  workers: PROJECT_ROLES,
  wages: PROJECT_ROLES,
  // 分配因素（因素法分配）：有结算权限的角色。
  factors: ['admin', 'region_officer', 'prefecture_officer', 'finance_officer'],
}

export function importKindsFor(role: string): ImportKind[] {
  return IMPORT_KINDS.filter((k) => IMPORT_ROLES[k].includes(role))
}

export function isFinished(job: ImportJob | null): boolean {
  return !!job && (job.state === 'succeeded' || job.state === 'failed' || job.state === 'cancelled')
}

export interface JobProgress {
  /** 0–100，整数 */
  percent: number
  /** Element Plus el-progress 的 status */
  status: '' | 'success' | 'exception'
  /** 行数未知或正在写入时为 true（条纹动画） */
  indeterminate: boolean
  /** 进度条下方的说明，如“已读取 1,200 / 5,000 行” */
  text: string
}

const num = (n: number) => n.toLocaleString('en-US')

/**
 * 进度条的状态。读取阶段按“已读行数 / 预计行数”计，最多 95%（校验与写入尚未完成）；
 * 写入阶段停在 95%；结束时成功为 100%，失败保留所到进度并标红。
 */
export function progressOf(job: ImportJob): JobProgress {
  const read = job.rows_read
  const total = Math.max(job.rows_total, read)
  const ratio = total > 0 ? read / total : 0
  switch (job.state) {
    case 'queued':
      return { percent: 0, status: '', indeterminate: false, text: '排队等待中…' }
    case 'running':
      if (job.phase === 'writing') {
        return { percent: 95, status: '', indeterminate: true, text: `已读取 ${num(read)} 行，正在校验并写入…` }
      }
      return {
        percent: Math.min(95, Math.floor(ratio * 95)),
        status: '',
        indeterminate: job.rows_total === 0,
        text: job.rows_total > 0 ? `已读取 ${num(read)} / ${num(total)} 行` : `已读取 ${num(read)} 行`,
      }
    case 'succeeded':
      return { percent: 100, status: 'success', indeterminate: false, text: `完成：共 ${num(read)} 行` }
    case 'cancelled':
      return {
        percent: Math.max(1, Math.min(100, Math.round(ratio * 100))),
        status: 'exception',
        indeterminate: false,
        text: '已取消：处理它的服务器已停止，未写入任何数据，请重新提交',
      }
    default:
      return {
        percent: Math.max(1, Math.min(100, Math.round(ratio * 100))),
        status: 'exception',
        indeterminate: false,
        text: `导入未成功：发现 ${num(job.errors_total)} 处问题，未写入任何数据`,
      }
  }
}

/** 结果页的计数卡片。 */
export function resultSummary(job: ImportJob): { label: string; value: number }[] {
  const r = job.report
  if (!r) return [{ label: '错误数', value: job.errors_total }]
  return [
    { label: '读取行数', value: r.rows },
    { label: '新增', value: r.inserted },
    { label: '更新', value: r.updated },
    { label: '未变（重复导入）', value: r.unchanged },
  ]
}

/** 1 → "A"，28 → "AB"；0 → ""。 */
export function columnLetter(index: number | undefined): string {
  let s = ''
  for (let n = index ?? 0; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s
  return s
}

export interface ErrorRow {
  sheet: string
  row: string
  cell: string
  column: string
  value: string
  code: string
  message: string
}

/** 错误表的行：单元格位置写成 Excel 的样子（H4）。 */
export function errorRows(errors: (FieldError & { sheet?: string })[]): ErrorRow[] {
  return errors.map((e) => {
    const letter = columnLetter(e.column_index)
    return {
      sheet: e.sheet ?? '',
      row: e.row ? String(e.row) : '',
      cell: letter && e.row ? `${letter}${e.row}` : letter,
      // 中文列名（接口的 column_label）；没有时用英文列名。
      column: e.column_label || e.column || '',
      value: e.value ?? '',
      code: e.code ?? '',
      message: e.message ?? '',
    }
  })
}

/** 按文件名判断是否为可导入的文件。 */
export function acceptsFile(name: string): boolean {
  return /\.(csv|xlsx)$/i.test(name)
}

/** 按公式计算结果导入的单元格（结果页列出）：位置、公式与导入的值。 */
export interface FormulaRow {
  cell: string
  formula: string
  value: string
}

export function formulaRows(job: ImportJob): FormulaRow[] {
  return (job.report?.formula_cells ?? []).map((c) => ({
    cell: `${c.sheet ? `${c.sheet}!` : ''}${c.column}${c.row}`,
    formula: c.formula ? `=${c.formula}` : '（共享公式）',
    value: c.value ?? '',
  }))
}
