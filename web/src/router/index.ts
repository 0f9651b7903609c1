import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import AdminLayout from '../layout/AdminLayout.vue'
import zhCN from '../locale/zh-CN'

declare module 'vue-router' {
  interface RouteMeta {
    title?: string
    icon?: string
  }
}

export const menuRoutes: RouteRecordRaw[] = [
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
    meta: { title: zhCN.menu.projects, icon: 'Folder' },
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
    path: 'regions',
    name: 'regions',
    component: () => import('../views/regions/RegionsView.vue'),
    meta: { title: zhCN.menu.regions, icon: 'Location' },
  },
]

const routes: RouteRecordRaw[] = [
  {
    path: '/',
    component: AdminLayout,
    redirect: '/regions',
    children: [...menuRoutes, { path: ':pathMatch(.*)*', redirect: '/regions' }],
  },
]

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes,
})

router.afterEach((to) => {
  const t = to.meta.title
  document.title = t ? `${t} - ${zhCN.app.title}` : zhCN.app.title
})
