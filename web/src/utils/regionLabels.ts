// 区划代码 → 显示路径（县 / 乡 / 村）的会话内缓存：表格每行只问一次，同一代码共用一次请求。
import { getRegion } from '../api/regions'
import { regionPathLabel } from './regionPath'

const cache = new Map<string, Promise<string>>()

/** 区划的显示路径；取不到（无权、不存在、网络）时为空串。 */
export function regionLabelOf(code: string): Promise<string> {
  if (!code) return Promise.resolve('')
  let p = cache.get(code)
  if (!p) {
    p = getRegion(code).then(
      (r) => regionPathLabel(r.path) || r.name,
      () => {
        cache.delete(code)
        return ''
      },
    )
    cache.set(code, p)
  }
  return p
}
