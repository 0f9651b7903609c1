// 下辖区划支出进度矩形树图：面积为下达资金，颜色为支出进度（相对时间进度）。纯函数。
import zhCN from '../locale/zh-CN'
import { fenToWan } from '../utils/format'
import { DEFAULT_BEHIND_PTS, progressColor } from './colors'

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
  /** 上层标签（地市）：估计的格子宽度能否放下名称与进度、只放名称、都放不下（上层标签不经 labelLayout） */
  fit: 'full' | 'name' | 'none'
  children?: TreemapNode[]
}

/** 图表的像素尺寸：用来估计地市格子的宽度，放不下完整名称的不写名称（不截断成“拉萨…”）。 */
export interface ChartSize {
  width: number
  height: number
}

const FONT = 12
const UPPER_HEIGHT = 20

/** 文字宽度的估计（像素）：汉字一个字号宽，其余约 0.6 个字号宽。 */
export function textWidth(text: string, fontSize = FONT): number {
  let w = 0
  for (const ch of text) w += /[\u2e80-\uffff]/.test(ch) ? fontSize : fontSize * 0.6
  return w
}



/** 提示框以 HTML 渲染：区划名称等数据文本须转义，不得成为标记。 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

const fmt = (p: unknown) => (typeof p === 'number' && Number.isFinite(p) ? `${p.toFixed(2)}%` : '—')

function toNode(n: TreemapNodeInput, t: number, behindPts: number, area: number, upper: boolean): TreemapNode {
  // 面积用万元（浮点只用于绘图面积，不用于显示金额）
  const node: TreemapNode = {
    name: n.name,
    code: n.code,
    value: Math.max(n.allocated_fen, 0) / 1_000_000,
    progress: n.progress,
    itemStyle: { color: progressColor(n.progress, t, behindPts) },
    fit: 'none',
  }
  const kids = (n.children ?? []).filter((c) => c.allocated_fen > 0)
  if (upper) {
    // 上层标签：一行，宽度为格子宽（长宽比按最多 2:1 估计，取短边）
    const short = Math.sqrt(Math.max(area, 0) / 2)
    node.fit = short >= textWidth(`${n.name} ${fmt(n.progress)}`) + 8 ? 'full' : short >= textWidth(n.name) + 8 ? 'name' : 'none'
  } else {
    node.fit = 'full'
  }
  if (kids.length) {
    const total = kids.reduce((a, c) => a + c.allocated_fen, 0)
    // 子格子分得父格子去掉上层标签条与边框后的面积
    const inner = !Number.isFinite(area) ? area : Math.max(area - UPPER_HEIGHT * Math.sqrt(Math.max(area, 0) * 2) - 8 * Math.sqrt(Math.max(area, 0)), 0)
    node.children = kids.map((c) => toNode(c, t, behindPts, (inner * c.allocated_fen) / total, false))
  }
  return node
}

/** labelLayout 回调的参数（ECharts 给出的格子矩形与标签文字）。 */
export interface LabelLayoutParams {
  rect: { width: number; height: number }
  text: string
}

/** 格子放得下整段标签时原位显示，否则移到画布之外（不显示），从不显示被截断的名称。 */
export function treemapLabelLayout(p: LabelLayoutParams): { x?: number; y?: number } {
  const lines = (p.text ?? '').split('\n')
  const w = Math.max(...lines.map((l) => textWidth(l))) + 6
  const h = lines.length * (FONT + 4) + 2
  return p.rect.width >= w && p.rect.height >= h ? {} : { x: -10000, y: -10000 }
}

/**
 * size 给出时估计每个格子的大小，放不下的标签不写（名称见悬停提示与下方的链接、排名表）；不给时全部写出。
 */
export function treemapOption(
  nodes: TreemapNodeInput[],
  timeProgress: number,
  size?: ChartSize,
  behindPts: number = DEFAULT_BEHIND_PTS,
) {
  const shown = nodes.filter((n) => n.allocated_fen > 0)
  const nested = shown.some((n) => n.children?.some((c) => c.allocated_fen > 0))
  const total = shown.reduce((a, n) => a + n.allocated_fen, 0)
  const area = size ? size.width * size.height : Number.POSITIVE_INFINITY
  const data = shown.map((n) => toNode(n, timeProgress, behindPts, (area * n.allocated_fen) / total, nested))
  // 格子内的标签写全；放不下的由 labelLayout 移出画布（ECharts 给出格子的实际大小），不截断
  const label = (d: TreemapNode | undefined) => (d ? `${d.name}\n${fmt(d.progress)}` : '')
  const upper = (d: TreemapNode | undefined) =>
    !d || d.fit === 'none' ? '' : d.fit === 'name' ? d.name : `${d.name} ${fmt(d.progress)}`
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
          formatter: (p: { data?: TreemapNode }) => label(p.data),
          fontSize: FONT,
          overflow: 'none' as const,
        },
        labelLayout: treemapLabelLayout,
        upperLabel: {
          show: nested,
          height: UPPER_HEIGHT,
          color: '#fff',
          fontWeight: 'bold' as const,
          formatter: (p: { data?: TreemapNode }) => upper(p.data),
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
