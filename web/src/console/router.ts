import { createRouter, createWebHashHistory } from 'vue-router'
import { ElMessage } from 'element-plus'
import { onUnauthorized } from '@/shared/api'
import { hasAnyRole, refreshMe } from '@/shared/auth'
import { t } from '@/shared/i18n'
import { session } from '@/shared/session'
import type { Role } from '@/shared/types'

declare module 'vue-router' {
  interface RouteMeta {
    /** Any of these roles may open the page; none listed means every signed-in user. */
    roles?: Role[]
    /** Reachable without signing in. */
    public?: boolean
    /** i18n key of the page title. */
    title?: string
  }
}

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    {
      path: '/login',
      name: 'login',
      component: () => import('./views/LoginView.vue'),
      meta: { public: true, title: 'auth.consoleLoginTitle' },
    },
    {
      path: '/',
      component: () => import('./components/ConsoleLayout.vue'),
      children: [
        { path: '', name: 'home', component: () => import('./views/HomeView.vue'), meta: { title: 'console.menu.home' } },
        {
          path: 'directory',
          name: 'directory',
          component: () => import('./views/DirectoryView.vue'),
          meta: { title: 'console.menu.directory' },
        },
        {
          path: 'audit',
          name: 'audit',
          component: () => import('./views/AuditView.vue'),
          meta: { title: 'console.menu.audit', roles: ['AUDITOR', 'PLATFORM_ADMIN'] },
        },
        {
          path: 'notifications',
          name: 'notifications',
          component: () => import('./views/NotificationsView.vue'),
          meta: { title: 'console.menu.notifications' },
        },
        {
          path: 'accounts',
          name: 'accounts',
          component: () => import('./views/AccountsView.vue'),
          meta: { title: 'console.menu.accounts', roles: ['PLATFORM_ADMIN'] },
        },
        {
          path: 'dev-sms',
          name: 'dev-sms',
          component: () => import('./views/DevSmsView.vue'),
          meta: { title: 'console.menu.devSms', roles: ['PLATFORM_ADMIN'] },
        },
        {
          path: 'forbidden',
          name: 'forbidden',
          component: () => import('./views/ErrorView.vue'),
          props: { kind: 'forbidden' },
          meta: { title: 'errors.forbidden' },
        },
        {
          path: ':pathMatch(.*)*',
          name: 'not-found',
          component: () => import('./views/ErrorView.vue'),
          props: { kind: 'not-found' },
          meta: { title: 'errors.notFound' },
        },
      ],
    },
  ],
})

router.beforeEach(async (to) => {
  if (to.meta.public) {
    return to.name === 'login' && session.token ? { name: 'home' } : true
  }
  if (!session.token) return { name: 'login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} }
  // A kept token without its user (or from an older visit): roles are needed before deciding.
  if (!session.user) await refreshMe()
  if (!session.token) return { name: 'login', query: { redirect: to.fullPath } }
  if (to.meta.roles && !hasAnyRole(...to.meta.roles)) return { name: 'forbidden' }
  return true
})

onUnauthorized(() => {
  const current = router.currentRoute.value
  ElMessage.warning(t('auth.sessionExpired'))
  if (!current.meta.public) void router.replace({ name: 'login', query: { redirect: current.fullPath } })
})
