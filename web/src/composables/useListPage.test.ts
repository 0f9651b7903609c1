import { describe, expect, it } from 'vitest'
import { nextTick, reactive } from 'vue'
import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import { ApiError } from '../api/errors'
import { createListPage } from './useListPage'

interface F {
  q: string
  page: number
}
const parse = (q: LocationQuery): F => ({ q: typeof q.q === 'string' ? q.q : '', page: Number(q.page ?? 1) || 1 })
const toQuery = (f: F): LocationQueryRaw => ({ ...(f.q ? { q: f.q } : {}), ...(f.page > 1 ? { page: String(f.page) } : {}) })

/** 一个假的路由：push 立即改写查询串；fetch 的每次调用都可以单独决定何时、如何结束。 */
function harness(key?: (f: F) => unknown) {
  const route = reactive<{ name: string; query: LocationQuery }>({ name: 'list', query: {} })
  const pushed: LocationQueryRaw[] = []
  const calls: { f: F; resolve: (r: string) => void; reject: (e: unknown) => void }[] = []
  const page = createListPage(
    { route, push: (q) => { pushed.push(q); route.query = q as LocationQuery } },
    {
      routeName: 'list',
      parse,
      toQuery,
      key,
      fetch: (f) => new Promise<string>((resolve, reject) => calls.push({ f, resolve, reject })),
    },
  )
  return { route, pushed, calls, page }
}

const flush = async () => {
  for (let i = 0; i < 5; i++) await nextTick()
}

describe('useListPage', () => {
  it('reads on start and whenever the URL changes; keeps only the last answer', async () => {
    const { route, calls, page } = harness()
    expect(calls.map((c) => c.f)).toEqual([{ q: '', page: 1 }])
    expect(page.loading.value).toBe(true)
    route.query = { q: '道路' }
    await flush()
    expect(calls.length).toBe(2)
    calls[1].resolve('second')
    await flush()
    calls[0].resolve('first (stale)')
    await flush()
    expect(page.data.value).toBe('second')
    expect(page.loading.value).toBe(false)
  })
  it('go() writes the filter to the URL and returns to page 1 unless paging', async () => {
    const { pushed, page, route } = harness()
    route.query = { q: 'a', page: '3' }
    await flush()
    page.go({ q: 'b' })
    expect(pushed[pushed.length - 1]).toEqual({ q: 'b' })
    page.go({ page: 4 }, false)
    expect(pushed[pushed.length - 1]).toEqual({ q: 'b', page: '4' })
    page.reset()
    expect(pushed[pushed.length - 1]).toEqual({})
  })
  it('a failed read clears the data and shows the error text', async () => {
    const { calls, page, route } = harness()
    calls[0].resolve('rows')
    await flush()
    route.query = { q: 'x' }
    await flush()
    calls[1].reject(new ApiError(403, 'permission_denied', '角色无权'))
    await flush()
    expect(page.data.value).toBeNull()
    expect(page.error.value).toBe('无权访问该区划或功能')
  })
  it('with a key, only a change of the key reads again; other routes never read', async () => {
    const { calls, route } = harness(() => 'all')
    route.query = { q: 'local filter only' }
    await flush()
    expect(calls.length).toBe(1)
    const other = harness()
    other.route.name = 'elsewhere'
    other.route.query = { q: 'x' }
    await flush()
    expect(other.calls.length).toBe(1)
  })
})
