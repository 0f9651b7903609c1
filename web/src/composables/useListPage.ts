// URL 同步的列表页（审计、台账、项目、用户）共用的部分：筛选条件只存在于 URL 查询串中，
// 查询串变化时重新读取（只保留最后一次请求的结果），翻页与筛选写回 URL，错误统一由 errorText 给出。
import { computed, ref, shallowRef, watch, type ComputedRef, type Ref, type ShallowRef } from 'vue'
import { useRoute, useRouter, type LocationQuery, type LocationQueryRaw } from 'vue-router'
import { errorText } from '../api/errors'

export interface ListPageOptions<F, R> {
  /** 本页的路由名：离开本页后 URL 变化不再触发读取。 */
  routeName: string
  /** URL 查询串 → 筛选条件（非法值回落为默认值）。 */
  parse: (q: LocationQuery) => F
  /** 筛选条件 → URL 查询串（默认值不写出）。 */
  toQuery: (f: F) => LocationQueryRaw
  /** 按筛选条件读取一页数据。 */
  fetch: (f: F) => Promise<R>
  /** 决定是否需要重新读取的那部分条件（默认整个查询串）；如用户页的搜索只在本地过滤。 */
  key?: (f: F) => unknown
}

export interface ListPage<F, R> {
  filter: ComputedRef<F>
  data: ShallowRef<R | null>
  loading: Ref<boolean>
  error: Ref<string>
  /** 按当前 URL 重新读取。 */
  load: () => Promise<void>
  /** 改变筛选条件并写入 URL；除翻页外回到第 1 页。 */
  go: (patch: Partial<F>, resetPage?: boolean) => void
  /** 清除全部筛选条件。 */
  reset: () => void
}

/** 列表页需要的那部分路由：当前路由名与查询串，和写入新查询串的方法。 */
export interface ListRoute {
  route: { readonly name?: unknown; readonly query: LocationQuery }
  push: (query: LocationQueryRaw) => unknown
}

/** 在组件中使用：路由取自 vue-router。 */
export function useListPage<F extends object, R>(o: ListPageOptions<F, R>): ListPage<F, R> {
  const route = useRoute()
  const router = useRouter()
  return createListPage({ route, push: (query) => router.push({ query }) }, o)
}

/** useListPage 的实现，路由由调用者给出（单元测试用一个 reactive 对象）。 */
export function createListPage<F extends object, R>({ route, push }: ListRoute, o: ListPageOptions<F, R>): ListPage<F, R> {
  const filter = computed<F>(() => o.parse(route.query))
  const data = shallowRef<R | null>(null)
  const loading = ref(false)
  const error = ref('')

  let seq = 0
  async function load(): Promise<void> {
    if (route.name !== o.routeName) return
    const my = ++seq
    loading.value = true
    error.value = ''
    try {
      const r = await o.fetch(filter.value)
      if (my === seq) data.value = r
    } catch (e) {
      if (my !== seq) return
      data.value = null
      error.value = errorText(e)
    } finally {
      if (my === seq) loading.value = false
    }
  }
  const key = o.key
  watch(() => (key ? JSON.stringify(key(filter.value)) : route.query), () => void load(), { immediate: true })

  function go(patch: Partial<F>, resetPage = true): void {
    const next = { ...filter.value, ...patch }
    if (resetPage && 'page' in next) (next as { page: number }).page = 1
    void push(o.toQuery(next))
  }
  function reset(): void {
    void push({})
  }
  return { filter, data, loading, error, load, go, reset }
}
