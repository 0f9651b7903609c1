// 按需引入 ECharts，控制打包体积。新增图表类型/组件时在此注册。
import * as echarts from 'echarts/core'
import { BarChart, LineChart, TreemapChart } from 'echarts/charts'
import {
  GridComponent,
  TooltipComponent,
  LegendComponent,
  TitleComponent,
  MarkLineComponent,
} from 'echarts/components'
// 只用 SVG 渲染器（矢量，打印清晰；少带一个渲染器，挂图作战在慢速链路上少下载一些）
import { SVGRenderer } from 'echarts/renderers'
// labelLayout（矩形树图隐藏放不下的标签）需要此功能
import { LabelLayout } from 'echarts/features'

echarts.use([
  BarChart,
  LineChart,
  TreemapChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  TitleComponent,
  MarkLineComponent,
  SVGRenderer,
  LabelLayout,
])

export { echarts }
