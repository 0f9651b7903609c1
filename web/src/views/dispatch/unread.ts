// 消息中心的未签收数：页头铃铛显示，签收后由提醒页刷新。
import { ref } from 'vue'
import { listReminders } from '../../api/dispatch'

export const unreadReminders = ref(0)

/** 重新读取本人未签收的点对点提醒数；读取失败时显示为 0（不打扰当前页面）。 */
export async function refreshUnreadReminders(): Promise<void> {
  try {
    unreadReminders.value = (await listReminders({ mine: true, status: 'unread' })).unread
  } catch {
    unreadReminders.value = 0
  }
}
