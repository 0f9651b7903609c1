// 全部界面中文文案集中在此文件。组件内不直接写中文字符串。

export const zhCN = {
  app: {
    title: '衔接资金项目管理系统',
    subtitle: '乡村振兴衔接资金项目管理',
    user: '业务科室',
    home: '首页',
  },
  menu: {
    dashboard: '挂图作战',
    projects: '项目库',
    ledger: '资金台账',
    flags: '问题预警',
    regions: '区划管理',
  },
  common: {
    empty: '暂无数据',
    loading: '加载中…',
    search: '搜索',
    exportCsv: '导出 CSV',
    loadFailed: '数据加载失败',
    networkError: '无法连接服务器',
    retry: '重试',
    total: (n: number) => `共 ${n} 条`,
  },
  level: {
    province: '省级',
    prefecture: '地市',
    county: '县区',
    township: '乡镇',
    village: '村',
    unknown: '其他',
  } as Record<string, string>,
  regions: {
    treeTitle: '行政区划',
    treeSearch: '搜索已加载的区划名称或代码',
    tableTitle: (name: string) => `${name} · 下级区划`,
    tableTitleNone: '下级区划',
    tableSearch: '按名称或代码筛选',
    colCode: '区划代码',
    colName: '名称',
    colLevel: '级别',
    colChildCount: '下级数量',
    colDescendantCount: '下辖区划总数',
    colAction: '操作',
    viewChildren: '查看下级',
    descendants: (n: number) => `下辖 ${n}`,
    selectHint: '请在左侧选择区划',
    leafHint: '该区划无下级区划',
    csvFile: (code: string) => `区划_${code}_下级.csv`,
    summary: (name: string, level: string, children: number, desc: number) =>
      `${name}（${level}）：下级 ${children} 个，下辖区划共 ${desc} 个`,
  },
  dashboard: {
    title: '挂图作战',
    indicators: '核心指标',
    progressChart: '资金支出进度',
    timeProgress: '时间进度',
    expenditureProgress: '支出进度',
    noIndicators: '暂无指标数据',
  },
  placeholder: {
    projects: '项目库暂无数据',
    ledger: '资金台账暂无数据',
    flags: '暂无问题预警',
  },
  errors: {
    not_found: '请求的资源不存在',
    bad_request: '请求参数有误',
    internal: '服务器内部错误',
  } as Record<string, string>,
}

export type Locale = typeof zhCN
export default zhCN
