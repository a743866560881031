import { createRouter, createWebHashHistory } from 'vue-router'
import { showToast } from 'vant'
import { onUnauthorized } from '@/shared/api'
import { session } from '@/shared/session'
import { t } from '@/shared/i18n'

declare module 'vue-router' {
  interface RouteMeta {
    /** Only signed-in users; others go to #/login?redirect=... */
    requiresAuth?: boolean
    /** The bottom tabbar shows on this page. */
    tabbar?: boolean
    /** i18n key of the page title. */
    title?: string
  }
}

export const router = createRouter({
  history: createWebHashHistory(),
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  routes: [
    { path: '/', name: 'home', component: () => import('./views/HomeView.vue'), meta: { tabbar: true } },
    { path: '/login', name: 'login', component: () => import('./views/LoginView.vue'), meta: { title: 'auth.login' } },
    {
      path: '/directory',
      name: 'directory',
      component: () => import('./views/DirectoryView.vue'),
      meta: { tabbar: true, title: 'directory.title' },
    },
    {
      path: '/directory/org/:id',
      name: 'organization',
      component: () => import('./views/OrganizationView.vue'),
      props: true,
      meta: { title: 'directory.orgDetail' },
    },
    {
      path: '/messages',
      name: 'messages',
      component: () => import('./views/MessagesView.vue'),
      meta: { tabbar: true, requiresAuth: true, title: 'messages.title' },
    },
    { path: '/me', name: 'me', component: () => import('./views/MeView.vue'), meta: { tabbar: true, title: 'nav.me' } },
    {
      path: '/register',
      name: 'register',
      component: () => import('./views/RegisterView.vue'),
      meta: { title: 'register.title' },
    },
    {
      path: '/health-code',
      name: 'health-code',
      component: () => import('./views/HealthCodeView.vue'),
      meta: { requiresAuth: true, title: 'healthCode.title' },
    },
    {
      path: '/health-code/scans',
      name: 'scans',
      component: () => import('./views/ScanHistoryView.vue'),
      meta: { requiresAuth: true, title: 'scans.title' },
    },
    {
      path: '/family',
      name: 'family',
      component: () => import('./views/FamilyView.vue'),
      meta: { requiresAuth: true, title: 'family.title' },
    },
    {
      path: '/family/add',
      name: 'family-add',
      component: () => import('./views/AddRelativeView.vue'),
      meta: { requiresAuth: true, title: 'family.addTitle' },
    },
    {
      path: '/triage',
      name: 'triage',
      component: () => import('./views/TriageView.vue'),
      meta: { requiresAuth: true, title: 'triage.title' },
    },
    {
      path: '/book',
      name: 'book',
      component: () => import('./views/BookView.vue'),
      meta: { requiresAuth: true, title: 'booking.title' },
    },
    {
      path: '/appointments',
      name: 'appointments',
      component: () => import('./views/AppointmentsView.vue'),
      meta: { requiresAuth: true, title: 'appointments.title' },
    },
    {
      path: '/queue',
      name: 'queue',
      component: () => import('./views/QueueView.vue'),
      meta: { requiresAuth: true, title: 'myQueue.title' },
    },
    {
      path: '/record',
      name: 'record',
      component: () => import('./views/RecordView.vue'),
      meta: { requiresAuth: true, title: 'records.title' },
    },
    {
      path: '/record/trends',
      name: 'record-trends',
      component: () => import('./views/RecordTrendsView.vue'),
      meta: { requiresAuth: true, title: 'records.trendsTitle' },
    },
    {
      path: '/record/consents',
      name: 'record-consents',
      component: () => import('./views/ConsentsView.vue'),
      meta: { requiresAuth: true, title: 'consents.title' },
    },
    {
      path: '/record/consents/new',
      name: 'record-consent-new',
      component: () => import('./views/ConsentGrantView.vue'),
      meta: { requiresAuth: true, title: 'consents.addTitle' },
    },
    {
      path: '/record/access-log',
      name: 'record-access-log',
      component: () => import('./views/AccessLogView.vue'),
      meta: { requiresAuth: true, title: 'accessLog.title' },
    },
    { path: '/:pathMatch(.*)*', redirect: '/' },
  ],
})

router.beforeEach((to) => {
  if (to.meta.requiresAuth && !session.token) {
    return { name: 'login', query: { redirect: to.fullPath } }
  }
  if ((to.name === 'login' || to.name === 'register') && session.token) return { path: '/' }
  return true
})

onUnauthorized(() => {
  const current = router.currentRoute.value
  showToast(t('auth.sessionExpired'))
  if (current.meta.requiresAuth) void router.replace({ name: 'login', query: { redirect: current.fullPath } })
})
