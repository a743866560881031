import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import { ElMessage } from 'element-plus'
import { onUnauthorized } from '@/shared/api'
import { hasAnyRole, refreshMe } from '@/shared/auth'
import { t } from '@/shared/i18n'
import { session } from '@/shared/session'
import type { Role } from '@/shared/types'
import { MENU } from './menu'

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

function errorPage(kind: 'forbidden' | 'not-found', path: string, title: string): RouteRecordRaw {
  return { path, name: kind, component: () => import('./views/ErrorView.vue'), props: { kind }, meta: { title } }
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
        ...MENU.map((m) => ({
          path: m.path.slice(1),
          name: m.key,
          component: m.view,
          meta: { title: m.label, roles: m.roles },
        })),
        errorPage('forbidden', 'forbidden', 'errors.forbidden'),
        errorPage('not-found', ':pathMatch(.*)*', 'errors.notFound'),
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
