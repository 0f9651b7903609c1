// 调度督办各页共用的两种请求写法：读取时在 loading/error 中反映状态；写操作成功时提示、失败时提示服务端给出的原因。
import { ElMessage } from 'element-plus'
import type { Ref } from 'vue'
import { errorText } from '../../api/errors'

/** 读取：执行期间 loading 为 true；失败时 error 为原因（errorText），成功时为空。 */
export async function loadInto(loading: Ref<boolean>, error: Ref<string>, read: () => Promise<void>): Promise<void> {
  loading.value = true
  error.value = ''
  try {
    await read()
  } catch (e) {
    error.value = errorText(e)
  } finally {
    loading.value = false
  }
}

export interface ActOptions<T> {
  /** 执行期间为 true（按钮的 loading）。 */
  busy?: Ref<boolean>
  /** 成功提示之后的后续步骤（刷新列表等）；其失败同样提示原因。 */
  after?: (result: T) => unknown
}

/** 写操作：成功时提示 success（可由结果决定）并执行 after；失败时提示原因。返回结果，失败为 undefined。 */
export async function act<T>(write: () => Promise<T>, success: string | ((result: T) => string), options: ActOptions<T> = {}): Promise<T | undefined> {
  const { busy, after } = options
  if (busy) busy.value = true
  try {
    const result = await write()
    ElMessage.success(typeof success === 'function' ? success(result) : success)
    await after?.(result)
    return result
  } catch (e) {
    ElMessage.error(errorText(e))
    return undefined
  } finally {
    if (busy) busy.value = false
  }
}
