// 页头铃铛：工作台的待办总数（docs/definitions.md §14，含未签收提醒）。换页时与签收提醒后刷新。
import { ref } from 'vue'
import { getWorkbench } from '../../api/workbench'

export const unreadReminders = ref(0)

/** 重新读取工作台的待办总数；读取失败时显示为 0（不打扰当前页面）。 */
export async function refreshUnreadReminders(): Promise<void> {
  try {
    unreadReminders.value = (await getWorkbench()).total
  } catch {
    unreadReminders.value = 0
  }
}
