import { describe, expect, it } from 'vitest'
import { buildQuery, pathOf } from './request'
import { ApiError, errorFromResponse, errorText } from './errors'
import { exportUrl, fileNameOf } from './excel'

describe('buildQuery and pathOf', () => {
  it('drops empty values and encodes the rest', () => {
    expect(buildQuery({ region: '540000', year: 2023, x: undefined, y: '' })).toBe('?region=540000&year=2023')
    expect(buildQuery()).toBe('')
  })
  it('fills path templates with encoded values and refuses a missing one', () => {
    expect(pathOf('/api/v1/projects/{code}/objections/{id}/resolve', { code: 'a/b', id: 7 })).toBe(
      '/api/v1/projects/a%2Fb/objections/7/resolve',
    )
    expect(() => pathOf('/api/v1/projects/{code}', {})).toThrow(/missing \{code\}/)
  })
})

describe('errors', () => {
  it('reads the stable code, message and details of an error body', () => {
    const e = errorFromResponse(400, 'Bad Request', {
      error: { code: 'invalid_argument', message: '第2行 金额不是数字', details: [{ row: 2, column: 'amount' }] },
    })
    expect([e.status, e.code, e.message, e.details.length]).toEqual([400, 'invalid_argument', '第2行 金额不是数字', 1])
    const bare = errorFromResponse(502, 'Bad Gateway', '<html>')
    expect([bare.code, bare.message, bare.details]).toEqual(['http_502', 'Bad Gateway', []])
  })
  it('errorText: the server sentence for specific codes, one Chinese text for generic ones', () => {
    expect(errorText(new ApiError(409, 'conflict', '项目已被他人修改（版本 3）'))).toBe('项目已被他人修改（版本 3）')
    expect(errorText(new ApiError(404, 'not_found', ''))).toBe('请求的资源不存在')
    expect(errorText(new ApiError(403, 'permission_denied', '角色「审计人员」无权执行此操作'))).toBe('无权访问该区划或功能')
    expect(errorText(new ApiError(0, 'network', 'fetch failed'))).toBe('无法连接服务器')
    expect(errorText(new ApiError(418, 'http_418', ''))).toBe('http_418')
    expect(errorText(new Error('boom'))).toBe('数据加载失败')
    expect(errorText('x', '保存失败')).toBe('保存失败')
  })
})

describe('exports', () => {
  it('builds export links with the current filters and reads the file name', () => {
    expect(exportUrl('projects', { year: 2023, state: '', q: '道路' })).toBe(
      `/api/v1/exports/projects.xlsx?year=2023&q=${encodeURIComponent('道路')}`,
    )
    expect(fileNameOf(`attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent('月调度表.xlsx')}`)).toBe(
      '月调度表.xlsx',
    )
    expect(fileNameOf('attachment; filename="a.xlsx"')).toBe('a.xlsx')
    expect(fileNameOf(null)).toBe('export.xlsx')
  })
})
