// Excel 导入任务（上传后排队，带进度与错误表）与格式化的 XLSX 导出。
import { pathOf, request, requestFile, requestItems, urlOf, type ApiPath, type Params, type Schema } from './request'

/** 导入任务与导出接口（docs/openapi.yaml）。 */
export const EXCEL_ENDPOINTS = {
  importJobs: '/api/v1/imports/jobs',
  importJob: '/api/v1/imports/jobs/{id}',
  importJobErrors: '/api/v1/imports/jobs/{id}/errors.xlsx',
  importTemplate: '/api/v1/imports/templates/{kind}',
  submitRegions: '/api/v1/imports/regions/jobs',
  submitProjects: '/api/v1/imports/projects/jobs',
  submitLedger: '/api/v1/imports/ledger/jobs',
  exportDispatch: '/api/v1/exports/dispatch.xlsx',
  exportRankings: '/api/v1/exports/rankings.xlsx',
  exportFlags: '/api/v1/exports/flags.xlsx',
  exportProjects: '/api/v1/exports/projects.xlsx',
  exportLedger: '/api/v1/exports/ledger.xlsx',
  exportSettlements: '/api/v1/exports/settlements.xlsx',
  exportAudit: '/api/v1/exports/audit.xlsx',
  exportAllocation: '/api/v1/exports/allocation.xlsx',
} as const satisfies Record<string, ApiPath>

export type ImportKind = Schema<'ImportJob'>['kind']
export type JobState = Schema<'ImportJob'>['state']
/** 一个导入任务（openapi: ImportJob）；列表中的任务不带 errors。 */
export type ImportJob = Schema<'ImportJob'>
export type ImportJobSummary = Schema<'ImportJobSummary'>

const SUBMIT: Record<ImportKind, ApiPath> = {
  regions: EXCEL_ENDPOINTS.submitRegions,
  projects: EXCEL_ENDPOINTS.submitProjects,
  ledger: EXCEL_ENDPOINTS.submitLedger,
  contracts: '/api/v1/imports/contracts/jobs',
  progress: '/api/v1/imports/progress/jobs',
  benchmarks: '/api/v1/imports/benchmarks/jobs',
  assets: '/api/v1/imports/assets/jobs',
  workers: '/api/v1/imports/workers/jobs',
  wages: '/api/v1/imports/wages/jobs',
  factors: '/api/v1/imports/factors/jobs',
}

/** 导入模板的下载地址：XLSX（中文表头、单位、一行示例、填写说明）或 CSV。 */
export function templateUrl(kind: ImportKind, format: 'xlsx' | 'csv' = 'xlsx'): string {
  return urlOf(pathOf(EXCEL_ENDPOINTS.importTemplate, { kind }), format === 'csv' ? { format } : undefined)
}

/** 上传文件并排队导入：立即返回任务（202）。 */
export async function submitImportJob(kind: ImportKind, file: Blob, fileName: string): Promise<ImportJob> {
  return request<ImportJob>(SUBMIT[kind], { file_name: fileName }, {
    method: 'POST',
    body: file,
    headers: { 'Content-Type': file.type || 'application/octet-stream' },
  })
}

export async function getImportJob(id: string): Promise<ImportJob> {
  return request<ImportJob>(pathOf(EXCEL_ENDPOINTS.importJob, { id }))
}

export function listImportJobs(): Promise<ImportJobSummary[]> {
  return requestItems<ImportJobSummary>(EXCEL_ENDPOINTS.importJobs)
}

export type ExportKind = 'dispatch' | 'rankings' | 'flags' | 'projects' | 'ledger' | 'settlements' | 'audit' | 'allocation'

const EXPORTS: Record<ExportKind, ApiPath> = {
  dispatch: EXCEL_ENDPOINTS.exportDispatch,
  rankings: EXCEL_ENDPOINTS.exportRankings,
  flags: EXCEL_ENDPOINTS.exportFlags,
  projects: EXCEL_ENDPOINTS.exportProjects,
  ledger: EXCEL_ENDPOINTS.exportLedger,
  settlements: EXCEL_ENDPOINTS.exportSettlements,
  audit: EXCEL_ENDPOINTS.exportAudit,
  allocation: EXCEL_ENDPOINTS.exportAllocation,
}

/** 导出格式：XLSX（默认，超过一个工作表的行数时续表）或 CSV（UTF-8 带 BOM）。 */
export type ExportFormat = 'xlsx' | 'csv'

/** 导出文件的地址（带当前筛选条件；CSV 时加 format=csv）。 */
export function exportUrl(kind: ExportKind, params?: Params, format: ExportFormat = 'xlsx'): string {
  return urlOf(EXPORTS[kind], format === 'csv' ? { ...params, format } : params)
}

/**
 * 下载导出文件，逐块读取以报告进度（onProgress 收到 0–1；总长未知时为 null）。
 * 返回文件内容与服务端建议的文件名。失败时抛出 ApiError。
 */
export async function downloadExport(url: string, onProgress: (fraction: number | null) => void): Promise<{ blob: Blob; fileName: string }> {
  const { blob, disposition } = await requestFile(url, onProgress)
  return { blob, fileName: fileNameOf(disposition) }
}

/** Content-Disposition 中的文件名（优先 RFC 5987 的 filename*）。 */
export function fileNameOf(disposition: string | null): string {
  if (!disposition) return 'export.xlsx'
  const star = disposition.match(/filename\*=UTF-8''([^;]+)/i)
  if (star) {
    try {
      return decodeURIComponent(star[1])
    } catch {
      /* fall through */
    }
  }
  const plain = disposition.match(/filename="?([^";]+)"?/i)
  return plain ? plain[1] : 'export.xlsx'
}
