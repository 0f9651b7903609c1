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
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers'
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
  CanvasRenderer,
  SVGRenderer,
  LabelLayout,
])

export { echarts }
