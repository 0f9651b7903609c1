import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import AdminLayout from '../layout/AdminLayout.vue'
import zhCN from '../locale/zh-CN'
import { setUnauthenticatedHandler } from '../api/request'
import { auth, clearSession, ensureSession } from '../auth/session'
import { canSee, landingFor, type RouteName } from '../auth/roles'

declare module 'vue-router' {
  interface RouteMeta {
    title?: string
    icon?: string
    public?: boolean
    /** 非菜单页面的上级菜单（面包屑与菜单高亮用）：[标题, 路径] */
    parent?: [string, string]
  }
}

export const menuRoutes: RouteRecordRaw[] = [
  {
    path: 'workbench',
    name: 'workbench',
    component: () => import('../views/workbench/WorkbenchView.vue'),
    meta: { title: zhCN.menu.workbench, icon: 'Bell' },
  },
  {
    path: 'dashboard',
    name: 'dashboard',
    component: () => import('../views/dashboard/DashboardView.vue'),
    meta: { title: zhCN.menu.dashboard, icon: 'DataAnalysis' },
  },
  {
    path: 'projects',
    name: 'projects',
    component: () => import('../views/projects/ProjectsView.vue'),
    meta: { title: zhCN.menu.projects, icon: 'Files' },
  },
  {
    path: 'village-plans',
    name: 'village-plans',
    component: () => import('../views/library/VillagePlansView.vue'),
    meta: { title: zhCN.menu.villagePlans, icon: 'House' },
  },
  {
    path: 'overdue',
    name: 'overdue',
    component: () => import('../views/library/OverdueView.vue'),
    meta: { title: zhCN.menu.overdue, icon: 'AlarmClock' },
  },
  {
    path: 'ledger',
    name: 'ledger',
    component: () => import('../views/ledger/LedgerView.vue'),
    meta: { title: zhCN.menu.ledger, icon: 'Tickets' },
  },
  {
    path: 'flags',
    name: 'flags',
    component: () => import('../views/flags/FlagsView.vue'),
    meta: { title: zhCN.menu.flags, icon: 'Warning' },
  },
  {
    path: 'timeliness',
    name: 'timeliness',
    component: () => import('../views/timeliness/TimelinessView.vue'),
    meta: { title: zhCN.menu.timeliness, icon: 'Timer' },
  },
  {
    path: 'settlements',
    name: 'settlements',
    component: () => import('../views/settlements/SettlementsView.vue'),
    meta: { title: zhCN.menu.settlements, icon: 'Medal' },
  },
  {
    path: 'allocation',
    name: 'allocation',
    component: () => import('../views/allocation/AllocationView.vue'),
    meta: { title: zhCN.menu.allocation, icon: 'Coin' },
  },
  {
    path: 'evaluations',
    name: 'evaluations',
    component: () => import('../views/evaluations/EvaluationsView.vue'),
    meta: { title: zhCN.menu.evaluations, icon: 'Trophy' },
  },
  {
    path: 'dispatch',
    name: 'dispatch',
    component: () => import('../views/dispatch/DispatchView.vue'),
    meta: { title: zhCN.menu.dispatch, icon: 'Calendar' },
  },
  {
    path: 'regions',
    name: 'regions',
    component: () => import('../views/regions/RegionsView.vue'),
    meta: { title: zhCN.menu.regions, icon: 'Location' },
  },
  {
    path: 'imports',
    name: 'imports',
    component: () => import('../views/imports/ImportView.vue'),
    meta: { title: zhCN.menu.imports, icon: 'Upload' },
  },
  {
    path: 'users',
    name: 'users',
    component: () => import('../views/users/UsersView.vue'),
    meta: { title: zhCN.menu.users, icon: 'User' },
  },
  {
    path: 'tokens',
    name: 'tokens',
    component: () => import('../views/tokens/TokensView.vue'),
    meta: { title: zhCN.menu.tokens, icon: 'Key' },
  },
  {
    path: 'audit',
    name: 'audit',
    component: () => import('../views/audit/AuditView.vue'),
    meta: { title: zhCN.menu.audit, icon: 'DocumentChecked' },
  },
]

const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('../views/login/LoginView.vue'),
    meta: { title: zhCN.login.title, public: true },
  },
  {
    path: '/public/postings',
    name: 'public-postings',
    component: () => import('../views/public/PublicPostingsView.vue'),
    meta: { title: zhCN.library.publicTitle, public: true },
  },
  {
    // 季通报：独立的可打印页面（不带侧边栏），需登录
    path: '/bulletin',
    name: 'bulletin',
    component: () => import('../views/bulletin/BulletinView.vue'),
    meta: { title: zhCN.menu.bulletin },
  },
  {
    path: '/',
    component: AdminLayout,
    // 首页：领导为挂图作战，其他角色为工作台（docs/definitions.md §14）
    redirect: () => landingFor(auth.session?.role ?? ''),
    children: [
      ...menuRoutes,
      {
        path: 'projects/new',
        name: 'project-new',
        component: () => import('../views/projects/ProjectEditView.vue'),
        meta: { title: zhCN.menu.projectNew, parent: [zhCN.menu.projects, '/projects'] },
      },
      {
        path: 'projects/:code/edit',
        name: 'project-edit',
        component: () => import('../views/projects/ProjectEditView.vue'),
        meta: { title: zhCN.menu.projectEdit, parent: [zhCN.menu.projects, '/projects'] },
      },
      {
        path: 'projects/:code',
        name: 'project',
        component: () => import('../views/projects/ProjectDetailView.vue'),
        meta: { title: zhCN.menu.project, parent: [zhCN.menu.projects, '/projects'] },
      },
      { path: ':pathMatch(.*)*', redirect: '/dashboard' },
    ],
  },
]

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes,
})

router.beforeEach(async (to) => {
  if (to.meta.public) return true
  const s = await ensureSession()
  if (!s) return { name: 'login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} }
  const name = to.name as RouteName | undefined
  if (name && !canSee(name, s.role)) return { name: 'dashboard' }
  return true
})

router.afterEach((to) => {
  const t = to.meta.title
  document.title = t ? `${t} - ${zhCN.app.title}` : zhCN.app.title
})

// 会话过期（任一接口 401）：回到登录页并保留当前地址
setUnauthenticatedHandler(() => {
  if (!auth.session) return
  clearSession()
  const cur = router.currentRoute.value
  if (!cur.meta.public) void router.replace({ name: 'login', query: { redirect: cur.fullPath, expired: '1' } })
})
