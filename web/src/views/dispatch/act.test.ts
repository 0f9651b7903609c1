import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ref } from 'vue'
import { ApiError, errorText } from '../../api/errors'

const messages: string[] = []
vi.mock('element-plus', () => ({
  ElMessage: { success: (m: string) => messages.push(`ok:${m}`), error: (m: string) => messages.push(`error:${m}`) },
}))
const { act, loadInto } = await import('./act')

beforeEach(() => {
  messages.length = 0
})

describe('act', () => {
  it('says the success, then runs the next step, and holds busy while it works', async () => {
    const busy = ref(false)
    const seen: boolean[] = []
    const r = await act(async () => (seen.push(busy.value), 7), (n) => `done ${n}`, { busy, after: (n) => messages.push(`after:${n}`) })
    expect(r).toBe(7)
    expect(seen).toEqual([true])
    expect(busy.value).toBe(false)
    expect(messages).toEqual(['ok:done 7', 'after:7'])
  })
  it('says the server’s reason on failure, runs nothing after, and answers undefined', async () => {
    const busy = ref(false)
    const after = vi.fn()
    const r = await act(() => Promise.reject(new ApiError(409, 'conflict', '本月调度已开启')), 'never', { busy, after })
    expect(r).toBeUndefined()
    expect(after).not.toHaveBeenCalled()
    expect(busy.value).toBe(false)
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatch(/^error:.*本月调度已开启/)
  })
  it('reports a failing next step as an error after the success', async () => {
    const failure = new ApiError(500, 'internal', '刷新失败')
    await act(async () => 1, 'saved', { after: () => Promise.reject(failure) })
    expect(messages).toEqual(['ok:saved', `error:${errorText(failure)}`])
  })
})

describe('loadInto', () => {
  it('clears the error, holds loading, and keeps the reason of a failure', async () => {
    const loading = ref(false)
    const error = ref('old')
    await loadInto(loading, error, async () => {
      expect(loading.value).toBe(true)
      expect(error.value).toBe('')
    })
    expect([loading.value, error.value]).toEqual([false, ''])
    const refusal = new ApiError(403, 'permission_denied', '区划 540202 超出数据范围')
    await loadInto(loading, error, () => Promise.reject(refusal))
    expect(loading.value).toBe(false)
    expect(error.value).toBe(errorText(refusal))
    expect(error.value).not.toBe('')
  })
})
