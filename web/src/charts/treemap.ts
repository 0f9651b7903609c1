// 下辖区划支出进度矩形树图：面积为下达资金，颜色为支出进度（相对时间进度）。纯函数。
import zhCN from '../locale/zh-CN'
import { fenToWan } from '../utils/format'
import { progressColor } from './colors'

export interface TreemapNodeInput {
  code: string
  name: string
  allocated_fen: number
  /** 支出进度，百分数，无资金为 null */
  progress: number | null
  children?: TreemapNodeInput[]
}

interface TreemapNode {
  name: string
  code: string
  value: number
  progress: number | null
  itemStyle: { color: string }
  children?: TreemapNode[]
}

/** 提示框以 HTML 渲染：区划名称等数据文本须转义，不得成为标记。 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

function toNode(n: TreemapNodeInput, t: number): TreemapNode {
  // 面积用万元（浮点只用于绘图面积，不用于显示金额）
  const node: TreemapNode = {
    name: n.name,
    code: n.code,
    value: Math.max(n.allocated_fen, 0) / 1_000_000,
    progress: n.progress,
    itemStyle: { color: progressColor(n.progress, t) },
  }
  if (n.children && n.children.length) node.children = n.children.map((c) => toNode(c, t))
  return node
}

export function treemapOption(nodes: TreemapNodeInput[], timeProgress: number) {
  const data = nodes.filter((n) => n.allocated_fen > 0).map((n) => toNode(n, timeProgress))
  const nested = data.some((n) => n.children)
  const fmt = (p: unknown) => (typeof p === 'number' && Number.isFinite(p) ? `${p.toFixed(2)}%` : '—')
  return {
    tooltip: {
      formatter: (info: { data?: TreemapNode }) => {
        const d = info.data
        if (!d || typeof d.value !== 'number') return ''
        return `${escapeHtml(d.name)}<br/>${zhCN.dashboard.expenditureProgress} ${fmt(d.progress)}<br/>${fenToWan(
          Math.round(d.value * 1_000_000),
        )} ${zhCN.common.wanUnit}`
      },
    },
    series: [
      {
        type: 'treemap' as const,
        data,
        roam: false,
        nodeClick: false as const,
        breadcrumb: { show: false },
        width: '100%',
        height: '100%',
        top: 0,
        left: 0,
        label: {
          show: true,
          formatter: (p: { data?: TreemapNode }) => (p.data ? `${p.data.name}\n${fmt(p.data.progress)}` : ''),
          fontSize: 12,
          overflow: 'truncate' as const,
        },
        upperLabel: {
          show: nested,
          height: 20,
          color: '#fff',
          fontWeight: 'bold' as const,
          overflow: 'truncate' as const,
          formatter: (p: { data?: TreemapNode }) => (p.data ? `${p.data.name} ${fmt(p.data.progress)}` : ''),
        },
        // levels[0] 为不可见的根，[1] 为数据第一层（地市或县），[2] 为第二层（县）
        levels: nested
          ? [
              { itemStyle: { borderWidth: 0, gapWidth: 4 }, upperLabel: { show: false } },
              { itemStyle: { borderColor: '#4a5a70', borderWidth: 2, gapWidth: 1 } },
              { itemStyle: { borderColor: 'rgba(255,255,255,0.7)', borderWidth: 1, gapWidth: 1 } },
            ]
          : [{ itemStyle: { borderWidth: 0, gapWidth: 2 } }, { itemStyle: { borderColor: '#fff', borderWidth: 1 } }],
      },
    ],
  }
}
