// 视口宽度分档（响应窗口变化）：phone ≤ 768 px，medium ≤ 1100 px。
import { onBeforeUnmount, onMounted, ref } from 'vue'

export function useWidthClass() {
  const phone = ref(false)
  const medium = ref(false)
  let qs: MediaQueryList[] = []
  const update = () => {
    phone.value = !!qs[0]?.matches
    medium.value = !!qs[1]?.matches
  }
  onMounted(() => {
    qs = [window.matchMedia('(max-width: 768px)'), window.matchMedia('(max-width: 1100px)')]
    update()
    for (const q of qs) q.addEventListener('change', update)
  })
  onBeforeUnmount(() => {
    for (const q of qs) q.removeEventListener('change', update)
  })
  return { phone, medium }
}
